using System.Net;
using SecurityGroups.RuleEngine;

namespace SecurityGroups.UnitTests.RuleEngine;

/// <summary>
/// The exact shape of the compiled engine's region answers (the oracle tests check them against the evaluator, not their
/// form): minimal sorted CIDR covers, port ranges merged and split at 1 and 65535, single ports, same-priority ties, and
/// what the fast path reports as evaluated rules.
/// </summary>
public sealed class ExposureShapeTests
{
    private static readonly EngineGroup Basic = new("sg-1", false, false);
    private static readonly EngineGroup Enterprise = new("sg-1", true, false);

    private static EngineRule Rule(string id, string ports, string peer = "0.0.0.0/0", int priority = 1, bool drop = false,
        string protocol = "TCP", TrafficDirection direction = TrafficDirection.Ingress)
    {
        Assert.True(IpProtocol.TryParse(protocol, out var p));
        Assert.True(PortRange.TryParse(ports, out var range));
        return new EngineRule(id, "sg-1", direction, priority, drop, p, [range], null, [IPNetwork.Parse(peer)], null);
    }

    private static string[] Text(IEnumerable<IPNetwork> networks) => networks.Select(n => n.ToString()).ToArray();

    private static string[] Text(IEnumerable<PortRange> ranges) => ranges.Select(r => r.ToString()).ToArray();

    [Fact]
    public void Exposure_OneCidr_IsItselfAndTheMinimalCoverOfTheRest()
    {
        var eni = CompiledEni.Compile([Basic], [Rule("r", "22/22", "10.0.0.0/8")]);

        var (accepted, dropped) = eni.Exposure(TrafficDirection.Ingress, 6, 22, 40000, null, ipv6: false);

        Assert.Equal(["10.0.0.0/8"], Text(accepted));
        Assert.Equal(
            ["0.0.0.0/5", "8.0.0.0/7", "11.0.0.0/8", "12.0.0.0/6", "16.0.0.0/4", "32.0.0.0/3", "64.0.0.0/2", "128.0.0.0/1"],
            Text(dropped));
    }

    [Fact]
    public void Exposure_OtherPort_OtherProtocol_AndTheDefaults()
    {
        var eni = CompiledEni.Compile([Basic], [Rule("r", "22/22", "10.0.0.0/8")]);

        Assert.Equal((0, 1), Count(eni.Exposure(TrafficDirection.Ingress, 6, 23, 40000, null, false)));
        Assert.Equal((0, 1), Count(eni.Exposure(TrafficDirection.Ingress, 17, 22, 40000, null, false)));
        Assert.Equal(["0.0.0.0/0"], Text(eni.Exposure(TrafficDirection.Ingress, 6, 21, 40000, null, false).Dropped));

        // Basic groups accept outbound by default, enterprise groups drop it; IPv6 is its own family.
        Assert.Equal(["0.0.0.0/0"], Text(eni.Exposure(TrafficDirection.Egress, 6, 443, 40000, null, false).Accepted));
        Assert.Equal(["::/0"], Text(eni.Exposure(TrafficDirection.Egress, 6, 443, 40000, null, true).Accepted));
        var enterprise = CompiledEni.Compile([Enterprise], []);
        Assert.Equal(["0.0.0.0/0"], Text(enterprise.Exposure(TrafficDirection.Egress, 6, 443, 40000, null, false).Dropped));
        Assert.Empty(enterprise.Exposure(TrafficDirection.Egress, 6, 443, 40000, null, false).Accepted);
    }

    private static (int, int) Count((List<IPNetwork> Accepted, List<IPNetwork> Dropped) answer) => (answer.Accepted.Count, answer.Dropped.Count);

    [Fact]
    public void Exposure_AdjacentAcceptsMerge_AndADropInsideSplits()
    {
        var eni = CompiledEni.Compile([Basic], [
            Rule("a", "22/22", "10.0.0.0/9", priority: 2),
            Rule("b", "22/22", "10.128.0.0/9", priority: 2),
            Rule("d", "22/22", "10.1.0.0/16", priority: 1, drop: true),
        ]);

        var (accepted, dropped) = eni.Exposure(TrafficDirection.Ingress, 6, 22, 40000, null, false);

        Assert.Equal(["10.0.0.0/16", "10.2.0.0/15", "10.4.0.0/14", "10.8.0.0/13", "10.16.0.0/12", "10.32.0.0/11", "10.64.0.0/10", "10.128.0.0/9"],
            Text(accepted));
        Assert.Contains("10.1.0.0/16", Text(dropped));
        Assert.DoesNotContain(dropped, n => n.Contains(IPAddress.Parse("10.0.0.1")));
    }

