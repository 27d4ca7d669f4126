namespace SecurityGroups.Api.Acs;

/// <summary>
/// Translates Alibaba's flattened list keys into MVC's binding syntax: <c>Permissions.1.IpProtocol</c> →
/// <c>Permissions[0].IpProtocol</c>, <c>TagFilter.2.TagValues.1</c> → <c>TagFilter[1].TagValues[0]</c>. Indexes are
/// 1-based on the wire and may have gaps: under each parent they are sorted numerically and renumbered from 0.
/// </summary>
internal static class FlattenedKeys
{
    public static Dictionary<string, string> ToBindingKeys(IReadOnlyDictionary<string, string> values)
    {
        // Pass 1: the distinct indexes under each parent prefix (the key text before the index segment).
        var indexes = new Dictionary<string, SortedSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in values.Keys)
        {
            var segments = key.Split('.');
            for (var i = 1; i < segments.Length; i++)
            {
                if (IsIndex(segments[i]))
                {
                    var parent = string.Join('.', segments, 0, i);
                    if (!indexes.TryGetValue(parent, out var set))
                    {
                        indexes[parent] = set = new SortedSet<string>(NumericComparer.Instance);
                    }

                    set.Add(Normalize(segments[i]));
                }
            }
        }

        // Pass 2: rewrite each key, replacing every index segment by its rank under its parent.
        var result = new Dictionary<string, string>(values.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values)
        {
            if (!key.Contains('.', StringComparison.Ordinal))
            {
                result.TryAdd(key, value);
                continue;
            }

            var segments = key.Split('.');
            var bound = new System.Text.StringBuilder(key.Length + 8).Append(segments[0]);
            for (var i = 1; i < segments.Length; i++)
            {
                if (IsIndex(segments[i]))
                {
                    var rank = Rank(indexes[string.Join('.', segments, 0, i)], Normalize(segments[i]));
                    bound.Append('[').Append(rank).Append(']');
                }
                else
                {
                    bound.Append('.').Append(segments[i]);
                }
            }

            result.TryAdd(bound.ToString(), value);
        }

        return result;
    }

    /// <summary>The wire name of a bound key (<c>Tag[0].Key</c> → <c>Tag.1.Key</c>), for error messages.</summary>
    public static string ToWireName(string boundKey)
    {
        var sb = new System.Text.StringBuilder(boundKey.Length);
        for (var i = 0; i < boundKey.Length; i++)
        {
            var c = boundKey[i];
            if (c == '[')
            {
                var close = boundKey.IndexOf(']', i);
                if (close > i && int.TryParse(boundKey.AsSpan(i + 1, close - i - 1), out var index))
                {
                    sb.Append('.').Append(index + 1);
                    i = close;
                    continue;
                }
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static bool IsIndex(string segment) => segment.Length > 0 && segment.All(char.IsAsciiDigit);

    private static string Normalize(string digits)
    {
        var trimmed = digits.TrimStart('0');
        return trimmed.Length == 0 ? "0" : trimmed;
    }

    private static int Rank(SortedSet<string> set, string value)
    {
        var rank = 0;
        foreach (var item in set)
        {
            if (item == value)
            {
                return rank;
            }

            rank++;
        }

        return rank;
    }

    /// <summary>Orders normalised digit strings by numeric value without parsing (any length).</summary>
    private sealed class NumericComparer : IComparer<string>
    {
        public static readonly NumericComparer Instance = new();

        public int Compare(string? x, string? y) =>
            x!.Length != y!.Length ? x.Length.CompareTo(y.Length) : string.CompareOrdinal(x, y);
    }
}
