namespace SecurityGroups.FunctionalTests.Networks;

public sealed class DescribeVpcsTests(EmulatorFactory factory) : EmulatorTest(factory)
{
    [Fact]
    public async Task DescribeVpcs_ReturnsEveryAlibabaFieldWithListWrappers()
    {
        var vpcId = await CreateVpc("192.168.0.0/16", "cn-hangzhou", ("VpcName", "main"), ("Description", "d1"), ("Tag.1.Key", "env"), ("Tag.1.Value", "dev"));
        var vSwitchId = await CreateVSwitch(vpcId);

        var body = (await Client.Vpc("DescribeVpcs", ("RegionId", "cn-hangzhou"))).Ok();

        Assert.Equal(1, body.GetProperty("TotalCount").GetInt32());
        Assert.Equal(1, body.GetProperty("PageNumber").GetInt32());
        Assert.Equal(10, body.GetProperty("PageSize").GetInt32());
        var vpc = body.GetProperty("Vpcs").GetProperty("Vpc")[0];
        Assert.Equal(vpcId, vpc.GetProperty("VpcId").GetString());
        Assert.Equal("main", vpc.GetProperty("VpcName").GetString());
        Assert.Equal("d1", vpc.GetProperty("Description").GetString());
        Assert.Equal("cn-hangzhou", vpc.GetProperty("RegionId").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", vpc.GetProperty("CreationTime").GetString());
        Assert.False(vpc.GetProperty("IsDefault").GetBoolean());
        Assert.Equal(1234567890123456, vpc.GetProperty("OwnerId").GetInt64());
        Assert.Equal(vSwitchId, vpc.GetProperty("VSwitchIds").GetProperty("VSwitchId")[0].GetString());
        Assert.Single(vpc.GetProperty("RouterTableIds").GetProperty("RouterTableIds").EnumerateArray());
        Assert.Equal(0, vpc.GetProperty("NatGatewayIds").GetProperty("NatGatewayIds").GetArrayLength());
        Assert.Equal(0, vpc.GetProperty("UserCidrs").GetProperty("UserCidr").GetArrayLength());
        Assert.Equal("env", vpc.GetProperty("Tags").GetProperty("Tag")[0].GetProperty("Key").GetString());
    }

    [Fact]
    public async Task DescribeVpcs_FiltersByIdsNameAndTags()
    {
        var a = await CreateVpc("10.0.0.0/16", "cn-hangzhou", ("VpcName", "alpha"), ("Tag.1.Key", "team"), ("Tag.1.Value", "x"));
        var b = await CreateVpc("10.1.0.0/16", "cn-hangzhou", ("VpcName", "beta"));
        await CreateVpc("10.2.0.0/16", "cn-hangzhou", ("VpcName", "gamma"));

        Assert.Equal(2, (await Client.Vpc("DescribeVpcs", ("RegionId", "cn-hangzhou"), ("VpcId", $"{a},{b},vpc-unknown"))).Ok().GetProperty("TotalCount").GetInt32());
        Assert.Equal(b, (await Client.Vpc("DescribeVpcs", ("RegionId", "cn-hangzhou"), ("VpcName", "beta"))).Ok().GetProperty("Vpcs").GetProperty("Vpc")[0].GetProperty("VpcId").GetString());
        Assert.Equal(a, (await Client.Vpc("DescribeVpcs", ("RegionId", "cn-hangzhou"), ("Tag.1.Key", "team"), ("Tag.1.Value", "x"))).Ok().GetProperty("Vpcs").GetProperty("Vpc")[0].GetProperty("VpcId").GetString());
        Assert.Equal(0, (await Client.Vpc("DescribeVpcs", ("RegionId", "cn-hangzhou"), ("VpcId", "vpc-unknown"))).Ok().GetProperty("TotalCount").GetInt32());
        Assert.Equal(0, (await Client.Vpc("DescribeVpcs", ("RegionId", "cn-shanghai"))).Ok().GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task DescribeVpcsAndVSwitches_FilterByIsDefaultAndEnableIpv6()
    {
        var plain = await CreateVpc("10.0.0.0/16");
        var plainSwitch = await CreateVSwitch(plain, "10.0.1.0/24");
        var dual = await CreateVpc("10.1.0.0/16", "cn-hangzhou", ("EnableIpv6", "true"));
        var dualSwitch = (await Client.Vpc("CreateVSwitch", ("VpcId", dual), ("ZoneId", "cn-hangzhou-h"), ("CidrBlock", "10.1.1.0/24"), ("Ipv6CidrBlock", "1")))
            .Ok().GetProperty("VSwitchId").GetString()!;

        async Task<string[]> Vpcs(string name, string value) =>
            [.. (await Client.Vpc("DescribeVpcs", ("RegionId", "cn-hangzhou"), (name, value))).Ok().GetProperty("Vpcs").GetProperty("Vpc").EnumerateArray()
                .Select(v => v.GetProperty("VpcId").GetString()!).Order(StringComparer.Ordinal)];
        async Task<string[]> Switches(string name, string value) =>
            [.. (await Client.Vpc("DescribeVSwitches", ("RegionId", "cn-hangzhou"), (name, value))).Ok().GetProperty("VSwitches").GetProperty("VSwitch")
                .EnumerateArray().Select(v => v.GetProperty("VSwitchId").GetString()!).Order(StringComparer.Ordinal)];

        Assert.Equal(new[] { plain, dual }.Order(StringComparer.Ordinal), await Vpcs("IsDefault", "false"));
        Assert.Empty(await Vpcs("IsDefault", "true"));
        Assert.Equal([dual], await Vpcs("EnableIpv6", "true"));
        Assert.Equal([plain], await Vpcs("EnableIpv6", "false"));
        Assert.Equal(new[] { plainSwitch, dualSwitch }.Order(StringComparer.Ordinal), await Switches("IsDefault", "false"));
        Assert.Empty(await Switches("IsDefault", "true"));
        Assert.Equal([dualSwitch], await Switches("EnableIpv6", "true"));
        Assert.Equal([plainSwitch], await Switches("EnableIpv6", "false"));
    }

    [Fact]
    public async Task DescribeVpcs_PagesNewestFirst()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await CreateVpc($"10.{i}.0.0/16"));
        }

        var page1 = (await Client.Vpc("DescribeVpcs", ("RegionId", "cn-hangzhou"), ("PageSize", "2"))).Ok();
        var page3 = (await Client.Vpc("DescribeVpcs", ("RegionId", "cn-hangzhou"), ("PageSize", "2"), ("PageNumber", "3"))).Ok();

        Assert.Equal(5, page1.GetProperty("TotalCount").GetInt32());
        Assert.Equal(2, page1.GetProperty("Vpcs").GetProperty("Vpc").GetArrayLength());
        Assert.Single(page3.GetProperty("Vpcs").GetProperty("Vpc").EnumerateArray());
        var all = new[] { page1 }.Concat([(await Client.Vpc("DescribeVpcs", ("RegionId", "cn-hangzhou"), ("PageSize", "2"), ("PageNumber", "2"))).Ok(), page3])
            .SelectMany(p => p.GetProperty("Vpcs").GetProperty("Vpc").EnumerateArray()).Select(v => v.GetProperty("VpcId").GetString()!).ToList();
        Assert.Equal(ids.OrderBy(x => x).ToList(), all.OrderBy(x => x).ToList());
    }

