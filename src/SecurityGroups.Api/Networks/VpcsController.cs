using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Networks;

namespace SecurityGroups.Api.Networks;

/// <summary>VPC 2016-04-28: virtual private clouds.</summary>
[AcsProduct(AcsProductAttribute.Vpc, AcsProductAttribute.VpcVersion)]
public sealed class VpcsController(VpcService vpcs) : AcsController
{
    /// <summary>Creates a VPC (status Available at once) with its vRouter and system route table.</summary>
    [AcsAction]
    [AcsIdempotent]
    public async Task<CreateVpcResponse> CreateVpc([FromQuery] CreateVpcRequest request, CancellationToken ct)
    {
        var created = await vpcs.CreateAsync(new CreateVpcCommand(request.RegionId!, request.CidrBlock, request.VpcName, request.Description,
            request.ResourceGroupId, TagParameter.ToInputs(request.Tag), request.DryRun == true), ct);
        return new CreateVpcResponse
        {
            VpcId = created.VpcId,
            VRouterId = created.VRouterId,
            RouteTableId = created.RouteTableId,
            ResourceGroupId = created.ResourceGroupId,
        };
    }

    /// <summary>Lists the caller's VPCs in a region, newest first, with PageNumber/PageSize paging.</summary>
    [AcsAction]
    public async Task<DescribeVpcsResponse> DescribeVpcs([FromQuery] DescribeVpcsRequest request, CancellationToken ct)
    {
        var page = await vpcs.DescribeAsync(new VpcQuery(request.RegionId!, PageParameters.SplitIds(request.VpcId), request.VpcName,
            request.IsDefault, request.ResourceGroupId, TagParameter.ToInputs(request.Tag),
            PageParameters.From(request.PageNumber, request.PageSize, 50), request.DryRun == true), ct);
        return DescribeVpcsResponse.From(page);
    }

    /// <summary>Deletes a VPC; refused (<c>DependencyViolation.VSwitch</c>) while it has vSwitches.</summary>
    [AcsAction]
    public async Task<AcsResponse> DeleteVpc([FromQuery] DeleteVpcRequest request, CancellationToken ct)
    {
        await vpcs.DeleteAsync(request.RegionId, request.VpcId!, request.DryRun == true, ct);
        return new AcsResponse();
    }
}
