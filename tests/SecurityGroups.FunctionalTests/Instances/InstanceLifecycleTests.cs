using System.Text.Json;

namespace SecurityGroups.FunctionalTests.Instances;

public sealed class InstanceLifecycleTests(EmulatorFactory factory) : InstanceTest(factory)
{
    [Fact]
    public async Task RunInstances_LaunchesRunningInstancesWithAPrimaryEniAndIp()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);

        var ids = await Run(group, 2, ("InstanceName", "web"), ("Tag.1.Key", "role"), ("Tag.1.Value", "web"));

        Assert.Equal(2, ids.Count);
        Assert.All(ids, id => Assert.Matches("^i-[a-z0-9]{20}$", id));
        var instance = await Instance(ids[0]);
        Assert.Equal("Running", instance.GetProperty("Status").GetString());
        Assert.Equal("web", instance.GetProperty("InstanceName").GetString());
        Assert.Equal("cn-hangzhou-h", instance.GetProperty("ZoneId").GetString());
        Assert.Equal(Vpc, instance.GetProperty("VpcAttributes").GetProperty("VpcId").GetString());
        Assert.Equal(VSwitch, instance.GetProperty("VpcAttributes").GetProperty("VSwitchId").GetString());
        Assert.Equal("192.168.1.1", instance.GetProperty("VpcAttributes").GetProperty("PrivateIpAddress").GetProperty("IpAddress")[0].GetString());
        Assert.Equal([group], instance.GetProperty("SecurityGroupIds").GetProperty("SecurityGroupId").EnumerateArray().Select(g => g.GetString()));
        var eni = instance.GetProperty("NetworkInterfaces").GetProperty("NetworkInterface")[0];
        Assert.Equal("Primary", eni.GetProperty("Type").GetString());
        Assert.Matches("^eni-[a-z0-9]{20}$", eni.GetProperty("NetworkInterfaceId").GetString());
        Assert.Equal("role", instance.GetProperty("Tags").GetProperty("Tag")[0].GetProperty("TagKey").GetString());
        Assert.Equal("192.168.1.2", (await Instance(ids[1])).GetProperty("VpcAttributes").GetProperty("PrivateIpAddress").GetProperty("IpAddress")[0].GetString());
        var listed = await Group(group);
        Assert.Equal(2, listed.GetProperty("EcsCount").GetInt32());
        Assert.Equal(5998, listed.GetProperty("AvailableInstanceAmount").GetInt64());
        Assert.Equal(250, (await Client.Vpc("DescribeVSwitches", ("VpcId", Vpc))).Ok().GetProperty("VSwitches").GetProperty("VSwitch")[0].GetProperty("AvailableIpAddressCount").GetInt64());
    }

    [Fact]
    public async Task RunInstances_Refusals()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var otherVpcGroup = await CreateGroup(await CreateVpc("10.0.0.0/8"));

        (await Client.Ecs("RunInstances", ("RegionId", "cn-hangzhou"), ("VSwitchId", "vsw-nope"), ("SecurityGroupId", group))).Error("InvalidVSwitchId.NotFound", 404);
        (await Client.Ecs("RunInstances", ("RegionId", "cn-hangzhou"), ("VSwitchId", VSwitch))).Error("MissingParameter.SecurityGroupId", 400);
        (await Client.Ecs("RunInstances", ("RegionId", "cn-hangzhou"), ("VSwitchId", VSwitch), ("SecurityGroupId", "sg-nope"))).Error("InvalidSecurityGroupId.NotFound", 404);
        (await Client.Ecs("RunInstances", ("RegionId", "cn-hangzhou"), ("VSwitchId", VSwitch), ("SecurityGroupId", otherVpcGroup))).Error("InvalidParameter.Mismatch", 400);
        (await Client.Ecs("RunInstances", ("RegionId", "cn-hangzhou"), ("VSwitchId", VSwitch), ("SecurityGroupId", group), ("Amount", "101"))).Error("InvalidParameter.Amount", 400);
        (await Client.Ecs("RunInstances", ("RegionId", "cn-hangzhou"), ("VSwitchId", VSwitch), ("SecurityGroupId", group), ("Amount", "2"), ("PrivateIpAddress", "192.168.1.9"))).Error("InvalidParameter.Amount", 400);
        (await Client.Ecs("RunInstances", ("RegionId", "cn-hangzhou"), ("VSwitchId", VSwitch), ("SecurityGroupId", group), ("ZoneId", "cn-hangzhou-i"))).Error("InvalidParameter.ZoneId", 400);
        (await Client.Ecs("RunInstances", ("RegionId", "cn-hangzhou"), ("VSwitchId", VSwitch), ("SecurityGroupId", group), ("PrivateIpAddress", "10.0.0.1"))).Error("InvalidPrivateIpAddress.Mismatch", 400);
        (await Client.Ecs("RunInstances", ("RegionId", "cn-hangzhou"), ("VSwitchId", VSwitch), ("SecurityGroupId", group), ("DryRun", "true"))).Error("DryRunOperation", 400);
        await Run(group, 1, ("PrivateIpAddress", "192.168.1.50"));
        (await Client.Ecs("RunInstances", ("RegionId", "cn-hangzhou"), ("VSwitchId", VSwitch), ("SecurityGroupId", group), ("PrivateIpAddress", "192.168.1.50"))).Error("InvalidPrivateIpAddress.Duplicated", 400);
        Assert.Equal(1, (await Client.Ecs("DescribeInstances", ("RegionId", "cn-hangzhou"))).Ok().GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task CreateInstance_IsStopped_ThenStartStop()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var id = (await Client.Ecs("CreateInstance", ("RegionId", "cn-hangzhou"), ("VSwitchId", VSwitch), ("SecurityGroupId", group))).Ok().GetProperty("InstanceId").GetString()!;

        Assert.Equal("Stopped", (await Instance(id)).GetProperty("Status").GetString());
        (await Client.Ecs("StopInstance", ("InstanceId", id))).Error("IncorrectInstanceStatus", 403);
        (await Client.Ecs("StartInstance", ("InstanceId", id))).Ok();
        Assert.Equal("Running", (await Instance(id)).GetProperty("Status").GetString());
        (await Client.Ecs("StartInstance", ("InstanceId", id))).Error("IncorrectInstanceStatus", 403);
        (await Client.Ecs("StopInstance", ("InstanceId", id))).Ok();
        (await Client.Ecs("StartInstance", ("InstanceId", "i-nope"))).Error("InvalidInstanceId.NotFound", 404);
    }

    [Fact]
    public async Task DeleteInstance_ReleasesThePrimaryEniAndTheDeleteOnReleaseOnes_AndDetachesTheOthers()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var id = (await Run(group))[0];
        var released = await Eni(("SecurityGroupId", group));
        var kept = await Eni(("SecurityGroupId", group), ("DeleteOnRelease", "false"));
        var changed = await Eni(("SecurityGroupId", group));
        (await Client.Ecs("ModifyNetworkInterfaceAttribute", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", changed), ("DeleteOnRelease", "false"))).Ok();
        foreach (var eni in new[] { released, kept, changed })
        {
            (await Client.Ecs("AttachNetworkInterface", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", eni), ("InstanceId", id))).Ok();
        }

        (await Client.Ecs("DeleteInstance", ("InstanceId", id))).Error("IncorrectInstanceStatus", 403);
        (await Client.Ecs("DeleteInstance", ("InstanceId", id), ("Force", "true"))).Ok();

        Assert.Equal(0, (await Client.Ecs("DescribeInstances", ("RegionId", "cn-hangzhou"))).Ok().GetProperty("TotalCount").GetInt32());
        var left = (await Client.Ecs("DescribeNetworkInterfaces", ("RegionId", "cn-hangzhou"))).Ok().GetProperty("NetworkInterfaceSets").GetProperty("NetworkInterfaceSet");
        Assert.Equal(new[] { kept, changed }.Order(StringComparer.Ordinal),
            left.EnumerateArray().Select(e => e.GetProperty("NetworkInterfaceId").GetString()).Order(StringComparer.Ordinal));
        Assert.All(left.EnumerateArray(), e => Assert.Equal(("Available", "", false),
            (e.GetProperty("Status").GetString(), e.GetProperty("InstanceId").GetString(), e.GetProperty("DeleteOnRelease").GetBoolean())));
        (await Client.Ecs("DeleteNetworkInterface", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", released))).Error("InvalidEniId.NotFound", 404);
        Assert.Equal(0, (await Group(group)).GetProperty("EcsCount").GetInt32());
        (await Client.Ecs("DeleteSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group))).Error("DependencyViolation", 403);
        (await Client.Ecs("DeleteNetworkInterface", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", kept))).Ok();
        (await Client.Ecs("DeleteNetworkInterface", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", changed))).Ok();
        (await Client.Ecs("DeleteSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group))).Ok();
        (await Client.Vpc("DeleteVSwitch", ("VSwitchId", VSwitch))).Ok();
    }

    [Fact]
    public async Task DeleteInstance_ReleasesTheSecondaryEnisOfRunInstances_UnlessDeleteOnReleaseIsFalse()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var id = (await Run(group, 1, ("NetworkInterface.1.NetworkInterfaceName", "goes"),
            ("NetworkInterface.2.NetworkInterfaceName", "stays"), ("NetworkInterface.2.DeleteOnRelease", "false")))[0];
        var enis = (await Client.Ecs("DescribeNetworkInterfaces", ("RegionId", "cn-hangzhou"), ("InstanceId", id))).Ok()
            .GetProperty("NetworkInterfaceSets").GetProperty("NetworkInterfaceSet").EnumerateArray()
            .ToDictionary(e => e.GetProperty("NetworkInterfaceName").GetString()!, e => (e.GetProperty("NetworkInterfaceId").GetString()!, e.GetProperty("DeleteOnRelease").GetBoolean()));
        Assert.True(enis["goes"].Item2);
        Assert.False(enis["stays"].Item2);
        var addresses = (await Client.Vpc("DescribeVSwitchAttributes", ("RegionId", "cn-hangzhou"), ("VSwitchId", VSwitch))).Ok().GetProperty("AvailableIpAddressCount").GetInt64();

        (await Client.Ecs("DeleteInstance", ("InstanceId", id), ("Force", "true"))).Ok();

        var left = (await Client.Ecs("DescribeNetworkInterfaces", ("RegionId", "cn-hangzhou"))).Ok().GetProperty("NetworkInterfaceSets").GetProperty("NetworkInterfaceSet");
        Assert.Equal(enis["stays"].Item1, Assert.Single(left.EnumerateArray()).GetProperty("NetworkInterfaceId").GetString());
        Assert.Equal("Available", left[0].GetProperty("Status").GetString());
        Assert.Equal([group], left[0].GetProperty("SecurityGroupIds").GetProperty("SecurityGroupId").EnumerateArray().Select(g => g.GetString()));
        // The primary ENI's and the released ENI's addresses are free again; the kept ENI keeps its own.
        Assert.Equal(addresses + 2, (await Client.Vpc("DescribeVSwitchAttributes", ("RegionId", "cn-hangzhou"), ("VSwitchId", VSwitch))).Ok()
            .GetProperty("AvailableIpAddressCount").GetInt64());
    }

    /// <summary>Terraform's alicloud_instance reads DescribeInstances' secondary ENIs into its <c>network_interfaces</c> list and compares
    /// it with the configuration in order: they come by device index (the order of <c>NetworkInterface.N</c>), after the primary.</summary>
    [Fact]
    public async Task DescribeInstances_ListsThePrimaryEniThenTheSecondariesByDeviceIndex()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        string[] names = ["first", "second", "third", "fourth"];
        var ids = await Run(group, 2, [.. names.Select((n, i) => ($"NetworkInterface.{i + 1}.NetworkInterfaceName", n))]);
        foreach (var id in ids)
        {
            var listed = (await Instance(id)).GetProperty("NetworkInterfaces").GetProperty("NetworkInterface").EnumerateArray().ToList();
            Assert.Equal(["Primary", "Secondary", "Secondary", "Secondary", "Secondary"], listed.Select(n => n.GetProperty("Type").GetString()));
            var enis = new List<(string?, int)>();
            foreach (var item in listed.Skip(1))
            {
                var eni = await NetworkInterface(item.GetProperty("NetworkInterfaceId").GetString()!);
                enis.Add((eni.GetProperty("NetworkInterfaceName").GetString(), eni.GetProperty("Attachment").GetProperty("DeviceIndex").GetInt32()));
            }

            Assert.Equal([("first", 1), ("second", 2), ("third", 3), ("fourth", 4)], enis);
        }
    }

    [Fact]
    public async Task DeleteInstances_IsAllOrNone()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var ids = await Run(group, 2);
        (await Client.Ecs("StopInstance", ("InstanceId", ids[0]))).Ok();

        (await Client.Ecs("DeleteInstances", ("RegionId", "cn-hangzhou"), ("InstanceId.1", ids[0]), ("InstanceId.2", ids[1]))).Error("IncorrectInstanceStatus", 403);
        Assert.Equal(2, (await Client.Ecs("DescribeInstances", ("RegionId", "cn-hangzhou"))).Ok().GetProperty("TotalCount").GetInt32());
        (await Client.Ecs("DeleteInstances", ("RegionId", "cn-hangzhou"), ("InstanceId.1", ids[0]), ("InstanceId.2", ids[1]), ("Force", "true"))).Ok();
        Assert.Equal(0, (await Client.Ecs("DescribeInstances", ("RegionId", "cn-hangzhou"))).Ok().GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task TeardownInTheWrongOrder_GetsAlibabasRefusals()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        await Run(group);

        (await Client.Vpc("DeleteVpc", ("VpcId", Vpc))).Error("DependencyViolation.VSwitch", 400);
        (await Client.Vpc("DeleteVSwitch", ("VSwitchId", VSwitch))).Error("DependencyViolation", 400);
        (await Client.Ecs("DeleteSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group))).Error("DependencyViolation", 403);
    }

    [Fact]
    public async Task DescribeInstances_Filters()
    {
        await Arrange();
        var a = await CreateGroup(Vpc);
        var b = await CreateGroup(Vpc);
        var inA = (await Run(a, 1, ("InstanceName", "one")))[0];
        var inB = (await Run(b, 1, ("InstanceName", "two")))[0];

        Assert.Equal(inA, (await Client.Ecs("DescribeInstances", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", a))).Ok().GetProperty("Instances").GetProperty("Instance")[0].GetProperty("InstanceId").GetString());
        Assert.Equal(inB, (await Client.Ecs("DescribeInstances", ("RegionId", "cn-hangzhou"), ("InstanceName", "two"))).Ok().GetProperty("Instances").GetProperty("Instance")[0].GetProperty("InstanceId").GetString());
        Assert.Equal(2, (await Client.Ecs("DescribeInstances", ("RegionId", "cn-hangzhou"), ("VpcId", Vpc), ("VSwitchId", VSwitch), ("Status", "Running"))).Ok().GetProperty("TotalCount").GetInt32());
        Assert.Equal(inA, (await Client.Ecs("DescribeInstances", ("RegionId", "cn-hangzhou"), ("PrivateIpAddresses", "[\"192.168.1.1\"]"))).Ok().GetProperty("Instances").GetProperty("Instance")[0].GetProperty("InstanceId").GetString());
        var page = (await Client.Ecs("DescribeInstances", ("RegionId", "cn-hangzhou"), ("MaxResults", "1"))).Ok();
        Assert.False(page.TryGetProperty("TotalCount", out _));
        var next = (await Client.Ecs("DescribeInstances", ("RegionId", "cn-hangzhou"), ("MaxResults", "1"), ("NextToken", page.GetProperty("NextToken").GetString()!))).Ok();
        Assert.NotEqual(page.GetProperty("Instances").GetProperty("Instance")[0].GetProperty("InstanceId").GetString(), next.GetProperty("Instances").GetProperty("Instance")[0].GetProperty("InstanceId").GetString());
        (await Client.Ecs("DescribeInstances", ("RegionId", "cn-hangzhou"), ("InstanceIds", "not json"))).Error("InvalidInstanceIds.Malformed", 400);
    }

    [Theory]
    [InlineData("i:i-bp1abc")] // the form before positions carried the creation time
    [InlineData("i:123|")]
    [InlineData("i:|i-bp1abc")]
    [InlineData("i:-5|i-bp1abc")]
    [InlineData("i:99999999999999999999|i-bp1abc")]
    [InlineData("sg:123|i-bp1abc")]
    public async Task DescribeInstances_ForgedNextToken_IsInvalidParameter(string text)
    {
        await Arrange();
        var token = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        (await Client.Ecs("DescribeInstances", ("RegionId", "cn-hangzhou"), ("MaxResults", "2"), ("NextToken", token))).Error("InValidParameter.NextToken", 400);
    }

    [Fact]
    public async Task SecurityGroupIdFilter_ListsExactlyTheGroupsMembers_InstancesAndEnis()
    {
        await Arrange();
        var a = await CreateGroup(Vpc);
        var b = await CreateGroup(Vpc);
        var inA = await Run(a, 2);
        var inB = await Run(b, 1);
        var inBoth = (await Client.Ecs("RunInstances", ("RegionId", "cn-hangzhou"), ("VSwitchId", VSwitch), ("SecurityGroupIds.1", b), ("SecurityGroupIds.2", a)))
            .Ok().GetProperty("InstanceIdSets").GetProperty("InstanceIdSet")[0].GetString()!;
        var loose = await Eni(("SecurityGroupId", a));
        List<string> Ids(JsonElement page, string list, string item, string id) =>
            page.GetProperty(list).GetProperty(item).EnumerateArray().Select(e => e.GetProperty(id).GetString()!).Order(StringComparer.Ordinal).ToList();
        async Task<List<string>> Instances(string group, params (string, string)[] paging) =>
            Ids((await Client.Ecs("DescribeInstances", [("RegionId", "cn-hangzhou"), ("SecurityGroupId", group), .. paging])).Ok(), "Instances", "Instance", "InstanceId");

        Assert.Equal(inA.Append(inBoth).Order(StringComparer.Ordinal).ToList(), await Instances(a));
        Assert.Equal(inA.Append(inBoth).Order(StringComparer.Ordinal).ToList(), await Instances(a, ("PageSize", "10"), ("PageNumber", "1")));
        Assert.Equal(inB.Append(inBoth).Order(StringComparer.Ordinal).ToList(), await Instances(b, ("MaxResults", "10")));
        var enisOfA = Ids((await Client.Ecs("DescribeNetworkInterfaces", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", a))).Ok(),
            "NetworkInterfaceSets", "NetworkInterfaceSet", "NetworkInterfaceId");
        Assert.Equal(4, enisOfA.Count);
        Assert.Contains(loose, enisOfA);
        Assert.Equal(2, (await Client.Ecs("DescribeNetworkInterfaces", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", b))).Ok()
            .GetProperty("NetworkInterfaceSets").GetProperty("NetworkInterfaceSet").GetArrayLength());
    }
}
