using System.Text.Json;

namespace SecurityGroups.FunctionalTests.Instances;

/// <summary>Issue 18: the instance and ENI Actions, fields and filters the SDK models declare.</summary>
public sealed class InstanceModelTests(EmulatorFactory factory) : InstanceTest(factory)
{
    private const string Region = "cn-hangzhou";

    private static (string, string) P(string name, string value) => (name, value);

    private async Task<string> Status(string id) =>
        (await Client.Ecs("DescribeInstanceStatus", P("RegionId", Region), P("InstanceId.1", id))).Ok()
            .GetProperty("InstanceStatuses").GetProperty("InstanceStatus")[0].GetProperty("Status").GetString()!;

    [Fact]
    public async Task StartStopRebootInstances_AllTogetherSuccessFirstAndDryRun()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var ids = await Run(group, 2);

        (await Client.Ecs("StartInstances", P("RegionId", Region), P("InstanceId.1", ids[0]))).Error("IncorrectInstanceStatus", 403);
        (await Client.Ecs("StopInstances", P("RegionId", Region), P("InstanceId.1", ids[0]), P("InstanceId.2", "i-nosuch"))).Error("InvalidInstanceId.NotFound", 404);
        Assert.Equal("Running", await Status(ids[0])); // all or none
        (await Client.Ecs("StopInstances", P("RegionId", Region), P("InstanceId.1", ids[0]), P("DryRun", "true"))).Error("DryRunOperation", 400);
        Assert.Equal("Running", await Status(ids[0]));
        (await Client.Ecs("StopInstances", P("RegionId", Region), P("InstanceId.1", ids[0]), P("BatchOptimization", "Sometimes"))).Error("InvalidParameter", 400);
        (await Client.Ecs("StopInstances", P("RegionId", Region), P("InstanceId.1", ids[0]), P("StoppedMode", "Never"))).Error("InvalidParameter", 400);

        var stopped = (await Client.Ecs("StopInstances", P("RegionId", Region), P("InstanceId.1", ids[0]), P("StoppedMode", "StopCharging"))).Ok()
            .GetProperty("InstanceResponses").GetProperty("InstanceResponse")[0];
        Assert.Equal(("200", "Running", "Stopping"), (stopped.GetProperty("Code").GetString(), stopped.GetProperty("PreviousStatus").GetString(),
            stopped.GetProperty("CurrentStatus").GetString()));
        Assert.Equal("Stopped", await Status(ids[0]));
        Assert.Equal("StopCharging", (await Instance(ids[0])).GetProperty("StoppedMode").GetString());

        var mixed = (await Client.Ecs("StartInstances", P("RegionId", Region), P("InstanceId.1", ids[0]), P("InstanceId.2", ids[1]),
            P("InstanceId.3", "i-nosuch"), P("BatchOptimization", "SuccessFirst"))).Ok().GetProperty("InstanceResponses").GetProperty("InstanceResponse");
        Assert.Equal(["200", "IncorrectInstanceStatus", "InvalidInstanceId.NotFound"], mixed.EnumerateArray().Select(r => r.GetProperty("Code").GetString()));
        Assert.Equal("Starting", mixed[0].GetProperty("CurrentStatus").GetString());
        Assert.Equal("Running", await Status(ids[0]));

        var dry = (await Client.Ecs("RebootInstances", P("RegionId", Region), P("InstanceId.1", ids[1]), P("DryRun", "true"), P("BatchOptimization", "SuccessFirst")))
            .Ok().GetProperty("InstanceResponses").GetProperty("InstanceResponse")[0];
        Assert.Equal("DRYRUN.SUCCESS", dry.GetProperty("Code").GetString());
        var rebooted = (await Client.Ecs("RebootInstances", P("RegionId", Region), P("InstanceId.1", ids[1]))).Ok()
            .GetProperty("InstanceResponses").GetProperty("InstanceResponse")[0];
        Assert.Equal(("Running", "Stopping"), (rebooted.GetProperty("PreviousStatus").GetString(), rebooted.GetProperty("CurrentStatus").GetString()));
        Assert.Equal("Running", await Status(ids[1]));

