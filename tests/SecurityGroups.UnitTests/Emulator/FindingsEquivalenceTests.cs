using System.Net;
using CsCheck;
using SecurityGroups.Domain.SecurityGroups;
using SecurityGroups.Domain.Traffic;
using SecurityGroups.RuleEngine;

namespace SecurityGroups.UnitTests.Emulator;

/// <summary>
/// The region findings (rules grouped once, a group's inbound rules compiled only when a rule may open a management port,
/// the shadow check in plain loops) against the straightforward analysis they replaced: for every group, filter the whole
/// region's rules, compile the group's inbound rules, and compare every rule with every earlier one (LINQ). Random regions
/// of up to 40 groups and 2,000 rules, with world peers, management ports, ALL, port lists, ties and both policies.
/// </summary>
public sealed class FindingsEquivalenceTests
{
    private static readonly int[] Anchors = [1, 20, 22, 80, 443, 3389, 8080, 65535];

    private static readonly Gen<PortRange> Ports = Gen.Frequency(
        (1, Gen.Const(PortRange.Any)),
        (4, Gen.Select(Gen.OneOf(Anchors), Gen.Int[0, 3400], (from, width) => new PortRange(from, Math.Min(65535, from + width)))));

    private static readonly Gen<IPNetwork> Peer = Gen.Frequency(
        (2, Gen.OneOf(IPNetwork.Parse("0.0.0.0/0"), IPNetwork.Parse("::/0"), IPNetwork.Parse("10.0.0.0/8"))),
        (5, Gen.Select(Gen.UInt[0, 255], Gen.Int[8, 32], (b, prefix) => AddressKey.NetworkV4(((10u << 24) | (b << 16)) & (uint.MaxValue << (32 - prefix)), prefix))));

    private static readonly IpProtocol[] Protocols = [IpProtocol.All, IpProtocol.Tcp, IpProtocol.Tcp, IpProtocol.Udp, IpProtocol.Icmp];

    private sealed record Region(List<SecurityGroup> Groups, HashSet<string> WithMembers, List<(EngineRule Engine, SecurityGroupRule Stored)> Rules,
        Dictionary<string, int> Units);

    private static readonly Gen<Region> Regions = Gen.Int[1, 40].SelectMany(groupCount => Gen.Select(
        Gen.Select(Gen.Select(Gen.Int[0, groupCount - 1], Gen.Bool, Gen.Int[1, 8], Gen.Bool, Gen.OneOf(Protocols)),
            Ports.Array[1, 3], Gen.Frequency((5, Gen.Const((PortRange?)null)), (1, Ports.Select(p => (PortRange?)p))), Peer.Array[1, 2], Gen.Int[1, 150],
            (head, ports, source, peers, units) => (head, ports, source, peers, units)).Array[0, 2000],
        Gen.Bool.Array[groupCount],
        (rows, members) =>
        {
            var groups = Enumerable.Range(0, groupCount).Select(g => new SecurityGroup { SecurityGroupId = $"sg-{g:D2}", AccountId = "a", RegionId = "r" }).ToList();
            var rules = rows.Select((row, i) =>
            {
                var (group, ingress, priority, drop, protocol) = row.head;
                var stored = new SecurityGroupRule
                {
                    SecurityGroupRuleId = $"sgr-{i:D4}", SecurityGroupId = groups[group].SecurityGroupId, AccountId = "a",
                    Direction = ingress ? "ingress" : "egress", Policy = drop ? "Drop" : "Accept", Priority = priority, IpProtocol = protocol.Name,
                    PortRange = row.ports[0].ToString(), SourceCidrIp = row.peers[0].ToString(),
                };
                var engine = new EngineRule(stored.SecurityGroupRuleId, stored.SecurityGroupId, ingress ? TrafficDirection.Ingress : TrafficDirection.Egress,
                    priority, drop, protocol, row.ports, row.source, row.peers, null, stored);
                return (engine, stored);
            }).ToList();
            var units = rules.Select((r, i) => (r.stored.SecurityGroupRuleId, rows[i].units)).ToDictionary(x => x.SecurityGroupRuleId, x => x.units);
            return new Region(groups, groups.Where((_, i) => members[i]).Select(g => g.SecurityGroupId).ToHashSet(), rules, units);
        }));

