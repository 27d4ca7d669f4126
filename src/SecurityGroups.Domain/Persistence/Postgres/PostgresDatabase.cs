using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace SecurityGroups.Domain.Persistence.Postgres;

/// <summary>
/// Start-up on PostgreSQL: creates the database if it is missing (byte-order collation, as SQLite compares strings, so
/// listings sort the same on both) and applies the migrations. Safe when several replicas start at once: a concurrent
/// <c>CREATE DATABASE</c> that lost the race is ignored, and the migrations run under a session advisory lock, so one
/// replica migrates while the others wait and then find nothing pending.
/// </summary>
internal static class PostgresDatabase
{
    private const long MigrationLockKey = 0x5347_4D49_4752; // "SGMIGR"
    private const string DuplicateDatabase = "42P04";
    private const string UniqueViolation = "23505"; // two CREATE DATABASE at once can also end in pg_database's unique index

    public static async Task InitializeAsync(EmulatorDbContext db, bool migrate, CancellationToken ct)
    {
        var target = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        await CreateIfMissingAsync(target, ct).ConfigureAwait(false);
        if (!migrate)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(target.ConnectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey})", connection) { CommandTimeout = 0 })
        {
            await take.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        try
        {
            await db.Database.MigrateAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLockKey})", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task CreateIfMissingAsync(NpgsqlConnectionStringBuilder target, CancellationToken ct)
    {
        var name = target.Database ?? throw new InvalidOperationException("The PostgreSQL connection string names no Database.");
        var admin = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", name);
        if (await exists.ExecuteScalarAsync(ct).ConfigureAwait(false) is not null)
        {
            return;
        }

        var quoted = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var create = new NpgsqlCommand(
            $"CREATE DATABASE {quoted} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'", connection);
        try
        {
            await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState is DuplicateDatabase or UniqueViolation)
        {
            // Another replica created it first.
        }
    }
}
