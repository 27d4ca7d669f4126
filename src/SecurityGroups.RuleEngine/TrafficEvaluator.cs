namespace SecurityGroups.RuleEngine;

/// <summary>
/// Alibaba's decision for one packet at one ENI (alibaba-semantics.md 2), as a linear scan:
/// (1) basic groups, inbound, from a peer that shares a group whose inner-access policy is Accept: Accept, before any rule;
/// (2) the rules of all the ENI's groups for that direction, by priority (1 first), Drop before Accept at equal priority,
///     first match decides; (3) no match: basic groups drop inbound and accept outbound, enterprise groups drop both.
/// Pure and allocation-light: no I/O, no logging.
/// </summary>
public static class TrafficEvaluator
{
    /// <summary>Rules in evaluation order: priority ascending, Drop before Accept, then rule ID (deterministic).</summary>
    public static IReadOnlyList<EngineRule> Order(IEnumerable<EngineRule> rules) =>
        rules.OrderBy(r => r.Priority).ThenBy(r => r.IsDrop ? 0 : 1).ThenBy(r => r.RuleId, StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Decides <paramref name="packet"/>. <paramref name="orderedRules"/> are the ENI's rules (any direction) in
    /// <see cref="Order"/>; <paramref name="peerGroupIds"/> are the groups of the ENI at the other end (inbound private traffic),
    /// used by the intra-group policy.
    /// </summary>
    public static Verdict Evaluate(IReadOnlyList<EngineGroup> groups, IReadOnlyList<EngineRule> orderedRules, Packet packet,
        IReadOnlySet<string>? peerGroupIds, bool trace = true)
    {
        var enterprise = IsEnterprise(groups);
        if (InnerAccessAccepts(groups, enterprise, packet, peerGroupIds))
        {
            return new Verdict(Decision.Accept, DecisionReason.InnerAccess, null, [], 0);
        }

        var entries = trace ? new List<TraceEntry>() : null;
        var evaluated = 0;
        foreach (var rule in orderedRules)
        {
            if (rule.Direction != packet.Direction)
            {
                continue;
            }

            evaluated++;
            var mismatch = Match(rule, packet);
            entries?.Add(new TraceEntry(rule, mismatch == Mismatch.None, mismatch));
            if (mismatch == Mismatch.None)
            {
                return new Verdict(rule.IsDrop ? Decision.Drop : Decision.Accept, DecisionReason.Rule, rule, entries ?? [], evaluated);
            }
        }

        return new Verdict(Default(enterprise, packet.Direction), DecisionReason.Default, null, entries ?? [], evaluated);
    }

    /// <summary>An ENI whose groups are all enterprise groups gets the enterprise behaviour (alibaba-semantics.md 2).</summary>
    internal static bool IsEnterprise(IReadOnlyList<EngineGroup> groups)
    {
        if (groups.Count == 0)
        {
            return false;
        }

        for (var i = 0; i < groups.Count; i++)
        {
            if (!groups[i].IsEnterprise)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Step 1: inbound from a peer sharing a basic group whose inner-access policy is Accept.</summary>
    internal static bool InnerAccessAccepts(IReadOnlyList<EngineGroup> groups, bool enterprise, in Packet packet, IReadOnlySet<string>? peerGroupIds) =>
        InnerAccessAccepts(groups, enterprise, packet.Direction, peerGroupIds);

    internal static bool InnerAccessAccepts(IReadOnlyList<EngineGroup> groups, bool enterprise, TrafficDirection direction, IReadOnlySet<string>? peerGroupIds)
    {
        if (direction != TrafficDirection.Ingress || enterprise || peerGroupIds is not { Count: > 0 })
        {
            return false;
        }

        for (var i = 0; i < groups.Count; i++)
        {
            var g = groups[i];
            if (!g.IsEnterprise && g.InnerAccessAccept && peerGroupIds.Contains(g.GroupId))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Step 3: no rule matched.</summary>
    internal static Decision Default(bool enterprise, TrafficDirection direction) =>
        enterprise || direction == TrafficDirection.Ingress ? Decision.Drop : Decision.Accept;

    /// <summary>Why <paramref name="rule"/> does not match <paramref name="packet"/>, or <see cref="Mismatch.None"/>.</summary>
    public static Mismatch Match(EngineRule rule, Packet packet)
    {
        if (!rule.Protocol.Matches(packet.Protocol))
        {
            return Mismatch.Protocol;
        }

        if (packet.DestinationPort >= 0 && !AnyContains(rule.Ports, packet.DestinationPort))
        {
            return Mismatch.Port;
        }

        if (rule.SourcePorts is { IsAny: false } sourcePorts && (packet.SourcePort < 0 || !sourcePorts.Contains(packet.SourcePort)))
        {
            return Mismatch.SourcePort;
        }

        var (peer, local) = packet.Direction == TrafficDirection.Ingress
            ? (packet.SourceIp, packet.DestinationIp)
            : (packet.DestinationIp, packet.SourceIp);
        if (!AnyContains(rule.Peers, peer))
        {
            return Mismatch.Address;
        }

        return rule.LocalAddress is { } address && !address.Contains(local) ? Mismatch.LocalAddress : Mismatch.None;
    }

    private static bool AnyContains(IReadOnlyList<PortRange> ranges, int port)
    {
        for (var i = 0; i < ranges.Count; i++)
        {
            if (ranges[i].Contains(port))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyContains(IReadOnlyList<System.Net.IPNetwork> networks, System.Net.IPAddress address)
    {
        for (var i = 0; i < networks.Count; i++)
        {
            if (networks[i].BaseAddress.AddressFamily == address.AddressFamily && networks[i].Contains(address))
            {
                return true;
            }
        }

        return false;
    }
}
