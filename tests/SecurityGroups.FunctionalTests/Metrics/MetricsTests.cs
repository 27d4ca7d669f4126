namespace SecurityGroups.FunctionalTests.Metrics;

/// <summary>
/// <c>GET /metrics</c> (docs/operations.md, ADR-010): requests, latency and errors per Action with bounded labels, writer
/// wait per mutation, read-cache hits and misses, and the replica's identity; no account data. Counts are read as the
/// difference between two scrapes of this class's own server.
/// </summary>
public sealed class MetricsTests(MetricsTests.ReplicaFactory factory) : IClassFixture<MetricsTests.ReplicaFactory>
{
    private const string Region = "cn-hangzhou";
    private const string Requests = "securitygroups_requests_total";
    private const string Errors = "securitygroups_errors_total";
    private const string Duration = "securitygroups_request_duration_seconds_count";
    private const string WriterWait = "securitygroups_writer_wait_seconds_count";
    private const string CacheLookups = "securitygroups_cache_lookups_total";
    private readonly AcsClient _client = factory.Acs();

    /// <summary>The server with a replica name of its own.</summary>
    public sealed class ReplicaFactory() : EmulatorFactory(null, new Dictionary<string, string?> { ["Storage:ReplicaId"] = ReplicaId })
    {
        public const string ReplicaId = "metrics-replica-7";
    }

