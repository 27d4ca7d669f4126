using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SecurityGroups.Api.Acs;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Api.Auth;

/// <summary>How a request proved who it is.</summary>
internal enum AuthScheme
{
    /// <summary>No signature (Relaxed mode only): the default account, or the account of the <c>AccessKeyId</c> it names.</summary>
    Unsigned,

    /// <summary>ACS3-HMAC-SHA256: covers method, path, query, the signed headers and the body.</summary>
    Acs3,

    /// <summary>HMAC-SHA1 (<c>Signature</c> parameter): covers method and every query and form parameter, not the path
    /// nor a non-form body.</summary>
    Rpc,

    /// <summary>The web console's session cookie (<c>/console</c> only), issued after the AccessKey pair was verified.</summary>
    ConsoleSession,
}

/// <summary>The account a request acts as, and how it was authenticated. <see cref="PendingNonce"/>: a nonce still to be
/// recorded in the database the replicas share (<see cref="RequestAuthenticator.ConfirmNonceAsync"/>), on PostgreSQL only.</summary>
internal readonly record struct Authentication(string AccountId, AuthScheme Scheme, bool Admin)
{
    public (string AccessKeyId, string Nonce)? PendingNonce { get; init; }
}

/// <summary>Decides which account a request acts as: verifies ACS3-HMAC-SHA256 or HMAC-SHA1 signatures, their required
/// parts (signed headers, timestamp, nonce), the timestamp window and nonce replay. Unsigned requests act as the
/// default account (or the one whose <c>AccessKeyId</c> they name) in Relaxed mode and are refused in Strict mode.
/// What each scheme must cover, and why: docs/security.md.</summary>
internal sealed class RequestAuthenticator(AccountDirectory accounts, NonceCache nonces, IOptions<AuthOptions> options, TimeProvider clock)
{
    /// <summary>Headers an ACS3 signature must cover on <c>/</c> (what Alibaba's gateway requires: the Action and Version
    /// that run, the body, and what makes the request unique in time).</summary>
    public static readonly string[] RpcSignedHeaders =
        ["host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"];

