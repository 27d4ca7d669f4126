using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Compute;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Instances;

namespace SecurityGroups.Api.Instances;

public sealed class DescribeInstancesRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>Up to 100 IDs as one JSON array string, e.g. <c>["i-a","i-b"]</c>.</summary>
    public string? InstanceIds { get; set; }

    public string? VpcId { get; set; }

    public string? VSwitchId { get; set; }

    public string? ZoneId { get; set; }

    public string? SecurityGroupId { get; set; }

    /// <summary><c>Running</c> or <c>Stopped</c>.</summary>
    public string? Status { get; set; }

    /// <summary>The name; <c>*</c> matches any run of characters (e.g. <c>web-*</c>), case-sensitively.</summary>
    public string? InstanceName { get; set; }

    /// <summary>Primary private IPs as one JSON array string.</summary>
    public string? PrivateIpAddresses { get; set; }

    /// <summary>Public IPs (RunInstances <c>InternetMaxBandwidthOut</c> &gt; 0) as one JSON array string.</summary>
    public string? PublicIpAddresses { get; set; }

    /// <summary>IPv6 addresses of any ENI of the instance, <c>Ipv6Address.N</c>.</summary>
    public List<string>? Ipv6Address { get; set; }

    public string? InstanceType { get; set; }

    /// <summary>e.g. <c>ecs.g7</c>.</summary>
    public string? InstanceTypeFamily { get; set; }

    public string? ImageId { get; set; }

    public string? ResourceGroupId { get; set; }

    /// <summary><c>vpc</c> (every instance here) or <c>classic</c> (none).</summary>
    public string? InstanceNetworkType { get; set; }

    public string? KeyPairName { get; set; }

    /// <summary><c>PostPaid</c> or <c>PrePaid</c>.</summary>
    public string? InstanceChargeType { get; set; }

    /// <summary><c>PayByTraffic</c> or <c>PayByBandwidth</c>.</summary>
    public string? InternetChargeType { get; set; }

    /// <summary>EIPs as one JSON array string: no EIPs are emulated, so a non-empty list matches nothing.</summary>
    public string? EipAddresses { get; set; }

    /// <summary>Classic-network inner IPs as one JSON array string: a non-empty list matches nothing (VPC only here).</summary>
    public string? InnerIpAddresses { get; set; }

    /// <summary>RDMA IPs as one JSON array string: a non-empty list matches nothing.</summary>
    public string? RdmaIpAddresses { get; set; }

    /// <summary>No HPC clusters here: a value matches nothing.</summary>
    public string? HpcClusterId { get; set; }

    /// <summary>No instance is locked here: a value matches nothing.</summary>
    public string? LockReason { get; set; }

    /// <summary>Every instance shows true: false matches nothing.</summary>
    public bool? DeviceAvailable { get; set; }

    /// <summary>Every instance is I/O optimized: false matches nothing.</summary>
    public bool? IoOptimized { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public bool? NeedSaleCycle { get; set; }

    /// <summary>Instances whose metadata endpoint is <c>enabled</c> or <c>disabled</c> (RunInstances / ModifyInstanceMetadataOptions).</summary>
    public string? HttpEndpoint { get; set; }

    /// <summary>Instances whose metadata token mode is <c>optional</c> or <c>required</c>.</summary>
    public string? HttpTokens { get; set; }

    /// <summary>Instances with this metadata hop limit.</summary>
    public int? HttpPutResponseHopLimit { get; set; }

    /// <summary><c>Filter.N.Key</c> <c>CreationStartTime</c> / <c>CreationEndTime</c> and <c>Filter.N.Value</c> (UTC,
    /// <c>yyyy-MM-ddTHH:mmZ</c>): instances created at or after / at or before that time; other keys: no effect.</summary>
    public List<FilterParameter>? Filter { get; set; }

    /// <summary>Whether a filter on a feature the emulator does not model is set (then nothing matches).</summary>
    internal bool MatchesNothing() =>
        NonEmptyJsonList(EipAddresses) || NonEmptyJsonList(InnerIpAddresses) || NonEmptyJsonList(RdmaIpAddresses)
        || !string.IsNullOrEmpty(HpcClusterId) || !string.IsNullOrEmpty(LockReason) || DeviceAvailable == false || IoOptimized == false;

    private static bool NonEmptyJsonList(string? list) => JsonIdList.TryParse(list, 100, out var items) && items.Count > 0;

    /// <summary>Legacy paging: from 1.</summary>
    public int? PageNumber { get; set; }

    /// <summary>Legacy paging: 1-100 (default 10).</summary>
    public int? PageSize { get; set; }

    /// <summary>Token paging: 1-100.</summary>
    public int? MaxResults { get; set; }

    public string? NextToken { get; set; }

    public bool? DryRun { get; set; }

    public List<TagParameter>? Tag { get; set; }

    /// <summary>Accepted (<c>META_OPTIONS</c>, <c>NETWORK_PRIMARY_ENI_IP</c>, <c>CPU_OPTIONS_TOPOLOGY_TYPE</c>, ...): the attributes
    /// they ask for are always returned. <c>AdditionalAttributes.N</c>, up to 20.</summary>
    public List<string>? AdditionalAttributes { get; set; }
}

