using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SecurityGroups.FunctionalTests.Instances;

namespace SecurityGroups.FunctionalTests.Emulator;

/// <summary>/_emulator/snapshots: take, list, diff and restore (docs/console.md, "Snapshot and diff").</summary>
public sealed partial class SnapshotTests(EmulatorFactory factory) : InstanceTest(factory)
{
    private const string Region = "cn-hangzhou";

    [Fact]
    public async Task Diff_NamesAddedRemovedAndChangedGroupsAndRules()
    {
        await Arrange();
        var web = await CreateGroup(Vpc, ("SecurityGroupName", "web"));
        var doomed = await CreateGroup(Vpc, ("SecurityGroupName", "doomed"));
        var ssh = await Authorize(web, "22/22", "10.0.0.0/8");
        var https = await Authorize(web, "443/443", "0.0.0.0/0");
        var doomedRule = await Authorize(doomed, "80/80", "0.0.0.0/0");
        var instance = (await Run(web))[0];
        var snapshot = await Take(Client, "before");

        (await Client.Ecs("RevokeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", web), ("SecurityGroupRuleId.1", https))).Ok();
        var http = await Authorize(web, "8080/8080", "192.168.0.0/16");
        (await Client.Ecs("ModifySecurityGroupRule", ("RegionId", Region), ("SecurityGroupId", web), ("SecurityGroupRuleId", ssh), ("Priority", "5"))).Ok();
        (await Client.Ecs("ModifySecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", web), ("SecurityGroupName", "web2"))).Ok();
        (await Client.Ecs("DeleteSecurityGroup", ("RegionId", Region), ("SecurityGroupId", doomed))).Ok();
        var added = await CreateGroup(Vpc, ("SecurityGroupName", "new"));
        var addedRule = await Authorize(added, "3306/3306", "10.1.0.0/16");
        (await Client.Ecs("JoinSecurityGroup", ("InstanceId", instance), ("SecurityGroupId", added))).Ok();

        var diff = (await Emulator(Client, HttpMethod.Get, $"/_emulator/snapshots/{snapshot}/diff")).Ok();
        var groups = diff.GetProperty("Groups").EnumerateArray().ToDictionary(g => g.GetProperty("SecurityGroupId").GetString()!);

        Assert.Equal("before", diff.GetProperty("Snapshot").GetProperty("Name").GetString());
        Assert.Equal(3, groups.Count);
        Assert.Equal("changed", groups[web].GetProperty("Change").GetString());
        Assert.Equal([http], RuleIds(groups[web], "AddedRules"));
        Assert.Equal([https], RuleIds(groups[web], "RemovedRules"));
        var changed = Assert.Single(groups[web].GetProperty("ChangedRules").EnumerateArray());
        Assert.Equal((ssh, "1", "5"), (changed.GetProperty("Before").GetProperty("SecurityGroupRuleId").GetString(),
            changed.GetProperty("Before").GetProperty("Priority").GetString(), changed.GetProperty("After").GetProperty("Priority").GetString()));
        var renamed = Assert.Single(groups[web].GetProperty("Attributes").EnumerateArray());
        Assert.Equal(("SecurityGroupName", "web", "web2"), (renamed.GetProperty("Field").GetString(), renamed.GetProperty("Before").GetString(), renamed.GetProperty("After").GetString()));
        Assert.Empty(groups[web].GetProperty("LeftNetworkInterfaces").EnumerateArray());
        Assert.Equal("removed", groups[doomed].GetProperty("Change").GetString());
        Assert.Equal([doomedRule], RuleIds(groups[doomed], "RemovedRules"));
        Assert.Equal("added", groups[added].GetProperty("Change").GetString());
        Assert.Equal([addedRule], RuleIds(groups[added], "AddedRules"));
        Assert.Single(groups[added].GetProperty("JoinedNetworkInterfaces").EnumerateArray());

        (await Emulator(Client, HttpMethod.Post, $"/_emulator/snapshots/{snapshot}/restore", "{}")).Ok();
        Assert.Empty((await Emulator(Client, HttpMethod.Get, $"/_emulator/snapshots/{snapshot}/diff")).Ok().GetProperty("Groups").EnumerateArray());
    }

    [Fact]
    public async Task Restore_AnswersDescribeByteForByteAsBefore()
    {
        await Arrange();
        var web = await CreateGroup(Vpc, ("SecurityGroupName", "web"), ("Tag.1.Key", "env"), ("Tag.1.Value", "prod"));
        var db = await CreateGroup(Vpc, ("SecurityGroupName", "db"), ("Description", "database"));
        var doomed = await CreateGroup(Vpc, ("SecurityGroupName", "doomed"));
        var ssh = await Authorize(web, "22/22", "10.0.0.0/8");
        var https = await Authorize(web, "443/443", "0.0.0.0/0");
        (await Client.Ecs("AuthorizeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", db), ("IpProtocol", "TCP"), ("PortRange", "5432/5432"),
            ("SourceGroupId", web))).Ok();
        (await Client.Ecs("AuthorizeSecurityGroupEgress", ("RegionId", Region), ("SecurityGroupId", db), ("IpProtocol", "ALL"), ("PortRange", "-1/-1"),
            ("DestCidrIp", "0.0.0.0/0"), ("Policy", "Drop"), ("Priority", "100"))).Ok();
        await Authorize(doomed, "80/80", "0.0.0.0/0");
        var instance = (await Run(web))[0];
        var eni = await Eni(("SecurityGroupId", db));
        string[] ids = [web, db, doomed];
        var before = await State(ids, instance, eni);
        var snapshot = await Take(Client, "baseline");

        (await Client.Ecs("RevokeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", web), ("SecurityGroupRuleId.1", https))).Ok();
        await Authorize(web, "8080/8080", "192.168.0.0/16");
        (await Client.Ecs("ModifySecurityGroupRule", ("RegionId", Region), ("SecurityGroupId", web), ("SecurityGroupRuleId", ssh), ("Priority", "9"), ("Description", "x"))).Ok();
        (await Client.Ecs("ModifySecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", db), ("SecurityGroupName", "db2"), ("Description", "changed"))).Ok();
        (await Client.Ecs("ModifySecurityGroupPolicy", ("RegionId", Region), ("SecurityGroupId", db), ("InnerAccessPolicy", "Drop"))).Ok();
        (await Client.Ecs("TagResources", ("RegionId", Region), ("ResourceType", "securitygroup"), ("ResourceId.1", web), ("Tag.1.Key", "env"), ("Tag.1.Value", "dev"),
            ("Tag.2.Key", "team"), ("Tag.2.Value", "a"))).Ok();
        (await Client.Ecs("DeleteSecurityGroup", ("RegionId", Region), ("SecurityGroupId", doomed))).Ok();
        var created = await CreateGroup(Vpc, ("SecurityGroupName", "created"));
        await Authorize(created, "3306/3306", "10.1.0.0/16");
        (await Client.Ecs("JoinSecurityGroup", ("InstanceId", instance), ("SecurityGroupId", db))).Ok();
        (await Client.Ecs("JoinSecurityGroup", ("RegionId", Region), ("NetworkInterfaceId", eni), ("SecurityGroupId", created))).Ok();
        (await Client.Ecs("LeaveSecurityGroup", ("RegionId", Region), ("NetworkInterfaceId", eni), ("SecurityGroupId", db))).Ok();
        var changed = await State(ids, instance, eni);
        Assert.NotEqual(before, changed);
        (await Emulator(Client, HttpMethod.Post, $"/_emulator/snapshots/{snapshot}/restore", """{"DryRun":true}""")).Error("DryRunOperation", 400);
        Assert.Equal(changed, await State(ids, instance, eni));

        var restored = (await Emulator(Client, HttpMethod.Post, $"/_emulator/snapshots/{snapshot}/restore", "{}")).Ok();

        Assert.Equal((1, 1, 5, 1), (restored.GetProperty("GroupsCreated").GetInt32(), restored.GetProperty("GroupsDeleted").GetInt32(),
            restored.GetProperty("RulesRestored").GetInt32(), restored.GetProperty("NetworkInterfacesRestored").GetInt32()));
        Assert.Equal(before, await State(ids, instance, eni));
        (await Client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", created))).Error("InvalidSecurityGroupId.NotFound", 404);
    }

    [Fact]
    public async Task Restore_RefusedWhenAReferencedListIsGone_ChangesNothing()
    {
        await Arrange();
        var web = await CreateGroup(Vpc, ("SecurityGroupName", "web"));
        var list = (await Client.Ecs("CreatePrefixList", ("RegionId", Region), ("AddressFamily", "IPv4"), ("MaxEntries", "5"), ("PrefixListName", "office"),
            ("Entry.1.Cidr", "10.9.0.0/16"))).Ok().GetProperty("PrefixListId").GetString()!;
        var listed = (await Client.Ecs("AuthorizeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", web), ("IpProtocol", "TCP"), ("PortRange", "22/22"),
            ("SourcePrefixListId", list))).Ok();
        var snapshot = await Take(Client, "with-list");
        var rule = (await Client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", web))).Ok()
            .GetProperty("Permissions").GetProperty("Permission")[0].GetProperty("SecurityGroupRuleId").GetString()!;
        (await Client.Ecs("RevokeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", web), ("SecurityGroupRuleId.1", rule))).Ok();
        (await Client.Ecs("DeletePrefixList", ("RegionId", Region), ("PrefixListId", list))).Ok();
        await Authorize(web, "80/80", "0.0.0.0/0");
        (await Client.Ecs("ModifySecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", web), ("SecurityGroupName", "renamed"))).Ok();
        var extra = await CreateGroup(Vpc, ("SecurityGroupName", "extra"));
        var before = await State([web, extra]);

        var refused = await Emulator(Client, HttpMethod.Post, $"/_emulator/snapshots/{snapshot}/restore", "{}");

        refused.Error("InvalidPrefixListId.NotFound", 404);
        Assert.Contains(rule, refused.Str("Message"), StringComparison.Ordinal);
        Assert.Contains("nothing was changed", refused.Str("Message"), StringComparison.Ordinal);
        Assert.Equal(before, await State([web, extra]));
        Assert.NotNull(listed.GetProperty("RequestId").GetString());
    }

    [Fact]
    public async Task Restore_RefusedWhenAGroupCreatedSinceHasMembers_ChangesNothing()
    {
        await Arrange();
        var web = await CreateGroup(Vpc, ("SecurityGroupName", "web"));
        var snapshot = await Take(Client, "one-group");
        await Authorize(web, "22/22", "10.0.0.0/8");
        var created = await CreateGroup(Vpc, ("SecurityGroupName", "created"));
        var instance = (await Run(created))[0];
        var before = await State([web, created], instance);

        var refused = await Emulator(Client, HttpMethod.Post, $"/_emulator/snapshots/{snapshot}/restore", "{}");

        refused.Error("DependencyViolation", 403);
        Assert.Contains(created, refused.Str("Message"), StringComparison.Ordinal);
        Assert.Equal(before, await State([web, created], instance));
    }

    [Fact]
    public async Task Restore_RefusedWhenADeletedGroupsVpcIsGone_ChangesNothing()
    {
        var vpc = await CreateVpc("10.20.0.0/16");
        var inVpc = await CreateGroup(vpc, ("SecurityGroupName", "in-vpc"));
        var snapshot = await Take(Client, "vpc-group");
        (await Client.Ecs("DeleteSecurityGroup", ("RegionId", Region), ("SecurityGroupId", inVpc))).Ok();
        (await Client.Vpc("DeleteVpc", ("RegionId", Region), ("VpcId", vpc))).Ok();
        var kept = await CreateGroup(null, ("SecurityGroupName", "kept"));
        var before = await State([kept]);

        var refused = await Emulator(Client, HttpMethod.Post, $"/_emulator/snapshots/{snapshot}/restore", "{}");

        refused.Error("InvalidVpcId.NotFound", 404);
        Assert.Contains($"Recreating {inVpc} in {vpc}", refused.Str("Message"), StringComparison.Ordinal);
        Assert.Equal(before, await State([kept]));
    }

    [Fact]
    public async Task Snapshots_AreKeptPerAccount_TheNewestTen_AndNeverShownToAnotherAccount()
    {
        var web = await CreateGroup(null, ("SecurityGroupName", "web"));
        var first = await Take(Client, "s1");
        for (var i = 2; i <= 11; i++)
        {
            await Take(Client, $"s{i}");
        }

        var other = new AcsClient(Factory.CreateClient());
        var mine = (await Emulator(Client, HttpMethod.Get, $"/_emulator/snapshots?RegionId={Region}")).Ok();
        Assert.Equal(10, mine.GetProperty("TotalCount").GetInt32());
        Assert.Equal("s11", mine.GetProperty("Snapshots")[0].GetProperty("Name").GetString());
        Assert.DoesNotContain(mine.GetProperty("Snapshots").EnumerateArray(), s => s.GetProperty("SnapshotId").GetInt64() == first);
        (await Emulator(Client, HttpMethod.Get, $"/_emulator/snapshots/{first}/diff")).Error("InvalidSnapshotId.NotFound", 404);

        var newest = mine.GetProperty("Snapshots")[0].GetProperty("SnapshotId").GetInt64();
        Assert.Equal(0, (await Emulator(other, HttpMethod.Get, $"/_emulator/snapshots?AccessKeyId=test2")).Ok().GetProperty("TotalCount").GetInt32());
        (await Emulator(other, HttpMethod.Get, $"/_emulator/snapshots/{newest}/diff?AccessKeyId=test2")).Error("InvalidSnapshotId.NotFound", 404);
        (await Emulator(other, HttpMethod.Post, $"/_emulator/snapshots/{newest}/restore?AccessKeyId=test2", "{}")).Error("InvalidSnapshotId.NotFound", 404);
        var theirs = (await Emulator(other, HttpMethod.Post, "/_emulator/snapshots?AccessKeyId=test2", """{"RegionId":"cn-hangzhou"}""")).Ok()
            .GetProperty("SnapshotId").GetInt64();
        (await Emulator(Client, HttpMethod.Get, $"/_emulator/snapshots/{theirs}/diff")).Error("InvalidSnapshotId.NotFound", 404);
        Assert.Equal(10, (await Emulator(Client, HttpMethod.Get, "/_emulator/snapshots")).Ok().GetProperty("TotalCount").GetInt32());
        Assert.Equal(0, (await Emulator(other, HttpMethod.Get, $"/_emulator/snapshots/{theirs}/diff?AccessKeyId=test2")).Ok().GetProperty("Groups").GetArrayLength());
        Assert.NotEmpty(web);
    }

    [Fact]
    public async Task Take_ChecksItsInput()
    {
        (await Emulator(Client, HttpMethod.Post, "/_emulator/snapshots", """{"Name":"x"}""")).Error("MissingParameter.RegionId", 400);
        (await Emulator(Client, HttpMethod.Post, "/_emulator/snapshots", """{"RegionId":"xx-nowhere"}""")).Error("InvalidRegionId.NotFound", 404);
        (await Emulator(Client, HttpMethod.Post, "/_emulator/snapshots", $$"""{"RegionId":"cn-hangzhou","Name":"{{new string('n', 129)}}"}"""))
            .Error("InvalidSnapshotName.Malformed", 400);
        (await Emulator(Client, HttpMethod.Get, "/_emulator/snapshots/abc/diff")).Error("InvalidSnapshotId.NotFound", 404);
        (await Emulator(Client, HttpMethod.Post, "/_emulator/snapshots/999999/restore", "{}")).Error("InvalidSnapshotId.NotFound", 404);
    }

    [Fact]
    public async Task AnAccountReset_KeepsItsSnapshots_SoTheDiffShowsWhatTheResetRemoved()
    {
        var web = await CreateGroup(null, ("SecurityGroupName", "web"));
        var snapshot = await Take(Client, "before-reset");
        (await Emulator(Client, HttpMethod.Post, "/_emulator/reset", "{}")).Ok();

        var diff = (await Emulator(Client, HttpMethod.Get, $"/_emulator/snapshots/{snapshot}/diff")).Ok().GetProperty("Groups");
        Assert.Equal(web, Assert.Single(diff.EnumerateArray()).GetProperty("SecurityGroupId").GetString());
        Assert.Equal("removed", diff[0].GetProperty("Change").GetString());
        (await Emulator(Client, HttpMethod.Post, $"/_emulator/snapshots/{snapshot}/restore", "{}")).Ok();
        Assert.Equal(1, (await DescribeGroups()).GetProperty("TotalCount").GetInt32());
    }

    /// <summary>DescribeSecurityGroups, each group's DescribeSecurityGroupAttribute (and instances', ENIs'), RequestId removed
    /// (also from an error's Recommend link: a deleted group answers NotFound).</summary>
    private async Task<string> State(string[] groupIds, string? instance = null, string? eni = null)
    {
        var text = new StringBuilder(WithoutRequestId((await Client.Ecs("DescribeSecurityGroups", ("RegionId", Region), ("PageSize", "50"))).Text));
        foreach (var id in groupIds)
        {
            text.Append('\n').Append(WithoutRequestId((await Client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", id),
                ("Direction", "all"))).Text));
        }

        if (instance is not null)
        {
            text.Append('\n').Append(string.Join(',', await GroupsOf(instance)));
        }

        if (eni is not null)
        {
            text.Append('\n').Append((await NetworkInterface(eni)).GetProperty("SecurityGroupIds").GetRawText());
        }

        return text.ToString();
    }

    private async Task<string> Authorize(string group, string ports, string cidr)
    {
        (await Client.Ecs("AuthorizeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", group), ("IpProtocol", "TCP"), ("PortRange", ports),
            ("SourceCidrIp", cidr))).Ok();
        return (await Client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", group), ("Direction", "ingress"))).Ok()
            .GetProperty("Permissions").GetProperty("Permission").EnumerateArray().Single(p => p.GetProperty("PortRange").GetString() == ports)
            .GetProperty("SecurityGroupRuleId").GetString()!;
    }

    private static List<string> RuleIds(JsonElement group, string list) =>
        [.. group.GetProperty(list).EnumerateArray().Select(r => r.GetProperty("SecurityGroupRuleId").GetString()!)];

    internal static async Task<long> Take(AcsClient client, string name) =>
        (await Emulator(client, HttpMethod.Post, "/_emulator/snapshots", $$"""{"RegionId":"cn-hangzhou","Name":"{{name}}"}""")).Ok().GetProperty("SnapshotId").GetInt64();

    internal static async Task<AcsResult> Emulator(AcsClient client, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await client.Send(request);
    }

    internal static string WithoutRequestId(string json) => RequestId().Replace(json, "");

    [GeneratedRegex("\"RequestId\":\"[^\"]*\"|requestId=[0-9A-F-]+")]
    private static partial Regex RequestId();
}

