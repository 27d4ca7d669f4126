namespace SecurityGroups.FunctionalTests.Rules;

public sealed class AuthorizeSecurityGroupTests(EmulatorFactory factory) : RuleTest(factory)
{
    [Fact]
    public async Task Authorize_EveryAuthorizationObjectKind_IsListedWithEveryField()
    {
        await Arrange();
        (await Ingress([
            .. Perm(1, ("IpProtocol", "tcp"), ("PortRange", "22/22"), ("SourceCidrIp", "10.159.6.18/12"), ("Policy", "accept"), ("Priority", "10"), ("Description", "ssh"), ("DestCidrIp", "192.168.1.10")),
            .. Perm(2, ("IpProtocol", "udp"), ("PortRange", "53/53"), ("Ipv6SourceCidrIp", "2001:0DB8:0000::/48"), ("SourcePortRange", "1024/65535")),
            .. Perm(3, ("IpProtocol", "ALL"), ("PortRange", "-1/-1"), ("SourceGroupId", Peer), ("Policy", "Drop"), ("Priority", "100")),
            .. Perm(4, ("IpProtocol", "icmp"), ("PortRange", "-1/-1"), ("SourceCidrIp", "0.0.0.0/0"), ("NicType", "internet")),
        ])).Ok();
        (await Egress(Perm(1, ("IpProtocol", "GRE"), ("PortRange", "-1/-1"), ("DestGroupId", Peer)))).Ok();

        var ingress = await Rules("ingress");
        var egress = await Rules("egress");

        Assert.Equal(4, ingress.Count);
        var ssh = ingress.Single(r => r.GetProperty("PortRange").GetString() == "22/22");
        Assert.Matches("^sgr-[a-z0-9]{20}$", ssh.GetProperty("SecurityGroupRuleId").GetString());
        Assert.Equal("ingress", ssh.GetProperty("Direction").GetString());
        Assert.Equal("TCP", ssh.GetProperty("IpProtocol").GetString());
        Assert.Equal("Accept", ssh.GetProperty("Policy").GetString());
        Assert.Equal("10", ssh.GetProperty("Priority").GetString());
        Assert.Equal("10.159.6.18/12", ssh.GetProperty("SourceCidrIp").GetString());
        Assert.Equal("192.168.1.10", ssh.GetProperty("DestCidrIp").GetString());
        Assert.Equal("ssh", ssh.GetProperty("Description").GetString());
        Assert.Equal("intranet", ssh.GetProperty("NicType").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", ssh.GetProperty("CreateTime").GetString());
        var dns = ingress.Single(r => r.GetProperty("IpProtocol").GetString() == "UDP");
        Assert.Equal("2001:db8::/48", dns.GetProperty("Ipv6SourceCidrIp").GetString());
        Assert.Equal("1024/65535", dns.GetProperty("SourcePortRange").GetString());
        var group = ingress.Single(r => r.GetProperty("IpProtocol").GetString() == "ALL");
        Assert.Equal(Peer, group.GetProperty("SourceGroupId").GetString());
        Assert.Equal("peer", group.GetProperty("SourceGroupName").GetString());
        Assert.Equal("Drop", group.GetProperty("Policy").GetString());
        Assert.Equal("intranet", ingress.Single(r => r.GetProperty("IpProtocol").GetString() == "ICMP").GetProperty("NicType").GetString());
        Assert.Equal(Peer, Assert.Single(egress).GetProperty("DestGroupId").GetString());
        Assert.Equal("peer", egress[0].GetProperty("DestGroupName").GetString());
        var listed = (await DescribeGroups(("SecurityGroupId", Group))).GetProperty("SecurityGroups").GetProperty("SecurityGroup")[0];
        Assert.Equal(5, listed.GetProperty("RuleCount").GetInt32());
        Assert.Equal(2, listed.GetProperty("GroupToGroupRuleCount").GetInt32());
    }

    [Fact]
    public async Task Authorize_LegacyFlatForm_AddsOneRule()
    {
        await Arrange();
        (await Ingress(("IpProtocol", "TCP"), ("PortRange", "80/80"), ("SourceCidrIp", "0.0.0.0/0"))).Ok();
        (await Egress(("IpProtocol", "TCP"), ("PortRange", "443/443"), ("DestCidrIp", "0.0.0.0/0"))).Ok();

        Assert.Equal("80/80", Assert.Single(await Rules("ingress")).GetProperty("PortRange").GetString());
        Assert.Equal("0.0.0.0/0", Assert.Single(await Rules("egress")).GetProperty("DestCidrIp").GetString());
    }

    [Fact]
    public async Task Authorize_AnExistingRule_IsASuccessfulNoOp_AndDuplicatesInARequestAreRefused()
    {
        await Arrange();
        (await Ingress(Ssh())).Ok();
        (await Ingress(Perm(1, ("IpProtocol", "tcp"), ("PortRange", "22/22"), ("SourceCidrIp", "10.0.0.0/8"), ("Description", "other text")))).Ok();
        Assert.Equal("", Assert.Single(await Rules()).GetProperty("Description").GetString());

        (await Ingress([.. Ssh(1, "1.1.1.1"), .. Ssh(2, "1.1.1.1")])).Error("InvalidParam.DuplicatePermissions", 400);
        Assert.Single(await Rules());

        (await Ingress(Perm(1, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "10.0.0.0/8"), ("Priority", "2")))).Ok();
        (await Ingress(Perm(1, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "10.0.0.0/8"), ("Policy", "drop")))).Ok();
        Assert.Equal(3, (await Rules()).Count);

