using SecurityGroups.Api.Auth;

namespace SecurityGroups.UnitTests.Auth;

/// <summary>Test vectors from Alibaba's documentation and from the official SDKs (alibaba-wire.md 3.1, 3.2).</summary>
public sealed class SignatureVectorTests
{
    [Fact]
    public void Acs3_MatchesTheSdkVector()
    {
        var headers = new Dictionary<string, string>
        {
            ["host"] = "127.0.0.1:8080",
            ["x-acs-action"] = "CreateSecurityGroup",
            ["x-acs-version"] = "2014-05-26",
            ["x-acs-date"] = "2025-01-01T00:00:00Z",
            ["x-acs-signature-nonce"] = "nonce-123",
            ["x-acs-content-sha256"] = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        };
        var query = new Dictionary<string, string>
        {
            ["RegionId"] = "cn-hangzhou",
            ["SecurityGroupName"] = "web sg",
            ["Tag.1.Key"] = "env",
            ["Tag.1.Value"] = "dev",
        };

        var canonical = Acs3Signature.CanonicalRequest("POST", "/", query, [.. headers.Keys], name => headers[name], Acs3Signature.HashHex([]));
        var stringToSign = Acs3Signature.StringToSign("ACS3-HMAC-SHA256", canonical);

        Assert.Equal("ACS3-HMAC-SHA256\n3c9afc1b03968c8308604f405f1c8ded9a4a78ca0a83d206ef71b3b5fcb55699", stringToSign);
        Assert.Equal("dd62815a581938b9d83905fe84122d3ee8fed032ca3c1f26e2b32bc3b67c1ad4", Acs3Signature.Sign("testAccessKeySecret", stringToSign));
    }

    [Fact]
    public void HmacSha1_MatchesTheDocumentationVector()
    {
        var parameters = new Dictionary<string, string>
        {
            ["AccessKeyId"] = "testid",
            ["Action"] = "DescribeRegions",
            ["Format"] = "XML",
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
            ["SignatureVersion"] = "1.0",
            ["Timestamp"] = "2016-02-23T12:46:24Z",
            ["Version"] = "2014-05-26",
        };

        var stringToSign = RpcSignature.StringToSign("GET", parameters);

        Assert.Equal("GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26", stringToSign);
        Assert.Equal("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", RpcSignature.Sign("testsecret", stringToSign));
    }

    [Fact]
    public void HmacSha1_MatchesTheSdkVector()
    {
        var parameters = new Dictionary<string, string>
        {
            ["Action"] = "CreateSecurityGroup",
            ["Format"] = "json",
            ["Version"] = "2014-05-26",
            ["Timestamp"] = "2025-01-01T00:00:00Z",
            ["SignatureNonce"] = "nonce-123",
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureVersion"] = "1.0",
            ["AccessKeyId"] = "testAccessKeyId",
            ["RegionId"] = "cn-hangzhou",
            ["SecurityGroupName"] = "web sg",
            ["Signature"] = "ignored",
        };

        Assert.Equal("aBcSRy6eZD4wZzmCuULkn3yN7Cw=", RpcSignature.Sign("testAccessKeySecret", RpcSignature.StringToSign("POST", parameters)));
    }

    [Theory]
    [InlineData("a b", "a%20b")]
    [InlineData("*()!'", "%2A%28%29%21%27")]
    [InlineData("~-_.", "~-_.")]
    [InlineData("华", "%E5%8D%8E")]
    [InlineData("a+b/c", "a%2Bb%2Fc")]
    public void Rfc3986_EncodesLikeTheSigners(string raw, string encoded)
    {
        Assert.Equal(encoded, Rfc3986.Encode(raw));
    }

    [Fact]
    public void Acs3Authorization_ParsesTheHeader()
    {
        var auth = Acs3Authorization.Parse("ACS3-HMAC-SHA256 Credential=ak,SignedHeaders=host;x-acs-date,Signature=abc");

        Assert.NotNull(auth);
        Assert.Equal("ak", auth.AccessKeyId);
        Assert.Equal(["host", "x-acs-date"], auth.SignedHeaders);
        Assert.Null(Acs3Authorization.Parse("ACS3-HMAC-SHA256 Credential=ak"));
        Assert.Null(Acs3Authorization.Parse("ACS3-HMAC-SHA256"));
    }

