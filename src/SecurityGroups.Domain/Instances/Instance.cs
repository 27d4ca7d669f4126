namespace SecurityGroups.Domain.Instances;

/// <summary>An ECS instance: no real machine, but a status, a vSwitch and a primary ENI with a private IP.</summary>
public sealed class Instance
{
    public required string InstanceId { get; init; }

    public required string AccountId { get; init; }

    public required string RegionId { get; init; }

    public required string ZoneId { get; init; }

    /// <summary>Changed only by ModifyInstanceVpcAttribute.</summary>
    public required string VpcId { get; set; }

    /// <summary>Changed only by ModifyInstanceVpcAttribute.</summary>
    public required string VSwitchId { get; set; }

    public string InstanceName { get; set; } = "";

    public string Description { get; set; } = "";

    public string HostName { get; set; } = "";

    public string InstanceType { get; set; } = "ecs.g7.large";

    public string ImageId { get; set; } = "aliyun_3_x64_20G_alibase_20240528.vhd";

    public string Status { get; set; } = InstanceStatus.Running;

    public bool DeletionProtection { get; set; }

    public string ResourceGroupId { get; set; } = "";

    public required string PrimaryNetworkInterfaceId { get; init; }

    public DateTime CreatedAt { get; init; }

    /// <summary>When the instance last started (null: never, e.g. created by CreateInstance and not started since).</summary>
    public DateTime? StartedAt { get; set; }

    /// <summary>ModifyInstanceVpcAttribute changed the private IP or vSwitch since the instance last started: Alibaba refuses
    /// another such change until it has been started again (docs/actions.md, ModifyInstanceVpcAttribute).</summary>
    public bool NetworkChangedSinceStart { get; set; }

    /// <summary><c>PostPaid</c> (default) or <c>PrePaid</c>: shown, and it decides what DescribeInstanceAutoRenewAttribute answers.</summary>
    public string InstanceChargeType { get; set; } = "PostPaid";

    /// <summary>Base64, as given to RunInstances / CreateInstance / ModifyInstanceAttribute; empty when none.</summary>
    public string UserData { get; set; } = "";

    /// <summary>The RAM role named at launch (<c>RamRoleName</c>); empty: none.</summary>
    public string RamRoleName { get; set; } = "";

    /// <summary>The system disk, created and released with the instance (<c>d-...</c>); ReplaceSystemDisk gives it a new ID.</summary>
    public string SystemDiskId { get; set; } = "";

    public string SystemDiskCategory { get; set; } = "cloud_essd";

    /// <summary>GiB.</summary>
    public int SystemDiskSize { get; set; } = 40;

    public string SystemDiskName { get; set; } = "";

    public string SystemDiskDescription { get; set; } = "";

    /// <summary>ESSD performance level (<c>PL0</c>..<c>PL3</c>); empty for other categories.</summary>
    public string SystemDiskPerformanceLevel { get; set; } = "";

    /// <summary>A public IPv4 address from the emulator's public pool, allocated at launch when <c>InternetMaxBandwidthOut</c> &gt; 0; empty: none.</summary>
    public string PublicIpAddress { get; set; } = "";

    /// <summary>Mbit/s, 0-100 (0: no public IP).</summary>
    public int InternetMaxBandwidthOut { get; init; }

    /// <summary>Mbit/s (shown; default 100 when a public IP is allocated, else 0).</summary>
    public int InternetMaxBandwidthIn { get; init; }

    /// <summary><c>PayByTraffic</c> (default) or <c>PayByBandwidth</c> (shown only).</summary>
    public string InternetChargeType { get; init; } = "PayByTraffic";

    /// <summary>The key pair named at launch (stored and shown; not checked against a key-pair service).</summary>
    public string KeyPairName { get; set; } = "";

    /// <summary>The <c>StoppedMode</c> of the last stop: <c>KeepCharging</c> (default) or <c>StopCharging</c>.</summary>
    public string StoppedMode { get; set; } = "KeepCharging";

    /// <summary>Metadata options (RunInstances / ModifyInstanceMetadataOptions): <c>enabled</c> or <c>disabled</c>.</summary>
    public string HttpEndpoint { get; set; } = "enabled";

    /// <summary><c>optional</c> or <c>required</c> (security-hardened mode).</summary>
    public string HttpTokens { get; set; } = "optional";

    /// <summary>1-64.</summary>
    public int HttpPutResponseHopLimit { get; set; } = 1;

    /// <summary><c>enabled</c> or <c>disabled</c>.</summary>
    public string InstanceMetadataTags { get; set; } = "disabled";

    /// <summary>When the instance is to be released (UTC; RunInstances / ModifyInstanceAutoReleaseTime; shown, never acted on).</summary>
    public DateTime? AutoReleaseTime { get; set; }

    /// <summary>ModifyInstanceMaintenanceAttributes: <c>Stop</c>, <c>AutoRecover</c> (default) or <c>AutoRedeploy</c>.</summary>
    public string MaintenanceAction { get; set; } = "AutoRecover";

