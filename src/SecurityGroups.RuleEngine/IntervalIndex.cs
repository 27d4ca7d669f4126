using System.Numerics;

namespace SecurityGroups.RuleEngine;

/// <summary>
/// One dimension of a compiled rule set: the key space cut into elementary intervals at every rule boundary, each with
/// the bit-vector of the rules (by evaluation position) that cover it. A lookup is a binary search and returns a row of
/// <c>words</c> 64-bit words; rows are stored back to back in one array.
/// </summary>
internal sealed class IntervalIndex<T>
    where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
{
    private readonly T[] _starts;
    private readonly T _max;
    private readonly ulong[] _bits;
    private readonly int _words;

    /// <summary>Builds the index of inclusive (rule position, low, high) ranges within [min, max], rows of <c>words</c> words.</summary>
    public IntervalIndex(IReadOnlyList<(int Rule, T Low, T High)> ranges, T min, T max, int words)
    {
        _words = words;
        _max = max;
        var cuts = new SortedSet<T> { min };
        foreach (var (_, low, high) in ranges)
        {
            cuts.Add(low);
            if (high < max)
            {
                cuts.Add(high + T.One);
            }
        }

        _starts = [.. cuts];
        _bits = new ulong[_starts.Length * words];
        foreach (var (rule, low, high) in ranges)
        {
            var first = Array.BinarySearch(_starts, low);
            var last = high < max ? Array.BinarySearch(_starts, high + T.One) - 1 : _starts.Length - 1;
            var word = rule >> 6;
            var bit = 1UL << (rule & 63);
            for (var i = first; i <= last; i++)
            {
                _bits[(i * words) + word] |= bit;
            }
        }
    }

    /// <summary>The elementary intervals (for the region questions).</summary>
    public int Count => _starts.Length;

    /// <summary>The first key of interval <paramref name="index"/>.</summary>
    public T Start(int index) => _starts[index];

    /// <summary>The last key of interval <paramref name="index"/>.</summary>
    public T End(int index) => index + 1 < _starts.Length ? _starts[index + 1] - T.One : _max;

    /// <summary>For each interval overlapping [<paramref name="low"/>, <paramref name="high"/>], its first key inside that range.</summary>
    public IEnumerable<T> Overlapping(T low, T high)
    {
        for (var i = 0; i < _starts.Length; i++)
        {
            if (End(i) >= low && _starts[i] <= high)
            {
                yield return T.Max(_starts[i], low);
            }
        }
    }

    /// <summary>The rules covering interval <paramref name="index"/>.</summary>
    public ReadOnlySpan<ulong> Row(int index) => _bits.AsSpan(index * _words, _words);

    /// <summary>The rules covering <paramref name="key"/>.</summary>
    public ReadOnlySpan<ulong> Lookup(T key)
    {
        int low = 0, high = _starts.Length - 1;
        while (low < high)
        {
            var mid = (low + high + 1) >> 1;
            if (_starts[mid] <= key)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return Row(low);
    }
}
