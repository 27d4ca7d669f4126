using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Instances;

namespace SecurityGroups.Api.Instances;

// The system disks' own Actions (docs/actions.md, "Disks"). Only system disks exist: a disk is its instance's.

public sealed class ModifyDiskAttributeRequest : CommonParameters
{
    /// <summary>Optional (Terraform sends none): the disk is found in any region of the caller.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The disk (or <c>DiskIds.N</c>, not both).</summary>
    [RequiredUnless("DiskIds")]
    public string? DiskId { get; set; }

    /// <summary>Up to 100 disks, <c>DiskIds.N</c>, changed alike.</summary>
    public List<string>? DiskIds { get; set; }

    /// <summary>2-128 characters, starting with a letter, not http(s):// (else <c>InvalidDiskName.Malformed</c>); empty: unchanged
    /// (Terraform sends the name it holds, empty when none was ever set).</summary>
    public string? DiskName { get; set; }

    /// <summary>2-256 characters, not http(s):// (else <c>InvalidDescription.Malformed</c>); empty: unchanged.</summary>
    public string? Description { get; set; }

    /// <summary>A system disk is released with its instance: true is accepted, false is refused (<c>DiskTypeViolation</c>).</summary>
    public bool? DeleteWithInstance { get; set; }

    /// <summary>A system disk's automatic snapshots are released with it: true is accepted, false is refused (<c>DiskTypeViolation</c>).</summary>
    public bool? DeleteAutoSnapshot { get; set; }

    /// <summary>false is accepted; true is refused (<c>DiskTypeViolation</c>): apply a policy with ApplyAutoSnapshotPolicy.</summary>
    public bool? EnableAutoSnapshot { get; set; }

    /// <summary>Performance burst (cloud_auto): false is accepted; true is refused (<c>InvalidParameter.ProvisionedIops</c>, not modelled).</summary>
    public bool? BurstingEnabled { get; set; }

    internal ModifyDiskAttributeCommand Command() =>
        new(string.IsNullOrEmpty(RegionId) ? null : RegionId, DiskIds is { Count: > 0 } ? DiskIds : [DiskId!],
            string.IsNullOrEmpty(DiskName) ? null : DiskName, string.IsNullOrEmpty(Description) ? null : Description)
        {
            DeleteWithInstance = DeleteWithInstance,
            DeleteAutoSnapshot = DeleteAutoSnapshot,
            EnableAutoSnapshot = EnableAutoSnapshot,
            BurstingEnabled = BurstingEnabled,
        };
}

public sealed class ModifyDiskAttributeValidator : AcsValidator<ModifyDiskAttributeRequest>
{
    public ModifyDiskAttributeValidator()
    {
        RuleFor(r => r.DiskIds).MaxItems(ListBounds.Ids, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r).Must(r => !string.IsNullOrEmpty(r.DiskId) || r.DiskIds is { Count: > 0 }).Raises(AcsErrors.MissingDiskId);
        RuleFor(r => r).Must(r => string.IsNullOrEmpty(r.DiskId) || r.DiskIds is not { Count: > 0 }).Raises(AcsErrors.DiskIdAndDiskIdsConflict);
        RuleFor(r => r.DiskIds).Must(ids => ids is null || ids.All(id => !string.IsNullOrEmpty(id))).Raises(AcsErrors.InvalidDiskIdNotFound);
        RuleFor(r => r.DiskName).AcsName(2, 128).Raises(AcsErrors.InvalidDiskNameMalformed).When(r => !string.IsNullOrEmpty(r.DiskName));
        RuleFor(r => r.Description).AcsText(2, 256).Raises(AcsErrors.InvalidDescriptionMalformed).When(r => !string.IsNullOrEmpty(r.Description));
    }
}

public sealed class ResizeDiskRequest : CommonParameters
{
    /// <summary>The disk. Required.</summary>
    public string? DiskId { get; set; }

    /// <summary>GiB, larger than now (else <c>InvalidDiskSize.TooSmall</c>), 20 to the configured maximum system-disk size (2048 by default). Required.</summary>
    public int? NewSize { get; set; }

    /// <summary><c>offline</c> (default) or <c>online</c>; both take effect at once here.</summary>
    public string? Type { get; set; }

    /// <summary>Idempotency: a retry with the same token and parameters replays the first answer (other parameters:
    /// <c>IdempotentParameterMismatch</c>).</summary>
    public string? ClientToken { get; set; }
}

