using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Https;
using SecurityGroups.Api.Swagger;
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
    public async Task<ActionResult<HealthResponse>> Health([FromServices] HealthCheckService health, [FromServices] IServer server, CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(ct);
        var body = new HealthResponse(report.Status.ToString(), HttpContext.Acs().RequestId,
            report.Entries.ToDictionary(e => e.Key, e => new HealthEntry(e.Value.Status.ToString(), e.Value.Description, e.Value.Data)),
            HttpsListener.Address(server));
        return report.Status == HealthStatus.Unhealthy ? StatusCode(StatusCodes.Status503ServiceUnavailable, body) : Ok(body);
    }

    /// <summary>Empties the caller's account in one transaction; with <c>{"AllAccounts": true}</c>, every account
    /// (Relaxed mode, or an account marked <c>Admin</c> in Strict mode; otherwise <c>Forbidden.RAM</c>).</summary>
    [HttpPost("reset")]
    [RequestExample("""{"AllAccounts":false}""")]
    [ProducesResponseType<ResetResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<AcsErrorResponse>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<AcsErrorResponse>(StatusCodes.Status403Forbidden)]
    public async Task<ResetResponse> Reset([FromServices] StateReset reset,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] ResetRequest? request, CancellationToken ct)
    {
        var all = request?.AllAccounts ?? false;
        await reset.ResetAsync(all, ct);
        return new ResetResponse(HttpContext.Acs().RequestId, "Reset", all ? "AllAccounts" : HttpContext.AccountId());
    }
}

/// <summary><c>Https</c>: the address the HTTPS listener is bound to (with its real port when <c>Https:Port</c> is 0); null without one.</summary>
public sealed record HealthResponse(string Status, string RequestId, IReadOnlyDictionary<string, HealthEntry> Checks, string? Https);

public sealed record HealthEntry(string Status, string? Description, IReadOnlyDictionary<string, object> Data);

/// <summary>Body of <c>POST /_emulator/reset</c> (optional).</summary>
public sealed record ResetRequest(bool? AllAccounts);

/// <summary><c>Scope</c>: the account emptied, or <c>AllAccounts</c>.</summary>
public sealed record ResetResponse(string RequestId, string Status, string Scope);
