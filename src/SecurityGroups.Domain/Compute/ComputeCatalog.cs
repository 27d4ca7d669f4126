using Microsoft.Extensions.Options;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Regions;

namespace SecurityGroups.Domain.Compute;

/// <summary>The configured images, instance types and disk categories (section <c>Compute</c>), per region and zone.</summary>
public sealed class ComputeCatalog
{
    private readonly RegionCatalog _regions;

    public ComputeCatalog(IOptions<ComputeOptions> options, RegionCatalog regions)
    {
        _regions = regions;
        var o = options.Value;
        Images = o.Images.Count > 0 ? o.Images : DefaultCompute.Images;
        foreach (var image in Images.Where(i => string.IsNullOrEmpty(i.ImageName)))
        {
            image.ImageName = image.ImageId;
        }

        InstanceTypes = o.InstanceTypes.Count > 0 ? o.InstanceTypes : DefaultCompute.InstanceTypes;
        foreach (var type in InstanceTypes.Where(t => string.IsNullOrEmpty(t.InstanceTypeFamily)))
        {
            type.InstanceTypeFamily = FamilyOf(type.InstanceTypeId);
        }

        DiskCategories = o.DiskCategories.Count > 0 ? o.DiskCategories : DefaultCompute.DiskCategories;
        SystemDiskSize = o.SystemDiskSize;
        MaxSystemDiskSize = o.MaxSystemDiskSize;
    }

    public IReadOnlyList<ImageDefinition> Images { get; }

    public IReadOnlyList<InstanceTypeDefinition> InstanceTypes { get; }

    public IReadOnlyList<string> DiskCategories { get; }

    public int SystemDiskSize { get; }

    public int MaxSystemDiskSize { get; }

    /// <summary>The default when RunInstances names no image: the first image of the region.</summary>
    public ImageDefinition DefaultImage(string regionId) => ImagesIn(regionId).FirstOrDefault() ?? Images[0];

    /// <summary>The default when RunInstances names no type: the first type.</summary>
    public InstanceTypeDefinition DefaultInstanceType => InstanceTypes[0];

    public IEnumerable<ImageDefinition> ImagesIn(string regionId) =>
        Images.Where(i => i.Regions.Count == 0 || i.Regions.Contains(regionId, StringComparer.Ordinal));

    /// <summary>The image in the region, or <c>InvalidImageId.NotFound</c>.</summary>
    public ImageDefinition RequireImage(string regionId, string imageId) =>
        ImagesIn(regionId).FirstOrDefault(i => i.ImageId == imageId) ?? throw new AcsException(AcsErrors.InvalidImageIdNotFound);

    public InstanceTypeDefinition? FindType(string instanceTypeId) => InstanceTypes.FirstOrDefault(t => t.InstanceTypeId == instanceTypeId);

    /// <summary>The type, offered in the zone: <c>InvalidInstanceType.ValueNotSupported</c> when unknown,
    /// <c>InvalidResourceType.NotSupported</c> when the zone does not offer it.</summary>
    public InstanceTypeDefinition RequireType(string zoneId, string instanceTypeId)
    {
        var type = FindType(instanceTypeId) ?? throw new AcsException(AcsErrors.InvalidInstanceTypeValueNotSupported);
        return Offers(type, zoneId) ? type : throw new AcsException(AcsErrors.InvalidResourceTypeNotSupported);
    }

    public static bool Offers(InstanceTypeDefinition type, string zoneId) => type.Zones.Count == 0 || type.Zones.Contains(zoneId, StringComparer.Ordinal);

    /// <summary>The zones of a region (unknown region: <c>InvalidRegionId.NotFound</c>).</summary>
    public IReadOnlyList<string> Zones(string regionId) => _regions.Require(regionId).Zones;

    public IEnumerable<InstanceTypeDefinition> TypesIn(string zoneId) => InstanceTypes.Where(t => Offers(t, zoneId));

    public static string FamilyOf(string instanceTypeId)
    {
        var dot = instanceTypeId.LastIndexOf('.');
        return dot > 0 ? instanceTypeId[..dot] : instanceTypeId;
    }
}
