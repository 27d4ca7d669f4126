using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SecurityGroups.Api.Acs;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Api.Auth;

/// <summary>Decides which account a request acts as: verifies ACS3-HMAC-SHA256 or HMAC-SHA1 signatures, the timestamp
/// window and nonce replay; unsigned requests are the default account in Relaxed mode and refused in Strict mode.</summary>
internal sealed class RequestAuthenticator(AccountDirectory accounts, NonceCache nonces, IOptions<AuthOptions> options, TimeProvider clock)
{
    public string Authenticate(HttpRequest request, AcsParameters parameters, byte[] body)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(Acs3Authorization.Prefix, StringComparison.Ordinal))
        {
            return VerifyAcs3(request, parameters, body, authorization);
        }

        if (parameters["Signature"] is not null)
        {
            return VerifyRpc(request, parameters);
        }

        if (options.Value.IsStrict)
        {
            throw new AcsException(AcsErrors.MissingParameter, "AccessKeyId");
        }

        return accounts.Default.AccountId;
    }

    private string VerifyAcs3(HttpRequest request, AcsParameters parameters, byte[] body, string header)
    {
        var auth = Acs3Authorization.Parse(header)
            ?? throw new AcsException(AcsErrors.IncompleteSignature, "The Authorization header is not well formed.");
        if (auth.Algorithm != Acs3Authorization.HmacSha256)
        {
            throw new AcsException(AcsErrors.UnsupportedSignatureMethod, auth.Algorithm);
        }

        var account = accounts.Find(auth.AccessKeyId) ?? throw new AcsException(AcsErrors.InvalidAccessKeyIdNotFound);
        CheckTimestamp(request.Headers["x-acs-date"].ToString());

        var payloadHash = Acs3Signature.HashHex(body);
        var canonical = Acs3Signature.CanonicalRequest(request.Method, request.Path.Value ?? "/", parameters.QueryPairs,
            auth.SignedHeaders, name => request.Headers[name].ToString(), payloadHash);
        var stringToSign = Acs3Signature.StringToSign(auth.Algorithm, canonical);
        var claimedHash = request.Headers["x-acs-content-sha256"].ToString();
        if ((claimedHash.Length > 0 && !string.Equals(claimedHash, payloadHash, StringComparison.OrdinalIgnoreCase))
            || !FixedTimeEquals(Acs3Signature.Sign(account.AccessKeySecret, stringToSign), auth.Signature.ToLowerInvariant()))
        {
            throw new AcsException(AcsErrors.SignatureDoesNotMatch, stringToSign);
        }

        UseNonce(account.AccessKeyId, request.Headers["x-acs-signature-nonce"].ToString());
        return account.AccountId;
    }

    private string VerifyRpc(HttpRequest request, AcsParameters parameters)
    {
        var accessKeyId = parameters["AccessKeyId"];
        if (string.IsNullOrEmpty(accessKeyId))
        {
            throw new AcsException(AcsErrors.MissingParameter, "AccessKeyId");
        }

        var method = parameters["SignatureMethod"];
        if (method is not null && method != RpcSignature.HmacSha1)
        {
            throw new AcsException(AcsErrors.UnsupportedSignatureMethod, method);
        }

        var account = accounts.Find(accessKeyId) ?? throw new AcsException(AcsErrors.InvalidAccessKeyIdNotFound);
        var timestamp = parameters["Timestamp"];
        if (string.IsNullOrEmpty(timestamp))
        {
            throw new AcsException(AcsErrors.MissingParameter, "Timestamp");
        }

        CheckTimestamp(timestamp);
        var stringToSign = RpcSignature.StringToSign(request.Method, parameters.Pairs);
        if (!FixedTimeEquals(RpcSignature.Sign(account.AccessKeySecret, stringToSign), parameters["Signature"]!))
        {
            throw new AcsException(AcsErrors.SignatureDoesNotMatch, stringToSign);
        }

        UseNonce(account.AccessKeyId, parameters["SignatureNonce"] ?? "");
        return account.AccountId;
    }

    private void CheckTimestamp(string value)
    {
        if (value.Length == 0)
        {
            return;
        }

        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            throw new AcsException(AcsErrors.InvalidTimeStampFormat);
        }

        if ((clock.GetUtcNow() - at).Duration() > Window)
        {
            throw new AcsException(AcsErrors.InvalidTimeStampExpired);
        }
    }

    private void UseNonce(string accessKeyId, string nonce)
    {
        if (nonce.Length > 0 && !nonces.TryUse(accessKeyId, nonce, Window * 2))
        {
            throw new AcsException(AcsErrors.SignatureNonceUsed);
        }
    }

    private TimeSpan Window => TimeSpan.FromMinutes(options.Value.TimestampWindowMinutes);

    private static bool FixedTimeEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
