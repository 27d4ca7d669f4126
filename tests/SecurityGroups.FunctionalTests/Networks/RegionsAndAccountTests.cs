using System.Text.Json;

namespace SecurityGroups.FunctionalTests.Networks;

/// <summary>DescribeAccountAttributes (ECS) and DescribeRegions / DescribeZones on the VPC API.</summary>
public sealed class RegionsAndAccountTests(EmulatorFactory factory) : EmulatorTest(factory)
{
    private static List<string> Names(JsonElement body) =>
        body.GetProperty("AccountAttributeItems").GetProperty("AccountAttributeItem").EnumerateArray().Select(a => a.GetProperty("AttributeName").GetString()!).ToList();

    private static List<string?> Values(JsonElement body, string name) =>
        body.GetProperty("AccountAttributeItems").GetProperty("AccountAttributeItem").EnumerateArray()
            .Single(a => a.GetProperty("AttributeName").GetString() == name).GetProperty("AttributeValues").GetProperty("ValueItem").EnumerateArray()
            .Select(v => v.GetProperty("Value").GetString()).ToList();

    [Fact]
    public async Task DescribeAccountAttributes_ServesTheConfiguredSecurityGroupQuota_AndFiltersByName()
    {
        using var custom = new CustomEmulatorFactory(null, new Dictionary<string, string?> { ["Quotas:SecurityGroupsPerRegion"] = "7" });
        var client = custom.Acs();

        var all = (await client.Ecs("DescribeAccountAttributes", ("RegionId", "cn-hangzhou"))).Ok();
        Assert.Equal(["max-security-groups", "instance-network-type", "real-name-authentication", "supported-postpaid-instance-types"], Names(all));
        Assert.Equal(["7"], Values(all, "max-security-groups"));
        Assert.Equal(["vpc"], Values(all, "instance-network-type"));

        var one = (await client.Ecs("DescribeAccountAttributes", ("RegionId", "cn-hangzhou"), ("AttributeName.1", "max-security-groups"),
            ("AttributeName.2", "max-spot-instance-vcpu-count"))).Ok();
        Assert.Equal(["max-security-groups"], Names(one));
        var item = one.GetProperty("AccountAttributeItems").GetProperty("AccountAttributeItem")[0].GetProperty("AttributeValues").GetProperty("ValueItem")[0];
        Assert.Equal(JsonValueKind.Number, item.GetProperty("Count").ValueKind);
    }

    [Fact]
    public async Task DescribeAccountAttributes_InstanceTypesOfAZone_AndRefusals()
    {
        var zones = (await Client.Ecs("DescribeZones", ("RegionId", "cn-hangzhou"))).Ok().GetProperty("Zones").GetProperty("Zone").EnumerateArray()
            .Select(z => z.GetProperty("ZoneId").GetString()!).ToList();
        var zone = zones[0];
        var body = (await Client.Ecs("DescribeAccountAttributes", ("RegionId", "cn-hangzhou"), ("ZoneId", zone),
            ("AttributeName.1", "supported-postpaid-instance-types"))).Ok();
        var values = body.GetProperty("AccountAttributeItems").GetProperty("AccountAttributeItem")[0].GetProperty("AttributeValues").GetProperty("ValueItem")
            .EnumerateArray().ToList();
        Assert.NotEmpty(values);
        Assert.All(values, v =>
        {
            Assert.Equal(zone, v.GetProperty("ZoneId").GetString());
            Assert.Equal("PostPaid", v.GetProperty("InstanceChargeType").GetString());
            Assert.Equal(v.GetProperty("Value").GetString(), v.GetProperty("InstanceType").GetString());
        });

        (await Client.Ecs("DescribeAccountAttributes")).Error("Invalid.Parameter", 403);
        (await Client.Ecs("DescribeAccountAttributes", ("RegionId", "xx-nowhere-1"))).Error("InvalidRegionId.NotFound", 404);
        (await Client.Ecs("DescribeAccountAttributes", ("RegionId", "cn-hangzhou"), ("ZoneId", "cn-hangzhou-zz"))).Error("InvalidZoneId.NotFound", 404);
        var nine = Enumerable.Range(1, 9).Select(i => ($"AttributeName.{i}", "max-security-groups")).ToArray();
        (await Client.Ecs("DescribeAccountAttributes", [("RegionId", "cn-hangzhou"), .. nine])).Error("InvalidParameter", 400);
    }

    [Fact]
    public async Task VpcDescribeRegions_HasEcsRegionsWithVpcEndpoints()
    {
        var ecs = (await Client.Ecs("DescribeRegions", ("AcceptLanguage", "en-US"))).Ok().GetProperty("Regions").GetProperty("Region").EnumerateArray().ToList();
        var vpc = (await Client.Vpc("DescribeRegions", ("AcceptLanguage", "en-US"))).Ok().GetProperty("Regions").GetProperty("Region").EnumerateArray().ToList();

        Assert.Equal(ecs.Select(r => r.GetProperty("RegionId").GetString()), vpc.Select(r => r.GetProperty("RegionId").GetString()));
        Assert.Equal(ecs.Select(r => r.GetProperty("LocalName").GetString()), vpc.Select(r => r.GetProperty("LocalName").GetString()));
        Assert.All(vpc, r => Assert.StartsWith("vpc.", r.GetProperty("RegionEndpoint").GetString(), StringComparison.Ordinal));
        Assert.All(vpc, r => Assert.False(r.TryGetProperty("Status", out _)));
        (await Client.Vpc("DescribeRegions", ("AcceptLanguage", "fr-FR"))).Error("InvalidAcceptLanguage.NotFound", 404);
    }

    [Fact]
    public async Task VpcDescribeZones_HasEcsZones_AndNoEdgeZones()
    {
        var ecs = (await Client.Ecs("DescribeZones", ("RegionId", "cn-hangzhou"))).Ok().GetProperty("Zones").GetProperty("Zone").EnumerateArray()
            .Select(z => (z.GetProperty("ZoneId").GetString(), z.GetProperty("LocalName").GetString())).ToList();
        var vpc = (await Client.Vpc("DescribeZones", ("RegionId", "cn-hangzhou"))).Ok().GetProperty("Zones").GetProperty("Zone").EnumerateArray().ToList();

        Assert.Equal(ecs, vpc.Select(z => (z.GetProperty("ZoneId").GetString(), z.GetProperty("LocalName").GetString())));
        Assert.All(vpc, z => Assert.Equal("AvailabilityZone", z.GetProperty("ZoneType").GetString()));
        Assert.Equal(0, (await Client.Vpc("DescribeZones", ("RegionId", "cn-hangzhou"), ("ZoneType", "EdgeZone"))).Ok().GetProperty("Zones").GetProperty("Zone").GetArrayLength());
        (await Client.Vpc("DescribeZones", ("RegionId", "cn-hangzhou"), ("ZoneType", "Moon"))).Error("InvalidParameter", 400);
        (await Client.Vpc("DescribeZones")).Error("MissingParameter", 400);
        (await Client.Vpc("DescribeZones", ("RegionId", "xx-nowhere-1"))).Error("InvalidRegionId.NotFound", 404);
    }
}
