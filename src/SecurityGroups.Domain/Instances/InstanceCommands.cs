using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Networks;
using SecurityGroups.Domain.Tags;

namespace SecurityGroups.Domain.Instances;

public sealed record RunInstancesCommand(string RegionId, string VSwitchId, string? ZoneId, IReadOnlyList<string> SecurityGroupIds, int Amount,
    string? PrivateIpAddress, string? InstanceName, string? Description, string? HostName, string? InstanceType, string? ImageId,
    string? ResourceGroupId, IReadOnlyList<TagInput> Tags, bool DryRun, bool Stopped)
{
    /// <summary>Base64 user data (checked: valid Base64, at most 32 KB decoded).</summary>
    public string? UserData { get; init; }

    public string? RamRoleName { get; init; }

    /// <summary><c>PostPaid</c> (default) or <c>PrePaid</c>.</summary>
    public string? InstanceChargeType { get; init; }

    public SystemDiskInput SystemDisk { get; init; } = new(null, null, null, null, null);

    /// <summary>Mbit/s 0-100; &gt; 0 allocates a public IP.</summary>
    public int InternetMaxBandwidthOut { get; init; }

    /// <summary>Mbit/s; null: 100 with a public IP, else 0.</summary>
    public int? InternetMaxBandwidthIn { get; init; }

    public string? InternetChargeType { get; init; }

    public string? KeyPairName { get; init; }

    public bool DeletionProtection { get; init; }

    /// <summary>Append <c>001</c>, <c>002</c>, ... to InstanceName and HostName of the instances of one call (Amount &gt; 1).</summary>
    public bool UniqueSuffix { get; init; }

    /// <summary>Host names, one per instance (<c>HostNames.N</c>); beyond the list, HostName (or the default) applies.</summary>
    public IReadOnlyList<string> HostNames { get; init; } = [];

    /// <summary>IPv6 addresses of the primary ENI: named (<c>Ipv6Address.N</c>, Amount 1) or a count (<c>Ipv6AddressCount</c>).</summary>
    public IReadOnlyList<string> Ipv6Addresses { get; init; } = [];

    public int Ipv6AddressCount { get; init; }

    /// <summary>Secondary ENIs created (or, by ID, attached) at launch, <c>NetworkInterface.N</c> with <c>InstanceType</c> Secondary.</summary>
    public IReadOnlyList<LaunchNetworkInterface> SecondaryNetworkInterfaces { get; init; } = [];

    /// <summary>The primary ENI's queue number, traffic mode and source/destination check (<c>NetworkInterface.N</c> with
    /// <c>InstanceType=Primary</c>, or <c>NetworkInterfaceQueueNumber</c>); unset ones keep the defaults.</summary>
    public NetworkInterfaceOptions PrimaryOptions { get; init; } = new();

    /// <summary>Metadata options, automatic release time, deployment set, private pool and credit mode (stored and shown).</summary>
    public LaunchSettings Settings { get; init; } = new();
}

/// <summary>One secondary ENI of RunInstances <c>NetworkInterface.N</c>: an existing available ENI (<paramref name="NetworkInterfaceId"/>)
/// or a new one in <paramref name="VSwitchId"/> (default: the instance's) with its groups (default: the instance's).</summary>
public sealed record LaunchNetworkInterface(string? NetworkInterfaceId, string? VSwitchId, IReadOnlyList<string> SecurityGroupIds,
    string? PrimaryIpAddress, string? NetworkInterfaceName, string? Description, NetworkInterfaceOptions Options);

/// <summary>RunInstances' <c>SystemDisk.*</c>.</summary>
public sealed record SystemDiskInput(string? Category, int? Size, string? DiskName, string? Description, string? PerformanceLevel)
{
    /// <summary><c>SystemDisk.AutoSnapshotPolicyId</c>: any well-formed ID (<see cref="DiskService.IsPolicyId"/>).</summary>
    public string? AutoSnapshotPolicyId { get; init; }
}

