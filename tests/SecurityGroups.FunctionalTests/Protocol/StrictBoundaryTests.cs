using System.Text;

namespace SecurityGroups.FunctionalTests.Protocol;

/// <summary>
/// Strict mode as a security boundary (docs/security.md): every path that routes to an emulator endpoint is
/// authenticated whatever its letter case; the Action that runs is the signed one; a signature must cover what it
/// authorises; nonce and timestamp are required; reset is scoped to the caller's account.
/// </summary>
public sealed class StrictBoundaryTests : IClassFixture<StrictBoundaryTests.AdminStrictFactory>, IAsyncLifetime
{
    private const string Region = "cn-hangzhou";
    private readonly AdminStrictFactory _factory;
    private readonly AcsClient _client;

    public StrictBoundaryTests(AdminStrictFactory factory)
    {
        _factory = factory;
        _client = factory.Acs();
    }

    /// <summary>Strict mode with a third account marked Admin.</summary>
    public sealed class AdminStrictFactory() : EmulatorFactory(null, new Dictionary<string, string?>
    {
        ["Auth:Mode"] = "Strict",
        ["Auth:Accounts:2:AccountId"] = AdminAccountId,
        ["Auth:Accounts:2:AccessKeyId"] = "admin",
        ["Auth:Accounts:2:AccessKeySecret"] = "admin-secret",
        ["Auth:Accounts:2:Admin"] = "true",
    })
    {
        public const string AdminAccountId = "3333333333333333";
    }

    public async Task InitializeAsync() =>
        (await _client.Send(Acs3Json("/_emulator/reset", """{"AllAccounts":true}""", "admin", "admin-secret"))).Ok();

    public Task DisposeAsync() => Task.CompletedTask;

    // ---- 1. Path case ----------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("POST", "/_Emulator/reset")]
    [InlineData("POST", "/_EMULATOR/RESET")]
    [InlineData("POST", "/_emulator/Reset/")]
    [InlineData("POST", "/_Emulator/traffic/evaluate")]
    [InlineData("POST", "/_emulator/TRAFFIC/exposure")]
    [InlineData("GET", "/_Emulator/findings?RegionId=cn-hangzhou")]
    [InlineData("GET", "/_emulator/Security-Groups/sg-x/rules?RegionId=cn-hangzhou")]
    [InlineData("POST", "/_emulator/security-groups/sg-x/FLAGS")]
    [InlineData("GET", "/_emulator/no-such-endpoint")]
    [InlineData("GET", "/anything-else")]
    public async Task UnsignedRequest_ToAnyLetterCaseOfAProtectedPath_IsRefusedAndChangesNothing(string method, string path)
    {
        var vpcId = await CreateVpcAs("test", "test");
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("""{"AllAccounts":true}""", Encoding.UTF8, "application/json");
        }

        var result = await _client.Send(request);

