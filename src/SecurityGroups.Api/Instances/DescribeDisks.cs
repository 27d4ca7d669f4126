using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Instances;

namespace SecurityGroups.Api.Instances;

public sealed class DescribeDisksRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>Only the disks of this instance.</summary>
    public string? InstanceId { get; set; }

    /// <summary>Up to 100 disk IDs as one JSON array string, e.g. <c>["d-a"]</c>.</summary>
    public string? DiskIds { get; set; }

    public string? ZoneId { get; set; }

    /// <summary><c>all</c> (default), <c>system</c> or <c>data</c> (only system disks are modelled: <c>data</c> lists none).</summary>
    public string? DiskType { get; set; }

    /// <summary>e.g. <c>cloud_essd</c>.</summary>
    public string? Category { get; set; }

    /// <summary>System disks are always <c>In_use</c>.</summary>
    public string? Status { get; set; }

    public string? DiskName { get; set; }

    /// <summary>From 1.</summary>
    public int? PageNumber { get; set; }

    /// <summary>1-100 (default 10).</summary>
    public int? PageSize { get; set; }

    public List<TagParameter>? Tag { get; set; }

    /// <summary><c>Filter.N.Key</c> <c>CreationStartTime</c> / <c>CreationEndTime</c> and <c>Filter.N.Value</c> (UTC,
    /// <c>yyyy-MM-ddTHH:mmZ</c>), N = 1..10: disks created at or after / at or before that time; other keys: no effect.</summary>
    public List<FilterParameter>? Filter { get; set; }

    /// <summary><c>AdditionalAttributes.N</c>: Accepted; no effect here.</summary>
    public List<string>? AdditionalAttributes { get; set; }

    /// <summary>Disks with this automatic snapshot policy (ApplyAutoSnapshotPolicy).</summary>
    public string? AutoSnapshotPolicyId { get; set; }

    /// <summary>Every system disk shows true: false matches no disk.</summary>
    public bool? DeleteAutoSnapshot { get; set; }

    /// <summary>System disks are always released with their instance (true): false matches no disk.</summary>
    public bool? DeleteWithInstance { get; set; }

    /// <summary><c>PostPaid</c> or <c>PrePaid</c>: a system disk is charged as its instance.</summary>
    public string? DiskChargeType { get; set; }

    /// <summary>true: the request is checked and answered with <c>DryRunOperation</c>.</summary>
    public bool? DryRun { get; set; }

    /// <summary>Every system disk shows false: true matches no disk.</summary>
    public bool? EnableAutoSnapshot { get; set; }

    /// <summary>true: disks with an automatic snapshot policy; false: disks without one.</summary>
    public bool? EnableAutomatedSnapshotPolicy { get; set; }

    /// <summary>No disk is shared: true matches no disk.</summary>
    public bool? EnableShared { get; set; }

    /// <summary>Disks are not encrypted: true matches no disk.</summary>
    public bool? Encrypted { get; set; }

    /// <summary>Disks are not encrypted: a key matches no disk.</summary>
    public string? KMSKeyId { get; set; }

    /// <summary>No disk is locked: a reason matches no disk.</summary>
    public string? LockReason { get; set; }

    /// <summary>Accepted; no effect here (use PageNumber/PageSize).</summary>
    public int? MaxResults { get; set; }

    /// <summary>Every system disk shows <c>Disabled</c>: another value matches no disk.</summary>
    public string? MultiAttach { get; set; }

    /// <summary>Accepted; no effect here (use PageNumber/PageSize).</summary>
    public string? NextToken { get; set; }

    /// <summary>System disks are not portable: true matches no disk.</summary>
    public bool? Portable { get; set; }

    /// <summary>A system disk is in its instance's resource group.</summary>
    public string? ResourceGroupId { get; set; }

    /// <summary>System disks are made from their image, not a snapshot: a value matches no disk.</summary>
    public string? SnapshotId { get; set; }

    /// <summary>Whether a filter on a property every system disk shows alike (see <see cref="DiskItem"/>) asks for another value.</summary>
    internal bool MatchesNothing() =>
        DeleteWithInstance == false || DeleteAutoSnapshot == false || EnableAutoSnapshot == true
        || EnableShared == true || Encrypted == true || Portable == true || MultiAttach is { Length: > 0 } and not "Disabled"
        || !string.IsNullOrEmpty(SnapshotId) || !string.IsNullOrEmpty(KMSKeyId)
        || !string.IsNullOrEmpty(LockReason);
}

public sealed class DescribeDisksValidator : AcsValidator<DescribeDisksRequest>
{
    public DescribeDisksValidator()
    {
        RuleFor(r => r.Tag).MaxItems(ListBounds.Tags, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.Filter).MaxItems(ListBounds.Filters, AcsErrors.InvalidParameter);
        RuleFor(r => r.Filter).Must(FilterParameter.AreValid).Raises(AcsErrors.InvalidParameter);
        RuleFor(r => r.AdditionalAttributes).MaxItems(ListBounds.AdditionalAttributes, AcsErrors.InvalidParameter);
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.DiskIds).Must(ids => JsonIdList.TryParse(ids, 100, out _)).Raises(AcsErrors.InvalidDiskIdsMalformed);
        RuleFor(r => r.DiskType).OneOf("all", "system", "data").Raises(AcsErrors.InvalidDiskTypeValueNotSupported);
    }
}

public sealed class DescribeDisksResponse : AcsResponse
{
    public required int TotalCount { get; init; }

