using System.Net;
using CsCheck;
using SecurityGroups.RuleEngine;

namespace SecurityGroups.UnitTests.RuleEngine;

/// <summary>
/// The compiled engine against the linear oracle: random rule sets (up to 1,000 rules over several groups, both
/// families, ties in priority, port lists, source ports, quintuple local addresses, protocol ALL) and 100,000 packets
/// each, aimed at rule boundaries. Every verdict (decision, reason, deciding rule, rules evaluated) must agree.
/// </summary>
public sealed class CompiledOracleTests
{
    private const int RuleSets = 20;
    private const int PacketsPerSet = 100_000;

    private static readonly int[] Protocols = [IpProtocol.AllNumber, 6, 17, 1, 47, 58];
    private static readonly int[] PacketProtocols = [6, 17, 1, 47, 58, 0, 132, 255];
    private static readonly int[] PortAnchors = [1, 21, 22, 23, 79, 80, 81, 443, 1024, 3389, 8080, 65534, 65535];

    private static readonly Gen<PortRange> Ports = Gen.Frequency(
        (1, Gen.Const(PortRange.Any)),
        (3, Gen.Select(Gen.OneOf(PortAnchors), Gen.Int[0, 200], (from, width) => new PortRange(from, Math.Min(65535, from + width)))),
        (1, Gen.Select(Gen.Int[1, 65535], Gen.Int[1, 65535], (a, b) => new PortRange(Math.Min(a, b), Math.Max(a, b)))));

    private static readonly Gen<IPNetwork> V4 = Gen.Select(Gen.Int[0, 7], Gen.UInt, Gen.Int[0, 32], (hub, bits, prefix) =>
    {
        var key = hub < 6 ? (10u << 24) | ((uint)hub << 16) | (bits & 0xFFFF) : bits;
        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        return AddressKey.NetworkV4(key & mask, prefix);
    });

