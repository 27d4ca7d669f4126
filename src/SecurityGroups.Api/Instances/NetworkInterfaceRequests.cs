using Microsoft.Extensions.Options;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Instances;
using SecurityGroups.Domain.Quotas;

namespace SecurityGroups.Api.Instances;

public sealed class CreateNetworkInterfaceRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The vSwitch. Required.</summary>
    public string? VSwitchId { get; set; }

    /// <summary>A group of the same VPC (or <c>SecurityGroupIds.N</c>).</summary>
    [RequiredUnless("SecurityGroupIds")]
    public string? SecurityGroupId { get; set; }

    /// <summary>Groups, <c>SecurityGroupIds.N</c>.</summary>
    public List<string>? SecurityGroupIds { get; set; }

    /// <summary>A fixed primary private IP.</summary>
    public string? PrimaryIpAddress { get; set; }

    /// <summary>Fixed secondary private IPs, <c>PrivateIpAddress.N</c>.</summary>
    public List<string>? PrivateIpAddress { get; set; }

    /// <summary>How many secondary private IPs to allocate.</summary>
    public int? SecondaryPrivateIpAddressCount { get; set; }

    public string? NetworkInterfaceName { get; set; }

    public string? Description { get; set; }

    public string? ResourceGroupId { get; set; }

    public string? ClientToken { get; set; }

    public List<TagParameter>? Tag { get; set; }

    /// <summary>Queues of the ENI, 1-256 (stored and shown; no effect here).</summary>
    public int? QueueNumber { get; set; }

    /// <summary>Source/destination check (stored and shown; no effect here).</summary>
    public bool? SourceDestCheck { get; set; }

    /// <summary>Release with the instance it is attached to (default true); false: detached and kept when the instance is deleted.</summary>
    public bool? DeleteOnRelease { get; set; }

    /// <summary><c>Standard</c> (default), <c>HighPerformance</c> or <c>HighPerformanceRDMA</c> (stored and shown).</summary>
    public string? NetworkInterfaceTrafficMode { get; set; }

    /// <summary><c>Secondary</c> (default) or <c>Trunk</c>; accepted, every created ENI is <c>Secondary</c>.</summary>
    public string? InstanceType { get; set; }

    /// <summary>IPv6 addresses of the vSwitch's /64, <c>Ipv6Address.N</c> (refused on a vSwitch without IPv6: <c>InvalidVSwitch.Ipv6NotTurnOn</c>).</summary>
    public List<string>? Ipv6Address { get; set; }

    /// <summary>How many random IPv6 addresses of the vSwitch's /64, 1-10 (refused on a vSwitch without IPv6).</summary>
    public int? Ipv6AddressCount { get; set; }

    /// <summary>Accepted, no effect (IPv4 prefixes are not modelled).</summary>
    public List<string>? Ipv4Prefix { get; set; }

    /// <summary>Accepted, no effect (IPv4 prefixes are not modelled).</summary>
    public int? Ipv4PrefixCount { get; set; }

    /// <summary>Accepted, no effect (IPv6 prefixes are not modelled).</summary>
    public List<string>? Ipv6Prefix { get; set; }

    /// <summary>Accepted, no effect (IPv6 prefixes are not modelled).</summary>
    public int? Ipv6PrefixCount { get; set; }

    /// <summary>Accepted, no effect (no primary IPv6 here).</summary>
    public bool? EnablePrimaryIPv6 { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public string? BusinessType { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public bool? Visible { get; set; }

    /// <summary>ERI queue pairs, 0-256 (0: not set; stored and shown; no effect here). Default: <c>NetworkInterfaceTrafficConfig.QueuePairNumber</c>.</summary>
    public int? QueuePairNumber { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public int? RxQueueSize { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public int? TxQueueSize { get; set; }

    /// <summary>Accepted, no effect (connection tracking is not modelled): <c>ConnectionTrackingConfiguration.*</c>.</summary>
    public ConnectionTrackingParameter? ConnectionTrackingConfiguration { get; set; }

    /// <summary>Accepted, no effect: <c>EnhancedNetwork.*</c>.</summary>
    public EnhancedNetworkParameter? EnhancedNetwork { get; set; }

    /// <summary><c>NetworkInterfaceTrafficConfig.*</c>: <c>QueuePairNumber</c> when the top-level one is absent; the rest accepted, no
    /// effect (use <c>NetworkInterfaceTrafficMode</c> and <c>QueueNumber</c>).</summary>
    public NetworkInterfaceTrafficConfigParameter? NetworkInterfaceTrafficConfig { get; set; }

    internal NetworkInterfaceOptions Options() => new(QueueNumber, SourceDestCheck, DeleteOnRelease, NetworkInterfaceTrafficMode)
    {
        QueuePairNumber = QueuePairNumber ?? NetworkInterfaceTrafficConfig?.QueuePairNumber,
    };

    internal IReadOnlyList<string> Groups() =>
        SecurityGroupIds is { Count: > 0 } ? SecurityGroupIds : string.IsNullOrEmpty(SecurityGroupId) ? [] : [SecurityGroupId];
}

public sealed class CreateNetworkInterfaceValidator : AcsValidator<CreateNetworkInterfaceRequest>
{
    public CreateNetworkInterfaceValidator(IOptions<QuotaOptions> quotas)
    {
        RuleFor(r => r.SecurityGroupIds).MaxItems(_ => quotas.Value.SecurityGroupsPerNetworkInterface, AcsErrors.InstanceSecurityGroupLimitExceeded);
        RuleFor(r => r.PrivateIpAddress).MaxItems(ListBounds.PrivateIps, AcsErrors.InvalidPrivateIpCount);
        RuleFor(r => r.Tag).MaxItems(_ => quotas.Value.TagsPerResource, AcsErrors.NumberExceedTags);
        RuleFor(r => r.Ipv6Address).MaxItems(Ipv6Allocator.MaxAvailable, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.Ipv4Prefix).MaxItems(Ipv6Allocator.MaxAvailable, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.Ipv6Prefix).MaxItems(Ipv6Allocator.MaxAvailable, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.VSwitchId).Required();
        RuleFor(r => r.QueueNumber).InclusiveBetween(1, 256).Raises(AcsErrors.InvalidQueueNumber);
        RuleFor(r => r.QueuePairNumber).InclusiveBetween(0, 256).Raises(AcsErrors.InvalidQueuePairNumber);
        RuleFor(r => r.NetworkInterfaceTrafficConfig!.QueuePairNumber).InclusiveBetween(0, 256).Raises(AcsErrors.InvalidQueuePairNumber)
            .When(r => r.NetworkInterfaceTrafficConfig is not null);
        RuleFor(r => r.Ipv6AddressCount).InclusiveBetween(1, Ipv6Allocator.MaxAvailable).Raises(AcsErrors.InvalidParameter);
        RuleFor(r => r.NetworkInterfaceTrafficMode).Must(NetworkInterfaceOptionsRules.IsTrafficMode).Raises(AcsErrors.InvalidNetworkInterfaceTrafficMode);
        RuleFor(r => r.NetworkInterfaceName).NetworkInterfaceName();
        RuleFor(r => r.Description).NetworkInterfaceDescription();
    }
}

/// <summary>ENI names and descriptions (CreateNetworkInterface, RunInstances' <c>NetworkInterface.N</c>).</summary>
public static class NetworkInterfaceTextRules
{
    /// <summary>2-128 characters starting with a letter, not http(s)://: <c>InvalidNetworkInterfaceName.Malformed</c>.</summary>
    public static IRuleBuilderOptions<T, string?> NetworkInterfaceName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrEmpty(v) || AcsText.IsName(v, 2, 128)).Raises(AcsErrors.InvalidNetworkInterfaceNameMalformed);

    /// <summary>2-256 characters, not http(s)://: <c>InvalidDescription.Malformed</c>.</summary>
    public static IRuleBuilderOptions<T, string?> NetworkInterfaceDescription<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrEmpty(v) || AcsText.IsText(v, 2, 256)).Raises(AcsErrors.InvalidDescriptionMalformed);
}

/// <summary><c>ConnectionTrackingConfiguration.*</c> (accepted, no effect).</summary>
public sealed class ConnectionTrackingParameter
{
    public int? TcpClosedAndTimeWaitTimeout { get; set; }

    public int? TcpEstablishedTimeout { get; set; }

    public int? UdpTimeout { get; set; }
}

/// <summary><c>EnhancedNetwork.*</c> (accepted, no effect).</summary>
public sealed class EnhancedNetworkParameter
{
    public bool? EnableSriov { get; set; }

    public bool? EnableRss { get; set; }

    public bool? EnableExpress { get; set; }

    public int? VirtualFunctionQuantity { get; set; }

    public int? VirtualFunctionTotalQueueNumber { get; set; }
}

/// <summary><c>NetworkInterfaceTrafficConfig.*</c>: <c>QueuePairNumber</c> is stored (CreateNetworkInterface, ModifyNetworkInterfaceAttribute); the rest is accepted, no effect.</summary>
public sealed class NetworkInterfaceTrafficConfigParameter
{
    public string? NetworkInterfaceTrafficMode { get; set; }

    public int? QueueNumber { get; set; }

    public int? QueuePairNumber { get; set; }

    public int? RxQueueSize { get; set; }

    public int? TxQueueSize { get; set; }
}

internal static class NetworkInterfaceOptionsRules
{
    public static bool IsTrafficMode(string? mode) => mode is null or "Standard" or "HighPerformance" or "HighPerformanceRDMA";
}

/// <summary>What CreateNetworkInterface, DescribeNetworkInterfaces and DescribeNetworkInterfaceAttribute all show of an ENI.</summary>
public abstract class NetworkInterfaceCore : AcsResponse
{
    public string NetworkInterfaceId { get; protected set; } = "";
    public string NetworkInterfaceName { get; protected set; } = "";
    public string Description { get; protected set; } = "";
    public string Type { get; protected set; } = "";
    public string Status { get; protected set; } = "";
    public string VpcId { get; protected set; } = "";
    public string VSwitchId { get; protected set; } = "";
    public string ZoneId { get; protected set; } = "";
    public string PrivateIpAddress { get; protected set; } = "";
    public string MacAddress { get; protected set; } = "";
    public string OwnerId { get; protected set; } = "";
    public string ResourceGroupId { get; protected set; } = "";
    public bool ServiceManaged { get; protected set; }
    public bool SourceDestCheck { get; protected set; }
    public SecurityGroupIdList SecurityGroupIds { get; protected set; } = new([]);
    public Ipv6SetList Ipv6Sets { get; protected set; } = new([]);
    public Ipv4PrefixSetList Ipv4PrefixSets { get; protected set; } = new([]);
    public Ipv6PrefixSetList Ipv6PrefixSets { get; protected set; } = new([]);
    public EcsTags Tags { get; protected set; } = new([]);

    protected void Fill(NetworkInterfaceView view)
    {
        NetworkInterfaceId = view.Eni.NetworkInterfaceId;
        NetworkInterfaceName = view.Eni.NetworkInterfaceName;
        Description = view.Eni.Description;
        Type = view.Eni.Type;
        Status = view.Eni.Status;
        VpcId = view.Eni.VpcId;
        VSwitchId = view.Eni.VSwitchId;
        ZoneId = view.Eni.ZoneId;
        PrivateIpAddress = view.Ips.FirstOrDefault(ip => ip.IsPrimary)?.Address ?? "";
        MacAddress = view.Eni.MacAddress;
        OwnerId = view.Eni.AccountId;
        ResourceGroupId = view.Eni.ResourceGroupId;
        SourceDestCheck = view.Eni.SourceDestCheck;
        SecurityGroupIds = new SecurityGroupIdList(view.SecurityGroupIds);
        Ipv6Sets = Ipv6SetList.Of(view.Ipv6Addresses);
        Tags = EcsTags.From(view.Tags);
    }
}

/// <summary>An ENI as the reads (DescribeNetworkInterfaces, DescribeNetworkInterfaceAttribute) show it: with its attachment,
/// public-IP object, per-IP objects and the stored options. The attachment's shape differs between the two reads.</summary>
public abstract class NetworkInterfaceRead<TAttachment> : NetworkInterfaceCore
{
    public string InstanceId { get; protected set; } = "";
    public string CreationTime { get; protected set; } = "";
    public bool DeleteOnRelease { get; protected set; }
    public int QueueNumber { get; protected set; }
    public int QueuePairNumber { get; protected set; }
    public string NetworkInterfaceTrafficMode { get; protected set; } = "Standard";
    public AssociatedPublicIp AssociatedPublicIp { get; protected set; } = AssociatedPublicIp.None;
    public required TAttachment Attachment { get; init; }

    protected void FillRead(NetworkInterfaceView view)
    {
        Fill(view);
        InstanceId = view.Eni.InstanceId;
        CreationTime = AcsTime.Seconds(view.Eni.CreatedAt);
        DeleteOnRelease = view.Eni.DeleteOnRelease;
        QueueNumber = view.Eni.QueueNumber;
        QueuePairNumber = view.Eni.QueuePairNumber;
        NetworkInterfaceTrafficMode = view.Eni.NetworkInterfaceTrafficMode;
    }
}

/// <summary>One item of DescribeNetworkInterfaces (its RequestId stays null, so it is not written).</summary>
public sealed class NetworkInterfaceSetItem : NetworkInterfaceRead<EniAttachment>
{
    public required EniPrivateIpSetList PrivateIpSets { get; init; }

    public static NetworkInterfaceSetItem From(NetworkInterfaceView view)
    {
        var item = new NetworkInterfaceSetItem
        {
            PrivateIpSets = new EniPrivateIpSetList(view.Ips.Select(ip => new EniPrivateIpSetItem(ip.Address, ip.IsPrimary, "", AssociatedPublicIp.None)).ToList()),
            Attachment = string.IsNullOrEmpty(view.Eni.InstanceId) ? EniAttachment.None : new EniAttachment(view.Eni.InstanceId, view.Eni.DeviceIndex, 0, ""),
        };
        item.FillRead(view);
        return item;
    }
}

/// <summary>One private IP of an ENI, as DescribeNetworkInterfaces shows it (with its empty public-IP object).</summary>
public sealed record EniPrivateIpSetItem(string PrivateIpAddress, bool Primary, string PrivateDnsName, AssociatedPublicIp AssociatedPublicIp);

public sealed record EniPrivateIpSetList(IReadOnlyList<EniPrivateIpSetItem> PrivateIpSet);

/// <summary>An EIP bound to an ENI or one of its IPs: always an object, empty strings here (no EIPs are emulated).</summary>
public sealed record AssociatedPublicIp(string PublicIpAddress, string AllocationId)
{
    public static readonly AssociatedPublicIp None = new("", "");
}

/// <summary>
/// The instance an ENI is attached to. Always an object: Terraform's provider type-asserts it as a map when present.
/// Empty strings and zeros when the ENI is detached.
/// </summary>
public sealed record EniAttachment(string InstanceId, int DeviceIndex, int NetworkCardIndex, string TrunkNetworkInterfaceId)
{
    public static readonly EniAttachment None = new("", 0, 0, "");
}

/// <summary>One IPv6 address of an ENI; <c>Primary</c> is always false (no primary IPv6 here: <c>EnablePrimaryIPv6</c> is accepted, no effect).</summary>
public sealed record Ipv6SetItem(string Ipv6Address, bool Primary);

public sealed record Ipv6SetList(IReadOnlyList<Ipv6SetItem> Ipv6Set)
{
    public static Ipv6SetList Of(IReadOnlyList<string> addresses) => new(addresses.Select(a => new Ipv6SetItem(a, false)).ToList());
}

public sealed record Ipv4PrefixSetItem(string Ipv4Prefix);

public sealed record Ipv4PrefixSetList(IReadOnlyList<Ipv4PrefixSetItem> Ipv4PrefixSet);

public sealed record Ipv6PrefixSetItem(string Ipv6Prefix);

public sealed record Ipv6PrefixSetList(IReadOnlyList<Ipv6PrefixSetItem> Ipv6PrefixSet);

/// <summary>CreateNetworkInterface's answer: the new ENI without the read-only fields (attachment, creation time, stored options).</summary>
public sealed class CreateNetworkInterfaceResponse : NetworkInterfaceCore
{
    public CreatedPrivateIpSetList PrivateIpSets { get; init; } = new([]);

    public static CreateNetworkInterfaceResponse From(NetworkInterfaceView view)
    {
        var response = new CreateNetworkInterfaceResponse
        {
            PrivateIpSets = new CreatedPrivateIpSetList(view.Ips.Select(ip => new CreatedPrivateIpSetItem(ip.Address, ip.IsPrimary)).ToList()),
        };
        response.Fill(view);
        return response;
    }
}

public sealed record CreatedPrivateIpSetItem(string PrivateIpAddress, bool Primary);

public sealed record CreatedPrivateIpSetList(IReadOnlyList<CreatedPrivateIpSetItem> PrivateIpSet);


public sealed class DescribeNetworkInterfacesRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>ENI IDs, <c>NetworkInterfaceId.N</c>.</summary>
    public List<string>? NetworkInterfaceId { get; set; }

    public string? InstanceId { get; set; }

    public string? VpcId { get; set; }

    public string? VSwitchId { get; set; }

    public string? SecurityGroupId { get; set; }

    /// <summary><c>Primary</c> or <c>Secondary</c>.</summary>
    public string? Type { get; set; }

    /// <summary><c>Available</c> or <c>InUse</c>.</summary>
    public string? Status { get; set; }

    public string? PrimaryIpAddress { get; set; }

    public string? NetworkInterfaceName { get; set; }

    /// <summary>ENIs holding any of these private IPs (primary or secondary), <c>PrivateIpAddress.N</c>, N = 1..100.</summary>
    public List<string>? PrivateIpAddress { get; set; }

    /// <summary>ENIs holding any of these IPv6 addresses, <c>Ipv6Address.N</c>, N = 1..100.</summary>
    public List<string>? Ipv6Address { get; set; }

    public string? ResourceGroupId { get; set; }

    /// <summary>true: ENIs managed by a cloud service (none here, so nothing); false or absent: no filter.</summary>
    public bool? ServiceManaged { get; set; }

    public int? PageNumber { get; set; }

    /// <summary>1-500 (default 10).</summary>
    public int? PageSize { get; set; }

    /// <summary>Token paging: 1-500.</summary>
    public int? MaxResults { get; set; }

    public string? NextToken { get; set; }

    public List<TagParameter>? Tag { get; set; }
}

