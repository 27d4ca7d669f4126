using System.Net;
using SecurityGroups.RuleEngine;

namespace SecurityGroups.UnitTests.RuleEngine;

/// <summary>
/// The findings' static analysis at its edges: which rule covers which (ports at 1 and 65535, single-port ranges, source
/// ports, local addresses, address families), the first cover reported, and the management-port and all-ports checks.
/// </summary>
public sealed class RuleAnalysisTests
{
    private static EngineRule Rule(string id, int priority = 1, bool drop = false, string protocol = "TCP", string ports = "22/22",
        string peer = "0.0.0.0/0", TrafficDirection direction = TrafficDirection.Ingress, string? sourcePorts = null, string? local = null,
        string[]? morePorts = null, string[]? morePeers = null)
    {
        Assert.True(IpProtocol.TryParse(protocol, out var p));
        var ranges = new List<PortRange>();
        foreach (var text in new[] { ports }.Concat(morePorts ?? []))
        {
            Assert.True(PortRange.TryParse(text, out var range), text);
            ranges.Add(range);
        }

        PortRange? source = null;
        if (sourcePorts is not null)
        {
            Assert.True(PortRange.TryParse(sourcePorts, out var s));
            source = s;
        }

        var peers = new[] { peer }.Concat(morePeers ?? []).Select(IPNetwork.Parse).ToList();
        return new EngineRule(id, "sg-1", direction, priority, drop, p, ranges, source, peers, local is null ? null : IPNetwork.Parse(local));
    }

    [Theory]
    [InlineData("1/65535", "1/65535", true)]
    [InlineData("1/65535", "1/1", true)]
    [InlineData("1/65535", "65535/65535", true)]
    [InlineData("2/65535", "1/1", false)]
    [InlineData("1/65534", "65535/65535", false)]
    [InlineData("22/22", "22/22", true)]
    [InlineData("22/22", "21/22", false)]
    [InlineData("22/22", "22/23", false)]
    [InlineData("21/23", "22/22", true)]
    [InlineData("-1/-1", "1/65535", true)]
    [InlineData("-1/-1", "80/80", true)]
    [InlineData("1/65535", "-1/-1", false)]
    public void Covers_ComparesPortRangesInclusively(string outer, string inner, bool covers)
    {
        Assert.Equal(covers, RuleAnalysis.Covers(Rule("a", ports: outer), Rule("b", ports: inner)));
    }

    [Fact]
    public void Covers_EveryRangeOfAPortListMustFitSomeRangeOfTheOuter()
    {
        var outer = Rule("a", ports: "1/100", morePorts: ["200/300"]);

        Assert.True(RuleAnalysis.Covers(outer, Rule("b", ports: "1/100", morePorts: ["250/250"])));
        Assert.False(RuleAnalysis.Covers(outer, Rule("b", ports: "1/100", morePorts: ["150/150"])));
        Assert.False(RuleAnalysis.Covers(outer, Rule("b", ports: "50/250")));
    }

    [Theory]
    [InlineData("ALL", "TCP", true)]
    [InlineData("TCP", "TCP", true)]
    [InlineData("TCP", "UDP", false)]
    [InlineData("TCP", "ALL", false)]
    [InlineData("ICMP", "ICMP", true)]
    [InlineData("ALL", "ALL", true)]
    public void Covers_Protocol(string outer, string inner, bool covers)
    {
        var outerPorts = outer is "TCP" or "UDP" ? "1/65535" : "-1/-1";
        var innerPorts = inner is "TCP" or "UDP" ? "22/22" : "-1/-1";

        Assert.Equal(covers, RuleAnalysis.Covers(Rule("a", protocol: outer, ports: outerPorts), Rule("b", protocol: inner, ports: innerPorts)));
    }

    [Fact]
    public void Covers_PortsDoNotMatterForProtocolsWithoutPorts_ButDoForAll()
    {
        // ICMP inside ICMP: the -1/-1 ranges are not compared (no ports to cover).
        Assert.True(RuleAnalysis.Covers(Rule("a", protocol: "ICMP", ports: "-1/-1"), Rule("b", protocol: "ICMP", ports: "-1/-1")));

        // An ALL rule inside an ALL rule: its -1/-1 is every port; an outer ALL with -1/-1 covers it.
        Assert.True(RuleAnalysis.Covers(Rule("a", protocol: "ALL", ports: "-1/-1"), Rule("b", protocol: "ALL", ports: "-1/-1")));
    }

    [Theory]
    [InlineData("0.0.0.0/0", "10.0.0.0/8", true)]
    [InlineData("10.0.0.0/8", "10.0.0.0/8", true)]
    [InlineData("10.0.0.0/8", "10.255.255.255/32", true)]
    [InlineData("10.0.0.0/8", "11.0.0.0/32", false)]
    [InlineData("10.0.0.0/9", "10.0.0.0/8", false)]
    [InlineData("10.128.0.0/9", "10.0.0.0/9", false)]
    [InlineData("0.0.0.0/0", "::/0", false)]
    [InlineData("::/0", "2001:db8::/32", true)]
    [InlineData("::/0", "10.0.0.0/8", false)]
    public void Covers_Peers(string outer, string inner, bool covers)
    {
        Assert.Equal(covers, RuleAnalysis.Covers(Rule("a", peer: outer), Rule("b", peer: inner)));
    }

