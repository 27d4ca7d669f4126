using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace SecurityGroups.Domain.Persistence.Postgres;

/// <summary>
/// The write order and the write version of every replica on one PostgreSQL database (ADR-008): one row,
/// <c>"WriteVersion"</c>. A mutation's transaction first increments it: that takes the row's lock, so writers through
/// any replica run one at a time (quota counts, duplicate checks and ClientToken lookups then see every earlier commit,
/// READ COMMITTED), and the new number commits with the mutation or rolls back with it. Readers key their caches by the
/// number they read (one primary-key read), so a write acknowledged by one replica is seen by the next read on any.
/// Plain SQL: nothing here needs a PostgreSQL-only feature.
/// </summary>
public sealed class SharedWriteVersion(NpgsqlDataSource source)
{
    internal const string Table = "WriteVersion";
    private const string Bump = $"UPDATE \"{Table}\" SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = 1";
    private const string Read = $"SELECT \"Version\" FROM \"{Table}\" WHERE \"Id\" = 1";
    private const string Lock = $"SELECT \"Version\" FROM \"{Table}\" WHERE \"Id\" = 1 FOR UPDATE";

    /// <summary>Inside the mutation's transaction, before its first statement: waits for the writer before it to commit.</summary>
    public async Task EnterAsync(EmulatorDbContext db, CancellationToken ct)
    {
        if (await db.Database.ExecuteSqlRawAsync(Bump, ct).ConfigureAwait(false) != 1)
        {
            throw new InvalidOperationException($"The \"{Table}\" row is missing: the PostgreSQL migrations were not applied.");
        }
    }

    /// <summary>The version every replica's caches are keyed by.</summary>
    public async ValueTask<long> ReadAsync(CancellationToken ct)
    {
        await using var command = source.CreateCommand(Read);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The health probe's write that changes nothing: the writers' row lock, taken and released in one transaction.</summary>
    public async Task ProbeAsync(TimeSpan wait, CancellationToken ct)
    {
        await using var connection = await source.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(Lock, connection, transaction) { CommandTimeout = Math.Max(1, (int)wait.TotalSeconds) };
        await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }
}