        // One request mixing stored rules and a new one: only the new one is added.
        (await Ingress([.. Ssh(1), .. Perm(2, ("IpProtocol", "TCP"), ("PortRange", "80/80"), ("SourceCidrIp", "10.0.0.0/8")),
            .. Perm(3, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "10.0.0.0/8"), ("Priority", "2"))])).Ok();
        var rules = await Rules();
        Assert.Equal(4, rules.Count);
        Assert.Single(rules, r => r.GetProperty("PortRange").GetString() == "80/80");
    }

    [Theory]
    [InlineData("IpProtocol", "SCTP", "InvalidIpProtocol.ValueNotSupported", 400)]
    [InlineData("PortRange", "22", "InvalidParam.PortRange", 400)]
    [InlineData("PortRange", "0/22", "InvalidParam.PortRange", 400)]
    [InlineData("PortRange", "-1/-1", "OperationDenied", 400)]
    [InlineData("Priority", "0", "InvalidPriority.Malformed", 400)]
    [InlineData("Priority", "101", "InvalidPriority.Malformed", 400)]
    [InlineData("Policy", "allow", "InvalidPolicy.Malformed", 400)]
    [InlineData("SourceCidrIp", "10.0.0.0/33", "InvalidSourceCidrIp.Malformed", 400)]
    [InlineData("SourceCidrIp", "2001:db8::/32", "InvalidSourceCidrIp.Malformed", 400)]
    [InlineData("DestCidrIp", "nonsense", "InvalidDestCidrIp.Malformed", 400)]
    [InlineData("Ipv6SourceCidrIp", "10.0.0.0/8", "InvalidParam.SourceIp", 400)]
    [InlineData("SourcePortRange", "x/y", "InvalidSourcePortRange.Malformed", 400)]
    [InlineData("NicType", "wifi", "InvalidNicType.ValueNotSupported", 400)]
    [InlineData("Description", "https://x", "InvalidSecurityGroupDiscription.Malformed", 400)]
    [InlineData("PortRangeListId", "prl-unknown", "InvalidPortRangeListId.NotFound", 400)]
    public async Task Authorize_Validation(string field, string value, string code, int status)
    {
        await Arrange();
        var fields = new Dictionary<string, string> { ["IpProtocol"] = "TCP", ["PortRange"] = "22/22", ["SourceCidrIp"] = "10.0.0.0/8" };
        fields[field] = value;
        if (field == "PortRangeListId")
        {
            fields.Remove("PortRange");
        }

        (await Ingress(Perm(1, [.. fields.Select(f => (f.Key, f.Value))]))).Error(code, status);
        Assert.Empty(await Rules());
    }

    [Theory]
    [InlineData("ICMP", "22/22", "10.0.0.0/8", "OperationDenied")]
    [InlineData("GRE", "1/65535", "10.0.0.0/8", "OperationDenied")]
    [InlineData("ICMP", "-1/-1", null, "InvalidParam.Ipv4ProtocolConflictWithIpv6Address")]
    [InlineData("ICMPv6", "-1/-1", "10.0.0.0/8", "InvalidParam.Ipv6ProtocolConflictWithIpv4Address")]
    public async Task Authorize_ProtocolMismatches(string protocol, string ports, string? ipv4, string code)
    {
        await Arrange();
        (string, string)[] peer = ipv4 is null ? [("Ipv6SourceCidrIp", "::/0")] : [("SourceCidrIp", ipv4)];
        (await Ingress(Perm(1, [("IpProtocol", protocol), ("PortRange", ports), .. peer]))).Error(code, 400);
    }

    [Fact]
    public async Task Authorize_MissingParts()
    {
        await Arrange();
        (await Ingress(Perm(1, ("IpProtocol", "TCP"), ("PortRange", "22/22")))).Error("MissingParameter.Source", 400);
        (await Egress(Perm(1, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "10.0.0.1")))).Error("MissingParameter.Dest", 400);
        (await Ingress(Perm(1, ("IpProtocol", "TCP"), ("SourceCidrIp", "10.0.0.0/8")))).Error("InvalidPortRange.Malformed", 400);
        (await Ingress(Perm(1, ("PortRange", "22/22"), ("SourceCidrIp", "10.0.0.0/8")))).Error("MissingParameter", 400);
        (await Ingress([.. Ssh(), ("IpProtocol", "TCP")])).Error("InvalidParam.Permissions", 400);
        (await Client.Ecs("AuthorizeSecurityGroup", [("RegionId", "cn-hangzhou"), .. Ssh()])).Error("MissingParameter", 400);
        (await Client.Ecs("AuthorizeSecurityGroup", [("RegionId", "cn-hangzhou"), ("SecurityGroupId", "sg-nope"), .. Ssh()])).Error("InvalidSecurityGroupId.NotFound", 404);
        var tooMany = Enumerable.Range(1, 101).SelectMany(i => Ssh(i, $"10.0.{i}.0/24")).ToArray();
        (await Ingress(tooMany)).Error("InvalidParam.Permissions", 400);
        Assert.Empty(await Rules());
    }

    [Fact]
    public async Task Authorize_GroupReferences_AreChecked()
    {
        await Arrange();
        var otherVpc = await CreateVpc("10.0.0.0/8");
        var elsewhere = await CreateGroup(otherVpc);
        var enterprise = await CreateGroup(VpcId, ("SecurityGroupType", "enterprise"));
        (string, string)[] Ref(string field, string id) => Perm(1, ("IpProtocol", "ALL"), ("PortRange", "-1/-1"), (field, id));

        (await Ingress(Ref("SourceGroupId", "sg-missing"))).Error("InvalidSourceGroupId.NotFound", 404);
        (await Egress(Ref("DestGroupId", "sg-missing"))).Error("InvalidDestGroupId.NotFound", 404);
        (await Ingress(Ref("SourceGroupId", Group))).Error("InvalidParamter.Conflict", 400);
        (await Egress(Ref("DestGroupId", Group))).Error("InvalidSecurityGroup.IsSame", 403);
        (await Ingress(Ref("SourceGroupId", elsewhere))).Error("InvalidSourceGroupId.Mismatch", 400);
        (await Egress(Ref("DestGroupId", elsewhere))).Error("InvalidDestGroupId.Mismatch", 400);
        (await Ingress(Ref("SourceGroupId", enterprise))).Error("InvalidGroupAuthParameter.OperationDenied", 400);
        (await Client.Ecs("AuthorizeSecurityGroup", [("RegionId", "cn-hangzhou"), ("SecurityGroupId", enterprise), .. Ref("SourceGroupId", Peer)]))
            .Error("InvalidGroupParameter.OperationDenied", 400);
        Assert.Empty(await Rules());
    }

    [Fact]
    public async Task Authorize_CidrTakesPrecedenceOverGroupAndPrefixList()
    {
        await Arrange();
        (await Ingress(Perm(1, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "10.0.0.0/8"), ("SourceGroupId", Peer), ("SourcePrefixListId", "pl-ignored")))).Ok();

        var rule = Assert.Single(await Rules());
        Assert.Equal("10.0.0.0/8", rule.GetProperty("SourceCidrIp").GetString());
        Assert.Equal("", rule.GetProperty("SourceGroupId").GetString());
        Assert.Equal("", rule.GetProperty("SourcePrefixListId").GetString());
    }

    [Fact]
    public async Task Authorize_PastTheRuleQuota_IsAuthorizationLimitExceed403()
    {
        await Arrange();
        for (var batch = 0; batch < 2; batch++)
        {
            var rules = Enumerable.Range(1, 100).SelectMany(i => Ssh(i, $"10.{batch}.{i}.0/24")).ToArray();
            (await Ingress(rules)).Ok();
        }

        (await Egress(Perm(1, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("DestCidrIp", "1.1.1.1")))).Error("AuthorizationLimitExceed", 403);
        Assert.Equal(200, (await Rules()).Count);
        Assert.Equal(200, (await DescribeGroups(("SecurityGroupId", Group))).GetProperty("SecurityGroups").GetProperty("SecurityGroup")[0].GetProperty("RuleCount").GetInt32());
    }

    [Fact]
    public async Task Authorize_MoreThan20GroupReferences_IsAuthorizedGroupRuleLimitExceed()
    {
        await Arrange();
        var references = Enumerable.Range(1, 20).SelectMany(i => Perm(i, ("IpProtocol", "TCP"), ("PortRange", $"{i}/{i}"), ("SourceGroupId", Peer))).ToArray();
        (await Ingress(references)).Ok();

        (await Egress(Perm(1, ("IpProtocol", "ALL"), ("PortRange", "-1/-1"), ("DestGroupId", Peer)))).Error("AuthorizedGroupRule.LimitExceed", 400);
        (await Egress(Perm(1, ("IpProtocol", "ALL"), ("PortRange", "-1/-1"), ("DestCidrIp", "1.1.1.1")))).Ok();
    }

    [Fact]
    public async Task Authorize_OnAManagedGroup_IsRefused()
    {
        await Arrange();
        await SetFlags(Group, """{"ServiceManaged":true}""");
        (await Ingress(Ssh())).Error("InvalidOperation.ResourceManagedByCloudProduct", 403);
    }

    [Fact]
    public async Task Authorize_ClientTokenRetry_ReplaysWithoutAddingTwice()
    {
        await Arrange();
        var first = await Ingress([.. Ssh(), ("ClientToken", "rule-1")]);
        (await Client.Ecs("RevokeSecurityGroup", [("RegionId", "cn-hangzhou"), ("SecurityGroupId", Group), .. Ssh()])).Ok();
        var retry = await Ingress([.. Ssh(), ("ClientToken", "rule-1")]);

        Assert.Equal(first.Text, retry.Text);
        Assert.Empty(await Rules());
    }
}

