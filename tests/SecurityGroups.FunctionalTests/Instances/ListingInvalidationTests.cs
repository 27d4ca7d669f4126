using System.Text.Json;
using SecurityGroups.FunctionalTests.Emulator;

namespace SecurityGroups.FunctionalTests.Instances;

/// <summary>
/// The listing caches (DescribeSecurityGroups, DescribeInstances, DescribeNetworkInterfaces) are keyed by the change
/// counters of the tables each reads (ADR-012): for each write, the listings it must drop miss on the next read and show
/// the write; the others hit (the <c>securitygroups_cache_lookups_total</c> metric) and answer exactly what they did.
/// </summary>
public sealed class ListingInvalidationTests(EmulatorFactory factory) : InstanceTest(factory)
{
    private const string Region = "cn-hangzhou";
    private const string CacheLookups = "securitygroups_cache_lookups_total";

    private enum Listing { Groups, Instances, Enis }

    private static readonly Listing[] All = [Listing.Groups, Listing.Instances, Listing.Enis];

    /// <summary>Two groups in the VPC, an instance in the first (with its primary ENI), and a secondary ENI in the first.</summary>
    private sealed record World(string Group, string Other, string Instance, string PrimaryEni, string Eni);

    /// <summary>A write: what to do before the listings are read (Prepare), the write, the listings it must drop, and
    /// what each dropped listing must then show.</summary>
    private sealed record Write(Listing[] Drops, Func<ListingInvalidationTests, World, Task> Act,
        Action<World, Listing, JsonElement>? Shows = null, Func<ListingInvalidationTests, World, Task>? Prepare = null);

