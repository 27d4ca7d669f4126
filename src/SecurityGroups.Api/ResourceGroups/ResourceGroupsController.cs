using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;
using SecurityGroups.Domain.ResourceGroups;

namespace SecurityGroups.Api.ResourceGroups;

/// <summary>ECS 2014-05-26: resource-group moves of security groups, ENIs and instances.</summary>
[AcsProduct(AcsProductAttribute.Ecs, AcsProductAttribute.EcsVersion)]
public sealed class ResourceGroupsController(ResourceGroupService resourceGroups) : AcsController
{
    /// <summary>Moves a security group, ENI or instance to another resource group (stored on it; DescribeX show and filter it).</summary>
    [AcsAction]
    public async Task<AcsResponse> JoinResourceGroup([FromQuery] JoinResourceGroupRequest request, CancellationToken ct)
    {
        await resourceGroups.JoinAsync(request.RegionId!, request.ResourceType!, request.ResourceId!, request.ResourceGroupId!, ct);
        return new AcsResponse();
    }
}
