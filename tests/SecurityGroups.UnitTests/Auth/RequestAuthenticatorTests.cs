using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Auth;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.UnitTests.Auth;

/// <summary>Every branch of the authenticator: what each scheme must carry and cover (docs/security.md).</summary>
public sealed class RequestAuthenticatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);
    private static readonly string[] Rpc = RequestAuthenticator.RpcSignedHeaders;
    private static readonly string[] Emulator = RequestAuthenticator.EmulatorSignedHeaders;

    // ---- ACS3 ---------------------------------------------------------------------------------------------------

    [Fact]
    public void Acs3_Valid_ActsAsTheKeysAccount()
    {
        var auth = Authenticator().Authenticate(Acs3(), Params(Acs3Query), [], Rpc);

        Assert.Equal(new Authentication("2222222222222222", AuthScheme.Acs3, false), auth);
    }

    [Fact]
    public void Acs3_AdminAccount_IsMarkedAdmin()
    {
        var auth = Authenticator().Authenticate(Acs3(key: "admin", secret: "admin-secret"), Params(Acs3Query), [], Rpc);

        Assert.Equal(new Authentication("3333333333333333", AuthScheme.Acs3, true), auth);
    }

    [Theory]
    [InlineData("host")]
    [InlineData("x-acs-action")]
    [InlineData("x-acs-version")]
    [InlineData("x-acs-date")]
    [InlineData("x-acs-signature-nonce")]
    [InlineData("x-acs-content-sha256")]
    public void Acs3_OnTheApi_MustSignEachRequiredHeader(string header)
    {
        var error = Refused(() => Authenticator().Authenticate(Acs3(unsigned: header), Params(Acs3Query), [], Rpc));

        Assert.Equal("IncompleteSignature", error.Error.Code);
        Assert.Contains($"\"{header}\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x-acs-action")]
    [InlineData("x-acs-version")]
    public void Acs3_OnEmulatorEndpoints_NeedsNoActionOrVersion(string header)
    {
        var auth = Authenticator().Authenticate(Acs3(unsigned: header, path: "/_emulator/findings"), Params(Acs3Query), [], Emulator);

        Assert.Equal(AuthScheme.Acs3, auth.Scheme);
    }

    [Theory]
    [InlineData("host")]
    [InlineData("x-acs-date")]
    [InlineData("x-acs-signature-nonce")]
    [InlineData("x-acs-content-sha256")]
    public void Acs3_OnEmulatorEndpoints_MustSignHostDateNonceAndBodyHash(string header)
    {
        var error = Refused(() => Authenticator().Authenticate(Acs3(unsigned: header, path: "/_emulator/reset"), Params(Acs3Query), [], Emulator));

        Assert.Equal("IncompleteSignature", error.Error.Code);
    }

    [Fact]
    public void Acs3_ContentType_MustBeSignedWhenPresent()
    {
        var body = "RegionId=cn-hangzhou"u8.ToArray();
        var signed = Acs3(body: body, contentType: "application/x-www-form-urlencoded");
        var unsigned = Acs3(body: body, contentType: "application/x-www-form-urlencoded", unsigned: "content-type");

        Assert.Equal(AuthScheme.Acs3, Authenticator().Authenticate(signed, Params(Acs3Query), body, Rpc).Scheme);
        var error = Refused(() => Authenticator().Authenticate(unsigned, Params(Acs3Query), body, Rpc));
        Assert.Equal("IncompleteSignature", error.Error.Code);
        Assert.Contains("content-type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Acs3_SignedHeaderSentTwice_IsRefused()
    {
        var request = Acs3();
        request.Headers["x-acs-action"] = new(["DescribeRegions", "DeleteSecurityGroup"]);

        var error = Refused(() => Authenticator().Authenticate(request, Params(Acs3Query), [], Rpc));
        Assert.Equal("IncompleteSignature", error.Error.Code);
        Assert.Contains("\"x-acs-action\" is sent more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoAuthorizationHeaders_AreRefused()
    {
        var request = Acs3();
        request.Headers.Authorization = new([request.Headers.Authorization.ToString(), "ACS3-HMAC-SHA256 Credential=test,SignedHeaders=host,Signature=00"]);

        var error = Refused(() => Authenticator().Authenticate(request, Params(Acs3Query), [], Rpc));
        Assert.Equal("IncompleteSignature", error.Error.Code);
        Assert.Contains("more than one Authorization header", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ACS3-HMAC-SM3 Credential=test2,SignedHeaders=host,Signature=00", "InvalidSignatureMethod")]
    [InlineData("acs3-hmac-sha256 Credential=test2,SignedHeaders=host,Signature=00", "InvalidSignatureMethod")]
    [InlineData("ACS3-HMAC-SHA256 Credential=test2,SignedHeaders=host", "IncompleteSignature")]
    [InlineData("ACS3-HMAC-SHA256", "IncompleteSignature")]
    [InlineData("ACS3-HMAC-SHA256 Credential", "IncompleteSignature")]
    public void Acs3_MalformedOrOtherAlgorithm_IsRefused(string header, string code)
    {
        var request = Acs3();
        request.Headers.Authorization = header;

        var error = Refused(() => Authenticator().Authenticate(request, Params(Acs3Query), [], Rpc));
        Assert.Equal(code, error.Error.Code);
        if (code == "IncompleteSignature")
        {
            Assert.Contains("not well formed", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Acs3_UnknownKey_IsInvalidAccessKeyIdNotFound()
    {
        var error = Refused(() => Authenticator().Authenticate(Acs3(key: "nobody"), Params(Acs3Query), [], Rpc));

        Assert.Equal(AcsErrors.InvalidAccessKeyIdNotFound, error.Error);
    }

    [Theory]
    [InlineData(-15 * 60, null)]
    [InlineData(15 * 60, null)]
    [InlineData(-15 * 60 - 1, "InvalidTimeStamp.Expired")]
    [InlineData(15 * 60 + 1, "InvalidTimeStamp.Expired")]
    public void Acs3_Date_MustBeWithinTheWindowEitherWay(int offsetSeconds, string? code)
    {
        var request = Acs3(at: Now.AddSeconds(offsetSeconds));

        if (code is null)
        {
            Assert.Equal(AuthScheme.Acs3, Authenticator().Authenticate(request, Params(Acs3Query), [], Rpc).Scheme);
        }
        else
        {
            Assert.Equal(code, Refused(() => Authenticator().Authenticate(request, Params(Acs3Query), [], Rpc)).Error.Code);
        }
    }

    [Fact]
    public void Acs3_MalformedDate_IsInvalidTimeStampFormat()
    {
        var error = Refused(() => Authenticator().Authenticate(Acs3(date: "yesterday"), Params(Acs3Query), [], Rpc));

        Assert.Equal("InvalidTimeStamp.Format", error.Error.Code);
    }

    [Theory]
    [InlineData("x-acs-date")]
    [InlineData("x-acs-signature-nonce")]
    public void Acs3_SignedButEmptyDateOrNonce_IsMissingParameter(string header)
    {
        var error = Refused(() => Authenticator().Authenticate(Acs3(empty: header), Params(Acs3Query), [], Rpc));

        Assert.Equal("MissingParameter", error.Error.Code);
        Assert.Contains(header, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Acs3_Replay_IsSignatureNonceUsed_PerAccessKey()
    {
        var authenticator = Authenticator();
        authenticator.Authenticate(Acs3(nonce: "n-1"), Params(Acs3Query), [], Rpc);

        Assert.Equal(AcsErrors.SignatureNonceUsed, Refused(() => authenticator.Authenticate(Acs3(nonce: "n-1"), Params(Acs3Query), [], Rpc)).Error);
        Assert.Equal(AuthScheme.Acs3, authenticator.Authenticate(Acs3(nonce: "n-1", key: "admin", secret: "admin-secret"), Params(Acs3Query), [], Rpc).Scheme);
    }

    [Fact]
    public void Acs3_NonceLength_IsBounded()
    {
        Assert.Equal(AuthScheme.Acs3, Authenticator().Authenticate(Acs3(nonce: new string('n', 256)), Params(Acs3Query), [], Rpc).Scheme);
        var error = Refused(() => Authenticator().Authenticate(Acs3(nonce: new string('n', 257)), Params(Acs3Query), [], Rpc));
        Assert.Equal("InvalidParameter", error.Error.Code);
        Assert.Contains("longer than 256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nonce_IsRememberedForTwiceTheTimestampWindow()
    {
        var clock = new MovableClock(Now);
        var authenticator = Authenticator(clock: clock);
        authenticator.Authenticate(Acs3(nonce: "n-window", at: clock.GetUtcNow()), Params(Acs3Query), [], Rpc);

        // 29 minutes later (the window is 15): a request with a fresh date but the same nonce is still a replay.
        clock.Now = Now.AddMinutes(29);
        Assert.Equal(AcsErrors.SignatureNonceUsed,
            Refused(() => authenticator.Authenticate(Acs3(nonce: "n-window", at: clock.GetUtcNow()), Params(Acs3Query), [], Rpc)).Error);

        // Past twice the window the nonce is forgotten (a request that old is refused by its date anyway).
        clock.Now = Now.AddMinutes(31);
        Assert.Equal(AuthScheme.Acs3, authenticator.Authenticate(Acs3(nonce: "n-window", at: clock.GetUtcNow()), Params(Acs3Query), [], Rpc).Scheme);
    }

    [Fact]
    public void Acs3_BodyOtherThanTheSignedHash_IsSignatureDoesNotMatch()
    {
        var body = "{\"a\":1}"u8.ToArray();
        var request = Acs3(body: body, contentType: "application/json", path: "/_emulator/reset");

        Assert.Equal(AuthScheme.Acs3, Authenticator().Authenticate(request, Params(Acs3Query), body, Emulator).Scheme);
        var other = Acs3(body: body, contentType: "application/json", path: "/_emulator/reset");
        Assert.Equal(AcsErrors.SignatureDoesNotMatch, Refused(() => Authenticator().Authenticate(other, Params(Acs3Query), "{\"a\":2}"u8.ToArray(), Emulator)).Error);
    }

    [Fact]
    public void Acs3_ClaimedHashInUpperCase_IsAccepted()
    {
        var request = Acs3();
        request.Headers["x-acs-content-sha256"] = request.Headers["x-acs-content-sha256"].ToString().ToUpperInvariant();

        // The header is signed, so the signature is made over the upper-case value too.
        var signedUpper = Acs3(hashOverride: Acs3Signature.HashHex([]).ToUpperInvariant());
        Assert.Equal(AuthScheme.Acs3, Authenticator().Authenticate(signedUpper, Params(Acs3Query), [], Rpc).Scheme);
        Assert.Equal(AcsErrors.SignatureDoesNotMatch, Refused(() => Authenticator().Authenticate(request, Params(Acs3Query), [], Rpc)).Error);
    }

    [Fact]
    public void Acs3_SignatureInUpperCaseHex_IsAccepted_WrongSecretIsNot()
    {
        var request = Acs3();
        var header = request.Headers.Authorization.ToString();
        var at = header.IndexOf("Signature=", StringComparison.Ordinal) + "Signature=".Length;
        request.Headers.Authorization = header[..at] + header[at..].ToUpperInvariant();

        Assert.Equal(AuthScheme.Acs3, Authenticator().Authenticate(request, Params(Acs3Query), [], Rpc).Scheme);
        Assert.Equal(AcsErrors.SignatureDoesNotMatch, Refused(() => Authenticator().Authenticate(Acs3(secret: "wrong"), Params(Acs3Query), [], Rpc)).Error);
    }

    [Theory]
    [InlineData("/_emulator/security-groups/sg-1/rules")]
    [InlineData("/_emulator/traffic/evaluate")]
    [InlineData("/a b/c*d")]
    public void Acs3_SignedPathOtherThanRoot_IsVerified_AndMovingItIsNot(string path)
    {
        Assert.Equal(AuthScheme.Acs3, Authenticator().Authenticate(Acs3(path: path), Params(Acs3Query), [], Emulator).Scheme);

        var moved = Acs3(path: path);
        moved.Path = "/_emulator/reset";
        Assert.Equal(AcsErrors.SignatureDoesNotMatch, Refused(() => Authenticator().Authenticate(moved, Params(Acs3Query), [], Emulator)).Error);
    }

    [Fact]
    public void Acs3_QueryChangedAfterSigning_IsSignatureDoesNotMatch()
    {
        var error = Refused(() => Authenticator().Authenticate(Acs3(), Params("RegionId=cn-beijing"), [], Rpc));

        Assert.Equal(AcsErrors.SignatureDoesNotMatch, error.Error);
        Assert.StartsWith("Specified signature is not matched", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Acs3_WinsOverASignatureParameter()
    {
        var parameters = Params(Acs3Query + "&Signature=garbage");
        var auth = Authenticator().Authenticate(Acs3(query: Acs3Query + "&Signature=garbage"), parameters, [], Rpc);

        Assert.Equal(AuthScheme.Acs3, auth.Scheme);
        Assert.True(RequestAuthenticator.HasAcs3Authorization(Acs3()));
        Assert.False(RequestAuthenticator.HasAcs3Authorization(new DefaultHttpContext().Request));
    }

    // ---- HMAC-SHA1 ----------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public void Rpc_Valid_ActsAsTheKeysAccount(string method)
    {
        var (request, parameters) = RpcRequest(method: method);

        Assert.Equal(new Authentication("2222222222222222", AuthScheme.Rpc, false), Authenticator().Authenticate(request, parameters, [], Rpc));
    }

    [Fact]
    public void Rpc_MethodOtherThanSigned_IsSignatureDoesNotMatch()
    {
        var (request, parameters) = RpcRequest(method: "GET");
        request.Method = "POST";

        Assert.Equal(AcsErrors.SignatureDoesNotMatch, Refused(() => Authenticator().Authenticate(request, parameters, [], Rpc)).Error);
    }

    [Theory]
    [InlineData("AccessKeyId", "MissingParameter")]
    [InlineData("Timestamp", "MissingParameter")]
    [InlineData("SignatureNonce", "MissingParameter")]
    [InlineData("SignatureMethod", null)]
    public void Rpc_RequiredParameters(string omitted, string? code)
    {
        var (request, parameters) = RpcRequest(omit: omitted);

        if (code is null)
        {
            Assert.Equal(AuthScheme.Rpc, Authenticator().Authenticate(request, parameters, [], Rpc).Scheme);
        }
        else
        {
            var error = Refused(() => Authenticator().Authenticate(request, parameters, [], Rpc));
            Assert.Equal(code, error.Error.Code);
            Assert.Contains(omitted, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Rpc_OtherSignatureMethod_IsInvalidSignatureMethod()
    {
        var (request, parameters) = RpcRequest(extra: ("SignatureMethod", "HMAC-SHA256"));

        Assert.Equal("InvalidSignatureMethod", Refused(() => Authenticator().Authenticate(request, parameters, [], Rpc)).Error.Code);
    }

    [Fact]
    public void Rpc_UnknownKey_WrongSecret_Replay_Expired()
    {
        var authenticator = Authenticator();
        var (unknown, unknownParameters) = RpcRequest(key: "nobody");
        Assert.Equal(AcsErrors.InvalidAccessKeyIdNotFound, Refused(() => authenticator.Authenticate(unknown, unknownParameters, [], Rpc)).Error);

        var (wrong, wrongParameters) = RpcRequest(secret: "wrong");
        Assert.Equal(AcsErrors.SignatureDoesNotMatch, Refused(() => authenticator.Authenticate(wrong, wrongParameters, [], Rpc)).Error);

        var (first, firstParameters) = RpcRequest(nonce: "rpc-1");
        authenticator.Authenticate(first, firstParameters, [], Rpc);
        Assert.Equal(AcsErrors.SignatureNonceUsed, Refused(() => authenticator.Authenticate(first, firstParameters, [], Rpc)).Error);

        var (old, oldParameters) = RpcRequest(at: Now.AddMinutes(-16));
        Assert.Equal(AcsErrors.InvalidTimeStampExpired, Refused(() => authenticator.Authenticate(old, oldParameters, [], Rpc)).Error);
    }

    // ---- Unsigned -----------------------------------------------------------------------------------------------

    [Fact]
    public void Unsigned_Relaxed_IsTheFirstAccount_OrTheNamedKeysAccount()
    {
        var authenticator = Authenticator();
        var request = new DefaultHttpContext().Request;

        Assert.Equal(new Authentication("1234567890123456", AuthScheme.Unsigned, false), authenticator.Authenticate(request, Params(""), [], Rpc));
        Assert.Equal(new Authentication("3333333333333333", AuthScheme.Unsigned, true), authenticator.Authenticate(request, Params("AccessKeyId=admin"), [], Rpc));
        Assert.Equal(AcsErrors.InvalidAccessKeyIdNotFound, Refused(() => authenticator.Authenticate(request, Params("AccessKeyId=nobody"), [], Rpc)).Error);
    }

    [Theory]
    [InlineData("", "AccessKeyId")]
    [InlineData("AccessKeyId=test", "Signature")]
    public void Unsigned_Strict_IsMissingParameter(string query, string named)
    {
        var error = Refused(() => Authenticator(strict: true).Authenticate(new DefaultHttpContext().Request, Params(query), [], Rpc));

        Assert.Equal("MissingParameter", error.Error.Code);
        Assert.Contains($"\"{named}\"", error.Message, StringComparison.Ordinal);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private const string Acs3Query = "RegionId=cn-hangzhou";

    private static RequestAuthenticator Authenticator(bool strict = false, TimeProvider? clock = null)
    {
        var options = Options.Create(new AuthOptions
        {
            Mode = strict ? AuthOptions.Strict : AuthOptions.Relaxed,
            Accounts =
            [
                new() { AccountId = "1234567890123456", AccessKeyId = "test", AccessKeySecret = "test" },
                new() { AccountId = "2222222222222222", AccessKeyId = "test2", AccessKeySecret = "secret2" },
                new() { AccountId = "3333333333333333", AccessKeyId = "admin", AccessKeySecret = "admin-secret", Admin = true },
            ],
        });
        clock ??= new FixedClock(Now);
        return new RequestAuthenticator(new AccountDirectory(options), new NonceCache(clock), options, clock);
    }

    private static AcsParameters Params(string query, string? form = null) => AcsParameterParser.Parse(query, form, new AcsLimits());

    private static AcsException Refused(Func<Authentication> act) => Assert.Throws<AcsException>(() => act());

    /// <summary>An ACS3-signed request (signed with the server's own primitives, which the SDK vectors pin down).</summary>
    private static HttpRequest Acs3(string key = "test2", string secret = "secret2", string path = "/", string query = Acs3Query,
        byte[]? body = null, string? contentType = null, string? unsigned = null, string? empty = null, DateTimeOffset? at = null,
        string? date = null, string nonce = "", string? hashOverride = null)
    {
        body ??= [];
        var request = new DefaultHttpContext().Request;
        request.Method = "POST";
        request.Path = path;
        request.QueryString = new QueryString("?" + query);
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = "127.0.0.1:8080",
            ["x-acs-action"] = "DescribeRegions",
            ["x-acs-version"] = "2014-05-26",
            ["x-acs-date"] = date ?? (at ?? Now).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["x-acs-signature-nonce"] = nonce.Length > 0 ? nonce : Guid.NewGuid().ToString("N"),
            ["x-acs-content-sha256"] = hashOverride ?? Acs3Signature.HashHex(body),
        };
        if (contentType is not null)
        {
            headers["content-type"] = contentType;
        }

        if (empty is not null)
        {
            headers[empty] = "";
        }

        foreach (var (name, value) in headers)
        {
            request.Headers[name] = value;
        }

        var signed = headers.Keys.Where(h => h != unsigned).ToList();
        var canonical = Acs3Signature.CanonicalRequest("POST", path, Params(query).QueryPairs, signed, name => headers[name], Acs3Signature.HashHex(body));
        var signature = Acs3Signature.Sign(secret, Acs3Signature.StringToSign(Acs3Authorization.HmacSha256, canonical));
        request.Headers.Authorization = $"ACS3-HMAC-SHA256 Credential={key},SignedHeaders={string.Join(';', signed)},Signature={signature}";
        return request;
    }

    private static (HttpRequest, AcsParameters) RpcRequest(string key = "test2", string secret = "secret2", string method = "GET",
        string? omit = null, (string, string)? extra = null, string? nonce = null, DateTimeOffset? at = null)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Action"] = "DescribeRegions",
            ["Version"] = "2014-05-26",
            ["AccessKeyId"] = key,
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureVersion"] = "1.0",
            ["SignatureNonce"] = nonce ?? Guid.NewGuid().ToString("N"),
            ["Timestamp"] = (at ?? Now).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        if (omit is not null)
        {
            pairs.Remove(omit);
        }

        if (extra is { } e)
        {
            pairs[e.Item1] = e.Item2;
        }

        pairs["Signature"] = RpcSignature.Sign(secret, RpcSignature.StringToSign(method, pairs));
        var query = string.Join('&', pairs.Select(p => Rfc3986.Encode(p.Key) + "=" + Rfc3986.Encode(p.Value)));
        var request = new DefaultHttpContext().Request;
        request.Method = method;
        request.Path = "/";
        return (request, Params(query));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class MovableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