    [Fact]
    public void Covers_EveryPeerOfTheInnerMustFitSomePeerOfTheOuter()
    {
        var outer = Rule("a", peer: "10.0.0.0/8", morePeers: ["192.168.0.0/16"]);

        Assert.True(RuleAnalysis.Covers(outer, Rule("b", peer: "10.1.0.0/16", morePeers: ["192.168.1.0/24"])));
        Assert.False(RuleAnalysis.Covers(outer, Rule("b", peer: "10.1.0.0/16", morePeers: ["172.16.0.0/12"])));
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData(null, "1000/2000", true)]
    [InlineData("1000/2000", null, false)]
    [InlineData("1000/2000", "1000/2000", true)]
    [InlineData("1000/2000", "1000/1000", true)]
    [InlineData("1000/2000", "2000/2000", true)]
    [InlineData("1000/2000", "999/1000", false)]
    [InlineData("1000/2000", "2000/2001", false)]
    [InlineData("-1/-1", "1000/2000", true)]
    public void Covers_SourcePorts(string? outer, string? inner, bool covers)
    {
        Assert.Equal(covers, RuleAnalysis.Covers(Rule("a", sourcePorts: outer), Rule("b", sourcePorts: inner)));
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData(null, "192.168.1.10/32", true)]
    [InlineData("192.168.1.0/24", null, false)]
    [InlineData("192.168.1.0/24", "192.168.1.10/32", true)]
    [InlineData("192.168.1.10/32", "192.168.1.0/24", false)]
    [InlineData("192.168.1.0/24", "192.168.2.10/32", false)]
    public void Covers_LocalAddress(string? outer, string? inner, bool covers)
    {
        Assert.Equal(covers, RuleAnalysis.Covers(Rule("a", local: outer), Rule("b", local: inner)));
    }

    [Fact]
    public void Shadowed_ReportsTheFirstEarlierCover_InTheSameDirectionOnly()
    {
        var wide = Rule("wide", priority: 1, ports: "1/65535");
        var alsoWide = Rule("also", priority: 2, ports: "1/100");
        var egress = Rule("egress", priority: 1, ports: "1/65535", direction: TrafficDirection.Egress);
        var narrow = Rule("narrow", priority: 3, ports: "22/22");
        var egressNarrow = Rule("egress-narrow", priority: 5, ports: "22/22", direction: TrafficDirection.Egress, peer: "10.0.0.0/8");

        var shadowed = RuleAnalysis.Shadowed(TrafficEvaluator.Order([narrow, alsoWide, wide, egress, egressNarrow]));

        Assert.Equal(
            [("also", "wide"), ("narrow", "wide"), ("egress-narrow", "egress")],
            shadowed.Select(s => (s.Rule.RuleId, s.CoveredBy.RuleId)).ToArray());
    }

    [Fact]
    public void Shadowed_SamePriority_DropComesFirstAndShadowsItsAcceptTwin()
    {
        var accept = Rule("a-accept", priority: 5, ports: "80/80");
        var drop = Rule("z-drop", priority: 5, drop: true, ports: "80/80");

        var shadowed = RuleAnalysis.Shadowed(TrafficEvaluator.Order([accept, drop]));

        var only = Assert.Single(shadowed);
        Assert.Equal(("a-accept", "z-drop"), (only.Rule.RuleId, only.CoveredBy.RuleId));
    }

    [Fact]
    public void Shadowed_SamePriorityAndPolicy_TheLowerRuleIdIsKept()
    {
        var first = Rule("sgr-a", priority: 5, ports: "80/80");
        var second = Rule("sgr-b", priority: 5, ports: "80/80");

        var only = Assert.Single(RuleAnalysis.Shadowed(TrafficEvaluator.Order([second, first])));
        Assert.Equal(("sgr-b", "sgr-a"), (only.Rule.RuleId, only.CoveredBy.RuleId));
    }

    [Fact]
    public void Shadowed_NothingCovered_NothingReported_AndRulesWithoutPeersAreSkipped()
    {
        var a = Rule("a", priority: 1, ports: "22/22");
        var b = Rule("b", priority: 2, ports: "23/23");
        var noPeers = new EngineRule("empty", "sg-1", TrafficDirection.Ingress, 3, false, IpProtocol.Tcp, [new PortRange(22, 22)], null, [], null);

        Assert.Empty(RuleAnalysis.Shadowed(TrafficEvaluator.Order([a, b, noPeers])));
    }

