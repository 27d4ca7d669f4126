using System.Net;
using SecurityGroups.RuleEngine;

namespace SecurityGroups.UnitTests.RuleEngine;

/// <summary>
/// <see cref="CompiledEni.Ask"/> and the peer-question <see cref="CompiledEni.Decide(in PeerQuestion, IPAddress, IReadOnlySet{string}?)"/>
/// (the matrix's path), named cases beside the random oracle in <see cref="CompiledOracleTests"/>: each answer equals the
/// one the packet path gives.
/// </summary>
public sealed class PeerQuestionTests
{
    private static readonly EngineGroup Basic = new("sg-basic", false, true);
    private static readonly EngineGroup Enterprise = new("sg-ent", true, false);

    private static EngineRule Rule(string id, TrafficDirection direction, int priority, bool drop, string ports, string peer, string? local = null,
        string group = "sg-basic")
    {
        PortRange.TryParse(ports, out var range);
        return new EngineRule(id, group, direction, priority, drop, IpProtocol.Tcp, [range], null, [IPNetwork.Parse(peer)],
            local is null ? null : IPNetwork.Parse(local));
    }

    private static readonly IPAddress Self = IPAddress.Parse("192.168.1.10");

    /// <summary>The verdict by the peer question, asserted equal to the packet path's, as (decision, reason, rule id, evaluated).</summary>
    private static (Decision, DecisionReason, string?, int) Both(CompiledEni model, TrafficDirection direction, int port, string peer, IPAddress? local = null,
        IReadOnlySet<string>? peers = null)
    {
        var self = local ?? Self;
        var other = IPAddress.Parse(peer);
        var packet = direction == TrafficDirection.Ingress
            ? new Packet(direction, 6, other, 40000, self, port)
            : new Packet(direction, 6, self, 40000, other, port);
        var byPacket = model.Decide(packet, peers);
        var byQuestion = model.Decide(model.Ask(direction, 6, port, 40000, self), other, peers);
        Assert.Equal(byPacket, byQuestion);
        return (byQuestion.Decision, byQuestion.Reason, byQuestion.MatchedRule?.RuleId, byQuestion.EvaluatedRules);
    }

    [Fact]
    public void PortEdges_AndSinglePortRanges_DecideAsThePacketPathDoes()
    {
        var model = CompiledEni.Compile([Basic], [
            Rule("low", TrafficDirection.Ingress, 1, false, "1/1", "10.0.0.0/8"),
            Rule("high", TrafficDirection.Ingress, 1, true, "65535/65535", "10.0.0.0/8"),
            Rule("range", TrafficDirection.Ingress, 2, false, "1/65535", "10.1.0.0/16"),
        ]);

        // At one priority a Drop is evaluated before an Accept: "high" is first, "low" second.
        Assert.Equal((Decision.Accept, DecisionReason.Rule, "low", 2), Both(model, TrafficDirection.Ingress, 1, "10.9.9.9"));
        Assert.Equal((Decision.Drop, DecisionReason.Rule, "high", 1), Both(model, TrafficDirection.Ingress, 65535, "10.1.2.3"));
        Assert.Equal((Decision.Accept, DecisionReason.Rule, "range", 3), Both(model, TrafficDirection.Ingress, 2, "10.1.2.3"));
        Assert.Equal((Decision.Drop, DecisionReason.Default, null, 3), Both(model, TrafficDirection.Ingress, 2, "10.9.9.9"));
        Assert.Equal((Decision.Drop, DecisionReason.Default, null, 3), Both(model, TrafficDirection.Ingress, 1, "11.0.0.0"));
    }

    [Fact]
    public void TheLocalAddress_IsFixedByTheQuestion()
    {
        // An egress rule for one local address: asked from another address of the ENI, it does not match.
        var model = CompiledEni.Compile([Basic], [Rule("mine", TrafficDirection.Egress, 1, true, "443/443", "0.0.0.0/0", local: "192.168.1.10/32")]);

        Assert.Equal((Decision.Drop, DecisionReason.Rule, "mine", 1), Both(model, TrafficDirection.Egress, 443, "8.8.8.8"));
        Assert.Equal((Decision.Accept, DecisionReason.Default, null, 1), Both(model, TrafficDirection.Egress, 443, "8.8.8.8", IPAddress.Parse("192.168.1.11")));
    }

    [Fact]
    public void InnerAccess_IsDecidedByThePeersGroups_OnlyInbound_AndNotForEnterpriseGroups()
    {
        var drop = Rule("drop", TrafficDirection.Ingress, 1, true, "1/65535", "0.0.0.0/0");
        var basic = CompiledEni.Compile([Basic], [drop, Rule("out", TrafficDirection.Egress, 1, true, "1/65535", "0.0.0.0/0")]);
        var sharing = new HashSet<string> { "sg-basic" };

        Assert.Equal((Decision.Accept, DecisionReason.InnerAccess, null, 0), Both(basic, TrafficDirection.Ingress, 22, "192.168.1.20", peers: sharing));
        Assert.Equal((Decision.Drop, DecisionReason.Rule, "drop", 1), Both(basic, TrafficDirection.Ingress, 22, "192.168.1.20", peers: new HashSet<string> { "sg-x" }));
        Assert.Equal((Decision.Drop, DecisionReason.Rule, "out", 1), Both(basic, TrafficDirection.Egress, 22, "192.168.1.20", peers: sharing));

        var enterprise = CompiledEni.Compile([Enterprise], []);
        Assert.Equal((Decision.Drop, DecisionReason.Default, null, 0), Both(enterprise, TrafficDirection.Ingress, 22, "192.168.1.20",
            peers: new HashSet<string> { "sg-ent" }));
        Assert.Equal((Decision.Drop, DecisionReason.Default, null, 0), Both(enterprise, TrafficDirection.Egress, 22, "192.168.1.20"));
    }

    [Fact]
    public void Ipv6Peers_AreLookedUpInTheirOwnFamily()
    {
        var model = CompiledEni.Compile([Basic], [
            Rule("v6", TrafficDirection.Ingress, 1, false, "80/80", "2001:db8::/32"),
            Rule("v4", TrafficDirection.Ingress, 2, false, "80/80", "0.0.0.0/0"),
        ]);
        var local = IPAddress.Parse("2001:db8::10");

        Assert.Equal((Decision.Accept, DecisionReason.Rule, "v6", 1), Both(model, TrafficDirection.Ingress, 80, "2001:db8::1", local));
        Assert.Equal((Decision.Drop, DecisionReason.Default, null, 2), Both(model, TrafficDirection.Ingress, 80, "2001:db9::1", local));
    }

    [Fact]
    public void AQuestion_BelongsToTheModelThatAskedIt()
    {
        var one = CompiledEni.Compile([Basic], []);
        var other = CompiledEni.Compile([Basic], []);
        var question = one.Ask(TrafficDirection.Ingress, 6, 22, 40000, Self);

        Assert.Equal(TrafficDirection.Ingress, question.Direction);
        Assert.Throws<ArgumentException>(() => other.Decide(question, IPAddress.Parse("10.0.0.1"), null));
    }
}