    [Fact]
    public void Exposure_WholeFamilyEdges()
    {
        var eni = CompiledEni.Compile([Basic], [Rule("all", "-1/-1", "0.0.0.0/0", protocol: "ALL")]);
        var (accepted, dropped) = eni.Exposure(TrafficDirection.Ingress, 6, 65535, 40000, null, false);
        Assert.Equal(["0.0.0.0/0"], Text(accepted));
        Assert.Empty(dropped);

        var top = CompiledEni.Compile([Basic], [Rule("top", "1/1", "255.255.255.255/32")]);
        Assert.Equal(["255.255.255.255/32"], Text(top.Exposure(TrafficDirection.Ingress, 6, 1, 40000, null, false).Accepted));
        var bottom = CompiledEni.Compile([Basic], [Rule("bottom", "1/1", "0.0.0.0/32")]);
        Assert.Equal(["0.0.0.0/32"], Text(bottom.Exposure(TrafficDirection.Ingress, 6, 1, 40000, null, false).Accepted));
    }

    [Theory]
    [InlineData("1/1", new[] { "1/1" }, new[] { "2/65535" })]
    [InlineData("65535/65535", new[] { "65535/65535" }, new[] { "1/65534" })]
    [InlineData("1/65535", new[] { "1/65535" }, new string[0])]
    [InlineData("22/22", new[] { "22/22" }, new[] { "1/21", "23/65535" })]
    [InlineData("2/65534", new[] { "2/65534" }, new[] { "1/1", "65535/65535" })]
    public void PortExposure_SinglePeer_SplitsAtTheEdges(string ports, string[] accepted, string[] dropped)
    {
        var eni = CompiledEni.Compile([Basic], [Rule("r", ports, "10.0.0.0/8")]);

        var answer = eni.PortExposure(TrafficDirection.Ingress, 6, IPAddress.Parse("10.1.2.3"), 40000, null);

        Assert.Equal(accepted, Text(answer.Accepted));
        Assert.Equal(dropped, Text(answer.Dropped));
    }

    [Fact]
    public void PortExposure_AdjacentRangesOfTwoRulesMerge()
    {
        var eni = CompiledEni.Compile([Basic], [Rule("a", "1/100", priority: 1), Rule("b", "101/200", priority: 2)]);

        var answer = eni.PortExposure(TrafficDirection.Ingress, 6, IPAddress.Parse("8.8.8.8"), 40000, null);

        Assert.Equal(["1/200"], Text(answer.Accepted));
        Assert.Equal(["201/65535"], Text(answer.Dropped));
    }

    [Fact]
    public void PortExposure_OverACidr_IsWhatEveryAddressGets()
    {
        var eni = CompiledEni.Compile([Basic], [
            Rule("wide", "80/90", "10.0.0.0/8", priority: 2),
            Rule("half", "1/65535", "10.0.0.0/9", priority: 2),
        ]);

        var whole = eni.PortExposure(TrafficDirection.Ingress, 6, IPNetwork.Parse("10.0.0.0/8"), 40000, null);
        Assert.Equal(["80/90"], Text(whole.Accepted));
        Assert.Equal(["1/79", "91/65535"], Text(whole.Dropped));

        // The wider ports on the last representative: the answer is still the intersection.
        var upper = CompiledEni.Compile([Basic], [Rule("wide", "80/90", "10.0.0.0/8", priority: 2), Rule("half", "1/65535", "10.128.0.0/9", priority: 2)]);
        Assert.Equal(["80/90"], Text(upper.PortExposure(TrafficDirection.Ingress, 6, IPNetwork.Parse("10.0.0.0/8"), 40000, null).Accepted));

        var half = eni.PortExposure(TrafficDirection.Ingress, 6, IPNetwork.Parse("10.0.0.0/9"), 40000, null);
        Assert.Equal(["1/65535"], Text(half.Accepted));
        Assert.Empty(half.Dropped);

        var none = eni.PortExposure(TrafficDirection.Ingress, 6, IPNetwork.Parse("11.0.0.0/8"), 40000, null);
        Assert.Empty(none.Accepted);
        Assert.Equal(["1/65535"], Text(none.Dropped));
    }

    [Fact]
    public void SamePriority_DropWinsOverAccept_InTheCompiledPathToo()
    {
        var accept = Rule("a-accept", "22/22", priority: 7);
        var drop = Rule("z-drop", "22/22", priority: 7, drop: true);
        var eni = CompiledEni.Compile([Basic], [accept, drop]);
        var packet = new Packet(TrafficDirection.Ingress, 6, IPAddress.Parse("1.2.3.4"), 40000, IPAddress.Parse("192.168.0.1"), 22);

        var fast = eni.Decide(packet, null);

        Assert.Equal((Decision.Drop, "z-drop", 1), (fast.Decision, fast.MatchedRule?.RuleId, fast.EvaluatedRules));
        Assert.Equal(["z-drop", "a-accept"], eni.Ingress.Rules.Select(r => r.RuleId).ToArray());
    }

