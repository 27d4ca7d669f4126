using SecurityGroups.RuleEngine;

namespace SecurityGroups.UnitTests.RuleEngine;

/// <summary>
/// The one address parser (<see cref="IpCidr"/>): canonical dotted-quad IPv4 only (never the inet_aton forms .NET's
/// IPAddress.Parse also accepts), any RFC 4291 IPv6 text without zone, brackets, port or junk (docs/decisions/ADR-007).
/// </summary>
public sealed class AddressParserTests
{
    [Theory]
    [InlineData("0.0.0.0/0", "0.0.0.0/0", "0.0.0.0/0")]
    [InlineData("0.0.0.0", "0.0.0.0", "0.0.0.0/32")]
    [InlineData("255.255.255.255/32", "255.255.255.255/32", "255.255.255.255/32")]
    [InlineData("255.255.255.255", "255.255.255.255", "255.255.255.255/32")]
    [InlineData("10.0.0.1", "10.0.0.1", "10.0.0.1/32")]
    [InlineData("10.0.0.0/8", "10.0.0.0/8", "10.0.0.0/8")]
    [InlineData("100.0.10.0/24", "100.0.10.0/24", "100.0.10.0/24")]
    [InlineData("10.159.6.18/12", "10.159.6.18/12", "10.144.0.0/12")]
    [InlineData("192.168.1.1/0", "192.168.1.1/0", "0.0.0.0/0")]
    [InlineData("1.2.3.4/32", "1.2.3.4/32", "1.2.3.4/32")]
    [InlineData("::/0", "::/0", "::/0")]
    [InlineData("::", "::", "::/128")]
    [InlineData("::1", "::1", "::1/128")]
    [InlineData("2001:db8::/32", "2001:db8::/32", "2001:db8::/32")]
    [InlineData("2001:DB8::1/128", "2001:db8::1/128", "2001:db8::1/128")]
    [InlineData("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1", "2001:db8::1/128")]
    [InlineData("::ffff:1.2.3.4", "::ffff:1.2.3.4", "::ffff:1.2.3.4/128")]
    [InlineData("64:ff9b::192.0.2.33/96", "64:ff9b::c000:221/96", "64:ff9b::/96")]
    public void Accepts_CanonicalIpv4_AndRfc4291Ipv6(string input, string text, string network)
    {
        Assert.True(IpCidr.TryParse(input, out var cidr), input);
        Assert.Equal(text, cidr.Text);
        Assert.Equal(network, cidr.Network.ToString());
    }

    public static TheoryData<string> NonCanonical() =>
    [
        // leading zeros (inet_aton reads them as octal: 010 = 8)
        "010.0.0.1", "10.0.0.01", "00.0.0.0/0", "010.0.0.0/8", "10.000.0.0/16", "0010.0.0.1",
        // hex and octal parts
        "0x0a.0.0.2", "0xa.0.0.2", "0X0A.0.0.2", "10.0.0.0x1", "0x0a000001", "017700000001",
        // fewer than four parts, a single integer
        "10.1", "10.1/16", "10.0.1", "167772161", "167772161/32", "1",
        // more than four parts, empty parts, trailing or leading dots
        "1.2.3.4.5", "1..3.4", "1.2.3.4.", "1.2.3.4./32", ".1.2.3.4", "1.2.3.",
        // out-of-range parts
        "256.0.0.0", "1.2.3.256", "999.1.1.1", "4294967296",
        // whitespace, signs, non-ASCII digits
        " 10.0.0.1", "10.0.0.1 ", "10.0.0.1\t", "10.0.0.1\n", "10.0.0.0 /8", "10.0.0.0/ 8", "10.0.0.0/8 ", "+1.2.3.4", "-1.2.3.4", "１0.0.0.1",
        // IPv4 with zone, port or brackets
        "10.0.0.1%eth0", "10.0.0.1:80", "10.0.0.1:80/32", "[10.0.0.1]",
        // prefixes: missing, too long, signed, leading zeros, not a number
        "1.2.3.4/", "/8", "0.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/+8", "10.0.0.0/08", "10.0.0.0/008", "10.0.0.0/1e1", "10.0.0.0/8/8", "10.0.0.0/0x8",
        // IPv6 with zone, brackets, port, whitespace, junk, non-canonical embedded IPv4
        "fe80::1%eth0", "fe80::1%1/64", "[2001:db8::1]", "[2001:db8::1]:80", "[::1]/128", " ::1", "::1 ", "2001:db8::/32 ",
        "2001:db8::g", "2001:db8:::1", "2001:db8::1::2", "1:2:3:4:5:6:7:8:9", "12345::1", "::ffff:010.0.0.1", "::ffff:1.2.3", "::ffff:0x1.2.3.4",
        "::ffff:1.2.3.4.5", "2001:db8::/129", "2001:db8::/0128", "::/", ":", "::1:",
        // nothing, garbage, too long
        "", "garbage", "localhost", "10.0.0.0/8\u0000", new string('1', 65),
    ];

    [Theory]
    [MemberData(nameof(NonCanonical))]
    public void Refuses_NonCanonicalForms(string input)
    {
        Assert.False(IpCidr.TryParse(input, out var cidr), $"{input} was read as {cidr.Network}");
    }

    [Theory]
    [InlineData("10.0.0.1", "10.0.0.1")]
    [InlineData("0.0.0.0", "0.0.0.0")]
    [InlineData("255.255.255.255", "255.255.255.255")]
    [InlineData("2001:0DB8::0001", "2001:db8::1")]
    [InlineData("::ffff:10.0.0.1", "::ffff:10.0.0.1")]
    public void TryParseAddress_AcceptsOneCanonicalAddress(string input, string shown)
    {
        Assert.True(IpCidr.TryParseAddress(input, out var address));
        Assert.Equal(shown, address.ToString());
    }

    [Theory]
    [InlineData("010.0.0.1")]
    [InlineData("0x0a.0.0.2")]
    [InlineData("10.1")]
    [InlineData("167772161")]
    [InlineData("10.0.0.1/32")]
    [InlineData("::1/128")]
    [InlineData("[::1]")]
    [InlineData("[::1]:80")]
    [InlineData("fe80::1%eth0")]
    [InlineData("10.0.0.1%1")]
    [InlineData(" 10.0.0.1")]
    [InlineData(null)]
    public void TryParseAddress_RefusesBlocksAndNonCanonicalForms(string? input)
    {
        Assert.False(IpCidr.TryParseAddress(input, out _));
    }

    [Theory]
    [InlineData("1.2.3.4", 0x01020304u)]
    [InlineData("255.255.255.255", 0xFFFFFFFFu)]
    [InlineData("192.168.0.10", 0xC0A8000Au)]
    public void TryParseIpv4_GivesTheHostOrderValue(string input, uint value)
    {
        Assert.True(IpCidr.TryParseIpv4(input, out var parsed));
        Assert.Equal(value, parsed);
    }
}