public sealed class DescribeNetworkInterfacesValidator : AcsValidator<DescribeNetworkInterfacesRequest>
{
    public DescribeNetworkInterfacesValidator()
    {
        RuleFor(r => r.NetworkInterfaceId).MaxItems(ListBounds.Ids, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.PrivateIpAddress).MaxItems(ListBounds.Ids, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.Ipv6Address).MaxItems(ListBounds.Ids, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.Tag).MaxItems(ListBounds.Tags, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.MaxResults).InclusiveBetween(1, 500).Raises(AcsErrors.InvalidParameterMaxResults);
    }
}

public sealed class DescribeNetworkInterfacesResponse : AcsResponse
{
    public int? TotalCount { get; init; }

    public int? PageNumber { get; init; }

    public int? PageSize { get; init; }

    public string? NextToken { get; init; }

    public required NetworkInterfaceSetList NetworkInterfaceSets { get; init; }

    public static DescribeNetworkInterfacesResponse From(Listing<NetworkInterfaceView> listing) => new()
    {
        TotalCount = listing.TotalCount,
        PageNumber = listing.Page?.PageNumber,
        PageSize = listing.Page?.PageSize,
        NextToken = listing.NextToken,
        NetworkInterfaceSets = DerivedOnce<Listing<NetworkInterfaceView>, NetworkInterfaceSetList>.Get(listing,
            l => new NetworkInterfaceSetList(l.Items.Select(NetworkInterfaceSetItem.From).ToList())),
        RenderedFrom = new RenderedFrom(listing, ""),
    };
}

