namespace SecurityGroups.FunctionalTests.Protocol;

public sealed class StrictModeTests(StrictEmulatorFactory factory) : IClassFixture<StrictEmulatorFactory>
{
    private readonly AcsClient _client = factory.Acs();

    [Fact]
    public async Task UnsignedRequest_IsRefused()
    {
        var result = await _client.Ecs("DescribeRegions");

        result.Error("MissingParameter", 400);
        Assert.Contains("AccessKeyId", result.Str("Message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedRequest_IsServed()
    {
        using var request = Signers.Acs3("DescribeRegions", AcsClient.EcsVersion, [], "test", "test");
        (await _client.Send(request)).Ok();
    }

    [Fact]
    public async Task UnsignedEmulatorReset_IsRefused()
    {
        using var response = await _client.Http.PostAsync("/_emulator/reset", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task HealthAndSwagger_NeedNoSignature()
    {
        using var health = await _client.Http.GetAsync("/_emulator/health");
        using var swagger = await _client.Http.GetAsync("/swagger/v1/swagger.json");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, swagger.StatusCode);

        // Unsigned, health does not say where the data lives.
        var body = await health.Content.ReadAsStringAsync();
        Assert.Contains("\"Provider\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("DataSource", body, StringComparison.Ordinal);
        Assert.DoesNotContain("sg-tests-", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrafficEndpoints_NeedAnAcs3SignatureOverPathAndBody()
    {
        var json = """{"RegionId":"cn-hangzhou","NetworkInterfaceId":"eni-missing","Direction":"ingress","IpProtocol":"TCP","SourceIp":"1.1.1.1","DestinationPort":22}"""u8.ToArray();

        using var unsigned = new HttpRequestMessage(HttpMethod.Post, "/_emulator/traffic/evaluate") { Content = new ByteArrayContent(json) };
        unsigned.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        (await _client.Send(unsigned)).Error("MissingParameter", 400);

        // Signed: authentication passes and the engine answers (here: the ENI does not exist).
        using var signed = Signers.Acs3("Evaluate", "emulator", [], "test", "test", path: "/_emulator/traffic/evaluate", body: json, contentType: "application/json");
        (await _client.Send(signed)).Error("InvalidEniId.NotFound", 404);

        // A body changed after signing is refused.
        using var tampered = Signers.Acs3("Evaluate", "emulator", [], "test", "test", path: "/_emulator/traffic/evaluate", body: json, contentType: "application/json");
        tampered.Content = new ByteArrayContent(json.Select(b => b == (byte)'2' ? (byte)'3' : b).ToArray());
        tampered.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        var refused = await _client.Send(tampered);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.NotEqual("InvalidEniId.NotFound", refused.Str("Code"));

        using var findings = Signers.Acs3("Findings", "emulator", [("RegionId", "cn-hangzhou")], "test", "test", path: "/_emulator/findings", method: HttpMethod.Get);
        (await _client.Send(findings)).Ok();
    }
}
