using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Api.Compute;
using SecurityGroups.Api.Regions;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Regions;

namespace SecurityGroups.Api.Networks;

/// <summary>VPC DescribeRegions: the ECS regions, with the VPC API's endpoints.</summary>
public sealed class VpcDescribeRegionsRequest : CommonParameters
{
    /// <summary>Language of LocalName: <c>zh-CN</c> (default), <c>en-US</c> or <c>ja</c>.</summary>
    /// <example>en-US</example>
    public string? AcceptLanguage { get; set; }

    /// <summary>Accepted, no effect here (every region offers the VPC products): e.g. <c>VPC</c>, <c>EIP</c>, <c>NAT</c>.</summary>
    public string? ProductType { get; set; }
}

public sealed class VpcDescribeRegionsValidator : AcsValidator<VpcDescribeRegionsRequest>
{
    public VpcDescribeRegionsValidator() =>
        RuleFor(r => r.AcceptLanguage).OneOf("zh-CN", "en-US", "ja").Raises(AcsErrors.InvalidAcceptLanguageNotFound);
}

public sealed record VpcRegionItem(string RegionId, string LocalName, string RegionEndpoint);

public sealed record VpcRegionList(IReadOnlyList<VpcRegionItem> Region);

public sealed class VpcDescribeRegionsResponse : AcsResponse
{
    public required VpcRegionList Regions { get; init; }

    /// <summary>The VPC endpoint of a region: its ECS endpoint with <c>vpc</c> for <c>ecs</c> (<c>vpc.aliyuncs.com</c>, <c>vpc.ap-southeast-1.aliyuncs.com</c>).</summary>
    public static string Endpoint(RegionDefinition region) =>
        region.RegionEndpoint.StartsWith("ecs", StringComparison.Ordinal) ? "vpc" + region.RegionEndpoint[3..] : $"vpc.{region.RegionId}.aliyuncs.com";

    public static VpcDescribeRegionsResponse From(IEnumerable<RegionDefinition> regions, string language) => new()
    {
        Regions = new VpcRegionList(regions.Select(r => new VpcRegionItem(r.RegionId, DescribeRegionsResponse.LocalName(r, language), Endpoint(r))).ToList()),
    };
}

/// <summary>VPC DescribeZones: the region's zones (the same as ECS DescribeZones).</summary>
public sealed class VpcDescribeZonesRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary><c>AvailabilityZone</c> (default): every zone; <c>EdgeZone</c>: none (no edge zones here).</summary>
    public string? ZoneType { get; set; }

    /// <summary>Language of LocalName: <c>zh-CN</c> (default), <c>en-US</c> or <c>ja</c>.</summary>
    public string? AcceptLanguage { get; set; }
}

public sealed class VpcDescribeZonesValidator : AcsValidator<VpcDescribeZonesRequest>
{
    public VpcDescribeZonesValidator()
    {
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.ZoneType).OneOf("AvailabilityZone", "EdgeZone").Raises(AcsErrors.InvalidParameter);
        RuleFor(r => r.AcceptLanguage).OneOf("zh-CN", "en-US", "ja").Raises(AcsErrors.InvalidAcceptLanguageNotFound);
    }
}

public sealed record VpcZoneItem(string ZoneId, string LocalName, string ZoneType);

public sealed record VpcZoneList(IReadOnlyList<VpcZoneItem> Zone);

public sealed class VpcDescribeZonesResponse : AcsResponse
{
    public required VpcZoneList Zones { get; init; }

    public static VpcDescribeZonesResponse From(RegionDefinition region, string? zoneType, string language) => new()
    {
        Zones = new VpcZoneList(zoneType is "EdgeZone" ? []
            : region.Zones.Select(z => new VpcZoneItem(z, ZoneNames.Local(region, z, language), "AvailabilityZone")).ToList()),
    };
}
