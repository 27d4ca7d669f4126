using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SecurityGroups.FunctionalTests.Infrastructure;

/// <summary>
/// The server in-process on its own SQLite file (WAL, migrated at start), with two accounts: the default
/// (<c>test</c>/<c>test</c>, 1234567890123456) and a second (<c>test2</c>/<c>secret2</c>, 2222222222222222).
/// </summary>
public class EmulatorFactory : WebApplicationFactory<Program>
{
    public const string SecondAccountId = "2222222222222222";

    private readonly Dictionary<string, string?> _settings;

    public EmulatorFactory() : this(null, null)
    {
    }

    protected EmulatorFactory(string? databasePath, IDictionary<string, string?>? settings)
    {
        DatabasePath = databasePath ?? Path.Combine(Path.GetTempPath(), $"sg-tests-{Guid.NewGuid():N}.db");
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:SecurityGroups"] = $"Data Source={DatabasePath}",
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

    public string DatabasePath { get; }

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
public sealed class CustomEmulatorFactory(string? databasePath, IDictionary<string, string?>? settings) : EmulatorFactory(databasePath, settings);

/// <summary>The same server in Strict mode: every request but health and Swagger must be signed.</summary>
public sealed class StrictEmulatorFactory() : EmulatorFactory(null, new Dictionary<string, string?> { ["Auth:Mode"] = "Strict" });
