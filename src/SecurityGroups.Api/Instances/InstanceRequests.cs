using Microsoft.Extensions.Options;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;
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

    /// <summary>Accepted and ignored.</summary>
    public string? KeyPairName { get; set; }

    /// <summary>Accepted and ignored (no public IP is assigned).</summary>
    public int? InternetMaxBandwidthOut { get; set; }

    /// <summary>Accepted and ignored.</summary>
    public string? SecurityEnhancementStrategy { get; set; }

    public string? ResourceGroupId { get; set; }

    public string? ClientToken { get; set; }

    public bool? DryRun { get; set; }

    /// <summary><c>PostPaid</c> (default) or <c>PrePaid</c> (no billing: only shown).</summary>
    public string? InstanceChargeType { get; set; }

    /// <summary>Accepted and ignored.</summary>
    public string? InternetChargeType { get; set; }

    public List<TagParameter>? Tag { get; set; }
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
}

public sealed class RunInstancesRequest : LaunchRequest
{
    /// <summary>1-100 instances (default 1).</summary>
    public int? Amount { get; set; }

    /// <summary>Accepted (all or nothing: either Amount instances or none).</summary>
    public int? MinAmount { get; set; }

    /// <summary>Groups, <c>SecurityGroupIds.N</c> (instead of SecurityGroupId).</summary>
    public List<string>? SecurityGroupIds { get; set; }

    internal IReadOnlyList<string> Groups() =>
        SecurityGroupIds is { Count: > 0 } ? SecurityGroupIds : string.IsNullOrEmpty(SecurityGroupId) ? [] : [SecurityGroupId];
}

public sealed class RunInstancesResponse : AcsResponse
{
    public required InstanceIdSets InstanceIdSets { get; init; }

    public string OrderId { get; init; } = "";

    public double TradePrice { get; init; }
}

public sealed record InstanceIdSets(IReadOnlyList<string> InstanceIdSet);

public sealed class RunInstancesValidator : AcsValidator<RunInstancesRequest>
{
    public RunInstancesValidator(IOptions<QuotaOptions> quotas)
    {
        RuleFor(r => r.SecurityGroupIds).MaxItems(_ => quotas.Value.SecurityGroupsPerNetworkInterface, AcsErrors.InstanceSecurityGroupLimitExceeded);
        RuleFor(r => r.Tag).MaxItems(_ => quotas.Value.TagsPerResource, AcsErrors.NumberExceedTags);
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.VSwitchId).Required();
    }
}

public sealed class CreateInstanceRequest : LaunchRequest;

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
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.VSwitchId).Required();
    }
}

public sealed class DeleteInstanceRequest : CommonParameters
{
    /// <summary>The instance. Required.</summary>
    public string? InstanceId { get; set; }

    /// <summary>Delete a running instance too.</summary>
    public bool? Force { get; set; }

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

    /// <summary>Accepted and ignored.</summary>
    public string? CreditSpecification { get; set; }

    /// <summary>Accepted and ignored (DescribeInstanceAttribute shows false).</summary>
    public bool? EnableJumboFrame { get; set; }

    /// <summary>The instance's whole new set of groups, <c>SecurityGroupIds.N</c>.</summary>
    public List<string>? SecurityGroupIds { get; set; }

    public string? InstanceName { get; set; }

    public string? Description { get; set; }

    public string? HostName { get; set; }

    public bool? DeletionProtection { get; set; }
}

public sealed class ModifyInstanceAttributeValidator : AcsValidator<ModifyInstanceAttributeRequest>
{
    public ModifyInstanceAttributeValidator(IOptions<QuotaOptions> quotas)
    {
        RuleFor(r => r.SecurityGroupIds).MaxItems(_ => quotas.Value.SecurityGroupsPerNetworkInterface, AcsErrors.InstanceSecurityGroupLimitExceeded);
        RuleFor(r => r.InstanceId).Required();
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
