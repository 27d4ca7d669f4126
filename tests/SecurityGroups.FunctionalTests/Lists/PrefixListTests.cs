namespace SecurityGroups.FunctionalTests.Lists;

public sealed class PrefixListTests(EmulatorFactory factory) : EmulatorTest(factory)
{
    private async Task<string> Create(string family = "IPv4", int max = 5, params (string, string)[] extra) =>
        (await Client.Ecs("CreatePrefixList", [("RegionId", "cn-hangzhou"), ("AddressFamily", family), ("MaxEntries", max.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("PrefixListName", "office"), .. extra])).Ok().GetProperty("PrefixListId").GetString()!;

    private async Task<System.Text.Json.JsonElement> Attributes(string id) =>
        (await Client.Ecs("DescribePrefixListAttributes", ("RegionId", "cn-hangzhou"), ("PrefixListId", id))).Ok();

    [Fact]
    public async Task CreatePrefixList_NormalisesEntries()
    {
        var v4 = await Create("IPv4", 5, ("Entry.1.Cidr", "10.1.0.0/16"), ("Entry.1.Description", "hq"), ("Entry.2.Cidr", "192.168.1.7"), ("Description", "offices"));
        var v6 = await Create("IPv6", 2, ("Entry.1.Cidr", "2001:0DB8:0000::/48"), ("Entry.2.Cidr", "2001:db8::1"));

        var body = await Attributes(v4);
        Assert.Matches("^pl-[a-z0-9]{20}$", v4);
        Assert.Equal("IPv4", body.GetProperty("AddressFamily").GetString());
        Assert.Equal(5, body.GetProperty("MaxEntries").GetInt32());
        Assert.Equal("offices", body.GetProperty("Description").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$", body.GetProperty("CreationTime").GetString());
        var entries = body.GetProperty("Entries").GetProperty("Entry").EnumerateArray().Select(e => (e.GetProperty("Cidr").GetString(), e.GetProperty("Description").GetString())).ToList();
        Assert.Equal([("10.1.0.0/16", "hq"), ("192.168.1.7/32", "")], entries);
        Assert.Equal(["2001:db8::/48", "2001:db8::1/128"], (await Attributes(v6)).GetProperty("Entries").GetProperty("Entry").EnumerateArray().Select(e => e.GetProperty("Cidr").GetString()));
    }

    [Theory]
    [InlineData("AddressFamily", "IPv5", "InvalidParameter.AddressFamily")]
    [InlineData("MaxEntries", "0", "InvalidParameter.MaxEntries")]
    [InlineData("MaxEntries", "201", "InvalidParameter.MaxEntries")]
    [InlineData("PrefixListName", "1abc", "InvalidParameter.PrefixListName")]
    [InlineData("PrefixListName", "com.aliyun.x", "InvalidParameter.PrefixListName")]
    [InlineData("PrefixListName", "has space", "InvalidParameter.PrefixListName")]
    [InlineData("Entry.1.Cidr", "10.0.0.1/8", "InvalidParameter.CidrMalformed")]
    [InlineData("Entry.1.Cidr", "2001:db8::/32", "InvalidParameter.CidrMalformed")]
    [InlineData("Description", "x", "InvalidDescription.Malformed")]
    public async Task CreatePrefixList_Refusals(string name, string value, string code)
    {
        var fields = new Dictionary<string, string> { ["RegionId"] = "cn-hangzhou", ["AddressFamily"] = "IPv4", ["MaxEntries"] = "5", ["PrefixListName"] = "office", [name] = value };
        (await Client.Ecs("CreatePrefixList", [.. fields.Select(f => (f.Key, f.Value))])).Error(code, 400);
        Assert.Equal(0, (await Client.Ecs("DescribePrefixLists", ("RegionId", "cn-hangzhou"))).Ok().GetProperty("PrefixLists").GetProperty("PrefixList").GetArrayLength());
    }

    [Fact]
    public async Task CreatePrefixList_EntryLimitsAndDuplicates()
    {
        (await Client.Ecs("CreatePrefixList", ("RegionId", "cn-hangzhou"), ("AddressFamily", "IPv4"), ("MaxEntries", "1"), ("PrefixListName", "abc"),
            ("Entry.1.Cidr", "10.0.0.0/8"), ("Entry.2.Cidr", "11.0.0.0/8"))).Error("LimitExceed.MaxEntries", 400);
        (await Client.Ecs("CreatePrefixList", ("RegionId", "cn-hangzhou"), ("AddressFamily", "IPv4"), ("MaxEntries", "5"), ("PrefixListName", "abc"),
            ("Entry.1.Cidr", "10.0.0.1"), ("Entry.2.Cidr", "10.0.0.1/32"))).Error("InvalidParameter.CidrDuplicated", 400);
        (await Client.Ecs("CreatePrefixList", ("RegionId", "cn-hangzhou"), ("MaxEntries", "5"), ("PrefixListName", "abc"))).Error("MissingParameter", 400);
    }

    [Fact]
    public async Task PrefixListsPerRegion_IsAQuota()
    {
        using var factory = new CustomEmulatorFactory(null, new Dictionary<string, string?> { ["Quotas:PrefixListsPerRegion"] = "2" });
        var client = factory.Acs();
        for (var i = 0; i < 2; i++)
        {
            (await client.Ecs("CreatePrefixList", ("RegionId", "cn-hangzhou"), ("AddressFamily", "IPv4"), ("MaxEntries", "1"), ("PrefixListName", "abc"))).Ok();
        }

        (await client.Ecs("CreatePrefixList", ("RegionId", "cn-hangzhou"), ("AddressFamily", "IPv4"), ("MaxEntries", "1"), ("PrefixListName", "abc")))
            .Error("LimitExceed.PrefixListPerRegion", 404);
    }

    [Fact]
    public async Task ModifyPrefixList_AddsRemovesRenamesAndRulesSeeItAtOnce()
    {
        var id = await Create("IPv4", 3, ("Entry.1.Cidr", "10.1.0.0/16"), ("Entry.2.Cidr", "10.2.0.0/16"));
        var vpc = await CreateVpc();
        var group = await CreateGroup(vpc);
        (await Client.Ecs("AuthorizeSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group), ("Permissions.1.IpProtocol", "TCP"),
            ("Permissions.1.PortRange", "22/22"), ("Permissions.1.SourcePrefixListId", id))).Ok();

        (await Client.Ecs("ModifyPrefixList", ("RegionId", "cn-hangzhou"), ("PrefixListId", id), ("AddEntry.1.Cidr", "10.3.0.0/16"),
            ("AddEntry.2.Cidr", "10.1.0.0/16"), ("AddEntry.2.Description", "renamed entry"), ("RemoveEntry.1.Cidr", "10.2.0.0/16"), ("PrefixListName", "branch"))).Ok();

        var entries = (await Attributes(id)).GetProperty("Entries").GetProperty("Entry").EnumerateArray()
            .Select(e => (e.GetProperty("Cidr").GetString(), e.GetProperty("Description").GetString())).ToList();
        Assert.Equal([("10.1.0.0/16", "renamed entry"), ("10.3.0.0/16", "")], entries);
        var rule = (await Client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group))).Ok()
            .GetProperty("Permissions").GetProperty("Permission")[0];
        Assert.Equal("branch", rule.GetProperty("SourcePrefixListName").GetString());
        Assert.Equal(id, rule.GetProperty("SourcePrefixListId").GetString());
    }

