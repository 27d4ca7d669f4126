using System.Text.Json;

namespace SecurityGroups.FunctionalTests.Instances;

/// <summary>A VPC with a /24 vSwitch and helpers to launch instances and ENIs.</summary>
public abstract class InstanceTest(EmulatorFactory factory) : EmulatorTest(factory)
{
    protected string Vpc { get; private set; } = "";

    protected string VSwitch { get; private set; } = "";

    protected AcsClient Acs => Client;

    protected async Task Arrange()
    {
        Vpc = await CreateVpc();
        VSwitch = await CreateVSwitch(Vpc);
    }

    protected async Task<List<string>> Run(string group, int amount = 1, params (string, string)[] extra) =>
        (await Client.Ecs("RunInstances", [("RegionId", "cn-hangzhou"), ("VSwitchId", VSwitch), ("SecurityGroupId", group), ("Amount", amount.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. extra]))
            .Ok().GetProperty("InstanceIdSets").GetProperty("InstanceIdSet").EnumerateArray().Select(i => i.GetString()!).ToList();

    protected async Task<string> Eni(params (string, string)[] parameters) =>
        (await Client.Ecs("CreateNetworkInterface", [("RegionId", "cn-hangzhou"), ("VSwitchId", VSwitch), .. parameters])).Ok().GetProperty("NetworkInterfaceId").GetString()!;

    protected async Task<JsonElement> Instance(string id) =>
        (await Client.Ecs("DescribeInstances", ("RegionId", "cn-hangzhou"), ("InstanceIds", JsonSerializer.Serialize(new[] { id })))).Ok()
            .GetProperty("Instances").GetProperty("Instance")[0];

    protected async Task<JsonElement> NetworkInterface(string id) =>
        (await Client.Ecs("DescribeNetworkInterfaces", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId.1", id))).Ok()
            .GetProperty("NetworkInterfaceSets").GetProperty("NetworkInterfaceSet")[0];

    protected async Task<List<string>> GroupsOf(string instanceId) =>
        (await Instance(instanceId)).GetProperty("SecurityGroupIds").GetProperty("SecurityGroupId").EnumerateArray().Select(g => g.GetString()!).ToList();

    protected async Task<JsonElement> Group(string id) =>
        (await DescribeGroups(("SecurityGroupId", id))).GetProperty("SecurityGroups").GetProperty("SecurityGroup")[0];
}
