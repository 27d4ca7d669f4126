using SecurityGroups.Api.Emulator;

namespace SecurityGroups.UnitTests.Emulator;

/// <summary>The Docker health check asks the port the server was configured with, not a fixed one.</summary>
public sealed class HealthProbeTests
{
    [Theory]
    [InlineData("http://0.0.0.0:8080", null, "http://127.0.0.1:8080")] // the image's default
    [InlineData("http://0.0.0.0:9000", null, "http://127.0.0.1:9000")]
    [InlineData("http://+:9001;https://+:9443", null, "http://127.0.0.1:9001")]
    [InlineData("https://0.0.0.0:9443;http://*:9002", null, "http://127.0.0.1:9002")]
    [InlineData("http://localhost:9003/", null, "http://localhost:9003")]
    [InlineData("http://[::]:9004", null, "http://127.0.0.1:9004")]
    [InlineData(null, "9005", "http://127.0.0.1:9005")]
    [InlineData("https://0.0.0.0:9443", "9006;9007", "http://127.0.0.1:9006")]
    [InlineData(null, null, "http://127.0.0.1:8080")]
    public void AsksTheConfiguredHttpAddress(string? urls, string? httpPorts, string expected)
    {
        var environment = new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = urls, ["ASPNETCORE_HTTP_PORTS"] = httpPorts };
        Assert.Equal(expected, HealthProbe.BaseUrl(["--healthcheck"], name => environment.GetValueOrDefault(name)));
    }

    [Fact]
    public void AnExplicitUrlWins() =>
        Assert.Equal("http://10.0.0.2:7000", HealthProbe.BaseUrl(["--healthcheck", "http://10.0.0.2:7000"], _ => "http://0.0.0.0:9000"));
}
