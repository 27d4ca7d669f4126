using System.Net;

namespace SecurityGroups.RuleEngine;

/// <summary>A verdict without a trace, as the compiled path returns it: no allocation.</summary>
public readonly record struct FastVerdict(Decision Decision, DecisionReason Reason, EngineRule? MatchedRule, int EvaluatedRules);

/// <summary>
/// An immutable snapshot of everything the engine needs for one ENI (or a what-if set of groups): the groups and both
/// directions' compiled rule sets. Same decision order as <see cref="TrafficEvaluator"/>, which stays the oracle and
/// the path that explains (trace).
/// </summary>
public sealed class CompiledEni
{
    private readonly bool _enterprise;

    private CompiledEni(IReadOnlyList<EngineGroup> groups, CompiledRuleSet ingress, CompiledRuleSet egress)
    {
        Groups = groups;
        _enterprise = TrafficEvaluator.IsEnterprise(groups);
        Ingress = ingress;
        Egress = egress;
    }

    public IReadOnlyList<EngineGroup> Groups { get; }

    public CompiledRuleSet Ingress { get; }

    public CompiledRuleSet Egress { get; }

    /// <summary>Compiles <paramref name="rules"/> (any order, both directions) of <paramref name="groups"/>.</summary>
    public static CompiledEni Compile(IReadOnlyList<EngineGroup> groups, IEnumerable<EngineRule> rules)
    {
        var ordered = TrafficEvaluator.Order(rules);
        return new CompiledEni(groups, CompiledRuleSet.Compile(ordered, TrafficDirection.Ingress), CompiledRuleSet.Compile(ordered, TrafficDirection.Egress));
    }

    /// <summary>Decides <paramref name="packet"/>; <paramref name="peerGroupIds"/> as in <see cref="TrafficEvaluator.Evaluate"/>.</summary>
    public FastVerdict Decide(in Packet packet, IReadOnlySet<string>? peerGroupIds)
    {
        if (TrafficEvaluator.InnerAccessAccepts(Groups, _enterprise, packet, peerGroupIds))
        {
            return new FastVerdict(Decision.Accept, DecisionReason.InnerAccess, null, 0);
        }

        var set = packet.Direction == TrafficDirection.Ingress ? Ingress : Egress;
        var index = set.FirstMatch(packet);
        if (index >= 0)
        {
            var rule = set.Rules[index];
            return new FastVerdict(rule.IsDrop ? Decision.Drop : Decision.Accept, DecisionReason.Rule, rule, index + 1);
        }

        return new FastVerdict(TrafficEvaluator.Default(_enterprise, packet.Direction), DecisionReason.Default, null, set.Rules.Count);
    }

    /// <summary>
    /// Packets of one direction, protocol, destination port, source port and local address, from (ingress) or to (egress)
    /// any peer: the lookups that do not depend on the peer, done once, so that <see cref="Decide(in PeerQuestion, IPAddress, IReadOnlySet{string}?)"/>
    /// asks each peer with one lookup. The reachability matrix asks a thousand peers the same question at each endpoint.
    /// </summary>
    public PeerQuestion Ask(TrafficDirection direction, int protocol, int destinationPort, int sourcePort, IPAddress local)
    {
        var set = direction == TrafficDirection.Ingress ? Ingress : Egress;
        return new PeerQuestion(this, direction, set.PeerOpenRow(protocol, destinationPort, sourcePort, local));
    }

    /// <summary>What <see cref="Decide(in Packet, IReadOnlySet{string}?)"/> answers for the question's packet with <paramref name="peer"/> as its peer address.</summary>
    public FastVerdict Decide(in PeerQuestion question, IPAddress peer, IReadOnlySet<string>? peerGroupIds)
    {
        if (!ReferenceEquals(question.Model, this))
        {
            throw new ArgumentException("The question was asked of another model.", nameof(question));
        }

        if (TrafficEvaluator.InnerAccessAccepts(Groups, _enterprise, question.Direction, peerGroupIds))
        {
            return new FastVerdict(Decision.Accept, DecisionReason.InnerAccess, null, 0);
        }

        var set = question.Direction == TrafficDirection.Ingress ? Ingress : Egress;
        var index = set.FirstMatch(question.Row, peer);
        if (index >= 0)
        {
            var rule = set.Rules[index];
            return new FastVerdict(rule.IsDrop ? Decision.Drop : Decision.Accept, DecisionReason.Rule, rule, index + 1);
        }

        return new FastVerdict(TrafficEvaluator.Default(_enterprise, question.Direction), DecisionReason.Default, null, set.Rules.Count);
    }

