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
    private readonly ulong[] _unrestrictedLocal;
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
        _unrestrictedLocal = new ulong[_words];
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
                _unrestrictedLocal[i >> 6] |= bit;
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

    /// <summary>
    /// The rules a packet with this protocol, destination port, source port and local address can match, whatever its peer:
    /// the part of <see cref="FirstMatch(in Packet)"/> that does not depend on the peer, for asking many peers the same
    /// question (<see cref="FirstMatch(ReadOnlySpan{ulong}, IPAddress)"/>).
    /// </summary>
    public ulong[] PeerOpenRow(int protocol, int destinationPort, int sourcePort, IPAddress local)
    {
        var row = new ulong[_words];
        FixedRow(row, protocol, destinationPort, sourcePort, local, local.AddressFamily == AddressFamily.InterNetworkV6);
        return row;
    }

    /// <summary>The position of the first rule matching a packet from (or to) <paramref name="peer"/> whose other fields gave <paramref name="peerOpenRow"/>, or -1.</summary>
    public int FirstMatch(ReadOnlySpan<ulong> peerOpenRow, IPAddress peer) =>
        First(peerOpenRow, peer.AddressFamily == AddressFamily.InterNetwork ? _peerV4.Lookup(AddressKey.V4(peer)) : _peerV6.Lookup(AddressKey.V6(peer)));

    /// <summary>
    /// Region question: for every peer address of one family, the deciding rule (position, or -1 for none) of a packet
    /// with this protocol, destination port, source port and local address (null: only rules without a local-address
    /// restriction can match), as maximal inclusive ranges in address order covering the whole family.
    /// </summary>
    public List<(UInt128 Low, UInt128 High, int Rule)> PeerRegions(bool ipv6, int protocol, int destinationPort, int sourcePort, IPAddress? local)
    {
        Span<ulong> fixedRow = _words <= 256 ? stackalloc ulong[_words] : new ulong[_words];
        FixedRow(fixedRow, protocol, destinationPort, sourcePort, local, ipv6);
        var regions = new List<(UInt128, UInt128, int)>();
        if (ipv6)
        {
            Sweep(_peerV6, fixedRow, regions);
        }
        else
        {
            Sweep(_peerV4, fixedRow, regions);
        }

        return regions;
    }

    /// <summary>
    /// Region question: for every destination port 1-65535, the deciding rule (position, or -1) of a packet from
    /// <paramref name="peer"/> with this protocol, source port and local address, as maximal ranges in port order.
    /// </summary>
    public List<(int Low, int High, int Rule)> PortRegions(int protocol, IPAddress peer, int sourcePort, IPAddress? local)
    {
        var ipv6 = peer.AddressFamily == AddressFamily.InterNetworkV6;
        Span<ulong> fixedRow = _words <= 256 ? stackalloc ulong[_words] : new ulong[_words];
        FixedRow(fixedRow, protocol, -1, sourcePort, local, ipv6);
        And(fixedRow, ipv6 ? _peerV6.Lookup(AddressKey.V6(peer)) : _peerV4.Lookup(AddressKey.V4(peer)));
        var regions = new List<(UInt128, UInt128, int)>();
        Sweep(_ports, fixedRow, regions);

        // The index starts at key 0, which is no destination port: the answer starts at port 1.
        var ports = new List<(int Low, int High, int Rule)>(regions.Count);
        foreach (var (low, high, rule) in regions)
        {
            if (high >= 1)
            {
                ports.Add((Math.Max(1, (int)low), (int)high, rule));
            }
        }

        return ports;
    }

    /// <summary>One address inside <paramref name="set"/> for each elementary peer interval it overlaps: the addresses that
    /// can be decided differently (every other address of the set shares its interval's decision with one of these).</summary>
    public List<IPAddress> Representatives(IPNetwork set)
    {
        if (AddressKey.IsV4(set))
        {
            var (low, high) = AddressKey.RangeV4(set);
            return _peerV4.Overlapping(low, high).Select(key => AddressKey.NetworkV4(key, 32).BaseAddress).ToList();
        }

        var (low6, high6) = AddressKey.RangeV6(set);
        return _peerV6.Overlapping(low6, high6).Select(key => AddressKey.NetworkV6(key, 128).BaseAddress).ToList();
    }

    /// <summary>Every interval of <paramref name="index"/> with its deciding rule under <paramref name="fixedRow"/>, merged into <paramref name="regions"/>.</summary>
    private static void Sweep<T>(IntervalIndex<T> index, ReadOnlySpan<ulong> fixedRow, List<(UInt128, UInt128, int)> regions)
        where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
    {
        for (var i = 0; i < index.Count; i++)
        {
            Append(regions, UInt128.CreateTruncating(index.Start(i)), UInt128.CreateTruncating(index.End(i)), First(fixedRow, index.Row(i)));
        }
    }

    /// <summary>The AND of every dimension but the one a region question sweeps (destination port -1: not constrained).</summary>
    private void FixedRow(Span<ulong> row, int protocol, int destinationPort, int sourcePort, IPAddress? local, bool ipv6)
    {
        (protocol is >= 0 and < Protocols ? _protocols.AsSpan(protocol * _words, _words) : _allProtocolsOnly.AsSpan()).CopyTo(row);
        if (destinationPort >= 0)
        {
            And(row, _ports.Lookup(destinationPort));
        }

        And(row, sourcePort >= 0 ? _sourcePorts.Lookup(sourcePort) : _unrestrictedSourcePort);
        if (local is null || (local.AddressFamily == AddressFamily.InterNetworkV6) != ipv6)
        {
            And(row, _unrestrictedLocal);
        }
        else
        {
            And(row, ipv6 ? _localV6.Lookup(AddressKey.V6(local)) : _localV4.Lookup(AddressKey.V4(local)));
        }
    }

    private static int First(ReadOnlySpan<ulong> fixedRow, ReadOnlySpan<ulong> row)
    {
        for (var w = 0; w < fixedRow.Length; w++)
        {
            var bits = fixedRow[w] & row[w];
            if (bits != 0)
            {
                return (w << 6) + BitOperations.TrailingZeroCount(bits);
            }
        }

        return -1;
    }

    private static void Append(List<(UInt128, UInt128, int)> regions, UInt128 low, UInt128 high, int rule)
    {
        if (regions.Count > 0 && regions[^1].Item3 == rule)
        {
            regions[^1] = (regions[^1].Item1, high, rule);
        }
        else
        {
            regions.Add((low, high, rule));
        }
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