public sealed record NetworkInterfaceSetList(IReadOnlyList<NetworkInterfaceSetItem> NetworkInterfaceSet);

public class NetworkInterfaceIdRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The ENI. Required.</summary>
    public string? NetworkInterfaceId { get; set; }

    /// <summary>The instance (Attach/DetachNetworkInterface).</summary>
    public string? InstanceId { get; set; }
}

/// <summary>The rules of every <see cref="NetworkInterfaceIdRequest"/>, the Attach/Detach forms included.</summary>
public abstract class NetworkInterfaceIdRules<T> : AcsValidator<T>
    where T : NetworkInterfaceIdRequest
{
    protected NetworkInterfaceIdRules()
    {
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.NetworkInterfaceId).Required();
    }
}

public sealed class NetworkInterfaceIdValidator : NetworkInterfaceIdRules<NetworkInterfaceIdRequest>;

public sealed class AttachNetworkInterfaceRequest : NetworkInterfaceIdRequest
{
    /// <summary>Network card of the instance: Accepted; no effect here (instances have one).</summary>
    public int? NetworkCardIndex { get; set; }

    /// <summary>Trunk ENI: Accepted; no effect here (trunk ENIs are not modelled).</summary>
    public string? TrunkNetworkInstanceId { get; set; }

    /// <summary>Accepted; no effect here (the attachment is ready at once).</summary>
    public bool? WaitForNetworkConfigurationReady { get; set; }
}

