using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace SecurityGroups.RuleEngine;

/// <summary>IP addresses and networks as integers: IPv4 as <see cref="uint"/>, IPv6 as <see cref="UInt128"/>, big-endian order.</summary>
public static class AddressKey
{
    public static uint V4(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    public static UInt128 V6(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    /// <summary>The first and last IPv4 address of <paramref name="network"/>.</summary>
    public static (uint Low, uint High) RangeV4(IPNetwork network)
    {
        var low = V4(network.BaseAddress);
        var hostMask = network.PrefixLength == 0 ? uint.MaxValue : (1u << (32 - network.PrefixLength)) - 1;
        return (low & ~hostMask, low | hostMask);
    }

    /// <summary>The first and last IPv6 address of <paramref name="network"/>.</summary>
    public static (UInt128 Low, UInt128 High) RangeV6(IPNetwork network)
    {
        var low = V6(network.BaseAddress);
        var hostMask = network.PrefixLength == 0 ? UInt128.MaxValue : (UInt128.One << (128 - network.PrefixLength)) - UInt128.One;
        return (low & ~hostMask, low | hostMask);
    }

    public static bool IsV4(IPNetwork network) => network.BaseAddress.AddressFamily == AddressFamily.InterNetwork;

    /// <summary>The IPv4 network of a key and prefix length.</summary>
    public static IPNetwork NetworkV4(uint key, int prefix)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, key);
        return new IPNetwork(new IPAddress(bytes), prefix);
    }

    /// <summary>The IPv6 network of a key and prefix length.</summary>
    public static IPNetwork NetworkV6(UInt128 key, int prefix)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, key);
        return new IPNetwork(new IPAddress(bytes), prefix);
    }
}
