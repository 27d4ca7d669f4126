using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Persistence;

namespace SecurityGroups.UnitTests.Persistence;

/// <summary>
/// A compiled query is bound by EF Core to the first model that runs it. Two contexts with models of their own (as a
/// SQLite server and a PostgreSQL server in one process have) must both be able to run the domain's compiled queries.
/// </summary>
public sealed class PerModelTests
{
    [Fact]
    public async Task ACompiledQuery_RunsOnContextsOfDifferentModels()
    {
        var perModel = new PerModel<Func<EmulatorDbContext, string, CancellationToken, Task<int>>>(() =>
            EF.CompileAsyncQuery((EmulatorDbContext db, string accountId, CancellationToken ct) => db.SecurityGroups.Count(g => g.AccountId == accountId)));
        await using var first = await OwnModelAsync();
        await using var second = await OwnModelAsync();
        Assert.NotSame(first.Context.Model, second.Context.Model);

        Assert.Equal(0, await perModel.For(first.Context)(first.Context, "1", default));
        Assert.Equal(0, await perModel.For(second.Context)(second.Context, "1", default));
        Assert.Equal(0, await perModel.For(first.Context)(first.Context, "1", default));
        Assert.Same(perModel.For(first.Context), perModel.For(first.Context));
    }

    [Fact]
    public async Task APlainCompiledQuery_RefusesASecondModel()
    {
        // Why PerModel exists: without it the second model's call throws (the InternalError the PostgreSQL test run saw).
        var plain = EF.CompileAsyncQuery((EmulatorDbContext db, string accountId, CancellationToken ct) => db.SecurityGroups.Count(g => g.AccountId == accountId));
        await using var first = await OwnModelAsync();
        await using var second = await OwnModelAsync();

        Assert.Equal(0, await plain(first.Context, "1", default));
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => plain(second.Context, "1", default));
        Assert.Contains("different model", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>An in-memory SQLite database whose context builds its own model (no shared internal service provider).</summary>
    private static async Task<OwnDatabase> OwnModelAsync()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var context = new EmulatorDbContext(new DbContextOptionsBuilder<EmulatorDbContext>()
            .UseSqlite(connection)
            .EnableServiceProviderCaching(false)
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.ManyServiceProvidersCreatedWarning))
            .Options);
        await context.Database.EnsureCreatedAsync();
        return new OwnDatabase(connection, context);
    }

    private sealed record OwnDatabase(SqliteConnection Connection, EmulatorDbContext Context) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Context.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }
}
