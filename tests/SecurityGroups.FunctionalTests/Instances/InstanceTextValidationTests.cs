namespace SecurityGroups.FunctionalTests.Instances;

/// <summary>Names, descriptions and free-text IDs of instances and ENIs: Alibaba's length and character rules with exact codes,
/// the longest accepted value kept whole on either storage (PostgreSQL has column lengths), one character more refused.</summary>
public sealed class InstanceTextValidationTests(EmulatorFactory factory) : InstanceTest(factory)
{
    private static string Text(int length) => "a" + new string('b', length - 1);

    public static TheoryData<string, string, string, int, string, int> TooLong => new()
    {
        { "RunInstances", "InstanceName", Text(129), 0, "InvalidInstanceName.Malformed", 400 },
        { "RunInstances", "InstanceName", "1st", 0, "InvalidInstanceName.Malformed", 400 },
        { "RunInstances", "Description", Text(257), 0, "InvalidDescription.Malformed", 400 },
        { "RunInstances", "Description", "http://x", 0, "InvalidDescription.Malformed", 400 },
        { "RunInstances", "SystemDisk.DiskName", Text(129), 0, "InvalidDiskName.Malformed", 400 },
        { "RunInstances", "SystemDisk.Description", Text(257), 0, "InvalidDiskDescription.Malformed", 400 },
        { "RunInstances", "KeyPairName", Text(129), 0, "InvalidKeyPairName.NotFound", 400 },
        { "RunInstances", "RamRoleName", Text(65), 0, "InvalidRamRole.NotFound", 404 },
        { "RunInstances", "DeploymentSetId", Text(65), 0, "InvalidDeploymentSetId.NotFound", 404 },
        { "RunInstances", "NetworkInterface.1.NetworkInterfaceName", Text(129), 0, "InvalidNetworkInterfaceName.Malformed", 400 },
        { "RunInstances", "NetworkInterface.1.Description", Text(257), 0, "InvalidDescription.Malformed", 400 },
        { "CreateInstance", "InstanceName", Text(129), 0, "InvalidInstanceName.Malformed", 400 },
        { "CreateInstance", "SystemDisk.Description", Text(257), 0, "InvalidDiskDescription.Malformed", 400 },
        { "ModifyInstanceAttribute", "InstanceName", Text(129), 1, "InvalidInstanceName.Malformed", 400 },
        { "ModifyInstanceAttribute", "Description", Text(257), 1, "InvalidDescription.Malformed", 400 },
        { "CreateNetworkInterface", "NetworkInterfaceName", Text(129), 0, "InvalidNetworkInterfaceName.Malformed", 400 },
        { "CreateNetworkInterface", "Description", Text(257), 0, "InvalidDescription.Malformed", 400 },
        { "ModifyInstanceDeployment", "DeploymentSetId", Text(65), 1, "InvalidDeploymentSetId.NotFound", 404 },
        { "CreateSecurityGroup", "ResourceGroupId", Text(65), 0, "InvalidResourceGroup.NotFound", 404 },
    };

    [Theory]
    [MemberData(nameof(TooLong))]
    public async Task OneCharacterTooMany_IsRefusedWithAlibabasCode_AndNothingIsCreated(string action, string key, string value, int onInstance,
        string code, int status)
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var instance = onInstance == 1 ? (await Run(group))[0] : "";
        var before = (await Client.Ecs("DescribeInstances", ("RegionId", "cn-hangzhou"))).Ok().GetProperty("TotalCount").GetInt32();
        var groups = (await DescribeGroups()).GetProperty("TotalCount").GetInt32();
        (string, string)[] context = [("RegionId", "cn-hangzhou"), ("VSwitchId", VSwitch), ("SecurityGroupId", group), ("InstanceId", instance),
            ("DeploymentSetId", "ds-ok")];
        (await Client.Ecs(action, [.. context.Where(c => c.Item1 != key && (c.Item2.Length > 0)), (key, value)])).Error(code, status);
        Assert.Equal(before, (await Client.Ecs("DescribeInstances", ("RegionId", "cn-hangzhou"))).Ok().GetProperty("TotalCount").GetInt32());
        Assert.Equal(groups, (await DescribeGroups()).GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task TheLongestAcceptedValues_AreKeptWhole()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var id = (await Run(group, 1, ("InstanceName", Text(128)), ("Description", Text(256)), ("SystemDisk.DiskName", Text(128)),
            ("SystemDisk.Description", Text(256)), ("KeyPairName", Text(128)), ("RamRoleName", Text(64)), ("DeploymentSetId", Text(64))))[0];
        var instance = await Instance(id);
        Assert.Equal((Text(128), Text(256), Text(128), Text(64)), (instance.GetProperty("InstanceName").GetString(), instance.GetProperty("Description").GetString(),
            instance.GetProperty("KeyPairName").GetString(), instance.GetProperty("DeploymentSetId").GetString()));
        var disk = (await Client.Ecs("DescribeDisks", ("RegionId", "cn-hangzhou"), ("InstanceId", id))).Ok().GetProperty("Disks").GetProperty("Disk")[0];
        Assert.Equal((Text(128), Text(256)), (disk.GetProperty("DiskName").GetString(), disk.GetProperty("Description").GetString()));

        var eni = await Eni(("SecurityGroupId", group), ("NetworkInterfaceName", Text(128)), ("Description", Text(256)));
        var shown = await NetworkInterface(eni);
        Assert.Equal((Text(128), Text(256)), (shown.GetProperty("NetworkInterfaceName").GetString(), shown.GetProperty("Description").GetString()));
        (await Client.Ecs("ModifyInstanceAttribute", ("InstanceId", id), ("InstanceName", "b" + Text(127)), ("Description", "b" + Text(255)))).Ok();
        Assert.Equal("b" + Text(127), (await Instance(id)).GetProperty("InstanceName").GetString());
    }
}
