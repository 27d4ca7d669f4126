using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SecurityGroups.Api.Acs;

namespace SecurityGroups.FunctionalTests.Protocol;

/// <summary>
/// Account isolation on every Action family (docs/security.md, "Accounts"): a second account calls every served Action,
/// in every product that serves it, with the first account's resource IDs in every ID parameter (alone and all at once,
/// flattened, JSON lists and nested forms). None may answer 5xx, none may show one of those IDs, and the first account's
/// state, read back through its own Describe calls, must be exactly as before.
/// </summary>
public sealed class CrossAccountSweepTests(EmulatorFactory factory) : EmulatorTest(factory)
{
    private const string Region = "cn-hangzhou";

    [Fact]
    public async Task EveryAction_WithAnotherAccountsIds_ShowsNoneAndChangesNone()
    {
        var owned = await ArrangeFirstAccountAsync();
        var before = await FirstAccountStateAsync(owned);
        var catalog = Factory.Services.GetRequiredService<AcsActionCatalog>();
        var failures = new List<string>();
        var calls = 0;

        foreach (var (action, products) in catalog.Actions.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            foreach (var version in products.Select(p => p.Version).Distinct())
            {
                foreach (var parameters in Attempts(owned))
                {
                    var result = await Client.Call(action, version, AcsStyle.Query, [("RegionId", Region), ("AccessKeyId", "test2"), .. parameters]);
                    calls++;
                    var shown = owned.Values.Where(id => result.Text.Contains(id, StringComparison.Ordinal)).ToList();
                    if ((int)result.Status >= 500 || (result.Status == HttpStatusCode.OK && shown.Count > 0))
                    {
                        failures.Add($"{action} {version} [{string.Join(',', parameters.Select(p => p.Key))}]: {(int)result.Status} shows [{string.Join(',', shown)}] {result.Text[..Math.Min(200, result.Text.Length)]}");
                    }
                }
            }
        }

        Assert.True(calls > 2000, $"only {calls} calls: the catalog or the ID list shrank");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)));
        Assert.Equal(before, await FirstAccountStateAsync(owned));
    }

    /// <summary>Every ID parameter spelling, one at a time, then all of them together.</summary>
    private static IEnumerable<(string Key, string Value)[]> Attempts(IReadOnlyDictionary<string, string> owned)
    {
        var spellings = new List<(string Key, string Value)>();
        foreach (var (name, id) in owned)
        {
            spellings.AddRange([(name, id), (name + ".1", id), (name + "s", JsonSerializer.Serialize(new[] { id })), (name + "s.1", id)]);
        }

        spellings.AddRange(
        [
            ("ResourceId.1", owned["SecurityGroupId"]), ("ResourceId.2", owned["InstanceId"]), ("ResourceId.3", owned["VpcId"]),
            ("SourceGroupId", owned["SecurityGroupId"]), ("DestGroupId", owned["SecurityGroupId"]),
            ("Permissions.1.SourceGroupId", owned["SecurityGroupId"]), ("Permissions.1.SourcePrefixListId", owned["PrefixListId"]),
            ("Permissions.1.PortRangeListId", owned["PortRangeListId"]), ("NetworkInterface.1.VSwitchId", owned["VSwitchId"]),
            ("NetworkInterface.1.SecurityGroupId", owned["SecurityGroupId"]), ("TrunkNetworkInstanceId", owned["NetworkInterfaceId"]),
        ]);

        foreach (var one in spellings)
        {
            yield return [one];
        }

        yield return [.. spellings.DistinctBy(s => s.Key, StringComparer.OrdinalIgnoreCase)];
        foreach (var type in new[] { "securitygroup", "instance", "eni", "vpc", "vswitch", "prefixlist", "VPC", "ROUTETABLE" })
        {
            yield return [("ResourceType", type), ("ResourceId.1", owned["SecurityGroupId"]), ("ResourceId.2", owned["InstanceId"]),
                ("ResourceId.3", owned["VpcId"]), ("ResourceId", owned["VSwitchId"]), ("Tag.1.Key", "k"), ("Tag.1.Value", "v"), ("TagKey.1", "k")];
        }
    }

    private async Task<Dictionary<string, string>> ArrangeFirstAccountAsync()
    {
        var vpcId = await CreateVpc("10.0.0.0/8", Region, ("Tag.1.Key", "owner"));
        var vSwitchId = await CreateVSwitch(vpcId, "10.1.0.0/16");
        var groupId = await CreateGroup(vpcId, ("Tag.1.Key", "owner"));
        (await Client.Ecs("AuthorizeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", groupId), ("Permissions.1.IpProtocol", "TCP"),
            ("Permissions.1.PortRange", "22/22"), ("Permissions.1.SourceCidrIp", "10.0.0.0/8"))).Ok();
        var instanceId = (await Client.Ecs("RunInstances", ("RegionId", Region), ("VSwitchId", vSwitchId), ("SecurityGroupId", groupId))).Ok()
            .GetProperty("InstanceIdSets").GetProperty("InstanceIdSet")[0].GetString()!;
        var eniId = (await Client.Ecs("CreateNetworkInterface", ("RegionId", Region), ("VSwitchId", vSwitchId), ("SecurityGroupId", groupId))).Ok()
            .GetProperty("NetworkInterfaceId").GetString()!;
        var prefixListId = (await Client.Ecs("CreatePrefixList", ("RegionId", Region), ("PrefixListName", "pl"), ("AddressFamily", "IPv4"), ("MaxEntries", "5"),
            ("Entry.1.Cidr", "10.0.0.0/8"))).Ok().GetProperty("PrefixListId").GetString()!;
        var portRangeListId = (await Client.Ecs("CreatePortRangeList", ("RegionId", Region), ("PortRangeListName", "prl"), ("MaxEntries", "5"),
            ("Entry.1.PortRange", "80/80"))).Ok().GetProperty("PortRangeListId").GetString()!;
        var diskId = (await Client.Ecs("DescribeDisks", ("RegionId", Region), ("InstanceId", instanceId))).Ok()
            .GetProperty("Disks").GetProperty("Disk")[0].GetProperty("DiskId").GetString()!;
        var routeTableId = (await Client.Vpc("DescribeVpcs", ("RegionId", Region), ("VpcId", vpcId))).Ok()
            .GetProperty("Vpcs").GetProperty("Vpc")[0].GetProperty("RouterTableIds").GetProperty("RouterTableIds")[0].GetString()!;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SecurityGroupId"] = groupId, ["InstanceId"] = instanceId, ["NetworkInterfaceId"] = eniId, ["VpcId"] = vpcId,
            ["VSwitchId"] = vSwitchId, ["PrefixListId"] = prefixListId, ["PortRangeListId"] = portRangeListId, ["RouteTableId"] = routeTableId,
            ["DiskId"] = diskId,
        };
    }

    /// <summary>The first account's resources as its own Describe calls show them (RequestId left out).</summary>
    private async Task<string> FirstAccountStateAsync(IReadOnlyDictionary<string, string> owned)
    {
        (string Action, string Version, (string, string)[] Parameters)[] reads =
        [
            ("DescribeSecurityGroups", AcsClient.EcsVersion, []),
            ("DescribeSecurityGroupAttribute", AcsClient.EcsVersion, [("SecurityGroupId", owned["SecurityGroupId"])]),
            ("DescribeSecurityGroupAttribute", AcsClient.EcsVersion, [("SecurityGroupId", owned["SecurityGroupId"]), ("Direction", "egress")]),
            ("DescribeInstances", AcsClient.EcsVersion, []),
            ("DescribeInstanceAttribute", AcsClient.EcsVersion, [("InstanceId", owned["InstanceId"])]),
            ("DescribeDisks", AcsClient.EcsVersion, []),
            ("DescribeUserData", AcsClient.EcsVersion, [("InstanceId", owned["InstanceId"])]),
            ("DescribeInstanceRamRole", AcsClient.EcsVersion, [("InstanceIds", JsonSerializer.Serialize(new[] { owned["InstanceId"] }))]),
            ("DescribeInstanceMaintenanceAttributes", AcsClient.EcsVersion, [("InstanceId.1", owned["InstanceId"])]),
            ("DescribeInstanceAttachmentAttributes", AcsClient.EcsVersion, [("InstanceIds", JsonSerializer.Serialize(new[] { owned["InstanceId"] }))]),
            ("DescribeInstanceAutoRenewAttribute", AcsClient.EcsVersion, [("InstanceId", owned["InstanceId"])]),
            ("DescribeNetworkInterfaceAttribute", AcsClient.EcsVersion, [("NetworkInterfaceId", owned["NetworkInterfaceId"])]),
            ("DescribeNetworkInterfaces", AcsClient.EcsVersion, []),
            ("DescribeNetworkInterfacePermissions", AcsClient.EcsVersion, [("NetworkInterfaceId.1", owned["NetworkInterfaceId"])]),
            ("DescribePrefixListAttributes", AcsClient.EcsVersion, [("PrefixListId", owned["PrefixListId"])]),
            ("DescribePortRangeListEntries", AcsClient.EcsVersion, [("PortRangeListId", owned["PortRangeListId"])]),
            ("ListTagResources", AcsClient.EcsVersion, [("ResourceType", "securitygroup"), ("ResourceId.1", owned["SecurityGroupId"])]),
            ("DescribeVpcs", AcsClient.VpcVersion, []),
            ("DescribeVSwitches", AcsClient.VpcVersion, []),
            ("DescribeRouteTableList", AcsClient.VpcVersion, []),
        ];
        var state = new System.Text.StringBuilder();
        foreach (var (action, version, parameters) in reads)
        {
            var json = JsonNode.Parse((await Client.Call(action, version, AcsStyle.Query, [("RegionId", Region), .. parameters])).Ok().GetRawText())!.AsObject();
            json.Remove("RequestId");
            state.Append(action).Append(' ').Append(json.ToJsonString()).Append('\n');
        }

        return state.ToString();
    }
}