    /// <summary>Headers an ACS3 signature must cover on the emulator's own endpoints (no Action or Version there).</summary>
    public static readonly string[] EmulatorSignedHeaders = ["host", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce"];

    public const string NonceHeader = "x-acs-signature-nonce";
    public const string DateHeader = "x-acs-date";
    public const string ContentHashHeader = "x-acs-content-sha256";
    private const int MaxNonceLength = 256;

    public Authentication Authenticate(HttpRequest request, AcsParameters parameters, byte[] body, IReadOnlyList<string> requiredSignedHeaders)
    {
        var authorization = request.Headers.Authorization;
        if (authorization.Count > 1)
        {
            throw new AcsException(AcsErrors.IncompleteSignature, "The request has more than one Authorization header.");
        }

        var header = authorization.ToString();
        if (HasAcs3Authorization(request))
        {
            return VerifyAcs3(request, parameters, body, header, requiredSignedHeaders);
        }

        if (parameters["Signature"] is not null)
        {
            return VerifyRpc(request, parameters);
        }

        var named = parameters["AccessKeyId"];
        if (options.Value.IsStrict)
        {
            throw new AcsException(AcsErrors.MissingParameter, string.IsNullOrEmpty(named) ? "AccessKeyId" : "Signature");
        }

        if (!string.IsNullOrEmpty(named))
        {
            var account = accounts.Find(named) ?? throw new AcsException(AcsErrors.InvalidAccessKeyIdNotFound);
            return new Authentication(account.AccountId, AuthScheme.Unsigned, account.Admin);
        }

        return new Authentication(accounts.Default.AccountId, AuthScheme.Unsigned, accounts.Default.Admin);
    }

    /// <summary>The request carries an <c>Authorization: ACS3-…</c> header (which then decides, whatever else it carries).</summary>
    public static bool HasAcs3Authorization(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith(Acs3Authorization.Prefix, StringComparison.OrdinalIgnoreCase);

    private Authentication VerifyAcs3(HttpRequest request, AcsParameters parameters, byte[] body, string header, IReadOnlyList<string> required)
    {
        var auth = Acs3Authorization.Parse(header)
            ?? throw new AcsException(AcsErrors.IncompleteSignature, "The Authorization header is not well formed.");
        if (auth.Algorithm != Acs3Authorization.HmacSha256)
        {
            throw new AcsException(AcsErrors.UnsupportedSignatureMethod, auth.Algorithm);
        }

        foreach (var name in required)
        {
            RequireSigned(auth, name);
        }

        if (request.Headers.ContentType.Count > 0)
        {
            RequireSigned(auth, "content-type"); // it decides how the body is read, so it must be what was signed
        }

        foreach (var name in auth.SignedHeaders)
        {
            if (request.Headers[name].Count > 1)
            {
                throw new AcsException(AcsErrors.IncompleteSignature, $"The signed header \"{AcsParameterParser.Printable(name)}\" is sent more than once.");
            }
        }

        var account = accounts.Find(auth.AccessKeyId) ?? throw new AcsException(AcsErrors.InvalidAccessKeyIdNotFound);
        CheckTimestamp(RequiredHeader(request, DateHeader));
        var nonce = RequiredHeader(request, NonceHeader);

        var payloadHash = Acs3Signature.HashHex(body);
        var canonical = Acs3Signature.CanonicalRequest(request.Method, request.Path.Value ?? "/", parameters.QueryPairs,
            auth.SignedHeaders, name => request.Headers[name].ToString(), payloadHash);
        var stringToSign = Acs3Signature.StringToSign(auth.Algorithm, canonical);
        var claimedHash = request.Headers[ContentHashHeader].ToString();
        if (!string.Equals(claimedHash, payloadHash, StringComparison.OrdinalIgnoreCase)
            || !FixedTimeEquals(Acs3Signature.Sign(account.AccessKeySecret, stringToSign), auth.Signature.ToLowerInvariant()))
        {
            throw new AcsException(AcsErrors.SignatureDoesNotMatch, stringToSign);
        }

        return new Authentication(account.AccountId, AuthScheme.Acs3, account.Admin) { PendingNonce = UseNonce(account.AccessKeyId, nonce) };
    }

    private Authentication VerifyRpc(HttpRequest request, AcsParameters parameters)
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
        CheckTimestamp(RequiredParameter(parameters, "Timestamp"));
        var nonce = RequiredParameter(parameters, "SignatureNonce");
        var stringToSign = RpcSignature.StringToSign(request.Method, parameters.Pairs);
        if (!FixedTimeEquals(RpcSignature.Sign(account.AccessKeySecret, stringToSign), parameters["Signature"]!))
        {
            throw new AcsException(AcsErrors.SignatureDoesNotMatch, stringToSign);
        }

        return new Authentication(account.AccountId, AuthScheme.Rpc, account.Admin) { PendingNonce = UseNonce(account.AccessKeyId, nonce) };
    }

    private static void RequireSigned(Acs3Authorization auth, string name)
    {
        if (!auth.SignedHeaders.Contains(name, StringComparer.Ordinal))
        {
            throw new AcsException(AcsErrors.IncompleteSignature, $"SignedHeaders must include \"{name}\".");
        }
    }

    private static string RequiredHeader(HttpRequest request, string name)
    {
        var value = request.Headers[name].ToString();
        return value.Length > 0 ? value : throw new AcsException(AcsErrors.MissingParameter, name);
    }

    private static string RequiredParameter(AcsParameters parameters, string name)
    {
        var value = parameters[name];
        return string.IsNullOrEmpty(value) ? throw new AcsException(AcsErrors.MissingParameter, name) : value;
    }

    private void CheckTimestamp(string value)
    {
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            throw new AcsException(AcsErrors.InvalidTimeStampFormat);
        }

        if ((clock.GetUtcNow() - at).Duration() > Window)
        {
            throw new AcsException(AcsErrors.InvalidTimeStampExpired);
        }
    }

    /// <summary>Records the nonce in memory, or returns it to be recorded in the shared database without blocking a thread
    /// (<see cref="ConfirmNonceAsync"/>, called by the gateway right after <see cref="Authenticate"/>).</summary>
    private (string, string)? UseNonce(string accessKeyId, string nonce)
    {
        if (nonce.Length > MaxNonceLength)
        {
            throw new AcsException(AcsErrors.InvalidParameterDetail, $"The signature nonce is longer than {MaxNonceLength} characters.");
        }

        if (nonces.IsShared)
        {
            return (accessKeyId, nonce);
        }

        if (!nonces.TryUse(accessKeyId, nonce, Window * 2))
        {
            throw new AcsException(AcsErrors.SignatureNonceUsed);
        }

        return null;
    }

    /// <summary>On PostgreSQL, records the request's nonce where every replica sees it; <c>SignatureNonceUsed</c> if any
    /// replica saw it within the window. Nothing to do otherwise (the in-memory check already ran).</summary>
    public async ValueTask ConfirmNonceAsync(Authentication authentication, CancellationToken ct)
    {
        if (authentication.PendingNonce is { } pending
            && !await nonces.TryUseSharedAsync(pending.AccessKeyId, pending.Nonce, Window * 2, ct).ConfigureAwait(false))
        {
            throw new AcsException(AcsErrors.SignatureNonceUsed);
        }
    }

    private TimeSpan Window => TimeSpan.FromMinutes(options.Value.TimestampWindowMinutes);

    private static bool FixedTimeEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
