using System.Text.Json;

namespace SecurityGroups.FunctionalTests.Tags;

/// <summary>AddTags, RemoveTags, DescribeTags, DescribeResourceByTags: the legacy Actions over TagResources' storage.</summary>
public sealed class LegacyTagTests(EmulatorFactory factory) : EmulatorTest(factory)
{
    private Task<AcsResult> Legacy(string action, params (string, string)[] parameters) =>
        Client.Ecs(action, [("RegionId", "cn-hangzhou"), .. parameters]);

    private async Task<List<(string Id, string Key, string Value)>> Listed(string type, string id)
    {
        var body = (await Client.Ecs("ListTagResources", ("RegionId", "cn-hangzhou"), ("ResourceType", type), ("ResourceId.1", id))).Ok();
        return body.GetProperty("TagResources").GetProperty("TagResource").EnumerateArray()
            .Select(t => (t.GetProperty("ResourceId").GetString()!, t.GetProperty("TagKey").GetString()!, t.GetProperty("TagValue").GetString()!)).ToList();
    }

    [Fact]
    public async Task AddAndRemoveTags_ShareTheStorageOfTagResources()
    {
        var group = await CreateGroup(null, ("Tag.1.Key", "env"), ("Tag.1.Value", "dev"));

        (await Legacy("AddTags", ("ResourceType", "securitygroup"), ("ResourceId", group), ("Tag.1.Key", "env"), ("Tag.1.Value", "prod"),
            ("Tag.2.Key", "team"), ("Tag.2.Value", "net"))).Ok();
        Assert.Equal([(group, "env", "prod"), (group, "team", "net")], await Listed("securitygroup", group));

        // A value that does not match removes nothing; a key alone removes whatever the value.
        (await Legacy("RemoveTags", ("ResourceType", "securitygroup"), ("ResourceId", group), ("Tag.1.Key", "env"), ("Tag.1.Value", "dev"))).Ok();
        Assert.Equal(2, (await Listed("securitygroup", group)).Count);
        (await Legacy("RemoveTags", ("ResourceType", "securitygroup"), ("ResourceId", group), ("Tag.1.Key", "env"))).Ok();
        Assert.Equal([(group, "team", "net")], await Listed("securitygroup", group));
        (await Client.Ecs("UntagResources", ("RegionId", "cn-hangzhou"), ("ResourceType", "securitygroup"), ("ResourceId.1", group), ("TagKey.1", "team"))).Ok();
        Assert.Empty(await Listed("securitygroup", group));
    }

