using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Traffic;

namespace SecurityGroups.Api.Emulator;

/// <summary>Problems in a region's groups: open management ports, rules that never decide, empty groups, lists that eat the ENI quota.</summary>
[Produces("application/json")]
public sealed class FindingsController(FindingsService findings) : ControllerBase
{
    /// <summary>Findings for the region's groups, most severe first.</summary>
    /// <remarks>
    /// Codes: ManagementPortOpenToInternet and AllPortsOpenToInternet (High), ShadowedRule and ListEatsEniRuleQuota (Medium),
    /// RedundantRule and EmptyGroup (Low). Also served at <c>/_emulator/traffic/findings</c>.
    /// </remarks>
    [HttpGet("_emulator/findings")]
    [ProducesResponseType<FindingsResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<AcsErrorResponse>(StatusCodes.Status400BadRequest)]
    public async Task<IActionResult> Findings([FromQuery(Name = "RegionId")] string? regionId, CancellationToken ct)
    {
        var found = await findings.FindAsync(regionId ?? throw new AcsException(AcsErrors.MissingParameter, "RegionId"), ct);
        return Ok(FindingsResponse.From(found));
    }

    /// <summary>The same answer at its older address (one operation in Swagger: <c>Findings</c>).</summary>
    [HttpGet("_emulator/traffic/findings")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public Task<IActionResult> TrafficFindings([FromQuery(Name = "RegionId")] string? regionId, CancellationToken ct) => Findings(regionId, ct);
}
