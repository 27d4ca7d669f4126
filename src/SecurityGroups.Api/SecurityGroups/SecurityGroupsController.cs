using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.SecurityGroups;

namespace SecurityGroups.Api.SecurityGroups;

/// <summary>ECS 2014-05-26: security groups (lifecycle and attributes).</summary>
[AcsProduct(AcsProductAttribute.Ecs, AcsProductAttribute.EcsVersion)]
public sealed class SecurityGroupsController(SecurityGroupService groups) : AcsController
{
    /// <summary>Creates a basic (<c>normal</c>) or <c>enterprise</c> security group.</summary>
    [AcsAction]
    [AcsIdempotent]
    public async Task<CreateSecurityGroupResponse> CreateSecurityGroup([FromQuery] CreateSecurityGroupRequest request, CancellationToken ct)
    {
        var id = await groups.CreateAsync(new CreateSecurityGroupCommand(request.RegionId!, request.VpcId, request.SecurityGroupName,
            request.Description, request.SecurityGroupType, request.ResourceGroupId, request.ServiceManaged == true, TagParameter.ToInputs(request.Tag)), ct);
        return new CreateSecurityGroupResponse { SecurityGroupId = id };
    }

    /// <summary>Lists groups with filters; legacy (PageNumber/PageSize) or token (MaxResults/NextToken) paging.</summary>
    [AcsAction]
    public async Task<DescribeSecurityGroupsResponse> DescribeSecurityGroups([FromQuery] DescribeSecurityGroupsRequest request, CancellationToken ct)
    {
        JsonIdList.TryParse(request.SecurityGroupIds, DescribeSecurityGroupsValidator.MaxIds, out var ids);
        if (!string.IsNullOrEmpty(request.SecurityGroupId))
        {
            ids = [.. ids, request.SecurityGroupId];
        }

        var listing = await groups.DescribeAsync(new SecurityGroupQuery(request.RegionId!, ids, request.VpcId, request.SecurityGroupName,
            request.SecurityGroupType, request.NetworkType, request.ResourceGroupId, request.ServiceManaged, TagParameter.ToInputs(request.Tag),
            DescribeSecurityGroupsValidator.Paging(request), request.DryRun == true), ct);
        return DescribeSecurityGroupsResponse.From(request.RegionId!, listing);
    }

    /// <summary>A group's attributes and its rules (filtered by Direction and NicType, paged by MaxResults/NextToken).</summary>
    [AcsAction]
    public async Task<DescribeSecurityGroupAttributeResponse> DescribeSecurityGroupAttribute([FromQuery] DescribeSecurityGroupAttributeRequest request, CancellationToken ct)
    {
        var details = await groups.DescribeAttributeAsync(new SecurityGroupRuleQuery(request.RegionId!, request.SecurityGroupId!,
            request.Direction, request.NicType, request.MaxResults ?? 500, request.NextToken), ct);
        return DescribeSecurityGroupAttributeResponse.From(details, request.Attribute is not null);
    }

    /// <summary>Changes a group's name and/or description.</summary>
    [AcsAction]
    public async Task<AcsResponse> ModifySecurityGroupAttribute([FromQuery] ModifySecurityGroupAttributeRequest request, CancellationToken ct)
    {
        await groups.ModifyAttributeAsync(request.RegionId!, request.SecurityGroupId!, request.SecurityGroupName, request.Description, ct);
        return new AcsResponse();
    }

    /// <summary>Sets the inner-access policy of a basic group (<c>Accept</c> or <c>Drop</c>).</summary>
    [AcsAction]
    [AcsIdempotent]
    public async Task<AcsResponse> ModifySecurityGroupPolicy([FromQuery] ModifySecurityGroupPolicyRequest request, CancellationToken ct)
    {
        await groups.ModifyPolicyAsync(request.RegionId!, request.SecurityGroupId!, request.NormalizedPolicy, ct);
        return new AcsResponse();
    }

    /// <summary>Deletes a group and its rules; refused while it has members or is referenced, managed or protected.</summary>
    [AcsAction]
    public async Task<AcsResponse> DeleteSecurityGroup([FromQuery] DeleteSecurityGroupRequest request, CancellationToken ct)
    {
        await groups.DeleteAsync(request.RegionId!, request.SecurityGroupId!, ct);
        return new AcsResponse();
    }
}