    [Fact]
    public async Task ModifyPrefixList_Refusals()
    {
        var id = await Create("IPv4", 2, ("Entry.1.Cidr", "10.1.0.0/16"));
        (await Client.Ecs("ModifyPrefixList", ("RegionId", "cn-hangzhou"), ("PrefixListId", id), ("AddEntry.1.Cidr", "10.2.0.0/16"), ("AddEntry.2.Cidr", "10.3.0.0/16"))).Error("LimitExceed.MaxEntries", 400);
        (await Client.Ecs("ModifyPrefixList", ("RegionId", "cn-hangzhou"), ("PrefixListId", id), ("AddEntry.1.Cidr", "10.1.0.0/16"), ("RemoveEntry.1.Cidr", "10.1.0.0/16"))).Error("InvalidParameter.Conflict", 400);
        (await Client.Ecs("ModifyPrefixList", ("RegionId", "cn-hangzhou"), ("PrefixListId", id), ("RemoveEntry.1.Cidr", "10.9.0.0/16"))).Error("InvalidParameter.EntryNotFound", 400);
        (await Client.Ecs("ModifyPrefixList", ("RegionId", "cn-hangzhou"), ("PrefixListId", id), ("AddEntry.1.Cidr", "10.9.0.1/16"))).Error("InvalidParameter.CidrMalformed", 400);
        (await Client.Ecs("ModifyPrefixList", ("RegionId", "cn-hangzhou"), ("PrefixListId", "pl-nope"), ("PrefixListName", "abc"))).Error("InvalidPrefixListId.NotFound", 404);
        Assert.Single((await Attributes(id)).GetProperty("Entries").GetProperty("Entry").EnumerateArray());
    }

    [Fact]
    public async Task DeletePrefixList_RefusedWhileUsed_ThenDeleted()
    {
        var id = await Create();
        var group = await CreateGroup(await CreateVpc());
        (await Client.Ecs("AuthorizeSecurityGroupEgress", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group), ("Permissions.1.IpProtocol", "ALL"),
            ("Permissions.1.PortRange", "-1/-1"), ("Permissions.1.DestPrefixListId", id))).Ok();