public sealed class AttachNetworkInterfaceValidator : NetworkInterfaceIdRules<AttachNetworkInterfaceRequest>;

public sealed class DetachNetworkInterfaceRequest : NetworkInterfaceIdRequest
{
    /// <summary>Trunk ENI: Accepted; no effect here (trunk ENIs are not modelled).</summary>
    public string? TrunkNetworkInstanceId { get; set; }
}

public sealed class DetachNetworkInterfaceValidator : NetworkInterfaceIdRules<DetachNetworkInterfaceRequest>;

public sealed class PrivateIpAddressesRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The ENI. Required.</summary>
    public string? NetworkInterfaceId { get; set; }

    /// <summary>Addresses, <c>PrivateIpAddress.N</c>.</summary>
    public List<string>? PrivateIpAddress { get; set; }

    /// <summary>AssignPrivateIpAddresses: how many to allocate.</summary>
    public int? SecondaryPrivateIpAddressCount { get; set; }

    /// <summary>IPv4 prefixes, <c>Ipv4Prefix.N</c>, N = 1..10: Accepted; no effect here (prefixes are not modelled).</summary>
    public List<string>? Ipv4Prefix { get; set; }

    /// <summary>AssignPrivateIpAddresses: how many IPv4 prefixes, 1-10: Accepted; no effect here (prefixes are not modelled).</summary>
    public int? Ipv4PrefixCount { get; set; }

    public string? ClientToken { get; set; }
}