    public required int PageNumber { get; init; }

    public required int PageSize { get; init; }

    public string NextToken { get; init; } = "";

    public required DiskList Disks { get; init; }

    public static DescribeDisksResponse From(Listing<SystemDiskView> listing) => new()
    {
        TotalCount = listing.TotalCount ?? 0,
        PageNumber = listing.Page?.PageNumber ?? 1,
        PageSize = listing.Page?.PageSize ?? PageParameters.DefaultPageSize,
        Disks = new DiskList(listing.Items.Select(DiskItem.From).ToList()),
    };
}

public sealed record DiskList(IReadOnlyList<DiskItem> Disk);

public sealed record DiskAttachment(string InstanceId, string Device, string AttachedTime);

public sealed record DiskAttachmentList(IReadOnlyList<DiskAttachment> Attachment);

public sealed record DiskMountInstanceList(IReadOnlyList<DiskAttachment> MountInstance);

/// <summary>A system disk: created with its instance, <c>In_use</c>, released with it.</summary>
public sealed record DiskItem
{
    public required string DiskId { get; init; }
    public required string DiskName { get; init; }
    public required string Description { get; init; }
    public required string RegionId { get; init; }
    public required string ZoneId { get; init; }
    public required string InstanceId { get; init; }
    public required string Category { get; init; }
    public required int Size { get; init; }
    public required string PerformanceLevel { get; init; }
    public required string ImageId { get; init; }
    public required string CreationTime { get; init; }
    public required string AttachedTime { get; init; }
    public required string ResourceGroupId { get; init; }
    public required int IOPS { get; init; }
    public string Type { get; init; } = "system";
    public string BdfId { get; init; } = "";
    public int IOPSRead { get; init; }
    public int IOPSWrite { get; init; }
    public int MountInstanceNum { get; init; } = 1;
    public string SourceDiskId { get; init; } = "";
    public int StorageSetPartitionNumber { get; init; }
    public int Throughput { get; init; }
    public int ThroughputRead { get; init; }
    public int ThroughputWrite { get; init; }
    public DiskDataSource DataSource { get; init; } = new("", "");
    public required DiskPlacement Placement { get; init; }
    public string Status { get; init; } = "In_use";
    public string Device { get; init; } = "/dev/xvda";
    public bool DeleteWithInstance { get; init; } = true;
    public bool DeleteAutoSnapshot { get; init; } = true;
    public bool EnableAutoSnapshot { get; init; }
    public bool Portable { get; init; }
    public bool Encrypted { get; init; }
    public string KMSKeyId { get; init; } = "";
    public string DiskChargeType { get; init; } = "PostPaid";
    public string AutoSnapshotPolicyId { get; init; } = "";
    public string StorageClusterId { get; init; } = "";
    public string StorageSetId { get; init; } = "";
    public string SourceSnapshotId { get; init; } = "";
    public string SerialNumber { get; init; } = "";
    public string ExpiredTime { get; init; } = "2999-09-08T16:00Z";
    public string DetachedTime { get; init; } = "";
    public string ProductCode { get; init; } = "";
    public int ProvisionedIops { get; init; }
    public bool BurstingEnabled { get; init; }
    public bool EnableAutomatedSnapshotPolicy { get; init; }
    public string MultiAttach { get; init; } = "Disabled";
    public required DiskAttachmentList Attachments { get; init; }
    public required DiskMountInstanceList MountInstances { get; init; }
    /// <summary>Alibaba's disk wrapper is <c>OperationLocks.OperationLock</c> (instances use <c>LockReason</c>).</summary>
    public DiskOperationLockList OperationLocks { get; init; } = new([]);
    public required EcsTags Tags { get; init; }

    public static DiskItem From(SystemDiskView view)
    {
        var i = view.Instance;
        var attached = AcsTime.Seconds(i.CreatedAt);
        var attachment = new DiskAttachment(i.InstanceId, "/dev/xvda", attached);
        return new DiskItem
        {
            DiskId = i.SystemDiskId,
            DiskName = i.SystemDiskName,
            Description = i.SystemDiskDescription,
            RegionId = i.RegionId,
            ZoneId = i.ZoneId,
            Placement = new DiskPlacement(i.ZoneId),
            InstanceId = i.InstanceId,
            Category = i.SystemDiskCategory,
            Size = i.SystemDiskSize,
            PerformanceLevel = i.SystemDiskPerformanceLevel,
            ImageId = i.ImageId,
            CreationTime = attached,
            AttachedTime = attached,
            ResourceGroupId = i.ResourceGroupId,
            IOPS = Math.Min(50_000, 1800 + (50 * i.SystemDiskSize)),
            DiskChargeType = i.InstanceChargeType,
            AutoSnapshotPolicyId = i.SystemDiskAutoSnapshotPolicyId,
            EnableAutomatedSnapshotPolicy = i.SystemDiskAutoSnapshotPolicyId.Length > 0,
            Attachments = new DiskAttachmentList([attachment]),
            MountInstances = new DiskMountInstanceList([]),
            Tags = EcsTags.From(view.Tags),
        };
    }
}

public sealed record DiskOperationLock(string LockReason);

public sealed record DiskOperationLockList(IReadOnlyList<DiskOperationLock> OperationLock);

/// <summary>Where the disk's data came from: none here (system disks are created from the image).</summary>
public sealed record DiskDataSource(string Id, string Type);

public sealed record DiskPlacement(string ZoneIds);
