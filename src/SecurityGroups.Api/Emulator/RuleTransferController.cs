using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.SecurityGroups;
using SecurityGroups.Api.Swagger;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Rules;

namespace SecurityGroups.Api.Emulator;

/// <summary>The console's clone, export and import of security-group rules (not Alibaba API Actions).</summary>
[Route("_emulator/security-groups/{SecurityGroupId}")]
public sealed class RuleTransferController(RuleTransferService transfer, TimeProvider clock) : ControllerBase
{
    /// <summary>Clones a group, into another region or VPC too; rules that cannot exist there are skipped and listed.</summary>
    /// <remarks><c>TargetRegionId</c> (default: the same region) and <c>TargetVpcId</c> choose where the copy goes.</remarks>
    [HttpPost("clone")]
    [RequestExample("""{"RegionId":"cn-hangzhou","SecurityGroupName":"web-servers-copy","KeepRules":true,"CopyTags":true}""")]
    [Produces("application/json")]
    [ProducesResponseType<CloneResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<AcsErrorResponse>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<AcsErrorResponse>(StatusCodes.Status404NotFound)]
    public async Task<CloneResponse> Clone([FromRoute(Name = "SecurityGroupId")] string securityGroupId, [FromBody] CloneRequest request, CancellationToken ct)
    {
        var regionId = Required(request.RegionId, "RegionId");
        var result = await transfer.CloneAsync(new CloneCommand(regionId, securityGroupId, request.TargetRegionId ?? regionId, request.TargetVpcId,
            request.SecurityGroupName, request.KeepRules, request.CopyTags), ct);
        return new CloneResponse(HttpContext.Acs().RequestId, result.SecurityGroupId, result.SkippedRules);
    }

    /// <summary>Downloads the rules as JSON (<c>ecs_{region}_{group}.json</c>) or CSV (<c>ecs_sgRule_{group}_{region}_{date}.csv</c>).</summary>
    [HttpGet("rules")]
    [Produces("application/json", "text/csv")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType<AcsErrorResponse>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Export([FromRoute(Name = "SecurityGroupId")] string securityGroupId, [FromQuery(Name = "RegionId")] string? regionId, [FromQuery(Name = "format")] string? format,
        CancellationToken ct)
    {
        var region = Required(regionId, "RegionId");
        var details = await transfer.ExportAsync(region, securityGroupId, ct);
        var permissions = details.Rules.Select(r => PermissionItem.From(r, details.Names)).ToList();
        return (format ?? "json").ToLowerInvariant() switch
        {
            "json" => File(RuleFiles.ToJson(region, securityGroupId, permissions), "application/json", RuleFiles.JsonFileName(region, securityGroupId)),
            "csv" => File(RuleFiles.ToCsv(permissions), "text/csv", RuleFiles.CsvFileName(region, securityGroupId, clock.GetUtcNow().UtcDateTime)),
            _ => throw new AcsException(AcsErrors.InvalidImportFile, "The format must be json or csv."),
        };
    }

    /// <summary>Uploads a JSON or CSV rule file (by <c>format</c> or content type): at most 200 rules, each imported atomically.</summary>
    /// <remarks>
    /// Per row: <c>Imported</c>, <c>Duplicate</c> (already there), <c>Ignored</c> (priority above 100) or <c>Failed</c> with
    /// the code Authorize would give. Example CSV: <c>Direction,IpProtocol,PortRange,SourceCidrIp,Priority</c> then
    /// <c>ingress,TCP,22/22,10.0.0.0/8,1</c>.
    /// </remarks>
    [HttpPost("rules")]
    [RequestExample("""{"Permissions":[{"Direction":"ingress","IpProtocol":"TCP","PortRange":"443/443","SourceCidrIp":"10.0.0.0/8","Priority":"1","Policy":"Accept"}]}""")]
    [RequestExample("Direction,IpProtocol,PortRange,SourceCidrIp,Priority\ningress,TCP,443/443,10.0.0.0/8,1\n", "text/csv")]
    [Produces("application/json")]
    [ProducesResponseType<ImportResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<AcsErrorResponse>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<AcsErrorResponse>(StatusCodes.Status404NotFound)]
    public async Task<ImportResponse> Import([FromRoute(Name = "SecurityGroupId")] string securityGroupId, [FromQuery(Name = "RegionId")] string? regionId, [FromQuery(Name = "format")] string? format,
        [FromQuery(Name = "SourceRegionId")] string? sourceRegionId, CancellationToken ct)
    {
        var region = Required(regionId, "RegionId");
        using var buffer = new MemoryStream();
        Request.Body.Position = 0;
        await Request.Body.CopyToAsync(buffer, ct);
        return await ImportFileAsync(region, securityGroupId, buffer.ToArray(), format, Request.ContentType, sourceRegionId, ct);
    }

    /// <summary>Reads a rule file and imports its rows (the console's import calls this too, after its preview).</summary>
    internal async Task<ImportResponse> ImportFileAsync(string regionId, string securityGroupId, byte[] file, string? format, string? contentType,
        string? sourceRegionId, CancellationToken ct)
    {
        var (rows, fileRegion) = RuleFiles.Read(file, format, contentType);
        var outcomes = await transfer.ImportAsync(regionId, securityGroupId, sourceRegionId ?? fileRegion ?? regionId, rows, ct);
        return new ImportResponse(HttpContext.Acs().RequestId, outcomes.Count(o => o.Status == "Imported"), outcomes.Count(o => o.Status == "Duplicate"),
            outcomes.Count(o => o.Status == "Ignored"), outcomes.Count(o => o.Status == "Failed"), outcomes);
    }

    private static string Required(string? value, string name) =>
        string.IsNullOrEmpty(value) ? throw new AcsException(AcsErrors.MissingParameter, name) : value;
}

public sealed record CloneRequest(string? RegionId, string? TargetRegionId, string? TargetVpcId, string? SecurityGroupName, bool KeepRules, bool CopyTags);

/// <summary>The clone creates a group: its name passes CreateSecurityGroup's own rule (the description is the source's).</summary>
public sealed class CloneRequestValidator : AcsValidator<CloneRequest>
{
    public CloneRequestValidator()
    {
        RuleFor(r => r.SecurityGroupName).SecurityGroupName();
    }
}

public sealed record CloneResponse(string RequestId, string SecurityGroupId, IReadOnlyList<SkippedRule> SkippedRules);

public sealed record ImportResponse(string RequestId, int Imported, int Duplicates, int Ignored, int Failed, IReadOnlyList<ImportOutcome> Results);