public sealed class PrivateIpAddressesValidator : AcsValidator<PrivateIpAddressesRequest>
{
    public PrivateIpAddressesValidator()
    {
        RuleFor(r => r.PrivateIpAddress).MaxItems(ListBounds.PrivateIps, AcsErrors.InvalidPrivateIpCount);
        RuleFor(r => r.Ipv4Prefix).MaxItems(ListBounds.Ipv4Prefixes, AcsErrors.InvalidParameter);
        RuleFor(r => r.Ipv4PrefixCount).InclusiveBetween(1, ListBounds.Ipv4Prefixes).Raises(AcsErrors.InvalidParameter);
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.NetworkInterfaceId).Required();
    }
}

public sealed class AssignPrivateIpAddressesResponse : AcsResponse
{
    public required AssignedPrivateIpAddressesSet AssignedPrivateIpAddressesSet { get; init; }
}

/// <summary>Ipv4PrefixSet is always present (Alibaba sends it, empty when no prefix was asked for; prefixes are not modelled).</summary>
public sealed record AssignedPrivateIpAddressesSet(string NetworkInterfaceId, AssignedPrivateIpSet PrivateIpSet)
{
    public AssignedIpv4PrefixSet Ipv4PrefixSet { get; init; } = AssignedIpv4PrefixSet.Empty;
}

