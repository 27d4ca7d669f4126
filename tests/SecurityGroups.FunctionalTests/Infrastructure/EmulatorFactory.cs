using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SecurityGroups.FunctionalTests.Infrastructure;

/// <summary>
/// The server in-process on its own SQLite file (WAL, migrated at start), with two accounts: the default
/// (<c>test</c>/<c>test</c>, 1234567890123456) and a second (<c>test2</c>/<c>secret2</c>, 2222222222222222).
/// With <c>SG_TEST_POSTGRES</c> set (a base Npgsql connection string without Database, as <c>tests/postgres.sh</c>
/// prints), every server not given a file runs on PostgreSQL instead, on a database of its own (a copy of the migrated
/// <see cref="PostgresTemplate"/>; the server's start-up migration then finds nothing pending).
/// </summary>
public class EmulatorFactory : WebApplicationFactory<Program>
{
    public const string SecondAccountId = "2222222222222222";

    private readonly Dictionary<string, string?> _settings;

    public EmulatorFactory() : this(null, null)
    {
    }

    protected EmulatorFactory(string? databasePath, IDictionary<string, string?>? settings) : this(databasePath, null, settings)
    {
    }

    /// <summary>On <paramref name="postgresConnectionString"/>'s database when given (a restart), else as above.</summary>
    private protected EmulatorFactory(string? databasePath, string? postgresConnectionString, IDictionary<string, string?>? settings)
    {
        DatabasePath = databasePath ?? Path.Combine(Path.GetTempPath(), $"sg-tests-{Guid.NewGuid():N}.db");
        if (postgresConnectionString is null && databasePath is null && Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server)
        {
            var database = $"sgt_{Guid.NewGuid():N}";
            PostgresTemplate.CreateDatabase(server, database);
            postgresConnectionString = $"{server};Database={database}";
        }

        PostgresConnectionString = postgresConnectionString;
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:SecurityGroups"] = PostgresConnectionString ?? $"Data Source={DatabasePath}",
            ["Storage:Provider"] = PostgresConnectionString is null ? "Sqlite" : "Postgres",
            ["Auth:Accounts:0:AccountId"] = "1234567890123456",
            ["Auth:Accounts:0:AccessKeyId"] = "test",
            ["Auth:Accounts:0:AccessKeySecret"] = "test",
            ["Auth:Accounts:1:AccountId"] = SecondAccountId,
            ["Auth:Accounts:1:AccessKeyId"] = "test2",
            ["Auth:Accounts:1:AccessKeySecret"] = "secret2",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            // TestServer has no sockets: no HTTPS listener (GET /_emulator/ca.pem still answers, creating the CA on first use).
            ["Https:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>The environment variable that switches the in-process servers to PostgreSQL.</summary>
    public const string PostgresVariable = "SG_TEST_POSTGRES";

    /// <summary>The SQLite file (unused when <see cref="PostgresConnectionString"/> is set).</summary>
    public string DatabasePath { get; }

    /// <summary>The server's PostgreSQL database, or null on SQLite.</summary>
    public string? PostgresConnectionString { get; }

    public AcsClient Acs() => new(CreateClient());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>A server on a given database file and/or with extra settings (not a fixture: create and dispose it in the test).</summary>
public sealed class CustomEmulatorFactory : EmulatorFactory
{
    public CustomEmulatorFactory(string? databasePath, IDictionary<string, string?>? settings) : base(databasePath, settings)
    {
    }

    private CustomEmulatorFactory(EmulatorFactory previous) : base(previous.DatabasePath, previous.PostgresConnectionString, null)
    {
    }

    /// <summary>A new server on the storage <paramref name="previous"/> used (its SQLite file, or its PostgreSQL
    /// database when the tests run on PostgreSQL): dispose <paramref name="previous"/> first and this is a restart.</summary>
    public static CustomEmulatorFactory Restart(EmulatorFactory previous) => new(previous);
}

/// <summary>The same server in Strict mode: every request but health and Swagger must be signed.</summary>
public sealed class StrictEmulatorFactory() : EmulatorFactory(null, new Dictionary<string, string?> { ["Auth:Mode"] = "Strict" });