    private static readonly Dictionary<string, Write> Writes = new(StringComparer.Ordinal)
    {
        ["CreateSecurityGroup"] = new([Listing.Groups],
            async (t, w) => await t.CreateGroup(t.Vpc, ("SecurityGroupName", "created")),
            (_, _, page) => Assert.Contains("created", Items(page, Listing.Groups).Select(g => g.GetProperty("SecurityGroupName").GetString()))),
        ["ModifySecurityGroupAttribute"] = new([Listing.Groups],
            async (t, w) => (await t.Acs.Ecs("ModifySecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", w.Group), ("Description", "changed"))).Ok(),
            (w, _, page) => Assert.Equal("changed", Find(page, Listing.Groups, w.Group).GetProperty("Description").GetString())),
        ["DeleteSecurityGroup"] = new([Listing.Groups],
            async (t, w) => (await t.Acs.Ecs("DeleteSecurityGroup", ("RegionId", Region), ("SecurityGroupId", w.Other))).Ok(),
            (w, _, page) => Assert.DoesNotContain(w.Other, Ids(page, Listing.Groups))),
        ["AuthorizeSecurityGroup"] = new([Listing.Groups],
            async (t, w) => (await t.Acs.Ecs("AuthorizeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", w.Group), ("IpProtocol", "TCP"),
                ("PortRange", "22/22"), ("SourceCidrIp", "10.0.0.0/8"))).Ok(),
            (w, _, page) => Assert.Equal(1, Find(page, Listing.Groups, w.Group).GetProperty("RuleCount").GetInt32())),
        ["RevokeSecurityGroup"] = new([Listing.Groups],
            async (t, w) => (await t.Acs.Ecs("RevokeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", w.Group), ("IpProtocol", "TCP"),
                ("PortRange", "22/22"), ("SourceCidrIp", "10.0.0.0/8"))).Ok(),
            (w, _, page) => Assert.Equal(0, Find(page, Listing.Groups, w.Group).GetProperty("RuleCount").GetInt32()),
            async (t, w) => (await t.Acs.Ecs("AuthorizeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", w.Group), ("IpProtocol", "TCP"),
                ("PortRange", "22/22"), ("SourceCidrIp", "10.0.0.0/8"))).Ok()),
        // The tag table is one table for every resource type: a tag on any resource drops the three listings.
        ["TagResources on a group"] = new(All,
            async (t, w) => await t.Tag("securitygroup", w.Group),
            (w, listing, page) => Assert.Equal(listing == Listing.Groups ? ["env"] : [], TagKeysOf(page, listing, w))),
        ["TagResources on an instance"] = new(All,
            async (t, w) => await t.Tag("instance", w.Instance),
            (w, listing, page) => Assert.Equal(listing == Listing.Instances ? ["env"] : [], TagKeysOf(page, listing, w))),
        ["UntagResources on an ENI"] = new(All,
            async (t, w) => (await t.Acs.Ecs("UntagResources", ("RegionId", Region), ("ResourceType", "eni"), ("ResourceId.1", w.Eni), ("TagKey.1", "env"))).Ok(),
            (w, listing, page) => Assert.Empty(TagKeysOf(page, listing, w)),
            async (t, w) => await t.Tag("eni", w.Eni)),
        ["JoinResourceGroup of an instance"] = new([Listing.Instances],
            async (t, w) => await t.MoveToResourceGroup("instance", w.Instance),
            (w, _, page) => Assert.Equal("rg-moved", Find(page, Listing.Instances, w.Instance).GetProperty("ResourceGroupId").GetString())),
        ["JoinResourceGroup of an ENI"] = new([Listing.Groups, Listing.Instances, Listing.Enis],
            async (t, w) => await t.MoveToResourceGroup("ENI", w.Eni),
            (w, listing, page) => Assert.Equal(listing == Listing.Enis ? "rg-moved" : null, listing == Listing.Enis
                ? Find(page, Listing.Enis, w.Eni).GetProperty("ResourceGroupId").GetString() : null)),
        ["JoinResourceGroup of a group"] = new([Listing.Groups],
            async (t, w) => await t.MoveToResourceGroup("securitygroup", w.Group),
            (w, _, page) => Assert.Equal("rg-moved", Find(page, Listing.Groups, w.Group).GetProperty("ResourceGroupId").GetString())),
        ["JoinSecurityGroup"] = new(All,
            async (t, w) => (await t.Acs.Ecs("JoinSecurityGroup", ("InstanceId", w.Instance), ("SecurityGroupId", w.Other))).Ok(),
            (w, listing, page) => ShowsMembers(w, listing, page, [w.Group, w.Other])),
        ["LeaveSecurityGroup"] = new(All,
            async (t, w) => (await t.Acs.Ecs("LeaveSecurityGroup", ("InstanceId", w.Instance), ("SecurityGroupId", w.Other))).Ok(),
            (w, listing, page) => ShowsMembers(w, listing, page, [w.Group]),
            async (t, w) => (await t.Acs.Ecs("JoinSecurityGroup", ("InstanceId", w.Instance), ("SecurityGroupId", w.Other))).Ok()),
        ["AssignPrivateIpAddresses"] = new(All,
            async (t, w) => (await t.Acs.Ecs("AssignPrivateIpAddresses", ("RegionId", Region), ("NetworkInterfaceId", w.PrimaryEni), ("PrivateIpAddress.1", "192.168.1.200"))).Ok(),
            (w, listing, page) => ShowsAddresses(w, listing, page, 2)),
        ["UnassignPrivateIpAddresses"] = new(All,
            async (t, w) => (await t.Acs.Ecs("UnassignPrivateIpAddresses", ("RegionId", Region), ("NetworkInterfaceId", w.PrimaryEni), ("PrivateIpAddress.1", "192.168.1.200"))).Ok(),
            (w, listing, page) => ShowsAddresses(w, listing, page, 1),
            async (t, w) => (await t.Acs.Ecs("AssignPrivateIpAddresses", ("RegionId", Region), ("NetworkInterfaceId", w.PrimaryEni), ("PrivateIpAddress.1", "192.168.1.200"))).Ok()),
        ["StopInstance"] = new([Listing.Instances],
            async (t, w) => (await t.Acs.Ecs("StopInstance", ("InstanceId", w.Instance))).Ok(),
            (w, _, page) => Assert.Equal("Stopped", Find(page, Listing.Instances, w.Instance).GetProperty("Status").GetString())),
        ["StartInstance"] = new([Listing.Instances],
            async (t, w) => (await t.Acs.Ecs("StartInstance", ("InstanceId", w.Instance))).Ok(),
            (w, _, page) => Assert.Equal("Running", Find(page, Listing.Instances, w.Instance).GetProperty("Status").GetString()),
            async (t, w) => (await t.Acs.Ecs("StopInstance", ("InstanceId", w.Instance))).Ok()),
        ["ModifyInstanceAttribute"] = new([Listing.Instances],
            async (t, w) => (await t.Acs.Ecs("ModifyInstanceAttribute", ("InstanceId", w.Instance), ("InstanceName", "renamed"))).Ok(),
            (w, _, page) => Assert.Equal("renamed", Find(page, Listing.Instances, w.Instance).GetProperty("InstanceName").GetString())),
        ["RunInstances"] = new(All,
            async (t, w) => await t.Run(w.Other),
            (w, listing, page) => Assert.Equal(listing == Listing.Groups ? 1 : listing == Listing.Enis ? 3 : 2, listing == Listing.Groups
                ? Find(page, Listing.Groups, w.Other).GetProperty("EcsCount").GetInt32() : Items(page, listing).Count)),
        ["DeleteInstance"] = new(All,
            async (t, w) => (await t.Acs.Ecs("DeleteInstance", ("InstanceId", w.Instance), ("Force", "true"))).Ok(),
            (w, listing, page) => Assert.Equal(listing == Listing.Groups ? 2 : listing == Listing.Enis ? 1 : 0, Items(page, listing).Count)),
        ["CreateNetworkInterface"] = new(All,
            async (t, w) => await t.Eni(("SecurityGroupId", w.Other), ("NetworkInterfaceName", "added")),
            (w, listing, page) => Assert.Equal(listing == Listing.Enis ? 3 : 1, listing == Listing.Groups
                ? 6000 - Find(page, Listing.Groups, w.Other).GetProperty("AvailableInstanceAmount").GetInt64() : Items(page, listing).Count)),
        ["ModifyNetworkInterfaceAttribute"] = new(All,
            async (t, w) => (await t.Acs.Ecs("ModifyNetworkInterfaceAttribute", ("RegionId", Region), ("NetworkInterfaceId", w.Eni), ("NetworkInterfaceName", "renamed"))).Ok(),
            (w, listing, page) => Assert.Equal(listing == Listing.Enis ? "renamed" : null,
                listing == Listing.Enis ? Find(page, Listing.Enis, w.Eni).GetProperty("NetworkInterfaceName").GetString() : null)),
        ["DeleteNetworkInterface"] = new(All,
            async (t, w) => (await t.Acs.Ecs("DeleteNetworkInterface", ("RegionId", Region), ("NetworkInterfaceId", w.Eni))).Ok(),
            (w, listing, page) => Assert.DoesNotContain(w.Eni, listing == Listing.Enis ? Ids(page, Listing.Enis) : [])),
        ["reset of the account"] = new(All,
            async (t, w) => await t.Post("/_emulator/reset", "{}"),
            (_, listing, page) => Assert.Empty(Items(page, listing))),
        // The snapshot saw the instance in one group; it joined the other after; the restore takes it out again.
        ["snapshot restore"] = new(All,
            async (t, w) => await t.Post($"/_emulator/snapshots/{t._snapshot}/restore", "{}"),
            (w, listing, page) => ShowsMembers(w, listing, page, [w.Group]),
            async (t, w) =>
            {
                t._snapshot = await SnapshotTests.Take(t.Acs, "before-join");
                (await t.Acs.Ecs("JoinSecurityGroup", ("InstanceId", w.Instance), ("SecurityGroupId", w.Other))).Ok();
            }),
        // Writes to tables no listing reads keep every listing.
        ["CreateVpc"] = new([], async (t, w) => await t.CreateVpc("10.0.0.0/16")),
        ["CreateVSwitch"] = new([], async (t, w) => await t.CreateVSwitch(t.Vpc, "192.168.2.0/24")),
        ["CreatePrefixList"] = new([], async (t, w) => (await t.Acs.Ecs("CreatePrefixList", ("RegionId", Region), ("AddressFamily", "IPv4"),
            ("MaxEntries", "5"), ("PrefixListName", "kept"))).Ok()),
        ["ModifyVpcAttribute"] = new([], async (t, w) => (await t.Acs.Vpc("ModifyVpcAttribute", ("RegionId", Region), ("VpcId", t.Vpc), ("VpcName", "renamed"))).Ok()),
        ["TakeSnapshot"] = new([], async (t, w) => await SnapshotTests.Take(t.Acs, "kept")),
    };

    private long _snapshot;

    public static TheoryData<string> WriteNames => [.. Writes.Keys];

    [Theory]
    [MemberData(nameof(WriteNames))]
    public async Task AWrite_DropsTheListingsWhoseTablesItChanged_AndKeepsTheOthers(string name)
    {
        var write = Writes[name];
        var world = await Build();
        if (write.Prepare is { } prepare)
        {
            await prepare(this, world);
        }

        var before = new Dictionary<Listing, string>();
        foreach (var listing in All)
        {
            await Read(listing);
            before[listing] = Body(await Read(listing)); // the second read is the page as cached
        }

        await write.Act(this, world);
        var beforeReads = await PrometheusScrape.ReadAsync(Client.Http);
        var after = new Dictionary<Listing, AcsResult>();
        foreach (var listing in All)
        {
            after[listing] = await Read(listing);
        }

        var afterReads = await PrometheusScrape.ReadAsync(Client.Http);
        foreach (var listing in All)
        {
            var dropped = write.Drops.Contains(listing);
            (string, string) cache = ("cache", CacheName(listing));
            var misses = afterReads.Sum(CacheLookups, cache, ("result", "miss")) - beforeReads.Sum(CacheLookups, cache, ("result", "miss"));
            var hits = afterReads.Sum(CacheLookups, cache, ("result", "hit")) - beforeReads.Sum(CacheLookups, cache, ("result", "hit"));
            Assert.True((dropped ? (1, 0) : (0, 1)) == (misses, hits),
                $"{name}: {listing} should be {(dropped ? "dropped" : "kept")}; misses {misses}, hits {hits}");
            if (dropped)
            {
                write.Shows?.Invoke(world, listing, after[listing].Ok());
            }
            else
            {
                Assert.Equal(before[listing], Body(after[listing]));
            }
        }
    }

    private async Task<World> Build()
    {
        await Arrange();
        var group = await CreateGroup(Vpc, ("SecurityGroupName", "first"));
        var other = await CreateGroup(Vpc, ("SecurityGroupName", "second"));
        var instance = (await Run(group))[0];
        var primary = (await Instance(instance)).GetProperty("NetworkInterfaces").GetProperty("NetworkInterface")[0].GetProperty("NetworkInterfaceId").GetString()!;
        var eni = await Eni(("SecurityGroupId", group), ("NetworkInterfaceName", "secondary"));
        return new World(group, other, instance, primary, eni);
    }

    private Task<AcsResult> Read(Listing listing) => Client.Ecs(listing switch
    {
        Listing.Groups => "DescribeSecurityGroups",
        Listing.Instances => "DescribeInstances",
        _ => "DescribeNetworkInterfaces",
    }, ("RegionId", Region));

    private static string CacheName(Listing listing) => listing switch
    {
        Listing.Groups => "security_group_listing",
        Listing.Instances => "instance_listing",
        _ => "network_interface_listing",
    };

    /// <summary>The answer without its RequestId (every answer has its own).</summary>
    private static string Body(AcsResult result) => result.Text.Replace(result.Ok().GetProperty("RequestId").GetString()!, "", StringComparison.Ordinal);

    private static List<JsonElement> Items(JsonElement page, Listing listing) => listing switch
    {
        Listing.Groups => [.. page.GetProperty("SecurityGroups").GetProperty("SecurityGroup").EnumerateArray()],
        Listing.Instances => [.. page.GetProperty("Instances").GetProperty("Instance").EnumerateArray()],
        _ => [.. page.GetProperty("NetworkInterfaceSets").GetProperty("NetworkInterfaceSet").EnumerateArray()],
    };

    private static string IdOf(JsonElement item, Listing listing) => item.GetProperty(listing switch
    {
        Listing.Groups => "SecurityGroupId",
        Listing.Instances => "InstanceId",
        _ => "NetworkInterfaceId",
    }).GetString()!;

    private static List<string> Ids(JsonElement page, Listing listing) => [.. Items(page, listing).Select(i => IdOf(i, listing))];

    private static JsonElement Find(JsonElement page, Listing listing, string id) => Assert.Single(Items(page, listing), i => IdOf(i, listing) == id);

    /// <summary>The tag keys the listing shows on all its items (a tag on one resource shows on that one only).</summary>
    private static List<string> TagKeysOf(JsonElement page, Listing listing, World w) =>
        [.. Items(page, listing).SelectMany(i => i.TryGetProperty("Tags", out var tags) && tags.TryGetProperty("Tag", out var list)
            ? list.EnumerateArray().Select(t => t.GetProperty("TagKey").GetString()!) : [])];

    /// <summary>The instance's groups (instances and its primary ENI), or the second group's instance count (groups).</summary>
    private static void ShowsMembers(World w, Listing listing, JsonElement page, string[] groups)
    {
        switch (listing)
        {
            case Listing.Groups:
                Assert.Equal(groups.Contains(w.Other) ? 1 : 0, Find(page, Listing.Groups, w.Other).GetProperty("EcsCount").GetInt32());
                break;
            case Listing.Instances:
                Assert.Equal(groups, Find(page, Listing.Instances, w.Instance).GetProperty("SecurityGroupIds").GetProperty("SecurityGroupId")
                    .EnumerateArray().Select(g => g.GetString()!));
                break;
            default:
                Assert.Equal(groups, Find(page, Listing.Enis, w.PrimaryEni).GetProperty("SecurityGroupIds").GetProperty("SecurityGroupId")
                    .EnumerateArray().Select(g => g.GetString()!));
                break;
        }
    }

    /// <summary>The primary ENI's private addresses (instances and ENIs), or the first group's available amount (groups).</summary>
    private static void ShowsAddresses(World w, Listing listing, JsonElement page, int count)
    {
        switch (listing)
        {
            case Listing.Groups:
                // Two ENIs in the first group: the instance's primary one (count addresses) and the secondary one (1 address).
                var available = Find(page, Listing.Groups, w.Group).GetProperty("AvailableInstanceAmount").GetInt64();
                Assert.Equal(count + 1, 6000 - available); // the default quota of addresses per basic group
                break;
            case Listing.Instances:
                Assert.Equal(count, Find(page, Listing.Instances, w.Instance).GetProperty("NetworkInterfaces").GetProperty("NetworkInterface")[0]
                    .GetProperty("PrivateIpSets").GetProperty("PrivateIpSet").GetArrayLength());
                break;
            default:
                Assert.Equal(count, Find(page, Listing.Enis, w.PrimaryEni).GetProperty("PrivateIpSets").GetProperty("PrivateIpSet").GetArrayLength());
                break;
        }
    }

    private async Task Tag(string type, string id) =>
        (await Client.Ecs("TagResources", ("RegionId", Region), ("ResourceType", type), ("ResourceId.1", id), ("Tag.1.Key", "env"), ("Tag.1.Value", "dev"))).Ok();

    private async Task MoveToResourceGroup(string type, string id) =>
        (await Client.Ecs("JoinResourceGroup", ("RegionId", Region), ("ResourceType", type), ("ResourceId", id), ("ResourceGroupId", "rg-moved"))).Ok();

    private async Task Post(string path, string json) => (await SnapshotTests.Emulator(Client, HttpMethod.Post, path, json)).Ok();
}
