using System.Net;
using SecurityGroups.RuleEngine;

namespace SecurityGroups.UnitTests.RuleEngine;

/// <summary>
/// The compiled engine against the linear oracle on one crafted rule set and every combination of the edge classes, named
/// rather than drawn at random: deciding rules past the 64th and the 128th (the second and third word of every bit row), the
/// protocols a rule can name and the numbers none can (0, 255, 256, 300), destination ports -1, 0, 1 and 65535, a source
/// port absent, 0, inside and outside a rule's source range, a quintuple local address of either family and an address of
/// the other family, and peers of both families. Every path is checked: the packet path, the peer-question path (the
/// matrix) and the region questions (exposure over addresses and over ports).
/// </summary>
public sealed class CompiledEdgeTests
{
    private static readonly EngineGroup[] Groups = [new("sg-a", false, false)];

    private static readonly IPAddress[] LocalsV4 = [IPAddress.Parse("172.16.0.5"), IPAddress.Parse("172.16.0.6")];
    private static readonly IPAddress[] LocalsV6 = [IPAddress.Parse("2001:db8::5"), IPAddress.Parse("2001:db8::6")];
    private static readonly IPAddress[] PeersV4 = [IPAddress.Parse("10.1.2.3"), IPAddress.Parse("192.168.1.1"), IPAddress.Parse("8.8.8.8"), IPAddress.Parse("198.51.100.7"),
        IPAddress.Parse("198.51.100.200")];
    private static readonly IPAddress[] PeersV6 = [IPAddress.Parse("2001:db8:1::1"), IPAddress.Parse("2001:db8:2::1")];
    private static readonly int[] PacketProtocols = [0, 1, 6, 17, 47, 58, 255, 256, 300];
    private static readonly int[] DestinationPorts = [-1, 0, 1, 22, 53, 443, 65535];
    private static readonly int[] SourcePorts = [-1, 0, 80, 1024, 5000];

    private static IReadOnlyList<EngineRule> Rules()
    {
        var rules = new List<EngineRule>();
        EngineRule Rule(TrafficDirection direction, int priority, bool drop, IpProtocol protocol, PortRange ports, string peer, PortRange? sourcePorts = null,
            string? local = null) =>
            new($"sgr-{rules.Count:D3}", "sg-a", direction, priority, drop, protocol, [ports], sourcePorts, [IPNetwork.Parse(peer)],
                local is null ? null : IPNetwork.Parse(local));

        // 140 rules first in order that none of the probes matches (port 7 from or to one documentation address), spread over
        // both directions and families so that every index has many rows; the deciding rules come after them.
        for (var i = 0; i < 140; i++)
        {
            var direction = i % 3 == 0 ? TrafficDirection.Egress : TrafficDirection.Ingress;
            rules.Add(Rule(direction, 1, i % 2 == 0, i % 4 == 0 ? IpProtocol.Udp : IpProtocol.Tcp, new PortRange(7 + (i % 5), 7 + (i % 5)),
                i % 7 == 0 ? $"2001:db8:ff::{i:x}/128" : $"203.0.113.{i % 250}/32"));
        }

        rules.Add(Rule(TrafficDirection.Ingress, 50, false, IpProtocol.Icmp, PortRange.Any, "10.0.0.0/8"));
        rules.Add(Rule(TrafficDirection.Ingress, 51, true, IpProtocol.Gre, PortRange.Any, "0.0.0.0/0"));
        rules.Add(Rule(TrafficDirection.Ingress, 52, false, IpProtocol.Tcp, new PortRange(22, 22), "192.168.0.0/16", new PortRange(1024, 65535)));
        rules.Add(Rule(TrafficDirection.Ingress, 60, true, IpProtocol.Tcp, new PortRange(1, 65535), "0.0.0.0/0", local: "172.16.0.5/32"));
        rules.Add(Rule(TrafficDirection.Ingress, 61, false, IpProtocol.Tcp, new PortRange(1, 65535), "::/0", local: "2001:db8::5/128"));
        rules.Add(Rule(TrafficDirection.Ingress, 62, false, IpProtocol.Udp, new PortRange(53, 53), "0.0.0.0/0"));
        rules.Add(Rule(TrafficDirection.Ingress, 63, false, IpProtocol.Tcp, new PortRange(65535, 65535), "8.8.8.0/24", new PortRange(80, 80)));
        rules.Add(Rule(TrafficDirection.Ingress, 70, false, IpProtocol.All, PortRange.Any, "2001:db8:1::/48"));
        rules.Add(Rule(TrafficDirection.Ingress, 71, true, IpProtocol.IcmpV6, PortRange.Any, "::/0"));
        rules.Add(Rule(TrafficDirection.Egress, 50, true, IpProtocol.Tcp, new PortRange(443, 443), "198.51.100.0/24"));
        rules.Add(Rule(TrafficDirection.Egress, 50, true, IpProtocol.Tcp, new PortRange(22, 22), "198.51.100.128/25"));
        rules.Add(Rule(TrafficDirection.Egress, 51, true, IpProtocol.All, PortRange.Any, "2001:db8:2::/48", local: "2001:db8::6/128"));
        rules.Add(Rule(TrafficDirection.Egress, 52, true, IpProtocol.Udp, new PortRange(1, 1), "0.0.0.0/0", new PortRange(1024, 5000)));
        rules.Add(Rule(TrafficDirection.Egress, 100, false, IpProtocol.All, PortRange.Any, "0.0.0.0/0"));
        return rules;
    }

