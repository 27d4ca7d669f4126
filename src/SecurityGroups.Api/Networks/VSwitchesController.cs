using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Networks;

namespace SecurityGroups.Api.Networks;

/// <summary>VPC 2016-04-28: vSwitches (subnets of a VPC in one zone).</summary>
[AcsProduct(AcsProductAttribute.Vpc, AcsProductAttribute.VpcVersion)]
public sealed class VSwitchesController(VSwitchService vSwitches) : AcsController
{
    /// <summary>Creates a vSwitch in a zone of the VPC's region, inside the VPC's CIDR block.</summary>
    [AcsAction]
    [AcsIdempotent]
    public async Task<CreateVSwitchResponse> CreateVSwitch([FromQuery] CreateVSwitchRequest request, CancellationToken ct)
    {
        var id = await vSwitches.CreateAsync(new CreateVSwitchCommand(request.RegionId, request.VpcId!, request.ZoneId!, request.CidrBlock!,
            request.VSwitchName, request.Description, TagParameter.ToInputs(request.Tag), request.DryRun == true) { Ipv6CidrBlock = request.Ipv6CidrBlock }, ct);
        return new CreateVSwitchResponse { VSwitchId = id };
    }

    /// <summary>Lists vSwitches by region or VPC, newest first, with free address counts.</summary>
    [AcsAction]
    public async Task<DescribeVSwitchesResponse> DescribeVSwitches([FromQuery] DescribeVSwitchesRequest request, CancellationToken ct)
    {
        var page = await vSwitches.DescribeAsync(new VSwitchQuery(request.RegionId, request.VpcId, PageParameters.SplitIds(request.VSwitchId),
            request.VSwitchName, request.ZoneId, request.IsDefault, request.ResourceGroupId, TagParameter.ToInputs(request.Tag),
            PageParameters.From(request.PageNumber, request.PageSize, 50), request.DryRun == true) { EnableIpv6 = request.EnableIpv6 }, ct);
        return DescribeVSwitchesResponse.From(page);
    }

    /// <summary>Deletes a vSwitch; refused (<c>DependencyViolation</c>) while any private IP of it is in use.</summary>
    [AcsAction]
    public async Task<AcsResponse> DeleteVSwitch([FromQuery] DeleteVSwitchRequest request, CancellationToken ct)
    {
        await vSwitches.DeleteAsync(request.RegionId, request.VSwitchId!, request.DryRun == true, ct);
        return new AcsResponse();
    }

    /// <summary>One vSwitch with its free address count, route table and tags (Terraform's alicloud_vswitch read).</summary>
    [AcsAction]
    public async Task<DescribeVSwitchAttributesResponse> DescribeVSwitchAttributes([FromQuery] DescribeVSwitchAttributesRequest request, CancellationToken ct) =>
        DescribeVSwitchAttributesResponse.From(await vSwitches.DescribeOneAsync(request.RegionId, request.VSwitchId!, request.DryRun == true, ct));

    /// <summary>Changes a vSwitch's name or description.</summary>
    [AcsAction]
    public async Task<AcsResponse> ModifyVSwitchAttribute([FromQuery] ModifyVSwitchAttributeRequest request, CancellationToken ct)
    {
        await vSwitches.ModifyAsync(request.RegionId, request.VSwitchId!, request.VSwitchName, request.Description, ct, request.EnableIPv6 == true,
            request.Ipv6CidrBlock);
        return new AcsResponse();
    }
}
