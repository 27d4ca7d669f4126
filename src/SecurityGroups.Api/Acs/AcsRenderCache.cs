using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;

namespace SecurityGroups.Api.Acs;

/// <summary>
/// What a response is a pure function of: a domain result that is itself cached under the write version (one object per
/// version, ADR-005), and the request fields the mapping reads (<paramref name="Variant"/>). Responses that carry it are
/// rendered once per (source, variant, format) and then copied, with only the RequestId written fresh.
/// </summary>
public sealed record RenderedFrom(object Source, string Variant);

/// <summary>
/// Rendered bytes of responses marked with <see cref="RenderedFrom"/>, split around the RequestId. Entries live exactly as
/// long as their source object: when a write replaces the cached domain result, its renderings go with it, so a stale body
/// can never be served. A 200-rule answer is ~120 KB; rendering it costs far more than copying it (docs/benchmarks.md).
/// </summary>
internal static class AcsRenderCache
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, Template>> Renderings = new();

    /// <summary>The response's bytes before and after its RequestId.</summary>
    public sealed record Template(byte[] Prefix, byte[] Suffix);

    /// <summary>
    /// The template for <paramref name="response"/>, rendering it on first use with a sentinel RequestId; null when the
    /// rendering cannot be split around one RequestId (then the caller renders normally).
    /// </summary>
    public static Template? Get(AcsResponse response, RenderedFrom from, string format, Func<AcsResponse, byte[]> render)
    {
        var byVariant = Renderings.GetValue(from.Source, _ => new ConcurrentDictionary<string, Template>(StringComparer.Ordinal));
        var key = string.Join('\n', format, response.GetType().FullName, from.Variant);
        if (byVariant.TryGetValue(key, out var template))
        {
            return template;
        }

        var requestId = response.RequestId;
        var sentinel = Guid.NewGuid().ToString("N");
        response.RequestId = sentinel;
        byte[] bytes;
        try
        {
            bytes = render(response);
        }
        finally
        {
            response.RequestId = requestId;
        }

        var marker = Encoding.UTF8.GetBytes(sentinel);
        var at = bytes.AsSpan().IndexOf(marker);
        if (at < 0 || bytes.AsSpan(at + marker.Length).IndexOf(marker) >= 0)
        {
            return null;
        }

        template = new Template(bytes[..at], bytes[(at + marker.Length)..]);
        return byVariant.GetOrAdd(key, template);
    }

    /// <summary>Whether <paramref name="requestId"/> needs no escaping in JSON or XML (ours are GUIDs), so it can be spliced in as is.</summary>
    public static bool IsPlain(string? requestId) =>
        requestId is not null && requestId.AsSpan().IndexOfAnyExcept("0123456789ABCDEFabcdef-") < 0;
}