    [Theory]
    [InlineData("PageSize", "0", "InvalidPageSize.Malformed")]
    [InlineData("PageSize", "51", "InvalidPageSize.Malformed")]
    [InlineData("PageNumber", "0", "InvalidPageNumber.Malformed")]
    [InlineData("PageNumber", "99999999999", "InvalidPageNumber.Malformed")]
    public async Task DescribeVpcs_WithBadPaging_IsRefused(string name, string value, string code)
    {
        (await Client.Vpc("DescribeVpcs", ("RegionId", "cn-hangzhou"), (name, value))).Error(code, 400);
    }

    [Fact]
    public async Task DescribeVpcs_HugePageNumber_IsAnEmptyPageNotAWrapAround()
    {
        await CreateVpc();
        var body = (await Client.Vpc("DescribeVpcs", ("RegionId", "cn-hangzhou"), ("PageNumber", "2147483647"), ("PageSize", "50"))).Ok();

        Assert.Equal(1, body.GetProperty("TotalCount").GetInt32());
        Assert.Equal(0, body.GetProperty("Vpcs").GetProperty("Vpc").GetArrayLength());
    }

    [Fact]
    public async Task DescribeVpcs_WithMoreThan20Ids_IsInvalidParameter()
    {
        var ids = string.Join(',', Enumerable.Range(0, 21).Select(i => $"vpc-{i}"));
        (await Client.Vpc("DescribeVpcs", ("RegionId", "cn-hangzhou"), ("VpcId", ids))).Error("InvalidParameter", 400);
    }

    [Fact]
    public async Task DescribeVpcs_WithoutRegion_IsMissingParameter()
    {
        (await Client.Vpc("DescribeVpcs")).Error("MissingParameter", 400);
    }
}