    /// <summary>The maintenance window (<c>HH:mm:ssZ</c>); both empty: none.</summary>
    public string MaintenanceStartTime { get; set; } = "";

    public string MaintenanceEndTime { get; set; } = "";

    public bool NotifyOnMaintenance { get; set; }

    /// <summary>The deployment set (RunInstances / ModifyInstanceDeployment; not checked against a deployment-set service).</summary>
    public string DeploymentSetId { get; set; } = "";

    /// <summary>Private pool options (RunInstances / ModifyInstanceAttachmentAttributes): <c>Open</c>, <c>Target</c> or <c>None</c>.</summary>
    public string PrivatePoolMatchCriteria { get; set; } = "Open";

    public string PrivatePoolId { get; set; } = "";

    /// <summary>Burstable instances' mode: <c>Standard</c>, <c>Unlimited</c> or empty.</summary>
    public string CreditSpecification { get; set; } = "";

    /// <summary>The system disk's automatic snapshot policy (ApplyAutoSnapshotPolicy; not checked against a policy service).</summary>
    public string SystemDiskAutoSnapshotPolicyId { get; set; } = "";

    /// <summary>End of a subscription (PrePaid); null: a month after creation, as before this was stored.</summary>
    public DateTime? ExpiredAt { get; set; }
}

/// <summary>Instance statuses. The emulator completes every transition at once: <c>Starting</c> and <c>Stopping</c> are only
/// reported (StartInstances / StopInstances / RebootInstances <c>CurrentStatus</c>), never stored.</summary>
public static class InstanceStatus
{
    public const string Running = "Running";
    public const string Stopped = "Stopped";
    public const string Starting = "Starting";
    public const string Stopping = "Stopping";
}

/// <summary>An elastic network interface: the thing security groups act on.</summary>
public sealed class NetworkInterface
{
    public required string NetworkInterfaceId { get; init; }

    public required string AccountId { get; init; }

    public required string RegionId { get; init; }

    public required string ZoneId { get; init; }

    /// <summary>Changed only by ModifyInstanceVpcAttribute.</summary>
    public required string VpcId { get; set; }

    /// <summary>Changed only by ModifyInstanceVpcAttribute.</summary>
    public required string VSwitchId { get; set; }

    public string NetworkInterfaceName { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary><c>Primary</c> (an instance's own, released with it) or <c>Secondary</c>.</summary>
    public required string Type { get; init; }

    /// <summary><c>Available</c> (detached) or <c>InUse</c> (attached).</summary>
    public string Status { get; set; } = NetworkInterfaceStatus.Available;

    /// <summary>The instance it is attached to, empty when detached.</summary>
    public string InstanceId { get; set; } = "";

    public required string MacAddress { get; init; }

    public string ResourceGroupId { get; set; } = "";

    /// <summary>Its position on the instance: 0 for a primary ENI, the lowest free index from 1 for an attached secondary one.</summary>
    public int DeviceIndex { get; set; }

    /// <summary>Queues (CreateNetworkInterface / ModifyNetworkInterfaceAttribute <c>QueueNumber</c>; stored, no effect).</summary>
    public int QueueNumber { get; set; } = 1;

    public bool SourceDestCheck { get; set; }

    /// <summary>Released with its instance (stored; secondary ENIs are only ever detached here).</summary>
    public bool DeleteOnRelease { get; set; } = true;

    /// <summary><c>Standard</c>, <c>HighPerformance</c> or <c>HighPerformanceRDMA</c> (stored, no effect).</summary>
    public string NetworkInterfaceTrafficMode { get; set; } = "Standard";

    /// <summary>Queue pairs (RunInstances' <c>NetworkInterface.N.QueuePairNumber</c> / CreateNetworkInterface; stored, no effect; 0: not set).</summary>
    public int QueuePairNumber { get; set; }

    public DateTime CreatedAt { get; init; }
}

/// <summary>An IPv6 address of an ENI, from its vSwitch's /64 (AssignIpv6Addresses, CreateNetworkInterface / RunInstances
/// <c>Ipv6AddressCount</c>); released with the ENI.</summary>
public sealed class NetworkInterfaceIpv6Address
{
    public required string VSwitchId { get; init; }

    /// <summary>Canonical (zero-compressed, lower-case) text.</summary>
    public required string Address { get; init; }

    public required string NetworkInterfaceId { get; init; }

    public required string AccountId { get; init; }
}

public static class NetworkInterfaceStatus
{
    public const string Available = "Available";
    public const string InUse = "InUse";
}

public static class NetworkInterfaceTypes
{
    public const string Primary = "Primary";
    public const string Secondary = "Secondary";
}

/// <summary>One ENI's membership of one security group (an instance's groups are its primary ENI's).</summary>
public sealed class NetworkInterfaceGroup
{
    public required string NetworkInterfaceId { get; init; }

    public required string SecurityGroupId { get; init; }

    public required string AccountId { get; init; }

    /// <summary>Order in which the groups were given (listings keep it).</summary>
    public int Position { get; set; }
}
