using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.SecurityGroups;

namespace SecurityGroups.Domain.Rules;

/// <summary>Modify*Rule: the fields a request gives replace the rule's, within Alibaba's limits on what may change.</summary>
internal static class RuleMerge
{
    public static PermissionInput Apply(SecurityGroupRule rule, PermissionInput input)
    {
        var ingress = rule.Direction == Directions.Ingress;
        var current = From(rule);
        var peerGiven = ingress
            ? Kind(input.SourceCidrIp, input.Ipv6SourceCidrIp, input.SourceGroupId, input.SourcePrefixListId)
            : Kind(input.DestCidrIp, input.Ipv6DestCidrIp, input.DestGroupId, input.DestPrefixListId);
        if (peerGiven is { } kind && kind != RuleShape.PeerKindOf(rule))
        {
            throw new AcsException(AcsErrors.InvalidOperationModifySgRuleEntityType);
        }

        if (!string.IsNullOrEmpty(input.NicType) && input.NicType != rule.NicType)
        {
            throw new AcsException(AcsErrors.InvalidOperationModifyNicType);
        }

        if ((rule.PortRangeListId.Length > 0 && !string.IsNullOrEmpty(input.PortRange))
            || (rule.PortRangeListId.Length == 0 && !string.IsNullOrEmpty(input.PortRangeListId)))
        {
            throw new AcsException(AcsErrors.InvalidOperationModifyPortRangeType);
        }

        var merged = current with
        {
            Policy = input.Policy ?? current.Policy,
            Priority = input.Priority ?? current.Priority,
            IpProtocol = input.IpProtocol ?? current.IpProtocol,
            PortRange = input.PortRange ?? current.PortRange,
            PortRangeListId = input.PortRangeListId ?? current.PortRangeListId,
            SourcePortRange = input.SourcePortRange ?? current.SourcePortRange,
            Description = input.Description ?? current.Description,
        };
        merged = ingress
            ? merged with { DestCidrIp = input.DestCidrIp ?? current.DestCidrIp, Ipv6DestCidrIp = input.Ipv6DestCidrIp ?? current.Ipv6DestCidrIp }
            : merged with { SourceCidrIp = input.SourceCidrIp ?? current.SourceCidrIp, Ipv6SourceCidrIp = input.Ipv6SourceCidrIp ?? current.Ipv6SourceCidrIp };
        if (peerGiven is null)
        {
            return merged;
        }

        return ingress
            ? merged with
            {
                SourceCidrIp = input.SourceCidrIp, Ipv6SourceCidrIp = input.Ipv6SourceCidrIp, SourceGroupId = input.SourceGroupId,
                SourceGroupOwnerId = input.SourceGroupOwnerId, SourceGroupOwnerAccount = input.SourceGroupOwnerAccount, SourcePrefixListId = input.SourcePrefixListId,
            }
            : merged with
            {
                DestCidrIp = input.DestCidrIp, Ipv6DestCidrIp = input.Ipv6DestCidrIp, DestGroupId = input.DestGroupId,
                DestGroupOwnerId = input.DestGroupOwnerId, DestGroupOwnerAccount = input.DestGroupOwnerAccount, DestPrefixListId = input.DestPrefixListId,
            };
    }

    /// <summary>Copies a rebuilt rule's fields into the stored one (ID and creation time stay).</summary>
    public static void CopyInto(SecurityGroupRule from, SecurityGroupRule to)
    {
        to.Policy = from.Policy;
        to.Priority = from.Priority;
        to.IpProtocol = from.IpProtocol;
        to.PortRange = from.PortRange;
        to.PortRangeListId = from.PortRangeListId;
        to.SourcePortRange = from.SourcePortRange;
        to.SourceCidrIp = from.SourceCidrIp;
        to.Ipv6SourceCidrIp = from.Ipv6SourceCidrIp;
        to.DestCidrIp = from.DestCidrIp;
        to.Ipv6DestCidrIp = from.Ipv6DestCidrIp;
        to.SourceGroupId = from.SourceGroupId;
        to.SourceGroupOwnerAccount = from.SourceGroupOwnerAccount;
        to.SourceGroupOwnerId = from.SourceGroupOwnerId;
        to.DestGroupId = from.DestGroupId;
        to.DestGroupOwnerAccount = from.DestGroupOwnerAccount;
        to.DestGroupOwnerId = from.DestGroupOwnerId;
        to.SourcePrefixListId = from.SourcePrefixListId;
        to.DestPrefixListId = from.DestPrefixListId;
        to.NicType = from.NicType;
        to.Description = from.Description;
    }

    /// <summary>A stored rule as request fields (empty fields absent).</summary>
    public static PermissionInput From(SecurityGroupRule r) => new()
    {
        Policy = r.Policy,
        Priority = r.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture),
        IpProtocol = r.IpProtocol,
        PortRange = NullIfEmpty(r.PortRange),
        PortRangeListId = NullIfEmpty(r.PortRangeListId),
        SourcePortRange = NullIfEmpty(r.SourcePortRange),
        SourceCidrIp = NullIfEmpty(r.SourceCidrIp),
        Ipv6SourceCidrIp = NullIfEmpty(r.Ipv6SourceCidrIp),
        SourceGroupId = NullIfEmpty(r.SourceGroupId),
        SourceGroupOwnerId = NullIfEmpty(r.SourceGroupOwnerId),
        SourceGroupOwnerAccount = NullIfEmpty(r.SourceGroupOwnerAccount),
        SourcePrefixListId = NullIfEmpty(r.SourcePrefixListId),
        DestCidrIp = NullIfEmpty(r.DestCidrIp),
        Ipv6DestCidrIp = NullIfEmpty(r.Ipv6DestCidrIp),
        DestGroupId = NullIfEmpty(r.DestGroupId),
        DestGroupOwnerId = NullIfEmpty(r.DestGroupOwnerId),
        DestGroupOwnerAccount = NullIfEmpty(r.DestGroupOwnerAccount),
        DestPrefixListId = NullIfEmpty(r.DestPrefixListId),
        NicType = r.NicType,
        Description = NullIfEmpty(r.Description),
    };

    private static PeerKind? Kind(string? cidr, string? ipv6, string? group, string? prefixList) =>
        !string.IsNullOrEmpty(cidr) ? PeerKind.Ipv4
        : !string.IsNullOrEmpty(ipv6) ? PeerKind.Ipv6
        : !string.IsNullOrEmpty(group) ? PeerKind.Group
        : !string.IsNullOrEmpty(prefixList) ? PeerKind.PrefixList
        : null;

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