    private static IEnumerable<Packet> Packets()
    {
        foreach (var direction in new[] { TrafficDirection.Ingress, TrafficDirection.Egress })
        {
            foreach (var (locals, peers) in new[] { (LocalsV4, PeersV4), (LocalsV6, PeersV6) })
            {
                foreach (var protocol in PacketProtocols)
                {
                    foreach (var port in DestinationPorts)
                    {
                        foreach (var sourcePort in SourcePorts)
                        {
                            foreach (var local in locals)
                            {
                                foreach (var peer in peers)
                                {
                                    yield return direction == TrafficDirection.Ingress
                                        ? new Packet(direction, protocol, peer, sourcePort, local, port)
                                        : new Packet(direction, protocol, local, sourcePort, peer, port);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void EveryEdgeCombination_IsDecidedAsTheOracleDecides_OnThePacketAndPeerQuestionPaths()
    {
        var rules = Rules();
        var ordered = TrafficEvaluator.Order(rules);
        var compiled = CompiledEni.Compile(Groups, rules);
        var decidedByRule = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        foreach (var packet in Packets())
        {
            var expected = TrafficEvaluator.Evaluate(Groups, ordered, packet, null, trace: false);
            var ingress = packet.Direction == TrafficDirection.Ingress;
            var question = compiled.Ask(packet.Direction, packet.Protocol, packet.DestinationPort, packet.SourcePort, ingress ? packet.DestinationIp : packet.SourceIp);
            foreach (var (path, actual) in new[] { ("packet", compiled.Decide(packet, null)), ("peer question", compiled.Decide(question, ingress ? packet.SourceIp : packet.DestinationIp, null)) })
            {
                Assert.True(expected.Decision == actual.Decision && expected.Reason == actual.Reason && ReferenceEquals(expected.MatchedRule, actual.MatchedRule)
                    && expected.EvaluatedRules == actual.EvaluatedRules,
                    $"{path} {packet}: oracle {expected.Decision}/{expected.MatchedRule?.RuleId}/{expected.EvaluatedRules}, compiled {actual.Decision}/{actual.MatchedRule?.RuleId}/{actual.EvaluatedRules}");
            }

            if (expected.MatchedRule is { } rule)
            {
                decidedByRule.Add(rule.RuleId);
            }

            count++;
        }

        // Every deciding rule (all past the 128th in evaluation order) decided some packet, so the checks above saw each of them.
        Assert.Equal(rules.Skip(140).Select(r => r.RuleId).Order(StringComparer.Ordinal), decidedByRule.Order(StringComparer.Ordinal));
        Assert.Equal(2 * ((LocalsV4.Length * PeersV4.Length) + (LocalsV6.Length * PeersV6.Length)) * PacketProtocols.Length * DestinationPorts.Length
            * SourcePorts.Length, count);
    }

    [Fact]
    public void AddressExposure_AtTheEdges_AgreesWithTheOracle()
    {
        var rules = Rules();
        var ordered = TrafficEvaluator.Order(rules);
        var compiled = CompiledEni.Compile(Groups, rules);
        foreach (var direction in new[] { TrafficDirection.Ingress, TrafficDirection.Egress })
        {
            foreach (var ipv6 in new[] { false, true })
            {
                var peers = ipv6 ? PeersV6 : PeersV4;
                // The same family's locals, one of the other family (the quintuple rules must then not apply) and none.
                IPAddress?[] locals = [.. ipv6 ? LocalsV6 : LocalsV4, ipv6 ? LocalsV4[0] : LocalsV6[0], null];
                foreach (var protocol in new[] { 1, 6, 17, 47, 58, 256 })
                {
                    foreach (var port in new[] { -1, 0, 1, 22, 443, 65535 })
                    {
                        foreach (var sourcePort in new[] { -1, 0, 80, 1024 })
                        {
                            foreach (var local in locals)
                            {
                                var (accepted, dropped) = compiled.Exposure(direction, protocol, port, sourcePort, local, ipv6);
                                var probeLocal = local is not null && (local.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6) == ipv6 ? local
                                    : ipv6 ? IPAddress.Parse("2001:db8::99") : IPAddress.Parse("172.16.0.99");
                                foreach (var peer in peers.Concat(accepted.Concat(dropped).Select(n => n.BaseAddress)))
                                {
                                    var packet = direction == TrafficDirection.Ingress
                                        ? new Packet(direction, protocol, peer, sourcePort, probeLocal, port)
                                        : new Packet(direction, protocol, probeLocal, sourcePort, peer, port);
                                    var oracle = TrafficEvaluator.Evaluate(Groups, ordered, packet, null, trace: false).Decision == Decision.Accept;
                                    Assert.True(oracle == accepted.Any(n => n.Contains(peer)) && oracle != dropped.Any(n => n.Contains(peer)),
                                        $"{direction} proto {protocol} port {port} sport {sourcePort} local {local}: {peer} oracle accepts={oracle}");
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void PortExposure_InEachDirection_AgreesWithTheOracle()
    {
        var rules = Rules();
        var ordered = TrafficEvaluator.Order(rules);
        var compiled = CompiledEni.Compile(Groups, rules);
        foreach (var direction in new[] { TrafficDirection.Ingress, TrafficDirection.Egress })
        {
            foreach (var (local, peer) in new[] { (LocalsV4[0], PeersV4[1]), (LocalsV4[1], PeersV4[3]), (LocalsV4[0], PeersV4[2]), (LocalsV6[1], PeersV6[1]) })
            {
                foreach (var protocol in new[] { 6, 17 })
                {
                    foreach (var sourcePort in new[] { -1, 80, 1024 })
                    {
                        var (open, closed) = compiled.PortExposure(direction, protocol, peer, sourcePort, local);
                        Assert.Equal(65535, open.Concat(closed).Sum(r => r.To - r.From + 1));
                        foreach (var port in new[] { 1, 2, 21, 22, 23, 53, 442, 443, 444, 65534, 65535 })
                        {
                            var packet = direction == TrafficDirection.Ingress
                                ? new Packet(direction, protocol, peer, sourcePort, local, port)
                                : new Packet(direction, protocol, local, sourcePort, peer, port);
                            var oracle = TrafficEvaluator.Evaluate(Groups, ordered, packet, null, trace: false).Decision == Decision.Accept;
                            Assert.True(oracle == open.Any(r => r.From <= port && port <= r.To), $"{packet}: oracle accepts={oracle}");
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void PortExposureOfAPeerSet_IsOpenExactlyWhereEveryMemberIsAccepted_InTheQuestionsDirection()
    {
        var rules = Rules();
        var ordered = TrafficEvaluator.Order(rules);
        var compiled = CompiledEni.Compile(Groups, rules);
        // 198.51.100.0/24: egress drops 443 to all of it and 22 to its upper half only (no ingress rule splits it), so a
        // set answer built from the other direction's intervals would miss the upper half.
        var set = IPNetwork.Parse("198.51.100.0/24");
        IPAddress[] members = [.. new[] { "198.51.100.0", "198.51.100.7", "198.51.100.127", "198.51.100.128", "198.51.100.200", "198.51.100.255" }.Select(IPAddress.Parse)];
        foreach (var direction in new[] { TrafficDirection.Egress, TrafficDirection.Ingress })
        {
            var (open, closed) = compiled.PortExposure(direction, 6, set, -1, LocalsV4[1]);
            Assert.Equal(65535, open.Concat(closed).Sum(r => r.To - r.From + 1));
            foreach (var port in new[] { 1, 21, 22, 23, 442, 443, 444, 65535 })
            {
                var every = members.All(m => TrafficEvaluator.Evaluate(Groups, ordered, direction == TrafficDirection.Ingress
                    ? new Packet(direction, 6, m, -1, LocalsV4[1], port) : new Packet(direction, 6, LocalsV4[1], -1, m, port), null, trace: false).Decision == Decision.Accept);
                Assert.True(every == open.Any(r => r.From <= port && port <= r.To), $"{direction} port {port}: every member accepted={every}");
            }
        }

        Assert.DoesNotContain(compiled.PortExposure(TrafficDirection.Egress, 6, set, -1, LocalsV4[1]).Accepted, r => r.From <= 22 && 22 <= r.To);
    }

    [Fact]
    public void AQuestionAskedOfAnotherModel_IsRefusedByName()
    {
        var one = CompiledEni.Compile(Groups, Rules());
        var other = CompiledEni.Compile(Groups, Rules());
        var question = one.Ask(TrafficDirection.Ingress, 6, 22, -1, LocalsV4[0]);
        var refused = Assert.Throws<ArgumentException>(() => other.Decide(question, PeersV4[0], null));
        Assert.Equal("question", refused.ParamName);
        Assert.StartsWith("The question was asked of another model.", refused.Message, StringComparison.Ordinal);
    }
}