public sealed class DescribeInstancesValidator : AcsValidator<DescribeInstancesRequest>
{
    public DescribeInstancesValidator()
    {
        RuleFor(r => r.Tag).MaxItems(ListBounds.Tags, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.AdditionalAttributes).MaxItems(ListBounds.AdditionalAttributes, AcsErrors.InvalidParameter);
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.InstanceIds).Must(ids => JsonIdList.TryParse(ids, 100, out _)).Raises(AcsErrors.InvalidInstanceIdsMalformed);
        RuleFor(r => r.PrivateIpAddresses).Must(ids => JsonIdList.TryParse(ids, 100, out _)).Raises(AcsErrors.InvalidParameter);
        RuleFor(r => r.PublicIpAddresses).Must(ids => JsonIdList.TryParse(ids, 100, out _)).Raises(AcsErrors.InvalidParameter);
        RuleFor(r => r.EipAddresses).Must(ids => JsonIdList.TryParse(ids, 100, out _)).Raises(AcsErrors.InvalidParameter);
        RuleFor(r => r.InnerIpAddresses).Must(ids => JsonIdList.TryParse(ids, 100, out _)).Raises(AcsErrors.InvalidParameter);
        RuleFor(r => r.RdmaIpAddresses).Must(ids => JsonIdList.TryParse(ids, 100, out _)).Raises(AcsErrors.InvalidParameter);
        RuleFor(r => r.Ipv6Address).MaxItems(ListBounds.Ids, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.Filter).MaxItems(ListBounds.Tags, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.Filter).Must(FilterParameter.AreValid).Raises(AcsErrors.InvalidParameter);
        RuleFor(r => r.MaxResults).InclusiveBetween(1, 100).Raises(AcsErrors.InvalidParameterMaxResults);
    }
}

public sealed class DescribeInstancesResponse : AcsResponse
{
    public int? TotalCount { get; init; }

    public int? PageNumber { get; init; }

    public int? PageSize { get; init; }

    public string? NextToken { get; init; }

    public required InstanceList Instances { get; init; }

    public static DescribeInstancesResponse From(Listing<InstanceView> listing, ComputeCatalog compute) => new()
    {
        TotalCount = listing.TotalCount,
        PageNumber = listing.Page?.PageNumber,
        PageSize = listing.Page?.PageSize,
        NextToken = listing.NextToken,
        Instances = DerivedOnce<Listing<InstanceView>, InstanceList>.Get(listing, l => new InstanceList(l.Items.Select(i => InstanceItem.From(i, compute)).ToList())),
        RenderedFrom = new RenderedFrom(listing, ""),
    };
}

public sealed record InstanceList(IReadOnlyList<InstanceItem> Instance);

public sealed record IpAddressList(IReadOnlyList<string> IpAddress);

