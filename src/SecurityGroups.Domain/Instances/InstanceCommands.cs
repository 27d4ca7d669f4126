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
}

/// <summary>RunInstances' <c>SystemDisk.*</c>.</summary>
public sealed record SystemDiskInput(string? Category, int? Size, string? DiskName, string? Description, string? PerformanceLevel);

public sealed record InstanceQuery(string RegionId, IReadOnlyList<string> InstanceIds, string? VpcId, string? VSwitchId, string? ZoneId,
    string? SecurityGroupId, string? Status, string? InstanceName, IReadOnlyList<string> PrivateIpAddresses, IReadOnlyList<TagInput> Tags,
    PageRequest? Page, int MaxResults, string? NextToken);

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
    string? NetworkInterfaceTrafficMode = null);

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
