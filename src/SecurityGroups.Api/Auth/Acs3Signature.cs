using System.Security.Cryptography;
using System.Text;

namespace SecurityGroups.Api.Auth;

/// <summary>The parts of an <c>Authorization: ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…</c> header.</summary>
internal sealed record Acs3Authorization(string Algorithm, string AccessKeyId, IReadOnlyList<string> SignedHeaders, string Signature)
{
    public const string Prefix = "ACS3-";
    public const string HmacSha256 = "ACS3-HMAC-SHA256";

    /// <summary>Null when the header is not well formed.</summary>
    public static Acs3Authorization? Parse(string header)
    {
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return null;
        }

        string? credential = null, signedHeaders = null, signature = null;
        foreach (var part in header[(space + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return null;
            }

            var value = part[(eq + 1)..];
            switch (part[..eq])
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": signedHeaders = value; break;
                case "Signature": signature = value; break;
                default: break;
            }
        }

        return string.IsNullOrEmpty(credential) || string.IsNullOrEmpty(signedHeaders) || string.IsNullOrEmpty(signature)
            ? null
            : new Acs3Authorization(header[..space], credential,
                signedHeaders.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(h => h.Trim().ToLowerInvariant()).ToArray(), signature);
    }
}

/// <summary>ACS3-HMAC-SHA256 (the default signer of every current Alibaba SDK): canonical request, string to sign, signature.</summary>
internal static class Acs3Signature
{
    public static string HashHex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string CanonicalUri(string path) =>
        string.IsNullOrEmpty(path) ? "/" : string.Join('/', path.Split('/').Select(Rfc3986.Encode));

    public static string CanonicalRequest(string method, string path, IEnumerable<KeyValuePair<string, string>> query,
        IReadOnlyList<string> signedHeaders, Func<string, string> headerValue, string payloadHash)
    {
        var sb = new StringBuilder(512);
        sb.Append(method).Append('\n')
          .Append(CanonicalUri(path)).Append('\n')
          .Append(Rfc3986.CanonicalQuery(query)).Append('\n');
        foreach (var name in signedHeaders.Order(StringComparer.Ordinal))
        {
            sb.Append(name).Append(':').Append(headerValue(name).Trim()).Append('\n');
        }

        sb.Append('\n').Append(string.Join(';', signedHeaders.Order(StringComparer.Ordinal))).Append('\n').Append(payloadHash);
        return sb.ToString();
    }

    public static string StringToSign(string algorithm, string canonicalRequest) =>
        algorithm + "\n" + HashHex(Encoding.UTF8.GetBytes(canonicalRequest));

    public static string Sign(string secret, string stringToSign) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(stringToSign)));
}