/// <summary>Snapshots on a database file across restarts, and under a lower quota after one.</summary>
public sealed class SnapshotRestartTests
{
    [Fact]
    public async Task Snapshots_SurviveARestart_AndRestoreThere()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sg-snap-{Guid.NewGuid():N}.db");
        long snapshot;
        string group;
        string before;
        using (var first = new CustomEmulatorFactory(path, null))
        {
            var client = first.Acs();
            group = (await client.Ecs("CreateSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupName", "kept"))).Ok().GetProperty("SecurityGroupId").GetString()!;
            (await client.Ecs("AuthorizeSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group), ("IpProtocol", "TCP"), ("PortRange", "22/22"),
                ("SourceCidrIp", "10.0.0.0/8"), ("NicType", "intranet"))).Ok();
            before = SnapshotTests.WithoutRequestId((await client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group))).Text);
            snapshot = await SnapshotTests.Take(client, "across-restart");
            (await client.Ecs("DeleteSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group))).Ok();
        }

        using var second = new CustomEmulatorFactory(path, null);
        var again = second.Acs();
        var listed = (await SnapshotTests.Emulator(again, HttpMethod.Get, "/_emulator/snapshots?RegionId=cn-hangzhou")).Ok().GetProperty("Snapshots");
        Assert.Equal("across-restart", Assert.Single(listed.EnumerateArray()).GetProperty("Name").GetString());
        Assert.Equal("removed", (await SnapshotTests.Emulator(again, HttpMethod.Get, $"/_emulator/snapshots/{snapshot}/diff")).Ok()
            .GetProperty("Groups")[0].GetProperty("Change").GetString());

        (await SnapshotTests.Emulator(again, HttpMethod.Post, $"/_emulator/snapshots/{snapshot}/restore", "{}")).Ok();

        Assert.Equal(before, SnapshotTests.WithoutRequestId((await again.Ecs("DescribeSecurityGroupAttribute", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group))).Text));
    }

    [Fact]
    public async Task Restore_OverTheGroupQuota_IsRefusedAndChangesNothing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sg-snap-{Guid.NewGuid():N}.db");
        long snapshot;
        using (var first = new CustomEmulatorFactory(path, null))
        {
            var client = first.Acs();
            var a = (await client.Ecs("CreateSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupName", "ga"))).Ok().GetProperty("SecurityGroupId").GetString()!;
            (await client.Ecs("CreateSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupName", "gb"))).Ok();
            snapshot = await SnapshotTests.Take(client, "two-groups");
            (await client.Ecs("DeleteSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", a))).Ok();
        }

        using var second = new CustomEmulatorFactory(path, new Dictionary<string, string?> { ["Quotas:SecurityGroupsPerRegion"] = "1" });
        var again = second.Acs();
        var before = SnapshotTests.WithoutRequestId((await again.Ecs("DescribeSecurityGroups", ("RegionId", "cn-hangzhou"))).Text);

        var refused = await SnapshotTests.Emulator(again, HttpMethod.Post, $"/_emulator/snapshots/{snapshot}/restore", "{}");

        refused.Error("QuotaExceed.SecurityGroup", 403);
        Assert.Equal(before, SnapshotTests.WithoutRequestId((await again.Ecs("DescribeSecurityGroups", ("RegionId", "cn-hangzhou"))).Text));
    }
}

