using System.Text.Json;

namespace SecurityGroups.FunctionalTests.Emulator;

public sealed class EmulatorEndpointTests(EmulatorFactory factory) : EmulatorTest(factory)
{
    [Fact]
    public async Task Health_ReportsHealthyStorageInWal()
    {
        using var response = await Client.Http.GetAsync("/_emulator/health");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.GetProperty("Status").GetString());
        var storage = body.GetProperty("Checks").GetProperty("storage");
        Assert.Equal("Healthy", storage.GetProperty("Status").GetString());
        var postgres = Factory.PostgresConnectionString is not null;
        Assert.Equal(postgres ? "" : "wal", storage.GetProperty("Data").GetProperty("JournalMode").GetString());
        Assert.Equal(postgres ? "Postgres" : "Sqlite", storage.GetProperty("Data").GetProperty("Provider").GetString());
        Assert.Equal($"{Environment.MachineName}:{Environment.ProcessId}", storage.GetProperty("Data").GetProperty("Replica").GetString());
        // Every migration applied (on PostgreSQL the database is a copy of the tests' template: it must be current too).
        Assert.Equal(0, storage.GetProperty("Data").GetProperty("PendingMigrations").GetInt32());
    }

    [Fact]
    public async Task Reset_EmptiesEveryAccount()
    {
        var vpcId = await CreateVpc();
        await CreateVSwitch(vpcId);
        using var other = Signers.Rpc("CreateVpc", AcsClient.VpcVersion, [("RegionId", "cn-hangzhou")], "test2", "secret2");
        (await Client.Send(other)).Ok();

        using var content = new StringContent("""{"AllAccounts":true}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await Client.Http.PostAsync("/_emulator/reset", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await VpcCount());
        Assert.DoesNotContain("vpc-", DatabaseSnapshot.Take(Factory), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Swagger_DocumentsEveryActionAsItsOwnOperation()
    {
        using var response = await Client.Http.GetAsync("/swagger/v1/swagger.json");
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");

        foreach (var (action, version, method) in new[]
        {
            ("DescribeRegions", "2014-05-26", "get"), ("CreateVpc", "2016-04-28", "post"), ("DescribeVpcs", "2016-04-28", "get"),
            ("DeleteVpc", "2016-04-28", "post"), ("CreateVSwitch", "2016-04-28", "post"), ("DescribeVSwitches", "2016-04-28", "get"),
            ("DeleteVSwitch", "2016-04-28", "post"),
        })
        {
            var operation = paths.GetProperty($"/?Action={action}&Version={version}").GetProperty(method);
            Assert.Equal(action, operation.GetProperty("operationId").GetString());
            Assert.True(operation.GetProperty("responses").TryGetProperty("400", out _));
        }

        var operationIds = paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject())
            .Select(o => o.Value.GetProperty("operationId").GetString()).ToList();
        Assert.Equal(operationIds.Count, operationIds.Distinct(StringComparer.Ordinal).Count()); // unique: findings was "Get" twice
        Assert.True(paths.TryGetProperty("/_emulator/health", out _));
        Assert.True(paths.TryGetProperty("/_emulator/reset", out _));
        var createVpc = paths.GetProperty("/?Action=CreateVpc&Version=2016-04-28").GetProperty("post").GetProperty("parameters");
        Assert.Contains(createVpc.EnumerateArray(), p => p.GetProperty("name").GetString() == "Tag.1.Key");
        Assert.DoesNotContain(createVpc.EnumerateArray(), p => p.GetProperty("name").GetString() == "OwnerId");
    }

    [Fact]
    public async Task PutMethod_IsServedLikePost()
    {
        var result = await Client.Send(new HttpRequestMessage(HttpMethod.Put, "/?Action=DescribeRegions&Version=2014-05-26"));
        result.Ok();
    }
}

/// <summary>State survives a restart: on SQLite the same file, on PostgreSQL (SG_TEST_POSTGRES) the same database.</summary>
public sealed class PersistenceTests
{
    [Fact]
    public async Task State_AndClientTokenRecords_SurviveARestart()
    {
        string vpcId;
        var first = new EmulatorFactory();
        using (first)
        {
            vpcId = (await first.Acs().Vpc("CreateVpc", ("RegionId", "cn-hangzhou"), ("ClientToken", "restart-1"))).Ok().GetProperty("VpcId").GetString()!;
        }

        using var second = CustomEmulatorFactory.Restart(first);
        var client = second.Acs();
        var list = (await client.Vpc("DescribeVpcs", ("RegionId", "cn-hangzhou"))).Ok();
        var retry = (await client.Vpc("CreateVpc", ("RegionId", "cn-hangzhou"), ("ClientToken", "restart-1"))).Ok();

        Assert.Equal(vpcId, list.GetProperty("Vpcs").GetProperty("Vpc")[0].GetProperty("VpcId").GetString());
        Assert.Equal(vpcId, retry.GetProperty("VpcId").GetString());
        Assert.Equal(1, (await client.Vpc("DescribeVpcs", ("RegionId", "cn-hangzhou"))).Ok().GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task ClientTokenReplay_IsByteForByteAfterARestart()
    {
        (string, string)[] create = [("RegionId", "cn-hangzhou"), ("SecurityGroupName", "kept"), ("ClientToken", "restart-sg")];
        string first;
        var before = new EmulatorFactory();
        using (before)
        {
            first = (await before.Acs().Ecs("CreateSecurityGroup", create)).Text;
        }

        using var after = CustomEmulatorFactory.Restart(before);
        var client = after.Acs();
        var replay = await client.Ecs("CreateSecurityGroup", create);
        var mismatch = await client.Ecs("CreateSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupName", "changed"), ("ClientToken", "restart-sg"));

        Assert.Equal(first, replay.Text);
        mismatch.Error("IdempotentParameterMismatch", 400);
        Assert.Equal(1, (await client.Ecs("DescribeSecurityGroups", ("RegionId", "cn-hangzhou"))).Ok().GetProperty("TotalCount").GetInt32());
    }
}