    [Fact]
    public async Task ActionCalls_AreCountedPerAction_AndTheFailureByItsCode()
    {
        var before = await Scrape();

        for (var i = 0; i < 7; i++)
        {
            (await _client.Ecs("DescribeRegions")).Ok();
        }

        (await _client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", "sg-doesnotexist0000001")))
            .Error("InvalidSecurityGroupId.NotFound", 404);
        var after = await Scrape();

        Assert.Equal(7, Delta(before, after, Requests, ("action", "DescribeRegions"), ("product", "ecs"), ("outcome", "ok"), ("status_class", "2xx")));
        Assert.Equal(7, Delta(before, after, Requests, ("action", "DescribeRegions")));
        Assert.Equal(7, Delta(before, after, Duration, ("action", "DescribeRegions"), ("product", "ecs")));
        Assert.Equal(0, Delta(before, after, Errors, ("action", "DescribeRegions")));
        Assert.Equal(1, Delta(before, after, Requests, ("action", "DescribeSecurityGroupAttribute"), ("outcome", "client_error"), ("status_class", "4xx")));
        Assert.Equal(1, Delta(before, after, Errors, ("action", "DescribeSecurityGroupAttribute"), ("code", "InvalidSecurityGroupId.NotFound")));
        Assert.Equal(1, Delta(before, after, Errors, ("action", "DescribeSecurityGroupAttribute")));
    }

    [Fact]
    public async Task VpcActions_CarryTheVpcProduct()
    {
        var before = await Scrape();

        (await _client.Vpc("DescribeVpcs", ("RegionId", Region))).Ok();
        var after = await Scrape();

        Assert.Equal(1, Delta(before, after, Requests, ("action", "DescribeVpcs"), ("product", "vpc"), ("outcome", "ok")));
    }

    [Fact]
    public async Task HostileActionNames_AddNoTimeSeries()
    {
        (await _client.Ecs("<script>x")).Error("InvalidAction.NotFound", 404); // the one shared "(unknown)" series exists from here on
        var before = await Scrape();

        var random = new Random(14);
        var names = Enumerable.Range(0, 1000).Select(i => $"Evil{i}_{random.Next():x}<\"{{}}\n").ToArray();
        foreach (var name in names)
        {
            (await _client.Ecs(name)).Error("InvalidAction.NotFound", 404);
        }

        var after = await Scrape();

        Assert.Equal(before.Samples.Length, after.Samples.Length);
        Assert.Equal(1000, Delta(before, after, Requests, ("action", "(unknown)"), ("product", "(unknown)"), ("outcome", "client_error")));
        Assert.Equal(1000, Delta(before, after, Errors, ("action", "(unknown)"), ("code", "InvalidAction.NotFound")));
        Assert.DoesNotContain("<script>", after.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Evil", after.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriterWait_IsMeasuredOncePerMutation()
    {
        var before = await Scrape();

        var first = (await _client.Ecs("CreateSecurityGroup", ("RegionId", Region))).Ok().GetProperty("SecurityGroupId").GetString()!;
        (await _client.Ecs("CreateSecurityGroup", ("RegionId", Region))).Ok();
        (await _client.Ecs("ModifySecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", first), ("Description", "metrics"))).Ok();
        (await _client.Ecs("DescribeSecurityGroups", ("RegionId", Region))).Ok(); // a read: no writer
        var after = await Scrape();

        Assert.Equal(3, Delta(before, after, WriterWait));
    }

    [Fact]
    public async Task RepeatedDescribe_IsACacheHit()
    {
        var id = (await _client.Ecs("CreateSecurityGroup", ("RegionId", Region))).Ok().GetProperty("SecurityGroupId").GetString()!;
        var before = await Scrape();

        (await _client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", id))).Ok();
        var between = await Scrape();
        (await _client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", id))).Ok();
        var after = await Scrape();

        (string, string) details = ("cache", "security_group_details");
        Assert.Equal(1, Delta(before, between, CacheLookups, details, ("result", "miss")));
        Assert.Equal(0, Delta(before, between, CacheLookups, details, ("result", "hit")));
        Assert.Equal(1, Delta(between, after, CacheLookups, details, ("result", "hit")));
        Assert.Equal(0, Delta(between, after, CacheLookups, details, ("result", "miss")));
    }

    [Fact]
    public async Task ReplicaInfo_NamesTheConfiguredReplicaAndProvider()
    {
        var scrape = await Scrape();

        var provider = factory.PostgresConnectionString is null ? "Sqlite" : "Postgres";
        Assert.Equal(1, scrape.Sum("securitygroups_replica_info", ("replica", ReplicaFactory.ReplicaId), ("provider", provider)));
        Assert.Single(scrape.Samples, l => l.StartsWith("securitygroups_replica_info{", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scrape_RevealsNoAccountData()
    {
        var id = (await _client.Ecs("CreateSecurityGroup", ("RegionId", Region), ("SecurityGroupName", "secret-name-42"))).Ok()
            .GetProperty("SecurityGroupId").GetString()!;
        (await _client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", "xx-typed-by-user"), ("SecurityGroupId", id))).Error("InvalidRegionId.NotFound", 404);
        (await _client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", id))).Ok();

        var text = (await Scrape()).Text;

        foreach (var secret in new[] { id, "1234567890123456", "secret-name-42", "xx-typed-by-user", Region, "AccessKeyId" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnotherServerInTheSameProcess_IsNotCounted()
    {
        using var other = new EmulatorFactory();
        var otherClient = other.Acs();
        (await otherClient.Ecs("DescribeRegions")).Ok(); // the other server exists before the first scrape
        var before = await Scrape();

        for (var i = 0; i < 3; i++)
        {
            (await otherClient.Ecs("DescribeRegions")).Ok();
        }

        var after = await Scrape();
        var otherScrape = await PrometheusScrape.ReadAsync(otherClient.Http);

        Assert.Equal(0, Delta(before, after, Requests, ("action", "DescribeRegions")));
        Assert.Equal(4, otherScrape.Sum(Requests, ("action", "DescribeRegions")));
    }

    private Task<PrometheusScrape> Scrape() => PrometheusScrape.ReadAsync(_client.Http);

    private static double Delta(PrometheusScrape before, PrometheusScrape after, string name, params (string, string)[] labels) =>
        after.Sum(name, labels) - before.Sum(name, labels);
}
