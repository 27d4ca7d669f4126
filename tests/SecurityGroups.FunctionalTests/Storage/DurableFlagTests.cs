using System.Text.Json;

namespace SecurityGroups.FunctionalTests.Storage;

/// <summary><c>--durable</c> on the command line runs SQLite with <c>synchronous=FULL</c>; without it, <c>NORMAL</c>.</summary>
public sealed class DurableFlagTests
{
    [Theory]
    [InlineData("--durable", "Full")]
    [InlineData("", "Normal")]
    public async Task DurableFlag_SetsFullSynchronous(string arguments, string expected)
    {
        var dir = Directory.CreateTempSubdirectory("sg-durable").FullName;
        try
        {
            using var server = await EmulatorProcess.StartAsync(Path.Combine(dir, "d.db"), new Dictionary<string, string>(), arguments);
            using var health = await server.Http.GetAsync("/_emulator/health");
            var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(expected, body.GetProperty("Checks").GetProperty("storage").GetProperty("Data").GetProperty("Synchronous").GetString());
            (await server.Http.PostAsync("/?Action=CreateSecurityGroup&Version=2014-05-26&RegionId=cn-hangzhou", null)).EnsureSuccessStatusCode();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
