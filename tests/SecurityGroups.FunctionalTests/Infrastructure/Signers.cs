using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SecurityGroups.FunctionalTests.Infrastructure;

/// <summary>Client-side signers written independently of the server's verifier, following Alibaba's published algorithms.</summary>
public static class Signers
{
    public static string Rfc3986(string s) =>
        Uri.EscapeDataString(s).Replace("!", "%21", StringComparison.Ordinal).Replace("'", "%27", StringComparison.Ordinal)
            .Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal).Replace("*", "%2A", StringComparison.Ordinal);

    /// <summary>Signs a request ACS3-HMAC-SHA256 style: Action in headers, params in the query, empty body.</summary>
    /// <remarks><paramref name="unsigned"/> names headers that are sent but left out of SignedHeaders; <paramref name="omit"/>
    /// names headers neither sent nor signed. A body's content type is signed, as the SDKs sign it.</remarks>
    public static HttpRequestMessage Acs3(string action, string version, IEnumerable<(string Key, string Value)> query, string accessKeyId, string secret,
        string host = "localhost", DateTimeOffset? at = null, string? nonce = null, string path = "/", byte[]? body = null, string? contentType = null, HttpMethod? method = null,
        IReadOnlyCollection<string>? unsigned = null, IReadOnlyCollection<string>? omit = null)
    {
        body ??= [];
        method ??= HttpMethod.Post;
        unsigned ??= [];
        omit ??= [];
        var sorted = query.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var canonicalQuery = string.Join('&', sorted.Select(p => $"{Rfc3986(p.Key)}={Rfc3986(p.Value)}"));
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = host,
            ["x-acs-action"] = action,
            ["x-acs-version"] = version,
            ["x-acs-date"] = (at ?? DateTimeOffset.UtcNow).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["x-acs-signature-nonce"] = nonce ?? Guid.NewGuid().ToString("N"),
            ["x-acs-content-sha256"] = Hex(SHA256.HashData(body)),
        };
        if (body.Length > 0)
        {
            headers["content-type"] = contentType ?? "application/octet-stream";
        }

        foreach (var name in omit)
        {
            headers.Remove(name);
        }

        var signed = headers.Where(h => !unsigned.Contains(h.Key)).ToList();
        var canonicalHeaders = string.Concat(signed.Select(h => $"{h.Key}:{h.Value}\n"));
        var signedHeaders = string.Join(';', signed.Select(h => h.Key));
        var canonicalRequest = $"{method.Method}\n{path}\n{canonicalQuery}\n{canonicalHeaders}\n{signedHeaders}\n{Hex(SHA256.HashData(body))}";
        var stringToSign = "ACS3-HMAC-SHA256\n" + Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));
        var signature = Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(stringToSign)));

        var message = new HttpRequestMessage(method, path + "?" + canonicalQuery);
        if (body.Length > 0)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType ?? "application/octet-stream");
        }

        foreach (var (name, value) in headers.Where(h => h.Key is not "host" and not "content-type"))
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        message.Headers.Host = host;
        message.Headers.TryAddWithoutValidation("Authorization", $"ACS3-HMAC-SHA256 Credential={accessKeyId},SignedHeaders={signedHeaders},Signature={signature}");
        return message;
    }

    /// <summary>HMAC-SHA1 RPC style: every parameter (common ones included) signed; GET in the query or POST in a form body.</summary>
    /// <remarks><paramref name="omit"/> names common parameters left out (e.g. <c>SignatureNonce</c>); <paramref name="path"/>
    /// is where the request goes (the signature never covers it).</remarks>
    public static HttpRequestMessage Rpc(string action, string version, IEnumerable<(string Key, string Value)> parameters, string accessKeyId, string secret,
        bool post = false, DateTimeOffset? at = null, string? nonce = null, IReadOnlyCollection<string>? omit = null, string path = "/")
    {
        omit ??= [];
        var all = parameters.Concat(
        [
            ("Action", action), ("Version", version), ("Format", "JSON"), ("AccessKeyId", accessKeyId),
            ("SignatureMethod", "HMAC-SHA1"), ("SignatureVersion", "1.0"), ("SignatureNonce", nonce ?? Guid.NewGuid().ToString("N")),
            ("Timestamp", (at ?? DateTimeOffset.UtcNow).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
        ]).Where(p => !omit.Contains(p.Item1)).OrderBy(p => p.Item1, StringComparer.Ordinal).ToList();
        var canonical = string.Join('&', all.Select(p => $"{Rfc3986(p.Item1)}={Rfc3986(p.Item2)}"));
        var stringToSign = (post ? "POST" : "GET") + "&%2F&" + Rfc3986(canonical);
        var signature = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret + "&"), Encoding.UTF8.GetBytes(stringToSign)));
        var body = canonical + "&Signature=" + Rfc3986(signature);
        return post
            ? new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") }
            : new HttpRequestMessage(HttpMethod.Get, path + "?" + body);
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
