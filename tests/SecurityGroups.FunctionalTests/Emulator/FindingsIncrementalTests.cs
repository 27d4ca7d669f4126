using Microsoft.Extensions.DependencyInjection;

namespace SecurityGroups.FunctionalTests.Emulator;

/// <summary>
/// The findings kept per group across writes (ADR-011): after every kind of write that can change a group's findings,
/// through every path that writes (EF, ExecuteDelete, cascades, raw SQL resets, snapshot restores), the served answer is
/// exactly the one a from-scratch analysis gives (a FindingsService with empty caches over the same database), and the
/// expected finding really appears or goes. Only the groups a write could have changed are analysed again (the
/// <c>group_findings</c> hit and miss counters).
/// </summary>
public sealed class FindingsIncrementalTests(EmulatorFactory factory) : TrafficTest(factory)
{
    private const string Region = "cn-hangzhou";

    [Fact]
    public async Task EveryWriteThatChangesAGroupsFindings_IsSeen_AndTheAnswerIsTheFromScratchOne()
    {
        await Arrange();
        var web = await CreateGroup(Vpc);
        var peers = await CreateGroup(Vpc);
        var lists = await CreateGroup(Vpc);
        await Run(web);
        await Same();

        // Rules of a group: added (EF inserts), changed in place (ModifySecurityGroupRule), revoked.
        var open = await AddRule(web, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "0.0.0.0/0"), ("Priority", "10"));
        Assert.Contains(("ManagementPortOpenToInternet", web, open), await Same());
        (await Client.Ecs("ModifySecurityGroupRule", ("RegionId", Region), ("SecurityGroupId", web), ("SecurityGroupRuleId", open),
            ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "10.0.0.0/8"), ("Priority", "10"))).Ok();
        Assert.DoesNotContain(("ManagementPortOpenToInternet", web, open), await Same());
        var redundant = await AddRule(web, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "10.1.0.0/16"), ("Priority", "20"));
        Assert.Contains(("RedundantRule", web, redundant), await Same());
        (await Client.Ecs("RevokeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", web), ("SecurityGroupRuleId.1", open))).Ok();
        Assert.DoesNotContain(("RedundantRule", web, redundant), await Same());

        // A rule referencing a group depends on that group's members: a Drop of the /24 before it shadows it only while every
        // member is inside the /24 (and a group without members makes it match nothing, hence not shadowed).
        await AddRule(web, ("IpProtocol", "TCP"), ("PortRange", "80/80"), ("SourceCidrIp", "192.168.1.0/24"), ("Priority", "1"), ("Policy", "Drop"));
        var fromPeers = await AddRule(web, ("IpProtocol", "TCP"), ("PortRange", "80/80"), ("SourceGroupId", peers), ("Priority", "20"));
        Assert.DoesNotContain(("ShadowedRule", web, fromPeers), await Same());
        var inside = (await Run(peers))[0];
        Assert.Contains(("ShadowedRule", web, fromPeers), await Same());
        var outsideSwitch = await CreateVSwitch(Vpc, "192.168.2.0/24");
        var outsideEni = (await Client.Ecs("CreateNetworkInterface", ("RegionId", Region), ("VSwitchId", outsideSwitch), ("SecurityGroupId", lists))).Ok()
            .GetProperty("NetworkInterfaceId").GetString()!;
        (await Client.Ecs("ModifyNetworkInterfaceAttribute", ("RegionId", Region), ("NetworkInterfaceId", outsideEni), ("SecurityGroupId.1", lists),
            ("SecurityGroupId.2", peers))).Ok();
        Assert.DoesNotContain(("ShadowedRule", web, fromPeers), await Same());
        (await Client.Ecs("ModifyNetworkInterfaceAttribute", ("RegionId", Region), ("NetworkInterfaceId", outsideEni), ("SecurityGroupId.1", lists))).Ok();
        Assert.Contains(("ShadowedRule", web, fromPeers), await Same());

        // A member's private IPs: a secondary address outside the /24 cannot be given in this vSwitch, so move the member out
        // by deleting it (ExecuteDelete of its memberships and addresses) and back in with an ENI of the other vSwitch.
        (await Client.Ecs("DeleteInstance", ("InstanceId", inside), ("Force", "true"))).Ok();
        Assert.DoesNotContain(("ShadowedRule", web, fromPeers), await Same());
        (await Client.Ecs("ModifyNetworkInterfaceAttribute", ("RegionId", Region), ("NetworkInterfaceId", outsideEni), ("SecurityGroupId.1", peers))).Ok();
        Assert.DoesNotContain(("ShadowedRule", web, fromPeers), await Same());
        Assert.Contains(("EmptyGroup", lists, ""), await Same());

        // Prefix lists: the rule using one is shadowed while every entry is inside the earlier Drop; MaxEntries weighs on the quota.
        var prefixList = (await Client.Ecs("CreatePrefixList", ("RegionId", Region), ("AddressFamily", "IPv4"), ("MaxEntries", "150"), ("PrefixListName", "big"),
            ("Entry.1.Cidr", "203.0.113.0/25"))).Ok().GetProperty("PrefixListId").GetString()!;
        await AddRule(lists, ("IpProtocol", "TCP"), ("PortRange", "443/443"), ("SourceCidrIp", "203.0.113.0/24"), ("Priority", "1"), ("Policy", "Drop"));
        var fromList = await AddRule(lists, ("IpProtocol", "TCP"), ("PortRange", "443/443"), ("SourcePrefixListId", prefixList), ("Priority", "5"));
        Assert.Contains(("ShadowedRule", lists, fromList), await Same());
        (await Client.Ecs("ModifyPrefixList", ("RegionId", Region), ("PrefixListId", prefixList), ("AddEntry.1.Cidr", "198.51.100.0/24"))).Ok();
        var found = await Same();
        Assert.DoesNotContain(("ShadowedRule", lists, fromList), found);
        Assert.Contains(("ListEatsEniRuleQuota", lists, fromList), found); // a rule that never decides is reported for that alone
        (await Client.Ecs("ModifyPrefixList", ("RegionId", Region), ("PrefixListId", prefixList), ("RemoveEntry.1.Cidr", "198.51.100.0/24"))).Ok();
        Assert.Contains(("ShadowedRule", lists, fromList), await Same());

        // Port lists: a rule over a port list is shadowed while every range is inside the earlier Drop's.
        var portList = (await Client.Ecs("CreatePortRangeList", ("RegionId", Region), ("MaxEntries", "10"), ("PortRangeListName", "web"),
            ("Entry.1.PortRange", "8080/8080"))).Ok().GetProperty("PortRangeListId").GetString()!;
        await AddRule(peers, ("IpProtocol", "TCP"), ("PortRange", "8000/8100"), ("SourceCidrIp", "0.0.0.0/0"), ("Priority", "1"), ("Policy", "Drop"));
        var overList = await AddRule(peers, ("IpProtocol", "TCP"), ("PortRangeListId", portList), ("SourceCidrIp", "0.0.0.0/0"), ("Priority", "5"));
        Assert.Contains(("ShadowedRule", peers, overList), await Same());
        (await Client.Ecs("ModifyPortRangeList", ("RegionId", Region), ("PortRangeListId", portList), ("AddEntry.1.PortRange", "9000/9000"))).Ok();
        Assert.DoesNotContain(("ShadowedRule", peers, overList), await Same());

        // A snapshot restore brings a deleted group back with its id and its rules (inserted while the group is new).
        var snapshot = (await Emulator(HttpMethod.Post, "/_emulator/snapshots", $$"""{"RegionId":"{{Region}}","Name":"before"}""")).Ok().GetProperty("SnapshotId").GetInt64();
        (await Client.Ecs("RevokeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", lists), ("SecurityGroupRuleId.1", fromList))).Ok();
        Assert.DoesNotContain(("ShadowedRule", lists, fromList), await Same());
        (await Emulator(HttpMethod.Post, $"/_emulator/snapshots/{snapshot}/restore", "{}")).Ok();
        Assert.Contains(("ShadowedRule", lists, fromList), await Same());

        // Deleting a group (its rules go by cascade), and the account's reset (raw SQL deletes).
        (await Client.Ecs("DeleteNetworkInterface", ("RegionId", Region), ("NetworkInterfaceId", outsideEni))).Ok();
        (await Client.Ecs("DeleteSecurityGroup", ("RegionId", Region), ("SecurityGroupId", lists))).Ok();
        Assert.DoesNotContain(await Same(), f => f.Group == lists);
        (await Emulator(HttpMethod.Post, "/_emulator/reset", "{}")).Ok();
        Assert.Empty(await Same());
    }

    [Fact]
    public async Task AWriteToOneGroup_AnalysesThatGroupAgain_AndReusesTheOthers()
    {
        await Arrange();
        var groups = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var group = await CreateGroup(Vpc);
            groups.Add(group);
            await AddRule(group, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "0.0.0.0/0"));
        }

        await Same();
        var before = await Lookups();
        await AddRule(groups[2], ("IpProtocol", "TCP"), ("PortRange", "3389/3389"), ("SourceCidrIp", "0.0.0.0/0"));
        await Same();
        var after = await Lookups();
        Assert.Equal((4, 1), (after.Hits - before.Hits, after.Misses - before.Misses));

        // A write to no rule (a group's description) keeps every group's answer.
        (await Client.Ecs("ModifySecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", groups[0]), ("Description", "changed"))).Ok();
        await Same();
        var last = await Lookups();
        Assert.Equal((5, 0), (last.Hits - after.Hits, last.Misses - after.Misses));
    }

    [Fact]
    public async Task ReadersBesideWriters_EndOnTheFromScratchAnswer()
    {
        await Arrange();
        var groups = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            groups.Add(await CreateGroup(Vpc));
        }

        await AddRule(groups[0], ("IpProtocol", "TCP"), ("PortRange", "80/80"), ("SourceGroupId", groups[1]), ("Priority", "20"));
        await AddRule(groups[0], ("IpProtocol", "TCP"), ("PortRange", "80/80"), ("SourceCidrIp", "192.168.1.0/24"), ("Priority", "1"), ("Policy", "Drop"));
        using var done = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 3).Select(async _ =>
        {
            while (!done.IsCancellationRequested)
            {
                (await Client.Send(new HttpRequestMessage(HttpMethod.Get, $"/_emulator/findings?RegionId={Region}"))).Ok();
            }
        }).ToList();
        var writers = groups.Select(async (group, w) =>
        {
            for (var i = 0; i < 6; i++)
            {
                var port = (1000 + (w * 100) + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
                (await Authorize(group, ("IpProtocol", "TCP"), ("PortRange", $"{port}/{port}"), ("SourceCidrIp", "0.0.0.0/0"), ("Priority", "5"))).Ok();
                if (i % 2 == 1)
                {
                    (await Client.Ecs("RevokeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", group), ("PortRange", $"{port}/{port}"),
                        ("IpProtocol", "TCP"), ("SourceCidrIp", "0.0.0.0/0"), ("Priority", "5"))).Ok();
                }

                if (w == 1 && i % 3 == 0)
                {
                    await Run(group); // a member of the group the first group's rule refers to
                }
            }
        }).ToList();
        await Task.WhenAll(writers);
        await done.CancelAsync();
        await Task.WhenAll(readers);

        Assert.Contains(await Same(), f => f.Code == "ShadowedRule" && f.Group == groups[0]);
    }

    private async Task<string> AddRule(string group, params (string, string)[] permission)
    {
        (await Authorize(group, permission)).Ok();
        var added = (await Client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", group))).Ok()
            .GetProperty("Permissions").GetProperty("Permission").EnumerateArray().Select(p => p.GetProperty("SecurityGroupRuleId").GetString()!)
            .Where(id => !_seen.Contains(id)).ToList();
        var id = Assert.Single(added);
        _seen.Add(id);
        return id;
    }

    private readonly HashSet<string> _seen = [];

    /// <summary>The served findings, asserted equal (every field, in order) to a from-scratch analysis; as (Code, Group, Rule).</summary>
    private async Task<List<(string Code, string Group, string Rule)>> Same()
    {
        var served = (await Client.Send(new HttpRequestMessage(HttpMethod.Get, $"/_emulator/findings?RegionId={Region}"))).Ok().GetProperty("Findings").EnumerateArray()
            .Select(f => string.Join('|', f.GetProperty("Code").GetString(), f.GetProperty("Severity").GetString(), f.GetProperty("SecurityGroupId").GetString(),
                f.TryGetProperty("SecurityGroupRuleId", out var rule) ? rule.GetString() : "", f.GetProperty("Message").GetString())).ToList();
        Assert.Equal(await FromScratch(), served);
        return served.Select(f => f.Split('|')).Select(f => (f[0], f[2], f[3])).ToList();
    }

    private async Task<List<string>> FromScratch()
    {
        using var scope = Factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var fresh = ScratchServices.Findings(services);
        return (await fresh.FindAsync(Region, CancellationToken.None)).Items
            .Select(f => string.Join('|', f.Code, f.Severity, f.SecurityGroupId, f.SecurityGroupRuleId, f.Message)).ToList();
    }

    private Task<(double Hits, double Misses)> Lookups() => CacheLookups("group_findings");


}
