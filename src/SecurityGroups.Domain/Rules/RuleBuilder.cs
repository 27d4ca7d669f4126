using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Lists;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.SecurityGroups;
using SecurityGroups.RuleEngine;

namespace SecurityGroups.Domain.Rules;

/// <summary>A validated rule and how many rules it counts as against the quota (a list counts as its MaxEntries).</summary>
public sealed record BuiltRule(SecurityGroupRule Rule, int Units);

/// <summary>
/// Turns a request's rule into a stored rule with every one of Alibaba's checks: policy, priority, protocol and ports
/// (the rule engine's parsers), the authorization object and its precedence (CIDR, then IPv6 CIDR, then group, then
/// prefix list), address families, group references (same VPC, not enterprise, not itself) and lists.
/// </summary>
public sealed class RuleBuilder(EmulatorDbContext db, ICaller caller, TimeProvider clock)
{
    public async Task<BuiltRule> BuildAsync(SecurityGroup group, string direction, PermissionInput input, bool modify, CancellationToken ct)
    {
        var ingress = direction == Directions.Ingress;
        var rule = new SecurityGroupRule
        {
            SecurityGroupRuleId = ResourceIds.New("sgr"),
            SecurityGroupId = group.SecurityGroupId,
            AccountId = group.AccountId,
            Direction = direction,
            Policy = ParsePolicy(input.Policy),
            Priority = ParsePriority(input.Priority),
            Description = ParseDescription(input.Description),
            CreatedAt = AcsTime.Now(clock),
        };

        var protocol = string.IsNullOrEmpty(input.IpProtocol) ? throw new AcsException(AcsErrors.MissingParameter, "IpProtocol")
            : IpProtocol.TryParse(input.IpProtocol, out var p) ? p : throw new AcsException(AcsErrors.InvalidIpProtocolValueNotSupported);
        rule.IpProtocol = protocol.Name;
        var units = await PortsAsync(rule, group, protocol, input, modify, ct).ConfigureAwait(false);

        var peer = ingress
            ? (Cidr: input.SourceCidrIp, Ipv6: input.Ipv6SourceCidrIp, Group: input.SourceGroupId, Owner: input.SourceGroupOwnerId, OwnerAccount: input.SourceGroupOwnerAccount, PrefixList: input.SourcePrefixListId)
            : (Cidr: input.DestCidrIp, Ipv6: input.Ipv6DestCidrIp, Group: input.DestGroupId, Owner: input.DestGroupOwnerId, OwnerAccount: input.DestGroupOwnerAccount, PrefixList: input.DestPrefixListId);
        var quintuple = ingress ? (Cidr: input.DestCidrIp, Ipv6: input.Ipv6DestCidrIp) : (Cidr: input.SourceCidrIp, Ipv6: input.Ipv6SourceCidrIp);

        var peerCidr = Address(peer.Cidr, peer.Ipv6, ingress);
        var quintupleCidr = Address(quintuple.Cidr, quintuple.Ipv6, !ingress);
        if (peerCidr is { } c && quintupleCidr is { } q && c.IsIpv6 != q.IsIpv6)
        {
            throw new AcsException(AcsErrors.InvalidParameterConflictFamily);
        }

        if (!ingress && peerCidr is { } destination && quintupleCidr is { } source && destination.Network.Equals(source.Network))
        {
            throw new AcsException(AcsErrors.InvalidParamterConflictCidr);
        }

        SetQuintuple(rule, ingress, quintupleCidr);
        rule.NicType = ParseNicType(input.NicType, group);
        if (peerCidr is { } cidr)
        {
            CheckFamily(protocol, cidr.IsIpv6);
            SetPeerCidr(rule, ingress, cidr);
        }
        else if (!string.IsNullOrEmpty(peer.Group))
        {
            await ReferenceGroupAsync(rule, group, ingress, peer.Group, peer.Owner, peer.OwnerAccount, input.NicType, ct).ConfigureAwait(false);
        }
        else if (!string.IsNullOrEmpty(peer.PrefixList))
        {
            var list = await PrefixListAsync(group, peer.PrefixList, ct).ConfigureAwait(false);
            var ipv6 = list.AddressFamily == "IPv6";
            CheckFamily(protocol, ipv6);
            if (quintupleCidr is { } qc && qc.IsIpv6 != ipv6)
            {
                throw new AcsException(AcsErrors.PrefixListAddressFamilyMismatch);
            }

            if (ingress)
            {
                rule.SourcePrefixListId = list.PrefixListId;
            }
            else
            {
                rule.DestPrefixListId = list.PrefixListId;
            }

            units *= list.MaxEntries;
        }
        else
        {
            throw new AcsException(ingress ? AcsErrors.MissingParameterSource : AcsErrors.MissingParameterDest);
        }

        return new BuiltRule(rule, units);
    }

