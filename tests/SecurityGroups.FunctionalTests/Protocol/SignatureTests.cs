namespace SecurityGroups.FunctionalTests.Protocol;

public sealed class SignatureTests(EmulatorFactory factory) : EmulatorTest(factory)
{
    private static readonly (string, string)[] DescribeVpcs = [("RegionId", "cn-hangzhou")];

    [Fact]
    public async Task Acs3_SignedRequest_ActsAsTheKeysAccount()
    {
        await CreateVpc();
        using var request = Signers.Acs3("DescribeVpcs", AcsClient.VpcVersion, DescribeVpcs, "test2", "secret2");

        var body = (await Client.Send(request)).Ok();

        Assert.Equal(0, body.GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task Acs3_QueryWithCharactersNeedingEncoding_Verifies()
    {
        using var request = Signers.Acs3("CreateVpc", AcsClient.VpcVersion, [("RegionId", "cn-hangzhou"), ("VpcName", "web sg*(1)!~'")], "test", "test");
        (await Client.Send(request)).Ok();
    }

    [Fact]
    public async Task Acs3_WrongSecret_IsSignatureDoesNotMatch()
    {
        using var request = Signers.Acs3("DescribeVpcs", AcsClient.VpcVersion, DescribeVpcs, "test", "wrong");
        var result = await Client.Send(request);

        result.Error("SignatureDoesNotMatch", 400);
        Assert.Contains("ACS3-HMAC-SHA256", result.Str("Message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acs3_TamperedQuery_IsSignatureDoesNotMatch()
    {
        using var request = Signers.Acs3("CreateVpc", AcsClient.VpcVersion, [("RegionId", "cn-hangzhou"), ("VpcName", "a")], "test", "test");
        request.RequestUri = new Uri(request.RequestUri!.OriginalString.Replace("VpcName=a", "VpcName=b", StringComparison.Ordinal), UriKind.Relative);

        (await Client.Send(request)).Error("SignatureDoesNotMatch", 400);
        Assert.Equal(0, await VpcCount());
    }

    [Fact]
    public async Task Acs3_UnknownKey_IsInvalidAccessKeyIdNotFound404()
    {
        using var request = Signers.Acs3("DescribeVpcs", AcsClient.VpcVersion, DescribeVpcs, "nobody", "x");
        (await Client.Send(request)).Error("InvalidAccessKeyId.NotFound", 404);
    }

    [Fact]
    public async Task Acs3_StaleTimestamp_IsInvalidTimeStampExpired()
    {
        using var request = Signers.Acs3("DescribeVpcs", AcsClient.VpcVersion, DescribeVpcs, "test", "test", at: DateTimeOffset.UtcNow.AddMinutes(-16));
        (await Client.Send(request)).Error("InvalidTimeStamp.Expired", 400);
    }

    [Fact]
    public async Task Acs3_ReplayedNonce_IsSignatureNonceUsed()
    {
        var nonce = Guid.NewGuid().ToString("N");
        using var first = Signers.Acs3("DescribeVpcs", AcsClient.VpcVersion, DescribeVpcs, "test", "test", nonce: nonce);
        using var replay = Signers.Acs3("DescribeVpcs", AcsClient.VpcVersion, DescribeVpcs, "test", "test", nonce: nonce);

        (await Client.Send(first)).Ok();
        (await Client.Send(replay)).Error("SignatureNonceUsed", 400);
    }

    [Fact]
    public async Task Acs3_MalformedAuthorization_IsIncompleteSignature()
    {
        using var request = AcsClient.Build("DescribeRegions", AcsClient.EcsVersion, AcsStyle.Header, []);
        request.Headers.TryAddWithoutValidation("Authorization", "ACS3-HMAC-SHA256 Credential=test");
        (await Client.Send(request)).Error("IncompleteSignature", 400);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task HmacSha1_SignedGetAndFormPost_Verify(bool post)
    {
        using var request = Signers.Rpc("CreateVpc", AcsClient.VpcVersion, [("RegionId", "cn-hangzhou"), ("VpcName", "a b*c")], "test2", "secret2", post);

        (await Client.Send(request)).Ok();

        Assert.Equal(0, await VpcCount());
    }

    [Fact]
    public async Task HmacSha1_WrongSecret_IsSignatureDoesNotMatch()
    {
        using var request = Signers.Rpc("DescribeVpcs", AcsClient.VpcVersion, DescribeVpcs, "test", "nope");
        var result = await Client.Send(request);

        result.Error("SignatureDoesNotMatch", 400);
        Assert.StartsWith("Specified signature is not matched with our calculation. server string to sign is:GET&%2F&", result.Str("Message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HmacSha1_UnknownKey_IsInvalidAccessKeyIdNotFound404()
    {
        using var request = Signers.Rpc("DescribeVpcs", AcsClient.VpcVersion, DescribeVpcs, "ghost", "x");
        (await Client.Send(request)).Error("InvalidAccessKeyId.NotFound", 404);
    }

    [Fact]
    public async Task HmacSha1_StaleTimestampAndReplayedNonce_AreRefused()
    {
        using var stale = Signers.Rpc("DescribeVpcs", AcsClient.VpcVersion, DescribeVpcs, "test", "test", at: DateTimeOffset.UtcNow.AddHours(1));
        (await Client.Send(stale)).Error("InvalidTimeStamp.Expired", 400);

        using var first = Signers.Rpc("DescribeVpcs", AcsClient.VpcVersion, DescribeVpcs, "test", "test", nonce: "n-1");
        using var again = Signers.Rpc("DescribeVpcs", AcsClient.VpcVersion, DescribeVpcs, "test", "test", nonce: "n-1");
        (await Client.Send(first)).Ok();
        (await Client.Send(again)).Error("SignatureNonceUsed", 400);
    }
}
