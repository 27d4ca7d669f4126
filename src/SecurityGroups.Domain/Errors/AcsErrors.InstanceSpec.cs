namespace SecurityGroups.Domain.Errors;

public static partial class AcsErrors
{
    // Instance type, image, billing method, key pair and RAM role changes (ModifyInstanceSpec, ModifyPrepayInstanceSpec,
    // ModifyInstanceChargeType, ReplaceSystemDisk, Attach/DetachKeyPair, Attach/DetachInstanceRamRole; docs/actions.md).
    public static readonly AcsErrorCode ChargeTypeViolation = new("ChargeTypeViolation", 403, "The operation is not permitted due to charge type of the instance.");
    public static readonly AcsErrorCode InvalidPeriodValueNotSupported = new("InvalidPeriod.ValueNotSupported", 400, "The specified parameter Period is not valid.");
    public static readonly AcsErrorCode InvalidPeriodUnitValueNotSupported = new("InvalidPeriodUnit.ValueNotSupported", 400, "The specified parameter PeriodUnit is not valid.");
    public static readonly AcsErrorCode InvalidInstanceIdsValueNotSupported = new("InvalidInstanceIds.ValueNotSupported", 400, "The specified parameter InstanceIds is not valid.");
    public static readonly AcsErrorCode InvalidKeyPairNameNotFound = new("InvalidKeyPairName.NotFound", 400, "The specified KeyPairName does not exist in our records.");
    public static readonly AcsErrorCode DependencyViolationWindowsInstance = new("DependencyViolation.WindowsInstance", 403, "The instance creating is windows, cannot use ssh key pair to login");
    public static readonly AcsErrorCode InvalidRamRoleNotFound = new("InvalidRamRole.NotFound", 404, "The specified RAMRoleName does not exist.");
    public static readonly AcsErrorCode InvalidRamRoleAlreadyAttached = new("InvalidRamRole.AlreadyAttached", 403, "The instance already has an instance RAM role; detach it first.");
    public static readonly AcsErrorCode InvalidOperatorTypeValueNotSupported = new("InvalidOperatorType.ValueNotSupported", 400, "The specified parameter OperatorType is not valid.");
    public static readonly AcsErrorCode InvalidSystemDiskSizeLessThanOriginal = new("InvalidSystemDiskSize.ValueNotSupported", 400, "The specified parameter SystemDisk.Size must not be smaller than the current system disk.");
    public static readonly AcsErrorCode InvalidDiskIdNotFound = new("InvalidDiskId.NotFound", 404, "The specified disk does not exist.");
    public static readonly AcsErrorCode MissingImageId = new("MissingParameter", 400, "The input parameter \"ImageId\" that is mandatory for processing this request is not supplied.");
    public static readonly AcsErrorCode MissingInstanceTypeOrBandwidth = new("MissingParameter", 400, "The input parameter \"InstanceType\" that is mandatory for processing this request is not supplied.");
    public static readonly AcsErrorCode UnsupportedBandwidthChange = new("InvalidParameter", 400, "The emulator changes only the instance type; InternetMaxBandwidthOut and InternetMaxBandwidthIn are not served.");
}
