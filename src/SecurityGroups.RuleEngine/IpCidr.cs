using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SecurityGroups.RuleEngine;

/// <summary>
/// An address or CIDR block of a rule, IPv4 or IPv6. A bare address is a /32 (/128). As Alibaba does, the text keeps any
/// host bits (<c>10.159.6.18/12</c>), while <see cref="Network"/> is the block it covers; IPv6 text is compressed and
/// lower-cased (<c>2001:0DB8::/32</c> → <c>2001:db8::/32</c>).
/// </summary>
/// <remarks>
/// This is the emulator's one address parser: every address or CIDR a request, a stored row or a file gives is read
/// here (a unit test keeps <c>IPAddress.Parse</c> and <c>IPNetwork.Parse</c> out of the rest of <c>src/</c>). It is
/// strict where .NET is lenient (docs/decisions/ADR-007-one-address-parser.md): IPv4 is exactly four decimal parts
/// 0-255 without leading zeros (never the inet_aton forms <c>010.0.0.1</c>, <c>0x0a.0.0.2</c>, <c>10.1</c>,
/// <c>167772161</c>); IPv6 is any RFC 4291 text form (leading zeros in a group, <c>::</c>, a dotted IPv4 tail that is
/// itself canonical) but never a zone (<c>%eth0</c>), brackets, a port or whitespace; a prefix is 0-32 (0-128) in
/// decimal without leading zeros.
/// </remarks>
public readonly record struct IpCidr(IPNetwork Network, string Text)
{
    /// <summary>Longer text is no address: the longest IPv6 form with a prefix has 49 characters.</summary>
    public const int MaxLength = 64;

    /// <summary>The characters IPv6 text may hold (hex digits, colons, and dots of an embedded IPv4 tail).</summary>
    private static readonly SearchValues<char> Ipv6Characters = SearchValues.Create("0123456789abcdefABCDEF:.");

    public bool IsIpv6 => Network.BaseAddress.AddressFamily == AddressFamily.InterNetworkV6;

    /// <summary>An address (a /32 or /128) or a block <c>address/prefix</c>; host bits are kept in <see cref="Text"/>.</summary>
    public static bool TryParse(string? text, out IpCidr cidr)
    {
        cidr = default;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            return false;
        }

        var span = text.AsSpan();
        var slash = span.IndexOf('/');
        var addressText = slash < 0 ? span : span[..slash];
        if (!TryParseAddress(addressText, out var address))
        {
            return false;
        }

        var ipv4 = address.AddressFamily == AddressFamily.InterNetwork;
        var max = ipv4 ? 32 : 128;
        var prefix = max;
        if (slash >= 0 && !TryParsePrefix(span[(slash + 1)..], max, out prefix))
        {
            return false;
        }

        var network = new IPNetwork(Mask(address, prefix), prefix);
        var canonical = ipv4 ? text : slash < 0 ? address.ToString() : string.Create(CultureInfo.InvariantCulture, $"{address}/{prefix}");
        cidr = new IpCidr(network, canonical);
        return true;
    }

    /// <summary>One address, IPv4 (canonical dotted quad) or IPv6 (RFC 4291 text, no zone, brackets or port).</summary>
    public static bool TryParseAddress(ReadOnlySpan<char> text, [NotNullWhen(true)] out IPAddress? address)
    {
        address = null;
        if (text.Contains(':'))
        {
            return TryParseIpv6(text, out address);
        }

        if (!TryParseIpv4(text, out var value))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        address = new IPAddress(bytes);
        return true;
    }

    /// <inheritdoc cref="TryParseAddress(ReadOnlySpan{char}, out IPAddress?)"/>
    public static bool TryParseAddress(string? text, [NotNullWhen(true)] out IPAddress? address)
    {
        address = null;
        return text is not null && TryParseAddress(text.AsSpan(), out address);
    }

    /// <summary>
    /// Exactly four decimal parts 0-255 separated by single dots, no leading zeros, nothing before or after: the only
    /// IPv4 form whose meaning every reader agrees on. <paramref name="value"/> is the address in host order.
    /// </summary>
    public static bool TryParseIpv4(ReadOnlySpan<char> text, out uint value)
    {
        value = 0;
        if (text.Length is < 7 or > 15)
        {
            return false;
        }

        var i = 0;
        for (var part = 0; part < 4; part++)
        {
            if (part > 0)
            {
                if (i >= text.Length || text[i] != '.')
                {
                    return false;
                }

                i++;
            }

            var start = i;
            var octet = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]) && i - start < 3)
            {
                octet = (octet * 10) + (text[i] - '0');
                i++;
            }

            var digits = i - start;
            if (digits == 0 || (digits > 1 && text[start] == '0') || octet > 255)
            {
                return false;
            }

            value = (value << 8) | (uint)octet;
        }

        return i == text.Length;
    }

    public bool Contains(IPAddress address) => Network.Contains(address);

    public override string ToString() => Text;

    private static bool TryParseIpv6(ReadOnlySpan<char> text, [NotNullWhen(true)] out IPAddress? address)
    {
        address = null;
        if (text.Length is < 2 or > 45 || text.ContainsAnyExcept(Ipv6Characters))
        {
            return false;
        }

        var dot = text.IndexOf('.');
        if (dot >= 0)
        {
            var colon = text.LastIndexOf(':');
            if (colon > dot || !TryParseIpv4(text[(colon + 1)..], out _))
            {
                return false;
            }
        }

        return IPAddress.TryParse(text, out address) && address.AddressFamily == AddressFamily.InterNetworkV6;
    }

    /// <summary>0 to <paramref name="max"/>, decimal, no sign, no leading zero.</summary>
    private static bool TryParsePrefix(ReadOnlySpan<char> text, int max, out int prefix)
    {
        prefix = 0;
        if (text.Length is 0 or > 3 || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            prefix = (prefix * 10) + (c - '0');
        }

        return prefix <= max;
    }

    private static IPAddress Mask(IPAddress address, int prefix)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var length);
        bytes = bytes[..length];
        for (var i = 0; i < bytes.Length; i++)
        {
            var bits = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bits));
        }

        return new IPAddress(bytes);
    }
}