public sealed record InstanceVpcAttributes(string VpcId, string VSwitchId, IpAddressList PrivateIpAddress, string NatIpAddress);

public sealed record SecurityGroupIdList(IReadOnlyList<string> SecurityGroupId);

/// <summary>One private IP of an instance's ENI; no private DNS names here.</summary>
public sealed record PrivateIpSetItem(string PrivateIpAddress, bool Primary)
{
    public string PrivateDnsName { get; init; } = "";
}

public sealed record PrivateIpSetList(IReadOnlyList<PrivateIpSetItem> PrivateIpSet);

/// <summary>Ipv6Sets, Ipv4PrefixSets and Ipv6PrefixSets are always present; the prefix lists are empty (prefixes are not modelled).</summary>
public sealed record InstanceNetworkInterfaceItem(string NetworkInterfaceId, string Type, string PrimaryIpAddress, string MacAddress, PrivateIpSetList PrivateIpSets)
{
    public Ipv6SetList Ipv6Sets { get; init; } = new([]);
    public Ipv4PrefixSetList Ipv4PrefixSets { get; init; } = new([]);
    public Ipv6PrefixSetList Ipv6PrefixSets { get; init; } = new([]);
}

public sealed record InstanceNetworkInterfaceList(IReadOnlyList<InstanceNetworkInterfaceItem> NetworkInterface);

public sealed record InstanceItem
{
    public required string InstanceId { get; init; }
    public required string InstanceName { get; init; }
    public required string Description { get; init; }
    public required string HostName { get; init; }
    public required string RegionId { get; init; }
    public required string ZoneId { get; init; }
    public required string InstanceType { get; init; }
    public required string ImageId { get; init; }
    public required string Status { get; init; }
    public required string CreationTime { get; init; }
    public required string StartTime { get; init; }
    public string InstanceNetworkType { get; init; } = "vpc";
    public string InstanceChargeType { get; init; } = "PostPaid";
    public required string InternetChargeType { get; init; }
    public string OSType { get; init; } = "linux";
    public required int Cpu { get; init; }
    public required int Memory { get; init; }
    public required string InstanceTypeFamily { get; init; }
    public required string OSName { get; init; }
    public required string OSNameEn { get; init; }
    public required string ExpiredTime { get; init; }
    public required int InternetMaxBandwidthOut { get; init; }
    public required int InternetMaxBandwidthIn { get; init; }
    public required string KeyPairName { get; init; }
    public string SpotStrategy { get; init; } = "NoSpot";
    public double SpotPriceLimit { get; init; }
    public int SpotDuration { get; init; }
    public string SpotInterruptionBehavior { get; init; } = "Terminate";
    public required string CreditSpecification { get; init; }
    public required string AutoReleaseTime { get; init; }
    public string HpcClusterId { get; init; } = "";
    public required string DeploymentSetId { get; init; }
    public int DeploymentSetGroupNo { get; init; }
    public required string StoppedMode { get; init; }
    public bool IoOptimized { get; init; } = true;
    public string SerialNumber { get; init; } = "";
    public int GPUAmount { get; init; }
    public string GPUSpec { get; init; } = "";
    public bool Recyclable { get; init; }
    public string SaleCycle { get; init; } = "";
    public bool DeviceAvailable { get; init; } = true;
    public int LocalStorageCapacity { get; init; }
    public int LocalStorageAmount { get; init; }
    public string VlanId { get; init; } = "";
    public required InstanceMetadataOptions MetadataOptions { get; init; }
    public InstanceDedicatedHostAttribute DedicatedHostAttribute { get; init; } = new("", "", "");
    public InstanceDedicatedInstanceAttribute DedicatedInstanceAttribute { get; init; } = new("", "");
    public InstanceAdditionalInfo AdditionalInfo { get; init; } = new(false);
    public InstanceImageOptions ImageOptions { get; init; } = new(false, true);
    public required InstanceCpuOptions CpuOptions { get; init; }
    public InstanceListEipAddress EipAddress { get; init; } = new("", "", 0, "", false);
    public InstanceClockOptions ClockOptions { get; init; } = new("disabled");
    public InstanceSecurityOptions SecurityOptions { get; init; } = new(false);
    public string ClusterId { get; init; } = "";
    public bool EnableNVS { get; init; }
    public string ISP { get; init; } = "";
    public OperationLockList OperationLocks { get; init; } = new([]);
    public InstanceEcsCapacityReservationAttr EcsCapacityReservationAttr { get; init; } = new("", "");
    public InstanceHibernationOptions HibernationOptions { get; init; } = new(false);
    public InstancePrivateDnsNameOptions PrivateDnsNameOptions { get; init; } = new(false, false, false, "");
    public RdmaIpAddressList RdmaIpAddress { get; init; } = new([]);
    public required bool DeletionProtection { get; init; }
    public required string ResourceGroupId { get; init; }
    public required InstanceVpcAttributes VpcAttributes { get; init; }
    public required SecurityGroupIdList SecurityGroupIds { get; init; }
    public required InstanceNetworkInterfaceList NetworkInterfaces { get; init; }
    public IpAddressList InnerIpAddress { get; init; } = new([]);
    public required IpAddressList PublicIpAddress { get; init; }
    public required EcsTags Tags { get; init; }

