using System.Net;
using SecurityGroups.RuleEngine;

namespace SecurityGroups.Domain.Networks;

/// <summary>
/// IPv4 CIDR helpers over <see cref="IPNetwork"/> for VPC and vSwitch blocks: strict parsing (the rule engine's one
/// address parser, <see cref="IpCidr"/>, plus: prefix required, no host bits), containment, overlap, numbering.
/// </summary>
public static class Ipv4Cidr
{
    /// <summary>Blocks Alibaba never allows in a VPC: shared address space, loopback, link-local, multicast and above, 0/8.</summary>
    private static readonly IPNetwork[] Forbidden =
    [
        Stored("100.64.0.0/10"), Stored("127.0.0.0/8"), Stored("169.254.0.0/16"), Stored("224.0.0.0/3"), Stored("0.0.0.0/8"),
    ];

    /// <summary>Parses <c>a.b.c.d/n</c> in canonical form only: prefix required, host bits zero, no leading zeros.</summary>
    public static bool TryParse(string? text, out IPNetwork network)
    {
        network = default;
        if (text is null || !text.Contains('/', StringComparison.Ordinal) || !IpCidr.TryParse(text, out var cidr) || cidr.IsIpv6
            || !string.Equals(cidr.Network.ToString(), text, StringComparison.Ordinal))
        {
            return false;
        }

        network = cidr.Network;
        return true;
    }

    /// <summary>A block this emulator stored (validated when written); anything else is a corrupt row, not bad input.</summary>
    public static IPNetwork Stored(string text) =>
        TryParse(text, out var network) ? network : throw new InvalidOperationException($"The stored IPv4 block \"{text}\" is not canonical.");

    public static bool IsForbiddenInVpc(IPNetwork network) => Forbidden.Any(f => Overlaps(f, network));

    public static bool Contains(IPNetwork outer, IPNetwork inner) =>
        outer.PrefixLength <= inner.PrefixLength && outer.Contains(inner.BaseAddress);

    public static bool Overlaps(IPNetwork a, IPNetwork b) => a.Contains(b.BaseAddress) || b.Contains(a.BaseAddress);

    public static long ToNumber(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return ((long)bytes[0] << 24) | ((long)bytes[1] << 16) | ((long)bytes[2] << 8) | bytes[3];
    }

    public static IPAddress FromNumber(long value) =>
        new([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);

    public static long Size(IPNetwork network) => 1L << (32 - network.PrefixLength);
}
