using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;
using SecurityGroups.Domain.ResourceGroups;

namespace SecurityGroups.Api.Networks;

/// <summary>VPC 2016-04-28: resource-group moves of VPCs and vSwitches.</summary>
[AcsProduct(AcsProductAttribute.Vpc, AcsProductAttribute.VpcVersion)]
public sealed class VpcResourceGroupsController(ResourceGroupService resourceGroups) : AcsController
{
    /// <summary>Moves a VPC or vSwitch to another resource group (stored on the resource and shown by its Describe Actions).</summary>
    [AcsAction]
    public async Task<AcsResponse> MoveResourceGroup([FromQuery] MoveResourceGroupRequest request, CancellationToken ct)
    {
        await resourceGroups.MoveAsync(request.RegionId!, request.ResourceType!, request.ResourceId!, request.NewResourceGroupId!, ct);
        return new AcsResponse();
    }
}