    [Fact]
    public async Task DescribeTags_CountsResourcesPerType_AndDescribeResourceByTags_NeedsEveryTag()
    {
        var vpc = await CreateVpc();
        var a = await CreateGroup(vpc);
        var b = await CreateGroup(vpc);
        var vsw = (await Client.Vpc("CreateVSwitch", ("RegionId", "cn-hangzhou"), ("VpcId", vpc), ("ZoneId", "cn-hangzhou-h"), ("CidrBlock", "192.168.1.0/24")))
            .Ok().GetProperty("VSwitchId").GetString()!;
        var eni = (await Client.Ecs("CreateNetworkInterface", ("RegionId", "cn-hangzhou"), ("VSwitchId", vsw), ("SecurityGroupId", a))).Ok()
            .GetProperty("NetworkInterfaceId").GetString()!;
        (await Legacy("AddTags", ("ResourceType", "securitygroup"), ("ResourceId", a), ("Tag.1.Key", "env"), ("Tag.1.Value", "prod"), ("Tag.2.Key", "app"), ("Tag.2.Value", "web"))).Ok();
        (await Legacy("AddTags", ("ResourceType", "securitygroup"), ("ResourceId", b), ("Tag.1.Key", "env"), ("Tag.1.Value", "prod"))).Ok();
        (await Legacy("AddTags", ("ResourceType", "eni"), ("ResourceId", eni), ("Tag.1.Key", "env"), ("Tag.1.Value", "prod"))).Ok();
        (await Client.Vpc("TagResources", ("RegionId", "cn-hangzhou"), ("ResourceType", "VPC"), ("ResourceId.1", vpc), ("Tag.1.Key", "env"), ("Tag.1.Value", "prod"))).Ok();

        var tags = (await Legacy("DescribeTags")).Ok();
        Assert.Equal(2, tags.GetProperty("TotalCount").GetInt32());
        var list = tags.GetProperty("Tags").GetProperty("Tag").EnumerateArray().ToList();
        Assert.Equal(["app=web", "env=prod"], list.Select(t => $"{t.GetProperty("TagKey").GetString()}={t.GetProperty("TagValue").GetString()}"));
        var env = list[1].GetProperty("ResourceTypeCount");
        Assert.Equal((2, 1, 0, 0), (env.GetProperty("Securitygroup").GetInt32(), env.GetProperty("Eni").GetInt32(), env.GetProperty("Instance").GetInt32(),
            env.GetProperty("Disk").GetInt32()));

        var ofA = (await Legacy("DescribeTags", ("ResourceType", "securitygroup"), ("ResourceId", a), ("Tag.1.Key", "app"))).Ok();
        Assert.Equal("web", Assert.Single(ofA.GetProperty("Tags").GetProperty("Tag").EnumerateArray()).GetProperty("TagValue").GetString());
        var paged = (await Legacy("DescribeTags", ("PageNumber", "2"), ("PageSize", "1"))).Ok();
        Assert.Equal("env", paged.GetProperty("Tags").GetProperty("Tag")[0].GetProperty("TagKey").GetString());
        Assert.Equal((2, 1, 2), (paged.GetProperty("PageNumber").GetInt32(), paged.GetProperty("PageSize").GetInt32(), paged.GetProperty("TotalCount").GetInt32()));

        static List<(string?, string?)> Resources(JsonElement body) => body.GetProperty("Resources").GetProperty("Resource").EnumerateArray()
            .Select(r => (r.GetProperty("ResourceId").GetString(), r.GetProperty("ResourceType").GetString())).ToList();
        var prod = (await Legacy("DescribeResourceByTags", ("Tag.1.Key", "env"), ("Tag.1.Value", "prod"))).Ok();
        Assert.Equal(new[] { (a, "securitygroup"), (b, "securitygroup"), (eni, "eni") }.OrderBy(r => r.Item1, StringComparer.Ordinal)
            .Select(r => ((string?)r.Item1, (string?)r.Item2)).ToList(), Resources(prod));
        Assert.Equal(3, prod.GetProperty("TotalCount").GetInt32());
        Assert.Equal([(a, "securitygroup")], Resources((await Legacy("DescribeResourceByTags", ("Tag.1.Key", "env"), ("Tag.2.Key", "app"))).Ok()).Select(r => (r.Item1!, r.Item2!)));
        Assert.Equal([(eni, "eni")], Resources((await Legacy("DescribeResourceByTags", ("ResourceType", "eni"), ("Tag.1.Key", "env"))).Ok()).Select(r => (r.Item1!, r.Item2!)));
        Assert.Empty(Resources((await Legacy("DescribeResourceByTags", ("ResourceType", "disk"), ("Tag.1.Key", "env"))).Ok()));
    }

    [Fact]
    public async Task LegacyTags_Refusals()
    {
        var group = await CreateGroup();
        (await Legacy("AddTags", ("ResourceType", "securitygroup"), ("ResourceId", "sg-nope"), ("Tag.1.Key", "k"))).Error("InvalidResourceId.NotFound", 404);
        (await Legacy("AddTags", ("ResourceType", "disk"), ("ResourceId", "d-nope"), ("Tag.1.Key", "k"))).Error("InvalidResourceId.NotFound", 404);
        (await Legacy("AddTags", ("ResourceType", "vpc"), ("ResourceId", group), ("Tag.1.Key", "k"))).Error("InvalidResourceType.NotFound", 404);
        (await Legacy("AddTags", ("ResourceType", "securitygroup"), ("ResourceId", group))).Error("MissingParameter", 400);
        (await Legacy("AddTags", ("ResourceType", "securitygroup"), ("Tag.1.Key", "k"))).Error("MissingParameter", 400);
        (await Legacy("AddTags", ("ResourceType", "securitygroup"), ("ResourceId", group), ("Tag.1.Key", "acs:x"))).Error("InvalidTagKey.Malformed", 400);
        var many = Enumerable.Range(1, 21).SelectMany(i => new[] { ($"Tag.{i}.Key", $"k{i}"), ($"Tag.{i}.Value", "v") }).ToArray();
        (await Legacy("AddTags", [("ResourceType", "securitygroup"), ("ResourceId", group), .. many])).Error("NumberExceed.Tags", 400);
        (await Legacy("RemoveTags", ("ResourceType", "securitygroup"), ("ResourceId", "sg-nope"), ("Tag.1.Key", "k"))).Error("InvalidResourceId.NotFound", 404);
        (await Legacy("DescribeTags", ("ResourceType", "router"))).Error("InvalidResourceType.NotFound", 404);
        (await Legacy("DescribeTags", ("PageSize", "101"))).Error("InvalidPageSize.Malformed", 400);
        (await Legacy("DescribeResourceByTags", ("PageNumber", "0"))).Error("InvalidPageNumber.Malformed", 400);
        (await Client.Ecs("DescribeTags")).Error("MissingParameter", 400);
        Assert.Empty((await Client.Ecs("ListTagResources", ("RegionId", "cn-hangzhou"), ("ResourceType", "securitygroup"), ("ResourceId.1", group))).Ok()
            .GetProperty("TagResources").GetProperty("TagResource").EnumerateArray());
    }
}