/// <summary>Strict mode: a snapshot is a state change, so it needs an ACS3 signature; the signer's account owns it.</summary>
public sealed class StrictSnapshotTests(StrictEmulatorFactory factory) : IClassFixture<StrictEmulatorFactory>
{
    private readonly AcsClient _client = factory.Acs();

    [Fact]
    public async Task Take_NeedsAnAcs3Signature_AndAnotherAccountCannotRestoreIt()
    {
        var body = """{"RegionId":"cn-hangzhou","Name":"strict"}"""u8.ToArray();
        (await SnapshotTests.Emulator(_client, HttpMethod.Post, "/_emulator/snapshots", """{"RegionId":"cn-hangzhou"}""")).Error("MissingParameter", 400);
        using var sha1 = Signers.Rpc("Take", "emulator", [], "test", "test", path: "/_emulator/snapshots");
        sha1.Method = HttpMethod.Post;
        sha1.Content = new ByteArrayContent(body);
        sha1.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        (await _client.Send(sha1)).Error("IncompleteSignature", 400);

        using var signed = Signers.Acs3("Take", "emulator", [], "test", "test", path: "/_emulator/snapshots", body: body, contentType: "application/json");
        var snapshot = (await _client.Send(signed)).Ok().GetProperty("SnapshotId").GetInt64();

        using var theirs = Signers.Acs3("Restore", "emulator", [], "test2", "secret2", path: $"/_emulator/snapshots/{snapshot}/restore", body: "{}"u8.ToArray(),
            contentType: "application/json");
        (await _client.Send(theirs)).Error("InvalidSnapshotId.NotFound", 404);
        using var mine = Signers.Acs3("Restore", "emulator", [], "test", "test", path: $"/_emulator/snapshots/{snapshot}/restore", body: "{}"u8.ToArray(),
            contentType: "application/json");
        (await _client.Send(mine)).Ok();
    }
}
