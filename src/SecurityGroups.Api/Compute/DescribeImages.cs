using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Compute;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Api.Compute;

public sealed class DescribeImagesRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>Up to 100 image IDs, comma-separated.</summary>
    public string? ImageId { get; set; }

    /// <summary>Images whose name contains this text.</summary>
    public string? ImageName { get; set; }

    /// <summary><c>system</c>, <c>self</c>, <c>others</c>, <c>marketplace</c> (comma-separated); the catalogue's images are all <c>system</c>.</summary>
    public string? ImageOwnerAlias { get; set; }

    /// <summary>Comma-separated statuses (default <c>Available</c>); catalogue images are <c>Available</c>.</summary>
    public string? Status { get; set; }

    /// <summary><c>linux</c> or <c>windows</c>.</summary>
    public string? OSType { get; set; }

    /// <summary><c>x86_64</c> or <c>arm64</c>.</summary>
    public string? Architecture { get; set; }

    public string? ImageFamily { get; set; }

    /// <summary>Only images usable with this type (every image, for a type of the catalogue; none otherwise).</summary>
    public string? InstanceType { get; set; }

    /// <summary><c>instance</c> (images in use) or <c>none</c>: accepted, every image matches.</summary>
    public string? Usage { get; set; }

    /// <summary>Accepted and ignored.</summary>
    public string? ActionType { get; set; }

    /// <summary>Accepted: every catalogue image is I/O optimized.</summary>
    public bool? IsSupportIoOptimized { get; set; }

    /// <summary>Accepted: every catalogue image supports cloud-init.</summary>
    public bool? IsSupportCloudinit { get; set; }

    /// <summary>Accepted and ignored.</summary>
    public string? SnapshotId { get; set; }

    /// <summary>Catalogue images belong to no resource group: a value lists none.</summary>
    public string? ResourceGroupId { get; set; }

    /// <summary>Accepted and ignored.</summary>
    public long? ImageOwnerId { get; set; }

    /// <summary>Accepted and ignored.</summary>
    public bool? ShowExpired { get; set; }

    public bool? DryRun { get; set; }

    /// <summary>From 1.</summary>
    public int? PageNumber { get; set; }

    /// <summary>1-100 (default 10).</summary>
    public int? PageSize { get; set; }

    /// <summary>Catalogue images have no tags: a tag filter lists none.</summary>
    public List<TagParameter>? Tag { get; set; }

    /// <summary><c>Filter.N.Key</c> <c>CreationStartTime</c> / <c>CreationEndTime</c> and <c>Filter.N.Value</c> (UTC,
    /// <c>yyyy-MM-ddTHH:mmZ</c> or with seconds), N = 1..10: images created at or after / at or before it; other keys have no effect.</summary>
    public List<FilterParameter>? Filter { get; set; }

    /// <summary>Catalogue images are all public system images: <c>false</c> lists none.</summary>
    public bool? IsPublic { get; set; }

    /// <summary>Every catalogue image is usable: <c>false</c> lists none.</summary>
    public bool? Usable { get; set; }
}

public sealed class DescribeImagesValidator : AcsValidator<DescribeImagesRequest>
{
    private static readonly string[] Owners = ["system", "self", "others", "marketplace"];

    public DescribeImagesValidator()
    {
        RuleFor(r => r.Tag).MaxItems(ListBounds.Tags, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.Filter).MaxItems(ListBounds.Filters, AcsErrors.InvalidParameter);
        RuleFor(r => r.Filter).Must(FilterParameter.AreValid).Raises(AcsErrors.InvalidParameter);
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.ImageOwnerAlias).Must(o => PageParameters.SplitIds(o).All(a => Owners.Contains(a, StringComparer.Ordinal)))
            .Raises(AcsErrors.InvalidImageOwnerAliasValueNotSupported);
        RuleFor(r => r.ImageId).Must(ids => PageParameters.SplitIds(ids).Count <= 100).Raises(AcsErrors.InvalidParameter);
        RuleFor(r => r.OSType).OneOf("linux", "windows").Raises(AcsErrors.InvalidParameter);
    }
}

public sealed class DescribeImagesResponse : AcsResponse
{
    public required string RegionId { get; init; }

    public required int TotalCount { get; init; }

    public required int PageNumber { get; init; }

    public required int PageSize { get; init; }

    public required ImageList Images { get; init; }