public sealed class RuleQuotaConcurrencyTests
{
    [Fact]
    public async Task Authorize_16ParallelCallsAtTheRulesQuotaEdge_EndWithExactlyTheQuota()
    {
        using var factory = new CustomEmulatorFactory(null, new Dictionary<string, string?> { ["Quotas:RulesPerSecurityGroup"] = "10" });
        var client = factory.Acs();
        var group = (await client.Ecs("CreateSecurityGroup", ("RegionId", "cn-hangzhou"))).Ok().GetProperty("SecurityGroupId").GetString()!;

        var results = await Task.WhenAll(Enumerable.Range(1, 16).Select(i => client.Ecs("AuthorizeSecurityGroup",
            ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group), ("Permissions.1.IpProtocol", "TCP"),
            ("Permissions.1.PortRange", $"{i}/{i}"), ("Permissions.1.SourceCidrIp", "10.0.0.0/8"))));

        Assert.Equal(10, results.Count(r => r.Status == HttpStatusCode.OK));
        Assert.All(results.Where(r => r.Status != HttpStatusCode.OK), r => r.Error("AuthorizationLimitExceed", 403));
        var attribute = (await client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group))).Ok();
        Assert.Equal(10, attribute.GetProperty("Permissions").GetProperty("Permission").GetArrayLength());
    }
}
