using System.Text.Json;

namespace SecurityGroups.FunctionalTests.Tags;

public sealed class TagResourcesTests(EmulatorFactory factory) : EmulatorTest(factory)
{
    private Task<AcsResult> Tag(params (string, string)[] parameters) =>
        Client.Ecs("TagResources", [("RegionId", "cn-hangzhou"), ("ResourceType", "securitygroup"), .. parameters]);

    private async Task<List<(string Id, string Key, string Value)>> List(params (string, string)[] parameters)
    {
        var body = (await Client.Ecs("ListTagResources", [("RegionId", "cn-hangzhou"), ("ResourceType", "securitygroup"), .. parameters])).Ok();
        return body.GetProperty("TagResources").GetProperty("TagResource").EnumerateArray()
            .Select(t => (t.GetProperty("ResourceId").GetString()!, t.GetProperty("TagKey").GetString()!, t.GetProperty("TagValue").GetString()!)).ToList();
    }

    [Fact]
    public async Task TagResources_AddsAndOverwrites_ThenListAndUntag()
    {
        var a = await CreateGroup(null, ("Tag.1.Key", "env"), ("Tag.1.Value", "dev"));
        var b = await CreateGroup();

        (await Tag(("ResourceId.1", a), ("ResourceId.2", b), ("Tag.1.Key", "env"), ("Tag.1.Value", "prod"), ("Tag.2.Key", "team"), ("Tag.2.Value", ""))).Ok();

        var all = await List();
        Assert.Equal(4, all.Count);
        Assert.Contains((a, "env", "prod"), all);
        Assert.Contains((b, "team", ""), all);
        Assert.Equal([(a, "env", "prod"), (a, "team", "")], await List(("ResourceId.1", a)));
        Assert.Equal(2, (await List(("Tag.1.Key", "env"), ("Tag.1.Value", "prod"))).Select(t => t.Id).Distinct().Count());
        Assert.Equal(2, (await List(("TagFilter.1.TagKey", "env"), ("TagFilter.1.TagValues.1", "prod"), ("TagFilter.1.TagValues.2", "qa"))).Select(t => t.Id).Distinct().Count());
        Assert.Empty(await List(("TagFilter.1.TagKey", "env"), ("TagFilter.1.TagValues.1", "qa")));

        (await Client.Ecs("UntagResources", ("RegionId", "cn-hangzhou"), ("ResourceType", "securitygroup"), ("ResourceId.1", a), ("TagKey.1", "team"))).Ok();
        (await Client.Ecs("UntagResources", ("RegionId", "cn-hangzhou"), ("ResourceType", "securitygroup"), ("ResourceId.1", b), ("All", "true"))).Ok();

        Assert.Equal([(a, "env", "prod")], await List());
        var group = (await DescribeGroups(("SecurityGroupId", a))).GetProperty("SecurityGroups").GetProperty("SecurityGroup")[0];
        Assert.Equal("prod", group.GetProperty("Tags").GetProperty("Tag")[0].GetProperty("TagValue").GetString());
    }

