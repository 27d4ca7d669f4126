using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;
using SecurityGroups.Domain.Regions;

namespace SecurityGroups.Api.Networks;

/// <summary>VPC 2016-04-28: DescribeRegions and DescribeZones, the same regions and zones as ECS's (section <c>Regions</c>).</summary>
[AcsProduct(AcsProductAttribute.Vpc, AcsProductAttribute.VpcVersion)]
public sealed class VpcRegionsController(RegionCatalog regions) : AcsController
{
    /// <summary>Lists the regions, with the VPC API's endpoints.</summary>
    [AcsAction]
    public VpcDescribeRegionsResponse DescribeRegions([FromQuery] VpcDescribeRegionsRequest request) =>
        VpcDescribeRegionsResponse.From(regions.Regions, request.AcceptLanguage ?? "zh-CN");

    /// <summary>Lists the zones of a region.</summary>
    [AcsAction]
    public VpcDescribeZonesResponse DescribeZones([FromQuery] VpcDescribeZonesRequest request) =>
        VpcDescribeZonesResponse.From(regions.Require(request.RegionId!), request.ZoneType, request.AcceptLanguage ?? "zh-CN");
}
