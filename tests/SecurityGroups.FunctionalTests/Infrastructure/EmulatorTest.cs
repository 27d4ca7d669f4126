namespace SecurityGroups.FunctionalTests.Infrastructure;

/// <summary>Base of functional tests: one server per test class, state emptied before each test.</summary>
public abstract class EmulatorTest(EmulatorFactory factory) : IClassFixture<EmulatorFactory>, IAsyncLifetime
{
    protected EmulatorFactory Factory { get; } = factory;

    protected AcsClient Client { get; } = factory.Acs();

    public async Task InitializeAsync()
    {
        using var content = new StringContent("""{"AllAccounts":true}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await Client.Http.PostAsync("/_emulator/reset", content);
        response.EnsureSuccessStatusCode();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    protected async Task<string> CreateVpc(string cidr = "192.168.0.0/16", string region = "cn-hangzhou", params (string, string)[] extra)
    {
        var result = await Client.Vpc("CreateVpc", [("RegionId", region), ("CidrBlock", cidr), .. extra]);
        return result.Ok().GetProperty("VpcId").GetString()!;
    }

    protected async Task<string> CreateVSwitch(string vpcId, string cidr = "192.168.1.0/24", string zone = "cn-hangzhou-h")
    {
        var result = await Client.Vpc("CreateVSwitch", ("VpcId", vpcId), ("ZoneId", zone), ("CidrBlock", cidr));
        return result.Ok().GetProperty("VSwitchId").GetString()!;
    }

    protected async Task<string> CreateGroup(string? vpcId = null, params (string, string)[] extra)
    {
        var parameters = new List<(string, string)> { ("RegionId", "cn-hangzhou") };
        if (vpcId is not null)
        {
            parameters.Add(("VpcId", vpcId));
        }

        var result = await Client.Ecs("CreateSecurityGroup", [.. parameters, .. extra]);
        return result.Ok().GetProperty("SecurityGroupId").GetString()!;
    }

    protected async Task<System.Text.Json.JsonElement> DescribeGroups(params (string, string)[] parameters) =>
        (await Client.Ecs("DescribeSecurityGroups", [("RegionId", "cn-hangzhou"), .. parameters])).Ok();

    protected async Task SetFlags(string securityGroupId, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await Client.Http.PostAsync($"/_emulator/security-groups/{securityGroupId}/flags", content);
        response.EnsureSuccessStatusCode();
    }

    protected async Task<int> VpcCount(string region = "cn-hangzhou") =>
        (await Client.Vpc("DescribeVpcs", ("RegionId", region))).Ok().GetProperty("TotalCount").GetInt32();
}
