using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecurityGroups.Domain.Common;

namespace SecurityGroups.Domain.Persistence;

/// <summary>What <c>GET /_emulator/health</c> reports about storage.</summary>
public sealed record StorageStatus(string Provider, string Status, string DataSource, string JournalMode, string Synchronous, int PendingMigrations, string? Error)
{
    /// <summary>This replica's name (<c>Storage:ReplicaId</c>, else host name and process id).</summary>
    public string Replica { get; init; } = "";
}

/// <summary>
/// Reads the storage's settings and, after a request met a storage fault (<see cref="StorageFaultMonitor"/>), probes
/// whether it takes writes again: unhealthy until it does, healthy (and the fault forgotten) as soon as it does, with no
/// client write needed. A healthy server probes nothing (health stays a read).
/// </summary>
public sealed class StorageHealth(EmulatorDbContext db, IOptions<StorageOptions> options, WriteGate gate, StorageFaultMonitor faults)
{
    /// <summary>How long the probe waits for the writer lock, and then for SQLite's lock: health answers within seconds.</summary>
    private static readonly TimeSpan ProbeWait = TimeSpan.FromSeconds(1);

    public async Task<StorageStatus> CheckAsync(CancellationToken ct) =>
        (options.Value.IsPostgres ? await CheckPostgresAsync(ct).ConfigureAwait(false) : await CheckSqliteAsync(ct).ConfigureAwait(false))
        with { Replica = options.Value.ReplicaName };

    /// <summary>PostgreSQL: reachable (the server's <c>synchronous_commit</c> read), migrations applied, and after a fault the
    /// writers' row lock taken and released (<see cref="Postgres.SharedWriteVersion.ProbeAsync"/>).</summary>
    private async Task<StorageStatus> CheckPostgresAsync(CancellationToken ct)
    {
        var target = new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var dataSource = $"{target.Host}:{target.Port}/{target.Database}";
        try
        {
            var synchronous = await db.Database.SqlQueryRaw<string>("SELECT current_setting('synchronous_commit') AS \"Value\"")
                .SingleAsync(ct).ConfigureAwait(false);
            var pending = (await db.Database.GetPendingMigrationsAsync(ct).ConfigureAwait(false)).Count();
            if (faults.Current is { } fault && !await ProbeWriteAsync(ct).ConfigureAwait(false))
            {
                var still = faults.Current ?? fault;
                return new StorageStatus(options.Value.Provider, "Unhealthy", dataSource, "", synchronous, pending,
                    $"Storage refuses writes ({still.Kind}): {still.Detail}");
            }

            return new StorageStatus(options.Value.Provider, pending == 0 ? "Healthy" : "Degraded", dataSource, "", synchronous, pending, null);
        }
        catch (Exception ex) when (StorageFaults.Classify(ex) is { } fault)
        {
            return new StorageStatus(options.Value.Provider, "Unhealthy", dataSource, "", "", 0, $"Storage is not reachable ({fault.Kind}): {fault.Detail}");
        }
    }

    private async Task<StorageStatus> CheckSqliteAsync(CancellationToken ct)
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
            if (faults.Current is { } fault && !await ProbeWriteAsync(ct).ConfigureAwait(false))
            {
                var still = faults.Current ?? fault;
                return new StorageStatus(options.Value.Provider, "Unhealthy", dataSource, journal, synchronous, pending,
                    $"Storage refuses writes ({still.Kind}): {still.Detail}");
            }

            return new StorageStatus(options.Value.Provider, pending == 0 ? "Healthy" : "Degraded", dataSource,
                journal, synchronous, pending, null);
        }
        catch (Exception ex) when (ex is SqliteException || StorageFaults.Classify(ex) is not null)
        {
            return new StorageStatus(options.Value.Provider, "Unhealthy", dataSource, "", options.Value.Synchronous, 0,
                StorageFaults.Classify(ex) is { } fault ? $"Storage is not reachable ({fault.Kind}): {fault.Detail}" : ex.Message);
        }
    }

    /// <summary>
    /// One real write that changes no data: rewrites the database header's <c>user_version</c> with its own value in an
    /// <c>IMMEDIATE</c> transaction, under the writer lock, without bumping <see cref="WriteGate.Version"/>. It needs the
    /// lock, room for a WAL frame and a writable file, as any mutation does. True when it committed (the fault is then cleared).
    /// </summary>
    private async Task<bool> ProbeWriteAsync(CancellationToken ct)
    {
        try
        {
            return await gate.ProbeAsync(async c =>
            {
                var connection = db.Database.GetDbConnection();
                await db.Database.OpenConnectionAsync(c).ConfigureAwait(false);
                try
                {
                    await using var command = connection.CreateCommand();
                    command.CommandTimeout = (int)ProbeWait.TotalSeconds;
                    command.CommandText = $"PRAGMA busy_timeout={(int)ProbeWait.TotalMilliseconds}; BEGIN IMMEDIATE;";
                    await command.ExecuteNonQueryAsync(c).ConfigureAwait(false);
                    try
                    {
                        command.CommandText = "PRAGMA user_version;";
                        var version = Convert.ToInt64(await command.ExecuteScalarAsync(c).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
                        command.CommandText = $"PRAGMA user_version={version}; COMMIT;";
                        await command.ExecuteNonQueryAsync(c).ConfigureAwait(false);
                    }
                    catch
                    {
                        await RollBackQuietly(connection).ConfigureAwait(false);
                        throw;
                    }
                }
                finally
                {
                    await db.Database.CloseConnectionAsync().ConfigureAwait(false); // the next open restores busy_timeout
                }
            }, ProbeWait, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageFaults.Classify(ex) is { } fault)
        {
            faults.Report(fault);
            return false;
        }
    }

    private static async Task RollBackQuietly(System.Data.Common.DbConnection connection)
    {
        try
        {
            await using var rollback = connection.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (SqliteException)
        {
            // SQLite already rolled back (it does after SQLITE_FULL and most I/O errors): nothing is open.
        }
    }
}
