using SecurityGroups.Domain.Compute;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Domain.Instances;

/// <summary>What RunInstances / CreateInstance launch from, checked against the compute catalogue before anything is written.</summary>
internal sealed record Launch(ImageDefinition Image, InstanceTypeDefinition InstanceType, string ChargeType, string DiskCategory, int DiskSize,
    string PerformanceLevel)
{
    public const int MaxUserDataBytes = 32 * 1024;
    public const int MinSystemDiskSize = 20;
    private static readonly string[] PerformanceLevels = ["PL0", "PL1", "PL2", "PL3"];

    public static Launch Check(RunInstancesCommand command, ComputeCatalog compute)
    {
        var image = string.IsNullOrEmpty(command.ImageId) ? compute.DefaultImage(command.RegionId) : compute.RequireImage(command.RegionId, command.ImageId);
        var type = string.IsNullOrEmpty(command.InstanceType)
            ? compute.DefaultInstanceType
            : compute.FindType(command.InstanceType) ?? throw new AcsException(AcsErrors.InvalidInstanceTypeValueNotSupported);
        var chargeType = command.InstanceChargeType switch
        {
            null or "" or "PostPaid" => "PostPaid",
            "PrePaid" => "PrePaid",
            _ => throw new AcsException(AcsErrors.InvalidInstanceChargeTypeValueNotSupported),
        };
        var disk = command.SystemDisk;
        var category = string.IsNullOrEmpty(disk.Category) ? compute.DiskCategories[0] : disk.Category;
        if (!compute.DiskCategories.Contains(category, StringComparer.Ordinal))
        {
            throw new AcsException(AcsErrors.InvalidSystemDiskCategoryValueNotSupported);
        }

        if (disk.Size is { } size && (size < MinSystemDiskSize || size > compute.MaxSystemDiskSize))
        {
            throw new AcsException(AcsErrors.InvalidSystemDiskSizeValueNotSupported);
        }

        if (disk.Size < image.Size)
        {
            throw new AcsException(AcsErrors.InvalidSystemDiskSizeLessThanImageSize);
        }

        var level = category == "cloud_essd" ? (string.IsNullOrEmpty(disk.PerformanceLevel) ? "PL1" : disk.PerformanceLevel) : "";
        if (level.Length > 0 && !PerformanceLevels.Contains(level, StringComparer.Ordinal))
        {
            throw new AcsException(AcsErrors.InvalidParameter);
        }

        if (!string.IsNullOrEmpty(disk.AutoSnapshotPolicyId) && !DiskService.IsPolicyId(disk.AutoSnapshotPolicyId))
        {
            throw new AcsException(AcsErrors.InvalidAutoSnapshotPolicyId);
        }

        if (command.UserData is { Length: > 0 } userData)
        {
            CheckUserData(userData);
        }

        return new Launch(image, type, chargeType, category, disk.Size ?? Math.Max(compute.SystemDiskSize, image.Size), level);
    }

    /// <summary>Valid Base64 of at most 32 KB.</summary>
    public static void CheckUserData(string userData)
    {
        var bytes = new byte[userData.Length];
        if (!Convert.TryFromBase64String(userData, bytes, out var written))
        {
            throw new AcsException(AcsErrors.InvalidUserDataBase64);
        }

        if (written > MaxUserDataBytes)
        {
            throw new AcsException(AcsErrors.InvalidUserDataSizeExceeded);
        }
    }
}
