namespace SecurityGroups.FunctionalTests.Networks;

public sealed class DescribeRegionsTests(EmulatorFactory factory) : EmulatorTest(factory)
{
    [Theory]
    [InlineData(null, "华东1（杭州）")]
    [InlineData("en-US", "China (Hangzhou)")]
    [InlineData("ja", "中国（杭州）")]
    public async Task DescribeRegions_ListsTheDefaultRegionsInTheLanguage(string? language, string hangzhou)
    {
        var body = (await (language is null ? Client.Ecs("DescribeRegions") : Client.Ecs("DescribeRegions", ("AcceptLanguage", language)))).Ok();

        var regions = body.GetProperty("Regions").GetProperty("Region").EnumerateArray().ToList();
        foreach (var id in new[] { "cn-hangzhou", "cn-shanghai", "cn-beijing", "ap-southeast-1", "us-west-1", "eu-central-1" })
        {
            Assert.Contains(regions, r => r.GetProperty("RegionId").GetString() == id);
        }

        var first = regions.Single(r => r.GetProperty("RegionId").GetString() == "cn-hangzhou");
        Assert.Equal(hangzhou, first.GetProperty("LocalName").GetString());
        Assert.Equal("available", first.GetProperty("Status").GetString());
        Assert.EndsWith("aliyuncs.com", first.GetProperty("RegionEndpoint").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeRegions_WithUnknownLanguage_IsInvalidAcceptLanguageNotFound()
    {
        (await Client.Ecs("DescribeRegions", ("AcceptLanguage", "xx"))).Error("InvalidAcceptLanguage.NotFound", 404);
    }
}

public sealed class ConfiguredRegionsTests
{
    public sealed class Factory() : EmulatorFactory(null, new Dictionary<string, string?>
    {
        ["Regions:0:RegionId"] = "test-region-1",
        ["Regions:0:LocalName"] = "测试",
        ["Regions:0:EnglishName"] = "Test",
        ["Regions:0:RegionEndpoint"] = "ecs.test-region-1.aliyuncs.com",
        ["Regions:0:Zones:0"] = "test-region-1a",
    });

    [Fact]
    public async Task ConfiguredRegionList_ReplacesTheDefaults()
    {
        using var factory = new Factory();
        var client = factory.Acs();

        var regions = (await client.Ecs("DescribeRegions")).Ok().GetProperty("Regions").GetProperty("Region");

        Assert.Equal("test-region-1", Assert.Single(regions.EnumerateArray()).GetProperty("RegionId").GetString());
        (await client.Vpc("CreateVpc", ("RegionId", "cn-hangzhou"))).Error("InvalidRegionId.NotFound", 404);
        (await client.Vpc("CreateVpc", ("RegionId", "test-region-1"))).Ok();
    }
}