public sealed record InstanceQuery(string RegionId, IReadOnlyList<string> InstanceIds, string? VpcId, string? VSwitchId, string? ZoneId,
    string? SecurityGroupId, string? Status, string? InstanceName, IReadOnlyList<string> PrivateIpAddresses, IReadOnlyList<TagInput> Tags,
    PageRequest? Page, int MaxResults, string? NextToken)
{
    public string? InstanceType { get; init; }

    /// <summary>The family, e.g. <c>ecs.g7</c> (the type's ID up to its last dot).</summary>
    public string? InstanceTypeFamily { get; init; }

    public string? ImageId { get; init; }

    public string? ResourceGroupId { get; init; }

    /// <summary><c>vpc</c> matches every instance; <c>classic</c> none.</summary>
    public string? InstanceNetworkType { get; init; }

    public string? KeyPairName { get; init; }

    public string? InstanceChargeType { get; init; }

    public string? InternetChargeType { get; init; }

    public IReadOnlyList<string> PublicIpAddresses { get; init; } = [];

    /// <summary>IPv6 addresses of any ENI of the instance.</summary>
    public IReadOnlyList<string> Ipv6Addresses { get; init; } = [];

    /// <summary>A filter on a feature the emulator does not model (EIPs, classic inner IPs, RDMA IPs, HPC clusters, locks):
    /// matches nothing.</summary>
    public bool MatchesNothing { get; init; }

    /// <summary><c>Filter.N</c> <c>CreationStartTime</c>: created at or after.</summary>
    public DateTime? CreatedFrom { get; init; }

    /// <summary><c>Filter.N</c> <c>CreationEndTime</c>: created at or before.</summary>
    public DateTime? CreatedTo { get; init; }

    public bool DryRun { get; init; }

    /// <summary>Metadata options: instances whose endpoint, token mode or hop limit is the given one.</summary>
    public string? HttpEndpoint { get; init; }

    public string? HttpTokens { get; init; }

    public int? HttpPutResponseHopLimit { get; init; }
}

/// <summary>An ENI with its groups and private IPs (primary first).</summary>
public sealed record NetworkInterfaceView(NetworkInterface Eni, IReadOnlyList<string> SecurityGroupIds, IReadOnlyList<PrivateIpAddress> Ips,
    IReadOnlyList<ResourceTag> Tags)
{
    /// <summary>Its IPv6 addresses, in address order.</summary>
    public IReadOnlyList<string> Ipv6Addresses { get; init; } = [];
}

/// <summary>An instance with its ENIs (primary first) and tags.</summary>
public sealed record InstanceView(Instance Instance, IReadOnlyList<NetworkInterfaceView> NetworkInterfaces, IReadOnlyList<ResourceTag> Tags);

public sealed record CreateNetworkInterfaceCommand(string RegionId, string VSwitchId, IReadOnlyList<string> SecurityGroupIds, string? PrimaryIpAddress,
    IReadOnlyList<string> SecondaryIps, int SecondaryCount, string? NetworkInterfaceName, string? Description, string? ResourceGroupId,
    IReadOnlyList<TagInput> Tags, NetworkInterfaceOptions? Options = null)
{
    /// <summary>Named IPv6 addresses (<c>Ipv6Address.N</c>) of the vSwitch's /64.</summary>
    public IReadOnlyList<string> Ipv6Addresses { get; init; } = [];

    /// <summary>How many random IPv6 addresses (<c>Ipv6AddressCount</c>).</summary>
    public int Ipv6AddressCount { get; init; }
}

/// <summary>What an ENI stores without effect here (CreateNetworkInterface / ModifyNetworkInterfaceAttribute); null keeps the value.</summary>
public sealed record NetworkInterfaceOptions(int? QueueNumber = null, bool? SourceDestCheck = null, bool? DeleteOnRelease = null,
    string? NetworkInterfaceTrafficMode = null)
{
    /// <summary>ERI queue pairs (<c>QueuePairNumber</c>); 0: not set.</summary>
    public int? QueuePairNumber { get; init; }

    public void ApplyTo(NetworkInterface eni)
    {
        eni.QueuePairNumber = QueuePairNumber ?? eni.QueuePairNumber;
        eni.QueueNumber = QueueNumber ?? eni.QueueNumber;
        eni.SourceDestCheck = SourceDestCheck ?? eni.SourceDestCheck;
        eni.DeleteOnRelease = DeleteOnRelease ?? eni.DeleteOnRelease;
        eni.NetworkInterfaceTrafficMode = NetworkInterfaceTrafficMode ?? eni.NetworkInterfaceTrafficMode;
    }
}

public sealed record NetworkInterfaceQuery(string RegionId, IReadOnlyList<string> NetworkInterfaceIds, string? InstanceId, string? VpcId,
    string? VSwitchId, string? SecurityGroupId, string? Type, string? Status, string? PrimaryIpAddress, string? NetworkInterfaceName,
    IReadOnlyList<TagInput> Tags, PageRequest? Page, int MaxResults, string? NextToken)
{
    /// <summary><c>PrivateIpAddress.N</c>: ENIs holding any of these (primary or secondary).</summary>
    public IReadOnlyList<string> PrivateIpAddresses { get; init; } = [];

    /// <summary><c>Ipv6Address.N</c>: ENIs holding any of these.</summary>
    public IReadOnlyList<string> Ipv6Addresses { get; init; } = [];

    public string? ResourceGroupId { get; init; }

    /// <summary><c>ServiceManaged</c>: no ENI is managed by a cloud service here, so true matches none.</summary>
    public bool? ServiceManaged { get; init; }
}