    private async Task<int> PortsAsync(SecurityGroupRule rule, SecurityGroup group, IpProtocol protocol, PermissionInput input, bool modify, CancellationToken ct)
    {
        var mismatch = modify ? AcsErrors.InvalidParamProtocolAndPortRangeMismatch : AcsErrors.OperationDeniedProtocolPort;
        if (!string.IsNullOrEmpty(input.SourcePortRange))
        {
            if (!PortRange.TryParse(input.SourcePortRange, out var source))
            {
                throw new AcsException(AcsErrors.InvalidSourcePortRangeMalformed);
            }

            if (source.IsAny == protocol.HasPorts)
            {
                throw new AcsException(mismatch);
            }

            rule.SourcePortRange = source.ToString();
        }

        if (!string.IsNullOrEmpty(input.PortRange))
        {
            if (!PortRange.TryParse(input.PortRange, out var range))
            {
                throw new AcsException(AcsErrors.InvalidParamPortRange, "PortRange");
            }

            if (range.IsAny == protocol.HasPorts)
            {
                throw new AcsException(mismatch);
            }

            rule.PortRange = range.ToString();
            return 1;
        }

        if (string.IsNullOrEmpty(input.PortRangeListId))
        {
            throw new AcsException(AcsErrors.InvalidPortRangeMalformed);
        }

        if (!protocol.HasPorts)
        {
            throw new AcsException(AcsErrors.ProtocolNotSupportPortRangeList);
        }

        var list = await db.PortRangeLists.AsNoTracking().FirstOrDefaultAsync(l => l.AccountId == caller.AccountId
            && l.RegionId == group.RegionId && l.PortRangeListId == input.PortRangeListId, ct).ConfigureAwait(false)
            ?? throw new AcsException(AcsErrors.InvalidPortRangeListIdNotFound);
        rule.PortRangeListId = list.PortRangeListId;
        return list.MaxEntries;
    }

    private async Task ReferenceGroupAsync(SecurityGroupRule rule, SecurityGroup group, bool ingress, string referencedId, string? ownerId,
        string? ownerAccount, string? nicType, CancellationToken ct)
    {
        if (group.IsEnterprise)
        {
            throw new AcsException(AcsErrors.InvalidGroupParameterOperationDenied);
        }

        if (referencedId == group.SecurityGroupId)
        {
            throw new AcsException(ingress ? AcsErrors.InvalidParamterConflictGroup : AcsErrors.InvalidSecurityGroupIsSame);
        }

        var owner = string.IsNullOrEmpty(ownerId) ? caller.AccountId : ownerId;
        var referenced = await db.SecurityGroups.AsNoTracking().FirstOrDefaultAsync(g => g.AccountId == owner && g.RegionId == group.RegionId
            && g.SecurityGroupId == referencedId, ct).ConfigureAwait(false)
            ?? throw new AcsException(ingress ? AcsErrors.InvalidSourceGroupIdNotFound : AcsErrors.InvalidDestGroupIdNotFound);
        if (referenced.IsEnterprise)
        {
            throw new AcsException(AcsErrors.InvalidGroupAuthParameterOperationDenied);
        }

        if (referenced.VpcId != group.VpcId)
        {
            throw new AcsException(ingress ? AcsErrors.InvalidSourceGroupIdMismatch : AcsErrors.InvalidDestGroupIdMismatch);
        }

        if (string.Equals(nicType, "internet", StringComparison.Ordinal) && group.VpcId.Length == 0)
        {
            throw new AcsException(ingress ? AcsErrors.InvalidSourceGroupIdNicType : AcsErrors.InvalidDestGroupIdNicType);
        }

        rule.NicType = "intranet";
        var storedOwner = string.IsNullOrEmpty(ownerId) ? "" : ownerId;
        if (ingress)
        {
            (rule.SourceGroupId, rule.SourceGroupOwnerId, rule.SourceGroupOwnerAccount) = (referenced.SecurityGroupId, storedOwner, ownerAccount ?? "");
        }
        else
        {
            (rule.DestGroupId, rule.DestGroupOwnerId, rule.DestGroupOwnerAccount) = (referenced.SecurityGroupId, storedOwner, ownerAccount ?? "");
        }
    }