    public static InstanceItem From(InstanceView view, ComputeCatalog compute)
    {
        var primary = view.NetworkInterfaces.FirstOrDefault(n => n.Eni.Type == NetworkInterfaceTypes.Primary);
        var type = compute.FindType(view.Instance.InstanceType);
        var image = compute.Images.FirstOrDefault(i => i.ImageId == view.Instance.ImageId);
        var cpu = type?.CpuCoreCount ?? 2;
        return new InstanceItem
        {
            Cpu = cpu,
            Memory = (int)Math.Round((type?.MemorySize ?? 8) * 1024),
            InstanceTypeFamily = type?.InstanceTypeFamily ?? ComputeCatalog.FamilyOf(view.Instance.InstanceType),
            OSName = image?.OSName ?? "",
            OSNameEn = image?.OSNameEn ?? "",
            OSType = image?.OSType ?? "linux",
            InstanceChargeType = view.Instance.InstanceChargeType,
            ExpiredTime = view.Instance.InstanceChargeType == "PrePaid" ? AcsTime.Minutes(view.Instance.ExpiredAt ?? view.Instance.CreatedAt.AddMonths(1)) : "2099-12-31T15:59Z",
            StoppedMode = view.Instance.Status == InstanceStatus.Stopped ? view.Instance.StoppedMode : InstanceLifecycleService.NotApplicableStoppedMode,
            InternetMaxBandwidthOut = view.Instance.InternetMaxBandwidthOut,
            InternetMaxBandwidthIn = view.Instance.InternetMaxBandwidthIn,
            InternetChargeType = view.Instance.InternetChargeType,
            KeyPairName = view.Instance.KeyPairName,
            PublicIpAddress = new IpAddressList(view.Instance.PublicIpAddress.Length == 0 ? [] : [view.Instance.PublicIpAddress]),
            MetadataOptions = new InstanceMetadataOptions(view.Instance.HttpEndpoint, view.Instance.HttpTokens, view.Instance.HttpPutResponseHopLimit)
            {
                InstanceMetadataTags = view.Instance.InstanceMetadataTags,
            },
            CreditSpecification = view.Instance.CreditSpecification,
            AutoReleaseTime = view.Instance.AutoReleaseTime is { } release ? AcsTime.Minutes(release) : "",
            DeploymentSetId = view.Instance.DeploymentSetId,
            CpuOptions = new InstanceCpuOptions(cpu / 2 is 0 ? 1 : cpu / 2, cpu > 1 ? 2 : 1, "", ""),
            InstanceId = view.Instance.InstanceId,
            InstanceName = view.Instance.InstanceName,
            Description = view.Instance.Description,
            HostName = view.Instance.HostName,
            RegionId = view.Instance.RegionId,
            ZoneId = view.Instance.ZoneId,
            InstanceType = view.Instance.InstanceType,
            ImageId = view.Instance.ImageId,
            Status = view.Instance.Status,
            CreationTime = AcsTime.Minutes(view.Instance.CreatedAt),
            StartTime = view.Instance.StartedAt is { } started ? AcsTime.Minutes(started) : "",
            DeletionProtection = view.Instance.DeletionProtection,
            ResourceGroupId = view.Instance.ResourceGroupId,
            VpcAttributes = new InstanceVpcAttributes(view.Instance.VpcId, view.Instance.VSwitchId,
                new IpAddressList(primary?.Ips.Where(ip => ip.IsPrimary).Select(ip => ip.Address).ToList() ?? []), ""),
            SecurityGroupIds = new SecurityGroupIdList(primary?.SecurityGroupIds ?? []),
            NetworkInterfaces = new InstanceNetworkInterfaceList(view.NetworkInterfaces.Select(n => new InstanceNetworkInterfaceItem(n.Eni.NetworkInterfaceId,
                n.Eni.Type, n.Ips.FirstOrDefault(ip => ip.IsPrimary)?.Address ?? "", n.Eni.MacAddress,
                new PrivateIpSetList(n.Ips.Select(ip => new PrivateIpSetItem(ip.Address, ip.IsPrimary)).ToList())) { Ipv6Sets = Ipv6SetList.Of(n.Ipv6Addresses) }).ToList()),
            Tags = EcsTags.From(view.Tags),
        };
    }
}

