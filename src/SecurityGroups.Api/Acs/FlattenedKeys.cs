using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Api.Acs;

/// <summary>
/// Translates Alibaba's flattened list keys into MVC's binding syntax: <c>Permissions.1.IpProtocol</c> →
/// <c>Permissions[0].IpProtocol</c>, <c>TagFilter.2.TagValues.1</c> → <c>TagFilter[1].TagValues[0]</c>. Indexes are
/// 1-based on the wire and may have gaps: under each parent they are sorted numerically and renumbered from 0.
/// Only Alibaba's wire names bind, each with one meaning (docs/security.md): MVC's own syntax on the wire (<c>Tag[0].Key</c>,
/// the explicit-index key <c>Tag.index</c>, a key prefixed with an Action parameter's name such as <c>request.RegionId</c>)
/// is dropped as an unknown parameter; two spellings that bind to one key (letter case, <c>Tag.1</c> and <c>Tag.01</c>)
/// with different values are <c>InvalidParameter</c>, as one key given twice is (<see cref="AcsParameterParser"/>).
/// </summary>
internal static class FlattenedKeys
{
    /// <summary>MVC's explicit-index key of a list (<c>Tag.index</c>); no Alibaba parameter has a segment of this name.</summary>
    private const string MvcIndexSegment = "index";

    /// <param name="values">The request's parameters, one value per wire key.</param>
    /// <param name="modelNames">Names MVC would take as a binding prefix (the Action's complex parameters, e.g. <c>request</c>).</param>
    public static Dictionary<string, string> ToBindingKeys(IReadOnlyDictionary<string, string> values, IReadOnlyCollection<string>? modelNames = null)
    {
        values = Wire(values, modelNames ?? []);

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
                AddOnce(result, key, key, value);
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

            AddOnce(result, bound.ToString(), key, value);
        }

        return result;
    }

    /// <summary>The keys that are Alibaba wire names: no brackets, no MVC index key, no model-name prefix.</summary>
    private static Dictionary<string, string> Wire(IReadOnlyDictionary<string, string> values, IReadOnlyCollection<string> modelNames)
    {
        var wire = new Dictionary<string, string>(values.Count, StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            var segments = key.Split('.');
            if (key.AsSpan().ContainsAny('[', ']')
                || (segments.Length > 1 && segments[^1].Equals(MvcIndexSegment, StringComparison.OrdinalIgnoreCase))
                || modelNames.Contains(segments[0], StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            wire.Add(key, value);
        }

        return wire;
    }

    /// <summary>One bound key, one value: a second wire spelling of it with another value is refused.</summary>
    private static void AddOnce(Dictionary<string, string> result, string bound, string wireKey, string value)
    {
        if (!result.TryAdd(bound, value) && result[bound] != value)
        {
            throw new AcsException(AcsErrors.InvalidParameterDetail,
                $"The parameter \"{AcsParameterParser.Printable(wireKey)}\" is given more than once with different values.");
        }
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
