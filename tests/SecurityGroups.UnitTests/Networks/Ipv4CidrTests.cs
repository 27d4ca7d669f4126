using SecurityGroups.Domain.Networks;

namespace SecurityGroups.UnitTests.Networks;

public sealed class Ipv4CidrTests
{
    [Theory]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("192.168.1.0/24", true)]
    [InlineData("10.0.0.1/8", false)]
    [InlineData("10.0.0.0", false)]
    [InlineData("010.0.0.0/8", false)]
    [InlineData("::/0", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void TryParse_AcceptsOnlyCanonicalIpv4Blocks(string? text, bool valid)
    {
        Assert.Equal(valid, Ipv4Cidr.TryParse(text, out _));
    }

    [Fact]
    public void ContainsAndOverlaps()
    {
        Ipv4Cidr.TryParse("192.168.0.0/16", out var vpc);
        Ipv4Cidr.TryParse("192.168.1.0/24", out var inside);
        Ipv4Cidr.TryParse("192.168.0.0/15", out var wider);
        Ipv4Cidr.TryParse("10.0.0.0/8", out var other);

        Assert.True(Ipv4Cidr.Contains(vpc, inside));
        Assert.False(Ipv4Cidr.Contains(inside, vpc));
        Assert.False(Ipv4Cidr.Contains(vpc, wider));
        Assert.True(Ipv4Cidr.Overlaps(wider, inside));
        Assert.False(Ipv4Cidr.Overlaps(vpc, other));
    }

    [Fact]
    public void ForbiddenRanges_AreRefused()
    {
        foreach (var text in new[] { "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "224.0.0.0/4", "100.64.0.0/8" })
        {
            Ipv4Cidr.TryParse(text, out var network);
            Assert.True(Ipv4Cidr.IsForbiddenInVpc(network), text);
        }

        Ipv4Cidr.TryParse("10.0.0.0/8", out var ok);
        Assert.False(Ipv4Cidr.IsForbiddenInVpc(ok));
    }

    [Fact]
    public void Numbers_RoundTrip()
    {
        var address = System.Net.IPAddress.Parse("192.168.1.254");
        Assert.Equal(address, Ipv4Cidr.FromNumber(Ipv4Cidr.ToNumber(address)));
        Assert.Equal(3232236030L, Ipv4Cidr.ToNumber(address));
    }
}
