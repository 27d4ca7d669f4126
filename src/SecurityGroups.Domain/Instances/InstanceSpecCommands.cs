using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Domain.Instances;

/// <summary>ModifyInstanceSpec (pay-as-you-go) and ModifyPrepayInstanceSpec (subscription): a new instance type.
/// <paramref name="RegionId"/>: when given, the instance must be there. <paramref name="OperatorType"/>: ModifyPrepayInstanceSpec's
/// <c>upgrade</c> / <c>downgrade</c> (checked for its value only: the direction is the types' own).</summary>
public sealed record ModifyInstanceSpecCommand(string InstanceId, string? RegionId, string InstanceType, bool DryRun, string? OperatorType = null);

/// <summary>ModifyInstanceChargeType: <paramref name="ChargeType"/> <c>PrePaid</c> (for <paramref name="Period"/>
/// <paramref name="PeriodUnit"/>s) or <c>PostPaid</c>. <paramref name="DetailFee"/>: <c>IsDetailFee</c>.</summary>
public sealed record ModifyChargeTypeCommand(string? RegionId, IReadOnlyList<string> InstanceIds, string ChargeType, int Period, string PeriodUnit,
    bool DryRun, bool DetailFee);

/// <summary>What ModifyInstanceChargeType answers: an order, and a fee line per instance when asked for (<c>IsDetailFee</c>, to PostPaid).</summary>
public sealed record ChargeTypeChange(string OrderId, IReadOnlyList<string> FeeInstanceIds);

/// <summary>ReplaceSystemDisk: a new system disk from <paramref name="ImageId"/> (a catalogue image of the instance's region).
/// <paramref name="DiskId"/>: Alibaba's re-attach of a detached system disk (none exist here). <paramref name="KeyPairName"/>:
/// the key pair of the new disk (none when absent).</summary>
public sealed record ReplaceSystemDiskCommand(string InstanceId, string? ImageId, string? DiskId, int? SystemDiskSize, string? KeyPairName);

/// <summary>One instance of an Attach/DetachKeyPair or Attach/DetachInstanceRamRole batch: <paramref name="Error"/> null when it
/// changed; <paramref name="Previous"/> the key pair or RAM role it had before.</summary>
public sealed record InstanceBatchResult(string InstanceId, AcsErrorCode? Error, string Previous);
