namespace SecurityGroups.Domain.Errors;

public static partial class AcsErrors
{
    // Disks (only system disks exist): ModifyDiskAttribute, ResizeDisk, ModifyDiskSpec, ApplyAutoSnapshotPolicy,
    // CancelAutoSnapshotPolicy (docs/actions.md, "Disks"; where Alibaba's reference names no code, the choice is documented there).
    // InvalidDiskId.NotFound (404) is declared with ReplaceSystemDisk's codes (AcsErrors.InstanceSpec.cs).
    public static readonly AcsErrorCode InvalidDiskNameMalformed = new("InvalidDiskName.Malformed", 400, "Specified disk name is not valid.");
    public static readonly AcsErrorCode DiskIdAndDiskIdsConflict = new("InvalidParameter.Conflict", 400,
        "DiskId and DiskIds.N cannot be specified at the same time.");
    public static readonly AcsErrorCode MissingDiskId = new("MissingParameter", 400,
        "The input parameter \"DiskId\" or \"DiskIds\" that is mandatory for processing this request is not supplied.");
    public static readonly AcsErrorCode DiskTypeViolation = new("DiskTypeViolation", 403,
        "The specified disk is a system disk and cannot support the operation.");
    public static readonly AcsErrorCode InvalidDiskSizeTooSmall = new("InvalidDiskSize.TooSmall", 403,
        "Specified new disk size is less than the original disk size.");
    public static readonly AcsErrorCode InvalidNewSize = new("InvalidParameter", 403, "The specified parameter \"NewSize\" is not valid.");
    public static readonly AcsErrorCode InvalidResizeTypeValueNotSupported = new("InvalidResizeType.ValueNotSupported", 400,
        "The specified parameter Type is not valid: online or offline.");
    public static readonly AcsErrorCode InvalidDiskCategoryValueNotSupported = new("InvalidDiskCategory.ValueNotSupported", 400,
        "The specified parameter DiskCategory is not valid.");
    public static readonly AcsErrorCode InvalidPerformanceLevelMalformed = new("InvalidPerformanceLevel.Malformed", 400,
        "The specified parameter PerformanceLevel is not valid.");
    public static readonly AcsErrorCode InvalidPerformanceLevelCategory = new("InvalidParameter", 400,
        "PerformanceLevel applies only to cloud_essd disks.");
    public static readonly AcsErrorCode InvalidProvisionedIops = new("InvalidParameter.ProvisionedIops", 400,
        "ProvisionedIops and BurstingEnabled apply only to cloud_auto disks, and the emulator does not model them.");
    public static readonly AcsErrorCode MissingDiskSpec = new("MissingParameter", 400,
        "The input parameter \"DiskCategory\", \"PerformanceLevel\" or \"ProvisionedIops\" that is mandatory for processing this request is not supplied.");
    public static readonly AcsErrorCode InvalidAutoSnapshotPolicyId = new("ParameterInvalid", 403, "The specified AutoSnapshotPolicyId parameter is invalid.");
    public static readonly AcsErrorCode InvalidSnapshotPolicyDiskIds = new("ParameterInvalid", 403, "The specified DiskIds are invalid.");
    public static readonly AcsErrorCode InvalidSnapshotPolicyRegionId = new("ParameterInvalid", 403, "The specified RegionId parameter is invalid.");
}
