namespace SecurityGroups.FunctionalTests.Instances;

public sealed class MembershipTests(EmulatorFactory factory) : InstanceTest(factory)
{
    [Fact]
    public async Task JoinAndLeave_ForAnInstanceAndAnEni()
    {
        await Arrange();
        var a = await CreateGroup(Vpc);
        var b = await CreateGroup(Vpc);
        var instance = (await Run(a))[0];
        var eni = await Eni(("SecurityGroupId", a));

        (await Client.Ecs("JoinSecurityGroup", ("InstanceId", instance), ("SecurityGroupId", b))).Ok();
        (await Client.Ecs("JoinSecurityGroup", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", eni), ("SecurityGroupId", b))).Ok();
        Assert.Equal([a, b], await GroupsOf(instance));

        (await Client.Ecs("LeaveSecurityGroup", ("InstanceId", instance), ("SecurityGroupId", a))).Ok();
        (await Client.Ecs("LeaveSecurityGroup", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", eni), ("SecurityGroupId", b))).Ok();
        Assert.Equal([b], await GroupsOf(instance));
        Assert.Equal([a], (await NetworkInterface(eni)).GetProperty("SecurityGroupIds").GetProperty("SecurityGroupId").EnumerateArray().Select(g => g.GetString()));
    }

    [Fact]
    public async Task JoinAndLeave_Refusals()
    {
        await Arrange();
        var a = await CreateGroup(Vpc);
        var enterprise = await CreateGroup(Vpc, ("SecurityGroupType", "enterprise"));
        var elsewhere = await CreateGroup(await CreateVpc("10.0.0.0/8"));
        var b = await CreateGroup(Vpc);
        var instance = (await Run(a))[0];
        var eni = await Eni(("SecurityGroupId", a));

        (await Client.Ecs("JoinSecurityGroup", ("InstanceId", instance), ("SecurityGroupId", a))).Error("InvalidInstanceId.AlreadyExists", 403);
        (await Client.Ecs("JoinSecurityGroup", ("InstanceId", instance), ("SecurityGroupId", enterprise))).Error("InvalidOperation.MultiGroupType", 400);
        (await Client.Ecs("JoinSecurityGroup", ("InstanceId", instance), ("SecurityGroupId", elsewhere))).Error("InvalidInstanceId.Mismatch", 400);
        (await Client.Ecs("JoinSecurityGroup", ("InstanceId", instance), ("SecurityGroupId", "sg-nope"))).Error("InvalidSecurityGroupId.NotFound", 404);
        (await Client.Ecs("JoinSecurityGroup", ("InstanceId", "i-nope"), ("SecurityGroupId", a))).Error("InvalidInstanceId.NotFound", 404);
        (await Client.Ecs("JoinSecurityGroup", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", "eni-nope"), ("SecurityGroupId", a))).Error("InvalidEniId.NotFound", 404);
        (await Client.Ecs("JoinSecurityGroup", ("RegionId", "cn-hangzhou"), ("InstanceId", instance), ("NetworkInterfaceId", eni), ("SecurityGroupId", b))).Error("InvalidParam.EniIdAndInstanceId.Conflict", 403);
        (await Client.Ecs("JoinSecurityGroup", ("NetworkInterfaceId", eni), ("SecurityGroupId", b))).Error("MissingParameter.RegionId", 400);
        (await Client.Ecs("JoinSecurityGroup", ("SecurityGroupId", b))).Error("MissingParameter", 400);
        (await Client.Ecs("LeaveSecurityGroup", ("InstanceId", instance), ("SecurityGroupId", a))).Error("InstanceLastSecurityGroup", 403);
        (await Client.Ecs("LeaveSecurityGroup", ("InstanceId", instance), ("SecurityGroupId", b))).Error("InvalidSecurityGroupAssociation.NotFound", 400);
        await SetFlags(b, """{"ServiceManaged":true}""");
        (await Client.Ecs("JoinSecurityGroup", ("InstanceId", instance), ("SecurityGroupId", b))).Error("InvalidOperation.ResourceManagedByCloudProduct", 403);
        Assert.Equal([a], await GroupsOf(instance));
    }

    [Fact]
    public async Task ModifyInstanceAttribute_ReplacesTheGroups()
    {
        await Arrange();
        var a = await CreateGroup(Vpc);
        var b = await CreateGroup(Vpc);
        var c = await CreateGroup(Vpc);
        var instance = (await Run(a))[0];

        (await Client.Ecs("ModifyInstanceAttribute", ("InstanceId", instance), ("SecurityGroupIds.1", c), ("SecurityGroupIds.2", b), ("InstanceName", "renamed"))).Ok();

        Assert.Equal([c, b], await GroupsOf(instance));
        Assert.Equal("renamed", (await Instance(instance)).GetProperty("InstanceName").GetString());
        (await Client.Ecs("ModifyInstanceAttribute", ("InstanceId", instance), ("SecurityGroupIds.1", b), ("SecurityGroupIds.2", b))).Error("InvalidParameter.SecurityGroupIdRepeated", 404);
        var elsewhere = await CreateGroup(await CreateVpc("10.0.0.0/8"));
        (await Client.Ecs("ModifyInstanceAttribute", ("InstanceId", instance), ("SecurityGroupIds.1", elsewhere))).Error("InvalidSecurityGroupVpc.NotBelongToOneVpc", 404);
        Assert.Equal([c, b], await GroupsOf(instance));
    }

    [Fact]
    public async Task ModifyNetworkInterfaceAttribute_ReplacesTheGroups()
    {
        await Arrange();
        var a = await CreateGroup(Vpc);
        var b = await CreateGroup(Vpc);
        var eni = await Eni(("SecurityGroupId", a));

        (await Client.Ecs("ModifyNetworkInterfaceAttribute", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", eni), ("SecurityGroupId.1", b), ("NetworkInterfaceName", "data"))).Ok();

        var shown = await NetworkInterface(eni);
        Assert.Equal([b], shown.GetProperty("SecurityGroupIds").GetProperty("SecurityGroupId").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal("data", shown.GetProperty("NetworkInterfaceName").GetString());
        var elsewhere = await CreateGroup(await CreateVpc("10.0.0.0/8"));
        (await Client.Ecs("ModifyNetworkInterfaceAttribute", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", eni), ("SecurityGroupId.1", elsewhere))).Error("InvalidOperation.VpcMismatch", 403);
    }

    [Fact]
    public async Task NetworkInterface_AttachDetachDeleteAndIps()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var instance = (await Run(group))[0];
        var primary = (await Instance(instance)).GetProperty("NetworkInterfaces").GetProperty("NetworkInterface")[0].GetProperty("NetworkInterfaceId").GetString()!;
        var eni = await Eni(("SecurityGroupIds.1", group), ("PrimaryIpAddress", "192.168.1.100"), ("PrivateIpAddress.1", "192.168.1.101"), ("SecondaryPrivateIpAddressCount", "1"));

        var shown = await NetworkInterface(eni);
        Assert.Equal("192.168.1.100", shown.GetProperty("PrivateIpAddress").GetString());
        Assert.Equal(3, shown.GetProperty("PrivateIpSets").GetProperty("PrivateIpSet").GetArrayLength());
        Assert.Equal("Available", shown.GetProperty("Status").GetString());

        (await Client.Ecs("AttachNetworkInterface", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", eni), ("InstanceId", instance))).Ok();
        Assert.Equal("InUse", (await NetworkInterface(eni)).GetProperty("Status").GetString());
        var attachedEnis = (await Instance(instance)).GetProperty("NetworkInterfaces").GetProperty("NetworkInterface");
        Assert.Equal(2, attachedEnis.GetArrayLength());
        foreach (var attached in attachedEnis.EnumerateArray())
        {
            Assert.Equal(0, attached.GetProperty("Ipv6Sets").GetProperty("Ipv6Set").GetArrayLength());
            Assert.Equal(0, attached.GetProperty("Ipv4PrefixSets").GetProperty("Ipv4PrefixSet").GetArrayLength());
            Assert.Equal(0, attached.GetProperty("Ipv6PrefixSets").GetProperty("Ipv6PrefixSet").GetArrayLength());
        }
        (await Client.Ecs("AttachNetworkInterface", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", eni), ("InstanceId", instance))).Error("InvalidOperation.InvalidEniState", 403);
        (await Client.Ecs("DeleteNetworkInterface", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", eni))).Error("InvalidOperation.InvalidEniState", 403);
        (await Client.Ecs("DetachNetworkInterface", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", primary), ("InstanceId", instance))).Error("InvalidOperation.DetachPrimaryEniNotAllowed", 403);
        (await Client.Ecs("DeleteNetworkInterface", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", primary))).Error("InvalidOperation.DetachPrimaryEniNotAllowed", 403);

        var assigned = (await Client.Ecs("AssignPrivateIpAddresses", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", eni), ("SecondaryPrivateIpAddressCount", "2"))).Ok();
        var ips = assigned.GetProperty("AssignedPrivateIpAddressesSet").GetProperty("PrivateIpSet").GetProperty("PrivateIpAddress").EnumerateArray().Select(i => i.GetString()!).ToList();
        Assert.Equal(2, ips.Count);
        Assert.Equal(0, assigned.GetProperty("AssignedPrivateIpAddressesSet").GetProperty("Ipv4PrefixSet").GetProperty("Ipv4Prefixes").GetArrayLength());
        (await Client.Ecs("UnassignPrivateIpAddresses", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", eni), ("PrivateIpAddress.1", ips[0]))).Ok();
        (await Client.Ecs("UnassignPrivateIpAddresses", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", eni), ("PrivateIpAddress.1", "192.168.1.100"))).Error("InvalidOperation.UnassignPrimaryIp", 403);
        (await Client.Ecs("UnassignPrivateIpAddresses", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", eni), ("PrivateIpAddress.1", "192.168.1.250"))).Error("InvalidIp.IpUnassigned", 403);
        Assert.Equal(4, (await NetworkInterface(eni)).GetProperty("PrivateIpSets").GetProperty("PrivateIpSet").GetArrayLength());

        (await Client.Ecs("DetachNetworkInterface", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", eni), ("InstanceId", instance))).Ok();
        (await Client.Ecs("DeleteNetworkInterface", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", eni))).Ok();
        (await Client.Ecs("DescribeNetworkInterfaces", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId.1", eni))).Ok();
        (await Client.Ecs("DeleteNetworkInterface", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", eni))).Error("InvalidEniId.NotFound", 404);
        Assert.Equal(5999, (await Group(group)).GetProperty("AvailableInstanceAmount").GetInt64());
    }
}

public sealed class MembershipLimitTests
{
    private static CustomEmulatorFactory Factory(params (string Key, string Value)[] quotas) =>
        new(null, quotas.ToDictionary(q => $"Quotas:{q.Key}", q => (string?)q.Value));

    private static async Task<(AcsClient Client, string VSwitch, Func<(string, string)[], Task<string>> Group)> Arrange(CustomEmulatorFactory factory)
    {
        var client = factory.Acs();
        var vpc = (await client.Vpc("CreateVpc", ("RegionId", "cn-hangzhou"), ("CidrBlock", "192.168.0.0/16"))).Ok().GetProperty("VpcId").GetString()!;
        var vSwitch = (await client.Vpc("CreateVSwitch", ("VpcId", vpc), ("ZoneId", "cn-hangzhou-h"), ("CidrBlock", "192.168.1.0/24"))).Ok().GetProperty("VSwitchId").GetString()!;
        return (client, vSwitch, async extra => (await client.Ecs("CreateSecurityGroup", [("RegionId", "cn-hangzhou"), ("VpcId", vpc), .. extra])).Ok().GetProperty("SecurityGroupId").GetString()!);
    }

    [Fact]
    public async Task GroupsPerEni_AtTheEdge_AndConcurrentJoinsNeverOvershoot()
    {
        using var factory = Factory(("SecurityGroupsPerNetworkInterface", "3"));
        var (client, vSwitch, group) = await Arrange(factory);
        var first = await group([]);
        var instance = (await client.Ecs("RunInstances", ("RegionId", "cn-hangzhou"), ("VSwitchId", vSwitch), ("SecurityGroupId", first))).Ok()
            .GetProperty("InstanceIdSets").GetProperty("InstanceIdSet")[0].GetString()!;
        var others = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            others.Add(await group([]));
        }

        var results = await Task.WhenAll(others.Select(g => client.Ecs("JoinSecurityGroup", ("InstanceId", instance), ("SecurityGroupId", g))));

        Assert.Equal(2, results.Count(r => r.Status == HttpStatusCode.OK));
        Assert.All(results.Where(r => r.Status != HttpStatusCode.OK), r => r.Error("InstanceSecurityGroupLimitExceeded", 403));
        var groups = (await client.Ecs("DescribeInstances", ("RegionId", "cn-hangzhou"))).Ok().GetProperty("Instances").GetProperty("Instance")[0].GetProperty("SecurityGroupIds").GetProperty("SecurityGroupId");
        Assert.Equal(3, groups.GetArrayLength());
    }

    [Fact]
    public async Task PrivateIpsPerBasicGroup_AtTheEdge_ForLaunchesJoinsAndAssignments()
    {
        using var factory = Factory(("PrivateIpsPerBasicSecurityGroup", "4"));
        var (client, vSwitch, group) = await Arrange(factory);
        var small = await group([]);
        var spare = await group([]);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.Ecs("RunInstances", ("RegionId", "cn-hangzhou"), ("VSwitchId", vSwitch), ("SecurityGroupId", small))));
        Assert.Equal(4, results.Count(r => r.Status == HttpStatusCode.OK));
        Assert.All(results.Where(r => r.Status != HttpStatusCode.OK), r => r.Error("SecurityGroupInstanceLimitExceeded", 403));

        var eni = (await client.Ecs("CreateNetworkInterface", ("RegionId", "cn-hangzhou"), ("VSwitchId", vSwitch), ("SecurityGroupId", spare))).Ok().GetProperty("NetworkInterfaceId").GetString()!;
        (await client.Ecs("JoinSecurityGroup", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", eni), ("SecurityGroupId", small))).Error("SecurityGroupInstanceLimitExceeded", 403);
        (await client.Ecs("AssignPrivateIpAddresses", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", eni), ("SecondaryPrivateIpAddressCount", "3"))).Ok();
        (await client.Ecs("AssignPrivateIpAddresses", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", eni), ("SecondaryPrivateIpAddressCount", "1"))).Error("SecurityGroupInstanceLimitExceeded", 403);
        var listed = (await client.Ecs("DescribeSecurityGroups", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", small))).Ok().GetProperty("SecurityGroups").GetProperty("SecurityGroup")[0];
        Assert.Equal(0, listed.GetProperty("AvailableInstanceAmount").GetInt64());
        Assert.Equal(4, listed.GetProperty("EcsCount").GetInt32());
    }

    [Fact]
    public async Task EnisPerEnterpriseGroup_AtTheEdge()
    {
        using var factory = Factory(("NetworkInterfacesPerEnterpriseSecurityGroup", "2"));
        var (client, vSwitch, group) = await Arrange(factory);
        var enterprise = await group([("SecurityGroupType", "enterprise")]);
        for (var i = 0; i < 2; i++)
        {
            (await client.Ecs("CreateNetworkInterface", ("RegionId", "cn-hangzhou"), ("VSwitchId", vSwitch), ("SecurityGroupId", enterprise), ("SecondaryPrivateIpAddressCount", "3"))).Ok();
        }

        (await client.Ecs("CreateNetworkInterface", ("RegionId", "cn-hangzhou"), ("VSwitchId", vSwitch), ("SecurityGroupId", enterprise))).Error("SecurityGroupInstanceLimitExceeded", 403);
        Assert.Equal(0, (await client.Ecs("DescribeSecurityGroups", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", enterprise))).Ok()
            .GetProperty("SecurityGroups").GetProperty("SecurityGroup")[0].GetProperty("AvailableInstanceAmount").GetInt64());
    }

    [Fact]
    public async Task RulesPerEni_AtTheEdge_ForJoinsAndNewRules()
    {
        using var factory = Factory(("RulesPerNetworkInterface", "3"));
        var (client, vSwitch, group) = await Arrange(factory);
        var a = await group([]);
        var b = await group([]);
        Task<AcsResult> Allow(string g, int port) => client.Ecs("AuthorizeSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", g),
            ("Permissions.1.IpProtocol", "TCP"), ("Permissions.1.PortRange", $"{port}/{port}"), ("Permissions.1.SourceCidrIp", "10.0.0.0/8"));
        (await Allow(a, 1)).Ok();
        (await Allow(a, 2)).Ok();
        (await Allow(b, 3)).Ok();
        (await Allow(b, 4)).Ok();
        var instance = (await client.Ecs("RunInstances", ("RegionId", "cn-hangzhou"), ("VSwitchId", vSwitch), ("SecurityGroupId", a))).Ok()
            .GetProperty("InstanceIdSets").GetProperty("InstanceIdSet")[0].GetString()!;

        (await client.Ecs("JoinSecurityGroup", ("InstanceId", instance), ("SecurityGroupId", b))).Error("AclLimitExceed", 403);
        (await Allow(a, 5)).Ok();
        (await Allow(a, 6)).Error("AuthorizationLimitExceed", 403);
        (await Allow(b, 6)).Ok();
    }
}