    [Fact]
    public void FastVerdict_CountsRulesUpToTheDecidingOne_OrAllOnTheDefault()
    {
        var eni = CompiledEni.Compile([Basic], [Rule("a", "1/1", priority: 1), Rule("b", "2/2", priority: 2), Rule("c", "3/3", priority: 3),
            Rule("e", "3/3", priority: 1, direction: TrafficDirection.Egress)]);

        Assert.Equal(2, eni.Decide(Packet(2), null).EvaluatedRules);
        Assert.Equal(3, eni.Decide(Packet(3), null).EvaluatedRules);
        var none = eni.Decide(Packet(4), null);
        Assert.Equal((Decision.Drop, DecisionReason.Default, 3), (none.Decision, none.Reason, none.EvaluatedRules));

        var linear = TrafficEvaluator.Evaluate([Basic], eni.Ingress.Rules, Packet(2), null);
        Assert.Equal(2, linear.EvaluatedRules);
        Assert.Equal([false, true], linear.Trace.Select(t => t.Matched).ToArray());
        Assert.Equal([Mismatch.Port, Mismatch.None], linear.Trace.Select(t => t.Mismatch).ToArray());
    }

    private static Packet Packet(int port) =>
        new(TrafficDirection.Ingress, 6, IPAddress.Parse("1.2.3.4"), 40000, IPAddress.Parse("192.168.0.1"), port);

    [Fact]
    public void WithoutTrace_TheTraceIsEmpty_NotNull_OnEveryPath()
    {
        var rules = TrafficEvaluator.Order([Rule("a", "1/1"), Rule("b", "2/2", priority: 2)]);

        var matched = TrafficEvaluator.Evaluate([Basic], rules, Packet(2), null, trace: false);
        var fallthrough = TrafficEvaluator.Evaluate([Basic], rules, Packet(3), null, trace: false);

        Assert.Equal((Decision.Accept, 2), (matched.Decision, matched.EvaluatedRules));
        Assert.NotNull(matched.Trace);
        Assert.Empty(matched.Trace);
        Assert.Equal((Decision.Drop, 2), (fallthrough.Decision, fallthrough.EvaluatedRules));
        Assert.NotNull(fallthrough.Trace);
        Assert.Empty(fallthrough.Trace);
        Assert.Equal(2, TrafficEvaluator.Evaluate([Basic], rules, Packet(3), null).Trace.Count);
    }

    [Fact]
    public void NoGroups_IsTreatedAsBasic()
    {
        Assert.Equal(Decision.Drop, TrafficEvaluator.Evaluate([], [], Packet(22), null).Decision);
        var egress = new Packet(TrafficDirection.Egress, 6, IPAddress.Parse("192.168.0.1"), 40000, IPAddress.Parse("1.2.3.4"), 443);
        Assert.Equal(Decision.Accept, TrafficEvaluator.Evaluate([], [], egress, null).Decision);
        Assert.Equal(Decision.Accept, CompiledEni.Compile([], []).Decide(egress, null).Decision);
    }

    [Fact]
    public void PortZero_IsInNoRangeButAny()
    {
        var eni = CompiledEni.Compile([Basic], [Rule("r", "1/65535")]);
        var rules = eni.Ingress.Rules;

        Assert.Equal(Mismatch.Port, TrafficEvaluator.Match(rules[0], Packet(0)));
        Assert.Equal(Decision.Drop, eni.Decide(Packet(0), null).Decision);
        Assert.Equal(Mismatch.None, TrafficEvaluator.Match(rules[0], Packet(65535)));
        Assert.Equal(Mismatch.None, TrafficEvaluator.Match(rules[0], Packet(1)));
        Assert.Equal(Mismatch.None, TrafficEvaluator.Match(Rule("all", "-1/-1", protocol: "ALL"), Packet(0)));
    }

    [Fact]
    public void Egress_ThePeerIsTheDestination_AndTheLocalAddressTheSource()
    {
        var drop = Rule("d", "443/443", "8.8.8.8/32", drop: true, direction: TrafficDirection.Egress);
        var toPeer = new Packet(TrafficDirection.Egress, 6, IPAddress.Parse("192.168.0.1"), 40000, IPAddress.Parse("8.8.8.8"), 443);
        var fromPeer = new Packet(TrafficDirection.Egress, 6, IPAddress.Parse("8.8.8.8"), 40000, IPAddress.Parse("192.168.0.1"), 443);

        Assert.Equal(Mismatch.None, TrafficEvaluator.Match(drop, toPeer));
        Assert.Equal(Mismatch.Address, TrafficEvaluator.Match(drop, fromPeer));
        Assert.Equal((Decision.Drop, DecisionReason.Rule), Pair(TrafficEvaluator.Evaluate([Basic], [drop], toPeer, null)));
        Assert.Equal((Decision.Accept, DecisionReason.Default), Pair(TrafficEvaluator.Evaluate([Basic], [drop], fromPeer, null)));
    }

