using System.Security.Cryptography;
using System.Text;

namespace SecurityGroups.Api.Auth;

/// <summary>The legacy RPC signer: HMAC-SHA1 over every parameter (query and body) but <c>Signature</c>, key <c>secret&amp;</c>.</summary>
internal static class RpcSignature
{
    public const string HmacSha1 = "HMAC-SHA1";

    public static string StringToSign(string method, IEnumerable<KeyValuePair<string, string>> parameters) =>
        method + "&" + Rfc3986.Encode("/") + "&" + Rfc3986.Encode(Rfc3986.CanonicalQuery(parameters.Where(p => p.Key != "Signature")));

    public static string Sign(string secret, string stringToSign) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret + "&"), Encoding.UTF8.GetBytes(stringToSign)));
}
