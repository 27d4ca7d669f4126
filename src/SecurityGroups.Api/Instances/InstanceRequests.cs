using Microsoft.Extensions.Options;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Instances;
using SecurityGroups.Domain.Quotas;

namespace SecurityGroups.Api.Instances;

public class LaunchRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The vSwitch (and so the VPC and zone) of the instance. Required.</summary>
    public string? VSwitchId { get; set; }

    /// <summary>Must be the vSwitch's zone when given.</summary>
    public string? ZoneId { get; set; }

    /// <summary>A group of the same VPC (or <c>SecurityGroupIds.N</c>).</summary>
    [RequiredUnless("SecurityGroupIds")]
    public string? SecurityGroupId { get; set; }

    /// <summary>A fixed primary private IP from the vSwitch (Amount 1 only).</summary>
    public string? PrivateIpAddress { get; set; }

    public string? InstanceName { get; set; }

    public string? Description { get; set; }

    public string? HostName { get; set; }

    /// <summary>An instance type of the catalogue (section <c>Compute</c>) offered in the vSwitch's zone, e.g. <c>ecs.g7.large</c>;
    /// default: the catalogue's first.</summary>
    public string? InstanceType { get; set; }

    /// <summary>An image of the region's catalogue, e.g. <c>aliyun_3_x64_20G_alibase_20240528.vhd</c>; default: the first.</summary>
    public string? ImageId { get; set; }

    /// <summary>Base64 (at most 32 KB decoded); DescribeUserData returns it.</summary>
    public string? UserData { get; set; }

    /// <summary>Stored and returned by DescribeInstanceRamRole (not checked against a RAM service).</summary>
    public string? RamRoleName { get; set; }

    /// <summary>The system disk: <c>SystemDisk.Category</c>, <c>.Size</c> (GiB), <c>.DiskName</c>, <c>.Description</c>, <c>.PerformanceLevel</c>.</summary>
    public SystemDiskParameter? SystemDisk { get; set; }

    /// <summary>Accepted and ignored (no login).</summary>
    public string? Password { get; set; }

    /// <summary>Stored and shown as DescribeInstances <c>KeyPairName</c> (and filtered on); not checked against a key-pair service.</summary>
    public string? KeyPairName { get; set; }

    /// <summary>Mbit/s, 0-100: &gt; 0 gives each instance a public IPv4 address of the emulator's pool (47.96.0.0/11), shown in
    /// <c>PublicIpAddress.IpAddress</c>.</summary>
    public int? InternetMaxBandwidthOut { get; set; }

    /// <summary>Accepted and ignored.</summary>
    public string? SecurityEnhancementStrategy { get; set; }

    public string? ResourceGroupId { get; set; }

    public string? ClientToken { get; set; }

    public bool? DryRun { get; set; }

    /// <summary><c>PostPaid</c> (default) or <c>PrePaid</c> (no billing: only shown).</summary>
    public string? InstanceChargeType { get; set; }

    /// <summary><c>PayByTraffic</c> (default) or <c>PayByBandwidth</c>: stored and shown (no billing).</summary>
    public string? InternetChargeType { get; set; }

    public List<TagParameter>? Tag { get; set; }

    /// <summary>true: DeleteInstance(s) refuse the instance (<c>InvalidOperation.DeletionProtection</c>) until ModifyInstanceAttribute turns it off.</summary>
    public bool? DeletionProtection { get; set; }
    /// <summary>Mbit/s, 1-100 (default 100 with a public IP, else 0); stored and shown.</summary>
    public int? InternetMaxBandwidthIn { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public HibernationOptionsParameter? HibernationOptions { get; set; }
    /// <summary>The private pool the instance matches, <c>PrivatePoolOptions.MatchCriteria</c> (<c>Open</c> default, <c>Target</c> with
    /// <c>.Id</c>, <c>None</c>) and <c>.Id</c>: stored, shown by DescribeInstanceAttachmentAttributes.</summary>
    public PrivatePoolOptionsParameter? PrivatePoolOptions { get; set; }
    /// <summary>Accepted, no effect (<c>Arn.N.*</c>).</summary>
    public List<ArnParameter>? Arn { get; set; }
    /// <summary>Accepted, no effect: only the system disk is modelled (<c>DataDisk.N.*</c>).</summary>
    public List<DataDiskParameter>? DataDisk { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public string? Affinity { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public bool? AutoRenew { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public int? AutoRenewPeriod { get; set; }
    /// <summary><c>Standard</c> or <c>Unlimited</c>: stored and shown (DescribeInstances, DescribeInstanceAttribute).</summary>
    public string? CreditSpecification { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public string? DedicatedHostId { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public int? DeploymentSetGroupNo { get; set; }
    /// <summary>Stored and shown as DescribeInstances <c>DeploymentSetId</c> (not checked against a deployment-set service).</summary>
    public string? DeploymentSetId { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public string? HpcClusterId { get; set; }
    /// <summary><c>enabled</c> (default) or <c>disabled</c>: stored, shown in DescribeInstances <c>MetadataOptions</c>.</summary>
    public string? HttpEndpoint { get; set; }
    /// <summary>1-64 (default 1): stored, shown in <c>MetadataOptions</c>.</summary>
    public int? HttpPutResponseHopLimit { get; set; }
    /// <summary><c>optional</c> (default) or <c>required</c>: stored, shown in <c>MetadataOptions</c>.</summary>
    public string? HttpTokens { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public string? ImageFamily { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public string? IoOptimized { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public string? ManagedHostId { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public bool? PasswordInherit { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public int? Period { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public string? PeriodUnit { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public int? SpotDuration { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public string? SpotInterruptionBehavior { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public double? SpotPriceLimit { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public string? SpotStrategy { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public string? StorageSetId { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public int? StorageSetPartitionNumber { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public string? Tenancy { get; set; }
}

/// <summary><c>SystemDisk.*</c> of RunInstances / CreateInstance.</summary>
public sealed class SystemDiskParameter
{
    /// <summary>A category of <c>Compute:DiskCategories</c> (default: the first, <c>cloud_essd</c>).</summary>
    public string? Category { get; set; }

    /// <summary>20 to <c>Compute:MaxSystemDiskSize</c> GiB, at least the image's size (default <c>Compute:SystemDiskSize</c>).</summary>
    public int? Size { get; set; }

    public string? DiskName { get; set; }

    public string? Description { get; set; }

    /// <summary>ESSD only: PL0-PL3 (default PL1).</summary>
    public string? PerformanceLevel { get; set; }

    /// <summary>The disk's automatic snapshot policy, <c>sp-</c> and 1-60 letters or digits (policies are not modelled: stored and
    /// shown by DescribeDisks; else <c>ParameterInvalid</c>, 403).</summary>
    public string? AutoSnapshotPolicyId { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public bool? BurstingEnabled { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public string? EncryptAlgorithm { get; set; }

    /// <summary>Accepted, no effect (DescribeDisks shows the disk unencrypted).</summary>
    public string? Encrypted { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public string? KMSKeyId { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public long? ProvisionedIops { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public string? StorageClusterId { get; set; }
}

public sealed class RunInstancesRequest : LaunchRequest
{
    /// <summary>true with Amount &gt; 1: InstanceName and HostName get <c>001</c>, <c>002</c>, ... appended, one per instance.</summary>
    public bool? UniqueSuffix { get; set; }

    /// <summary>Host names one per instance, <c>HostNames.N</c> (instead of HostName).</summary>
    public List<string>? HostNames { get; set; }

    /// <summary>IPv6 addresses of the primary ENI, <c>Ipv6Address.N</c> (Amount 1; the vSwitch must have IPv6).</summary>
    public List<string>? Ipv6Address { get; set; }

    /// <summary>How many random IPv6 addresses each primary ENI gets, 1-10 (the vSwitch must have IPv6).</summary>
    public int? Ipv6AddressCount { get; set; }

    /// <summary>The primary ENI (<c>InstanceType=Primary</c>) and secondary ENIs created or attached at launch, <c>NetworkInterface.N.*</c>.</summary>
    public List<LaunchNetworkInterfaceParameter>? NetworkInterface { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public CpuOptionsParameter? CpuOptions { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public SchedulerOptionsParameter? SchedulerOptions { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public SecurityOptionsParameter? SecurityOptions { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public ClockOptionsParameter? ClockOptions { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public ImageOptionsParameter? ImageOptions { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public NetworkOptionsParameter? NetworkOptions { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public PrivateDnsNameOptionsParameter? PrivateDnsNameOptions { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public bool? AutoPay { get; set; }
    /// <summary>UTC <c>yyyy-MM-ddTHH:mm:ssZ</c>, 30 minutes to 3 years ahead (seconds dropped): stored and shown, the instance is not released.</summary>
    public string? AutoReleaseTime { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public string? Isp { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public string? LaunchTemplateId { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public string? LaunchTemplateName { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public long? LaunchTemplateVersion { get; set; }
    /// <summary>Queues of the primary ENI, 1-256 (a <c>Primary</c> entry's <c>QueueNumber</c> wins).</summary>
    public int? NetworkInterfaceQueueNumber { get; set; }

    /// <summary>The primary ENI entry of <c>NetworkInterface.N</c>, if any.</summary>
    internal LaunchNetworkInterfaceParameter? PrimaryNetworkInterface => NetworkInterface?.FirstOrDefault(n => n.InstanceType == "Primary");

    /// <summary>1-100 instances (default 1).</summary>
    public int? Amount { get; set; }

    /// <summary>Accepted (all or nothing: either Amount instances or none).</summary>
    public int? MinAmount { get; set; }

    /// <summary>Groups, <c>SecurityGroupIds.N</c> (instead of SecurityGroupId).</summary>
    public List<string>? SecurityGroupIds { get; set; }

    internal IReadOnlyList<string> Groups() =>
        SecurityGroupIds is { Count: > 0 } ? SecurityGroupIds
        : !string.IsNullOrEmpty(SecurityGroupId) ? [SecurityGroupId]
        : PrimaryNetworkInterface?.Groups() ?? [];
}

public sealed class RunInstancesResponse : AcsResponse
{
    public required InstanceIdSets InstanceIdSets { get; init; }

    public string OrderId { get; init; } = "";

    public double TradePrice { get; init; }
}

public sealed record InstanceIdSets(IReadOnlyList<string> InstanceIdSet);

/// <summary>The names, descriptions and free-text IDs of a launch (RunInstances and CreateInstance alike): Alibaba's length and
/// character rules, so that no value is longer than what an instance keeps.</summary>
public sealed class LaunchTextValidator : AcsValidator<LaunchRequest>
{
    public LaunchTextValidator()
    {
        RuleFor(r => r.InstanceName).InstanceName();
        RuleFor(r => r.Description).InstanceDescription();
        RuleFor(r => r.SystemDisk!.DiskName).AcsName(2, 128).Raises(AcsErrors.InvalidDiskNameMalformed)
            .When(r => !string.IsNullOrEmpty(r.SystemDisk?.DiskName));
        RuleFor(r => r.SystemDisk!.Description).AcsText(2, 256).Raises(AcsErrors.InvalidDiskDescriptionMalformed)
            .When(r => !string.IsNullOrEmpty(r.SystemDisk?.Description));
        RuleFor(r => r.KeyPairName).Must(InstanceKeyPairValidation.Fits).Raises(AcsErrors.InvalidKeyPairNameNotFound);
        RuleFor(r => r.RamRoleName).Must(name => name is null || name.Length <= 64).Raises(AcsErrors.InvalidRamRoleNotFound);
        RuleFor(r => r.DeploymentSetId).DeploymentSetId();
    }
}

/// <summary>Instance names and descriptions, once for every write path (launch, ModifyInstanceAttribute).</summary>
public static class InstanceTextRules
{
    /// <summary>2-128 characters starting with a letter, not http(s)://: <c>InvalidInstanceName.Malformed</c>; empty: unchanged / default.</summary>
    public static IRuleBuilderOptions<T, string?> InstanceName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrEmpty(v) || AcsText.IsName(v, 2, 128)).Raises(AcsErrors.InvalidInstanceNameMalformed);

    /// <summary>2-256 characters, not http(s)://: <c>InvalidDescription.Malformed</c>; empty: unchanged / none.</summary>
    public static IRuleBuilderOptions<T, string?> InstanceDescription<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrEmpty(v) || AcsText.IsText(v, 2, 256)).Raises(AcsErrors.InvalidDescriptionMalformed);

    /// <summary>Deployment sets are not modelled: an ID longer than any Alibaba gives (64) names none
    /// (<c>InvalidDeploymentSetId.NotFound</c>, 404).</summary>
    public static IRuleBuilderOptions<T, string?> DeploymentSetId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || v.Length <= 64).Raises(AcsErrors.InvalidDeploymentSetIdNotFound);
}

public sealed class RunInstancesValidator : AcsValidator<RunInstancesRequest>
{
    public RunInstancesValidator(IOptions<QuotaOptions> quotas)
    {
        RuleFor(r => r.SecurityGroupIds).MaxItems(_ => quotas.Value.SecurityGroupsPerNetworkInterface, AcsErrors.InstanceSecurityGroupLimitExceeded);
        RuleFor(r => r.Tag).MaxItems(_ => quotas.Value.TagsPerResource, AcsErrors.NumberExceedTags);
        RuleFor(r => r.NetworkInterface).MaxItems(ListBounds.LaunchNetworkInterfaces, AcsErrors.InvalidParameterTooManyItems);
        RuleForEach(r => r.NetworkInterface).ChildRules(n =>
        {
            n.RuleFor(i => i.SecurityGroupIds).MaxItems(_ => quotas.Value.SecurityGroupsPerNetworkInterface, AcsErrors.InvalidParameterTooManyItems);
            n.RuleFor(i => i.Ipv6Address).MaxItems(Ipv6Allocator.MaxAvailable, AcsErrors.InvalidParameterTooManyItems);
            n.RuleFor(i => i.QueueNumber).InclusiveBetween(1, 256).Raises(AcsErrors.InvalidQueueNumber);
            n.RuleFor(i => i.QueuePairNumber).InclusiveBetween(0, 256).Raises(AcsErrors.InvalidQueuePairNumber);
            n.RuleFor(i => i.NetworkInterfaceName).NetworkInterfaceName();
            n.RuleFor(i => i.Description).NetworkInterfaceDescription();
        });
        Include(new LaunchTextValidator());
        RuleFor(r => r.NetworkInterfaceQueueNumber).InclusiveBetween(1, 256).Raises(AcsErrors.InvalidParameter);
        RuleFor(r => r.HostNames).MaxItems(InstanceService.MaxAmount, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.Ipv6Address).MaxItems(Ipv6Allocator.MaxAvailable, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.DataDisk).MaxItems(ListBounds.DataDisks, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.Arn).MaxItems(ListBounds.DataDisks, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.VSwitchId).Required().When(r => string.IsNullOrEmpty(r.PrimaryNetworkInterface?.VSwitchId));
        RuleFor(r => r.Ipv6AddressCount).InclusiveBetween(1, Ipv6Allocator.MaxAvailable).Raises(AcsErrors.InvalidParameter);
        RuleFor(r => r.InternetMaxBandwidthOut).InclusiveBetween(0, InstanceService.MaxBandwidth).Raises(AcsErrors.InvalidParameter);
    }
}

public sealed class CreateInstanceRequest : LaunchRequest
{
    /// <summary>Accepted, no effect.</summary>
    public string? ClusterId { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public string? InnerIpAddress { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public string? NodeControllerId { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public bool? UseAdditionalService { get; set; }
    /// <summary>Accepted, no effect.</summary>
    public string? VlanId { get; set; }
}

public sealed class CreateInstanceResponse : AcsResponse
{
    public string InstanceId { get; init; } = "";

    public string OrderId { get; init; } = "";

    public double TradePrice { get; init; }
}

public sealed class CreateInstanceValidator : AcsValidator<CreateInstanceRequest>
{
    public CreateInstanceValidator(IOptions<QuotaOptions> quotas)
    {
        RuleFor(r => r.Tag).MaxItems(_ => quotas.Value.TagsPerResource, AcsErrors.NumberExceedTags);
        RuleFor(r => r.DataDisk).MaxItems(ListBounds.DataDisks, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.Arn).MaxItems(ListBounds.DataDisks, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.VSwitchId).Required();
        Include(new LaunchTextValidator());
    }
}

public sealed class DeleteInstanceRequest : CommonParameters
{
    /// <summary>The instance. Required.</summary>
    public string? InstanceId { get; set; }

    /// <summary>Delete a running instance too.</summary>
    public bool? Force { get; set; }

    /// <summary>Accepted; no effect here (instances stop at once; there is no forced shutdown to ask for).</summary>
    public bool? ForceStop { get; set; }

    /// <summary>Accepted; no effect here (every instance is pay-as-you-go).</summary>
    public bool? TerminateSubscription { get; set; }

    public bool? DryRun { get; set; }
}

public sealed class DeleteInstanceValidator : AcsValidator<DeleteInstanceRequest>
{
    public DeleteInstanceValidator() => RuleFor(r => r.InstanceId).Required();
}

public sealed class DeleteInstancesRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>Instances, <c>InstanceId.N</c>, N = 1..100. Required.</summary>
    public List<string>? InstanceId { get; set; }

    public bool? Force { get; set; }

    /// <summary>Accepted; no effect here (instances stop at once; there is no forced shutdown to ask for).</summary>
    public bool? ForceStop { get; set; }

    /// <summary>Accepted; no effect here (every instance is pay-as-you-go).</summary>
    public bool? TerminateSubscription { get; set; }

    public bool? DryRun { get; set; }

    public string? ClientToken { get; set; }
}

public sealed class DeleteInstancesValidator : AcsValidator<DeleteInstancesRequest>
{
    public DeleteInstancesValidator()
    {
        RuleFor(r => r.InstanceId).MaxItems(ListBounds.Ids, AcsErrors.InvalidInstanceIdsMalformed);
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.InstanceId).Required();
    }
}

public sealed class ModifyInstanceAttributeRequest : CommonParameters
{
    /// <summary>The instance (found by ID; RegionId is accepted and not needed). Required.</summary>
    public string? InstanceId { get; set; }

    /// <summary>Accepted (the provider sends it); the instance is found by ID.</summary>
    public string? RegionId { get; set; }

    /// <summary>Accepted and ignored.</summary>
    public string? ClientToken { get; set; }

    /// <summary>New Base64 user data (at most 32 KB decoded).</summary>
    public string? UserData { get; set; }

    /// <summary>Accepted and ignored (no login).</summary>
    public string? Password { get; set; }

    /// <summary><c>Standard</c> or <c>Unlimited</c>: stored and shown (empty: unchanged).</summary>
    public string? CreditSpecification { get; set; }

    /// <summary>Accepted and ignored (DescribeInstanceAttribute shows false).</summary>
    public bool? EnableJumboFrame { get; set; }

    /// <summary>The instance's whole new set of groups, <c>SecurityGroupIds.N</c>.</summary>
    public List<string>? SecurityGroupIds { get; set; }

    public string? InstanceName { get; set; }

    public string? Description { get; set; }

    public string? HostName { get; set; }

    public bool? DeletionProtection { get; set; }

    /// <summary><c>CpuOptions.*</c>: Accepted; no effect here (DescribeInstances shows the type's topology).</summary>
    public CpuOptionsParameter? CpuOptions { get; set; }

    /// <summary>Accepted; no effect here.</summary>
    public bool? EnableNetworkEncryption { get; set; }

    /// <summary>Queues of the primary ENI, 1-256: Accepted; no effect here.</summary>
    public int? NetworkInterfaceQueueNumber { get; set; }

    /// <summary><c>PrivateDnsNameOptions.*</c>: Accepted; no effect here.</summary>
    public PrivateDnsNameOptionsParameter? PrivateDnsNameOptions { get; set; }

    /// <summary>Accepted; no effect here (released instances are gone at once).</summary>
    public bool? Recyclable { get; set; }

    /// <summary><c>RemoteConnectionOptions.*</c>: Accepted; no effect here (no login).</summary>
    public RemoteConnectionOptionsParameter? RemoteConnectionOptions { get; set; }
}

/// <summary><c>RemoteConnectionOptions.*</c> of ModifyInstanceAttribute (accepted, no effect).</summary>
public sealed class RemoteConnectionOptionsParameter
{
    public string? Password { get; set; }

    public string? Type { get; set; }
}

public sealed class ModifyInstanceAttributeValidator : AcsValidator<ModifyInstanceAttributeRequest>
{
    public ModifyInstanceAttributeValidator(IOptions<QuotaOptions> quotas)
    {
        RuleFor(r => r.SecurityGroupIds).MaxItems(_ => quotas.Value.SecurityGroupsPerNetworkInterface, AcsErrors.InstanceSecurityGroupLimitExceeded);
        RuleFor(r => r.InstanceId).Required();
        RuleFor(r => r.NetworkInterfaceQueueNumber).InclusiveBetween(1, 256).Raises(AcsErrors.InvalidParameter);
        RuleFor(r => r.InstanceName).InstanceName();
        RuleFor(r => r.Description).InstanceDescription();
    }
}

public sealed class SecurityGroupMembershipRequest : CommonParameters
{
    /// <summary>Optional for the instance form; required for the ENI form.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The group. Required.</summary>
    public string? SecurityGroupId { get; set; }

    /// <summary>An instance (its primary ENI), or</summary>
    public string? InstanceId { get; set; }

    /// <summary>an ENI; never both.</summary>
    public string? NetworkInterfaceId { get; set; }
}

public sealed class SecurityGroupMembershipValidator : AcsValidator<SecurityGroupMembershipRequest>
{
    public SecurityGroupMembershipValidator()
    {
        RuleFor(r => r.SecurityGroupId).Required();
        RuleFor(r => r).Must(r => string.IsNullOrEmpty(r.InstanceId) || string.IsNullOrEmpty(r.NetworkInterfaceId))
            .OverridePropertyName("InstanceId").Raises(AcsErrors.EniIdAndInstanceIdConflict);
        RuleFor(r => r).Must(r => !string.IsNullOrEmpty(r.InstanceId) || !string.IsNullOrEmpty(r.NetworkInterfaceId))
            .OverridePropertyName("InstanceId").Raises(AcsErrors.MissingInstanceOrEni);
        RuleFor(r => r.RegionId).Required(AcsErrors.MissingRegionId).When(r => !string.IsNullOrEmpty(r.NetworkInterfaceId));
    }
}