        result.Error("MissingParameter", 400);
        Assert.Contains(vpcId, (await DescribeVpcsAs("test", "test")).GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/_emulator/health")]
    [InlineData("/_Emulator/Health")]
    [InlineData("/_EMULATOR/HEALTH")]
    public async Task Health_InAnyLetterCase_NeedsNoSignature(string path)
    {
        using var response = await _client.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SignedRequest_ToAnotherLetterCaseOfThePath_IsServedWhenSignedForThatPath()
    {
        var json = """{"RegionId":"cn-hangzhou","NetworkInterfaceId":"eni-missing","Direction":"ingress","IpProtocol":"TCP","SourceIp":"1.1.1.1","DestinationPort":22}""";

        (await _client.Send(Acs3Json("/_Emulator/Traffic/Evaluate", json, "test", "test"))).Error("InvalidEniId.NotFound", 404);

        // Signed for one letter case, sent to another: the signature covers the path as sent.
        using var moved = Acs3Json("/_emulator/traffic/evaluate", json, "test", "test");
        moved.RequestUri = new Uri("/_Emulator/traffic/evaluate", UriKind.Relative);
        (await _client.Send(moved)).Error("SignatureDoesNotMatch", 400);
    }

    // ---- 2. The Action that runs is the signed one -----------------------------------------------------------------

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RpcSignedRequest_WithAnotherActionInTheUnsignedHeader_IsRefused(bool post)
    {
        var groupId = await CreateGroupAs("test", "test");
        using var request = Signers.Rpc("DescribeSecurityGroupAttribute", AcsClient.EcsVersion,
            [("RegionId", Region), ("SecurityGroupId", groupId)], "test", "test", post);
        request.Headers.Add("x-acs-action", "DeleteSecurityGroup");

        (await _client.Send(request)).Error("InvalidParameter", 400);

        Assert.Equal(1, (await DescribeGroupsAs("test", "test")).GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task RpcSignedRequest_WithAnotherVersionInTheUnsignedHeader_IsRefused()
    {
        using var request = Signers.Rpc("DescribeRegions", AcsClient.EcsVersion, [], "test", "test");
        request.Headers.Add("x-acs-version", AcsClient.VpcVersion);

        (await _client.Send(request)).Error("InvalidParameter", 400);
    }

    [Fact]
    public async Task RpcSignedRequest_WithTheSameActionInTheHeader_IsServed()
    {
        // pop-core sends both, equal.
        using var request = Signers.Rpc("DescribeRegions", AcsClient.EcsVersion, [], "test", "test");
        request.Headers.Add("x-acs-action", "DescribeRegions");
        request.Headers.Add("x-acs-version", AcsClient.EcsVersion);

        (await _client.Send(request)).Ok();
    }

    [Fact]
    public async Task RpcSignedRequest_WithoutActionParameter_UsesNoUnsignedHeader()
    {
        using var request = Signers.Rpc("DescribeRegions", AcsClient.EcsVersion, [], "test", "test", omit: ["Action"]);
        request.Headers.Add("x-acs-action", "DescribeRegions");

        var result = await _client.Send(request);

        result.Error("MissingParameter", 400);
        Assert.Contains("\"Action\"", result.Str("Message"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("host")]
    [InlineData("x-acs-action")]
    [InlineData("x-acs-version")]
    [InlineData("x-acs-date")]
    [InlineData("x-acs-signature-nonce")]
    [InlineData("x-acs-content-sha256")]
    public async Task Acs3_WithoutARequiredSignedHeader_IsIncompleteSignature(string header)
    {
        using var request = Signers.Acs3("DescribeRegions", AcsClient.EcsVersion, [], "test", "test", unsigned: [header]);

        var result = await _client.Send(request);

        result.Error("IncompleteSignature", 400);
        Assert.Contains(header, result.Str("Message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acs3_WithAnUnsignedContentType_IsIncompleteSignature()
    {
        // A form body is read as parameters only with its content type: changing it would drop signed-over parameters.
        var body = Encoding.UTF8.GetBytes("RegionId=cn-hangzhou&VpcName=x");
        using var request = Signers.Acs3("CreateVpc", AcsClient.VpcVersion, [], "test", "test", body: body,
            contentType: "application/x-www-form-urlencoded", unsigned: ["content-type"]);

        (await _client.Send(request)).Error("IncompleteSignature", 400);
        Assert.Equal(0, (await DescribeVpcsAs("test", "test")).GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task Acs3_WithAFormBodyAndSignedContentType_IsServed()
    {
        var body = Encoding.UTF8.GetBytes("RegionId=cn-hangzhou&VpcName=from-body");
        using var request = Signers.Acs3("CreateVpc", AcsClient.VpcVersion, [], "test", "test", body: body,
            contentType: "application/x-www-form-urlencoded");

        (await _client.Send(request)).Ok();
        Assert.Contains("from-body", (await DescribeVpcsAs("test", "test")).GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acs3_HeaderAndQueryNamingDifferentActions_IsRefused()
    {
        var groupId = await CreateGroupAs("test", "test");
        using var request = Signers.Acs3("DescribeSecurityGroupAttribute", AcsClient.EcsVersion,
            [("RegionId", Region), ("SecurityGroupId", groupId), ("Action", "DeleteSecurityGroup")], "test", "test");

        (await _client.Send(request)).Error("InvalidParameter", 400);
        Assert.Equal(1, (await DescribeGroupsAs("test", "test")).GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task Acs3_ActionHeaderSentTwice_IsRefused()
    {
        using var request = Signers.Acs3("DescribeRegions", AcsClient.EcsVersion, [], "test", "test");
        request.Headers.Add("x-acs-action", "DeleteSecurityGroup");

        var result = await _client.Send(request);

        // In-process the header arrives as two values (IncompleteSignature); over a socket as one joined line, which no
        // longer matches what was signed (SignatureDoesNotMatch). Either way it is refused.
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains(result.Str("Code"), new[] { "IncompleteSignature", "SignatureDoesNotMatch" });
    }

    // ---- 3. A signature must cover what it authorises ---------------------------------------------------------------

    [Theory]
    [InlineData("/_emulator/reset", "{}")]
    [InlineData("/_emulator/security-groups/{id}/flags", """{"RegionId":"cn-hangzhou","DeletionProtection":true}""")]
    [InlineData("/_emulator/traffic/evaluate", """{"RegionId":"cn-hangzhou","NetworkInterfaceId":"eni-x","Direction":"ingress","IpProtocol":"TCP","SourceIp":"1.1.1.1","DestinationPort":22}""")]
    public async Task RpcSignature_OnAnEmulatorEndpointThatTakesABody_IsRefused(string path, string json)
    {
        var groupId = await CreateGroupAs("test", "test");
        using var request = Signers.Rpc("Emulator", "emulator", [], "test", "test", path: path.Replace("{id}", groupId, StringComparison.Ordinal));
        request.Method = HttpMethod.Post;
        request.Content = new StringContent(json, Encoding.UTF8, "application/json");

        var result = await _client.Send(request);

        result.Error("IncompleteSignature", 400);
        Assert.Contains("ACS3", result.Str("Message"), StringComparison.Ordinal);
        Assert.Equal(1, (await DescribeGroupsAs("test", "test")).GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task RpcSignature_OnAnEmulatorGet_IsServed()
    {
        using var request = Signers.Rpc("Findings", "emulator", [("RegionId", Region)], "test", "test", path: "/_emulator/findings");
        (await _client.Send(request)).Ok();
    }

    [Fact]
    public async Task Acs3_EmulatorBodyChangedAfterSigning_IsRefused()
    {
        var groupId = await CreateGroupAs("test", "test");
        using var request = Acs3Json($"/_emulator/security-groups/{groupId}/flags", """{"RegionId":"cn-hangzhou","DeletionProtection":false}""", "test", "test");
        request.Content = new StringContent("""{"RegionId":"cn-hangzhou","DeletionProtection":true }""", Encoding.UTF8, "application/json");

        (await _client.Send(request)).Error("SignatureDoesNotMatch", 400);
    }

    // ---- 4. Nonce and timestamp are required; replays are refused ---------------------------------------------------

    [Theory]
    [InlineData("SignatureNonce")]
    [InlineData("Timestamp")]
    public async Task RpcSignature_WithoutNonceOrTimestamp_IsMissingParameter(string name)
    {
        using var request = Signers.Rpc("DescribeRegions", AcsClient.EcsVersion, [], "test", "test", omit: [name]);

        var result = await _client.Send(request);

        result.Error("MissingParameter", 400);
        Assert.Contains(name, result.Str("Message"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x-acs-date")]
    [InlineData("x-acs-signature-nonce")]
    public async Task Acs3_WithoutDateOrNonce_IsRefused(string header)
    {
        using var request = Signers.Acs3("DescribeRegions", AcsClient.EcsVersion, [], "test", "test", omit: [header]);

        (await _client.Send(request)).Error("IncompleteSignature", 400);
    }

    [Fact]
    public async Task Acs3_Replay_IsSignatureNonceUsed()
    {
        using var first = Signers.Acs3("DescribeRegions", AcsClient.EcsVersion, [], "test", "test", nonce: "replay-1");
        using var again = Signers.Acs3("DescribeRegions", AcsClient.EcsVersion, [], "test", "test", nonce: "replay-1");

        (await _client.Send(first)).Ok();
        (await _client.Send(again)).Error("SignatureNonceUsed", 400);
    }

    [Fact]
    public async Task Rpc_Replay_IsSignatureNonceUsed()
    {
        using var first = Signers.Rpc("DescribeRegions", AcsClient.EcsVersion, [], "test", "test", nonce: "rpc-replay-1");
        using var again = Signers.Rpc("DescribeRegions", AcsClient.EcsVersion, [], "test", "test", nonce: "rpc-replay-1");

        (await _client.Send(first)).Ok();
        (await _client.Send(again)).Error("SignatureNonceUsed", 400);
    }

    [Fact]
    public async Task StaleTimestamp_IsExpired()
    {
        using var request = Signers.Rpc("DescribeRegions", AcsClient.EcsVersion, [], "test", "test", at: DateTimeOffset.UtcNow.AddMinutes(-16));
        (await _client.Send(request)).Error("InvalidTimeStamp.Expired", 400);
    }

    [Fact]
    public async Task UnsignedRequest_NamingAKey_IsStillRefused()
    {
        var result = await _client.Ecs("DescribeRegions", ("AccessKeyId", "test"));

        result.Error("MissingParameter", 400);
        Assert.Contains("Signature", result.Str("Message"), StringComparison.Ordinal);
    }

    // ---- 5. Reset is scoped -----------------------------------------------------------------------------------------

    [Fact]
    public async Task Reset_EmptiesOnlyTheCallersAccount()
    {
        var mine = await CreateVpcAs("test", "test");
        var theirs = await CreateVpcAs("test2", "secret2");
        await CreateGroupAs("test2", "secret2");

        var result = await _client.Send(Acs3Json("/_emulator/reset", "", "test", "test"));

        Assert.Equal("1234567890123456", result.Ok().GetProperty("Scope").GetString());
        Assert.DoesNotContain(mine, (await DescribeVpcsAs("test", "test")).GetRawText(), StringComparison.Ordinal);
        Assert.Contains(theirs, (await DescribeVpcsAs("test2", "secret2")).GetRawText(), StringComparison.Ordinal);
        Assert.Equal(1, (await DescribeGroupsAs("test2", "secret2")).GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task ResetOfAllAccounts_ByANonAdminAccount_IsForbiddenAndChangesNothing()
    {
        var mine = await CreateVpcAs("test", "test");
        var theirs = await CreateVpcAs("test2", "secret2");

        (await _client.Send(Acs3Json("/_emulator/reset", """{"AllAccounts":true}""", "test", "test"))).Error("Forbidden.RAM", 403);

        Assert.Contains(mine, (await DescribeVpcsAs("test", "test")).GetRawText(), StringComparison.Ordinal);
        Assert.Contains(theirs, (await DescribeVpcsAs("test2", "secret2")).GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetOfAllAccounts_ByAnAdminAccount_EmptiesEveryAccount()
    {
        await CreateVpcAs("test", "test");
        await CreateVpcAs("test2", "secret2");

        var result = await _client.Send(Acs3Json("/_emulator/reset", """{"AllAccounts":true}""", "admin", "admin-secret"));

        Assert.Equal("AllAccounts", result.Ok().GetProperty("Scope").GetString());
        Assert.Equal(0, (await DescribeVpcsAs("test", "test")).GetProperty("TotalCount").GetInt32());
        Assert.Equal(0, (await DescribeVpcsAs("test2", "secret2")).GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task Reset_WithAMalformedBody_IsRefusedAndChangesNothing()
    {
        var mine = await CreateVpcAs("test", "test");

        var result = await _client.Send(Acs3Json("/_emulator/reset", """{"AllAccounts":"yes please"}""", "test", "test"));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains(mine, (await DescribeVpcsAs("test", "test")).GetRawText(), StringComparison.Ordinal);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static HttpRequestMessage Acs3Json(string path, string json, string key, string secret) =>
        Signers.Acs3("Emulator", "emulator", [], key, secret, path: path, body: Encoding.UTF8.GetBytes(json), contentType: "application/json");

    private async Task<string> CreateVpcAs(string key, string secret)
    {
        using var request = Signers.Acs3("CreateVpc", AcsClient.VpcVersion, [("RegionId", Region)], key, secret);
        return (await _client.Send(request)).Ok().GetProperty("VpcId").GetString()!;
    }

    private async Task<string> CreateGroupAs(string key, string secret)
    {
        using var request = Signers.Acs3("CreateSecurityGroup", AcsClient.EcsVersion, [("RegionId", Region)], key, secret);
        return (await _client.Send(request)).Ok().GetProperty("SecurityGroupId").GetString()!;
    }

    private async Task<System.Text.Json.JsonElement> DescribeVpcsAs(string key, string secret)
    {
        using var request = Signers.Acs3("DescribeVpcs", AcsClient.VpcVersion, [("RegionId", Region)], key, secret);
        return (await _client.Send(request)).Ok();
    }

    private async Task<System.Text.Json.JsonElement> DescribeGroupsAs(string key, string secret)
    {
        using var request = Signers.Acs3("DescribeSecurityGroups", AcsClient.EcsVersion, [("RegionId", Region)], key, secret);
        return (await _client.Send(request)).Ok();
    }
}
