using System.Text.Json;

namespace SecurityGroups.FunctionalTests.SecurityGroups;

public sealed class DescribeSecurityGroupsTests(EmulatorFactory factory) : EmulatorTest(factory)
{
    private static List<string> Ids(JsonElement body) =>
        body.GetProperty("SecurityGroups").GetProperty("SecurityGroup").EnumerateArray().Select(g => g.GetProperty("SecurityGroupId").GetString()!).ToList();

    [Fact]
    public async Task DescribeSecurityGroups_EveryFilter()
    {
        var vpcA = await CreateVpc();
        var vpcB = await CreateVpc("10.0.0.0/8");
        var basic = await CreateGroup(vpcA, ("SecurityGroupName", "alpha"), ("ResourceGroupId", "rg-a"), ("Tag.1.Key", "env"), ("Tag.1.Value", "prod"), ("Tag.2.Key", "team"), ("Tag.2.Value", "x"));
        var enterprise = await CreateGroup(vpcB, ("SecurityGroupType", "enterprise"), ("SecurityGroupName", "beta"), ("Tag.1.Key", "env"), ("Tag.1.Value", "dev"));
        var classic = await CreateGroup(null, ("SecurityGroupName", "gamma"));
        await SetFlags(classic, """{"ServiceManaged":true,"ServiceId":42}""");

        Assert.Equal([basic], Ids(await DescribeGroups(("SecurityGroupId", basic))));
        Assert.Equal(new[] { basic, enterprise }.Order(), Ids(await DescribeGroups(("SecurityGroupIds", JsonSerializer.Serialize(new[] { basic, enterprise, "sg-unknown" })))).Order());
        Assert.Equal([enterprise], Ids(await DescribeGroups(("VpcId", vpcB))));
        Assert.Equal([basic], Ids(await DescribeGroups(("SecurityGroupName", "alpha"))));
        Assert.Equal([enterprise], Ids(await DescribeGroups(("SecurityGroupType", "enterprise"))));
        Assert.Equal(new[] { basic, classic }.Order(), Ids(await DescribeGroups(("SecurityGroupType", "normal"))).Order());
        Assert.Equal([classic], Ids(await DescribeGroups(("NetworkType", "classic"))));
        Assert.Equal([basic], Ids(await DescribeGroups(("ResourceGroupId", "rg-a"))));
        Assert.Equal([classic], Ids(await DescribeGroups(("ServiceManaged", "true"))));
        Assert.Equal([basic], Ids(await DescribeGroups(("Tag.1.Key", "env"), ("Tag.1.Value", "prod"), ("Tag.2.Key", "team"))));
        Assert.Equal(new[] { basic, enterprise }.Order(), Ids(await DescribeGroups(("Tag.1.Key", "env"))).Order());
        Assert.Empty(Ids(await DescribeGroups(("SecurityGroupId", "sg-doesnotexist"))));
        var managed = (await DescribeGroups(("SecurityGroupId", classic))).GetProperty("SecurityGroups").GetProperty("SecurityGroup")[0];
        Assert.True(managed.GetProperty("ServiceManaged").GetBoolean());
        Assert.Equal(42, managed.GetProperty("ServiceID").GetInt64());
    }

    [Fact]
    public async Task DescribeSecurityGroups_LegacyPaging_CoversEveryGroupOnceInDescendingIdOrder()
    {
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            created.Add(await CreateGroup());
        }

        var seen = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var body = await DescribeGroups(("PageNumber", page.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("PageSize", "3"));
            Assert.Equal(7, body.GetProperty("TotalCount").GetInt32());
            Assert.Equal(page, body.GetProperty("PageNumber").GetInt32());
            Assert.Equal(3, body.GetProperty("PageSize").GetInt32());
            Assert.False(body.TryGetProperty("NextToken", out _));
            seen.AddRange(Ids(body));
        }

