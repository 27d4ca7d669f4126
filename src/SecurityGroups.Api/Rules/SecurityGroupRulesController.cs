using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;
using SecurityGroups.Domain.Rules;

namespace SecurityGroups.Api.Rules;

/// <summary>ECS 2014-05-26: security-group rules.</summary>
[AcsProduct(AcsProductAttribute.Ecs, AcsProductAttribute.EcsVersion)]
public sealed class SecurityGroupRulesController(RuleService rules) : AcsController
{
    /// <summary>Adds ingress rules (1-100); an identical existing rule is a no-op, duplicates within the request are refused.</summary>
    [AcsAction]
    [AcsIdempotent]
    public async Task<AcsResponse> AuthorizeSecurityGroup([FromQuery] AuthorizeSecurityGroupRequest request, CancellationToken ct)
    {
        await rules.AuthorizeAsync(request.RegionId!, request.SecurityGroupId!, Directions.Ingress, request.Inputs(), ct);
        return new AcsResponse();
    }

    /// <summary>Adds egress rules (1-100).</summary>
    [AcsAction]
    [AcsIdempotent]
    public async Task<AcsResponse> AuthorizeSecurityGroupEgress([FromQuery] AuthorizeSecurityGroupEgressRequest request, CancellationToken ct)
    {
        await rules.AuthorizeAsync(request.RegionId!, request.SecurityGroupId!, Directions.Egress, request.Inputs(), ct);
        return new AcsResponse();
    }

    /// <summary>Removes ingress rules by ID or by their fields.</summary>
    [AcsAction]
    [AcsIdempotent]
    public async Task<AcsResponse> RevokeSecurityGroup([FromQuery] RevokeSecurityGroupRequest request, CancellationToken ct)
    {
        await rules.RevokeAsync(request.RegionId!, request.SecurityGroupId!, Directions.Ingress, request.SecurityGroupRuleId ?? [], request.Inputs(), ct);
        return new AcsResponse();
    }

    /// <summary>Removes egress rules by ID or by their fields.</summary>
    [AcsAction]
    [AcsIdempotent]
    public async Task<AcsResponse> RevokeSecurityGroupEgress([FromQuery] RevokeSecurityGroupEgressRequest request, CancellationToken ct)
    {
        await rules.RevokeAsync(request.RegionId!, request.SecurityGroupId!, Directions.Egress, request.SecurityGroupRuleId ?? [], request.Inputs(), ct);
        return new AcsResponse();
    }

    /// <summary>Changes an ingress rule (by SecurityGroupRuleId, or the legacy match of its fields).</summary>
    [AcsAction]
    [AcsIdempotent]
    public async Task<AcsResponse> ModifySecurityGroupRule([FromQuery] ModifySecurityGroupRuleRequest request, CancellationToken ct)
    {
        await rules.ModifyAsync(request.RegionId!, request.SecurityGroupId!, Directions.Ingress, request.SecurityGroupRuleId, request.ToInput(), ct);
        return new AcsResponse();
    }

    /// <summary>Changes an egress rule.</summary>
    [AcsAction]
    [AcsIdempotent]
    public async Task<AcsResponse> ModifySecurityGroupEgressRule([FromQuery] ModifySecurityGroupEgressRuleRequest request, CancellationToken ct)
    {
        await rules.ModifyAsync(request.RegionId!, request.SecurityGroupId!, Directions.Egress, request.SecurityGroupRuleId, request.ToInput(), ct);
        return new AcsResponse();
    }

    /// <summary>For each of up to 10 groups, the groups whose rules reference it.</summary>
    [AcsAction]
    public async Task<DescribeSecurityGroupReferencesResponse> DescribeSecurityGroupReferences([FromQuery] DescribeSecurityGroupReferencesRequest request, CancellationToken ct) =>
        DescribeSecurityGroupReferencesResponse.From(await rules.ReferencesAsync(request.RegionId!, request.SecurityGroupId!, ct));
}
