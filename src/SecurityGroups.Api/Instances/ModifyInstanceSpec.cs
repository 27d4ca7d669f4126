using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Instances;

namespace SecurityGroups.Api.Instances;

/// <summary><c>SystemDisk.Category</c> of ModifyInstanceSpec / ModifyPrepayInstanceSpec (accepted, no effect: the category stays).</summary>
public sealed class SpecSystemDiskParameter
{
    public string? Category { get; set; }
}

/// <summary><c>Disk.N.*</c> of ModifyInstanceSpec / ModifyPrepayInstanceSpec (accepted, no effect: data disks are not modelled).</summary>
public sealed class SpecDiskParameter
{
    public string? DiskId { get; set; }

    public string? Category { get; set; }

    public string? PerformanceLevel { get; set; }
}

/// <summary><c>Temporary.*</c> of ModifyInstanceSpec (a temporary bandwidth upgrade; accepted, no effect).</summary>
public sealed class SpecTemporaryParameter
{
    public string? StartTime { get; set; }

    public string? EndTime { get; set; }

    public int? InternetMaxBandwidthOut { get; set; }
}

public sealed class ModifyInstanceSpecRequest : CommonParameters
{
    /// <summary>A pay-as-you-go instance, Stopped. Required.</summary>
    public string? InstanceId { get; set; }

    /// <summary>A type of the catalogue (section <c>Compute</c>) offered in the instance's zone. Required here (the emulator
    /// changes only the type).</summary>
    public string? InstanceType { get; set; }

    /// <summary>Not served: a bandwidth change is refused (<c>InvalidParameter</c>).</summary>
    public int? InternetMaxBandwidthOut { get; set; }

    /// <summary>Not served: a bandwidth change is refused (<c>InvalidParameter</c>).</summary>
    public int? InternetMaxBandwidthIn { get; set; }

    /// <summary>Idempotency token (at most 64 ASCII characters): a retry returns the first response.</summary>
    public string? ClientToken { get; set; }

    /// <summary>true: check only; a request that passes answers <c>DryRunOperation</c> (400) and changes nothing.</summary>
    public bool? DryRun { get; set; }

    /// <summary>Accepted, no effect (the type is offered in the instance's zone, or refused).</summary>
    public bool? AllowMigrateAcrossZone { get; set; }

    /// <summary>Accepted, no effect (every change completes at once).</summary>
    public bool? Async { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public string? ModifyMode { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public SpecSystemDiskParameter? SystemDisk { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public List<SpecDiskParameter>? Disk { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public SpecTemporaryParameter? Temporary { get; set; }

    internal ModifyInstanceSpecCommand Command() => new(InstanceId!, null, InstanceType!, DryRun == true);
}

public sealed class ModifyInstanceSpecValidator : AcsValidator<ModifyInstanceSpecRequest>
{
    public ModifyInstanceSpecValidator()
    {
        RuleFor(r => r.Disk).MaxItems(ListBounds.DataDisks, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.InstanceId).Required();
        RuleFor(r => r.InternetMaxBandwidthOut).Null().Raises(AcsErrors.UnsupportedBandwidthChange);
        RuleFor(r => r.InternetMaxBandwidthIn).Null().Raises(AcsErrors.UnsupportedBandwidthChange);
        RuleFor(r => r.InstanceType).NotEmpty().Raises(AcsErrors.MissingInstanceTypeOrBandwidth);
    }
}

public sealed class ModifyPrepayInstanceSpecRequest : CommonParameters
{
    /// <summary>Region; when given, the instance must be there (Terraform's provider sends none).</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>A subscription instance. Required.</summary>
    public string? InstanceId { get; set; }

    /// <summary>A type of the catalogue offered in the instance's zone: fewer vCPUs or less memory (a downgrade) only while
    /// Stopped, an upgrade also while Running. Required.</summary>
    public string? InstanceType { get; set; }

    /// <summary><c>upgrade</c> or <c>downgrade</c> (checked for its value; the direction is the types' own).</summary>
    public string? OperatorType { get; set; }

    /// <summary>Idempotency token (at most 64 ASCII characters): a retry returns the first response.</summary>
    public string? ClientToken { get; set; }

    /// <summary>Accepted, no effect (nothing is billed).</summary>
    public bool? AutoPay { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public string? EndTime { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public bool? MigrateAcrossZone { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public string? ModifyMode { get; set; }

    /// <summary>Accepted, no effect (the type shows at once).</summary>
    public string? RebootTime { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public bool? RebootWhenFinished { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public SpecSystemDiskParameter? SystemDisk { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public List<SpecDiskParameter>? Disk { get; set; }

    internal ModifyInstanceSpecCommand Command() => new(InstanceId!, string.IsNullOrEmpty(RegionId) ? null : RegionId, InstanceType!, false, OperatorType);
}

public sealed class ModifyPrepayInstanceSpecValidator : AcsValidator<ModifyPrepayInstanceSpecRequest>
{
    public ModifyPrepayInstanceSpecValidator()
    {
        RuleFor(r => r.Disk).MaxItems(ListBounds.DataDisks, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.InstanceId).Required();
        RuleFor(r => r.InstanceType).Required();
    }
}

public sealed class ModifyPrepayInstanceSpecResponse : AcsResponse
{
    public required string OrderId { get; init; }
}
