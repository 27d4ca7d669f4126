using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using SecurityGroups.Api.Emulator;

namespace SecurityGroups.UnitTests.Emulator;

public sealed class StartedHealthCheckTests
{
    [Fact]
    public async Task IsUnhealthyUntilTheHostHasStarted()
    {
        var lifetime = new Lifetime();
        var check = new StartedHealthCheck(lifetime);

        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        await lifetime.Started.CancelAsync();
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationTokenSource Started { get; } = new();

        public CancellationToken ApplicationStarted => Started.Token;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