    /// <summary>
    /// Which peers of one family a packet with this protocol and port reaches a decision for: the minimal sorted CIDR
    /// covers of the accepted and the dropped peer addresses (together the whole family), computed from the compiled
    /// intervals, not by trying addresses. The intra-group policy is not applied: it depends on who holds an address,
    /// not on the address.
    /// </summary>
    public (List<IPNetwork> Accepted, List<IPNetwork> Dropped) Exposure(TrafficDirection direction, int protocol, int port, int sourcePort,
        IPAddress? local, bool ipv6)
    {
        var set = direction == TrafficDirection.Ingress ? Ingress : Egress;
        var accepted = new List<IPNetwork>();
        var dropped = new List<IPNetwork>();
        var bits = ipv6 ? 128 : 32;
        UInt128 start = 0;
        Decision? current = null;
        UInt128 end = 0;
        foreach (var (low, high, rule) in set.PeerRegions(ipv6, protocol, port, sourcePort, local))
        {
            var decision = DecisionOf(set, rule);
            if (current is { } c && c != decision)
            {
                CidrCover.Append(c == Decision.Accept ? accepted : dropped, start, end, bits);
                start = low;
            }

            current = decision;
            end = high;
        }

        CidrCover.Append(current == Decision.Accept ? accepted : dropped, start, end, bits);
        return (accepted, dropped);
    }

    /// <summary>For a packet from <paramref name="peer"/>, the destination port ranges accepted and dropped (together 1-65535).</summary>
    public (List<PortRange> Accepted, List<PortRange> Dropped) PortExposure(TrafficDirection direction, int protocol, IPAddress peer, int sourcePort, IPAddress? local)
    {
        var set = direction == TrafficDirection.Ingress ? Ingress : Egress;
        var accepted = new List<PortRange>();
        var dropped = new List<PortRange>();
        foreach (var (low, high, rule) in set.PortRegions(protocol, peer, sourcePort, local))
        {
            var list = DecisionOf(set, rule) == Decision.Accept ? accepted : dropped;
            if (list.Count > 0 && list[^1].To == low - 1)
            {
                list[^1] = list[^1] with { To = high };
            }
            else
            {
                list.Add(new PortRange(low, high));
            }
        }

        return (accepted, dropped);
    }

    /// <summary>
    /// For a set of peers (a CIDR), the destination port ranges accepted for every address in it, and the rest (dropped
    /// for at least one address); together 1-65535. Only one address per elementary interval of the set is asked.
    /// </summary>
    public (List<PortRange> Accepted, List<PortRange> Dropped) PortExposure(TrafficDirection direction, int protocol, IPNetwork peers, int sourcePort, IPAddress? local)
    {
        var set = direction == TrafficDirection.Ingress ? Ingress : Egress;
        List<PortRange>? accepted = null;
        foreach (var address in set.Representatives(peers))
        {
            var (open, _) = PortExposure(direction, protocol, address, sourcePort, local);
            accepted = accepted is null ? open : Intersect(accepted, open);
        }

        accepted ??= [];
        var dropped = new List<PortRange>();
        var next = 1;
        foreach (var range in accepted)
        {
            if (range.From > next)
            {
                dropped.Add(new PortRange(next, range.From - 1));
            }

            next = range.To + 1;
        }

        if (next <= 65535)
        {
            dropped.Add(new PortRange(next, 65535));
        }

        return (accepted, dropped);
    }

    /// <summary>What the rule at <paramref name="position"/> of <paramref name="set"/> decides, or the default for -1 (no rule).</summary>
    private Decision DecisionOf(CompiledRuleSet set, int position) =>
        position < 0 ? TrafficEvaluator.Default(_enterprise, set.Direction) : set.Rules[position].IsDrop ? Decision.Drop : Decision.Accept;

    private static List<PortRange> Intersect(List<PortRange> a, List<PortRange> b)
    {
        var result = new List<PortRange>();
        int i = 0, j = 0;
        while (i < a.Count && j < b.Count)
        {
            var from = Math.Max(a[i].From, b[j].From);
            var to = Math.Min(a[i].To, b[j].To);
            if (from <= to)
            {
                result.Add(new PortRange(from, to));
            }

            if (a[i].To < b[j].To)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return result;
    }
}

/// <summary>A question made by <see cref="CompiledEni.Ask"/>: valid only for the model that made it.</summary>
public readonly struct PeerQuestion
{
    internal PeerQuestion(CompiledEni model, TrafficDirection direction, ulong[] row)
    {
        Model = model;
        Direction = direction;
        Row = row;
    }

    internal CompiledEni Model { get; }

    public TrafficDirection Direction { get; }

    internal ulong[] Row { get; }
}
