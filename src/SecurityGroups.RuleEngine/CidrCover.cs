using System.Net;

namespace SecurityGroups.RuleEngine;

/// <summary>The minimal list of CIDR blocks that exactly covers an inclusive address range.</summary>
public static class CidrCover
{
    /// <summary>Appends the cover of [<paramref name="low"/>, <paramref name="high"/>] in a family of <paramref name="bits"/> (32 or 128) bits.</summary>
    public static void Append(List<IPNetwork> into, UInt128 low, UInt128 high, int bits)
    {
        while (true)
        {
            // The largest block aligned at low that does not pass high.
            var size = low == UInt128.Zero ? bits : Math.Min(bits, (int)UInt128.TrailingZeroCount(low));
            while (size > 0 && (size == 128 ? UInt128.MaxValue : low + ((UInt128.One << size) - 1)) > high)
            {
                size--;
            }

            into.Add(bits == 32 ? AddressKey.NetworkV4((uint)low, 32 - size) : AddressKey.NetworkV6(low, 128 - size));
            var last = size == 128 ? UInt128.MaxValue : low + ((UInt128.One << size) - 1);
            if (last >= high)
            {
                return;
            }

            low = last + 1;
        }
    }
}
