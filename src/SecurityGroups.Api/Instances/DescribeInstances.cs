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

    public string? InstanceName { get; set; }

    /// <summary>Primary private IPs as one JSON array string.</summary>
    public string? PrivateIpAddresses { get; set; }

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

public sealed record PrivateIpSetItem(string PrivateIpAddress, bool Primary);

public sealed record PrivateIpSetList(IReadOnlyList<PrivateIpSetItem> PrivateIpSet);

/// <summary>Ipv6Sets, Ipv4PrefixSets and Ipv6PrefixSets are always present, empty (IPv6 and prefixes are not modelled).</summary>
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
    public string InternetChargeType { get; init; } = "PayByTraffic";
    public string OSType { get; init; } = "linux";
    public required int Cpu { get; init; }
    public required int Memory { get; init; }
    public required string InstanceTypeFamily { get; init; }
    public required string OSName { get; init; }
    public required string OSNameEn { get; init; }
    public required string ExpiredTime { get; init; }
    public int InternetMaxBandwidthOut { get; init; }
    public int InternetMaxBandwidthIn { get; init; }
    public string KeyPairName { get; init; } = "";
    public string SpotStrategy { get; init; } = "NoSpot";
    public double SpotPriceLimit { get; init; }
    public int SpotDuration { get; init; }
    public string SpotInterruptionBehavior { get; init; } = "Terminate";
    public string CreditSpecification { get; init; } = "";
    public string AutoReleaseTime { get; init; } = "";
    public string HpcClusterId { get; init; } = "";
    public string DeploymentSetId { get; init; } = "";
    public int DeploymentSetGroupNo { get; init; }
    public required string StoppedMode { get; init; }
    public bool IoOptimized { get; init; } = true;
    public string SerialNumber { get; init; } = "";
    public int GPUAmount { get; init; }
    public string GPUSpec { get; init; } = "";
    public bool Recyclable { get; init; }
    public string SaleCycle { get; init; } = "";
    public bool DeviceAvailable { get; init; } = true;
    public string LocalStorageCategory { get; init; } = "";
    public int LocalStorageCapacity { get; init; }
    public int LocalStorageAmount { get; init; }
    public string VlanId { get; init; } = "";
    public required InstanceMetadataOptions MetadataOptions { get; init; }
    public InstanceDedicatedHostAttribute DedicatedHostAttribute { get; init; } = new("", "", "");
    public InstanceDedicatedInstanceAttribute DedicatedInstanceAttribute { get; init; } = new("", "");
    public InstanceAdditionalInfo AdditionalInfo { get; init; } = new(false);
    public InstanceImageOptions ImageOptions { get; init; } = new(false, true);
    public required InstanceCpuOptions CpuOptions { get; init; }
    public InstanceEipAddress EipAddress { get; init; } = new("", "", 0, "");
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
    public IpAddressList PublicIpAddress { get; init; } = new([]);
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
            ExpiredTime = view.Instance.InstanceChargeType == "PrePaid" ? AcsTime.Minutes(view.Instance.CreatedAt.AddMonths(1)) : "2099-12-31T15:59Z",
            StoppedMode = view.Instance.Status == InstanceStatus.Stopped ? "KeepCharging" : "Not-applicable",
            MetadataOptions = new InstanceMetadataOptions("enabled", "optional", 1),
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
                new PrivateIpSetList(n.Ips.Select(ip => new PrivateIpSetItem(ip.Address, ip.IsPrimary)).ToList()))).ToList()),
            Tags = EcsTags.From(view.Tags),
        };
    }
}

public sealed record InstanceMetadataOptions(string HttpEndpoint, string HttpTokens, int HttpPutResponseHopLimit);

public sealed record InstanceDedicatedHostAttribute(string DedicatedHostId, string DedicatedHostName, string DedicatedHostClusterId);

public sealed record InstanceDedicatedInstanceAttribute(string Tenancy, string Affinity);

public sealed record InstanceAdditionalInfo(bool EnableHighDensityMode);

public sealed record InstanceImageOptions(bool LoginAsNonRoot, bool CurrentOSNVMeSupported);

/// <summary>CPU topology: <c>CoreCount</c> x <c>ThreadsPerCore</c> = vCPUs.</summary>
public sealed record InstanceCpuOptions(int CoreCount, int ThreadsPerCore, string Numa, string TopologyType);

public sealed record InstanceEipAddress(string AllocationId, string IpAddress, int Bandwidth, string InternetChargeType);

public sealed record OperationLock(string LockReason, string LockMsg);

public sealed record OperationLockList(IReadOnlyList<OperationLock> LockReason);

public sealed record InstanceEcsCapacityReservationAttr(string CapacityReservationId, string CapacityReservationPreference);

public sealed record InstanceHibernationOptions(bool Configured);

public sealed record InstancePrivateDnsNameOptions(bool EnableInstanceIdDnsARecord, bool EnableInstanceIdDnsAAAARecord, bool EnableIpDnsARecord, string HostnameType);

public sealed record RdmaIpAddressList(IReadOnlyList<string> IpAddress);
