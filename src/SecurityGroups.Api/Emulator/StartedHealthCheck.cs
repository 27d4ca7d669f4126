using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SecurityGroups.Api.Emulator;

/// <summary>
/// Unhealthy until the host has started: Kestrel binds its listeners one after another and the first may answer before
/// the HTTPS one is bound, so a 200 from <c>/_emulator/health</c> means every listener is up (and reported in health).
/// </summary>
internal sealed class StartedHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStarted.IsCancellationRequested
            ? HealthCheckResult.Healthy("Every listener is bound.")
            : HealthCheckResult.Unhealthy("Starting: listeners are still being bound."));
}
