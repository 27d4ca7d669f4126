using Microsoft.EntityFrameworkCore;
using Npgsql;
using SecurityGroups.Domain.Persistence;

namespace SecurityGroups.FunctionalTests.Infrastructure;

/// <summary>
/// The functional tests on PostgreSQL give every server a database of its own. Migrating each from nothing is most of a
/// server's start there, so the migrations run once per test process into <c>sg_template</c> and each server's database
/// is a copy of it (<c>CREATE DATABASE ... TEMPLATE</c>, a file copy). The server still runs its start-up migration on
/// that copy (under its advisory lock) and must find nothing pending, as a replica starting on a migrated database does.
/// </summary>
internal static class PostgresTemplate
{
    private const string Name = "sg_template";
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static string? _migratedOn;

    /// <summary>Creates <paramref name="database"/> on <paramref name="server"/> (a base connection string) as a copy of the migrated template.</summary>
    public static void CreateDatabase(string server, string database)
    {
        Once.Wait();
        try
        {
            if (_migratedOn != server)
            {
                Migrate(server);
                _migratedOn = server;
            }

            // Copies run one at a time: PostgreSQL refuses a copy while another session is connected to the template.
            using var connection = Open(server, "postgres");
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\" TEMPLATE \"{Name}\"", connection);
            create.ExecuteNonQuery();
        }
        finally
        {
            Once.Release();
        }
    }

    private static void Migrate(string server)
    {
        using (var connection = Open(server, "postgres"))
        {
            // A template left by an earlier run on this server is migrated again below (nothing pending, or what is new).
            using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{Name}'", connection);
            if (exists.ExecuteScalar() is null)
            {
                // As the server creates its databases: byte-order collation (ADR-008).
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'", connection);
                create.ExecuteNonQuery();
            }
        }

        var options = new DbContextOptionsBuilder<EmulatorDbContext>()
            .UseNpgsql(Builder(server, Name).ConnectionString, o => o.MigrationsAssembly(StorageProviders.PostgresMigrationsAssembly))
            .Options;
        using var db = new EmulatorDbContext(options);
        db.Database.Migrate();
    }

    private static NpgsqlConnection Open(string server, string database)
    {
        var connection = new NpgsqlConnection(Builder(server, database).ConnectionString);
        connection.Open();
        return connection;
    }

    // No pooling: an idle pooled connection to the template would make every copy fail.
    private static NpgsqlConnectionStringBuilder Builder(string server, string database) => new(server) { Database = database, Pooling = false };
}
