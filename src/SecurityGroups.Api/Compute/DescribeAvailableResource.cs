using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Compute;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Api.Compute;

public sealed class DescribeAvailableResourceRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary><c>Zone</c>, <c>IoOptimized</c>, <c>InstanceType</c>, <c>SystemDisk</c>, <c>DataDisk</c>, <c>Network</c> or <c>ddh</c>. Required.</summary>
    /// <example>InstanceType</example>
    public string? DestinationResource { get; set; }

    /// <summary>Only this zone.</summary>
    public string? ZoneId { get; set; }

    /// <summary>Only zones offering this type (and, for <c>InstanceType</c>, only this type).</summary>
    public string? InstanceType { get; set; }

    /// <summary>With DestinationResource InstanceType: only types with this many vCPUs.</summary>
    public int? Cores { get; set; }

    /// <summary>With DestinationResource InstanceType: only types with this much memory (GiB).</summary>
    public float? Memory { get; set; }

    /// <summary>With DestinationResource SystemDisk: only this category.</summary>
    public string? SystemDiskCategory { get; set; }

    /// <summary>With DestinationResource DataDisk: only this category.</summary>
    public string? DataDiskCategory { get; set; }

    /// <summary>Accepted: PrePaid, PostPaid (default); every resource is offered for both.</summary>
    public string? InstanceChargeType { get; set; }

    /// <summary>Accepted: NoSpot (default), SpotWithPriceLimit, SpotAsPriceGo.</summary>
    public string? SpotStrategy { get; set; }

    /// <summary>Protection period of a spot instance in hours: Accepted; no effect here (no spot instances).</summary>
    public int? SpotDuration { get; set; }

    /// <summary>Accepted: <c>optimized</c> (default) or <c>none</c>.</summary>
    public string? IoOptimized { get; set; }

    /// <summary>Accepted: <c>vpc</c>.</summary>
    public string? NetworkCategory { get; set; }

    /// <summary>Accepted: instance (default), disk, reservedinstance, ddh.</summary>
    public string? ResourceType { get; set; }

    /// <summary>Accepted and ignored.</summary>
    public string? Scope { get; set; }

    /// <summary>Accepted and ignored.</summary>
    public string? DedicatedHostId { get; set; }
}

public sealed class DescribeAvailableResourceValidator : AcsValidator<DescribeAvailableResourceRequest>
{
    public DescribeAvailableResourceValidator()
    {
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.DestinationResource).Required();
        RuleFor(r => r.DestinationResource).OneOf(DescribeAvailableResourceResponse.Destinations).Raises(AcsErrors.InvalidDestinationResource);
        RuleFor(r => r.InstanceChargeType).OneOf("PrePaid", "PostPaid").Raises(AcsErrors.InvalidInstanceChargeTypeValueNotSupported);
        RuleFor(r => r.IoOptimized).OneOf("optimized", "none").Raises(AcsErrors.InvalidParameter);
        RuleFor(r => r.Cores).GreaterThan(0).Raises(AcsErrors.InvalidParameter);
        RuleFor(r => r.Memory).GreaterThan(0).Raises(AcsErrors.InvalidParameter);
    }
}

/// <summary>What each zone of the region offers (from the compute catalogue); zones with nothing to offer are left out.</summary>
public sealed class DescribeAvailableResourceResponse : AcsResponse
{
    internal static readonly string[] Destinations = ["Zone", "IoOptimized", "InstanceType", "SystemDisk", "DataDisk", "Network", "ddh"];

    public required AvailableZoneList AvailableZones { get; init; }

    public static DescribeAvailableResourceResponse From(string regionId, DescribeAvailableResourceRequest r, ComputeCatalog compute)
    {
        var zones = new List<AvailableZone>();
        foreach (var zoneId in compute.Zones(regionId))
        {
            if (!string.IsNullOrEmpty(r.ZoneId) && r.ZoneId != zoneId)
            {
                continue;
            }

            var types = compute.TypesIn(zoneId).Where(t => string.IsNullOrEmpty(r.InstanceType) || t.InstanceTypeId == r.InstanceType).ToList();
            if (!string.IsNullOrEmpty(r.InstanceType) && types.Count == 0)
            {
                continue;
            }

            IReadOnlyList<SupportedResource> supported = r.DestinationResource switch
            {
                "Zone" => [Available(zoneId)],
                "IoOptimized" => [Available("optimized")],
                "InstanceType" => types.Where(t => (r.Cores is null || t.CpuCoreCount == r.Cores) && (r.Memory is null || Math.Abs(t.MemorySize - r.Memory.Value) < 0.001))
                    .Select(t => Available(t.InstanceTypeId)).ToList(),
                "SystemDisk" => compute.DiskCategories.Where(c => string.IsNullOrEmpty(r.SystemDiskCategory) || c == r.SystemDiskCategory)
                    .Select(c => Available(c) with { Min = 20, Max = compute.MaxSystemDiskSize, Unit = "GiB" }).ToList(),
                "DataDisk" => compute.DiskCategories.Where(c => string.IsNullOrEmpty(r.DataDiskCategory) || c == r.DataDiskCategory)
                    .Select(c => Available(c) with { Min = 20, Max = 32768, Unit = "GiB" }).ToList(),
                "Network" => [Available("vpc")],
                _ => [],
            };
            if (supported.Count == 0)
            {
                continue;
            }

            var type = r.DestinationResource == "ddh" ? "DedicatedHost" : r.DestinationResource!;
            zones.Add(new AvailableZone(regionId, zoneId, "Available", "WithStock",
                new AvailableResourceList([new AvailableResource(type, new SupportedResourceList(supported))])));
        }

        return new DescribeAvailableResourceResponse { AvailableZones = new AvailableZoneList(zones) };
    }

    private static SupportedResource Available(string value) => new(value, "Available", "WithStock");
}

public sealed record SupportedResource(string Value, string Status, string StatusCategory)
{
    public int? Min { get; init; }

    public int? Max { get; init; }

    public string? Unit { get; init; }
}

public sealed record SupportedResourceList(IReadOnlyList<SupportedResource> SupportedResource);

public sealed record AvailableResource(string Type, SupportedResourceList SupportedResources);

public sealed record AvailableResourceList(IReadOnlyList<AvailableResource> AvailableResource);

public sealed record AvailableZone(string RegionId, string ZoneId, string Status, string StatusCategory, AvailableResourceList AvailableResources);

public sealed record AvailableZoneList(IReadOnlyList<AvailableZone> AvailableZone);
