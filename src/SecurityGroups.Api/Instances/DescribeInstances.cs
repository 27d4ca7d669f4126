using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Common;
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
}

public sealed class DescribeInstancesValidator : AcsValidator<DescribeInstancesRequest>
{
    public DescribeInstancesValidator()
    {
        RuleFor(r => r.Tag).MaxItems(ListBounds.Tags, AcsErrors.InvalidParameterTooManyItems);
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

    public static DescribeInstancesResponse From(Listing<InstanceView> listing) => new()
    {
        TotalCount = listing.TotalCount,
        PageNumber = listing.Page?.PageNumber,
        PageSize = listing.Page?.PageSize,
        NextToken = listing.NextToken,
        Instances = new InstanceList(listing.Items.Select(InstanceItem.From).ToList()),
    };
}

public sealed record InstanceList(IReadOnlyList<InstanceItem> Instance);

public sealed record IpAddressList(IReadOnlyList<string> IpAddress);

public sealed record InstanceVpcAttributes(string VpcId, string VSwitchId, IpAddressList PrivateIpAddress, string NatIpAddress);

public sealed record SecurityGroupIdList(IReadOnlyList<string> SecurityGroupId);

public sealed record PrivateIpSetItem(string PrivateIpAddress, bool Primary);

public sealed record PrivateIpSetList(IReadOnlyList<PrivateIpSetItem> PrivateIpSet);

public sealed record InstanceNetworkInterfaceItem(string NetworkInterfaceId, string Type, string PrimaryIpAddress, string MacAddress, PrivateIpSetList PrivateIpSets);

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
    public int Cpu { get; init; } = 2;
    public int Memory { get; init; } = 8192;
    public required bool DeletionProtection { get; init; }
    public required string ResourceGroupId { get; init; }
    public required InstanceVpcAttributes VpcAttributes { get; init; }
    public required SecurityGroupIdList SecurityGroupIds { get; init; }
    public required InstanceNetworkInterfaceList NetworkInterfaces { get; init; }
    public IpAddressList InnerIpAddress { get; init; } = new([]);
    public IpAddressList PublicIpAddress { get; init; } = new([]);
    public required EcsTags Tags { get; init; }

    public static InstanceItem From(InstanceView view)
    {
        var primary = view.NetworkInterfaces.FirstOrDefault(n => n.Eni.Type == NetworkInterfaceTypes.Primary);
        return new InstanceItem
        {
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
