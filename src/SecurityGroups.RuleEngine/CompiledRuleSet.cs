using System.Net;
using System.Net.Sockets;
using System.Numerics;

namespace SecurityGroups.RuleEngine;

/// <summary>
/// The rules of one ENI for one direction compiled for lookup without a scan (performance-reliability.md 3): each
/// dimension (protocol, destination port, source port, peer address, local address, per family) maps a packet field to
/// the bit-vector of rules, in evaluation order, that accept that value; the AND of the five rows has the deciding rule
/// at its lowest set bit. Immutable once built, so any number of threads may read it without a lock.
/// The linear <see cref="TrafficEvaluator"/> is the oracle it is property-tested against.
/// </summary>
public sealed class CompiledRuleSet
{
    private const int Protocols = 256;

    private readonly int _words;
    private readonly ulong[] _protocols;
    private readonly ulong[] _allProtocolsOnly;
    private readonly ulong[] _unrestrictedSourcePort;
    private readonly IntervalIndex<int> _ports;
    private readonly IntervalIndex<int> _sourcePorts;
    private readonly IntervalIndex<uint> _peerV4;
    private readonly IntervalIndex<UInt128> _peerV6;
    private readonly IntervalIndex<uint> _localV4;
    private readonly IntervalIndex<UInt128> _localV6;

    private CompiledRuleSet(TrafficDirection direction, EngineRule[] rules)
    {
        Direction = direction;
        Rules = rules;
        _words = Math.Max(1, (rules.Length + 63) >> 6);
        _protocols = new ulong[Protocols * _words];
        _allProtocolsOnly = new ulong[_words];
        _unrestrictedSourcePort = new ulong[_words];
        var ports = new List<(int, int, int)>();
        var sourcePorts = new List<(int, int, int)>();
        var peerV4 = new List<(int, uint, uint)>();
        var peerV6 = new List<(int, UInt128, UInt128)>();
        var localV4 = new List<(int, uint, uint)>();
        var localV6 = new List<(int, UInt128, UInt128)>();
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            var bit = 1UL << (i & 63);
            if (rule.Protocol.Number == IpProtocol.AllNumber)
            {
                _allProtocolsOnly[i >> 6] |= bit;
                for (var p = 0; p < Protocols; p++)
                {
                    _protocols[(p * _words) + (i >> 6)] |= bit;
                }
            }
            else if (rule.Protocol.Number is >= 0 and < Protocols)
            {
                _protocols[(rule.Protocol.Number * _words) + (i >> 6)] |= bit;
            }

            foreach (var range in rule.Ports)
            {
                ports.Add(range.IsAny ? (i, 0, 65535) : (i, range.From, range.To));
            }

            if (rule.SourcePorts is not { IsAny: false } sourceRange)
            {
                _unrestrictedSourcePort[i >> 6] |= bit;
                sourcePorts.Add((i, 0, 65535));
            }
            else
            {
                sourcePorts.Add((i, sourceRange.From, sourceRange.To));
            }

            foreach (var peer in rule.Peers)
            {
                Add(peer, i, peerV4, peerV6);
            }

            if (rule.LocalAddress is { } local)
            {
                Add(local, i, localV4, localV6);
            }
            else
            {
                localV4.Add((i, 0, uint.MaxValue));
                localV6.Add((i, 0, UInt128.MaxValue));
            }
        }

        _ports = new IntervalIndex<int>(ports, 0, 65535, _words);
        _sourcePorts = new IntervalIndex<int>(sourcePorts, 0, 65535, _words);
        _peerV4 = new IntervalIndex<uint>(peerV4, 0, uint.MaxValue, _words);
        _peerV6 = new IntervalIndex<UInt128>(peerV6, 0, UInt128.MaxValue, _words);
        _localV4 = new IntervalIndex<uint>(localV4, 0, uint.MaxValue, _words);
        _localV6 = new IntervalIndex<UInt128>(localV6, 0, UInt128.MaxValue, _words);
    }

    public TrafficDirection Direction { get; }

    /// <summary>The direction's rules in evaluation order; bit <c>i</c> of every row stands for <c>Rules[i]</c>.</summary>
    public IReadOnlyList<EngineRule> Rules { get; }

    /// <summary>Compiles the rules of <paramref name="direction"/> from <paramref name="orderedRules"/> (in <see cref="TrafficEvaluator.Order"/>).</summary>
    public static CompiledRuleSet Compile(IReadOnlyList<EngineRule> orderedRules, TrafficDirection direction) =>
        new(direction, orderedRules.Where(r => r.Direction == direction).ToArray());

    /// <summary>The position in <see cref="Rules"/> of the first rule matching <paramref name="packet"/>, or -1.</summary>
    public int FirstMatch(in Packet packet)
    {
        if (Rules.Count == 0)
        {
            return -1;
        }

        Span<ulong> acc = _words <= 256 ? stackalloc ulong[_words] : new ulong[_words];
        var protocolRow = packet.Protocol is >= 0 and < Protocols
            ? _protocols.AsSpan(packet.Protocol * _words, _words)
            : _allProtocolsOnly.AsSpan();
        protocolRow.CopyTo(acc);
        if (packet.DestinationPort >= 0)
        {
            And(acc, _ports.Lookup(packet.DestinationPort));
        }

        And(acc, packet.SourcePort >= 0 ? _sourcePorts.Lookup(packet.SourcePort) : _unrestrictedSourcePort);
        var (peer, local) = packet.Direction == TrafficDirection.Ingress
            ? (packet.SourceIp, packet.DestinationIp)
            : (packet.DestinationIp, packet.SourceIp);
        And(acc, peer.AddressFamily == AddressFamily.InterNetwork ? _peerV4.Lookup(AddressKey.V4(peer)) : _peerV6.Lookup(AddressKey.V6(peer)));
        And(acc, local.AddressFamily == AddressFamily.InterNetwork ? _localV4.Lookup(AddressKey.V4(local)) : _localV6.Lookup(AddressKey.V6(local)));
        for (var w = 0; w < acc.Length; w++)
        {
            if (acc[w] != 0)
            {
                return (w << 6) + BitOperations.TrailingZeroCount(acc[w]);
            }
        }

        return -1;
    }

    private static void And(Span<ulong> acc, ReadOnlySpan<ulong> row)
    {
        for (var w = 0; w < acc.Length; w++)
        {
            acc[w] &= row[w];
        }
    }

    private static void Add(IPNetwork network, int rule, List<(int, uint, uint)> v4, List<(int, UInt128, UInt128)> v6)
    {
        if (AddressKey.IsV4(network))
        {
            var (low, high) = AddressKey.RangeV4(network);
            v4.Add((rule, low, high));
        }
        else
        {
            var (low, high) = AddressKey.RangeV6(network);
            v6.Add((rule, low, high));
        }
    }
}