    public static DescribeImagesResponse From(DescribeImagesRequest r, ComputeCatalog compute)
    {
        var page = PageParameters.From(r.PageNumber, r.PageSize, 100);
        var ids = PageParameters.SplitIds(r.ImageId);
        var owners = PageParameters.SplitIds(r.ImageOwnerAlias);
        var statuses = PageParameters.SplitIds(r.Status);
        compute.Zones(r.RegionId!);
        var none = (owners.Count > 0 && !owners.Contains("system")) || (statuses.Count > 0 && !statuses.Contains("Available"))
            || (!string.IsNullOrEmpty(r.InstanceType) && compute.FindType(r.InstanceType) is null)
            || !string.IsNullOrEmpty(r.ResourceGroupId) || r.Tag is { Count: > 0 } || r.IsPublic is false || r.Usable is false;
        var createdFrom = FilterParameter.Time(r.Filter, FilterParameter.CreationStartTime);
        var createdTo = FilterParameter.Time(r.Filter, FilterParameter.CreationEndTime);
        var images = none ? [] : compute.ImagesIn(r.RegionId!).Where(i =>
            (ids.Count == 0 || ids.Contains(i.ImageId))
            && (string.IsNullOrEmpty(r.ImageName) || i.ImageName.Contains(r.ImageName, StringComparison.Ordinal))
            && (string.IsNullOrEmpty(r.OSType) || i.OSType == r.OSType)
            && (string.IsNullOrEmpty(r.Architecture) || i.Architecture == r.Architecture)
            && (string.IsNullOrEmpty(r.ImageFamily) || i.ImageFamily == r.ImageFamily)
            && (createdFrom is null || Created(i) >= createdFrom) && (createdTo is null || Created(i) <= createdTo)).ToList();
        return new DescribeImagesResponse
        {
            RegionId = r.RegionId!,
            TotalCount = images.Count,
            PageNumber = page.PageNumber,
            PageSize = page.PageSize,
            Images = new ImageList(images.Skip(page.Skip).Take(page.PageSize).Select(ImageItem.From).ToList()),
        };
    }

    /// <summary>An image's creation time; null (outside every bound) for a configured one that is not a time.</summary>
    private static DateTime? Created(ImageDefinition image) =>
        DateTime.TryParse(image.CreationTime, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var created) ? created : null;
}

public sealed record ImageList(IReadOnlyList<ImageItem> Image);

/// <summary><c>Size</c> is a string in Alibaba's model.</summary>
public sealed record DiskDeviceMapping(string Type, string Device, string Size, string SnapshotId, string Format, string ImportOSSBucket,
    string ImportOSSObject, string Progress, int RemainTime)
{
    public bool Encrypted { get; init; }
}

public sealed record DiskDeviceMappingList(IReadOnlyList<DiskDeviceMapping> DiskDeviceMapping);

public sealed record ImageFeatures(string NvmeSupport)
{
    public string ImdsSupport { get; init; } = "v2";
    public string CpuOnlineUpgrade { get; init; } = "unsupported";
    public string CpuOnlineDowngrade { get; init; } = "unsupported";
    public string MemoryOnlineUpgrade { get; init; } = "unsupported";
    public string MemoryOnlineDowngrade { get; init; } = "unsupported";
}

public sealed record ImageSecureBootOptions(string SecureBootSupport);

public sealed record DetectionItemList(IReadOnlyList<string> Item);

public sealed record DetectionOptions(string Status, DetectionItemList Items);

public sealed record ImageItem
{
    public required string ImageId { get; init; }
    public required string ImageName { get; init; }
    public required string ImageFamily { get; init; }
    public required string ImageVersion { get; init; }
    public required string Description { get; init; }
    public required string OSName { get; init; }
    public required string OSNameEn { get; init; }
    public required string OSType { get; init; }
    public required string Platform { get; init; }
    public required string Architecture { get; init; }
    public required int Size { get; init; }
    public required string CreationTime { get; init; }
    public required DiskDeviceMappingList DiskDeviceMappings { get; init; }
    public string ImageOwnerAlias { get; init; } = "system";
    public bool IsSupportIoOptimized { get; init; } = true;
    public bool IsSupportCloudinit { get; init; } = true;
    public string IsSelfShared { get; init; } = "";
    public bool IsCopied { get; init; }
    public bool IsSubscribed { get; init; }
    public bool IsPublic { get; init; } = true;
    public string Status { get; init; } = "Available";
    public string Progress { get; init; } = "100%";
    public string Usage { get; init; } = "instance";
    public string BootMode { get; init; } = "BIOS";
    public string ProductCode { get; init; } = "";
    public string ResourceGroupId { get; init; } = "";
    public bool LoginAsNonRootSupported { get; init; }
    public string SupplierName { get; init; } = "";
    /// <summary>Alibaba Cloud's own account for system images.</summary>
    public long ImageOwnerId { get; init; } = 1;
    public string LicenseType { get; init; } = "Auto";
    public bool Usable { get; init; } = true;
    public ImageSecureBootOptions SecureBootOptions { get; init; } = new("unsupported");
    public ImageFeatures Features { get; init; } = new("supported");
    public DetectionOptions DetectionOptions { get; init; } = new("", new DetectionItemList([]));
    public EcsTags Tags { get; init; } = new([]);

    public static ImageItem From(ImageDefinition i) => new()
    {
        ImageId = i.ImageId,
        ImageName = i.ImageName,
        ImageFamily = i.ImageFamily,
        ImageVersion = i.ImageVersion,
        Description = i.Description,
        OSName = i.OSName,
        OSNameEn = i.OSNameEn,
        OSType = i.OSType,
        Platform = i.Platform,
        Architecture = i.Architecture,
        Size = i.Size,
        CreationTime = i.CreationTime,
        DiskDeviceMappings = new DiskDeviceMappingList([new DiskDeviceMapping("system", "/dev/xvda",
            i.Size.ToString(System.Globalization.CultureInfo.InvariantCulture), "", "", "", "", "100%", 0)]),
    };
}
