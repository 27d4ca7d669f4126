using System.Net;
using System.Net.Sockets;

namespace SecurityGroups.Domain.Networks;

/// <summary>IPv4 CIDR helpers over <see cref="IPNetwork"/>: strict parsing (no host bits), containment, overlap, numbering.</summary>
public static class Ipv4Cidr
{
    /// <summary>Blocks Alibaba never allows in a VPC: shared address space, loopback, link-local, multicast and above, 0/8.</summary>
    private static readonly IPNetwork[] Forbidden =
    [
        IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("224.0.0.0/3"), IPNetwork.Parse("0.0.0.0/8"),
    ];

    /// <summary>Parses <c>a.b.c.d/n</c> in canonical form only: prefix required, host bits zero, no leading zeros.</summary>
    public static bool TryParse(string? text, out IPNetwork network)
    {
        network = default;
        return text is not null && text.Contains('/', StringComparison.Ordinal)
            && IPNetwork.TryParse(text, out network) && network.BaseAddress.AddressFamily == AddressFamily.InterNetwork
            && string.Equals(network.ToString(), text, StringComparison.Ordinal);
    }

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
