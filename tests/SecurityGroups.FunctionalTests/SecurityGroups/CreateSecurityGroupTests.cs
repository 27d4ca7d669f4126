namespace SecurityGroups.FunctionalTests.SecurityGroups;

public sealed class CreateSecurityGroupTests(EmulatorFactory factory) : EmulatorTest(factory)
{
    [Fact]
    public async Task CreateSecurityGroup_Basic_HasAlibabaFieldsAndDefaults()
    {
        var vpcId = await CreateVpc();
        var id = await CreateGroup(vpcId, ("SecurityGroupName", "web-1"), ("Description", "front ends"), ("ResourceGroupId", "rg-1"), ("Tag.1.Key", "env"), ("Tag.1.Value", "dev"));

        var group = (await DescribeGroups(("SecurityGroupId", id))).GetProperty("SecurityGroups").GetProperty("SecurityGroup")[0];
        var attribute = (await Client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", id))).Ok();

        Assert.Matches("^sg-[a-z0-9]{20}$", id);
        Assert.Equal("web-1", group.GetProperty("SecurityGroupName").GetString());
        Assert.Equal("front ends", group.GetProperty("Description").GetString());
        Assert.Equal("normal", group.GetProperty("SecurityGroupType").GetString());
        Assert.Equal(vpcId, group.GetProperty("VpcId").GetString());
        Assert.Equal("rg-1", group.GetProperty("ResourceGroupId").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", group.GetProperty("CreationTime").GetString());
        Assert.False(group.GetProperty("ServiceManaged").GetBoolean());
        Assert.False(group.TryGetProperty("ServiceID", out _));
        Assert.Equal(0, group.GetProperty("RuleCount").GetInt32());
        Assert.Equal(0, group.GetProperty("GroupToGroupRuleCount").GetInt32());
        Assert.Equal(0, group.GetProperty("EcsCount").GetInt32());
        Assert.Equal(6000, group.GetProperty("AvailableInstanceAmount").GetInt64());
        Assert.Equal("env", group.GetProperty("Tags").GetProperty("Tag")[0].GetProperty("TagKey").GetString());
        Assert.Equal("dev", group.GetProperty("Tags").GetProperty("Tag")[0].GetProperty("TagValue").GetString());
        Assert.Equal("Accept", attribute.GetProperty("InnerAccessPolicy").GetString());
    }

    [Fact]
    public async Task CreateSecurityGroup_Enterprise_DropsInnerAccessAndCountsEnis()
    {
        var vpcId = await CreateVpc();
        var id = await CreateGroup(vpcId, ("SecurityGroupType", "enterprise"));

        var group = (await DescribeGroups(("SecurityGroupId", id))).GetProperty("SecurityGroups").GetProperty("SecurityGroup")[0];
        var attribute = (await Client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", id))).Ok();

        Assert.Equal("enterprise", group.GetProperty("SecurityGroupType").GetString());
        Assert.Equal(65536, group.GetProperty("AvailableInstanceAmount").GetInt64());
        Assert.Equal("Drop", attribute.GetProperty("InnerAccessPolicy").GetString());
    }

    [Fact]
    public async Task CreateSecurityGroup_BasicWithoutVpc_IsAClassicGroup()
    {
        var id = await CreateGroup();

        Assert.Equal("", (await DescribeGroups(("SecurityGroupId", id), ("NetworkType", "classic"))).GetProperty("SecurityGroups").GetProperty("SecurityGroup")[0].GetProperty("VpcId").GetString());
        Assert.Equal(0, (await DescribeGroups(("NetworkType", "vpc"))).GetProperty("TotalCount").GetInt32());
    }

    [Theory]
    [InlineData("SecurityGroupType", "advanced", "InvalidParams.GroupType", 400)]
    [InlineData("SecurityGroupName", "1abc", "InvalidSecurityGroupName.Malformed", 400)]
    [InlineData("SecurityGroupName", "a", "InvalidSecurityGroupName.Malformed", 400)]
    [InlineData("SecurityGroupName", "http://abc", "InvalidSecurityGroupName.Malformed", 400)]
    [InlineData("Description", "x", "InvalidSecurityGroupDiscription.Malformed", 400)]
    [InlineData("Description", "https://abc", "InvalidSecurityGroupDiscription.Malformed", 400)]
    [InlineData("VpcId", "vpc-unknown", "InvalidVpcId.NotFound", 404)]
    [InlineData("Tag.1.Key", "acs:x", "InvalidTagKey.Malformed", 400)]
    [InlineData("ClientToken", "ţoken", "InvalidClientToken.Malformed", 400)]
    public async Task CreateSecurityGroup_Refusals(string name, string value, string code, int status)
    {
        (await Client.Ecs("CreateSecurityGroup", ("RegionId", "cn-hangzhou"), (name, value))).Error(code, status);
        Assert.Equal(0, (await DescribeGroups()).GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task CreateSecurityGroup_LongNamesAndUnicodeLetters_AreAccepted()
    {
        await CreateGroup(null, ("SecurityGroupName", "安全组-" + new string('a', 124)), ("Description", new string('d', 256)));
        (await Client.Ecs("CreateSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupName", "a" + new string('b', 128))))
            .Error("InvalidSecurityGroupName.Malformed", 400);
    }

    [Fact]
    public async Task CreateSecurityGroup_EnterpriseWithoutVpc_IsInvalidParamsVpcIdGroupType()
    {
        (await Client.Ecs("CreateSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupType", "enterprise"))).Error("InvalidParams.VpcIdGroupType", 400);
    }

    [Fact]
    public async Task CreateSecurityGroup_WithAnotherRegionsVpc_IsInvalidVpcIdNotFound()
    {
        var vpcId = await CreateVpc("10.0.0.0/8", "cn-shanghai");
        (await Client.Ecs("CreateSecurityGroup", ("RegionId", "cn-hangzhou"), ("VpcId", vpcId))).Error("InvalidVpcId.NotFound", 404);
    }

    [Fact]
    public async Task CreateSecurityGroup_MissingOrUnknownRegion()
    {
        (await Client.Ecs("CreateSecurityGroup", ("SecurityGroupName", "abc"))).Error("MissingParameter.RegionId", 400);
        (await Client.Ecs("CreateSecurityGroup", ("RegionId", "xx-nowhere-1"))).Error("InvalidRegionId.NotFound", 404);
    }

    [Fact]
    public async Task CreateSecurityGroup_TooManyOrDuplicateTags_AreRefused()
    {
        var tags = Enumerable.Range(1, 21).SelectMany(i => new[] { ($"Tag.{i}.Key", $"k{i}"), ($"Tag.{i}.Value", "v") }).ToArray();
        (await Client.Ecs("CreateSecurityGroup", [("RegionId", "cn-hangzhou"), .. tags])).Error("QuotaExceed.Tags", 403);
        (await Client.Ecs("CreateSecurityGroup", ("RegionId", "cn-hangzhou"), ("Tag.1.Key", "k"), ("Tag.2.Key", "k"))).Error("Duplicate.TagKey", 400);
    }

    [Fact]
    public async Task CreateSecurityGroup_PastTheRegionQuota_IsQuotaExceedSecurityGroup403()
    {
        for (var i = 0; i < 100; i++)
        {
            await CreateGroup();
        }

        (await Client.Ecs("CreateSecurityGroup", ("RegionId", "cn-hangzhou"))).Error("QuotaExceed.SecurityGroup", 403);
        (await Client.Ecs("CreateSecurityGroup", ("RegionId", "cn-shanghai"))).Ok();
        Assert.Equal(100, (await DescribeGroups()).GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task CreateSecurityGroup_ClientTokenRetry_ReplaysTheFirstResponseByteForByte()
    {
        var first = await Client.Ecs("CreateSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupName", "abc"), ("ClientToken", "sg-token-1"));
        var retry = await Client.Call("CreateSecurityGroup", AcsClient.EcsVersion, AcsStyle.Form, ("RegionId", "cn-hangzhou"), ("SecurityGroupName", "abc"), ("ClientToken", "sg-token-1"));

        first.Ok();
        Assert.Equal(first.Text, retry.Text);
        Assert.NotEqual(first.RequestIdHeader, retry.RequestIdHeader);
        Assert.Equal(1, (await DescribeGroups()).GetProperty("TotalCount").GetInt32());
        (await Client.Ecs("CreateSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupName", "other"), ("ClientToken", "sg-token-1")))
            .Error("IdempotentParameterMismatch", 400);
    }

    [Fact]
    public async Task CreateSecurityGroup_ClientTokenInAnyLetterCase_IsTheSameRetry()
    {
        // Binding reads parameter names in any letter case, so the token must be read the same way: a retry spelled
        // "clienttoken" is still a retry, not a second group.
        var first = (await Client.Ecs("CreateSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupName", "abc"), ("clienttoken", "case-token"))).Ok();
        var retry = (await Client.Ecs("CreateSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupName", "abc"), ("ClientToken", "case-token"))).Ok();

        Assert.Equal(first.GetProperty("SecurityGroupId").GetString(), retry.GetProperty("SecurityGroupId").GetString());
        Assert.Equal(1, (await DescribeGroups()).GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task CreateSecurityGroup_ClientTokenOfADeletedGroup_CreatesANewOne()
    {
        var first = (await Client.Ecs("CreateSecurityGroup", ("RegionId", "cn-hangzhou"), ("ClientToken", "tok-del"))).Ok().GetProperty("SecurityGroupId").GetString()!;
        (await Client.Ecs("DeleteSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", first))).Ok();

        var second = (await Client.Ecs("CreateSecurityGroup", ("RegionId", "cn-hangzhou"), ("ClientToken", "tok-del"))).Ok().GetProperty("SecurityGroupId").GetString();

        Assert.NotEqual(first, second);
    }
}

public sealed class SecurityGroupQuotaConcurrencyTests
{
    [Fact]
    public async Task CreateSecurityGroup_32ParallelCallsAtTheQuotaEdge_CreateExactlyTheQuota()
    {
        using var factory = new CustomEmulatorFactory(null, new Dictionary<string, string?> { ["Quotas:SecurityGroupsPerRegion"] = "16" });
        var client = factory.Acs();

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(i =>
            client.Ecs("CreateSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupName", $"g{i:D2}"))));

        Assert.Equal(16, results.Count(r => r.Status == HttpStatusCode.OK));
        Assert.All(results.Where(r => r.Status != HttpStatusCode.OK), r => r.Error("QuotaExceed.SecurityGroup", 403));
        Assert.Equal(16, (await client.Ecs("DescribeSecurityGroups", ("RegionId", "cn-hangzhou"))).Ok().GetProperty("TotalCount").GetInt32());
    }
}
