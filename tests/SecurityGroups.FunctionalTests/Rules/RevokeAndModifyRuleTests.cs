namespace SecurityGroups.FunctionalTests.Rules;

public sealed class RevokeAndModifyRuleTests(EmulatorFactory factory) : RuleTest(factory)
{
    private Task<AcsResult> Revoke(string action, params (string, string)[] parameters) =>
        Client.Ecs(action, [("RegionId", "cn-hangzhou"), ("SecurityGroupId", Group), .. parameters]);

    private Task<AcsResult> Modify(string action, params (string, string)[] parameters) =>
        Client.Ecs(action, [("RegionId", "cn-hangzhou"), ("SecurityGroupId", Group), .. parameters]);

    [Fact]
    public async Task Revoke_ByRuleIds_RemovesExactlyThose()
    {
        await Arrange();
        (await Ingress([.. Ssh(1, "1.1.1.1"), .. Ssh(2, "2.2.2.2"), .. Ssh(3, "3.3.3.3")])).Ok();
        var ids = (await Rules()).Select(r => r.GetProperty("SecurityGroupRuleId").GetString()!).ToList();

        (await Revoke("RevokeSecurityGroup", ("SecurityGroupRuleId.1", ids[0]), ("SecurityGroupRuleId.2", ids[2]))).Ok();

        Assert.Equal([ids[1]], (await Rules()).Select(r => r.GetProperty("SecurityGroupRuleId").GetString()!));
    }

    [Fact]
    public async Task Revoke_ByRuleId_Refusals()
    {
        await Arrange();
        (await Ingress(Ssh())).Ok();
        (await Egress(Perm(1, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("DestCidrIp", "1.1.1.1")))).Ok();
        var ingressId = (await Rules("ingress"))[0].GetProperty("SecurityGroupRuleId").GetString()!;

        (await Revoke("RevokeSecurityGroup", ("SecurityGroupRuleId.1", "sgr-unknown"))).Error("InvalidSecurityGroupRuleId.NotFound", 404);
        (await Revoke("RevokeSecurityGroupEgress", ("SecurityGroupRuleId.1", ingressId))).Error("InvalidSecurityGroupRuleId.NotFound", 404);
        (await Revoke("RevokeSecurityGroup", ("SecurityGroupRuleId.1", ingressId), ("SecurityGroupRuleId.2", ingressId))).Error("InvalidParam.SecurityGroupRuleIdRepeated", 400);
        (await Revoke("RevokeSecurityGroup", [("SecurityGroupRuleId.1", ingressId), .. Ssh()])).Error("InvalidParam.Permissions", 400);
        (await Revoke("RevokeSecurityGroup")).Error("InvalidParam.Permissions", 400);
        Assert.Equal(2, (await Rules()).Count);
    }

