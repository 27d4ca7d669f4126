using System.Globalization;

namespace SecurityGroups.RuleEngine;

/// <summary>
/// A rule's protocol: Alibaba's names (TCP, UDP, ICMP, ICMPv6, GRE, ALL; any case) or an IANA number 0-255 (6, 17, 1,
/// 58 and 47 are the named ones). <see cref="Name"/> is the canonical upper-case spelling Alibaba returns.
/// </summary>
public readonly record struct IpProtocol(int Number, string Name)
{
    public const int AllNumber = -1;

    public static readonly IpProtocol Tcp = new(6, "TCP");
    public static readonly IpProtocol Udp = new(17, "UDP");
    public static readonly IpProtocol Icmp = new(1, "ICMP");
    public static readonly IpProtocol IcmpV6 = new(58, "ICMPV6");
    public static readonly IpProtocol Gre = new(47, "GRE");
    public static readonly IpProtocol All = new(AllNumber, "ALL");

    private static readonly IpProtocol[] Named = [Tcp, Udp, Icmp, IcmpV6, Gre, All];

    /// <summary>TCP and UDP carry ports; every other protocol takes the port range <c>-1/-1</c>.</summary>
    public bool HasPorts => Number is 6 or 17;

    /// <summary>ICMP works over IPv4 only.</summary>
    public bool IsIpv4Only => Number == 1;

    /// <summary>ICMPv6 works over IPv6 only.</summary>
    public bool IsIpv6Only => Number == 58;

    public static bool TryParse(string? text, out IpProtocol protocol)
    {
        protocol = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (var named in Named)
        {
            if (string.Equals(named.Name, text, StringComparison.OrdinalIgnoreCase))
            {
                protocol = named;
                return true;
            }
        }

        if (text.Length <= 3 && text.All(char.IsAsciiDigit) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= 255)
        {
            protocol = Named.FirstOrDefault(n => n.Number == number) is { Name: not null } known ? known : new IpProtocol(number, text.TrimStart('0').PadLeft(1, '0'));
            return true;
        }

        return false;
    }

    /// <summary>Does a packet of <paramref name="packet"/> match a rule of this protocol?</summary>
    public bool Matches(int packet) => Number == AllNumber || Number == packet;

    public override string ToString() => Name;
}
