using System.Text.Json;

namespace SecurityGroups.FunctionalTests.Instances;

/// <summary>
/// <c>QueuePairNumber</c> of ENIs (Terraform's <c>queue_pair_number</c>, instance-level and in <c>network_interfaces</c>):
/// stored from RunInstances' <c>NetworkInterface.N</c> entries, CreateNetworkInterface and ModifyNetworkInterfaceAttribute
/// (<c>NetworkInterfaceTrafficConfig.QueuePairNumber</c>, the only place its model has it),
/// shown by DescribeNetworkInterfaces and DescribeNetworkInterfaceAttribute; 0-256 (docs/actions.md, "ENI options").
/// </summary>
public sealed class QueuePairNumberTests(EmulatorFactory factory) : InstanceTest(factory)
{
    private const string Region = "cn-hangzhou";

    private static (string, string) P(string name, string value) => (name, value);

    private async Task<JsonElement> Attribute(string eni) =>
        (await Client.Ecs("DescribeNetworkInterfaceAttribute", P("RegionId", Region), P("NetworkInterfaceId", eni))).Ok();

    [Fact]
    public async Task RunInstances_StoresThePrimaryAndSecondaryEntries()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var id = (await Client.Ecs("RunInstances", P("RegionId", Region), P("SecurityGroupId", group),
            P("NetworkInterface.1.InstanceType", "Primary"), P("NetworkInterface.1.VSwitchId", VSwitch), P("NetworkInterface.1.SecurityGroupId", group),
            P("NetworkInterface.1.QueuePairNumber", "8"),
            P("NetworkInterface.2.InstanceType", "Secondary"), P("NetworkInterface.2.VSwitchId", VSwitch), P("NetworkInterface.2.QueuePairNumber", "4")))
            .Ok().GetProperty("InstanceIdSets").GetProperty("InstanceIdSet")[0].GetString()!;

        var enis = (await Instance(id)).GetProperty("NetworkInterfaces").GetProperty("NetworkInterface").EnumerateArray()
            .ToDictionary(e => e.GetProperty("Type").GetString()!, e => e.GetProperty("NetworkInterfaceId").GetString()!);
        Assert.Equal(8, (await NetworkInterface(enis["Primary"])).GetProperty("QueuePairNumber").GetInt32());
        Assert.Equal(4, (await NetworkInterface(enis["Secondary"])).GetProperty("QueuePairNumber").GetInt32());
        var attribute = await Attribute(enis["Primary"]);
        Assert.Equal(8, attribute.GetProperty("QueuePairNumber").GetInt32());
        Assert.Equal(8, attribute.GetProperty("NetworkInterfaceTrafficConfig").GetProperty("QueuePairNumber").GetInt32());
    }

    [Fact]
    public async Task CreateAndModifyNetworkInterface_StoreIt_UnsetIsZero()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var plain = await Eni(P("SecurityGroupId", group));
        Assert.Equal(0, (await NetworkInterface(plain)).GetProperty("QueuePairNumber").GetInt32());

        var eni = await Eni(P("SecurityGroupId", group), P("QueuePairNumber", "22"));
        Assert.Equal(22, (await NetworkInterface(eni)).GetProperty("QueuePairNumber").GetInt32());
        var nested = await Eni(P("SecurityGroupId", group), P("NetworkInterfaceTrafficConfig.QueuePairNumber", "6"));
        Assert.Equal(6, (await Attribute(nested)).GetProperty("QueuePairNumber").GetInt32());

        (await Client.Ecs("ModifyNetworkInterfaceAttribute", P("RegionId", Region), P("NetworkInterfaceId", eni), P("NetworkInterfaceTrafficConfig.QueuePairNumber", "16"))).Ok();
        Assert.Equal(16, (await Attribute(eni)).GetProperty("QueuePairNumber").GetInt32());
        (await Client.Ecs("ModifyNetworkInterfaceAttribute", P("RegionId", Region), P("NetworkInterfaceId", eni), P("Description", "kept"))).Ok();
        Assert.Equal(16, (await NetworkInterface(eni)).GetProperty("QueuePairNumber").GetInt32());
    }

    [Fact]
    public async Task OutOfRange_IsRefused_AndNothingIsStored()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        (await Client.Ecs("CreateNetworkInterface", P("RegionId", Region), P("VSwitchId", VSwitch), P("SecurityGroupId", group), P("QueuePairNumber", "257")))
            .Error("InvalidParameter.QueuePairNumber", 400);
        (await Client.Ecs("CreateNetworkInterface", P("RegionId", Region), P("VSwitchId", VSwitch), P("SecurityGroupId", group), P("QueuePairNumber", "-1")))
            .Error("InvalidParameter.QueuePairNumber", 400);
        (await Client.Ecs("CreateNetworkInterface", P("RegionId", Region), P("VSwitchId", VSwitch), P("SecurityGroupId", group),
            P("NetworkInterfaceTrafficConfig.QueuePairNumber", "300"))).Error("InvalidParameter.QueuePairNumber", 400);
        (await Client.Ecs("CreateNetworkInterface", P("RegionId", Region), P("VSwitchId", VSwitch), P("SecurityGroupId", group), P("QueuePairNumber", "many")))
            .Error("InvalidParameter", 400);
        (await Client.Ecs("RunInstances", P("RegionId", Region), P("VSwitchId", VSwitch), P("SecurityGroupId", group),
            P("NetworkInterface.1.InstanceType", "Primary"), P("NetworkInterface.1.QueuePairNumber", "1000"))).Error("InvalidParameter.QueuePairNumber", 400);
        Assert.Equal(0, (await Client.Ecs("DescribeInstances", P("RegionId", Region))).Ok().GetProperty("TotalCount").GetInt32());

        var eni = await Eni(P("SecurityGroupId", group), P("QueuePairNumber", "2"));
        (await Client.Ecs("ModifyNetworkInterfaceAttribute", P("RegionId", Region), P("NetworkInterfaceId", eni), P("NetworkInterfaceTrafficConfig.QueuePairNumber", "257")))
            .Error("InvalidParameter.QueuePairNumber", 400);
        Assert.Equal(2, (await NetworkInterface(eni)).GetProperty("QueuePairNumber").GetInt32());
    }
}