    [Fact]
    public void RegionFindings_AreThoseOfTheStraightforwardAnalysis_OnRandomRegions()
    {
        var codes = new HashSet<string>();
        Regions.Sample(region =>
        {
            var found = FindingsAnalysis.Analyse(region.Groups, region.WithMembers, region.Rules, r => region.Units[r.SecurityGroupRuleId], 1000);
            var expected = Reference(region);
            Assert.Equal(expected.Select(e => (e.Code, e.Severity, e.Group, e.Rule)), found.Select(f => (f.Code, f.Severity, f.SecurityGroupId, f.SecurityGroupRuleId)));
            foreach (var (finding, reference) in found.Zip(expected).Where(p => p.Second.CoveredBy is not null))
            {
                Assert.Contains($"the earlier rule {reference.CoveredBy} (", finding.Message, StringComparison.Ordinal);
            }

            lock (codes)
            {
                codes.UnionWith(found.Select(f => f.Code));
            }
        }, iter: 60, threads: 2);

        Assert.Superset(new HashSet<string> { FindingCodes.ShadowedRule, FindingCodes.RedundantRule, FindingCodes.EmptyGroup, FindingCodes.ManagementPortOpenToInternet,
            FindingCodes.AllPortsOpenToInternet, FindingCodes.ListEatsEniRuleQuota }, codes);
    }

    /// <summary>The analysis as it was written before issue 17, per group over the whole region's rules.</summary>
    private static List<(string Code, string Severity, string Group, string Rule, string? CoveredBy)> Reference(Region region)
    {
        var found = new List<(string Code, string Severity, string Group, string Rule, string? CoveredBy)>();
        foreach (var group in region.Groups)
        {
            var id = group.SecurityGroupId;
            if (!region.WithMembers.Contains(id))
            {
                found.Add((FindingCodes.EmptyGroup, "Low", id, "", null));
            }

            var ordered = TrafficEvaluator.Order(region.Rules.Where(r => r.Stored.SecurityGroupId == id).Select(r => r.Engine).ToList());
            var ingress = CompiledRuleSet.Compile(ordered, TrafficDirection.Ingress);
            for (var i = 0; i < ordered.Count; i++)
            {
                var rule = ordered[i];
                var by = ordered.Take(i).FirstOrDefault(earlier => earlier.Direction == rule.Direction && Covers(earlier, rule));
                if (by is not null)
                {
                    found.Add(by.IsDrop == rule.IsDrop ? (FindingCodes.RedundantRule, "Low", id, rule.RuleId, by.RuleId) : (FindingCodes.ShadowedRule, "Medium", id, rule.RuleId, by.RuleId));
                    continue;
                }

                found.AddRange(RuleAnalysis.OpenManagementPorts(rule, ingress, 40000).Select(_ => (FindingCodes.ManagementPortOpenToInternet, "High", id, rule.RuleId, (string?)null)));
                if (RuleAnalysis.OpensAllPortsToTheWorld(rule))
                {
                    found.Add((FindingCodes.AllPortsOpenToInternet, "High", id, rule.RuleId, null));
                }

                if (region.Units[rule.RuleId] * 10 >= 1000)
                {
                    found.Add((FindingCodes.ListEatsEniRuleQuota, "Medium", id, rule.RuleId, null));
                }
            }
        }

        string[] severities = ["High", "Medium", "Low"];
        return found.OrderBy(f => Array.IndexOf(severities, f.Severity)).ThenBy(f => f.Group, StringComparer.Ordinal).ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ThenBy(f => f.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>The cover test as written with LINQ before issue 17.</summary>
    private static bool Covers(EngineRule outer, EngineRule inner)
    {
        if (outer.Protocol.Number != IpProtocol.AllNumber && outer.Protocol.Number != inner.Protocol.Number)
        {
            return false;
        }

        var portsMatter = inner.Protocol.Number == IpProtocol.AllNumber || inner.Protocol.HasPorts;
        if (portsMatter && !inner.Ports.All(r => outer.Ports.Any(o => o.IsAny || (!r.IsAny && r.From >= o.From && r.To <= o.To))))
        {
            return false;
        }

        if (outer.SourcePorts is { IsAny: false } os && (inner.SourcePorts is not { IsAny: false } s || !(s.From >= os.From && s.To <= os.To)))
        {
            return false;
        }

        return inner.Peers.All(p => outer.Peers.Any(o => p.BaseAddress.AddressFamily == o.BaseAddress.AddressFamily && p.PrefixLength >= o.PrefixLength
            && o.Contains(p.BaseAddress)));
    }
}
