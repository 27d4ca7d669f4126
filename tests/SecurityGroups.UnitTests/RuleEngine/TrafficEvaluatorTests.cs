using System.Net;
using SecurityGroups.RuleEngine;

namespace SecurityGroups.UnitTests.RuleEngine;

/// <summary>The cases of alibaba-semantics.md section 2, as tables over the pure evaluator.</summary>
public sealed class TrafficEvaluatorTests
{
    private static readonly EngineGroup Basic = new("sg-basic", false, true);
    private static readonly EngineGroup Isolated = new("sg-isolated", false, false);
    private static readonly EngineGroup Enterprise = new("sg-ent", true, false);

    private static EngineRule Rule(string id, TrafficDirection direction, int priority, bool drop, string protocol, string ports, string peer,
        string group = "sg-basic", string? local = null, string? sourcePorts = null)
    {
        IpProtocol.TryParse(protocol, out var p);
        PortRange.TryParse(ports, out var range);
        PortRange? source = sourcePorts is null ? null : PortRange.TryParse(sourcePorts, out var s) ? s : null;
        return new EngineRule(id, group, direction, priority, drop, p, [range], source, [IPNetwork.Parse(peer)], local is null ? null : IPNetwork.Parse(local));
    }

    private static Packet In(int protocol, string source, int port, string destination = "192.168.1.10", int sourcePort = 40000) =>
        new(TrafficDirection.Ingress, protocol, IPAddress.Parse(source), sourcePort, IPAddress.Parse(destination), port);

    private static Packet Out(int protocol, string destination, int port, string source = "192.168.1.10") =>
        new(TrafficDirection.Egress, protocol, IPAddress.Parse(source), 40000, IPAddress.Parse(destination), port);

    private static Verdict Decide(EngineGroup[] groups, EngineRule[] rules, Packet packet, params string[] peerGroups) =>
        TrafficEvaluator.Evaluate(groups, TrafficEvaluator.Order(rules), packet, peerGroups.Length == 0 ? null : peerGroups.ToHashSet());

    [Fact]
    public void EmptyBasicGroup_DropsInboundAndAcceptsOutbound()
    {
        Assert.Equal((Decision.Drop, DecisionReason.Default), Pair(Decide([Basic], [], In(6, "8.8.8.8", 22))));
        Assert.Equal((Decision.Accept, DecisionReason.Default), Pair(Decide([Basic], [], Out(6, "8.8.8.8", 443))));
    }

    [Fact]
    public void EmptyEnterpriseGroup_DropsBothDirections()
    {
        Assert.Equal((Decision.Drop, DecisionReason.Default), Pair(Decide([Enterprise], [], In(6, "8.8.8.8", 22))));
        Assert.Equal((Decision.Drop, DecisionReason.Default), Pair(Decide([Enterprise], [], Out(6, "8.8.8.8", 443))));
    }

    [Fact]
    public void InnerAccessAccept_BeatsACustomDrop()
    {
        var drop = Rule("r1", TrafficDirection.Ingress, 1, true, "ALL", "-1/-1", "0.0.0.0/0");

        var verdict = Decide([Basic], [drop], In(6, "192.168.1.20", 22), "sg-basic");

        Assert.Equal((Decision.Accept, DecisionReason.InnerAccess), Pair(verdict));
        Assert.Null(verdict.MatchedRule);
    }

    [Fact]
    public void InnerAccessDrop_LeavesItToRulesThenTheDefault()
    {
        var allow = Rule("r1", TrafficDirection.Ingress, 1, false, "TCP", "22/22", "192.168.0.0/16", "sg-isolated");

        Assert.Equal((Decision.Accept, DecisionReason.Rule), Pair(Decide([Isolated], [allow], In(6, "192.168.1.20", 22), "sg-isolated")));
        Assert.Equal((Decision.Drop, DecisionReason.Default), Pair(Decide([Isolated], [allow], In(6, "192.168.1.20", 80), "sg-isolated")));
    }

    [Fact]
    public void SharedGroups_AnyAcceptingGroupIsEnough_AndOnlySharedGroupsCount()
    {
        Assert.Equal(DecisionReason.InnerAccess, Decide([Isolated, Basic], [], In(6, "192.168.1.20", 22), "sg-isolated", "sg-basic").Reason);
        Assert.Equal(DecisionReason.Default, Decide([Isolated, Basic], [], In(6, "192.168.1.20", 22), "sg-isolated").Reason);
        Assert.Equal(DecisionReason.Default, Decide([Basic], [], In(6, "192.168.1.20", 22), "sg-other").Reason);
    }

    [Fact]
    public void Enterprise_HasNoInnerAccess()
    {
        Assert.Equal(Decision.Drop, Decide([Enterprise], [], In(6, "192.168.1.20", 22), "sg-ent").Decision);
    }

    [Fact]
    public void InnerAccess_IsInboundOnly()
    {
        var drop = Rule("r1", TrafficDirection.Egress, 1, true, "ALL", "-1/-1", "192.168.0.0/16");
        Assert.Equal((Decision.Drop, DecisionReason.Rule), Pair(Decide([Basic], [drop], Out(6, "192.168.1.20", 22), "sg-basic")));
    }

