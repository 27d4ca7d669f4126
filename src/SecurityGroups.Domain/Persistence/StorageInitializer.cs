using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SecurityGroups.Domain.Persistence;

/// <summary>Creates the data folder, switches the file to WAL and applies migrations (on PostgreSQL: creates the database if
/// missing and migrates under a lock, <see cref="Postgres.PostgresDatabase"/>). Any failure stops start-up.</summary>
public static class StorageInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (options.IsPostgres)
        {
            await Postgres.PostgresDatabase.InitializeAsync(db, options.ApplyMigrations, ct).ConfigureAwait(false);
            return;
        }

        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }

        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct).ConfigureAwait(false);
            if (options.ApplyMigrations)
            {
                await db.Database.MigrateAsync(ct).ConfigureAwait(false);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }
}
