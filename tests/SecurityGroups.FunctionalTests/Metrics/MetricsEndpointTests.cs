namespace SecurityGroups.FunctionalTests.Metrics;

/// <summary>
/// Where <c>/metrics</c> answers and where it does not (docs/security.md): unsigned GET in Strict mode, in any letter case;
/// any other method is <c>MethodNotAllowed</c> and runs no Action; <c>Metrics:Enabled=false</c> leaves it unmapped
/// (<c>InvalidApi.NotFound</c>, 404, in the Alibaba envelope).
/// </summary>
public sealed class MetricsEndpointTests(StrictEmulatorFactory strict) : IClassFixture<StrictEmulatorFactory>
{
    private readonly AcsClient _client = strict.Acs();

    [Theory]
    [InlineData("/metrics")]
    [InlineData("/METRICS")]
    [InlineData("/Metrics")]
    public async Task UnsignedGet_InStrictMode_IsAnswered(string path)
    {
        using var response = await _client.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("securitygroups_replica_info{", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsignedAction_InStrictMode_IsStillRefused_AndCountedUnderUnknown()
    {
        var before = await PrometheusScrape.ReadAsync(_client.Http);

        (await _client.Ecs("DescribeRegions")).Error("MissingParameter", 400); // Strict: no signature
        var after = await PrometheusScrape.ReadAsync(_client.Http);

        Assert.Equal(1, after.Sum("securitygroups_errors_total", ("action", "(unknown)"), ("code", "MissingParameter"))
            - before.Sum("securitygroups_errors_total", ("action", "(unknown)"), ("code", "MissingParameter")));
        Assert.Equal(0, after.Sum("securitygroups_requests_total", ("action", "DescribeRegions")));
    }

    [Theory]
    [InlineData("POST", "/metrics?Action=CreateSecurityGroup&Version=2014-05-26&RegionId=cn-hangzhou")]
    [InlineData("POST", "/METRICS")]
    [InlineData("DELETE", "/metrics")]
    public async Task OtherMethods_AreMethodNotAllowed_AndRunNothing(string method, string path)
    {
        var before = await PrometheusScrape.ReadAsync(_client.Http);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent([new("Action", "CreateSecurityGroup"), new("Version", "2014-05-26"), new("RegionId", "cn-hangzhou")]);
        }

        var result = await _client.Send(request);
        var after = await PrometheusScrape.ReadAsync(_client.Http);

        result.Error("MethodNotAllowed", 405);
        Assert.Equal(before.Sum("securitygroups_writer_wait_seconds_count"), after.Sum("securitygroups_writer_wait_seconds_count"));
        Assert.Equal(0, after.Sum("securitygroups_requests_total", ("action", "CreateSecurityGroup")));
    }

    [Fact]
    public async Task Disabled_MetricsIsNotFound_InTheAlibabaEnvelope()
    {
        using var disabled = new CustomEmulatorFactory(null, new Dictionary<string, string?> { ["Metrics:Enabled"] = "false", ["Auth:Mode"] = "Strict" });
        var client = disabled.Acs();

        (await client.Send(new HttpRequestMessage(HttpMethod.Get, "/metrics"))).Error("InvalidApi.NotFound", 404);
        (await client.Send(new HttpRequestMessage(HttpMethod.Get, "/METRICS"))).Error("InvalidApi.NotFound", 404);
    }
}