        Assert.Equal(created.OrderDescending(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task DescribeSecurityGroups_TokenPaging_HasNoTotalCountAndEndsWithoutToken()
    {
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await CreateGroup());
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var body = token is null ? await DescribeGroups(("MaxResults", "2")) : await DescribeGroups(("MaxResults", "2"), ("NextToken", token));
            Assert.False(body.TryGetProperty("TotalCount", out _));
            seen.AddRange(Ids(body));
            token = body.TryGetProperty("NextToken", out var next) ? next.GetString() : null;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(created.OrderDescending(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task DescribeSecurityGroups_DefaultPage_IsTenWithTotalCount()
    {
        for (var i = 0; i < 12; i++)
        {
            await CreateGroup();
        }

        var body = await DescribeGroups();

        Assert.Equal(10, Ids(body).Count);
        Assert.Equal(12, body.GetProperty("TotalCount").GetInt32());
        Assert.Equal("cn-hangzhou", body.GetProperty("RegionId").GetString());
    }

    [Theory]
    [InlineData("SecurityGroupIds", "not json", "InvalidSecurityGroupId.Malformed")]
    [InlineData("SecurityGroupIds", "[\"sg-1\"", "InvalidSecurityGroupId.Malformed")]
    [InlineData("SecurityGroupIds", "[1,2]", "InvalidSecurityGroupId.Malformed")]
    [InlineData("SecurityGroupIds", "{\"a\":1}", "InvalidSecurityGroupId.Malformed")]
    [InlineData("SecurityGroupType", "basic", "InvalidParameter.SecurityGroupType")]
    [InlineData("NetworkType", "internet", "InvalidNetworkType.Malformed")]
    [InlineData("MaxResults", "0", "InvalidParameter.MaxResults")]
    [InlineData("MaxResults", "101", "InvalidParameter.MaxResults")]
    [InlineData("PageSize", "51", "InvalidPageSize.Malformed")]
    [InlineData("PageSize", "99999999999", "InvalidPageSize.Malformed")]
    [InlineData("PageNumber", "0", "InvalidPageNumber.Malformed")]
    [InlineData("NextToken", "garbage!", "InValidParameter.NextToken")]
    [InlineData("DryRun", "true", "DryRunOperation")]
    [InlineData("ServiceManaged", "sometimes", "InvalidParameter")]
    public async Task DescribeSecurityGroups_BadParameters_AreRefused(string name, string value, string code)
    {
        (await Client.Ecs("DescribeSecurityGroups", ("RegionId", "cn-hangzhou"), (name, value))).Error(code, 400);
    }

    [Fact]
    public async Task DescribeSecurityGroups_MoreThan100Ids_IsMalformed()
    {
        var ids = JsonSerializer.Serialize(Enumerable.Range(0, 101).Select(i => $"sg-{i}"));
        (await Client.Ecs("DescribeSecurityGroups", ("RegionId", "cn-hangzhou"), ("SecurityGroupIds", ids))).Error("InvalidSecurityGroupId.Malformed", 400);
    }

    [Fact]
    public async Task DescribeSecurityGroups_MixingPagingStyles_IsNotSupported()
    {
        (await Client.Ecs("DescribeSecurityGroups", ("RegionId", "cn-hangzhou"), ("MaxResults", "10"), ("PageSize", "10")))
            .Error("NotSupported.PageNumberAndPageSize", 400);
    }

    [Fact]
    public async Task DescribeSecurityGroups_WithoutRegion_IsMissingParameterRegionId()
    {
        (await Client.Ecs("DescribeSecurityGroups")).Error("MissingParameter.RegionId", 400);
    }

    [Fact]
    public async Task DescribeSecurityGroups_OtherAccountsGroups_AreInvisible()
    {
        await CreateGroup();
        using var request = Signers.Rpc("DescribeSecurityGroups", AcsClient.EcsVersion, [("RegionId", "cn-hangzhou")], "test2", "secret2");

        Assert.Equal(0, (await Client.Send(request)).Ok().GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task DeleteWhileDescribing_NeverShowsAHalfDeletedGroup()
    {
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add(await CreateGroup(null, ("Tag.1.Key", "a"), ("Tag.1.Value", "1"), ("Tag.2.Key", "b"), ("Tag.2.Value", "2"), ("Tag.3.Key", "c"), ("Tag.3.Value", "3")));
        }

        var deletes = Task.WhenAll(ids.Select(id => Client.Ecs("DeleteSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", id))));
        var views = new List<JsonElement>();
        while (!deletes.IsCompleted)
        {
            views.Add(await DescribeGroups(("PageSize", "50")));
        }

        Assert.All(await deletes, r => r.Ok());
        Assert.All(views, body =>
        {
            var groups = body.GetProperty("SecurityGroups").GetProperty("SecurityGroup").EnumerateArray().ToList();
            Assert.Equal(body.GetProperty("TotalCount").GetInt32(), groups.Count);
            Assert.All(groups, g => Assert.Equal(3, g.GetProperty("Tags").GetProperty("Tag").GetArrayLength()));
        });
        Assert.Equal(0, (await DescribeGroups()).GetProperty("TotalCount").GetInt32());
    }
}