        (await Client.Ecs("RebootInstance", P("InstanceId", ids[1]), P("DryRun", "true"))).Error("DryRunOperation", 400);
        (await Client.Ecs("StopInstance", P("InstanceId", ids[1]))).Ok();
        (await Client.Ecs("RebootInstance", P("InstanceId", ids[1]))).Error("IncorrectInstanceStatus", 403);
        (await Client.Ecs("RebootInstance", P("InstanceId", "i-nosuch"))).Error("InvalidInstanceId.NotFound", 404);
        (await Client.Ecs("StartInstances", P("RegionId", Region))).Error("MissingParameter", 400);
    }

    /// <summary>Terraform's alicloud provider stops an instance for every vswitch_id / private_ip change with <c>StoppedMode</c> taken
    /// from its state, which holds DescribeInstances' <c>Not-applicable</c> of the running instance: accepted, as the default mode.</summary>
    [Fact]
    public async Task StopInstance_StoppedModeNotApplicable_IsTheDefaultMode()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var ids = await Run(group, 2);
        Assert.Equal("Not-applicable", (await Instance(ids[0])).GetProperty("StoppedMode").GetString());

        (await Client.Ecs("StopInstance", P("RegionId", Region), P("InstanceId", ids[0]), P("ForceStop", "false"), P("StoppedMode", "Not-applicable"))).Ok();
        Assert.Equal(("Stopped", "KeepCharging"), await StatusAndMode(ids[0]));

        (await Client.Ecs("StopInstances", P("RegionId", Region), P("InstanceId.1", ids[1]), P("StoppedMode", "Not-applicable"))).Ok();
        Assert.Equal(("Stopped", "KeepCharging"), await StatusAndMode(ids[1]));

        (await Client.Ecs("StartInstance", P("InstanceId", ids[0]))).Ok();
        (await Client.Ecs("StopInstance", P("InstanceId", ids[0]), P("StoppedMode", "not-applicable"))).Error("InvalidParameter", 400);
        Assert.Equal(("Running", "Not-applicable"), await StatusAndMode(ids[0]));
    }

    private async Task<(string?, string?)> StatusAndMode(string id)
    {
        var instance = await Instance(id);
        return (instance.GetProperty("Status").GetString(), instance.GetProperty("StoppedMode").GetString());
    }

    [Theory]
    [InlineData("StartInstances", "")]
    [InlineData("StopInstances", "  ")]
    [InlineData("RebootInstances", "\t")]
    public async Task BatchInstanceActions_WithABlankInstanceId_AreNotFound_AndChangeNothing(string action, string blank)
    {
        await Arrange();
        var id = (await Run(await CreateGroup(Vpc)))[0];

        (await Client.Ecs(action, P("RegionId", Region), P("InstanceId.1", blank), P("InstanceId.2", id))).Error("InvalidInstanceId.NotFound", 404);
        Assert.Equal("Running", await Status(id));

        var each = (await Client.Ecs(action, P("RegionId", Region), P("InstanceId.1", blank), P("BatchOptimization", "SuccessFirst"))).Ok()
            .GetProperty("InstanceResponses").GetProperty("InstanceResponse");
        Assert.Equal("InvalidInstanceId.NotFound", Assert.Single(each.EnumerateArray()).GetProperty("Code").GetString());
    }

    [Fact]
    public async Task DescribeInstanceStatus_PagesTheRegionsInstances()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var ids = await Run(group, 3);
        var page = (await Client.Ecs("DescribeInstanceStatus", P("RegionId", Region), P("PageSize", "2"), P("PageNumber", "2"))).Ok();
        Assert.Equal((3, 2, 2), (page.GetProperty("TotalCount").GetInt32(), page.GetProperty("PageNumber").GetInt32(), page.GetProperty("PageSize").GetInt32()));
        Assert.Single(page.GetProperty("InstanceStatuses").GetProperty("InstanceStatus").EnumerateArray());
        Assert.Equal(0, (await Client.Ecs("DescribeInstanceStatus", P("RegionId", Region), P("ZoneId", "cn-hangzhou-i"))).Ok().GetProperty("TotalCount").GetInt32());
        (await Client.Ecs("DescribeInstanceStatus", P("RegionId", Region), P("PageSize", "51"))).Error("InvalidPageSize.Malformed", 400);
        (await Client.Ecs("DescribeInstanceStatus")).Error("MissingParameter", 400);
        Assert.Equal(ids.Order(StringComparer.Ordinal), (await Client.Ecs("DescribeInstanceStatus", P("RegionId", Region))).Ok()
            .GetProperty("InstanceStatuses").GetProperty("InstanceStatus").EnumerateArray().Select(s => s.GetProperty("InstanceId").GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ModifyInstanceVpcAttribute_MovesAStoppedInstance()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var id = (await Run(group))[0];
        var sibling = await CreateVSwitch(Vpc, "192.168.2.0/24");
        var otherZone = await CreateVSwitch(Vpc, "192.168.3.0/24", "cn-hangzhou-i");
        var otherVpc = await CreateVpc("10.0.0.0/16");
        var otherVsw = await CreateVSwitch(otherVpc, "10.0.1.0/24");
        var otherGroup = await CreateGroup(otherVpc);

        (await Client.Ecs("ModifyInstanceVpcAttribute", P("InstanceId", id), P("VSwitchId", sibling))).Error("IncorrectInstanceStatus", 403);
        (await Client.Ecs("StopInstance", P("InstanceId", id))).Ok();
        (await Client.Ecs("ModifyInstanceVpcAttribute", P("InstanceId", id), P("VSwitchId", otherZone))).Error("InvalidVSwitchId.Mismatch", 400);
        (await Client.Ecs("ModifyInstanceVpcAttribute", P("InstanceId", id), P("VSwitchId", otherVsw))).Error("InvalidVSwitchId.NotFound", 404);
        (await Client.Ecs("ModifyInstanceVpcAttribute", P("InstanceId", id), P("VSwitchId", otherVsw), P("VpcId", otherVpc))).Error("MissingParameter.SecurityGroupId", 400);
        (await Client.Ecs("ModifyInstanceVpcAttribute", P("InstanceId", id), P("VSwitchId", "vsw-nosuch"))).Error("InvalidVSwitchId.NotFound", 404);
        (await Client.Ecs("ModifyInstanceVpcAttribute", P("InstanceId", id))).Error("MissingParameter", 400);

        (await Client.Ecs("ModifyInstanceVpcAttribute", P("InstanceId", id), P("VSwitchId", sibling), P("PrivateIpAddress", "192.168.2.77"))).Ok();
        var moved = await Instance(id);
        Assert.Equal(sibling, moved.GetProperty("VpcAttributes").GetProperty("VSwitchId").GetString());
        Assert.Equal("192.168.2.77", moved.GetProperty("VpcAttributes").GetProperty("PrivateIpAddress").GetProperty("IpAddress")[0].GetString());

        // After a change of IP or vSwitch, Alibaba wants the instance started again before the next one.
        (await Client.Ecs("ModifyInstanceVpcAttribute", P("InstanceId", id), P("VSwitchId", sibling), P("PrivateIpAddress", "192.168.2.78")))
            .Error("IncorrectInstanceStatus", 403);
        (await Client.Ecs("ModifyInstanceVpcAttribute", P("InstanceId", id), P("VSwitchId", otherVsw), P("VpcId", otherVpc), P("SecurityGroupId.1", otherGroup)))
            .Error("IncorrectInstanceStatus", 403);
        Assert.Equal("192.168.2.77", (await Instance(id)).GetProperty("VpcAttributes").GetProperty("PrivateIpAddress").GetProperty("IpAddress")[0].GetString());
        (await Client.Ecs("StartInstance", P("InstanceId", id))).Ok();
        (await Client.Ecs("StopInstance", P("InstanceId", id))).Ok();

        (await Client.Ecs("ModifyInstanceVpcAttribute", P("InstanceId", id), P("VSwitchId", otherVsw), P("VpcId", otherVpc), P("SecurityGroupId.1", otherGroup))).Ok();
        moved = await Instance(id);
        Assert.Equal(otherVpc, moved.GetProperty("VpcAttributes").GetProperty("VpcId").GetString());
        Assert.Equal([otherGroup], await GroupsOf(id));
        // Only the groups (same vSwitch, no IP): no restart needed.
        var thirdGroup = await CreateGroup(otherVpc);
        (await Client.Ecs("ModifyInstanceVpcAttribute", P("InstanceId", id), P("VSwitchId", otherVsw), P("SecurityGroupId.1", thirdGroup))).Ok();
        Assert.Equal([thirdGroup], await GroupsOf(id));
    }

    [Fact]
    public async Task ModifyInstanceVpcAttribute_RefusesANewInstanceNeverStarted()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var sibling = await CreateVSwitch(Vpc, "192.168.2.0/24");
        var id = (await Client.Ecs("CreateInstance", P("RegionId", Region), P("VSwitchId", VSwitch), P("SecurityGroupId", group))).Ok()
            .GetProperty("InstanceId").GetString()!;
        Assert.Equal("Stopped", (await Instance(id)).GetProperty("Status").GetString());

        (await Client.Ecs("ModifyInstanceVpcAttribute", P("InstanceId", id), P("VSwitchId", sibling))).Error("IncorrectInstanceStatus", 403);
        Assert.Equal(VSwitch, (await Instance(id)).GetProperty("VpcAttributes").GetProperty("VSwitchId").GetString());

        (await Client.Ecs("StartInstance", P("InstanceId", id))).Ok();
        (await Client.Ecs("StopInstance", P("InstanceId", id))).Ok();
        (await Client.Ecs("ModifyInstanceVpcAttribute", P("InstanceId", id), P("VSwitchId", sibling))).Ok();
        Assert.Equal(sibling, (await Instance(id)).GetProperty("VpcAttributes").GetProperty("VSwitchId").GetString());
    }

    /// <summary>The <c>InstanceType=Primary</c> entry of RunInstances <c>NetworkInterface.N</c> (Terraform's alicloud_instance sends
    /// one once network_interface_traffic_mode, queue_pair_number or source_dest_check is set): its IPv6 count and options are the
    /// primary ENI's, as its vSwitch and groups are.</summary>
    [Fact]
    public async Task RunInstances_PrimaryNetworkInterfaceEntry_SetsIpv6AndOptions()
    {
        var vpc = await CreateVpc("10.3.0.0/16", Region, P("EnableIpv6", "true"));
        var vsw = (await Client.Vpc("CreateVSwitch", P("RegionId", Region), P("VpcId", vpc), P("ZoneId", "cn-hangzhou-h"), P("CidrBlock", "10.3.1.0/24"),
            P("Ipv6CidrBlock", "3"))).Ok().GetProperty("VSwitchId").GetString()!;
        var group = await CreateGroup(vpc);
        (string, string)[] primary = [P("RegionId", Region), P("NetworkInterface.1.InstanceType", "Primary"), P("NetworkInterface.1.VSwitchId", vsw),
            P("NetworkInterface.1.SecurityGroupIds.1", group)];

        (await Client.Ecs("RunInstances", [.. primary, P("NetworkInterface.1.QueueNumber", "300")])).Error("InvalidParameter.QueueNumber", 400);
        (await Client.Ecs("RunInstances", [.. primary, P("NetworkInterfaceQueueNumber", "0")])).Error("InvalidParameter", 400);

        var id = (await Client.Ecs("RunInstances", [.. primary, P("NetworkInterface.1.Ipv6AddressCount", "2"), P("NetworkInterface.1.QueueNumber", "4"),
            P("NetworkInterface.1.NetworkInterfaceTrafficMode", "HighPerformance"), P("NetworkInterface.1.SourceDestCheck", "true")]))
            .Ok().GetProperty("InstanceIdSets").GetProperty("InstanceIdSet")[0].GetString()!;
        var instance = (await Client.Ecs("DescribeInstances", P("RegionId", Region), P("InstanceIds", JsonSerializer.Serialize(new[] { id })))).Ok()
            .GetProperty("Instances").GetProperty("Instance")[0];
        Assert.Equal(vsw, instance.GetProperty("VpcAttributes").GetProperty("VSwitchId").GetString());
        var eniId = instance.GetProperty("NetworkInterfaces").GetProperty("NetworkInterface")[0].GetProperty("NetworkInterfaceId").GetString()!;
        var eni = (await Client.Ecs("DescribeNetworkInterfaces", P("RegionId", Region), P("NetworkInterfaceId.1", eniId))).Ok()
            .GetProperty("NetworkInterfaceSets").GetProperty("NetworkInterfaceSet")[0];
        Assert.Equal(("Primary", 2, 4, "HighPerformance", true), (eni.GetProperty("Type").GetString(), eni.GetProperty("Ipv6Sets").GetProperty("Ipv6Set").GetArrayLength(),
            eni.GetProperty("QueueNumber").GetInt32(), eni.GetProperty("NetworkInterfaceTrafficMode").GetString(), eni.GetProperty("SourceDestCheck").GetBoolean()));

        var plain = (await Client.Ecs("RunInstances", [.. primary, P("NetworkInterfaceQueueNumber", "8")])).Ok()
            .GetProperty("InstanceIdSets").GetProperty("InstanceIdSet")[0].GetString()!;
        var plainEni = (await Client.Ecs("DescribeNetworkInterfaces", P("RegionId", Region), P("InstanceId", plain))).Ok()
            .GetProperty("NetworkInterfaceSets").GetProperty("NetworkInterfaceSet")[0];
        Assert.Equal((0, 8, "Standard", false), (plainEni.GetProperty("Ipv6Sets").GetProperty("Ipv6Set").GetArrayLength(), plainEni.GetProperty("QueueNumber").GetInt32(),
            plainEni.GetProperty("NetworkInterfaceTrafficMode").GetString(), plainEni.GetProperty("SourceDestCheck").GetBoolean()));
    }

    [Fact]
    public async Task Ipv6_VpcVSwitchEniAssignAndUnassign()
    {
        var plain = await CreateVpc("10.1.0.0/16");
        (await Client.Vpc("CreateVSwitch", P("RegionId", Region), P("VpcId", plain), P("ZoneId", "cn-hangzhou-h"), P("CidrBlock", "10.1.1.0/24"),
            P("Ipv6CidrBlock", "1"))).Error("OperationFailed.VpcNotEnableIpv6", 400);
        var plainVsw = await CreateVSwitch(plain, "10.1.1.0/24");
        var plainGroup = await CreateGroup(plain);
        (await Client.Ecs("CreateNetworkInterface", P("RegionId", Region), P("VSwitchId", plainVsw), P("SecurityGroupId", plainGroup), P("Ipv6AddressCount", "1")))
            .Error("InvalidVSwitch.Ipv6NotTurnOn", 403);

        var vpc = await CreateVpc("10.2.0.0/16", Region, P("EnableIpv6", "true"));
        var vpcItem = (await Client.Vpc("DescribeVpcs", P("RegionId", Region), P("EnableIpv6", "true"))).Ok().GetProperty("Vpcs").GetProperty("Vpc");
        Assert.Equal([vpc], vpcItem.EnumerateArray().Select(v => v.GetProperty("VpcId").GetString()));
        var block = vpcItem[0].GetProperty("Ipv6CidrBlock").GetString()!;
        Assert.EndsWith("/56", block, StringComparison.Ordinal);
        Assert.Equal(block, vpcItem[0].GetProperty("Ipv6CidrBlocks").GetProperty("Ipv6CidrBlock")[0].GetProperty("Ipv6CidrBlock").GetString());
        Assert.True(vpcItem[0].GetProperty("EnabledIpv6").GetBoolean());
        (await Client.Vpc("CreateVSwitch", P("RegionId", Region), P("VpcId", vpc), P("ZoneId", "cn-hangzhou-h"), P("CidrBlock", "10.2.1.0/24"),
            P("Ipv6CidrBlock", "256"))).Error("InvalidParam.Ipv6CidrBlock", 400);
        var vsw = (await Client.Vpc("CreateVSwitch", P("RegionId", Region), P("VpcId", vpc), P("ZoneId", "cn-hangzhou-h"), P("CidrBlock", "10.2.1.0/24"),
            P("Ipv6CidrBlock", "5"))).Ok().GetProperty("VSwitchId").GetString()!;
        var vswBlock = (await Client.Vpc("DescribeVSwitchAttributes", P("RegionId", Region), P("VSwitchId", vsw))).Ok().GetProperty("Ipv6CidrBlock").GetString()!;
        Assert.EndsWith("/64", vswBlock, StringComparison.Ordinal);
        var group = await CreateGroup(vpc);

        var eni = (await Client.Ecs("CreateNetworkInterface", P("RegionId", Region), P("VSwitchId", vsw), P("SecurityGroupId", group), P("Ipv6AddressCount", "2")))
            .Ok();
        var eniId = eni.GetProperty("NetworkInterfaceId").GetString()!;
        Assert.Equal(2, eni.GetProperty("Ipv6Sets").GetProperty("Ipv6Set").GetArrayLength());
        var prefix = vswBlock[..vswBlock.IndexOf("::", StringComparison.Ordinal)];
        var named = prefix + "::1234";

        (await Client.Ecs("AssignIpv6Addresses", P("RegionId", Region), P("NetworkInterfaceId", eniId))).Error("MissingParameter", 400);
        (await Client.Ecs("AssignIpv6Addresses", P("RegionId", Region), P("NetworkInterfaceId", eniId), P("Ipv6Address.1", named), P("Ipv6AddressCount", "1")))
            .Error("InvalidParameter", 400);
        (await Client.Ecs("AssignIpv6Addresses", P("RegionId", Region), P("NetworkInterfaceId", eniId), P("Ipv6Address.1", "2001:db8::1"))).Error("InvalidIp.Address", 403);
        (await Client.Ecs("AssignIpv6Addresses", P("RegionId", Region), P("NetworkInterfaceId", eniId), P("Ipv6AddressCount", "9"))).Error("InvalidOperation.Ipv6CountExceeded", 403);
        (await Client.Ecs("AssignIpv6Addresses", P("RegionId", Region), P("NetworkInterfaceId", "eni-nosuch"), P("Ipv6AddressCount", "1"))).Error("InvalidEniId.NotFound", 404);
        var assigned = (await Client.Ecs("AssignIpv6Addresses", P("RegionId", Region), P("NetworkInterfaceId", eniId), P("Ipv6Address.1", named))).Ok();
        Assert.Equal(named, assigned.GetProperty("Ipv6Sets").GetProperty("Ipv6Address")[0].GetString());
        var other = (await Client.Ecs("CreateNetworkInterface", P("RegionId", Region), P("VSwitchId", vsw), P("SecurityGroupId", group))).Ok()
            .GetProperty("NetworkInterfaceId").GetString()!;
        (await Client.Ecs("AssignIpv6Addresses", P("RegionId", Region), P("NetworkInterfaceId", other), P("Ipv6Address.1", named))).Error("InvalidIp.IpAssigned", 403);

        var attribute = (await Client.Ecs("DescribeNetworkInterfaceAttribute", P("RegionId", Region), P("NetworkInterfaceId", eniId))).Ok();
        Assert.Equal(3, attribute.GetProperty("Ipv6Sets").GetProperty("Ipv6Set").GetArrayLength());
        Assert.Equal(group, attribute.GetProperty("SecurityGroupIds").GetProperty("SecurityGroupId")[0].GetString());
        (await Client.Ecs("DescribeNetworkInterfaceAttribute", P("RegionId", Region), P("NetworkInterfaceId", "eni-nosuch"))).Error("InvalidEniId.NotFound", 404);
        var found = (await Client.Ecs("DescribeNetworkInterfaces", P("RegionId", Region), P("Ipv6Address.1", named))).Ok().GetProperty("NetworkInterfaceSets").GetProperty("NetworkInterfaceSet");
        Assert.Equal([eniId], found.EnumerateArray().Select(e => e.GetProperty("NetworkInterfaceId").GetString()));

        (await Client.Ecs("UnassignIpv6Addresses", P("RegionId", Region), P("NetworkInterfaceId", other), P("Ipv6Address.1", named))).Error("InvalidIp.IpUnassigned", 403);
        (await Client.Ecs("UnassignIpv6Addresses", P("RegionId", Region), P("NetworkInterfaceId", eniId), P("Ipv6Address.1", named))).Ok();
        Assert.Equal(2, (await NetworkInterface(eniId)).GetProperty("Ipv6Sets").GetProperty("Ipv6Set").GetArrayLength());
        (await Client.Ecs("AssignIpv6Addresses", P("RegionId", Region), P("NetworkInterfaceId", other), P("Ipv6Address.1", named))).Ok();
    }

    [Fact]
    public async Task RunInstances_PublicIpNamesProtectionAndSecondaryEnis()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var second = await CreateGroup(Vpc);
        var ids = await Run(group, 2, P("InstanceName", "web-"), P("UniqueSuffix", "true"), P("InternetMaxBandwidthOut", "5"), P("KeyPairName", "ops"),
            P("DeletionProtection", "true"), P("NetworkInterface.1.InstanceType", "Secondary"), P("NetworkInterface.1.SecurityGroupId", second),
            P("NetworkInterface.1.NetworkInterfaceName", "data"));
        var first = await Instance(ids[0]);
        Assert.Equal("web-001", first.GetProperty("InstanceName").GetString());
        Assert.Equal("web-002", (await Instance(ids[1])).GetProperty("InstanceName").GetString());
        Assert.StartsWith("47.", first.GetProperty("PublicIpAddress").GetProperty("IpAddress")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal((5, 100, "ops"), (first.GetProperty("InternetMaxBandwidthOut").GetInt32(), first.GetProperty("InternetMaxBandwidthIn").GetInt32(),
            first.GetProperty("KeyPairName").GetString()));
        Assert.True(first.GetProperty("DeletionProtection").GetBoolean());
        var enis = first.GetProperty("NetworkInterfaces").GetProperty("NetworkInterface");
        Assert.Equal(["Primary", "Secondary"], enis.EnumerateArray().Select(e => e.GetProperty("Type").GetString()));
        var data = await NetworkInterface(enis[1].GetProperty("NetworkInterfaceId").GetString()!);
        Assert.Equal(("data", "InUse", 1), (data.GetProperty("NetworkInterfaceName").GetString(), data.GetProperty("Status").GetString(),
            data.GetProperty("Attachment").GetProperty("DeviceIndex").GetInt32()));
        Assert.Equal([second], data.GetProperty("SecurityGroupIds").GetProperty("SecurityGroupId").EnumerateArray().Select(g => g.GetString()));
        (await Client.Ecs("DeleteInstance", P("InstanceId", ids[0]), P("Force", "true"))).Error("InvalidOperation.DeletionProtection", 403);

        var plain = (await Run(group))[0];
        var plainItem = await Instance(plain);
        Assert.Equal(plain, plainItem.GetProperty("InstanceName").GetString());
        Assert.Equal("iZ" + plain[2..] + "Z", plainItem.GetProperty("HostName").GetString());
        Assert.Equal(0, plainItem.GetProperty("PublicIpAddress").GetProperty("IpAddress").GetArrayLength());
        (await Client.Ecs("RunInstances", P("RegionId", Region), P("VSwitchId", VSwitch), P("SecurityGroupId", group), P("InternetMaxBandwidthOut", "101")))
            .Error("InvalidParameter", 400);
    }

    [Fact]
    public async Task DescribeInstances_HonoursTheModelsFilters()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var web = (await Run(group, 1, P("InstanceName", "web-a"), P("InstanceType", "ecs.c7.large"), P("KeyPairName", "ops"), P("InternetMaxBandwidthOut", "1"),
            P("ResourceGroupId", "rg-web")))[0];
        var db = (await Run(group, 1, P("InstanceName", "db-a"), P("ImageId", "ubuntu_22_04_x64_20G_alibase_20240530.vhd")))[0];
        async Task<List<string>> Ids(params (string, string)[] filter) =>
            (await Client.Ecs("DescribeInstances", [P("RegionId", Region), .. filter])).Ok().GetProperty("Instances").GetProperty("Instance")
                .EnumerateArray().Select(i => i.GetProperty("InstanceId").GetString()!).ToList();

        Assert.Equal([web], await Ids(P("InstanceName", "web-*")));
        Assert.Equal([db], await Ids(P("InstanceName", "d*-a")));
        Assert.Empty(await Ids(P("InstanceName", "WEB-*")));
        Assert.Equal(2, (await Ids(P("InstanceName", "*"))).Count);
        Assert.Equal([web], await Ids(P("InstanceType", "ecs.c7.large")));
        Assert.Equal([web], await Ids(P("InstanceTypeFamily", "ecs.c7")));
        Assert.Equal([db], await Ids(P("ImageId", "ubuntu_22_04_x64_20G_alibase_20240530.vhd")));
        Assert.Equal([web], await Ids(P("ResourceGroupId", "rg-web")));
        Assert.Equal([web], await Ids(P("KeyPairName", "ops")));
        var publicIp = (await Instance(web)).GetProperty("PublicIpAddress").GetProperty("IpAddress")[0].GetString()!;
        Assert.Equal([web], await Ids(P("PublicIpAddresses", JsonSerializer.Serialize(new[] { publicIp }))));
        Assert.Equal(2, (await Ids(P("InstanceNetworkType", "vpc"))).Count);
        Assert.Empty(await Ids(P("InstanceNetworkType", "classic")));
        Assert.Empty(await Ids(P("EipAddresses", JsonSerializer.Serialize(new[] { "47.1.1.1" }))));
        (await Client.Ecs("DescribeInstances", P("RegionId", Region), P("DryRun", "true"))).Error("DryRunOperation", 400);
        (await Client.Ecs("DescribeInstances", P("RegionId", Region), P("PublicIpAddresses", "not json"))).Error("InvalidParameter", 400);
    }

    [Fact]
    public async Task DescribeNetworkInterfaces_HonoursPrivateIpResourceGroupAndServiceManaged()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var eni = await Eni(P("SecurityGroupId", group), P("ResourceGroupId", "rg-eni"), P("SourceDestCheck", "true"), P("SecondaryPrivateIpAddressCount", "1"));
        await Eni(P("SecurityGroupId", group));
        var item = await NetworkInterface(eni);
        Assert.Equal("rg-eni", item.GetProperty("ResourceGroupId").GetString());
        Assert.True(item.GetProperty("SourceDestCheck").GetBoolean());
        var secondary = item.GetProperty("PrivateIpSets").GetProperty("PrivateIpSet").EnumerateArray().First(p => !p.GetProperty("Primary").GetBoolean())
            .GetProperty("PrivateIpAddress").GetString()!;
        async Task<List<string>> Ids(params (string, string)[] filter) =>
            (await Client.Ecs("DescribeNetworkInterfaces", [P("RegionId", Region), .. filter])).Ok().GetProperty("NetworkInterfaceSets").GetProperty("NetworkInterfaceSet")
                .EnumerateArray().Select(i => i.GetProperty("NetworkInterfaceId").GetString()!).ToList();
        Assert.Equal([eni], await Ids(P("PrivateIpAddress.1", secondary)));
        Assert.Equal([eni], await Ids(P("ResourceGroupId", "rg-eni")));
        Assert.Empty(await Ids(P("ServiceManaged", "true")));
        Assert.Equal(2, (await Ids(P("ServiceManaged", "false"))).Count);
    }

    [Fact]
    public async Task DescribeSecurityGroupAttribute_NicTypeInternetOnAVpcGroupReturnsEveryRule()
    {
        var vpc = await CreateVpc();
        var group = await CreateGroup(vpc);
        (await Client.Ecs("AuthorizeSecurityGroup", P("RegionId", Region), P("SecurityGroupId", group), P("Permissions.1.IpProtocol", "TCP"),
            P("Permissions.1.PortRange", "22/22"), P("Permissions.1.SourceCidrIp", "10.0.0.0/8"))).Ok();
        foreach (var nicType in new[] { "internet", "intranet" })
        {
            var rules = (await Client.Ecs("DescribeSecurityGroupAttribute", P("RegionId", Region), P("SecurityGroupId", group), P("NicType", nicType))).Ok()
                .GetProperty("Permissions").GetProperty("Permission");
            Assert.Equal(1, rules.GetArrayLength());
        }
    }
}
