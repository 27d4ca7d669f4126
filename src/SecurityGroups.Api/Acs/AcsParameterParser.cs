using System.Net;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Api.Acs;

/// <summary>
/// Parses <c>application/x-www-form-urlencoded</c> text (the query string and a form body alike): <c>%XX</c> decoded,
/// <c>+</c> as a space. Repeating a key with the same value is harmless; with another value it is refused.
/// </summary>
internal static class AcsParameterParser
{
    public static AcsParameters Parse(string? query, string? form, AcsLimits limits)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        Split(query, pairs, limits);
        var queryCount = pairs.Count;
        Split(form, pairs, limits);

        var values = new Dictionary<string, string>(pairs.Count, StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            if (values.TryGetValue(key, out var existing))
            {
                if (existing != value)
                {
                    throw new AcsException(AcsErrors.InvalidParameterDetail,
                        $"The parameter \"{Printable(key)}\" is given more than once with different values.");
                }

                continue;
            }

            values.Add(key, value);
        }

        return new AcsParameters(pairs, pairs.GetRange(0, queryCount), values);
    }

    private static void Split(string? text, List<KeyValuePair<string, string>> into, AcsLimits limits)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var span = text.AsSpan();
        if (span[0] == '?')
        {
            span = span[1..];
        }

        while (!span.IsEmpty)
        {
            var amp = span.IndexOf('&');
            var part = amp < 0 ? span : span[..amp];
            span = amp < 0 ? [] : span[(amp + 1)..];
            if (part.IsEmpty)
            {
                continue;
            }

            var eq = part.IndexOf('=');
            var key = Decode(eq < 0 ? part : part[..eq]);
            var value = eq < 0 ? "" : Decode(part[(eq + 1)..]);
            if (key.Length == 0)
            {
                continue;
            }

            if (key.Length > limits.MaxKeyLength)
            {
                throw new AcsException(AcsErrors.InvalidParameterDetail,
                    $"A parameter name is longer than {limits.MaxKeyLength} characters.");
            }

            if (value.Length > limits.MaxValueLength)
            {
                throw new AcsException(AcsErrors.InvalidParameterDetail,
                    $"The value of parameter \"{Printable(key)}\" is longer than {limits.MaxValueLength} characters.");
            }

            if (into.Count >= limits.MaxParameters)
            {
                throw new AcsException(AcsErrors.InvalidParameterDetail,
                    $"The request has more than {limits.MaxParameters} parameters.");
            }

            into.Add(new(key, value));
        }
    }

    private static string Decode(ReadOnlySpan<char> encoded) =>
        encoded.ContainsAny('%', '+') ? WebUtility.UrlDecode(encoded.ToString()) : encoded.ToString();

    /// <summary>A parameter name safe to echo in a message: control characters dropped, length capped.</summary>
    internal static string Printable(string key)
    {
        var clean = new string(key.Where(c => !char.IsControl(c)).Take(64).ToArray());
        return clean.Length < key.Length ? clean + "…" : clean;
    }
}