    [Theory]
    [InlineData("ACS3-HMAC-SHA256 Credential=ak, SignedHeaders=host; x-acs-date ,Signature=abc")] // spaces around parts
    [InlineData("ACS3-HMAC-SHA256 Credential=ak,,SignedHeaders=host;x-acs-date,Signature=abc")] // an empty part
    [InlineData("ACS3-HMAC-SHA256 Credential=ak,SignedHeaders=HOST;X-Acs-Date,Signature=abc,Extra=1")] // names lower-cased, unknown parts ignored
    public void Acs3Authorization_ToleratesWhatSignersSend(string header)
    {
        var auth = Acs3Authorization.Parse(header);

        Assert.NotNull(auth);
        Assert.Equal("ACS3-HMAC-SHA256", auth.Algorithm);
        Assert.Equal("ak", auth.AccessKeyId);
        Assert.Equal(["host", "x-acs-date"], auth.SignedHeaders);
        Assert.Equal("abc", auth.Signature);
    }

    [Theory]
    [InlineData("Credential=ak,SignedHeaders=host,Signature=abc")] // no algorithm
    [InlineData(" Credential=ak,SignedHeaders=host,Signature=abc")] // empty algorithm
    [InlineData("ACS3-HMAC-SHA256 Credential=ak,=x,SignedHeaders=host,Signature=abc")] // a part without a name
    [InlineData("ACS3-HMAC-SHA256 Credential=ak,Signature=abc")] // no SignedHeaders
    [InlineData("ACS3-HMAC-SHA256 SignedHeaders=host,Signature=abc")] // no Credential
    [InlineData("ACS3-HMAC-SHA256 Credential=ak,SignedHeaders=host")] // no Signature
    [InlineData("ACS3-HMAC-SHA256 Credential=,SignedHeaders=host,Signature=abc")] // empty Credential
    public void Acs3Authorization_RefusesMalformedHeaders(string header)
    {
        Assert.Null(Acs3Authorization.Parse(header));
    }

    [Theory]
    [InlineData("", "/")]
    [InlineData("/", "/")]
    [InlineData("/_emulator/security-groups/sg-1/rules", "/_emulator/security-groups/sg-1/rules")]
    [InlineData("/a b/c*d(1)", "/a%20b/c%2Ad%281%29")]
    [InlineData("/~x/%", "/~x/%25")]
    public void Acs3_CanonicalUri_EncodesEachSegment(string path, string canonical)
    {
        Assert.Equal(canonical, Acs3Signature.CanonicalUri(path));
    }

    [Fact]
    public void NonceCache_KeysByAccessKeyAndNonce_WithoutCollisions()
    {
        var cache = new NonceCache(TimeProvider.System);

        Assert.True(cache.TryUse("ab", "c", TimeSpan.FromMinutes(1)));
        Assert.True(cache.TryUse("a", "bc", TimeSpan.FromMinutes(1)));
        Assert.False(cache.TryUse("ab", "c", TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void NonceCache_SweepsExpiredNoncesEvery4096Uses()
    {
        var clock = new SteppingClock();
        var cache = new NonceCache(clock);
        for (var i = 0; i < 4095; i++)
        {
            Assert.True(cache.TryUse("k", $"n{i}", TimeSpan.FromMinutes(1)));
        }

        Assert.Equal(4095, cache.Count);
        clock.Now = clock.Now.AddMinutes(2);
        Assert.True(cache.TryUse("k", "n-last", TimeSpan.FromMinutes(1))); // the 4096th use sweeps the expired ones

        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryUse("k", "n0", TimeSpan.FromMinutes(1))); // expired: usable again
    }

    [Fact]
    public void AccountDirectory_WithoutConfiguredAccounts_HasTheDefaultTestAccount()
    {
        var directory = new AccountDirectory(Microsoft.Extensions.Options.Options.Create(new AuthOptions()));

        Assert.Equal("1234567890123456", directory.Default.AccountId);
        Assert.Equal("test", directory.Find("test")?.AccessKeySecret);
        Assert.Null(directory.Find("TEST"));
    }

    private sealed class SteppingClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
