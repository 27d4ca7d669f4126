using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Compute;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Regions;

namespace SecurityGroups.Api.Compute;

public sealed class DescribeZonesRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>Language of LocalName: <c>zh-CN</c> (default), <c>en-US</c> or <c>ja</c>.</summary>
    public string? AcceptLanguage { get; set; }

    /// <summary>Accepted: PrePaid, PostPaid (default). Every zone offers both.</summary>
    public string? InstanceChargeType { get; set; }

    /// <summary>Accepted: NoSpot (default), SpotWithPriceLimit, SpotAsPriceGo.</summary>
    public string? SpotStrategy { get; set; }

    /// <summary>Accepted (details are always returned).</summary>
    public bool? Verbose { get; set; }
}

public sealed class DescribeZonesValidator : AcsValidator<DescribeZonesRequest>
{
    public DescribeZonesValidator()
    {
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.AcceptLanguage).OneOf("zh-CN", "en-US", "ja").Raises(AcsErrors.InvalidAcceptLanguageNotFound);
        RuleFor(r => r.InstanceChargeType).OneOf("PrePaid", "PostPaid").Raises(AcsErrors.InvalidInstanceChargeTypeValueNotSupported);
        RuleFor(r => r.SpotStrategy).OneOf("NoSpot", "SpotWithPriceLimit", "SpotAsPriceGo").Raises(AcsErrors.InvalidParameter);
    }
}

public sealed class DescribeZonesResponse : AcsResponse
{
    public required ZoneList Zones { get; init; }

    public static DescribeZonesResponse From(RegionDefinition region, ComputeCatalog compute, string language) => new()
    {
        Zones = new ZoneList(region.Zones.Select(zoneId =>
        {
            var types = compute.TypesIn(zoneId).ToList();
            var typeIds = types.Select(t => t.InstanceTypeId).ToList();
            return new ZoneItem
            {
                ZoneId = zoneId,
                LocalName = ZoneNames.Local(region, zoneId, language),
                AvailableInstanceTypes = new AvailableInstanceTypes(typeIds),
                AvailableDiskCategories = new AvailableDiskCategories(compute.DiskCategories),
                AvailableResources = new ResourcesInfoList([new ResourcesInfo(true,
                    new SupportedSystemDiskCategories(compute.DiskCategories), new SupportedDataDiskCategories(compute.DiskCategories),
                    new SupportedNetworkCategories(["vpc"]), new SupportedInstanceTypes(typeIds),
                    new SupportedInstanceTypeFamilies(types.Select(t => t.InstanceTypeFamily).Distinct().ToList()),
                    new SupportedInstanceGenerations(["ecs-5"]))]),
            };
        }).ToList()),
    };
}

/// <summary>Zone display names: <c>华东1（杭州） 可用区 H</c>, <c>China (Hangzhou) Zone H</c>.</summary>
internal static class ZoneNames
{
    public static string Local(RegionDefinition region, string zoneId, string? language)
    {
        var suffix = zoneId.StartsWith(region.RegionId + "-", StringComparison.Ordinal) ? zoneId[(region.RegionId.Length + 1)..].ToUpperInvariant() : zoneId;
        return language switch
        {
            "en-US" => $"{region.EnglishName} Zone {suffix}",
            "ja" => $"{region.JapaneseName ?? region.EnglishName} ゾーン {suffix}",
            _ => $"{region.LocalName} 可用区 {suffix}",
        };
    }
}

public sealed record ZoneList(IReadOnlyList<ZoneItem> Zone);

public sealed record AvailableResourceCreation(IReadOnlyList<string> ResourceTypes);

public sealed record AvailableDiskCategories(IReadOnlyList<string> DiskCategories);

public sealed record AvailableInstanceTypes(IReadOnlyList<string> InstanceTypes);

public sealed record AvailableVolumeCategories(IReadOnlyList<string> VolumeCategories);

public sealed record AvailableDedicatedHostTypes(IReadOnlyList<string> DedicatedHostType);

public sealed record DedicatedHostGenerations(IReadOnlyList<string> DedicatedHostGeneration);

public sealed record NetworkTypeList(IReadOnlyList<string> NetworkType);

public sealed record SupportedSystemDiskCategories(IReadOnlyList<string> supportedSystemDiskCategory);

public sealed record SupportedDataDiskCategories(IReadOnlyList<string> supportedDataDiskCategory);

public sealed record SupportedNetworkCategories(IReadOnlyList<string> supportedNetworkCategory);

public sealed record SupportedInstanceTypes(IReadOnlyList<string> supportedInstanceType);

public sealed record SupportedInstanceTypeFamilies(IReadOnlyList<string> supportedInstanceTypeFamily);

public sealed record SupportedInstanceGenerations(IReadOnlyList<string> supportedInstanceGeneration);

/// <summary>Alibaba's lower-camel inner names (<c>supportedSystemDiskCategory</c>) are kept.</summary>
public sealed record ResourcesInfo(bool IoOptimized, SupportedSystemDiskCategories SystemDiskCategories, SupportedDataDiskCategories DataDiskCategories,
    SupportedNetworkCategories NetworkTypes, SupportedInstanceTypes InstanceTypes, SupportedInstanceTypeFamilies InstanceTypeFamilies,
    SupportedInstanceGenerations InstanceGenerations);

public sealed record ResourcesInfoList(IReadOnlyList<ResourcesInfo> ResourcesInfo);

public sealed record ZoneItem
{
    public required string ZoneId { get; init; }
    public required string LocalName { get; init; }
    public string ZoneType { get; init; } = "AvailabilityZone";
    public AvailableResourceCreation AvailableResourceCreation { get; init; } = new(["VSwitch", "IoOptimized", "Instance", "Disk"]);
    public required AvailableDiskCategories AvailableDiskCategories { get; init; }
    public required AvailableInstanceTypes AvailableInstanceTypes { get; init; }
    public AvailableVolumeCategories AvailableVolumeCategories { get; init; } = new([]);
    public AvailableDedicatedHostTypes AvailableDedicatedHostTypes { get; init; } = new([]);
    public DedicatedHostGenerations DedicatedHostGenerations { get; init; } = new([]);
    public required ResourcesInfoList AvailableResources { get; init; }
}
