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
    }
}
