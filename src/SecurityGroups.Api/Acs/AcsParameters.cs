namespace SecurityGroups.Api.Acs;

/// <summary>
/// The request's parameters, query and form body merged (decoded). <see cref="Pairs"/> keeps every pair as sent (for the
/// HMAC-SHA1 signature); <see cref="Values"/> has one value per key (for binding).
/// </summary>
internal sealed class AcsParameters
{
    public static readonly AcsParameters Empty = new([], [], []);

    public AcsParameters(List<KeyValuePair<string, string>> pairs, List<KeyValuePair<string, string>> queryPairs, Dictionary<string, string> values)
    {
        Pairs = pairs;
        QueryPairs = queryPairs;
        Values = values;
    }

    /// <summary>Query and body pairs, in order, duplicates kept.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs { get; }

    /// <summary>The query pairs alone (the ACS3 canonical query string covers only these).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> QueryPairs { get; }

    /// <summary>One value per key (ordinal).</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    public string? this[string key] => Values.TryGetValue(key, out var v) ? v : null;

    /// <summary>The value of <paramref name="key"/> as binding reads it: the exact spelling, else any letter case (binding
    /// refuses two spellings with different values, <see cref="FlattenedKeys"/>).</summary>
    public string? Bound(string key) =>
        this[key] ?? Values.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
}