    [Fact]
    public void Shadowed_AnEarlierRuleThatCoversOnlyPartIsNotACover()
    {
        var part = Rule("part", priority: 1, ports: "1/1000");
        var later = Rule("later", priority: 2, ports: "999/1001");

        Assert.Empty(RuleAnalysis.Shadowed(TrafficEvaluator.Order([part, later])));
    }

    [Theory]
    [InlineData("TCP", "1/65535", "0.0.0.0/0", true)]
    [InlineData("UDP", "1/65535", "0.0.0.0/0", true)]
    [InlineData("TCP", "2/65535", "0.0.0.0/0", false)]
    [InlineData("TCP", "1/65534", "0.0.0.0/0", false)]
    [InlineData("TCP", "1/65535", "0.0.0.0/1", false)]
    [InlineData("TCP", "1/65535", "::/0", true)]
    [InlineData("ALL", "-1/-1", "0.0.0.0/0", true)]
    [InlineData("ALL", "-1/-1", "10.0.0.0/8", false)]
    [InlineData("ICMP", "-1/-1", "0.0.0.0/0", false)]
    [InlineData("GRE", "-1/-1", "0.0.0.0/0", false)]
    public void OpensAllPortsToTheWorld_Edges(string protocol, string ports, string peer, bool opens)
    {
        Assert.Equal(opens, RuleAnalysis.OpensAllPortsToTheWorld(Rule("r", protocol: protocol, ports: ports, peer: peer)));
    }

    [Fact]
    public void OpensAllPortsToTheWorld_OnlyInboundAccept()
    {
        Assert.False(RuleAnalysis.OpensAllPortsToTheWorld(Rule("r", protocol: "ALL", ports: "-1/-1", drop: true)));
        Assert.False(RuleAnalysis.OpensAllPortsToTheWorld(Rule("r", protocol: "ALL", ports: "-1/-1", direction: TrafficDirection.Egress)));
        Assert.True(RuleAnalysis.OpensAllPortsToTheWorld(Rule("r", ports: "22/22", morePorts: ["1/65535"])));
        Assert.True(RuleAnalysis.OpensAllPortsToTheWorld(Rule("r", ports: "1/65535", peer: "10.0.0.0/8", morePeers: ["0.0.0.0/0"])));
    }

    private static List<int> Management(EngineRule rule, params EngineRule[] others)
    {
        var ordered = TrafficEvaluator.Order(others.Append(rule));
        var ingress = CompiledRuleSet.Compile(ordered.Where(r => r.Direction == TrafficDirection.Ingress).ToArray(), TrafficDirection.Ingress);
        return RuleAnalysis.OpenManagementPorts(rule, ingress, 40000);
    }

    [Theory]
    [InlineData("TCP", "22/22", "0.0.0.0/0", new[] { 22 })]
    [InlineData("TCP", "3389/3389", "0.0.0.0/0", new[] { 3389 })]
    [InlineData("TCP", "22/3389", "0.0.0.0/0", new[] { 22, 3389 })]
    [InlineData("TCP", "1/65535", "::/0", new[] { 22, 3389 })]
    [InlineData("ALL", "-1/-1", "0.0.0.0/0", new[] { 22, 3389 })]
    [InlineData("TCP", "21/21", "0.0.0.0/0", new int[0])]
    [InlineData("TCP", "23/3388", "0.0.0.0/0", new int[0])]
    [InlineData("TCP", "3390/65535", "0.0.0.0/0", new int[0])]
    [InlineData("TCP", "22/22", "0.0.0.0/1", new int[0])]
    [InlineData("UDP", "22/22", "0.0.0.0/0", new int[0])]
    public void OpenManagementPorts_Edges(string protocol, string ports, string peer, int[] expected)
    {
        Assert.Equal(expected, Management(Rule("r", protocol: protocol, ports: ports, peer: peer)));
    }

    [Fact]
    public void OpenManagementPorts_PortListRangesAreEachLookedAt_AndPortsReportedOnce()
    {
        Assert.Equal([22, 3389], Management(Rule("r", ports: "3389/3389", morePorts: ["22/22", "20/30"])));
        Assert.Equal([22], Management(Rule("r", ports: "22/22", peer: "0.0.0.0/0", morePeers: ["::/0"])));
    }

    [Fact]
    public void OpenManagementPorts_NotForDropsEgressOrRulesThatNeverDecide()
    {
        Assert.Empty(Management(Rule("r", drop: true)));
        Assert.Empty(Management(Rule("r", direction: TrafficDirection.Egress)));

        // An earlier drop of all of 22 from everywhere: the accept never decides port 22, but still decides 3389.
        var earlierDrop = Rule("drop", priority: 1, drop: true, ports: "22/22");
        Assert.Equal([3389], Management(Rule("r", priority: 2, ports: "22/3389"), earlierDrop));

        // An earlier accept of a part of the world leaves the rest to this rule: still reported.
        var earlierPart = Rule("part", priority: 1, ports: "22/22", peer: "10.0.0.0/8");
        Assert.Equal([22], Management(Rule("r", priority: 2, ports: "22/22"), earlierPart));
    }
}
