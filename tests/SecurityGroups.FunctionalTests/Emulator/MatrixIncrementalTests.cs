using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SecurityGroups.Domain.Traffic;

namespace SecurityGroups.FunctionalTests.Emulator;

/// <summary>
/// The matrix reads each group's engine rules from <see cref="GroupRulesCache"/> across writes (ADR-011): after every
/// kind of write that can change a cell (rules added, changed in place, revoked; a referenced group's members; the
/// inner-access policy; memberships; prefix- and port-list entries; a snapshot restore), the served matrix is exactly
/// the one a TrafficService with empty caches computes over the same database, and the expected cell really changes.
/// One rule write reads one group's rules again (the <c>group_rules</c> hit and miss counters).
/// </summary>
public sealed class MatrixIncrementalTests(EmulatorFactory factory) : TrafficTest(factory)
{
    private const string Region = "cn-hangzhou";

    [Fact]
    public async Task EveryWriteThatChangesACell_IsSeen_AndTheMatrixIsTheFromScratchOne()
    {
        await Arrange();
        var web = await CreateGroup(Vpc);
        var db = await CreateGroup(Vpc);
        var (w1, w2) = (await Run(web, 2)) is var webs ? (webs[0], webs[1]) : default;
        var (d1, d2) = (await Run(db, 2)) is var dbs ? (dbs[0], dbs[1]) : default;
        var m = await Same();
        Assert.False(m.Reachable(w1, d1));
        Assert.True(m.Reachable(d1, d2)); // the intra-group Accept

        // A rule referring to a group: added, then the referenced group gains a member (its content, not the rule, changes).
        (await Authorize(db, ("IpProtocol", "TCP"), ("PortRange", "5432/5432"), ("SourceGroupId", web))).Ok();
        m = await Same();
        Assert.True(m.Reachable(w1, d1));
        var fromWeb = m.IngressRule(w1, d1);
        Assert.StartsWith("sgr-", fromWeb, StringComparison.Ordinal);
        var w3 = (await Run(web))[0];
        m = await Same();
        Assert.True(m.Reachable(w3, d2));

        // The rule changed in place, then back.
        await ModifyRule(db, fromWeb, "5433/5433");
        Assert.False((await Same()).Reachable(w1, d1));
        await ModifyRule(db, fromWeb, "5432/5432");
        Assert.True((await Same()).Reachable(w1, d1));

        // An egress Drop at the source's group, then revoked.
        (await Client.Ecs("AuthorizeSecurityGroupEgress", ("RegionId", Region), ("SecurityGroupId", web), ("Permissions.1.IpProtocol", "TCP"),
            ("Permissions.1.PortRange", "5432/5432"), ("Permissions.1.DestCidrIp", "0.0.0.0/0"), ("Permissions.1.Policy", "Drop"), ("Permissions.1.Priority", "1"))).Ok();
        m = await Same();
        Assert.False(m.Reachable(w2, d1));
        var egressDrop = m.EgressRule(w2, d1);
        Assert.StartsWith("sgr-", egressDrop, StringComparison.Ordinal);
        (await Client.Ecs("RevokeSecurityGroupEgress", ("RegionId", Region), ("SecurityGroupId", web), ("SecurityGroupRuleId.1", egressDrop))).Ok();
        Assert.True((await Same()).Reachable(w2, d1));

        // The inner-access policy is the group's, not its rules'.
        (await Client.Ecs("ModifySecurityGroupPolicy", ("RegionId", Region), ("SecurityGroupId", db), ("InnerAccessPolicy", "Drop"))).Ok();
        Assert.False((await Same()).Reachable(d1, d2));

        // Prefix-list entries: a Drop from the list takes the traffic once w1's address is an entry.
        var w1Ip = (await Instance(w1)).GetProperty("VpcAttributes").GetProperty("PrivateIpAddress").GetProperty("IpAddress")[0].GetString()!;
        var prefixList = (await Client.Ecs("CreatePrefixList", ("RegionId", Region), ("AddressFamily", "IPv4"), ("MaxEntries", "5"), ("PrefixListName", "deny"),
            ("Entry.1.Cidr", "203.0.113.0/24"))).Ok().GetProperty("PrefixListId").GetString()!;
        (await Authorize(db, ("IpProtocol", "TCP"), ("PortRange", "5432/5432"), ("SourcePrefixListId", prefixList), ("Policy", "Drop"), ("Priority", "1"))).Ok();
        Assert.True((await Same()).Reachable(w1, d1));
        (await Client.Ecs("ModifyPrefixList", ("RegionId", Region), ("PrefixListId", prefixList), ("AddEntry.1.Cidr", w1Ip + "/32"))).Ok();
        m = await Same();
        Assert.False(m.Reachable(w1, d1));
        Assert.True(m.Reachable(w2, d1));
        (await Client.Ecs("ModifyPrefixList", ("RegionId", Region), ("PrefixListId", prefixList), ("RemoveEntry.1.Cidr", w1Ip + "/32"))).Ok();
        Assert.True((await Same()).Reachable(w1, d1));

        // Port-list entries: a Drop over the list takes 5432 once it is an entry.
        var portList = (await Client.Ecs("CreatePortRangeList", ("RegionId", Region), ("MaxEntries", "5"), ("PortRangeListName", "deny"),
            ("Entry.1.PortRange", "1000/1000"))).Ok().GetProperty("PortRangeListId").GetString()!;
        (await Authorize(db, ("IpProtocol", "TCP"), ("PortRangeListId", portList), ("SourceCidrIp", "0.0.0.0/0"), ("Policy", "Drop"), ("Priority", "1"))).Ok();
        Assert.True((await Same()).Reachable(w2, d2));
        (await Client.Ecs("ModifyPortRangeList", ("RegionId", Region), ("PortRangeListId", portList), ("AddEntry.1.PortRange", "5432/5432"))).Ok();
        Assert.False((await Same()).Reachable(w2, d2));

        // Memberships: w2 joins db (a new group set, and a new member of db for the intra-group policy), then leaves.
        (await Client.Ecs("ModifyPortRangeList", ("RegionId", Region), ("PortRangeListId", portList), ("RemoveEntry.1.PortRange", "5432/5432"))).Ok();
        (await Client.Ecs("ModifySecurityGroupPolicy", ("RegionId", Region), ("SecurityGroupId", db), ("InnerAccessPolicy", "Accept"))).Ok();
        (await Client.Ecs("JoinSecurityGroup", ("RegionId", Region), ("InstanceId", w2), ("SecurityGroupId", db))).Ok();
        m = await Same();
        Assert.True(m.Reachable(d1, w2));
        Assert.Equal("InnerAccess", m.IngressReason(d1, w2));
        (await Client.Ecs("LeaveSecurityGroup", ("RegionId", Region), ("InstanceId", w2), ("SecurityGroupId", db))).Ok();
        Assert.False((await Same()).Reachable(d1, w2));

        // A snapshot restore brings back the rules revoked after it (inserted again with their ids).
        var snapshot = (await Emulator(HttpMethod.Post, "/_emulator/snapshots", $$"""{"RegionId":"{{Region}}","Name":"before"}""")).Ok().GetProperty("SnapshotId").GetInt64();
        (await Client.Ecs("RevokeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", db), ("SecurityGroupRuleId.1", fromWeb))).Ok();
        Assert.False((await Same()).Reachable(w1, d1));
        (await Emulator(HttpMethod.Post, $"/_emulator/snapshots/{snapshot}/restore", "{}")).Ok();
        Assert.True((await Same()).Reachable(w1, d1));
    }

    [Fact]
    public async Task ARuleWriteToOneGroup_ReadsThatGroupAgain_AndReusesTheOthers()
    {
        await Arrange();
        var groups = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var group = await CreateGroup(Vpc);
            groups.Add(group);
            await Run(group);
            (await Authorize(group, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "10.0.0.0/8"))).Ok();
        }

        await Same();
        var before = await Lookups();
        (await Authorize(groups[1], ("IpProtocol", "TCP"), ("PortRange", "5432/5432"), ("SourceCidrIp", "0.0.0.0/0"))).Ok();
        await Same();
        var after = await Lookups();
        Assert.Equal((3, 1), (after.Hits - before.Hits, after.Misses - before.Misses));

        // A write to no rule (a group's description) reads no group's rules again.
        (await Client.Ecs("ModifySecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", groups[0]), ("Description", "changed"))).Ok();
        await Same();
        var last = await Lookups();
        Assert.Equal((4, 0), (last.Hits - after.Hits, last.Misses - after.Misses));
    }

    private async Task ModifyRule(string group, string rule, string ports) =>
        (await Client.Ecs("ModifySecurityGroupRule", ("RegionId", Region), ("SecurityGroupId", group), ("SecurityGroupRuleId", rule), ("IpProtocol", "TCP"),
            ("PortRange", ports), ("SourceGroupId", await GroupOfRule(group, rule)))).Ok();

    private async Task<string> GroupOfRule(string group, string rule) =>
        (await Client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", group))).Ok().GetProperty("Permissions").GetProperty("Permission")
            .EnumerateArray().Single(p => p.GetProperty("SecurityGroupRuleId").GetString() == rule).GetProperty("SourceGroupId").GetString()!;

    /// <summary>The served matrix of the whole VPC (TCP 5432), asserted equal, cell by cell and in order, to a from-scratch one.</summary>
    private async Task<Cells> Same()
    {
        var served = (await Traffic("matrix", new { RegionId = Region, SourceVpcId = Vpc, DestinationVpcId = Vpc, IpProtocol = "TCP", DestinationPort = 5432 })).Ok();
        var answers = served.GetProperty("Answers").EnumerateArray().Select(a => string.Join('|', a.GetProperty("Reachable").GetBoolean(),
            Side(a.GetProperty("Egress")), Side(a.GetProperty("Ingress")))).ToList();
        var cells = served.GetProperty("Cells").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetInt32()).ToArray()).ToArray();
        var view = new Cells(Strings(served.GetProperty("Sources")), Strings(served.GetProperty("Destinations")),
            served.GetProperty("GroupSets").EnumerateArray().Select(s => string.Join(',', Strings(s))).ToList(),
            Ints(served.GetProperty("SourceGroupSets")), Ints(served.GetProperty("DestinationGroupSets")), answers, cells);
        var fresh = await FromScratch();
        Assert.Equal(fresh.Sources, view.Sources);
        Assert.Equal(fresh.Destinations, view.Destinations);
        Assert.Equal(fresh.GroupSets, view.GroupSets);
        Assert.Equal(fresh.SourceGroupSets, view.SourceGroupSets);
        Assert.Equal(fresh.DestinationGroupSets, view.DestinationGroupSets);
        Assert.Equal(fresh.Answers, view.Answers);
        Assert.Equal(fresh.Grid, view.Grid);
        return view;

        static string Side(JsonElement v) => string.Join('/', v.GetProperty("Decision").GetString(), v.GetProperty("Reason").GetString(),
            v.TryGetProperty("SecurityGroupId", out var g) ? g.GetString() : "", v.TryGetProperty("SecurityGroupRuleId", out var r) ? r.GetString() : "");
    }

    private async Task<Cells> FromScratch()
    {
        using var scope = Factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var fresh = ScratchServices.Traffic(services);
        var m = await fresh.MatrixAsync(new MatrixQuery(Region, null, Vpc, null, Vpc, "TCP", 5432), CancellationToken.None);
        return new Cells(m.Sources.ToList(), m.Destinations.ToList(), m.GroupSets.Select(s => string.Join(',', s)).ToList(), m.SourceGroupSets.ToList(),
            m.DestinationGroupSets.ToList(), m.Answers.Select(a => string.Join('|', a.Reachable, Side(a.Egress), Side(a.Ingress))).ToList(), m.Cells);

        static string Side(MatrixVerdict v) => string.Join('/', v.Decision, v.Reason, v.Rule?.SecurityGroupId ?? "", v.Rule?.SecurityGroupRuleId ?? "");
    }

    private Task<(double Hits, double Misses)> Lookups() => CacheLookups("group_rules");


    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    private static List<int> Ints(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt32()).ToList();

    /// <summary>A matrix as comparable values: each answer as one string, the cells as indexes into them.</summary>
    private sealed record Cells(List<string> Sources, List<string> Destinations, List<string> GroupSets, List<int> SourceGroupSets,
        List<int> DestinationGroupSets, List<string> Answers, int[][] Grid)
    {
        private string[] Answer(string source, string destination) => Answers[Grid[Sources.IndexOf(source)][Destinations.IndexOf(destination)]].Split('|');

        public bool Reachable(string source, string destination) => bool.Parse(Answer(source, destination)[0]);

        public string EgressRule(string source, string destination) => Answer(source, destination)[1].Split('/')[3];

        public string IngressRule(string source, string destination) => Answer(source, destination)[2].Split('/')[3];

        public string IngressReason(string source, string destination) => Answer(source, destination)[2].Split('/')[1];
    }

}
