namespace SecurityGroups.FunctionalTests.Networks;

public sealed class VSwitchTests(EmulatorFactory factory) : EmulatorTest(factory)
{
    [Fact]
    public async Task CreateVSwitch_ThenDescribe_ShowsZoneCidrAndFreeAddresses()
    {
        var vpcId = await CreateVpc();
        var vSwitchId = await CreateVSwitch(vpcId, "192.168.10.0/24", "cn-hangzhou-i");

        var body = (await Client.Vpc("DescribeVSwitches", ("RegionId", "cn-hangzhou"), ("VpcId", vpcId))).Ok();

        Assert.Matches("^vsw-[a-z0-9]{20}$", vSwitchId);
        var vsw = body.GetProperty("VSwitches").GetProperty("VSwitch")[0];
        Assert.Equal(vSwitchId, vsw.GetProperty("VSwitchId").GetString());
        Assert.Equal("cn-hangzhou-i", vsw.GetProperty("ZoneId").GetString());
        Assert.Equal("192.168.10.0/24", vsw.GetProperty("CidrBlock").GetString());
        Assert.Equal(252, vsw.GetProperty("AvailableIpAddressCount").GetInt64());
        Assert.Equal("Available", vsw.GetProperty("Status").GetString());
        Assert.Equal(JsonValueKindObject, vsw.GetProperty("RouteTable").ValueKind);
        Assert.Matches("^vtb-[a-z0-9]{20}$", vsw.GetProperty("RouteTable").GetProperty("RouteTableId").GetString());
        Assert.Equal(0, vsw.GetProperty("Tags").GetProperty("Tag").GetArrayLength());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindObject = System.Text.Json.JsonValueKind.Object;

    [Theory]
    [InlineData("192.168.1.0/24", "cn-hangzhou-z", "InvalidZoneId.NotFound", 404)]
    [InlineData("192.168.1.0/24", "cn-shanghai-b", "InvalidZoneId.NotFound", 404)]
    [InlineData("10.0.0.0/24", "cn-hangzhou-h", "InvalidParameter", 400)]
    [InlineData("192.168.0.0/15", "cn-hangzhou-h", "InvalidCirdrBlock.MaskLength", 400)]
    [InlineData("192.168.1.4/30", "cn-hangzhou-h", "InvalidCirdrBlock.MaskLength", 400)]
    [InlineData("192.168.1.1/24", "cn-hangzhou-h", "InvalidCidrBlock.Malformed", 400)]
    [InlineData("not-a-cidr", "cn-hangzhou-h", "InvalidCidrBlock.Malformed", 400)]
    [InlineData("192.168.0.0/23", "cn-hangzhou-h", "InvalidCidrBlock.Overlapped", 400)]
    public async Task CreateVSwitch_Refusals(string cidr, string zone, string code, int status)
    {
        var vpcId = await CreateVpc();
        await CreateVSwitch(vpcId, "192.168.1.0/24");

        (await Client.Vpc("CreateVSwitch", ("VpcId", vpcId), ("ZoneId", zone), ("CidrBlock", cidr))).Error(code, status);

        Assert.Equal(1, (await Client.Vpc("DescribeVSwitches", ("VpcId", vpcId))).Ok().GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task CreateVSwitch_InUnknownVpc_IsInvalidVpcIdNotFound()
    {
        (await Client.Vpc("CreateVSwitch", ("VpcId", "vpc-unknown"), ("ZoneId", "cn-hangzhou-h"), ("CidrBlock", "192.168.1.0/24")))
            .Error("InvalidVpcId.NotFound", 404);
    }

    [Fact]
    public async Task DescribeVSwitches_WithoutRegionOrVpc_IsMissingParameter()
    {
        (await Client.Vpc("DescribeVSwitches")).Error("MissingParameter", 400);
    }

    [Fact]
    public async Task DescribeVSwitches_FiltersByIdAndZone()
    {
        var vpcId = await CreateVpc();
        var a = await CreateVSwitch(vpcId, "192.168.1.0/24", "cn-hangzhou-h");
        await CreateVSwitch(vpcId, "192.168.2.0/24", "cn-hangzhou-i");

        Assert.Equal(a, (await Client.Vpc("DescribeVSwitches", ("RegionId", "cn-hangzhou"), ("VSwitchId", a))).Ok()
            .GetProperty("VSwitches").GetProperty("VSwitch")[0].GetProperty("VSwitchId").GetString());
        Assert.Equal(1, (await Client.Vpc("DescribeVSwitches", ("RegionId", "cn-hangzhou"), ("ZoneId", "cn-hangzhou-i"))).Ok().GetProperty("TotalCount").GetInt32());
        Assert.Equal(0, (await Client.Vpc("DescribeVSwitches", ("RegionId", "cn-hangzhou"), ("VSwitchId", "vsw-unknown"))).Ok().GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task DeleteVSwitch_ThenTheVpcCanBeDeleted()
    {
        var vpcId = await CreateVpc();
        var vSwitchId = await CreateVSwitch(vpcId);

        (await Client.Vpc("DeleteVSwitch", ("VSwitchId", vSwitchId))).Ok();
        (await Client.Vpc("DeleteVSwitch", ("VSwitchId", vSwitchId))).Error("InvalidVSwitchId.NotFound", 404);
        (await Client.Vpc("DeleteVpc", ("VpcId", vpcId))).Ok();
    }

    [Fact]
    public async Task DeleteVSwitch_WithoutId_IsMissingParameter()
    {
        (await Client.Vpc("DeleteVSwitch")).Error("MissingParameter", 400);
    }
}
