using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Swagger;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.SecurityGroups;

namespace SecurityGroups.Api.Emulator;

/// <summary>
/// What Alibaba's public API cannot do: mark a security group as managed by a cloud product (read-only to the API) or
/// as deletion-protected (as ACK does), so scripts can test how they handle those refusals.
/// </summary>
[Route("_emulator/security-groups")]
[Produces("application/json")]
public sealed class SecurityGroupFlagsController(SecurityGroupService groups) : ControllerBase
{
    /// <summary>Sets <c>ServiceManaged</c>, <c>ServiceId</c> and/or <c>DeletionProtection</c> of one of the caller's groups.</summary>
    [HttpPost("{SecurityGroupId}/flags")]
    [RequestExample("""{"RegionId":"cn-hangzhou","DeletionProtection":true}""")]
    [ProducesResponseType<SecurityGroupFlagsResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<AcsErrorResponse>(StatusCodes.Status404NotFound)]
    public async Task<SecurityGroupFlagsResponse> SetFlags([FromRoute(Name = "SecurityGroupId")] string securityGroupId, [FromBody] SecurityGroupFlagsRequest request, CancellationToken ct)
    {
        var group = await groups.SetFlagsAsync(request.RegionId, securityGroupId,
            new SecurityGroupFlags(request.ServiceManaged, request.ServiceId, request.DeletionProtection), ct);
        return new SecurityGroupFlagsResponse(HttpContext.Acs().RequestId, group.SecurityGroupId, group.ServiceManaged, group.ServiceId, group.DeletionProtection);
    }
}

/// <summary>Flags to set; absent ones keep their value.</summary>
public sealed record SecurityGroupFlagsRequest(string? RegionId, bool? ServiceManaged, long? ServiceId, bool? DeletionProtection);

/// <summary>
/// <c>ServiceId</c> is 0 (no product) to 2^53 - 1, the largest integer every JSON reader (the JavaScript SDKs too) keeps
/// exact; anything else is <c>InvalidParameter</c>. Values that are not JSON integers fail binding with the same code.
/// </summary>
public sealed class SecurityGroupFlagsRequestValidator : AcsValidator<SecurityGroupFlagsRequest>
{
    public const long MaxServiceId = (1L << 53) - 1;

    public SecurityGroupFlagsRequestValidator()
    {
        RuleFor(r => r.ServiceId).InclusiveBetween(0, MaxServiceId).Raises(AcsErrors.InvalidParameter);
    }
}

public sealed record SecurityGroupFlagsResponse(string RequestId, string SecurityGroupId, bool ServiceManaged, long ServiceId, bool DeletionProtection);
