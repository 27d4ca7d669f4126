using SecurityGroups.Domain.SecurityGroups;

namespace SecurityGroups.Domain.Rules;

/// <summary>
/// What makes two rules "the same" (docs/rules.md): direction, protocol, port range or port list, source port range,
/// the authorization object (CIDR, IPv6 CIDR, group with its owner, or prefix list), the quintuple address, NicType,
/// policy and priority. The description is not part of it.
/// </summary>
public readonly record struct RuleKey(string Direction, string IpProtocol, string PortRange, string PortRangeListId, string SourcePortRange,
    string SourceCidrIp, string Ipv6SourceCidrIp, string SourceGroupId, string SourceGroupOwnerId, string SourcePrefixListId,
    string DestCidrIp, string Ipv6DestCidrIp, string DestGroupId, string DestGroupOwnerId, string DestPrefixListId,
    string NicType, string Policy, int Priority)
{
    public static RuleKey Of(SecurityGroupRule r) => new(r.Direction, r.IpProtocol, r.PortRange, r.PortRangeListId, r.SourcePortRange,
        r.SourceCidrIp, r.Ipv6SourceCidrIp, r.SourceGroupId, r.SourceGroupOwnerId, r.SourcePrefixListId,
        r.DestCidrIp, r.Ipv6DestCidrIp, r.DestGroupId, r.DestGroupOwnerId, r.DestPrefixListId, r.NicType, r.Policy, r.Priority);
}

/// <summary>The kind of a rule's authorization object; Modify*Rule may not change it.</summary>
public enum PeerKind
{
    Ipv4,
    Ipv6,
    Group,
    PrefixList,
}

public static class RuleShape
{
    public static PeerKind PeerKindOf(SecurityGroupRule r)
    {
        var ingress = r.Direction == Directions.Ingress;
        var (cidr, ipv6, group) = ingress ? (r.SourceCidrIp, r.Ipv6SourceCidrIp, r.SourceGroupId) : (r.DestCidrIp, r.Ipv6DestCidrIp, r.DestGroupId);
        return cidr.Length > 0 ? PeerKind.Ipv4 : ipv6.Length > 0 ? PeerKind.Ipv6 : group.Length > 0 ? PeerKind.Group : PeerKind.PrefixList;
    }
}