    [Fact]
    public async Task Revoke_ByFields_PolicyDefaultsToAcceptAndPriorityTo1()
    {
        await Arrange();
        (await Ingress([.. Ssh(1), .. Perm(2, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "10.0.0.0/8"), ("Priority", "5")),
            .. Perm(3, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "10.0.0.0/8"), ("Policy", "drop"))])).Ok();

        (await Revoke("RevokeSecurityGroup", Perm(1, ("IpProtocol", "tcp"), ("PortRange", "22/22"), ("SourceCidrIp", "10.0.0.0/8"), ("Priority", "5")))).Ok();
        Assert.Equal(["Accept/1", "Drop/1"], (await Rules()).Select(r => $"{r.GetProperty("Policy").GetString()}/{r.GetProperty("Priority").GetString()}").Order());

        // Without Policy and Priority: accept at priority 1 only; the drop twin stays.
        (await Revoke("RevokeSecurityGroup", ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "10.0.0.0/8"))).Ok();
        Assert.Equal("Drop", Assert.Single(await Rules()).GetProperty("Policy").GetString());

        (await Revoke("RevokeSecurityGroup", ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "10.0.0.0/8"))).Error("InvalidParam.SecurityGroupRuleId", 400);
        (await Revoke("RevokeSecurityGroup", Perm(1, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "10.0.0.0/8"), ("Policy", "Drop")))).Ok();
        Assert.Empty(await Rules());
    }

    [Fact]
    public async Task RevokeEgress_ByFields_WithoutPriority_LeavesAnotherPrioritysTwin()
    {
        await Arrange();
        (await Egress(Perm(1, ("IpProtocol", "UDP"), ("PortRange", "53/53"), ("DestCidrIp", "8.8.8.8"), ("Priority", "7")))).Ok();

        (await Revoke("RevokeSecurityGroupEgress", Perm(1, ("IpProtocol", "UDP"), ("PortRange", "53/53"), ("DestCidrIp", "8.8.8.8"))))
            .Error("InvalidSecurityGroupRule.RuleNotExist", 400);
        Assert.Single(await Rules("egress"));

        (await Revoke("RevokeSecurityGroupEgress", Perm(1, ("IpProtocol", "UDP"), ("PortRange", "53/53"), ("DestCidrIp", "8.8.8.8"), ("Priority", "7")))).Ok();
        Assert.Empty(await Rules("egress"));
    }

    [Fact]
    public async Task Revoke_ByFields_ForAMissingRule_UsesTheDirectionsCode()
    {
        await Arrange();
        (await Revoke("RevokeSecurityGroup", Ssh())).Error("InvalidParam.SecurityGroupRuleId", 400);
        (await Revoke("RevokeSecurityGroupEgress", Perm(1, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("DestCidrIp", "1.1.1.1")))).Error("InvalidSecurityGroupRule.RuleNotExist", 400);
    }

    [Fact]
    public async Task Revoke_GroupReference_ThenTheReferencedGroupCanBeDeleted()
    {
        await Arrange();
        (await Egress(Perm(1, ("IpProtocol", "ALL"), ("PortRange", "-1/-1"), ("DestGroupId", Peer)))).Ok();
        (await Client.Ecs("DeleteSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", Peer))).Error("DependencyViolation", 403);

        (await Revoke("RevokeSecurityGroupEgress", Perm(1, ("IpProtocol", "ALL"), ("PortRange", "-1/-1"), ("DestGroupId", Peer)))).Ok();

        (await Client.Ecs("DeleteSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", Peer))).Ok();
    }

    [Fact]
    public async Task Modify_ById_ChangesFieldsAndKeepsTheId()
    {
        await Arrange();
        (await Ingress(Ssh())).Ok();
        var id = (await Rules())[0].GetProperty("SecurityGroupRuleId").GetString()!;

        (await Modify("ModifySecurityGroupRule", ("SecurityGroupRuleId", id), ("Priority", "7"), ("Policy", "drop"), ("Description", "changed"),
            ("PortRange", "2222/2222"), ("SourceCidrIp", "192.168.0.0/16"))).Ok();

        var rule = Assert.Single(await Rules());
        Assert.Equal(id, rule.GetProperty("SecurityGroupRuleId").GetString());
        Assert.Equal("7", rule.GetProperty("Priority").GetString());
        Assert.Equal("Drop", rule.GetProperty("Policy").GetString());
        Assert.Equal("changed", rule.GetProperty("Description").GetString());
        Assert.Equal("2222/2222", rule.GetProperty("PortRange").GetString());
        Assert.Equal("192.168.0.0/16", rule.GetProperty("SourceCidrIp").GetString());
    }

    [Fact]
    public async Task Modify_Refusals()
    {
        await Arrange();
        (await Ingress([.. Ssh(1), .. Ssh(2, "1.1.1.1")])).Ok();
        (await Egress(Perm(1, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("DestCidrIp", "1.1.1.1")))).Ok();
        var rules = await Rules("ingress");
        var id = rules.Single(r => r.GetProperty("SourceCidrIp").GetString() == "10.0.0.0/8").GetProperty("SecurityGroupRuleId").GetString()!;
        var egressId = (await Rules("egress"))[0].GetProperty("SecurityGroupRuleId").GetString()!;

        (await Modify("ModifySecurityGroupRule", ("SecurityGroupRuleId", id), ("SourceGroupId", Peer))).Error("InvalidOperation.ModifySgRuleEntityType", 400);
        (await Modify("ModifySecurityGroupRule", ("SecurityGroupRuleId", id), ("Ipv6SourceCidrIp", "::/0"))).Error("InvalidOperation.ModifySgRuleEntityType", 400);
        (await Modify("ModifySecurityGroupRule", ("SecurityGroupRuleId", id), ("NicType", "internet"))).Error("InvalidOperation.ModifyNicType", 400);
        (await Modify("ModifySecurityGroupRule", ("SecurityGroupRuleId", id), ("PortRangeListId", "prl-x"))).Error("InvalidOperation.ModifyPortRangeType", 400);
        (await Modify("ModifySecurityGroupRule", ("SecurityGroupRuleId", id), ("SourceCidrIp", "1.1.1.1"))).Error("InvalidOperation.RuleDuplicate", 400);
        (await Modify("ModifySecurityGroupRule", ("SecurityGroupRuleId", id), ("IpProtocol", "ICMP"))).Error("InvalidParam.ProtocolAndPortRangeMismatch", 400);
        (await Modify("ModifySecurityGroupRule", ("SecurityGroupRuleId", id), ("Priority", "0"))).Error("InvalidPriority.Malformed", 400);
        (await Modify("ModifySecurityGroupRule", ("SecurityGroupRuleId", "sgr-unknown"), ("Priority", "2"))).Error("InvalidSecurityGroupRuleId.NotFound", 404);
        (await Modify("ModifySecurityGroupRule", ("SecurityGroupRuleId", egressId), ("Priority", "2"))).Error("InvalidSecurityGroupRuleId.NotFound", 404);
        Assert.Equal("1", (await Rules("ingress")).Single(r => r.GetProperty("SecurityGroupRuleId").GetString() == id).GetProperty("Priority").GetString());
    }

    [Fact]
    public async Task Modify_LegacyMatch_ChangesPolicyPriorityAndDescription()
    {
        await Arrange();
        (await Egress(Perm(1, ("IpProtocol", "UDP"), ("PortRange", "53/53"), ("DestCidrIp", "8.8.8.8")))).Ok();

        (await Modify("ModifySecurityGroupEgressRule", ("IpProtocol", "UDP"), ("PortRange", "53/53"), ("DestCidrIp", "8.8.8.8"), ("Priority", "9"), ("Description", "dns"))).Ok();
        (await Modify("ModifySecurityGroupEgressRule", ("IpProtocol", "UDP"), ("PortRange", "54/54"), ("DestCidrIp", "8.8.8.8"), ("Priority", "9"))).Error("SecurityGroupRule.NotFound", 404);

        var rule = Assert.Single(await Rules("egress"));
        Assert.Equal("9", rule.GetProperty("Priority").GetString());
        Assert.Equal("dns", rule.GetProperty("Description").GetString());
    }

    [Fact]
    public async Task DescribeSecurityGroupReferences_ListsReferrersOfEachGroup()
    {
        await Arrange();
        var third = await CreateGroup(VpcId);
        (await Ingress(Perm(1, ("IpProtocol", "ALL"), ("PortRange", "-1/-1"), ("SourceGroupId", Peer)))).Ok();
        (await Client.Ecs("AuthorizeSecurityGroupEgress", [("RegionId", "cn-hangzhou"), ("SecurityGroupId", third), .. Perm(1, ("IpProtocol", "ALL"), ("PortRange", "-1/-1"), ("DestGroupId", Peer))])).Ok();

        var body = (await Client.Ecs("DescribeSecurityGroupReferences", ("RegionId", "cn-hangzhou"), ("SecurityGroupId.1", Peer), ("SecurityGroupId.2", Group))).Ok();

        var references = body.GetProperty("SecurityGroupReferences").GetProperty("SecurityGroupReference").EnumerateArray().ToList();
        var peer = references.Single(r => r.GetProperty("SecurityGroupId").GetString() == Peer).GetProperty("ReferencingSecurityGroups").GetProperty("ReferencingSecurityGroup");
        Assert.Equal(new[] { Group, third }.Order(), peer.EnumerateArray().Select(g => g.GetProperty("SecurityGroupId").GetString()!).Order());
        Assert.All(peer.EnumerateArray(), g => Assert.Equal("1234567890123456", g.GetProperty("AliUid").GetString()));
        Assert.Equal(0, references.Single(r => r.GetProperty("SecurityGroupId").GetString() == Group).GetProperty("ReferencingSecurityGroups").GetProperty("ReferencingSecurityGroup").GetArrayLength());
    }

    [Fact]
    public async Task DescribeSecurityGroupReferences_Refusals()
    {
        await Arrange();
        var eleven = Enumerable.Range(1, 11).Select(i => ($"SecurityGroupId.{i}", Group)).ToArray();
        (await Client.Ecs("DescribeSecurityGroupReferences", [("RegionId", "cn-hangzhou"), .. eleven])).Error("InvalidSecurityGroupId.Malformed", 400);
        (await Client.Ecs("DescribeSecurityGroupReferences", ("RegionId", "cn-hangzhou"))).Error("InvalidSecurityGroupId.Malformed", 400);
        (await Client.Ecs("DescribeSecurityGroupReferences", ("RegionId", "cn-hangzhou"), ("SecurityGroupId.1", "sg-nope"))).Error("InvalidSecurityGroupId.NotFound", 404);
    }
}

