using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Instances;

namespace SecurityGroups.Api.Instances;

/// <summary><c>SystemDisk.Size</c> of ReplaceSystemDisk.</summary>
public sealed class ReplaceSystemDiskSizeParameter
{
    /// <summary>GiB: at least the current system disk and the image, at most <c>Compute:MaxSystemDiskSize</c> (default: the larger of
    /// the current size and the image's).</summary>
    public int? Size { get; set; }
}

public sealed class ReplaceSystemDiskRequest : CommonParameters
{
    /// <summary>A Stopped instance. Required.</summary>
    public string? InstanceId { get; set; }

    /// <summary>An image of the region's catalogue. Required (no detached system disk exists here to re-attach).</summary>
    public string? ImageId { get; set; }

    public ReplaceSystemDiskSizeParameter? SystemDisk { get; set; }

    /// <summary>The key pair of the new system disk (shown as DescribeInstances <c>KeyPairName</c>); absent: none. Not for a
    /// Windows image (<c>DependencyViolation.WindowsInstance</c>).</summary>
    public string? KeyPairName { get; set; }

    /// <summary>Alibaba's re-attach of a detached system disk: none exist here (<c>InvalidDiskId.NotFound</c>).</summary>
    public string? DiskId { get; set; }

    /// <summary>Idempotency token (at most 64 ASCII characters): a retry returns the first response (the same DiskId).</summary>
    public string? ClientToken { get; set; }

    /// <summary>Accepted, no effect (no login).</summary>
    public string? Password { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public bool? PasswordInherit { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public string? SecurityEnhancementStrategy { get; set; }

    /// <summary>Accepted, no effect (DescribeDisks shows the disk unencrypted).</summary>
    public bool? Encrypted { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public string? EncryptAlgorithm { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public string? KMSKeyId { get; set; }

    /// <summary>Accepted, no effect (the image's own).</summary>
    public string? Architecture { get; set; }

    /// <summary>Accepted, no effect (the image's own).</summary>
    public string? Platform { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public bool? UseAdditionalService { get; set; }

    /// <summary>Accepted, no effect (<c>Arn.N.*</c>).</summary>
    public List<ArnParameter>? Arn { get; set; }

    internal ReplaceSystemDiskCommand Command() => new(InstanceId!, ImageId, DiskId, SystemDisk?.Size, string.IsNullOrEmpty(KeyPairName) ? null : KeyPairName);
}

public sealed class ReplaceSystemDiskValidator : AcsValidator<ReplaceSystemDiskRequest>
{
    public ReplaceSystemDiskValidator()
    {
        RuleFor(r => r.Arn).MaxItems(ListBounds.DataDisks, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.InstanceId).Required();
        RuleFor(r => r.KeyPairName).Must(InstanceKeyPairValidation.Fits).Raises(AcsErrors.InvalidKeyPairNameNotFound);
    }
}

public sealed class ReplaceSystemDiskResponse : AcsResponse
{
    public required string DiskId { get; init; }
}