public sealed class ResizeDiskValidator : AcsValidator<ResizeDiskRequest>
{
    public ResizeDiskValidator()
    {
        RuleFor(r => r.DiskId).Required();
        RuleFor(r => r.NewSize).NotNull().Raises(AcsErrors.MissingParameter);
        RuleFor(r => r.Type).OneOf("online", "offline").Raises(AcsErrors.InvalidResizeTypeValueNotSupported);
    }
}

/// <summary>ResizeDisk's answer: <c>OrderId</c> is for subscription disks' orders (none here: empty).</summary>
public sealed class ResizeDiskResponse : AcsResponse
{
    public string OrderId { get; init; } = "";
}

public sealed class ModifyDiskSpecRequest : CommonParameters
{
    /// <summary>The disk. Required.</summary>
    public string? DiskId { get; set; }

    /// <summary>The new category: one of the configured disk categories (default <c>cloud_essd</c>, <c>cloud_auto</c>,
    /// <c>cloud_efficiency</c>, <c>cloud_ssd</c>).</summary>
    public string? DiskCategory { get; set; }

    /// <summary>The new ESSD level, <c>PL0</c>..<c>PL3</c> (cloud_essd only).</summary>
    public string? PerformanceLevel { get; set; }

    /// <summary>cloud_auto provisioned IOPS: refused (<c>InvalidParameter.ProvisionedIops</c>, not modelled).</summary>
    public long? ProvisionedIops { get; set; }

    /// <summary>true: checked and answered with <c>DryRunOperation</c>.</summary>
    public bool? DryRun { get; set; }

    /// <summary>Accepted; no effect here.</summary>
    public string? DestinationZoneId { get; set; }

    /// <summary><c>PerformanceControlOptions.*</c>: Accepted; no effect here.</summary>
    public PerformanceControlOptionsParameter? PerformanceControlOptions { get; set; }
}

/// <summary><c>PerformanceControlOptions.*</c> (accepted, no effect).</summary>
public sealed class PerformanceControlOptionsParameter
{
    public int? IOPS { get; set; }

    public int? Throughput { get; set; }

    public string? Recover { get; set; }
}

public sealed class ModifyDiskSpecValidator : AcsValidator<ModifyDiskSpecRequest>
{
    public ModifyDiskSpecValidator()
    {
        RuleFor(r => r.DiskId).Required();
        RuleFor(r => r.PerformanceLevel).Must(l => string.IsNullOrEmpty(l) || DiskService.PerformanceLevels.Contains(l))
            .Raises(AcsErrors.InvalidPerformanceLevelMalformed);
    }
}

/// <summary>ModifyDiskSpec's answer: <c>OrderId</c> and <c>TaskId</c> (no orders or tasks here: empty).</summary>
public sealed class ModifyDiskSpecResponse : AcsResponse
{
    public string OrderId { get; init; } = "";

    public string TaskId { get; init; } = "";
}

/// <summary>ApplyAutoSnapshotPolicy and CancelAutoSnapshotPolicy. Alibaba spells these parameters in lower camel case, and so
/// do these properties, so that Swagger names them as the SDK sends them (names bind in any letter case).</summary>
public sealed class AutoSnapshotPolicyRequest : CommonParameters
{
    /// <summary>Region of the policy and the disks. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? regionId { get; set; }

    /// <summary>ApplyAutoSnapshotPolicy: the policy, <c>sp-</c> and 1-60 letters or digits (policies are not modelled: any such ID
    /// is accepted). CancelAutoSnapshotPolicy: accepted, no effect.</summary>
    public string? autoSnapshotPolicyId { get; set; }

    /// <summary>The disks, a JSON array string (<c>["d-a","d-b"]</c>), up to 100. Required.</summary>
    public string? diskIds { get; set; }
}

public sealed class AutoSnapshotPolicyValidator : AcsValidator<AutoSnapshotPolicyRequest>
{
    public AutoSnapshotPolicyValidator()
    {
        RuleFor(r => r.regionId).Required();
        RuleFor(r => r.diskIds).Required();
        RuleFor(r => r.diskIds).Must(ids => JsonIdList.TryParse(ids, ListBounds.Ids, out var list) && list.Count > 0)
            .Raises(AcsErrors.InvalidSnapshotPolicyDiskIds);
    }
}
