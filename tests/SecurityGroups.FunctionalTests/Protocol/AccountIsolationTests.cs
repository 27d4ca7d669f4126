namespace SecurityGroups.FunctionalTests.Protocol;

public sealed class AccountIsolationTests(EmulatorFactory factory) : EmulatorTest(factory)
{
    [Fact]
    public async Task SecondAccount_SeesNoneOfTheFirstAccountsNetworks()
    {
        var vpcId = await CreateVpc();
        var vSwitchId = await CreateVSwitch(vpcId);

        using var list = Signers.Rpc("DescribeVpcs", AcsClient.VpcVersion, [("RegionId", "cn-hangzhou"), ("VpcId", vpcId)], "test2", "secret2");
        using var switches = Signers.Rpc("DescribeVSwitches", AcsClient.VpcVersion, [("VpcId", vpcId)], "test2", "secret2");
        using var delete = Signers.Rpc("DeleteVSwitch", AcsClient.VpcVersion, [("VSwitchId", vSwitchId)], "test2", "secret2");
        using var createIn = Signers.Rpc("CreateVSwitch", AcsClient.VpcVersion, [("VpcId", vpcId), ("ZoneId", "cn-hangzhou-h"), ("CidrBlock", "192.168.2.0/24")], "test2", "secret2");

        Assert.Equal(0, (await Client.Send(list)).Ok().GetProperty("TotalCount").GetInt32());
        Assert.Equal(0, (await Client.Send(switches)).Ok().GetProperty("TotalCount").GetInt32());
        (await Client.Send(delete)).Error("InvalidVSwitchId.NotFound", 404);
        (await Client.Send(createIn)).Error("InvalidVpcId.NotFound", 404);
        Assert.Equal(1, await VpcCount());
    }

    [Fact]
    public async Task Quota_IsCountedPerAccount()
    {
        for (var i = 0; i < 10; i++)
        {
            await CreateVpc($"10.{i}.0.0/16");
        }

        using var other = Signers.Rpc("CreateVpc", AcsClient.VpcVersion, [("RegionId", "cn-hangzhou")], "test2", "secret2");
        (await Client.Send(other)).Ok();
        (await Client.Vpc("CreateVpc", ("RegionId", "cn-hangzhou"))).Error("QuotaExceeded.Vpc", 400);
    }
}
