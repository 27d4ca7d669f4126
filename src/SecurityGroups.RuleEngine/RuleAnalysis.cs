using System.Net;

namespace SecurityGroups.RuleEngine;

/// <summary>Static analysis of one group's rules, for findings: shadowing and internet exposure. Pure, like the evaluator.</summary>
public static class RuleAnalysis
{
    private static readonly int[] ManagementPorts = [22, 3389];

    /// <summary>
    /// For each rule that can never decide because one earlier rule (in evaluation order, same direction) matches every
    /// packet it matches, that rule and the earlier one. Only single-rule covers are found (a rule covered by the union of
    /// several is not reported), so every pair reported is certain.
    /// </summary>
    public static List<(EngineRule Rule, EngineRule CoveredBy)> Shadowed(IReadOnlyList<EngineRule> orderedRules)
    {
        var found = new List<(EngineRule, EngineRule)>();
        var rules = orderedRules as EngineRule[] ?? [.. orderedRules];
        var protocols = new int[rules.Length];
        var ports = new PortRange[rules.Length][];
        for (var i = 0; i < rules.Length; i++)
        {
            protocols[i] = rules[i].Protocol.Number;
            ports[i] = [.. rules[i].Ports];
        }

        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            if (rule.Peers.Count == 0)
            {
                continue;
            }

            // The protocol and port tests of Covers first, on plain arrays: most earlier rules fail them, and Covers decides the rest.
            var protocol = protocols[i];
            var portsMatter = protocol == IpProtocol.AllNumber || rule.Protocol.HasPorts;
            for (var j = 0; j < i; j++)
            {
                if (rules[j].Direction == rule.Direction && (protocols[j] == IpProtocol.AllNumber || protocols[j] == protocol)
                    && (!portsMatter || PortsWithin(ports[i], ports[j])) && Covers(rules[j], rule))
                {
                    found.Add((rule, orderedRules[j]));
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>Whether <paramref name="outer"/> matches every packet <paramref name="inner"/> matches.</summary>
    /// <remarks>Plain loops (no LINQ): a region's findings call this for every earlier rule of every rule of every group.</remarks>
    public static bool Covers(EngineRule outer, EngineRule inner)
    {
        if (outer.Protocol.Number != IpProtocol.AllNumber && outer.Protocol.Number != inner.Protocol.Number)
        {
            return false;
        }

        var portsMatter = inner.Protocol.Number == IpProtocol.AllNumber || inner.Protocol.HasPorts;
        if (portsMatter && !EachWithin(inner.Ports, outer.Ports, Within))
        {
            return false;
        }

        if (outer.SourcePorts is { IsAny: false } outerSource && (inner.SourcePorts is not { IsAny: false } innerSource || !Within(innerSource, outerSource)))
        {
            return false;
        }

        if (outer.LocalAddress is { } outerLocal && (inner.LocalAddress is not { } innerLocal || !Within(innerLocal, outerLocal)))
        {
            return false;
        }

        return EachWithin(inner.Peers, outer.Peers, Within);
    }

    /// <summary>Whether every range of <paramref name="inner"/> lies within some range of <paramref name="outer"/>.</summary>
    private static bool PortsWithin(PortRange[] inner, PortRange[] outer)
    {
        foreach (var range in inner)
        {
            var found = false;
            for (var o = 0; o < outer.Length && !found; o++)
            {
                found = Within(range, outer[o]);
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether every one of <paramref name="inner"/> lies within some one of <paramref name="outer"/>.</summary>
    private static bool EachWithin<T>(IReadOnlyList<T> inner, IReadOnlyList<T> outer, Func<T, T, bool> within)
    {
        for (var i = 0; i < inner.Count; i++)
        {
            var found = false;
            for (var o = 0; o < outer.Count && !found; o++)
            {
                found = within(inner[i], outer[o]);
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether <see cref="OpenManagementPorts"/> could find anything for this rule (an inbound TCP or ALL Accept from a whole
    /// family covering 22 or 3389), without the compiled set: callers compile a group's rules only when some rule passes.
    /// </summary>
    public static bool MayOpenManagementPorts(EngineRule rule) =>
        rule.Direction == TrafficDirection.Ingress && !rule.IsDrop
        && (rule.Protocol.Number == IpProtocol.AllNumber || rule.Protocol.Number == IpProtocol.Tcp.Number)
        && rule.Peers.Any(p => p.PrefixLength == 0) && rule.Ports.Any(r => Array.Exists(ManagementPorts, r.Contains));

    /// <summary>
    /// Whether an inbound Accept rule opens a management port (22, 3389) to a whole family (0.0.0.0/0 or ::/0) and
    /// actually decides some of that traffic in <paramref name="ingress"/> (no earlier rule takes it all), returning the ports.
    /// </summary>
    public static List<int> OpenManagementPorts(EngineRule rule, CompiledRuleSet ingress, int sourcePort)
    {
        var open = new List<int>();
        if (rule.Direction != TrafficDirection.Ingress || rule.IsDrop || (rule.Protocol.Number != IpProtocol.AllNumber && rule.Protocol.Number != IpProtocol.Tcp.Number))
        {
            return open;
        }

        var position = IndexOf(ingress.Rules, rule);
        foreach (var world in rule.Peers.Where(p => p.PrefixLength == 0))
        {
            foreach (var port in ManagementPorts)
            {
                if (!open.Contains(port) && rule.Ports.Any(r => r.Contains(port)) && ingress.PeerRegions(!AddressKey.IsV4(world), IpProtocol.Tcp.Number, port,
                        sourcePort, rule.LocalAddress?.BaseAddress).Any(region => region.Rule == position))
                {
                    open.Add(port);
                }
            }
        }

        return open;
    }

    /// <summary>Whether an inbound Accept rule opens every port (or every protocol) to a whole family.</summary>
    public static bool OpensAllPortsToTheWorld(EngineRule rule) =>
        rule.Direction == TrafficDirection.Ingress && !rule.IsDrop && rule.Peers.Any(p => p.PrefixLength == 0)
        && (rule.Protocol.Number == IpProtocol.AllNumber
            || (rule.Protocol.HasPorts && rule.Ports.Any(r => r.IsAny || (r.From <= 1 && r.To >= 65535))));

    private static int IndexOf(IReadOnlyList<EngineRule> rules, EngineRule rule)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (ReferenceEquals(rules[i], rule))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Within(PortRange inner, PortRange outer) =>
        outer.IsAny || (!inner.IsAny && inner.From >= outer.From && inner.To <= outer.To);

    private static bool Within(IPNetwork inner, IPNetwork outer) =>
        inner.BaseAddress.AddressFamily == outer.BaseAddress.AddressFamily && inner.PrefixLength >= outer.PrefixLength && outer.Contains(inner.BaseAddress);
}
