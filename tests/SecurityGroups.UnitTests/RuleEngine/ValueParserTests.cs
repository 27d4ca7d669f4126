using SecurityGroups.RuleEngine;

namespace SecurityGroups.UnitTests.RuleEngine;

public sealed class ValueParserTests
{
    [Theory]
    [InlineData("tcp", "TCP", 6, true)]
    [InlineData("Udp", "UDP", 17, true)]
    [InlineData("ICMP", "ICMP", 1, false)]
    [InlineData("icmpv6", "ICMPV6", 58, false)]
    [InlineData("gre", "GRE", 47, false)]
    [InlineData("all", "ALL", -1, false)]
    [InlineData("6", "TCP", 6, true)]
    [InlineData("58", "ICMPV6", 58, false)]
    [InlineData("50", "50", 50, false)]
    [InlineData("0", "0", 0, false)]
    public void IpProtocol_ParsesNamesAndNumbers(string text, string name, int number, bool hasPorts)
    {
        Assert.True(IpProtocol.TryParse(text, out var protocol));
        Assert.Equal(name, protocol.Name);
        Assert.Equal(number, protocol.Number);
        Assert.Equal(hasPorts, protocol.HasPorts);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("256")]
    [InlineData("-1")]
    [InlineData("tcpp")]
    [InlineData("1000")]
    [InlineData("６")]
    public void IpProtocol_RefusesOthers(string? text)
    {
        Assert.False(IpProtocol.TryParse(text, out _));
    }

    [Theory]
    [InlineData("22/22", 22, 22)]
    [InlineData("1/65535", 1, 65535)]
    [InlineData("-1/-1", -1, -1)]
    [InlineData("1/1", 1, 1)]
    [InlineData("65535/65535", 65535, 65535)]
    [InlineData("65534/65535", 65534, 65535)]
    public void PortRange_Parses(string text, int from, int to)
    {
        Assert.True(PortRange.TryParse(text, out var range));
        Assert.Equal(new PortRange(from, to), range);
        Assert.Equal(text, range.ToString());
    }

    [Theory]
    [InlineData("0/22")]
    [InlineData("22/65536")]
    [InlineData("80/22")]
    [InlineData("22")]
    [InlineData("-1/22")]
    [InlineData("a/b")]
    [InlineData("22/22/22")]
    [InlineData("+22/22")]
    [InlineData("")]
    [InlineData("999999/999999")]
    [InlineData("0/0")]
    [InlineData("0/1")]
    [InlineData("65536/65536")]
    [InlineData("65535/65536")]
    [InlineData("2/1")]
    [InlineData("22/-1")]
    [InlineData("-1/0")]
    [InlineData("/22")]
    [InlineData("22/")]
    [InlineData("/")]
    [InlineData("22//22")]
    [InlineData(" 22/22")]
    [InlineData("22/22 ")]
    [InlineData("000022/22")]
    [InlineData("-2/-2")]
    [InlineData("--1/-1")]
    [InlineData("\u0662\u0662/22")]
    [InlineData(null)]
    public void PortRange_RefusesOthers(string? text)
    {
        Assert.False(PortRange.TryParse(text, out _));
    }

    [Fact]
    public void PortRange_Contains()
    {
        Assert.True(new PortRange(20, 22).Contains(21));
        Assert.False(new PortRange(20, 22).Contains(23));
        Assert.True(PortRange.Any.Contains(9999));
    }

    [Theory]
    [InlineData(1, 1, 0, false)]
    [InlineData(1, 1, 1, true)]
    [InlineData(1, 1, 2, false)]
    [InlineData(65535, 65535, 65534, false)]
    [InlineData(65535, 65535, 65535, true)]
    [InlineData(65535, 65535, 65536, false)]
    [InlineData(1, 65535, 0, false)]
    [InlineData(1, 65535, 65535, true)]
    [InlineData(80, 80, 80, true)]
    [InlineData(80, 80, 79, false)]
    [InlineData(80, 80, 81, false)]
    public void PortRange_ContainsAtTheEdges(int from, int to, int port, bool contains)
    {
        Assert.Equal(contains, new PortRange(from, to).Contains(port));
    }

    [Fact]
    public void PortRange_AnyIsOnlyMinusOneTwice()
    {
        Assert.True(PortRange.Any.IsAny);
        Assert.True(PortRange.Any.Contains(0));
        Assert.True(PortRange.Any.Contains(-1));
        Assert.False(new PortRange(-1, 5).IsAny);
        Assert.False(new PortRange(5, -1).IsAny);
        Assert.False(new PortRange(-1, 5).Contains(6));
        Assert.Equal("-1/-1", PortRange.Any.ToString());
        Assert.True(PortRange.TryParse("00022/00022", out var padded));
        Assert.Equal(new PortRange(22, 22), padded);
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.0.0.0/8", "10.0.0.0/8", false)]
    [InlineData("10.159.6.18/12", "10.159.6.18/12", "10.144.0.0/12", false)]
    [InlineData("192.168.1.1", "192.168.1.1", "192.168.1.1/32", false)]
    [InlineData("0.0.0.0/0", "0.0.0.0/0", "0.0.0.0/0", false)]
    [InlineData("2001:0DB8:0000::1/64", "2001:db8::1/64", "2001:db8::/64", true)]
    [InlineData("2001:0db8:3c4d:0015:0000:0000:1a2f:1a2b/0", "2001:db8:3c4d:15::1a2f:1a2b/0", "::/0", true)]
    [InlineData("::1", "::1", "::1/128", true)]
    public void IpCidr_KeepsHostBitsInTextAndCoversTheBlock(string input, string text, string network, bool ipv6)
    {
        Assert.True(IpCidr.TryParse(input, out var cidr));
        Assert.Equal(text, cidr.Text);
        Assert.Equal(network, cidr.Network.ToString());
        Assert.Equal(ipv6, cidr.IsIpv6);
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0/8")]
    [InlineData("10.0.0.0/")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("fe80::1%eth0")]
    [InlineData("2001:db8::/129")]
    [InlineData("garbage")]
    [InlineData("")]
    [InlineData("1")]
    public void IpCidr_RefusesOthers(string input)
    {
        Assert.False(IpCidr.TryParse(input, out _));
    }
}
