using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Instances;

namespace SecurityGroups.Api.Instances;

public sealed class DescribeNetworkInterfaceAttributeRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The ENI. Required.</summary>
    public string? NetworkInterfaceId { get; set; }

    /// <summary>Accepted (e.g. <c>attachment</c>, <c>connectionTrackingConfiguration</c>): every attribute is always returned.</summary>
    public string? Attribute { get; set; }

    /// <summary>Accepted, no effect (Alibaba's model declares it; the ENI is found by ID).</summary>
    public List<TagParameter>? Tag { get; set; }
}

public sealed class DescribeNetworkInterfaceAttributeValidator : AcsValidator<DescribeNetworkInterfaceAttributeRequest>
{
    public DescribeNetworkInterfaceAttributeValidator()
    {
        RuleFor(r => r.Tag).MaxItems(ListBounds.Tags, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.NetworkInterfaceId).Required();
    }
}

/// <summary>One ENI with every object the SDK model declares: features the emulator does not model (bonding, QoS,
/// connection tracking) come back as their defaults.</summary>
public sealed class DescribeNetworkInterfaceAttributeResponse : NetworkInterfaceRead<EniAttributeAttachment>
{
    public required AttributePrivateIpSetList PrivateIpSets { get; init; }
    public EniSlaveInterfaceSpecificationItem SlaveInterfaceSpecification { get; init; } = new("", "", "");
    public string TcpOptionAddressEnabled { get; init; } = "false";
    public EniTrafficConfig NetworkInterfaceTrafficConfig { get; init; } = new("Standard", 1);
    public EniConnectionTracking ConnectionTrackingConfiguration { get; init; } = EniConnectionTracking.Default;
    public EniEnhancedNetwork EnhancedNetwork { get; init; } = new(false, false, false);
    public EniBondInterfaceSpecification BondInterfaceSpecification { get; init; } = EniBondInterfaceSpecification.None;
    public EniQoSConfig QoSConfig { get; init; } = EniQoSConfig.None;

    public static DescribeNetworkInterfaceAttributeResponse From(NetworkInterfaceView view)
    {
        var response = new DescribeNetworkInterfaceAttributeResponse
        {
            PrivateIpSets = new AttributePrivateIpSetList(view.Ips.Select(ip => new AttributePrivateIpSetItem(ip.Address, ip.IsPrimary, AssociatedPublicIp.None)).ToList()),
            Attachment = new EniAttributeAttachment(view.Eni.InstanceId, view.Eni.DeviceIndex, 0, "", new MemberNetworkInterfaceIdList([])),
            NetworkInterfaceTrafficConfig = new EniTrafficConfig(view.Eni.NetworkInterfaceTrafficMode, view.Eni.QueueNumber)
            {
                QueuePairNumber = view.Eni.QueuePairNumber,
            },
        };
        response.FillRead(view);
        return response;
    }
}

/// <summary>DescribeNetworkInterfaceAttribute's attachment: DescribeNetworkInterfaces' plus the (trunk) member ENIs, none here.</summary>
public sealed record EniAttributeAttachment(string InstanceId, int DeviceIndex, int NetworkCardIndex, string TrunkNetworkInterfaceId,
    MemberNetworkInterfaceIdList MemberNetworkInterfaceIds);

public sealed record MemberNetworkInterfaceIdList(IReadOnlyList<string> MemberNetworkInterfaceId);

public sealed record AttributePrivateIpSetItem(string PrivateIpAddress, bool Primary, AssociatedPublicIp AssociatedPublicIp);

public sealed record AttributePrivateIpSetList(IReadOnlyList<AttributePrivateIpSetItem> PrivateIpSet);

public sealed record EniTrafficConfig(string NetworkInterfaceTrafficMode, int QueueNumber)
{
    /// <summary>ERI queue pairs as set (0: not set).</summary>
    public int QueuePairNumber { get; init; }
}

/// <summary>Alibaba's documented defaults (seconds): TCP closed/time-wait 3, established 910, UDP 60; not enforced here.</summary>
public sealed record EniConnectionTracking(int TcpClosedAndTimeWaitTimeout, int TcpEstablishedTimeout, int UdpTimeout)
{
    public static readonly EniConnectionTracking Default = new(3, 910, 60);
}

public sealed record EniEnhancedNetwork(bool EnableSriov, bool EnableRss, bool EnableExpress)
{
    public int VirtualFunctionQuantity { get; init; }

    public int VirtualFunctionTotalQueueNumber { get; init; }
}

public sealed record EniBondInterfaceSpecification(string BondMode, EniSlaveInterfaceSpecificationList SlaveInterfaceSpecification)
{
    public static readonly EniBondInterfaceSpecification None = new("", new EniSlaveInterfaceSpecificationList([]));
}

public sealed record EniSlaveInterfaceSpecificationItem(string SlaveNetworkInterfaceId, string BondNetworkInterfaceId, string WorkState);

public sealed record EniSlaveInterfaceSpecificationList(IReadOnlyList<EniSlaveInterfaceSpecificationItem> SlaveInterfaceSpecificationSet);

/// <summary>ENI QoS: off (the QoS Actions are not served on this branch).</summary>
public sealed record EniQoSConfig(bool EnableQoS, EniQoS QoS)
{
    public static readonly EniQoSConfig None = new(false, new EniQoS(0, 0, 0, 0, 0));
}

public sealed record EniQoS(long BandwidthRx, long BandwidthTx, long PpsRx, long PpsTx, long ConcurrentConnections);

/// <summary>AssignIpv6Addresses / UnassignIpv6Addresses.</summary>
public sealed class Ipv6AddressesRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The ENI. Required.</summary>
    public string? NetworkInterfaceId { get; set; }

    /// <summary>Addresses of the ENI's vSwitch's IPv6 /64, <c>Ipv6Address.N</c>, N = 1..10 (Assign: or Ipv6AddressCount, never both).</summary>
    public List<string>? Ipv6Address { get; set; }

    /// <summary>AssignIpv6Addresses: how many random addresses, 1-10.</summary>
    public int? Ipv6AddressCount { get; set; }

    /// <summary>Accepted, no effect (IPv6 prefixes are not modelled).</summary>
    public List<string>? Ipv6Prefix { get; set; }

    /// <summary>Accepted, no effect (IPv6 prefixes are not modelled).</summary>
    public int? Ipv6PrefixCount { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public string? ClientToken { get; set; }
}

public sealed class Ipv6AddressesValidator : AcsValidator<Ipv6AddressesRequest>
{
    public Ipv6AddressesValidator()
    {
        RuleFor(r => r.Ipv6Address).MaxItems(Ipv6Allocator.MaxAvailable, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.Ipv6Prefix).MaxItems(Ipv6Allocator.MaxAvailable, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.NetworkInterfaceId).Required();
        RuleFor(r => r.Ipv6AddressCount).InclusiveBetween(1, Ipv6Allocator.MaxAvailable).Raises(AcsErrors.InvalidParameter);
    }
}

public sealed class AssignIpv6AddressesResponse : AcsResponse
{
    public required string NetworkInterfaceId { get; init; }

    public required AssignedIpv6Sets Ipv6Sets { get; init; }

    public AssignedIpv6PrefixSets Ipv6PrefixSets { get; init; } = new([]);
}

public sealed record AssignedIpv6Sets(IReadOnlyList<string> Ipv6Address);

public sealed record AssignedIpv6PrefixSets(IReadOnlyList<string> Ipv6Prefix);
