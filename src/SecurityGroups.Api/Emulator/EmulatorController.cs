using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SecurityGroups.Api.Acs;
using SecurityGroups.Domain.Persistence;

namespace SecurityGroups.Api.Emulator;

/// <summary>The emulator's own endpoints (not Alibaba Actions): health and reset.</summary>
[ApiExplorerSettings(GroupName = "v1")]
[Route("_emulator")]
[Produces("application/json")]
public sealed class EmulatorController : ControllerBase
{
    /// <summary>Health of the server and its storage: 200 when healthy, 503 otherwise. Never needs a signature.</summary>
    [HttpGet("health")]
    [ProducesResponseType<HealthResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<HealthResponse>(StatusCodes.Status503ServiceUnavailable)]
    public async Task<ActionResult<HealthResponse>> Health([FromServices] HealthCheckService health, CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(ct);
        var body = new HealthResponse(report.Status.ToString(), HttpContext.Acs().RequestId,
            report.Entries.ToDictionary(e => e.Key, e => new HealthEntry(e.Value.Status.ToString(), e.Value.Description, e.Value.Data)));
        return report.Status == HealthStatus.Unhealthy ? StatusCode(StatusCodes.Status503ServiceUnavailable, body) : Ok(body);
    }

    /// <summary>Empties all state (every resource of every account) in one transaction.</summary>
    [HttpPost("reset")]
    [ProducesResponseType<ResetResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<AcsErrorResponse>(StatusCodes.Status400BadRequest)]
    public async Task<ResetResponse> Reset([FromServices] StateReset reset, CancellationToken ct)
    {
        await reset.ResetAsync(ct);
        return new ResetResponse(HttpContext.Acs().RequestId, "Reset");
    }
}

public sealed record HealthResponse(string Status, string RequestId, IReadOnlyDictionary<string, HealthEntry> Checks);

public sealed record HealthEntry(string Status, string? Description, IReadOnlyDictionary<string, object> Data);

public sealed record ResetResponse(string RequestId, string Status);
