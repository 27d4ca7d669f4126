using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Instances;

namespace SecurityGroups.Api.Instances;

/// <summary>ECS 2014-05-26: permissions on ENIs granted to other accounts (recorded and listed; no effect on attachment here).</summary>
[AcsProduct(AcsProductAttribute.Ecs, AcsProductAttribute.EcsVersion)]
public sealed class NetworkInterfacePermissionsController(NetworkInterfacePermissionService permissions) : AcsController
{
    /// <summary>Grants another account the <c>InstanceAttach</c> permission on one of the caller's ENIs.</summary>
    [AcsAction]
    public async Task<CreateNetworkInterfacePermissionResponse> CreateNetworkInterfacePermission([FromQuery] CreateNetworkInterfacePermissionRequest request,
        CancellationToken ct) =>
        new(await permissions.CreateAsync(request.RegionId!, request.NetworkInterfaceId!, request.AccountId!.Value, request.Permission!, ct));

    /// <summary>Lists the caller's ENI permissions, by ID and/or ENI (PageNumber/PageSize).</summary>
    [AcsAction]
    public async Task<DescribeNetworkInterfacePermissionsResponse> DescribeNetworkInterfacePermissions(
        [FromQuery] DescribeNetworkInterfacePermissionsRequest request, CancellationToken ct) =>
        new(await permissions.DescribeAsync(request.RegionId!, request.NetworkInterfacePermissionId ?? [], request.NetworkInterfaceId,
            PageParameters.From(request.PageNumber, request.PageSize, NetworkInterfacePermissionService.MaxPageSize), ct));

    /// <summary>Removes an ENI permission.</summary>
    [AcsAction]
    public async Task<AcsResponse> DeleteNetworkInterfacePermission([FromQuery] DeleteNetworkInterfacePermissionRequest request, CancellationToken ct)
    {
        await permissions.DeleteAsync(request.RegionId!, request.NetworkInterfacePermissionId!, ct);
        return new AcsResponse();
    }
}
