using Microsoft.Extensions.Diagnostics.HealthChecks;
using SecurityGroups.Domain.Persistence;

namespace SecurityGroups.Api.Emulator;

/// <summary>
/// ASP.NET Core health check over the storage: reachable, WAL, migrations applied. Health answers unsigned requests, so in
/// Strict mode it leaves out where the data lives (the SQLite file's path, or PostgreSQL's host, port and database).
/// </summary>
internal sealed class StorageHealthCheck(StorageHealth storage, Microsoft.Extensions.Options.IOptions<Auth.AuthOptions> auth) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = await storage.CheckAsync(cancellationToken);
        var data = new Dictionary<string, object>
        {
            ["Provider"] = status.Provider,
            ["Replica"] = status.Replica,
            ["JournalMode"] = status.JournalMode,
            ["Synchronous"] = status.Synchronous,
            ["PendingMigrations"] = status.PendingMigrations,
        };
        if (!auth.Value.IsStrict)
        {
            data["DataSource"] = status.DataSource;
        }

        return status.Status switch
        {
            "Healthy" => HealthCheckResult.Healthy("Storage is reachable and migrated.", data),
            "Degraded" => HealthCheckResult.Degraded("Migrations are pending.", data: data),
            _ => HealthCheckResult.Unhealthy(status.Error ?? "Storage is not reachable.", data: data),
        };
    }
}