    [Fact]
    public async Task TagResources_Refusals()
    {
        var id = await CreateGroup();
        var twentyOne = Enumerable.Range(1, 21).Select(i => ($"Tag.{i}.Key", $"k{i}")).ToArray();
        var fiftyOne = Enumerable.Range(1, 51).Select(i => ($"ResourceId.{i}", id)).ToArray();

        (await Tag([("ResourceId.1", id), .. twentyOne])).Error("NumberExceed.Tags", 400);
        (await Tag([.. fiftyOne, ("Tag.1.Key", "k")])).Error("NumberExceed.ResourceIds", 400);
        (await Tag(("ResourceId.1", "sg-unknown"), ("Tag.1.Key", "k"))).Error("InvalidResourceId.NotFound", 404);
        (await Tag(("ResourceId.1", id), ("Tag.1.Key", "aliyun:x"))).Error("InvalidTagKey.Malformed", 400);
        (await Tag(("ResourceId.1", id), ("Tag.1.Key", "k"), ("Tag.1.Value", new string('v', 129)))).Error("InvalidTagValue.Malformed", 400);
        (await Tag(("ResourceId.1", id), ("Tag.1.Key", "k"), ("Tag.2.Key", "k"))).Error("Duplicate.TagKey", 400);
        (await Tag(("ResourceId.1", id), ("Tag.1.Value", "only a value"))).Error("InvalidTagKey.Malformed", 400);
        (await Client.Ecs("TagResources", ("RegionId", "cn-hangzhou"), ("ResourceType", "bucket"), ("ResourceId.1", id), ("Tag.1.Key", "k"))).Error("InvalidResourceType.NotFound", 404);
        (await Client.Ecs("TagResources", ("RegionId", "cn-hangzhou"), ("ResourceId.1", id), ("Tag.1.Key", "k"))).Error("MissingParameter.ResourceType", 404);
        (await Client.Ecs("TagResources", ("RegionId", "cn-hangzhou"), ("ResourceType", "securitygroup"), ("Tag.1.Key", "k"))).Error("MissingParameter.ResourceIds", 404);
        (await Client.Ecs("TagResources", ("RegionId", "cn-hangzhou"), ("ResourceType", "securitygroup"), ("ResourceId.1", id))).Error("MissingParameter.Tags", 404);
        (await Client.Ecs("TagResources", ("ResourceType", "securitygroup"), ("ResourceId.1", id), ("Tag.1.Key", "k"))).Error("MissingParameter.RegionId", 404);
        Assert.Empty(await List());
    }

    [Fact]
    public async Task TagResources_PastTwentyTagsOnAResource_IsOperationDeniedQuotaExceed()
    {
        var twenty = Enumerable.Range(1, 20).Select(i => ($"Tag.{i}.Key", $"k{i}")).ToArray();
        var id = await CreateGroup(null, twenty);

        (await Tag(("ResourceId.1", id), ("Tag.1.Key", "k1"), ("Tag.1.Value", "overwrite is fine"))).Ok();
        (await Tag(("ResourceId.1", id), ("Tag.1.Key", "k21"))).Error("OperationDenied.QuotaExceed", 400);
        Assert.Equal(20, (await List(("ResourceId.1", id))).Count);
    }

    [Fact]
    public async Task ListTagResources_PagesByFifty()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await CreateGroup(null, Enumerable.Range(1, 20).Select(k => ($"Tag.{k}.Key", $"k{k:D2}")).ToArray()));
        }

        var first = (await Client.Ecs("ListTagResources", ("RegionId", "cn-hangzhou"), ("ResourceType", "securitygroup"))).Ok();
        var token = first.GetProperty("NextToken").GetString()!;
        var second = (await Client.Ecs("ListTagResources", ("RegionId", "cn-hangzhou"), ("ResourceType", "securitygroup"), ("NextToken", token))).Ok();

        Assert.Equal(50, first.GetProperty("TagResources").GetProperty("TagResource").GetArrayLength());
        Assert.Equal(10, second.GetProperty("TagResources").GetProperty("TagResource").GetArrayLength());
        Assert.Equal("", second.GetProperty("NextToken").GetString());
        (await Client.Ecs("ListTagResources", ("RegionId", "cn-hangzhou"), ("ResourceType", "securitygroup"), ("NextToken", "bad"))).Error("InValidParameter.NextToken", 400);
    }

    [Fact]
    public async Task OtherAccountsResources_CannotBeTagged()
    {
        var id = await CreateGroup();
        using var request = Signers.Rpc("TagResources", AcsClient.EcsVersion,
            [("RegionId", "cn-hangzhou"), ("ResourceType", "securitygroup"), ("ResourceId.1", id), ("Tag.1.Key", "k")], "test2", "secret2");

        (await Client.Send(request)).Error("InvalidResourceId.NotFound", 404);
        Assert.Empty(JsonSerializer.Serialize(await List()).Replace("[]", "", StringComparison.Ordinal));
    }
}
