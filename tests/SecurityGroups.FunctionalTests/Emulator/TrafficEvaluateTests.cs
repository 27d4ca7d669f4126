using System.Text.Json;

namespace SecurityGroups.FunctionalTests.Emulator;

public sealed class TrafficEvaluateTests(EmulatorFactory factory) : TrafficTest(factory)
{
    private async Task<(string Decision, string Reason, JsonElement Body)> Decide(string instance, string direction, string protocol, string peerIp, int? port)
    {
        var body = (await Traffic("evaluate", direction == "ingress"
            ? new { RegionId = "cn-hangzhou", InstanceId = instance, Direction = direction, IpProtocol = protocol, SourceIp = peerIp, DestinationPort = port }
            : (object)new { RegionId = "cn-hangzhou", InstanceId = instance, Direction = direction, IpProtocol = protocol, DestinationIp = peerIp, DestinationPort = port })).Ok();
        return (body.GetProperty("Decision").GetString()!, body.GetProperty("Reason").GetString()!, body);
    }

    private async Task<string> IpOf(string instance) =>
        (await Instance(instance)).GetProperty("VpcAttributes").GetProperty("PrivateIpAddress").GetProperty("IpAddress")[0].GetString()!;

    [Fact]
    public async Task BasicGroup_InnerAccessDefaultsAndRules_EndToEnd()
    {
        await Arrange();
        var web = await CreateGroup(Vpc);
        var ids = await Run(web, 2);
        var peerIp = await IpOf(ids[1]);

        Assert.Equal(("Accept", "InnerAccess"), Pair(await Decide(ids[0], "ingress", "TCP", peerIp, 22)));
        Assert.Equal(("Drop", "Default"), Pair(await Decide(ids[0], "ingress", "TCP", "8.8.8.8", 22)));
        Assert.Equal(("Accept", "Default"), Pair(await Decide(ids[0], "egress", "TCP", "8.8.8.8", 443)));

        (await Client.Ecs("AuthorizeSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", web), ("Permissions.1.IpProtocol", "TCP"),
            ("Permissions.1.PortRange", "22/22"), ("Permissions.1.SourceCidrIp", "0.0.0.0/0"), ("Permissions.1.Description", "ssh"))).Ok();
        var (decision, reason, body) = await Decide(ids[0], "ingress", "TCP", "8.8.8.8", 22);
        Assert.Equal(("Accept", "Rule"), (decision, reason));
        var matched = body.GetProperty("MatchedRule");
        Assert.Equal(web, matched.GetProperty("SecurityGroupId").GetString());
        Assert.Equal("ssh", matched.GetProperty("Description").GetString());
        Assert.Equal("0.0.0.0/0", matched.GetProperty("SourceCidrIp").GetString());
        Assert.True(Assert.Single(body.GetProperty("Trace").EnumerateArray()).GetProperty("Matched").GetBoolean());
        Assert.Equal(("Drop", "Default"), Pair(await Decide(ids[0], "ingress", "TCP", "8.8.8.8", 80)));

        (await Client.Ecs("ModifySecurityGroupPolicy", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", web), ("InnerAccessPolicy", "Drop"))).Ok();
        Assert.Equal(("Drop", "Default"), Pair(await Decide(ids[0], "ingress", "TCP", peerIp, 80)));
    }

    [Fact]
    public async Task GroupReferences_FollowMembershipChanges()
    {
        await Arrange();
        var web = await CreateGroup(Vpc);
        var db = await CreateGroup(Vpc);
        var other = await CreateGroup(Vpc);
        var database = (await Run(db))[0];
        var app = (await Run(web))[0];
        (await Client.Ecs("AuthorizeSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", db), ("Permissions.1.IpProtocol", "TCP"),
            ("Permissions.1.PortRange", "5432/5432"), ("Permissions.1.SourceGroupId", web))).Ok();
        var appIp = await IpOf(app);

        Assert.Equal(("Accept", "Rule"), Pair(await Decide(database, "ingress", "TCP", appIp, 5432)));

        (await Client.Ecs("ModifyInstanceAttribute", ("InstanceId", app), ("SecurityGroupIds.1", other))).Ok();
        var (decision, _, body) = await Decide(database, "ingress", "TCP", appIp, 5432);

        Assert.Equal("Drop", decision);
        Assert.Equal("Address", body.GetProperty("Trace")[0].GetProperty("Mismatch").GetString());
    }