    private async Task<PrefixList> PrefixListAsync(SecurityGroup group, string prefixListId, CancellationToken ct)
    {
        if (group.VpcId.Length == 0)
        {
            throw new AcsException(AcsErrors.NotSupportedClassicNetworkPrefixList);
        }

        return await db.PrefixLists.AsNoTracking().FirstOrDefaultAsync(l => l.AccountId == caller.AccountId && l.RegionId == group.RegionId
            && l.PrefixListId == prefixListId, ct).ConfigureAwait(false)
            ?? throw new AcsException(AcsErrors.InvalidPrefixListIdNotFound);
    }

    /// <summary>Parses the IPv4 and IPv6 fields of one side; both at once is refused.</summary>
    private static IpCidr? Address(string? ipv4, string? ipv6, bool sourceSide)
    {
        var hasV4 = !string.IsNullOrEmpty(ipv4);
        var hasV6 = !string.IsNullOrEmpty(ipv6);
        if (hasV4 && hasV6)
        {
            throw new AcsException(sourceSide ? AcsErrors.InvalidParamSourceIp : AcsErrors.InvalidParamDestIp);
        }

        if (hasV4)
        {
            return IpCidr.TryParse(ipv4, out var v4) && !v4.IsIpv6 ? v4
                : throw new AcsException(sourceSide ? AcsErrors.InvalidSourceCidrIpMalformed : AcsErrors.InvalidDestCidrIpMalformed);
        }

        if (hasV6)
        {
            return IpCidr.TryParse(ipv6, out var v6) && v6.IsIpv6 ? v6
                : throw new AcsException(sourceSide ? AcsErrors.InvalidParamIpv6SourceCidrIp : AcsErrors.InvalidParamIpv6DestCidrIp);
        }

        return null;
    }

    private static void SetPeerCidr(SecurityGroupRule rule, bool ingress, IpCidr cidr)
    {
        switch ((ingress, cidr.IsIpv6))
        {
            case (true, false): rule.SourceCidrIp = cidr.Text; break;
            case (true, true): rule.Ipv6SourceCidrIp = cidr.Text; break;
            case (false, false): rule.DestCidrIp = cidr.Text; break;
            default: rule.Ipv6DestCidrIp = cidr.Text; break;
        }
    }

    private static void SetQuintuple(SecurityGroupRule rule, bool ingress, IpCidr? cidr)
    {
        if (cidr is not { } c)
        {
            return;
        }

        switch ((ingress, c.IsIpv6))
        {
            case (true, false): rule.DestCidrIp = c.Text; break;
            case (true, true): rule.Ipv6DestCidrIp = c.Text; break;
            case (false, false): rule.SourceCidrIp = c.Text; break;
            default: rule.Ipv6SourceCidrIp = c.Text; break;
        }
    }

    private static void CheckFamily(IpProtocol protocol, bool ipv6)
    {
        if (protocol.IsIpv4Only && ipv6)
        {
            throw new AcsException(AcsErrors.Ipv4ProtocolConflictWithIpv6Address);
        }

        if (protocol.IsIpv6Only && !ipv6)
        {
            throw new AcsException(AcsErrors.Ipv6ProtocolConflictWithIpv4Address);
        }
    }

    private static string ParsePolicy(string? policy) => policy?.ToLowerInvariant() switch
    {
        null or "" or "accept" => "Accept",
        "drop" => "Drop",
        _ => throw new AcsException(AcsErrors.InvalidRulePolicyMalformed),
    };

    private static int ParsePriority(string? priority) =>
        string.IsNullOrEmpty(priority) ? 1
        : priority.Length <= 3 && priority.All(char.IsAsciiDigit) && int.Parse(priority, System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 100 and var value
            ? value
            : throw new AcsException(AcsErrors.InvalidPriorityMalformed);

    private static string ParseDescription(string? description) =>
        description is null ? ""
        : description.Length is >= 1 and <= 512 && !description.Any(char.IsControl)
            && !description.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !description.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? description
            : throw new AcsException(AcsErrors.InvalidRuleDescriptionMalformed);

    private static string ParseNicType(string? nicType, SecurityGroup group) => nicType switch
    {
        null or "" => group.VpcId.Length > 0 ? "intranet" : "internet",
        "intranet" or "internet" => group.VpcId.Length > 0 ? "intranet" : nicType,
        _ => throw new AcsException(AcsErrors.InvalidNicTypeValueNotSupported),
    };
}