public sealed class RulePagingTests
{
    [Fact]
    public async Task DescribeSecurityGroupAttribute_PagesAThousandRules()
    {
        using var factory = new CustomEmulatorFactory(null, new Dictionary<string, string?> { ["Quotas:RulesPerSecurityGroup"] = "1000" });
        var client = factory.Acs();
        var group = (await client.Ecs("CreateSecurityGroup", ("RegionId", "cn-hangzhou"))).Ok().GetProperty("SecurityGroupId").GetString()!;
        for (var batch = 0; batch < 10; batch++)
        {
            var permissions = Enumerable.Range(1, 100).SelectMany(i => new[]
            {
                ($"Permissions.{i}.IpProtocol", "TCP"), ($"Permissions.{i}.PortRange", $"{(batch * 100) + i}/{(batch * 100) + i}"), ($"Permissions.{i}.SourceCidrIp", "10.0.0.0/8"),
            });
            (await client.Ecs("AuthorizeSecurityGroup", [("RegionId", "cn-hangzhou"), ("SecurityGroupId", group), .. permissions])).Ok();
        }

        var seen = new HashSet<string>();
        string? token = null;
        var pages = 0;
        do
        {
            (string, string)[] paging = token is null ? [("MaxResults", "300")] : [("MaxResults", "300"), ("NextToken", token)];
            var body = (await client.Ecs("DescribeSecurityGroupAttribute", [("RegionId", "cn-hangzhou"), ("SecurityGroupId", group), .. paging])).Ok();
            foreach (var rule in body.GetProperty("Permissions").GetProperty("Permission").EnumerateArray())
            {
                Assert.True(seen.Add(rule.GetProperty("SecurityGroupRuleId").GetString()!));
            }

            token = body.TryGetProperty("NextToken", out var next) ? next.GetString() : null;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(4, pages);
        Assert.Equal(1000, seen.Count);
        var defaultPage = (await client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group))).Ok();
        Assert.Equal(500, defaultPage.GetProperty("Permissions").GetProperty("Permission").GetArrayLength());
    }
}