    [Fact]
    public async Task GroupReferences_MatchSecondaryPrivateIpsOfMembers_OpenQuestion4()
    {
        await Arrange();
        var web = await CreateGroup(Vpc);
        var db = await CreateGroup(Vpc);
        var database = (await Run(db))[0];
        var eni = await Eni(("SecurityGroupId", web), ("SecondaryPrivateIpAddressCount", "1"));
        (await Client.Ecs("AuthorizeSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", db), ("Permissions.1.IpProtocol", "TCP"),
            ("Permissions.1.PortRange", "5432/5432"), ("Permissions.1.SourceGroupId", web))).Ok();
        var secondary = (await NetworkInterface(eni)).GetProperty("PrivateIpSets").GetProperty("PrivateIpSet").EnumerateArray()
            .First(p => !p.GetProperty("Primary").GetBoolean()).GetProperty("PrivateIpAddress").GetString()!;

        Assert.Equal(("Accept", "Rule"), Pair(await Decide(database, "ingress", "TCP", secondary, 5432)));
    }

    [Fact]
    public async Task PrefixListEdits_ApplyAtOnce()
    {
        await Arrange();
        var web = await CreateGroup(Vpc);
        var instance = (await Run(web))[0];
        var list = (await Client.Ecs("CreatePrefixList", ("RegionId", "cn-hangzhou"), ("AddressFamily", "IPv4"), ("MaxEntries", "5"), ("PrefixListName", "office"),
            ("Entry.1.Cidr", "203.0.113.0/24"))).Ok().GetProperty("PrefixListId").GetString()!;
        (await Client.Ecs("AuthorizeSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", web), ("Permissions.1.IpProtocol", "TCP"),
            ("Permissions.1.PortRange", "443/443"), ("Permissions.1.SourcePrefixListId", list))).Ok();

        Assert.Equal("Accept", (await Decide(instance, "ingress", "TCP", "203.0.113.9", 443)).Decision);
        Assert.Equal("Drop", (await Decide(instance, "ingress", "TCP", "198.51.100.9", 443)).Decision);
        (await Client.Ecs("ModifyPrefixList", ("RegionId", "cn-hangzhou"), ("PrefixListId", list), ("AddEntry.1.Cidr", "198.51.100.0/24"))).Ok();
        Assert.Equal("Accept", (await Decide(instance, "ingress", "TCP", "198.51.100.9", 443)).Decision);
    }

    [Fact]
    public async Task PriorityAndDropFirst_AcrossGroups_AndEgressRules()
    {
        await Arrange();
        var a = await CreateGroup(Vpc);
        var b = await CreateGroup(Vpc);
        var instance = (await Run(a))[0];
        (await Client.Ecs("JoinSecurityGroup", ("InstanceId", instance), ("SecurityGroupId", b))).Ok();
        (await Client.Ecs("AuthorizeSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", a), ("Permissions.1.IpProtocol", "ALL"),
            ("Permissions.1.PortRange", "-1/-1"), ("Permissions.1.SourceCidrIp", "0.0.0.0/0"), ("Permissions.1.Priority", "5"))).Ok();
        (await Client.Ecs("AuthorizeSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", b), ("Permissions.1.IpProtocol", "TCP"),
            ("Permissions.1.PortRange", "3389/3389"), ("Permissions.1.SourceCidrIp", "0.0.0.0/0"), ("Permissions.1.Priority", "5"), ("Permissions.1.Policy", "drop"))).Ok();
        (await Client.Ecs("AuthorizeSecurityGroupEgress", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", b), ("Permissions.1.IpProtocol", "TCP"),
            ("Permissions.1.PortRange", "25/25"), ("Permissions.1.DestCidrIp", "0.0.0.0/0"), ("Permissions.1.Policy", "drop"))).Ok();

        var rdp = await Decide(instance, "ingress", "TCP", "8.8.8.8", 3389);
        Assert.Equal(("Drop", "Rule"), Pair(rdp));
        Assert.Equal(b, rdp.Body.GetProperty("MatchedRule").GetProperty("SecurityGroupId").GetString());
        Assert.Equal(("Accept", "Rule"), Pair(await Decide(instance, "ingress", "ICMP", "8.8.8.8", null)));
        Assert.Equal(("Drop", "Rule"), Pair(await Decide(instance, "egress", "TCP", "1.2.3.4", 25)));
        Assert.Equal(("Accept", "Default"), Pair(await Decide(instance, "egress", "TCP", "1.2.3.4", 587)));
    }

    [Fact]
    public async Task EnterpriseGroups_DropBothWays_AndWhatIfGroupsNeedNoEni()
    {
        await Arrange();
        var enterprise = await CreateGroup(Vpc, ("SecurityGroupType", "enterprise"));
        var instance = (await Run(enterprise))[0];

        Assert.Equal(("Drop", "Default"), Pair(await Decide(instance, "egress", "TCP", "1.2.3.4", 443)));
        var whatIf = (await Traffic("evaluate", new { RegionId = "cn-hangzhou", SecurityGroupIds = new[] { enterprise }, Direction = "ingress", IpProtocol = "UDP",
            SourceIp = "10.0.0.1", DestinationIp = "192.168.1.1", DestinationPort = 53 })).Ok();
        Assert.Equal("Drop", whatIf.GetProperty("Decision").GetString());
    }

    [Fact]
    public async Task Batch_EvaluatesManyPacketsWithoutTraces()
    {
        await Arrange();
        var web = await CreateGroup(Vpc);
        var instance = (await Run(web))[0];
        (await Client.Ecs("AuthorizeSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", web), ("Permissions.1.IpProtocol", "TCP"),
            ("Permissions.1.PortRange", "1/1000"), ("Permissions.1.SourceCidrIp", "10.0.0.0/8"))).Ok();
        var packets = Enumerable.Range(1, 2000).Select(p => new { Direction = "ingress", IpProtocol = "TCP", SourceIp = "10.1.2.3", DestinationPort = p }).ToArray();

        var body = (await Traffic("evaluate", new { RegionId = "cn-hangzhou", InstanceId = instance, Packets = packets })).Ok();

        var results = body.GetProperty("Results").EnumerateArray().ToList();
        Assert.Equal(2000, results.Count);
        Assert.Equal(1000, results.Count(r => r.GetProperty("Decision").GetString() == "Accept"));
        Assert.Equal("Drop", results[1000].GetProperty("Decision").GetString());
        Assert.False(results[0].TryGetProperty("Trace", out _));
    }

    [Fact]
    public async Task Evaluate_Refusals()
    {
        await Arrange();
        var web = await CreateGroup(Vpc);
        var instance = (await Run(web))[0];

        (await Traffic("evaluate", new { RegionId = "cn-hangzhou", NetworkInterfaceId = "eni-nope", Direction = "ingress", IpProtocol = "TCP", SourceIp = "1.1.1.1", DestinationPort = 22 }))
            .Error("InvalidEniId.NotFound", 404);
        (await Traffic("evaluate", new { RegionId = "cn-hangzhou", InstanceId = instance, Direction = "ingress", IpProtocol = "TCP", SourceIp = "not-an-ip", DestinationPort = 22 }))
            .Error("InvalidParameter", 400);
        (await Traffic("evaluate", new { RegionId = "cn-hangzhou", InstanceId = instance, Direction = "sideways", IpProtocol = "TCP", SourceIp = "1.1.1.1", DestinationPort = 22 }))
            .Error("InvalidDirection.Malformed", 400);
        (await Traffic("evaluate", new { RegionId = "cn-hangzhou", InstanceId = instance, Direction = "ingress", IpProtocol = "TCP", SourceIp = "1.1.1.1" }))
            .Error("InvalidParameter", 400);
        (await Traffic("evaluate", new { RegionId = "cn-hangzhou", InstanceId = instance, IpProtocol = "TCP", SourceIp = "1.1.1.1", DestinationPort = 22 }))
            .Error("MissingParameter", 400);
        (await Traffic("evaluate", new { RegionId = "cn-hangzhou", InstanceId = instance, Direction = "ingress", IpProtocol = "TCP", SourceIp = "2001:db8::1", DestinationPort = 22 }))
            .Error("InvalidParameter.Conflict", 400);
        var tooMany = Enumerable.Range(0, 10001).Select(_ => new { Direction = "ingress", IpProtocol = "ICMP", SourceIp = "1.1.1.1" }).ToArray();
        (await Traffic("evaluate", new { RegionId = "cn-hangzhou", InstanceId = instance, Packets = tooMany })).Error("InvalidParameter", 400);
    }

    [Fact]
    public async Task Batch_CompiledPath_SeesEveryCommittedChangeAtTheNextEvaluation()
    {
        await Arrange();
        var web = await CreateGroup(Vpc);
        var ids = await Run(web, 2);
        var peerEni = (await Instance(ids[1])).GetProperty("NetworkInterfaces").GetProperty("NetworkInterface")[0].GetProperty("NetworkInterfaceId").GetString()!;
        async Task<string> Decide(string sourceIp, int port) =>
            (await Traffic("evaluate", new { RegionId = "cn-hangzhou", InstanceId = ids[0], Packets = new[] { new { Direction = "ingress", IpProtocol = "TCP", SourceIp = sourceIp, DestinationPort = port } } }))
            .Ok().GetProperty("Results")[0] is var r ? r.GetProperty("Decision").GetString() + "/" + r.GetProperty("Reason").GetString() : "";

        Assert.Equal("Drop/Default", await Decide("8.8.8.8", 22));
        Assert.Equal("Drop/Default", await Decide("8.8.8.8", 22));
        (await Client.Ecs("AuthorizeSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", web), ("Permissions.1.IpProtocol", "TCP"),
            ("Permissions.1.PortRange", "22/22"), ("Permissions.1.SourceCidrIp", "8.8.8.0/24"))).Ok();
        Assert.Equal("Accept/Rule", await Decide("8.8.8.8", 22));
        var rule = (await Client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", web))).Ok()
            .GetProperty("Permissions").GetProperty("Permission")[0].GetProperty("SecurityGroupRuleId").GetString()!;
        (await Client.Ecs("RevokeSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", web), ("SecurityGroupRuleId.1", rule))).Ok();
        Assert.Equal("Drop/Default", await Decide("8.8.8.8", 22));

        // A new secondary IP on the peer shares the group at once; the inner-access policy applies at once.
        var assigned = (await Client.Ecs("AssignPrivateIpAddresses", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", peerEni), ("SecondaryPrivateIpAddressCount", "1")))
            .Ok().GetProperty("AssignedPrivateIpAddressesSet").GetProperty("PrivateIpSet").GetProperty("PrivateIpAddress")[0].GetString()!;
        Assert.Equal("Accept/InnerAccess", await Decide(assigned, 80));
        (await Client.Ecs("ModifySecurityGroupPolicy", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", web), ("InnerAccessPolicy", "Drop"))).Ok();
        Assert.Equal("Drop/Default", await Decide(assigned, 80));
    }

    private static (string, string) Pair((string Decision, string Reason, JsonElement Body) v) => (v.Decision, v.Reason);
}
