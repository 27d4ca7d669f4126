using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace SecurityGroups.Domain.Persistence;

/// <summary>What <c>GET /_emulator/health</c> reports about storage.</summary>
public sealed record StorageStatus(string Provider, string Status, string DataSource, string JournalMode, string Synchronous, int PendingMigrations, string? Error);

public sealed class StorageHealth(EmulatorDbContext db, IOptions<StorageOptions> options)
{
    public async Task<StorageStatus> CheckAsync(CancellationToken ct)
    {
        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        try
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
            string journal;
            string synchronous;
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA journal_mode;";
                journal = Convert.ToString(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) ?? "";
                command.CommandText = "PRAGMA synchronous;"; // what the connection really runs with, as the pragma interceptor set it
                synchronous = Convert.ToInt64(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) switch
                {
                    0 => "Off",
                    1 => "Normal",
                    2 => "Full",
                    _ => "Extra",
                };
            }
            finally
            {
                await db.Database.CloseConnectionAsync().ConfigureAwait(false);
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(ct).ConfigureAwait(false)).Count();
            return new StorageStatus(options.Value.Provider, pending == 0 ? "Healthy" : "Degraded", dataSource,
                journal, synchronous, pending, null);
        }
        catch (SqliteException ex)
        {
            return new StorageStatus(options.Value.Provider, "Unhealthy", dataSource, "", options.Value.Synchronous, 0, ex.Message);
        }
    }
}
