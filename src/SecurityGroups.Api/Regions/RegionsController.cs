using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;
using SecurityGroups.Domain.Regions;

namespace SecurityGroups.Api.Regions;

/// <summary>ECS 2014-05-26: regions.</summary>
[AcsProduct(AcsProductAttribute.Ecs, AcsProductAttribute.EcsVersion)]
public sealed class RegionsController(RegionCatalog regions) : AcsController
{
    /// <summary>Lists the regions this emulator serves (configurable: section <c>Regions</c>).</summary>
    [AcsAction]
    public DescribeRegionsResponse DescribeRegions([FromQuery] DescribeRegionsRequest request) =>
        DescribeRegionsResponse.From(regions.Regions, request.AcceptLanguage ?? "zh-CN");
}
