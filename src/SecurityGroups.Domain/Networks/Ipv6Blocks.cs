using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using SecurityGroups.RuleEngine;

namespace SecurityGroups.Domain.Networks;

/// <summary>IPv6 blocks of the emulator: a VPC gets a random /56 under <c>2408:4000::/20</c>, a vSwitch the /64 numbered 0-255
/// inside it, an ENI random addresses of its vSwitch's /64. Text is canonical (zero-compressed, lower-case).</summary>
public static class Ipv6Blocks
{
    public const int VSwitchBlocks = 256;

    /// <summary>A fresh VPC /56.</summary>
    public static string NewVpcBlock()
    {
        var bytes = new byte[16];
        bytes[0] = 0x24;
        bytes[1] = 0x08;
        RandomNumberGenerator.Fill(bytes.AsSpan(2, 5));
        bytes[2] = (byte)(0x40 | (bytes[2] & 0x0f));
        return new IPAddress(bytes) + "/56";
    }

    /// <summary>The /64 numbered <paramref name="index"/> (0-255) of a VPC's /56.</summary>
    public static string VSwitchBlock(string vpcBlock, int index)
    {
        var bytes = Network(vpcBlock).GetAddressBytes();
        bytes[7] = (byte)index;
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>A random address of a /64.</summary>
    public static string RandomAddress(string block)
    {
        var bytes = Network(block).GetAddressBytes();
        RandomNumberGenerator.Fill(bytes.AsSpan(8, 8));
        return new IPAddress(bytes).ToString();
    }

    /// <summary>The canonical form of an IPv6 address inside the /64, or null when it is no IPv6 address or outside.</summary>
    public static string? InBlock(string block, string address)
    {
        if (!IpCidr.TryParseAddress(address, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }

        var network = Network(block).GetAddressBytes();
        var bytes = parsed.GetAddressBytes();
        return network.AsSpan(0, 8).SequenceEqual(bytes.AsSpan(0, 8)) ? parsed.ToString() : null;
    }

    /// <summary>The canonical text of an IPv6 address, or null when it is none.</summary>
    public static string? Canonical(string address) =>
        IpCidr.TryParseAddress(address, out var parsed) && parsed.AddressFamily == AddressFamily.InterNetworkV6 ? parsed.ToString() : null;

    /// <summary>A stored block's network address (blocks are written by this class, so they always parse).</summary>
    private static IPAddress Network(string block) =>
        IpCidr.TryParseAddress(block.AsSpan(0, block.IndexOf('/', StringComparison.Ordinal)), out var network) ? network : throw new FormatException(block);
}
