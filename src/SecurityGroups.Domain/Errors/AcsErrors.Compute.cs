namespace SecurityGroups.Domain.Errors;

public static partial class AcsErrors
{
    // Compute: images, instance types, system disks, user data and the instance attribute reads (issue 13, docs/terraform.md).
    public static readonly AcsErrorCode InvalidImageIdNotFound = new("InvalidImageId.NotFound", 404, "The specified ImageId does not exist.");
    public static readonly AcsErrorCode InvalidInstanceTypeValueNotSupported = new("InvalidInstanceType.ValueNotSupported", 400, "The specified InstanceType does not exist or beyond the permitted range.");
    public static readonly AcsErrorCode InvalidResourceTypeNotSupported = new("InvalidResourceType.NotSupported", 403, "This resource type is not supported; please try other resource types.");
    public static readonly AcsErrorCode InvalidSystemDiskCategoryValueNotSupported = new("InvalidSystemDiskCategory.ValueNotSupported", 400, "The specified parameter SystemDisk.Category is not valid.");
    public static readonly AcsErrorCode InvalidSystemDiskSizeValueNotSupported = new("InvalidSystemDiskSize.ValueNotSupported", 400, "The specified parameter SystemDisk.Size is invalid.");
    public static readonly AcsErrorCode InvalidSystemDiskSizeLessThanImageSize = new("InvalidSystemDiskSize.LessThanImageSize", 400, "The specified parameter SystemDisk.Size is less than the image size.");
    public static readonly AcsErrorCode InvalidUserDataBase64 = new("InvalidUserData.Base64FormatInvalid", 400, "The specified UserData is not valid Base64.");
    public static readonly AcsErrorCode InvalidUserDataSizeExceeded = new("InvalidUserData.SizeExceeded", 400, "The specified UserData exceeds the size limit of 32 KB.");
    public static readonly AcsErrorCode InvalidInstanceChargeTypeValueNotSupported = new("InvalidInstanceChargeType.ValueNotSupported", 400, "The specified InstanceChargeType is not valid.");
    public static readonly AcsErrorCode InvalidDiskIdsMalformed = new("InvalidDiskIds.Malformed", 400, "The specified parameter DiskIds is not valid.");
    public static readonly AcsErrorCode InvalidDiskTypeValueNotSupported = new("InvalidDiskType.ValueNotSupported", 400, "The specified DiskType is not valid.");
    public static readonly AcsErrorCode InvalidDestinationResource = new("InvalidDestinationResource.ValueNotSupported", 400, "The specified DestinationResource is not valid.");
    public static readonly AcsErrorCode InvalidImageOwnerAliasValueNotSupported = new("InvalidImageOwnerAlias.ValueNotSupported", 400, "The specified ImageOwnerAlias is not valid.");
}