    private static readonly Gen<IPNetwork> V6 = Gen.Select(Gen.Int[0, 3], Gen.ULong, Gen.Int[0, 128], (hub, bits, prefix) =>
    {
        var key = ((UInt128)0x20010db8u << 96) | ((UInt128)(uint)hub << 64) | bits;
        var mask = prefix == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - prefix);
        return AddressKey.NetworkV6(key & mask, prefix);
    });

    private static readonly Gen<IPNetwork> Network = Gen.Frequency((5, V4), (1, V6), (1, Gen.OneOf(IPNetwork.Parse("0.0.0.0/0"), IPNetwork.Parse("::/0"))));

    private static readonly string[] GroupIds = ["sg-a", "sg-b", "sg-c", "sg-d"];

    private static readonly Gen<EngineRule> Rule = Gen.Select(
        Gen.Select(Gen.Bool, Gen.Int[1, 12], Gen.Bool, Gen.OneOf(Protocols), Gen.OneOf(GroupIds)),
        Ports.Array[0, 3],
        Gen.Frequency((4, Gen.Const((PortRange?)null)), (1, Ports.Select(p => (PortRange?)p))),
        Network.Array[0, 3],
        Gen.Frequency((4, Gen.Const((IPNetwork?)null)), (1, Network.Select(n => (IPNetwork?)n))),
        (head, ports, sourcePorts, peers, local) => new EngineRule("", head.Item5, head.Item1 ? TrafficDirection.Ingress : TrafficDirection.Egress,
            head.Item2, head.Item3, Protocol(head.Item4), ports.Length == 0 ? [PortRange.Any] : ports, sourcePorts, peers, local));

    private static readonly Gen<EngineRule[]> Rules = Rule.Array[0, 1000]
        .Select(rules => rules.Select((r, i) => r with { RuleId = $"sgr-{i:D4}" }).ToArray());

    private static readonly Gen<EngineGroup[]> Groups = Gen.Select(Gen.Int[1, 4], Gen.Bool.Array[4], Gen.Bool.Array[4],
        (count, enterprise, inner) => GroupIds.Take(count).Select((id, i) => new EngineGroup(id, enterprise[i], inner[i])).ToArray());

    private static IpProtocol Protocol(int number) => number switch
    {
        IpProtocol.AllNumber => IpProtocol.All,
        6 => IpProtocol.Tcp,
        17 => IpProtocol.Udp,
        1 => IpProtocol.Icmp,
        58 => IpProtocol.IcmpV6,
        _ => IpProtocol.Gre,
    };

    [Fact]
    public void CompiledEngine_AgreesWithTheLinearOracle_OnRandomRuleSetsAndPackets()
    {
        var checkedPackets = 0L;
        Gen.Select(Groups, Rules, Gen.Int).Sample((groups, rules, seed) =>
        {
            var ordered = TrafficEvaluator.Order(rules);
            var compiled = CompiledEni.Compile(groups, rules);
            var random = new Random(seed);
            var peerGroupSets = new IReadOnlySet<string>?[] { null, new HashSet<string> { "sg-a" }, new HashSet<string> { "sg-b", "sg-c" }, new HashSet<string> { "sg-z" } };
            for (var i = 0; i < PacketsPerSet; i++)
            {
                var packet = RandomPacket(random, rules);
                var peers = peerGroupSets[random.Next(peerGroupSets.Length)];
                var expected = TrafficEvaluator.Evaluate(groups, ordered, packet, peers, trace: false);
                var actual = compiled.Decide(packet, peers);
                Same(expected, actual, packet, "compiled");

                // The same packet asked as a peer question (the matrix's path): everything but the peer fixed first.
                var ingress = packet.Direction == TrafficDirection.Ingress;
                var question = compiled.Ask(packet.Direction, packet.Protocol, packet.DestinationPort, packet.SourcePort, ingress ? packet.DestinationIp : packet.SourceIp);
                Same(expected, compiled.Decide(question, ingress ? packet.SourceIp : packet.DestinationIp, peers), packet, "peer question");
            }

            Interlocked.Add(ref checkedPackets, PacketsPerSet);
        }, iter: RuleSets, threads: 2);

        Assert.Equal((long)RuleSets * PacketsPerSet, checkedPackets);
    }

    private static void Same(Verdict expected, FastVerdict actual, Packet packet, string path)
    {
        if (expected.Decision != actual.Decision || expected.Reason != actual.Reason || !ReferenceEquals(expected.MatchedRule, actual.MatchedRule)
            || expected.EvaluatedRules != actual.EvaluatedRules)
        {
            throw new InvalidOperationException($"Mismatch on {packet}: oracle {expected.Decision}/{expected.Reason}/{expected.MatchedRule?.RuleId}/" +
                $"{expected.EvaluatedRules}, {path} {actual.Decision}/{actual.Reason}/{actual.MatchedRule?.RuleId}/{actual.EvaluatedRules}");
        }
    }

    [Fact]
    public void RegionQuestions_AgreeWithTheOracle_AndCoverTheFamilyExactly()
    {
        Gen.Select(Groups, Rules, Gen.Int).Sample((groups, rules, seed) =>
        {
            var ordered = TrafficEvaluator.Order(rules);
            var compiled = CompiledEni.Compile(groups, rules);
            var random = new Random(seed);
            for (var round = 0; round < 4; round++)
            {
                var probe = RandomPacket(random, rules);
                var ipv6 = probe.SourceIp.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
                var local = probe.Direction == TrafficDirection.Ingress ? probe.DestinationIp : probe.SourceIp;
                var (accepted, dropped) = compiled.Exposure(probe.Direction, probe.Protocol, probe.DestinationPort, probe.SourcePort, local, ipv6);
                AssertExactCover(accepted, dropped, ipv6);
                for (var i = 0; i < 2_000; i++)
                {
                    var peer = RandomPacket(random, rules) is var other && (other.SourceIp.AddressFamily == probe.SourceIp.AddressFamily)
                        ? (random.Next(2) == 0 ? other.SourceIp : other.DestinationIp) : probe.SourceIp;
                    var packet = probe.Direction == TrafficDirection.Ingress ? probe with { SourceIp = peer } : probe with { DestinationIp = peer };
                    var expected = TrafficEvaluator.Evaluate(groups, ordered, packet, null, trace: false).Decision == Decision.Accept;
                    Assert.True(expected == accepted.Any(n => n.Contains(peer)), $"{packet}: oracle accepts={expected}");
                }

                if (probe.Protocol is 6 or 17)
                {
                    var peerAddress = probe.Direction == TrafficDirection.Ingress ? probe.SourceIp : probe.DestinationIp;
                    var (open, closed) = compiled.PortExposure(probe.Direction, probe.Protocol, peerAddress, probe.SourcePort, local);
                    Assert.Equal(65535, open.Concat(closed).Sum(r => r.To - r.From + 1));
                    for (var port = 1; port <= 65535; port += 1 + random.Next(40))
                    {
                        var expected = TrafficEvaluator.Evaluate(groups, ordered, probe with { DestinationPort = port }, null, trace: false).Decision == Decision.Accept;
                        Assert.True(expected == open.Any(r => r.Contains(port)), $"port {port} of {probe}: oracle accepts={expected}");
                    }

                    // A peer set: a port is accepted for the set exactly when every address of it is accepted.
                    var prefix = ipv6 ? random.Next(0, 129) : random.Next(0, 33);
                    var setNet = ipv6 ? AddressKey.NetworkV6(AddressKey.V6(peerAddress) & (prefix == 0 ? 0 : UInt128.MaxValue << (128 - prefix)), prefix)
                        : AddressKey.NetworkV4(AddressKey.V4(peerAddress) & (prefix == 0 ? 0 : uint.MaxValue << (32 - prefix)), prefix);
                    var (setOpen, setClosed) = compiled.PortExposure(probe.Direction, probe.Protocol, setNet, probe.SourcePort, local);
                    Assert.Equal(65535, setOpen.Concat(setClosed).Sum(r => r.To - r.From + 1));
                    var members = (probe.Direction == TrafficDirection.Ingress ? compiled.Ingress : compiled.Egress).Representatives(setNet);
                    for (var port = 1; port <= 65535; port += 1 + random.Next(400))
                    {
                        var all = members.All(m => TrafficEvaluator.Evaluate(groups, ordered,
                            probe.Direction == TrafficDirection.Ingress ? probe with { SourceIp = m, DestinationPort = port } : probe with { DestinationIp = m, DestinationPort = port },
                            null, trace: false).Decision == Decision.Accept);
                        Assert.True(all == setOpen.Any(r => r.Contains(port)), $"port {port} of set {setNet}: every member accepts={all}");
                        if (setOpen.Any(r => r.Contains(port)))
                        {
                            var inside = ipv6 ? AddressKey.NetworkV6(AddressKey.RangeV6(setNet).Low + (UInt128)(ulong)random.NextInt64(), 128).BaseAddress
                                : AddressKey.NetworkV4(AddressKey.RangeV4(setNet).Low + (uint)random.NextInt64(0, (long)(AddressKey.RangeV4(setNet).High - AddressKey.RangeV4(setNet).Low) + 1), 32).BaseAddress;
                            if (setNet.Contains(inside))
                            {
                                var packet = probe.Direction == TrafficDirection.Ingress ? probe with { SourceIp = inside, DestinationPort = port } : probe with { DestinationIp = inside, DestinationPort = port };
                                Assert.Equal(Decision.Accept, TrafficEvaluator.Evaluate(groups, ordered, packet, null, trace: false).Decision);
                            }
                        }
                    }
                }
            }
        }, iter: RuleSets, threads: 2);
    }

    [Fact]
    public void ShadowAnalysis_IsSound_ACoveringRuleMatchesEveryPacketTheCoveredRuleMatches()
    {
        var covers = 0L;
        Gen.Select(Rules, Gen.Int).Sample((rules, seed) =>
        {
            var random = new Random(seed);
            var ordered = TrafficEvaluator.Order(rules);
            foreach (var (rule, by) in RuleAnalysis.Shadowed(ordered))
            {
                Interlocked.Increment(ref covers);
                for (var i = 0; i < 200; i++)
                {
                    var packet = RandomPacket(random, [rule]);
                    if (TrafficEvaluator.Match(rule, packet) == Mismatch.None)
                    {
                        Assert.True(TrafficEvaluator.Match(by, packet) == Mismatch.None, $"{by.RuleId} should match {packet} as it covers {rule.RuleId}");
                    }
                }
            }
        }, iter: RuleSets, threads: 2);

        Assert.True(covers > 0, "the generated rule sets should contain shadowed rules");
    }

    /// <summary>Accepted and dropped blocks tile the family without gap or overlap, and no two neighbours in one list merge into a parent block.</summary>
    private static void AssertExactCover(List<IPNetwork> accepted, List<IPNetwork> dropped, bool ipv6)
    {
        var blocks = accepted.Select(n => (Net: n, Accept: true)).Concat(dropped.Select(n => (Net: n, Accept: false)))
            .Select(b => (b.Accept, b.Net.PrefixLength, Range: ipv6 ? AddressKey.RangeV6(b.Net) : ((UInt128)AddressKey.RangeV4(b.Net).Low, (UInt128)AddressKey.RangeV4(b.Net).High)))
            .OrderBy(b => b.Range.Item1).ToList();
        UInt128 next = 0;
        var max = ipv6 ? UInt128.MaxValue : uint.MaxValue;
        for (var i = 0; i < blocks.Count; i++)
        {
            Assert.Equal(next, blocks[i].Range.Item1);
            if (i > 0 && blocks[i - 1].Accept == blocks[i].Accept && blocks[i - 1].PrefixLength == blocks[i].PrefixLength && blocks[i].PrefixLength > 0)
            {
                var size = (ipv6 ? 128 : 32) - blocks[i].PrefixLength + 1;
                Assert.False(size < 128 && blocks[i - 1].Range.Item1 % (UInt128.One << size) == 0, "two sibling blocks should have been one");
            }

            next = blocks[i].Range.Item2 + 1;
        }

        Assert.Equal(max, blocks[^1].Range.Item2);
    }

    /// <summary>A packet whose fields sit on, just inside or just outside a random rule's boundaries, or anywhere.</summary>
    private static Packet RandomPacket(Random random, EngineRule[] rules)
    {
        var rule = rules.Length > 0 && random.Next(4) > 0 ? rules[random.Next(rules.Length)] : null;
        var direction = rule?.Direction ?? (random.Next(2) == 0 ? TrafficDirection.Ingress : TrafficDirection.Egress);
        var protocol = rule is not null && rule.Protocol.Number != IpProtocol.AllNumber && random.Next(3) > 0
            ? rule.Protocol.Number : PacketProtocols[random.Next(PacketProtocols.Length)];
        var hasPorts = protocol is 6 or 17;
        var port = hasPorts ? Near(random, rule?.Ports.Count > 0 ? rule.Ports[random.Next(rule.Ports.Count)] : PortRange.Any) : -1;
        var sourcePort = hasPorts ? Near(random, rule?.SourcePorts ?? PortRange.Any) : -1;
        var v6 = rule?.Peers.Count > 0 ? !AddressKey.IsV4(rule.Peers[0]) : random.Next(6) == 0;
        var peer = Address(random, rule?.Peers.Count > 0 ? rule.Peers[random.Next(rule.Peers.Count)] : null, v6);
        var local = Address(random, rule?.LocalAddress is { } l && AddressKey.IsV4(l) != v6 ? l : null, v6);
        return direction == TrafficDirection.Ingress
            ? new Packet(direction, protocol, peer, sourcePort, local, port)
            : new Packet(direction, protocol, local, sourcePort, peer, port);
    }

    private static int Near(Random random, PortRange range)
    {
        var (from, to) = range.IsAny ? (1, 65535) : (range.From, range.To);
        var port = random.Next(5) switch
        {
            0 => from - 1,
            1 => from,
            2 => to,
            3 => to + 1,
            _ => random.Next(1, 65536),
        };
        return Math.Clamp(port, 1, 65535);
    }

    private static IPAddress Address(Random random, IPNetwork? network, bool v6)
    {
        if (!v6)
        {
            var (low, high) = network is { } n ? AddressKey.RangeV4(n) : (10u << 24, (10u << 24) | 0x7FFFF);
            var key = random.Next(5) switch
            {
                0 => low - 1,
                1 => low,
                2 => high,
                3 => high + 1,
                _ => low + (uint)random.NextInt64(0, (long)(high - low) + 1),
            };
            return AddressKey.NetworkV4(key, 32).BaseAddress;
        }

        var (l6, h6) = network is { } m ? AddressKey.RangeV6(m) : (((UInt128)0x20010db8u << 96), ((UInt128)0x20010db8u << 96) | ((UInt128)3 << 64) | ulong.MaxValue);
        var key6 = random.Next(5) switch
        {
            0 => l6 - 1,
            1 => l6,
            2 => h6,
            3 => h6 + 1,
            _ => l6 + (UInt128)(ulong)random.NextInt64(),
        };
        return AddressKey.NetworkV6(key6 > h6 && random.Next(2) == 0 ? h6 : key6, 128).BaseAddress;
    }
}
