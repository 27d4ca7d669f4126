using System.Net;
using SecurityGroups.RuleEngine;

namespace SecurityGroups.Engine.Bench;

/// <summary>
/// The benchmark's ENI: 10 basic groups of 100 rules each (1,000 rules, both directions), TCP/UDP/ICMP/ALL, single
/// ports and ranges, /8 to /32 peers, a fifth of them Drop, priorities 1-100 with ties. Deterministic (seeded).
/// </summary>
public static class EngineFixture
{
    public static readonly EngineGroup[] Groups = Enumerable.Range(0, 10).Select(i => new EngineGroup($"sg-{i:D2}", false, true)).ToArray();

    public static EngineRule[] Rules(int count = 1000, int seed = 42)
    {
        var random = new Random(seed);
        var protocols = new[] { IpProtocol.Tcp, IpProtocol.Tcp, IpProtocol.Tcp, IpProtocol.Udp, IpProtocol.Icmp, IpProtocol.All };
        return Enumerable.Range(0, count).Select(i =>
        {
            var protocol = protocols[random.Next(protocols.Length)];
            var from = random.Next(1, 60000);
            PortRange ports = !protocol.HasPorts ? PortRange.Any : random.Next(3) == 0 ? new PortRange(from, from + random.Next(1, 2000)) : new PortRange(from, from);
            var prefix = random.Next(8, 33);
            var address = (uint)random.NextInt64(0, uint.MaxValue) & (prefix == 32 ? uint.MaxValue : ~((1u << (32 - prefix)) - 1));
            var peer = AddressKey.NetworkV4(address, prefix);
            return new EngineRule($"sgr-{i:D4}", Groups[i % Groups.Length].GroupId, i % 2 == 0 ? TrafficDirection.Ingress : TrafficDirection.Egress,
                random.Next(1, 101), random.Next(5) == 0, protocol, [ports], null, [peer], null);
        }).ToArray();
    }

    /// <summary>Inbound packets that match no rule at all: the linear scan's worst case (every ingress rule tried).</summary>
    public static readonly Packet WorstCase = new(TrafficDirection.Ingress, 47, IPAddress.Parse("203.0.113.9"), -1, IPAddress.Parse("192.168.0.10"), -1);

    /// <summary>Mixed traffic: a quarter aimed at a random rule, the rest random TCP/UDP/ICMP in both directions.</summary>
    public static Packet[] Mixed(EngineRule[] rules, int count = 4096, int seed = 7)
    {
        var random = new Random(seed);
        var local = IPAddress.Parse("192.168.0.10");
        return Enumerable.Range(0, count).Select(_ =>
        {
            var rule = rules[random.Next(rules.Length)];
            var aimed = random.Next(4) == 0;
            var direction = aimed ? rule.Direction : (random.Next(2) == 0 ? TrafficDirection.Ingress : TrafficDirection.Egress);
            var protocol = aimed && rule.Protocol.Number >= 0 ? rule.Protocol.Number : new[] { 6, 17, 1 }[random.Next(3)];
            var port = protocol is 6 or 17 ? (aimed ? rule.Ports[0].IsAny ? 80 : rule.Ports[0].From : random.Next(1, 65536)) : -1;
            var peer = aimed ? rule.Peers[0].BaseAddress : AddressKey.NetworkV4((uint)random.NextInt64(0, uint.MaxValue), 32).BaseAddress;
            return direction == TrafficDirection.Ingress
                ? new Packet(direction, protocol, peer, protocol is 6 or 17 ? 40000 : -1, local, port)
                : new Packet(direction, protocol, local, protocol is 6 or 17 ? 40000 : -1, peer, port);
        }).ToArray();
    }
}