public sealed record InstanceMetadataOptions(string HttpEndpoint, string HttpTokens, int HttpPutResponseHopLimit)
{
    public string InstanceMetadataTags { get; init; } = "disabled";
}

public sealed record InstanceDedicatedHostAttribute(string DedicatedHostId, string DedicatedHostName, string DedicatedHostClusterId);

public sealed record InstanceDedicatedInstanceAttribute(string Tenancy, string Affinity);

public sealed record InstanceAdditionalInfo(bool EnableHighDensityMode)
{
    public string ManagedHostId { get; init; } = "";

    public string NodeSerialNumber { get; init; } = "";
}

public sealed record InstanceImageOptions(bool LoginAsNonRoot, bool CurrentOSNVMeSupported);

/// <summary>CPU topology: <c>CoreCount</c> x <c>ThreadsPerCore</c> = vCPUs.</summary>
public sealed record InstanceCpuOptions(int CoreCount, int ThreadsPerCore, string Numa, string TopologyType)
{
    public bool EnableVISST { get; init; }

    public bool EnableVRDT { get; init; }

    public string NestedVirtualization { get; init; } = "Disabled";

    public string TurboMode { get; init; } = "";
}

public sealed record InstanceEipAddress(string AllocationId, string IpAddress, int Bandwidth, string InternetChargeType);

public sealed record OperationLock(string LockReason, string LockMsg);

public sealed record OperationLockList(IReadOnlyList<OperationLock> LockReason);

public sealed record InstanceEcsCapacityReservationAttr(string CapacityReservationId, string CapacityReservationPreference);

public sealed record InstanceHibernationOptions(bool Configured);

public sealed record InstancePrivateDnsNameOptions(bool EnableInstanceIdDnsARecord, bool EnableInstanceIdDnsAAAARecord, bool EnableIpDnsARecord, string HostnameType)
{
    public bool EnableIpDnsPtrRecord { get; init; }
}

/// <summary>DescribeInstances' EIP object (none bound here), with the flag DescribeInstanceAttribute's lacks.</summary>
public sealed record InstanceListEipAddress(string AllocationId, string IpAddress, int Bandwidth, string InternetChargeType, bool IsSupportUnassociate);

public sealed record InstanceClockOptions(string PtpStatus);

public sealed record InstanceSecurityOptions(bool EnableSecureBoot);

public sealed record RdmaIpAddressList(IReadOnlyList<string> IpAddress);
