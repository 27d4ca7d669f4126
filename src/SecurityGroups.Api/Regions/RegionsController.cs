using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;
using SecurityGroups.Domain.Quotas;
using SecurityGroups.Domain.Regions;

namespace SecurityGroups.Api.Regions;

/// <summary>ECS 2014-05-26: regions and the account's attributes in them.</summary>
[AcsProduct(AcsProductAttribute.Ecs, AcsProductAttribute.EcsVersion)]
public sealed class RegionsController(RegionCatalog regions, AccountAttributeService accountAttributes) : AcsController
{
    /// <summary>The account's limits in a region: the security-group quota (<c>Quotas:SecurityGroupsPerRegion</c>), network type, instance types.</summary>
    [AcsAction]
    public DescribeAccountAttributesResponse DescribeAccountAttributes([FromQuery] DescribeAccountAttributesRequest request) =>
        DescribeAccountAttributesResponse.From(accountAttributes.Describe(request.RegionId!, request.AttributeName ?? [], request.ZoneId));

    /// <summary>Lists the regions this emulator serves (configurable: section <c>Regions</c>).</summary>
    [AcsAction]
    public DescribeRegionsResponse DescribeRegions([FromQuery] DescribeRegionsRequest request) =>
        DescribeRegionsResponse.From(regions.Regions, request.AcceptLanguage ?? "zh-CN");
}