public sealed record AssignedIpv4PrefixSet(IReadOnlyList<string> Ipv4Prefixes)
{
    public static readonly AssignedIpv4PrefixSet Empty = new([]);
}

public sealed record AssignedPrivateIpSet(IReadOnlyList<string> PrivateIpAddress);

public sealed class ModifyNetworkInterfaceAttributeRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The ENI. Required.</summary>
    public string? NetworkInterfaceId { get; set; }

    /// <summary>The ENI's whole new set of groups, <c>SecurityGroupId.N</c>.</summary>
    public List<string>? SecurityGroupId { get; set; }

    /// <summary>2-128 characters, starting with a letter, not http(s):// (else <c>InvalidParams.NetworkInterfaceName</c>, 403).</summary>
    public string? NetworkInterfaceName { get; set; }

    /// <summary>2-255 characters, not http(s):// (else <c>InvalidDescription.Malformed</c>).</summary>
    public string? Description { get; set; }

    /// <summary>Queues of the ENI, 1-256 (stored and shown; no effect here).</summary>
    public int? QueueNumber { get; set; }

    /// <summary>Source/destination check (stored and shown; no effect here).</summary>
    public bool? SourceDestCheck { get; set; }

    /// <summary>Release with the instance it is attached to; false: detached and kept when the instance is deleted.</summary>
    public bool? DeleteOnRelease { get; set; }

    /// <summary><c>ConnectionTrackingConfiguration.*</c>: Accepted; no effect here.</summary>
    public ConnectionTrackingParameter? ConnectionTrackingConfiguration { get; set; }

    /// <summary>Accepted; no effect here.</summary>
    public bool? EnablePrimaryIPv6 { get; set; }

    /// <summary><c>EnhancedNetwork.*</c>: Accepted; no effect here.</summary>
    public EnhancedNetworkParameter? EnhancedNetwork { get; set; }

    /// <summary><c>NetworkInterfaceTrafficConfig.*</c>: <c>QueuePairNumber</c> (ERI queue pairs, 0-256, 0: not set) is stored and
    /// shown; the rest is accepted with no effect here.</summary>
    public NetworkInterfaceTrafficConfigParameter? NetworkInterfaceTrafficConfig { get; set; }

    /// <summary>Receive queue depth: Accepted; no effect here.</summary>
    public int? RxQueueSize { get; set; }

    /// <summary>Transmit queue depth: Accepted; no effect here.</summary>
    public int? TxQueueSize { get; set; }

    internal NetworkInterfaceOptions Options() => new(QueueNumber, SourceDestCheck, DeleteOnRelease)
    {
        QueuePairNumber = NetworkInterfaceTrafficConfig?.QueuePairNumber,
    };
}

public sealed class ModifyNetworkInterfaceAttributeValidator : AcsValidator<ModifyNetworkInterfaceAttributeRequest>
{
    public ModifyNetworkInterfaceAttributeValidator(IOptions<QuotaOptions> quotas)
    {
        RuleFor(r => r.SecurityGroupId).MaxItems(_ => quotas.Value.SecurityGroupsPerNetworkInterface, AcsErrors.InstanceSecurityGroupLimitExceeded);
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.NetworkInterfaceId).Required();
        RuleFor(r => r.NetworkInterfaceName).AcsName(2, 128).Raises(AcsErrors.InvalidParamsNetworkInterfaceName);
        RuleFor(r => r.Description).AcsText(2, 255).Raises(AcsErrors.InvalidDescriptionMalformed);
        RuleFor(r => r.QueueNumber).InclusiveBetween(1, 256).Raises(AcsErrors.InvalidQueueNumber);
        RuleFor(r => r.NetworkInterfaceTrafficConfig!.QueuePairNumber).InclusiveBetween(0, 256).Raises(AcsErrors.InvalidQueuePairNumber)
            .When(r => r.NetworkInterfaceTrafficConfig is not null);
    }
}
