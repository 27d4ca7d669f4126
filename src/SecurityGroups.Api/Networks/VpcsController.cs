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
            request.ResourceGroupId, TagParameter.ToInputs(request.Tag), request.DryRun == true) { EnableIpv6 = request.EnableIpv6 == true }, ct);
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
            PageParameters.From(request.PageNumber, request.PageSize, 50), request.DryRun == true) { EnableIpv6 = request.EnableIpv6 }, ct);
        return DescribeVpcsResponse.From(page);
    }

    /// <summary>Deletes a VPC; refused (<c>DependencyViolation.VSwitch</c>) while it has vSwitches.</summary>
    [AcsAction]
    public async Task<AcsResponse> DeleteVpc([FromQuery] DeleteVpcRequest request, CancellationToken ct)
    {
        await vpcs.DeleteAsync(request.RegionId, request.VpcId!, request.DryRun == true, ct);
        return new AcsResponse();
    }

    /// <summary>One VPC: DescribeVpcs' fields and every container of the SDK model (Terraform's alicloud_vpc read).</summary>
    [AcsAction]
    public async Task<DescribeVpcAttributeResponse> DescribeVpcAttribute([FromQuery] DescribeVpcAttributeRequest request, CancellationToken ct) =>
        DescribeVpcAttributeResponse.From(await vpcs.DescribeOneAsync(request.RegionId!, request.VpcId!, request.DryRun == true, ct));

    /// <summary>Changes a VPC's name, description or primary CIDR block (which must still contain every vSwitch).</summary>
    [AcsAction]
    public async Task<AcsResponse> ModifyVpcAttribute([FromQuery] ModifyVpcAttributeRequest request, CancellationToken ct)
    {
        await vpcs.ModifyAsync(request.RegionId!, request.VpcId!, request.VpcName, request.Description, request.CidrBlock, ct, request.EnableIPv6 == true);
        return new AcsResponse();
    }

    /// <summary>Lists route tables: each VPC's system route table (created with the VPC; the only kind emulated).</summary>
    [AcsAction]
    public async Task<DescribeRouteTableListResponse> DescribeRouteTableList([FromQuery] DescribeRouteTableListRequest request, CancellationToken ct)
    {
        // Only VRouter tables exist here, and they carry no tags: another router type or a tag filter matches none ("-" is no table type).
        var matchesSome = request.RouterType is null or "VRouter" && request.Tag is not { Count: > 0 };
        return DescribeRouteTableListResponse.From(await vpcs.DescribeRouteTablesAsync(new RouteTableQuery(request.RegionId!, request.VpcId,
            request.RouteTableId, request.RouterId, request.RouteTableName, matchesSome ? request.RouteTableType : "-", request.ResourceGroupId,
            PageParameters.From(request.PageNumber, request.PageSize, 50)), ct));
    }

    /// <summary>Renames or re-describes a system route table.</summary>
    [AcsAction]
    public async Task<AcsResponse> ModifyRouteTableAttributes([FromQuery] ModifyRouteTableAttributesRequest request, CancellationToken ct)
    {
        await vpcs.ModifyRouteTableAsync(request.RegionId!, request.RouteTableId!, request.RouteTableName, request.Description, ct);
        return new AcsResponse();
    }
}
