using System.Net;
using System.Net.Sockets;

namespace SecurityGroups.RuleEngine;

/// <summary>
/// An address or CIDR block of a rule, IPv4 or IPv6. A bare address is a /32 (/128). As Alibaba does, the text keeps any
/// host bits (<c>10.159.6.18/12</c>), while <see cref="Network"/> is the block it covers; IPv6 text is compressed and
/// lower-cased (<c>2001:0DB8::/32</c> → <c>2001:db8::/32</c>).
/// </summary>
public readonly record struct IpCidr(IPNetwork Network, string Text)
{
    public bool IsIpv6 => Network.BaseAddress.AddressFamily == AddressFamily.InterNetworkV6;

    public static bool TryParse(string? text, out IpCidr cidr)
    {
        cidr = default;
        if (string.IsNullOrEmpty(text) || text.Length > 64)
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(addressText, out var address) || addressText.Contains('%', StringComparison.Ordinal)
            || (address.AddressFamily == AddressFamily.InterNetwork && addressText.Count(c => c == '.') != 3))
        {
            return false;
        }

        var max = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = max;
        if (slash >= 0)
        {
            var prefixText = text.AsSpan(slash + 1);
            if (prefixText.Length is 0 or > 3 || prefixText.ContainsAnyExcept("0123456789") || !int.TryParse(prefixText, out prefix) || prefix > max)
            {
                return false;
            }
        }

        var network = new IPNetwork(Mask(address, prefix), prefix);
        var canonical = address.AddressFamily == AddressFamily.InterNetwork ? text : $"{address}/{prefix}";
        if (slash < 0 && address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            canonical = address.ToString();
        }

        cidr = new IpCidr(network, canonical);
        return true;
    }

    public bool Contains(IPAddress address) => Network.Contains(address);

    public override string ToString() => Text;

    private static IPAddress Mask(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var bits = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bits));
        }

        return new IPAddress(bytes);
    }
}