    private static (Decision, DecisionReason) Pair(Verdict verdict) => (verdict.Decision, verdict.Reason);

    private static EngineRule ListRule(string id, string peer, params string[] ports) =>
        Rule(id, ports[0], peer) with { Ports = ports.Select(p => PortRange.TryParse(p, out var r) ? r : throw new ArgumentException(p)).ToArray() };

    [Fact]
    public void PortExposure_OverACidr_IntersectsInterleavedRanges()
    {
        var eni = CompiledEni.Compile([Basic], [
            ListRule("low", "10.0.0.0/9", "1/10", "20/30", "40/50"),
            ListRule("high", "10.128.0.0/9", "5/25", "45/60"),
        ]);

        var answer = eni.PortExposure(TrafficDirection.Ingress, 6, IPNetwork.Parse("10.0.0.0/8"), 40000, null);

        Assert.Equal(["5/10", "20/25", "45/50"], Text(answer.Accepted));
        Assert.Equal(["1/4", "11/19", "26/44", "51/65535"], Text(answer.Dropped));

        var reversed = CompiledEni.Compile([Basic], [
            ListRule("low", "10.0.0.0/9", "5/25", "45/60"),
            ListRule("high", "10.128.0.0/9", "1/10", "20/30", "40/50"),
        ]);
        Assert.Equal(["5/10", "20/25", "45/50"], Text(reversed.PortExposure(TrafficDirection.Ingress, 6, IPNetwork.Parse("10.0.0.0/8"), 40000, null).Accepted));
    }

    [Fact]
    public void PortExposure_OverACidr_SinglePortOverlap_AndTheLastPort()
    {
        var single = CompiledEni.Compile([Basic], [ListRule("low", "10.0.0.0/9", "1/10"), ListRule("high", "10.128.0.0/9", "10/20")]);
        var answer = single.PortExposure(TrafficDirection.Ingress, 6, IPNetwork.Parse("10.0.0.0/8"), 40000, null);
        Assert.Equal(["10/10"], Text(answer.Accepted));
        Assert.Equal(["1/9", "11/65535"], Text(answer.Dropped));

        var allButLast = CompiledEni.Compile([Basic], [Rule("r", "1/65534", "10.0.0.0/8")]);
        var last = allButLast.PortExposure(TrafficDirection.Ingress, 6, IPNetwork.Parse("10.0.0.0/8"), 40000, null);
        Assert.Equal(["1/65534"], Text(last.Accepted));
        Assert.Equal(["65535/65535"], Text(last.Dropped));
    }

    [Fact]
    public void CompiledPath_EgressUsesTheEgressRules()
    {
        var eni = CompiledEni.Compile([Basic], [
            Rule("in", "443/443", "8.8.8.8/32", drop: true),
            Rule("out", "443/443", "8.8.8.8/32", drop: true, direction: TrafficDirection.Egress),
            Rule("out-ok", "80/80", "8.8.8.8/32", direction: TrafficDirection.Egress, priority: 2),
        ]);
        var egress = new Packet(TrafficDirection.Egress, 6, IPAddress.Parse("192.168.0.1"), 40000, IPAddress.Parse("8.8.8.8"), 443);

        var verdict = eni.Decide(egress, null);
        Assert.Equal((Decision.Drop, "out"), (verdict.Decision, verdict.MatchedRule?.RuleId));
        var accepted = eni.Decide(egress with { DestinationPort = 80 }, null);
        Assert.Equal((Decision.Accept, "out-ok"), (accepted.Decision, accepted.MatchedRule?.RuleId));

        var ports = eni.PortExposure(TrafficDirection.Egress, 6, IPAddress.Parse("8.8.8.8"), 40000, null);
        Assert.Equal(["1/442", "444/65535"], Text(ports.Accepted));
        Assert.Equal(["443/443"], Text(ports.Dropped));
        var overCidr = eni.PortExposure(TrafficDirection.Egress, 6, IPNetwork.Parse("8.8.8.8/32"), 40000, null);
        Assert.Equal(["443/443"], Text(overCidr.Dropped));
        var inbound = eni.PortExposure(TrafficDirection.Ingress, 6, IPNetwork.Parse("8.8.8.8/32"), 40000, null);
        Assert.Equal(["1/65535"], Text(inbound.Dropped));
    }
}