        (await Client.Ecs("DeletePrefixList", ("RegionId", "cn-hangzhou"), ("PrefixListId", id))).Error("NotAllowed.AssociationExist", 400);
        var associations = (await Client.Ecs("DescribePrefixListAssociations", ("RegionId", "cn-hangzhou"), ("PrefixListId", id))).Ok();
        Assert.Equal(group, associations.GetProperty("PrefixListAssociations").GetProperty("PrefixListAssociation")[0].GetProperty("ResourceId").GetString());
        Assert.Equal(1, (await Client.Ecs("DescribePrefixLists", ("RegionId", "cn-hangzhou"))).Ok().GetProperty("PrefixLists").GetProperty("PrefixList")[0].GetProperty("AssociationCount").GetInt32());

        (await Client.Ecs("DeleteSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group))).Ok();
        (await Client.Ecs("DeletePrefixList", ("RegionId", "cn-hangzhou"), ("PrefixListId", id))).Ok();
        (await Client.Ecs("DescribePrefixListAttributes", ("RegionId", "cn-hangzhou"), ("PrefixListId", id))).Error("InvalidPrefixListId.NotFound", 404);
    }

    [Fact]
    public async Task RuleWithAPrefixList_CountsAsMaxEntries()
    {
        using var factory = new CustomEmulatorFactory(null, new Dictionary<string, string?> { ["Quotas:RulesPerSecurityGroup"] = "10" });
        var client = factory.Acs();
        var vpc = (await client.Vpc("CreateVpc", ("RegionId", "cn-hangzhou"))).Ok().GetProperty("VpcId").GetString()!;
        var group = (await client.Ecs("CreateSecurityGroup", ("RegionId", "cn-hangzhou"), ("VpcId", vpc))).Ok().GetProperty("SecurityGroupId").GetString()!;
        var list = (await client.Ecs("CreatePrefixList", ("RegionId", "cn-hangzhou"), ("AddressFamily", "IPv4"), ("MaxEntries", "8"), ("PrefixListName", "big"))).Ok().GetProperty("PrefixListId").GetString()!;

        (await client.Ecs("AuthorizeSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group), ("Permissions.1.IpProtocol", "TCP"),
            ("Permissions.1.PortRange", "22/22"), ("Permissions.1.SourcePrefixListId", list))).Ok();
        (await client.Ecs("AuthorizeSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group), ("Permissions.1.IpProtocol", "TCP"),
            ("Permissions.1.PortRange", "80/80"), ("Permissions.1.SourceCidrIp", "1.1.1.1"), ("Permissions.2.IpProtocol", "TCP"),
            ("Permissions.2.PortRange", "81/81"), ("Permissions.2.SourceCidrIp", "1.1.1.1"))).Ok();
        (await client.Ecs("AuthorizeSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group), ("Permissions.1.IpProtocol", "TCP"),
            ("Permissions.1.PortRange", "82/82"), ("Permissions.1.SourceCidrIp", "1.1.1.1"))).Error("AuthorizationLimitExceed", 403);
    }

    [Fact]
    public async Task ModifySecurityGroupRule_CountsTheNewListAndNotTheRuleItReplaces()
    {
        using var factory = new CustomEmulatorFactory(null, new Dictionary<string, string?> { ["Quotas:RulesPerSecurityGroup"] = "10" });
        var client = factory.Acs();
        var vpc = (await client.Vpc("CreateVpc", ("RegionId", "cn-hangzhou"))).Ok().GetProperty("VpcId").GetString()!;
        var group = (await client.Ecs("CreateSecurityGroup", ("RegionId", "cn-hangzhou"), ("VpcId", vpc))).Ok().GetProperty("SecurityGroupId").GetString()!;
        var small = (await client.Ecs("CreatePrefixList", ("RegionId", "cn-hangzhou"), ("AddressFamily", "IPv4"), ("MaxEntries", "2"), ("PrefixListName", "small"))).Ok().GetProperty("PrefixListId").GetString()!;
        var large = (await client.Ecs("CreatePrefixList", ("RegionId", "cn-hangzhou"), ("AddressFamily", "IPv4"), ("MaxEntries", "4"), ("PrefixListName", "large"))).Ok().GetProperty("PrefixListId").GetString()!;
        (await client.Ecs("AuthorizeSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group), ("Permissions.1.IpProtocol", "TCP"),
            ("Permissions.1.PortRange", "22/22"), ("Permissions.1.SourcePrefixListId", small))).Ok();
        var plain = Enumerable.Range(1, 8).SelectMany(i => new[]
        {
            ($"Permissions.{i}.IpProtocol", "TCP"), ($"Permissions.{i}.PortRange", $"{100 + i}/{100 + i}"), ($"Permissions.{i}.SourceCidrIp", "1.1.1.1"),
        });
        (await client.Ecs("AuthorizeSecurityGroup", [("RegionId", "cn-hangzhou"), ("SecurityGroupId", group), .. plain])).Ok(); // 2 + 8 = the quota
        var attribute = (await client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group))).Ok();
        var listRule = attribute.GetProperty("Permissions").GetProperty("Permission").EnumerateArray()
            .Single(p => p.GetProperty("SourcePrefixListId").GetString() == small).GetProperty("SecurityGroupRuleId").GetString()!;

