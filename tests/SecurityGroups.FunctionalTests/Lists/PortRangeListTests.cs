namespace SecurityGroups.FunctionalTests.Lists;

public sealed class PortRangeListTests(EmulatorFactory factory) : EmulatorTest(factory)
{
    private async Task<string> Create(int max = 5, params (string, string)[] extra) =>
        (await Client.Ecs("CreatePortRangeList", [("RegionId", "cn-hangzhou"), ("MaxEntries", max.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("PortRangeListName", "web"), .. extra])).Ok().GetProperty("PortRangeListId").GetString()!;

    private async Task<List<string>> Entries(string id) =>
        (await Client.Ecs("DescribePortRangeListEntries", ("RegionId", "cn-hangzhou"), ("PortRangeListId", id))).Ok()
            .GetProperty("Entries").EnumerateArray().Select(e => e.GetProperty("PortRange").GetString()!).ToList();

    [Fact]
    public async Task PortRangeList_Lifecycle_WithBareArrays()
    {
        var id = await Create(3, ("Entry.1.PortRange", "80/80"), ("Entry.2.PortRange", "8000/8080"), ("Entry.2.Description", "alt"), ("Tag.1.Key", "k"));

        var listed = (await Client.Ecs("DescribePortRangeLists", ("RegionId", "cn-hangzhou"))).Ok();
        var item = listed.GetProperty("PortRangeLists")[0];
        Assert.Matches("^prl-[a-z0-9]{20}$", id);
        Assert.Equal(id, item.GetProperty("PortRangeListId").GetString());
        Assert.Equal(3, item.GetProperty("MaxEntries").GetInt32());
        Assert.Equal("k", item.GetProperty("Tags")[0].GetProperty("TagKey").GetString());
        Assert.Equal(["80/80", "8000/8080"], await Entries(id));

        (await Client.Ecs("ModifyPortRangeList", ("RegionId", "cn-hangzhou"), ("PortRangeListId", id), ("AddEntry.1.PortRange", "443/443"),
            ("RemoveEntry.1.PortRange", "80/80"), ("PortRangeListName", "https"))).Ok();
        Assert.Equal(["443/443", "8000/8080"], await Entries(id));
        Assert.Equal("https", (await Client.Ecs("DescribePortRangeLists", ("RegionId", "cn-hangzhou"), ("PortRangeListId.1", id))).Ok()
            .GetProperty("PortRangeLists")[0].GetProperty("PortRangeListName").GetString());

        (await Client.Ecs("DeletePortRangeList", ("RegionId", "cn-hangzhou"), ("PortRangeListId", id))).Ok();
        (await Client.Ecs("DescribePortRangeListEntries", ("RegionId", "cn-hangzhou"), ("PortRangeListId", id))).Error("InvalidPortRangeListId.NotFound", 400);
    }

    [Fact]
    public async Task PortRangeList_Refusals()
    {
        (await Client.Ecs("CreatePortRangeList", ("RegionId", "cn-hangzhou"), ("MaxEntries", "2001"), ("PortRangeListName", "web"))).Error("InvalidOperation.MaxEntriesCountExceed", 400);
        (await Client.Ecs("CreatePortRangeList", ("RegionId", "cn-hangzhou"), ("MaxEntries", "1"), ("PortRangeListName", "web"), ("Entry.1.PortRange", "1/2"), ("Entry.2.PortRange", "3/4")))
            .Error("InvalidOperation.EntryCountExceedMaxEntries", 400);
        (await Client.Ecs("CreatePortRangeList", ("RegionId", "cn-hangzhou"), ("MaxEntries", "5"), ("PortRangeListName", "web"), ("Entry.1.PortRange", "1/20"), ("Entry.2.PortRange", "20/30")))
            .Error("InvalidParameter.PortRangeOverlapped", 400);
        (await Client.Ecs("CreatePortRangeList", ("RegionId", "cn-hangzhou"), ("MaxEntries", "5"), ("PortRangeListName", "web"), ("Entry.1.PortRange", "-1/-1")))
            .Error("InvalidParameter.PortRange", 400);
        (await Client.Ecs("CreatePortRangeList", ("RegionId", "cn-hangzhou"), ("MaxEntries", "5"), ("PortRangeListName", "web"), ("Entry.1.PortRange", "80/80"), ("Entry.2.PortRange", "80/80")))
            .Error("InvalidParameter.PortRangeDuplicated", 400);
        (await Client.Ecs("CreatePortRangeList", ("RegionId", "cn-hangzhou"), ("MaxEntries", "5"), ("PortRangeListName", "9web"))).Error("InvalidParameter.PortRangeListName", 400);
        (await Client.Ecs("CreatePortRangeList", ("RegionId", "cn-hangzhou"), ("MaxEntries", "5"))).Error("MissingParameter", 400);
        (await Client.Ecs("ModifyPortRangeList", ("RegionId", "cn-hangzhou"), ("PortRangeListId", "prl-nope"), ("PortRangeListName", "abc"))).Error("InvalidPortRangeListId.NotFound", 400);
        Assert.Equal(0, (await Client.Ecs("DescribePortRangeLists", ("RegionId", "cn-hangzhou"))).Ok().GetProperty("PortRangeLists").GetArrayLength());
    }

    [Fact]
    public async Task ModifyPortRangeList_ReferenceStatements()
    {
        var id = await Create(3, ("Entry.1.PortRange", "80/80"), ("Entry.1.Description", "http"));
        Task<AcsResult> Modify(params (string, string)[] parameters) =>
            Client.Ecs("ModifyPortRangeList", [("RegionId", "cn-hangzhou"), ("PortRangeListId", id), .. parameters]);
        async Task<string?> DescriptionOf(string range) =>
            (await Client.Ecs("DescribePortRangeListEntries", ("RegionId", "cn-hangzhou"), ("PortRangeListId", id))).Ok()
                .GetProperty("Entries").EnumerateArray().Single(e => e.GetProperty("PortRange").GetString() == range).GetProperty("Description").GetString();

        // An entry both added and removed in one call is refused, not applied.
        (await Modify(("AddEntry.1.PortRange", "80/80"), ("RemoveEntry.1.PortRange", "80/80"))).Error("InvalidParameter.Conflict", 400);
        (await Modify(("AddEntry.1.PortRange", "443/443"), ("AddEntry.2.PortRange", "443/443"))).Error("InvalidParameter.PortRangeDuplicated", 400);
        (await Modify(("RemoveEntry.1.PortRange", "80/80"), ("RemoveEntry.2.PortRange", "80/80"))).Error("InvalidParameter.PortRangeDuplicated", 400);
        (await Modify(("AddEntry.1.PortRange", "443"))).Error("InvalidParameter.PortRange", 400);
        (await Modify(("RemoveEntry.1.PortRange", "0/1"))).Error("InvalidParameter.PortRange", 400);
        (await Modify(("AddEntry.1.PortRange", "79/81"))).Error("InvalidParameter.PortRangeOverlapped", 400);
        Assert.Equal(["80/80"], await Entries(id));
        Assert.Equal("http", await DescriptionOf("80/80"));

        // AddEntry "adds or modifies": an existing range takes the new description.
        (await Modify(("AddEntry.1.PortRange", "80/80"), ("AddEntry.1.Description", "web"), ("AddEntry.2.PortRange", "443/443"))).Ok();
        Assert.Equal(["443/443", "80/80"], await Entries(id));
        Assert.Equal("web", await DescriptionOf("80/80"));
        var tooMany = Enumerable.Range(1, 201).Select(i => ($"AddEntry.{i}.PortRange", $"{i}/{i}")).ToArray();
        (await Modify(tooMany)).Error("LimitExceed.Entry", 400);
    }

    [Fact]
    public async Task PortRangeListRules_TcpOnly_CountAsMaxEntries_AndBlockDeletion()
    {
        var id = await Create(50, ("Entry.1.PortRange", "80/80"));
        var group = await CreateGroup(await CreateVpc());
        (await Client.Ecs("AuthorizeSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group), ("Permissions.1.IpProtocol", "ICMP"),
            ("Permissions.1.PortRangeListId", id), ("Permissions.1.SourceCidrIp", "10.0.0.0/8"))).Error("InvalidParam.ProtocolNotSupportPortRangeList", 400);
        (await Client.Ecs("AuthorizeSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group), ("Permissions.1.IpProtocol", "TCP"),
            ("Permissions.1.PortRangeListId", id), ("Permissions.1.SourceCidrIp", "10.0.0.0/8"))).Ok();

        var rule = (await Client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group))).Ok().GetProperty("Permissions").GetProperty("Permission")[0];
        Assert.Equal(id, rule.GetProperty("PortRangeListId").GetString());
        Assert.Equal("web", rule.GetProperty("PortRangeListName").GetString());
        Assert.Equal("", rule.GetProperty("PortRange").GetString());
        (await Client.Ecs("DeletePortRangeList", ("RegionId", "cn-hangzhou"), ("PortRangeListId", id))).Error("InvalidPortRangeListId.AssociationExist", 400);
        var associations = (await Client.Ecs("DescribePortRangeListAssociations", ("RegionId", "cn-hangzhou"), ("PortRangeListId", id))).Ok();
        Assert.Equal(group, associations.GetProperty("PortRangeListAssociations")[0].GetProperty("ResourceId").GetString());

        (await AddUdpRules(group, 1, 100)).Ok();
        (await AddUdpRules(group, 101, 50)).Ok();
        (await AddUdpRules(group, 151, 1)).Error("AuthorizationLimitExceed", 403);
        Assert.Equal(151, (await DescribeGroups(("SecurityGroupId", group))).GetProperty("SecurityGroups").GetProperty("SecurityGroup")[0].GetProperty("RuleCount").GetInt32());
    }

    /// <summary>Adds <paramref name="count"/> UDP rules on ports first, first+1, … in one request (50 + 150 = the quota of 200 units).</summary>
    private Task<AcsResult> AddUdpRules(string group, int first, int count) =>
        Client.Ecs("AuthorizeSecurityGroup", [("RegionId", "cn-hangzhou"), ("SecurityGroupId", group), .. Enumerable.Range(0, count).SelectMany(i => new[]
        {
            ($"Permissions.{i + 1}.IpProtocol", "UDP"), ($"Permissions.{i + 1}.PortRange", $"{first + i}/{first + i}"), ($"Permissions.{i + 1}.SourceCidrIp", "1.1.1.1"),
        })]);
}
