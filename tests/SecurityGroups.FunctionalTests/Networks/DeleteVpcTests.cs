namespace SecurityGroups.FunctionalTests.Networks;

public sealed class DeleteVpcTests(EmulatorFactory factory) : EmulatorTest(factory)
{
    [Fact]
    public async Task DeleteVpc_RemovesItAndItsTags()
    {
        var vpcId = await CreateVpc("10.0.0.0/8", "cn-hangzhou", ("Tag.1.Key", "k"));

        (await Client.Vpc("DeleteVpc", ("VpcId", vpcId))).Ok();

        Assert.Equal(0, await VpcCount());
        (await Client.Vpc("DeleteVpc", ("VpcId", vpcId))).Error("InvalidVpcId.NotFound", 404);
    }

    [Fact]
    public async Task DeleteVpc_WithVSwitches_IsDependencyViolationVSwitch()
    {
        var vpcId = await CreateVpc();
        await CreateVSwitch(vpcId);

        (await Client.Vpc("DeleteVpc", ("RegionId", "cn-hangzhou"), ("VpcId", vpcId))).Error("DependencyViolation.VSwitch", 400);
        Assert.Equal(1, await VpcCount());
    }

    [Fact]
    public async Task DeleteVpc_InAnotherRegion_IsNotFound()
    {
        var vpcId = await CreateVpc();
        (await Client.Vpc("DeleteVpc", ("RegionId", "cn-shanghai"), ("VpcId", vpcId))).Error("InvalidVpcId.NotFound", 404);
    }

    [Fact]
    public async Task DeleteVpc_WithoutVpcId_IsMissingParameter()
    {
        (await Client.Vpc("DeleteVpc", ("RegionId", "cn-hangzhou"))).Error("MissingParameter", 400);
    }

    [Fact]
    public async Task DeleteVpc_DryRun_KeepsTheVpc()
    {
        var vpcId = await CreateVpc();
        (await Client.Vpc("DeleteVpc", ("VpcId", vpcId), ("DryRun", "true"))).Error("DryRunOperation", 400);
        Assert.Equal(1, await VpcCount());
    }
}