        // At the quota, changing the rule in place is allowed: the rule it replaces no longer counts.
        (await client.Ecs("ModifySecurityGroupRule", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group), ("SecurityGroupRuleId", listRule),
            ("Priority", "5"))).Ok();
        // A larger list would make it 4 + 8: refused with Modify's status, and nothing changes.
        (await client.Ecs("ModifySecurityGroupRule", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group), ("SecurityGroupRuleId", listRule),
            ("SourcePrefixListId", large))).Error("AuthorizationLimitExceed", 400);
        var after = (await client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group))).Ok();
        var kept = after.GetProperty("Permissions").GetProperty("Permission").EnumerateArray().Single(p => p.GetProperty("SecurityGroupRuleId").GetString() == listRule);
        Assert.Equal(small, kept.GetProperty("SourcePrefixListId").GetString());
        Assert.Equal("5", kept.GetProperty("Priority").GetString());
    }

    [Fact]
    public async Task PrefixListRules_AreCheckedForFamilyAndNetwork()
    {
        var v6 = await Create("IPv6", 2);
        var vpcGroup = await CreateGroup(await CreateVpc());
        var classic = await CreateGroup();
        (await Client.Ecs("AuthorizeSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", vpcGroup), ("Permissions.1.IpProtocol", "ICMP"),
            ("Permissions.1.PortRange", "-1/-1"), ("Permissions.1.SourcePrefixListId", v6))).Error("InvalidParam.Ipv4ProtocolConflictWithIpv6Address", 400);
        (await Client.Ecs("AuthorizeSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", classic), ("Permissions.1.IpProtocol", "TCP"),
            ("Permissions.1.PortRange", "22/22"), ("Permissions.1.SourcePrefixListId", v6))).Error("NotSupported.ClassicNetworkPrefixList", 400);
        (await Client.Ecs("AuthorizeSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", vpcGroup), ("Permissions.1.IpProtocol", "TCP"),
            ("Permissions.1.PortRange", "22/22"), ("Permissions.1.SourcePrefixListId", "pl-unknown"))).Error("InvalidPrefixListId.NotFound", 404);
    }

    [Fact]
    public async Task DescribePrefixLists_FiltersAndPages()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await Create(i == 2 ? "IPv6" : "IPv4", 1, ("Tag.1.Key", "n"), ("Tag.1.Value", i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        var first = (await Client.Ecs("DescribePrefixLists", ("RegionId", "cn-hangzhou"), ("MaxResults", "2"))).Ok();
        var second = (await Client.Ecs("DescribePrefixLists", ("RegionId", "cn-hangzhou"), ("MaxResults", "2"), ("NextToken", first.GetProperty("NextToken").GetString()!))).Ok();

        Assert.Equal(2, first.GetProperty("PrefixLists").GetProperty("PrefixList").GetArrayLength());
        Assert.Equal("", second.GetProperty("NextToken").GetString());
        Assert.Single(second.GetProperty("PrefixLists").GetProperty("PrefixList").EnumerateArray());
        Assert.Single((await Client.Ecs("DescribePrefixLists", ("RegionId", "cn-hangzhou"), ("AddressFamily", "IPv6"))).Ok().GetProperty("PrefixLists").GetProperty("PrefixList").EnumerateArray());
        Assert.Single((await Client.Ecs("DescribePrefixLists", ("RegionId", "cn-hangzhou"), ("PrefixListId.1", ids[1]))).Ok().GetProperty("PrefixLists").GetProperty("PrefixList").EnumerateArray());
        Assert.Equal(ids[0], (await Client.Ecs("DescribePrefixLists", ("RegionId", "cn-hangzhou"), ("Tag.1.Key", "n"), ("Tag.1.Value", "0"))).Ok()
            .GetProperty("PrefixLists").GetProperty("PrefixList")[0].GetProperty("PrefixListId").GetString());
        (await Client.Ecs("DescribePrefixLists", ("RegionId", "cn-hangzhou"), ("MaxResults", "101"))).Error("InvalidParameter.MaxResults", 400);
        var many = Enumerable.Range(1, 101).Select(i => ($"PrefixListId.{i}", $"pl-{i}")).ToArray();
        (await Client.Ecs("DescribePrefixLists", [("RegionId", "cn-hangzhou"), .. many])).Error("LimitExceed.PrefixListId", 400);
    }
}
