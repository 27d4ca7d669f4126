namespace SecurityGroups.Api.Instances;

// Nested parameters of RunInstances / CreateInstance that the SDK model declares. Unless a property says otherwise they
// are accepted and have no effect here (docs/actions.md, "RunInstances and CreateInstance").

/// <summary>RunInstances <c>NetworkInterface.N.*</c>. <c>InstanceType</c> <c>Primary</c> describes the primary ENI (its VSwitchId,
/// SecurityGroupId(s), PrimaryIpAddress, name and description stand in for the top-level ones); <c>Secondary</c> (the default)
/// creates a secondary ENI, attached at launch at device index 1, 2, ... (or attaches the available ENI named by <c>NetworkInterfaceId</c>).</summary>
public sealed class LaunchNetworkInterfaceParameter
{
    /// <summary><c>Primary</c> or <c>Secondary</c> (default).</summary>
    public string? InstanceType { get; set; }

    /// <summary>Secondary only: an existing available ENI of the same VPC to attach (Amount 1).</summary>
    public string? NetworkInterfaceId { get; set; }

    /// <summary>Default: the instance's vSwitch; must be in its VPC and zone.</summary>
    public string? VSwitchId { get; set; }

    /// <summary>The ENI's group (or <c>SecurityGroupIds.N</c>); default for a secondary ENI: the instance's groups.</summary>
    public string? SecurityGroupId { get; set; }

    public List<string>? SecurityGroupIds { get; set; }

    public string? PrimaryIpAddress { get; set; }

    public string? NetworkInterfaceName { get; set; }

    public string? Description { get; set; }

    /// <summary>Stored and shown.</summary>
    public int? QueueNumber { get; set; }

    /// <summary>Stored and shown.</summary>
    public string? NetworkInterfaceTrafficMode { get; set; }

    /// <summary>Secondary ENI: released with the instance (default true); false: detached and kept when the instance is deleted.</summary>
    public bool? DeleteOnRelease { get; set; }

    /// <summary>Stored and shown.</summary>
    public bool? SourceDestCheck { get; set; }

    /// <summary>Primary: the primary ENI's IPv6 addresses when the top-level <c>Ipv6Address.N</c> is absent. Secondary: accepted, no effect.</summary>
    public List<string>? Ipv6Address { get; set; }

    /// <summary>Primary: the primary ENI's IPv6 address count when the top-level <c>Ipv6AddressCount</c> is absent. Secondary: accepted, no effect.</summary>
    public int? Ipv6AddressCount { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public int? NetworkCardIndex { get; set; }

    /// <summary>ERI queue pairs, 0-256 (0: not set; stored and shown by DescribeNetworkInterfaces / DescribeNetworkInterfaceAttribute).</summary>
    public int? QueuePairNumber { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public int? RxQueueSize { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public int? TxQueueSize { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public int? SecondaryPrivateIpAddressCount { get; set; }

    internal IReadOnlyList<string> Groups() =>
        SecurityGroupIds is { Count: > 0 } ? SecurityGroupIds : string.IsNullOrEmpty(SecurityGroupId) ? [] : [SecurityGroupId];
}

/// <summary><c>DataDisk.N.*</c> (accepted, no effect: only the system disk is modelled).</summary>
public sealed class DataDiskParameter
{
    public string? Category { get; set; }

    public int? Size { get; set; }

    public string? SnapshotId { get; set; }

    public string? DiskName { get; set; }

    public string? Description { get; set; }

    public string? Device { get; set; }

    public bool? DeleteWithInstance { get; set; }

    public string? Encrypted { get; set; }

    public string? EncryptAlgorithm { get; set; }

    public string? KMSKeyId { get; set; }

    public string? PerformanceLevel { get; set; }

    public string? AutoSnapshotPolicyId { get; set; }

    public bool? BurstingEnabled { get; set; }

    public long? ProvisionedIops { get; set; }

    public string? StorageClusterId { get; set; }
}

/// <summary><c>Arn.N.*</c> (accepted, no effect).</summary>
public sealed class ArnParameter
{
    public string? Rolearn { get; set; }

    public string? RoleType { get; set; }

    public long? AssumeRoleFor { get; set; }
}

/// <summary><c>CpuOptions.*</c> (accepted, no effect: DescribeInstances shows the type's topology).</summary>
public sealed class CpuOptionsParameter
{
    public int? Core { get; set; }

    public int? ThreadsPerCore { get; set; }

    public string? Numa { get; set; }

    public string? TopologyType { get; set; }

    public string? NestedVirtualization { get; set; }
}

/// <summary><c>HibernationOptions.*</c> (accepted, no effect).</summary>
public sealed class HibernationOptionsParameter
{
    public bool? Configured { get; set; }
}

/// <summary><c>PrivatePoolOptions.*</c>: the private pool the instance matches (stored and shown; pools are not modelled).</summary>
public sealed class PrivatePoolOptionsParameter
{
    public string? MatchCriteria { get; set; }

    public string? Id { get; set; }
}

/// <summary><c>SchedulerOptions.*</c> (accepted, no effect).</summary>
public sealed class SchedulerOptionsParameter
{
    public string? DedicatedHostClusterId { get; set; }
}

/// <summary><c>SecurityOptions.*</c> (accepted, no effect).</summary>
public sealed class SecurityOptionsParameter
{
    public string? TrustedSystemMode { get; set; }

    public string? ConfidentialComputingMode { get; set; }

    public bool? EnableSecureBoot { get; set; }
}

/// <summary><c>ClockOptions.*</c> (accepted, no effect).</summary>
public sealed class ClockOptionsParameter
{
    public string? PtpStatus { get; set; }
}

/// <summary><c>ImageOptions.*</c> (accepted, no effect).</summary>
public sealed class ImageOptionsParameter
{
    public bool? LoginAsNonRoot { get; set; }
}

/// <summary><c>NetworkOptions.*</c> (accepted, no effect).</summary>
public sealed class NetworkOptionsParameter
{
    public string? BandwidthWeighting { get; set; }

    public bool? EnableJumboFrame { get; set; }

    public bool? EnableNetworkEncryption { get; set; }
}

/// <summary><c>PrivateDnsNameOptions.*</c> (accepted, no effect).</summary>
public sealed class PrivateDnsNameOptionsParameter
{
    public bool? EnableInstanceIdDnsARecord { get; set; }

    public bool? EnableInstanceIdDnsAAAARecord { get; set; }

    public bool? EnableIpDnsARecord { get; set; }

    public bool? EnableIpDnsPtrRecord { get; set; }

    public string? HostnameType { get; set; }
}