    [Fact]
    public void Priority_SmallerFirst_AndDropBeforeAcceptAtEqualPriorityAcrossGroups()
    {
        var accept1 = Rule("a", TrafficDirection.Ingress, 1, false, "TCP", "22/22", "0.0.0.0/0", "sg-a");
        var drop2 = Rule("b", TrafficDirection.Ingress, 2, true, "TCP", "22/22", "0.0.0.0/0", "sg-b");
        var drop1 = Rule("c", TrafficDirection.Ingress, 1, true, "TCP", "22/22", "10.0.0.0/8", "sg-b");
        var groups = new[] { new EngineGroup("sg-a", false, true), new EngineGroup("sg-b", false, true) };

        var fromOutside = Decide(groups, [accept1, drop2, drop1], In(6, "8.8.8.8", 22));
        var fromTen = Decide(groups, [accept1, drop2, drop1], In(6, "10.1.1.1", 22));

        Assert.Equal("a", fromOutside.MatchedRule!.RuleId);
        Assert.Equal(Decision.Accept, fromOutside.Decision);
        Assert.Equal("c", fromTen.MatchedRule!.RuleId);
        Assert.Equal(Decision.Drop, fromTen.Decision);
        Assert.Equal(["c"], fromTen.Trace.Select(t => t.Rule.RuleId));
        Assert.Equal([(false, Mismatch.Address), (true, Mismatch.None)], fromOutside.Trace.Select(t => (t.Matched, t.Mismatch)));
    }

    [Theory]
    [InlineData(6, 22, true)]
    [InlineData(17, 53, true)]
    [InlineData(1, -1, true)]
    [InlineData(47, -1, true)]
    [InlineData(58, -1, true)]
    public void AllWithMinusOne_MatchesEveryProtocolAndPort(int protocol, int port, bool matched)
    {
        var all = Rule("r", TrafficDirection.Ingress, 1, false, "ALL", "-1/-1", protocol == 58 ? "::/0" : "0.0.0.0/0");
        var source = protocol == 58 ? "2001:db8::1" : "8.8.8.8";
        var destination = protocol == 58 ? "2001:db8::2" : "192.168.1.10";

        Assert.Equal(matched, Decide([Basic], [all], In(protocol, source, port, destination)).Reason == DecisionReason.Rule);
    }

    [Theory]
    [InlineData(21, Mismatch.Port)]
    [InlineData(22, Mismatch.None)]
    [InlineData(25, Mismatch.None)]
    [InlineData(26, Mismatch.Port)]
    public void PortRanges_AreInclusive(int port, Mismatch expected)
    {
        var rule = Rule("r", TrafficDirection.Ingress, 1, false, "TCP", "22/25", "0.0.0.0/0");
        Assert.Equal(expected, TrafficEvaluator.Match(rule, In(6, "8.8.8.8", port)));
    }

    [Fact]
    public void ProtocolAndFamily_MustMatch()
    {
        var tcp = Rule("r", TrafficDirection.Ingress, 1, false, "TCP", "1/65535", "0.0.0.0/0");
        var v6 = Rule("r6", TrafficDirection.Ingress, 1, false, "TCP", "1/65535", "::/0");

        Assert.Equal(Mismatch.Protocol, TrafficEvaluator.Match(tcp, In(17, "8.8.8.8", 53)));
        Assert.Equal(Mismatch.Address, TrafficEvaluator.Match(v6, In(6, "8.8.8.8", 80)));
        Assert.Equal(Mismatch.None, TrafficEvaluator.Match(v6, In(6, "2001:db8::1", 80, "2001:db8::2")));
    }

    [Fact]
    public void QuintupleFields_NarrowTheMatch()
    {
        var rule = Rule("r", TrafficDirection.Ingress, 1, false, "TCP", "22/22", "10.0.0.0/8", local: "192.168.1.10/32", sourcePorts: "1024/65535");

        Assert.Equal(Mismatch.None, TrafficEvaluator.Match(rule, In(6, "10.0.0.5", 22, "192.168.1.10", 50000)));
        Assert.Equal(Mismatch.LocalAddress, TrafficEvaluator.Match(rule, In(6, "10.0.0.5", 22, "192.168.1.11", 50000)));
        Assert.Equal(Mismatch.SourcePort, TrafficEvaluator.Match(rule, In(6, "10.0.0.5", 22, "192.168.1.10", 80)));
    }

    [Fact]
    public void EgressRules_MatchTheDestination()
    {
        var drop = Rule("r", TrafficDirection.Egress, 1, true, "TCP", "25/25", "0.0.0.0/0");

        Assert.Equal((Decision.Drop, DecisionReason.Rule), Pair(Decide([Basic], [drop], Out(6, "1.2.3.4", 25))));
        Assert.Equal((Decision.Accept, DecisionReason.Default), Pair(Decide([Basic], [drop], Out(6, "1.2.3.4", 465))));
        Assert.Equal(0, Decide([Basic], [drop], In(6, "1.2.3.4", 25)).EvaluatedRules);
    }

    private static (Decision, DecisionReason) Pair(Verdict verdict) => (verdict.Decision, verdict.Reason);
}
