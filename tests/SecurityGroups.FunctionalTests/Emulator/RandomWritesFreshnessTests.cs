using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Emulator;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Traffic;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SecurityGroups.FunctionalTests.Emulator;

/// <summary>
/// Freshness as a property, not as examples: for fixed seeds, a small region (two VPCs, three vSwitches, six groups with
/// an enterprise one, eight instances, extra ENIs, a prefix list and a port list) takes ~60 random writes drawn from every
/// Action that can change a region answer (rules of every kind added, changed, revoked; policies; memberships by
/// Join/Leave and by ENI; ENIs created, attached, detached, deleted; secondary IPs; instances launched, deleted, stopped,
/// moved to another vSwitch or VPC; prefix- and port-list entries; groups created and deleted; snapshot saves and restores;
/// tags), refused ones included. After EACH write every served answer must equal the from-scratch one, field by field and
/// in order: the findings and the matrices (against services with empty caches on the same database), a few
/// reachability and exposure questions (against a TrafficService with empty caches), and the three listings (against the
/// same call under a query key never asked before, so answered by the loader, not the cache). A failure names the seed
/// and the whole write sequence; the same seed draws the same sequence again (ids aside). More seeds: <c>SG_FRESHNESS_SEEDS=7,8,9</c>; more writes: <c>SG_FRESHNESS_WRITES=200</c>.
/// </summary>
public sealed class RandomWritesFreshnessTests(EmulatorFactory factory, ITestOutputHelper output) : TrafficTest(factory)
{
    private const string Region = "cn-hangzhou";
    private const string Zone = "cn-hangzhou-h";
    private const string Account = "1234567890123456";

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        var configured = Environment.GetEnvironmentVariable("SG_FRESHNESS_SEEDS");
        foreach (var seed in string.IsNullOrWhiteSpace(configured) ? [11, 22, 33] : configured.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)))
        {
            data.Add(seed);
        }

        return data;
    }

    private static int Writes => int.TryParse(Environment.GetEnvironmentVariable("SG_FRESHNESS_WRITES"), out var n) ? n : 60;

    private readonly List<string> _log = [];
    private Random _rng = new(0);
    private readonly State _state = new();
    private int _step;

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task AfterEveryRandomWrite_EveryRegionAnswerIsTheFromScratchOne(int seed)
    {
        _rng = new Random(seed);
        try
        {
            await Build();
            await Verify();
            for (_step = 1; _step <= Writes; _step++)
            {
                await RandomWrite();
                await Verify();
            }

            output.WriteLine($"seed {seed}: {Writes} writes, {_log.Count(l => l.EndsWith("-> 200", StringComparison.Ordinal))} accepted\n{string.Join('\n', _log)}");
        }
        catch (Exception e) when (e is not XunitException { Message: var m } || !m.StartsWith("seed ", StringComparison.Ordinal))
        {
            throw new XunitException($"seed {seed}, after write {_step} of {Writes} (replay: SG_FRESHNESS_SEEDS={seed}):\n{string.Join('\n', _log)}\n--- {e.Message}", e);
        }
    }

    // ---------------------------------------------------------------- the region

    private sealed class State
    {
        public string VpcA = "", VpcB = "", SwitchA1 = "", SwitchA2 = "", SwitchB1 = "", PrefixList = "", PortList = "";
        public List<(string Id, string Vpc, bool Enterprise)> Groups = [];
        public List<(string Id, string Vpc, string Status, string Eni)> Instances = [];
        public List<(string Id, string Vpc, string Switch, string Type, string Instance, List<string> Ips, List<string> Groups)> Enis = [];
        public List<long> Snapshots = [];
        public Dictionary<string, string> GroupNames = [];

        public string SwitchOf(string vpc, Random rng) => vpc == VpcB ? SwitchB1 : rng.Next(2) == 0 ? SwitchA1 : SwitchA2;
    }

    private async Task Build()
    {
        var s = _state;
        s.VpcA = await CreateVpc("192.168.0.0/16");
        s.VpcB = await CreateVpc("10.0.0.0/16");
        s.SwitchA1 = await CreateVSwitch(s.VpcA, "192.168.1.0/24", Zone);
        s.SwitchA2 = await CreateVSwitch(s.VpcA, "192.168.2.0/24", Zone);
        s.SwitchB1 = await CreateVSwitch(s.VpcB, "10.0.1.0/24", Zone);
        var a1 = await CreateGroup(s.VpcA, ("SecurityGroupName", "a1"));
        var a2 = await CreateGroup(s.VpcA, ("SecurityGroupName", "a2"));
        var a3 = await CreateGroup(s.VpcA, ("SecurityGroupName", "a3"));
        var ae = await CreateGroup(s.VpcA, ("SecurityGroupType", "enterprise"), ("SecurityGroupName", "ae"));
        var b1 = await CreateGroup(s.VpcB, ("SecurityGroupName", "b1"));
        var b2 = await CreateGroup(s.VpcB, ("SecurityGroupName", "b2"));
        foreach (var (vsw, group, amount) in new[] { (s.SwitchA1, a1, 2), (s.SwitchA2, a2, 2), (s.SwitchA1, a3, 1), (s.SwitchA2, ae, 1), (s.SwitchB1, b1, 2) })
        {
            (await Client.Ecs("RunInstances", ("RegionId", Region), ("VSwitchId", vsw), ("SecurityGroupId", group), ("Amount", amount.ToString(CultureInfo.InvariantCulture)))).Ok();
        }

        foreach (var (vsw, group) in new[] { (s.SwitchA1, a2), (s.SwitchB1, b2), (s.SwitchA2, a1) })
        {
            (await Client.Ecs("CreateNetworkInterface", ("RegionId", Region), ("VSwitchId", vsw), ("SecurityGroupId", group))).Ok();
        }

        s.PrefixList = (await Client.Ecs("CreatePrefixList", ("RegionId", Region), ("AddressFamily", "IPv4"), ("MaxEntries", "8"), ("PrefixListName", "peers"),
            ("Entry.1.Cidr", "192.168.1.0/25"))).Ok().GetProperty("PrefixListId").GetString()!;
        s.PortList = (await Client.Ecs("CreatePortRangeList", ("RegionId", Region), ("MaxEntries", "8"), ("PortRangeListName", "ports"),
            ("Entry.1.PortRange", "80/80"))).Ok().GetProperty("PortRangeListId").GetString()!;
        (await Authorize(a2, ("IpProtocol", "TCP"), ("PortRange", "5432/5432"), ("SourceGroupId", a1))).Ok();
        (await Authorize(a1, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "0.0.0.0/0"))).Ok();
        (await Authorize(b1, ("IpProtocol", "TCP"), ("PortRangeListId", s.PortList), ("SourcePrefixListId", s.PrefixList))).Ok();
        (await Authorize(ae, ("IpProtocol", "TCP"), ("PortRange", "5432/5432"), ("SourceCidrIp", "192.168.0.0/16"))).Ok();
        (await Authorize(a3, ("IpProtocol", "TCP"), ("PortRange", "1/65535"), ("SourceCidrIp", "192.168.1.0/24"), ("Policy", "Drop"), ("Priority", "1"))).Ok();
        (await Authorize(a3, ("IpProtocol", "TCP"), ("PortRange", "80/80"), ("SourceGroupId", a1), ("Priority", "20"))).Ok();
        (await Authorize(a3, ("IpProtocol", "TCP"), ("PortRange", "443/443"), ("SourcePrefixListId", s.PrefixList), ("Priority", "20"))).Ok();
        (await Authorize(b2, ("IpProtocol", "TCP"), ("PortRange", "1/65535"), ("SourceCidrIp", "10.0.0.0/16"), ("Priority", "1"))).Ok();
        (await Authorize(b2, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceGroupId", b1), ("Priority", "50"))).Ok();
        await Resync();
    }

    /// <summary>The model of the region, read back from the served listings (which <see cref="Verify"/> compares with fresh ones).</summary>
    private async Task Resync()
    {
        var s = _state;
        // Ids are random, so the model is ordered by what the seed decides (names given by step, addresses allocated
        // lowest-free): the same seed then draws the same writes again (ids aside), so a failure replays.
        var groups = Items(await ServedGroups(), "SecurityGroups", "SecurityGroup")
            .OrderBy(g => g.GetProperty("SecurityGroupName").GetString(), StringComparer.Ordinal).ThenBy(g => g.GetProperty("SecurityGroupId").GetString(), StringComparer.Ordinal).ToList();
        s.Groups = groups.Select(g => (g.GetProperty("SecurityGroupId").GetString()!, g.GetProperty("VpcId").GetString()!, g.GetProperty("SecurityGroupType").GetString() == "enterprise")).ToList();
        s.GroupNames = groups.ToDictionary(g => g.GetProperty("SecurityGroupId").GetString()!, g => g.GetProperty("SecurityGroupName").GetString()!, StringComparer.Ordinal);
        s.Enis = Items(await ServedEnis(), "NetworkInterfaceSets", "NetworkInterfaceSet").Select(e => (
            e.GetProperty("NetworkInterfaceId").GetString()!, e.GetProperty("VpcId").GetString()!, e.GetProperty("VSwitchId").GetString()!,
            e.GetProperty("Type").GetString()!, e.TryGetProperty("InstanceId", out var i) ? i.GetString() ?? "" : "",
            e.GetProperty("PrivateIpSets").GetProperty("PrivateIpSet").EnumerateArray().Select(p => p.GetProperty("PrivateIpAddress").GetString()!).ToList(),
            e.GetProperty("SecurityGroupIds").GetProperty("SecurityGroupId").EnumerateArray().Select(g => g.GetString()!).ToList()))
            .OrderBy(e => e.Item6.FirstOrDefault() ?? "", StringComparer.Ordinal).ThenBy(e => e.Item1, StringComparer.Ordinal).ToList();
        s.Instances = Items(await ServedInstances(), "Instances", "Instance").Select(i => (i.GetProperty("InstanceId").GetString()!,
            i.GetProperty("VpcAttributes").GetProperty("VpcId").GetString()!, i.GetProperty("Status").GetString()!,
            s.Enis.FirstOrDefault(e => e.Instance == i.GetProperty("InstanceId").GetString() && e.Type == "Primary").Id ?? ""))
            .OrderBy(i => s.Enis.FirstOrDefault(e => e.Id == i.Item4).Ips?.FirstOrDefault() ?? "", StringComparer.Ordinal).ThenBy(i => i.Item1, StringComparer.Ordinal).ToList();
    }

    private static List<JsonElement> Items(JsonElement page, string outer, string inner) => page.GetProperty(outer).GetProperty(inner).EnumerateArray().ToList();

    // ---------------------------------------------------------------- the writes

    private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

    private bool Chance(int percent) => _rng.Next(100) < percent;

    private string AnyGroup() => Chance(3) ? "sg-nosuch" : _state.Groups.Count == 0 ? "sg-nosuch" : Pick(_state.Groups).Id;

    private string GroupIn(string vpc)
    {
        var groups = _state.Groups.Where(g => g.Vpc == vpc).ToList();
        return groups.Count == 0 || Chance(5) ? AnyGroup() : Pick(groups).Id;
    }

    private string AnyInstance() => _state.Instances.Count == 0 || Chance(3) ? "i-nosuch" : Pick(_state.Instances).Id;

    private string AnyEni() => _state.Enis.Count == 0 || Chance(3) ? "eni-nosuch" : Pick(_state.Enis).Id;

    private string AnyAddress()
    {
        var ips = _state.Enis.SelectMany(e => e.Ips).ToList();
        return ips.Count == 0 ? "192.168.1.7" : Pick(ips);
    }

    private string Cidr() => _rng.Next(7) switch
    {
        0 => "0.0.0.0/0",
        1 => "192.168.1.0/24",
        2 => "192.168.2.0/25",
        3 => "10.0.1.0/24",
        4 => "192.168.0.0/16",
        _ => AnyAddress() + "/32",
    };

    private string Port() => Pick(["22", "80", "443", "5432", "8080"]);

    private (string, string)[] Ports() => _rng.Next(6) switch
    {
        0 => [("IpProtocol", "ALL"), ("PortRange", "-1/-1")],
        1 => [("IpProtocol", "TCP"), ("PortRange", "1/65535")],
        2 => [("IpProtocol", "TCP"), ("PortRangeListId", _state.PortList)],
        3 => [("IpProtocol", "UDP"), ("PortRange", "5432/5432")],
        4 => [("IpProtocol", "TCP"), ("PortRange", "5000/6000")],
        _ => [("IpProtocol", "TCP"), ("PortRange", Range())],
    };

    private string Range()
    {
        var (a, b) = (int.Parse(Port(), CultureInfo.InvariantCulture), int.Parse(Port(), CultureInfo.InvariantCulture));
        return string.Create(CultureInfo.InvariantCulture, $"{Math.Min(a, b)}/{Math.Max(a, b)}");
    }

    /// <summary>One permission's peer and ports, ingress (Source*) or egress (Dest*), for a group of <paramref name="vpc"/>.</summary>
    private List<(string, string)> Permission(bool ingress, string vpc, string? peerKind = null, bool? portList = null)
    {
        var side = ingress ? "Source" : "Dest";
        var peer = (peerKind ?? (_rng.Next(10) switch { < 4 => "CidrIp", < 7 => "GroupId", _ => "PrefixListId" })) switch
        {
            "CidrIp" => (side + "CidrIp", Cidr()),
            "GroupId" => (side + "GroupId", Chance(80) ? GroupIn(vpc) : AnyGroup()),
            _ => (side + "PrefixListId", _state.PrefixList),
        };
        var ports = portList switch
        {
            true => [("IpProtocol", "TCP"), ("PortRangeListId", _state.PortList)],
            false => Ports() is var p && p.Any(x => x.Item1 == "PortRangeListId") ? [("IpProtocol", "TCP"), ("PortRange", Range())] : p,
            null => Ports(),
        };
        if (peerKind is null && portList is null && Chance(12))
        {
            // A broad first rule: what later rules over a group's members or a list's entries are shadowed by depends on that content.
            return [("IpProtocol", "TCP"), ("PortRange", "1/65535"), (side + "CidrIp", Pick(["192.168.0.0/16", "192.168.1.0/24", "10.0.0.0/16"])),
                ("Policy", Chance(50) ? "Drop" : "Accept"), ("Priority", "1")];
        }

        var permission = new List<(string, string)>(ports) { peer, ("Policy", Chance(35) ? "Drop" : "Accept"), ("Priority", Pick(["1", "5", "10", "50", "100"])) };
        if (Chance(10))
        {
            permission.Add((ingress ? "DestCidrIp" : "SourceCidrIp", AnyAddress() + "/32")); // a local address restriction
        }

        return permission;
    }

    private async Task RandomWrite()
    {
        var s = _state;
        switch (_rng.Next(34))
        {
            case 0 or 1 or 2 or 3:
            {
                var (group, vpc, _) = s.Groups.Count > 0 ? Pick(s.Groups) : ("sg-nosuch", s.VpcA, false);
                var ingress = Chance(60);
                await Write(ingress ? "AuthorizeSecurityGroup" : "AuthorizeSecurityGroupEgress",
                    [("RegionId", Region), ("SecurityGroupId", group), .. Permission(ingress, vpc).Select(p => ("Permissions.1." + p.Item1, p.Item2))]);
                break;
            }

            case 4 or 5:
            {
                if (await AnyRule() is not { } rule)
                {
                    goto default;
                }

                await Write(rule.Ingress ? "RevokeSecurityGroup" : "RevokeSecurityGroupEgress",
                    ("RegionId", Region), ("SecurityGroupId", rule.Group), ("SecurityGroupRuleId.1", rule.Id));
                break;
            }

            case 6 or 7:
            {
                if (await AnyRule() is not { } rule)
                {
                    goto default;
                }

                var vpc = s.Groups.FirstOrDefault(g => g.Id == rule.Group).Vpc ?? s.VpcA;
                await Write(rule.Ingress ? "ModifySecurityGroupRule" : "ModifySecurityGroupEgressRule",
                    [("RegionId", Region), ("SecurityGroupId", rule.Group), ("SecurityGroupRuleId", rule.Id), .. Permission(rule.Ingress, vpc, Chance(90) ? rule.Peer : null, Chance(90) ? rule.PortList : null)]);
                break;
            }

            case 8:
                await Write("ModifySecurityGroupPolicy", ("RegionId", Region), ("SecurityGroupId", AnyGroup()), ("InnerAccessPolicy", Chance(50) ? "Drop" : "Accept"));
                break;
            case 9:
                // A group's description or name: listing fields only.
                await Write("ModifySecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", AnyGroup()), Chance(50) ? ("Description", "d" + _step) : ("SecurityGroupName", "n" + _step));
                break;
            case 10 or 11:
            {
                var instance = AnyInstance();
                var vpc = s.Instances.FirstOrDefault(i => i.Id == instance).Vpc ?? s.VpcA;
                var own = s.Enis.FirstOrDefault(e => e.Instance == instance && e.Type == "Primary").Groups ?? [];
                var join = own.Count < 2 ? Chance(75) : Chance(30); // an instance's last group cannot be left
                await Write(join ? "JoinSecurityGroup" : "LeaveSecurityGroup", ("RegionId", Region), ("InstanceId", instance),
                    ("SecurityGroupId", join || own.Count == 0 || Chance(10) ? GroupIn(vpc) : Pick(own)));
                break;
            }

            case 12 or 13:
            {
                var eni = AnyEni();
                var vpc = s.Enis.FirstOrDefault(e => e.Id == eni).Vpc ?? s.VpcA;
                var groups = Enumerable.Range(0, 1 + _rng.Next(3)).Select(_ => GroupIn(vpc)).Distinct().ToList();
                await Write("ModifyNetworkInterfaceAttribute", [("RegionId", Region), ("NetworkInterfaceId", eni),
                    .. groups.Select((g, i) => ("SecurityGroupId." + (i + 1).ToString(CultureInfo.InvariantCulture), g))]);
                break;
            }

            case 14:
            {
                if (s.Enis.Count >= 18)
                {
                    goto default;
                }

                var vpc = Chance(60) ? s.VpcA : s.VpcB;
                await Write("CreateNetworkInterface", ("RegionId", Region), ("VSwitchId", s.SwitchOf(vpc, _rng)), ("SecurityGroupId", GroupIn(vpc)));
                break;
            }

            case 15:
            {
                var free = s.Enis.Where(e => e.Type == "Secondary" && e.Instance.Length == 0).ToList();
                var eni = free.Count > 0 && Chance(85) ? Pick(free) : default;
                var sameVpc = s.Instances.Where(i => i.Vpc == eni.Vpc).ToList();
                await Write("AttachNetworkInterface", ("RegionId", Region), ("NetworkInterfaceId", eni.Id ?? AnyEni()),
                    ("InstanceId", sameVpc.Count > 0 && Chance(85) ? Pick(sameVpc).Id : AnyInstance()));
                break;
            }

            case 16:
            {
                var attached = s.Enis.Where(e => e.Type == "Secondary" && e.Instance.Length > 0).ToList();
                var (eni, instance) = attached.Count > 0 && Chance(85) ? Pick(attached) is var one ? (one.Id, one.Instance) : default : (AnyEni(), AnyInstance());

                await Write("DetachNetworkInterface", ("RegionId", Region), ("NetworkInterfaceId", eni), ("InstanceId", instance));
                break;
            }

            case 17:
                await Write("DeleteNetworkInterface", ("RegionId", Region), ("NetworkInterfaceId", AnyEni()));
                break;
            case 18 or 19:
            {
                var withSecondary = s.Enis.Where(e => e.Ips.Count > 1).ToList();
                var eni = withSecondary.Count > 0 && Chance(50) ? Pick(withSecondary) : s.Enis.Count > 0 ? Pick(s.Enis) : default;
                var secondary = eni.Ips?.Skip(1).ToList() ?? [];
                if (secondary.Count > 0 && Chance(50))
                {
                    await Write("UnassignPrivateIpAddresses", ("RegionId", Region), ("NetworkInterfaceId", eni.Id), ("PrivateIpAddress.1", Pick(secondary)));
                }
                else
                {
                    await Write("AssignPrivateIpAddresses", ("RegionId", Region), ("NetworkInterfaceId", eni.Id ?? "eni-nosuch"), ("SecondaryPrivateIpAddressCount", "1"));
                }

                break;
            }

            case 20:
            {
                if (s.Instances.Count >= 12)
                {
                    goto case 21;
                }

                var vpc = Chance(65) ? s.VpcA : s.VpcB;
                await Write("RunInstances", ("RegionId", Region), ("VSwitchId", s.SwitchOf(vpc, _rng)), ("SecurityGroupId", GroupIn(vpc)),
                    ("Amount", Chance(70) ? "1" : "2"));
                break;
            }

            case 21:
                if (s.Instances.Count <= 4)
                {
                    goto case 20;
                }

                await Write("DeleteInstance", ("InstanceId", AnyInstance()), ("Force", "true"));
                break;
            case 22 or 23:
            {
                var instance = s.Instances.Count > 0 ? Pick(s.Instances) : (Id: "i-nosuch", Vpc: s.VpcA, Status: "Running", Eni: "");
                if (instance.Status != "Stopped" || Chance(35))
                {
                    await Write(instance.Status == "Stopped" ? "StartInstance" : "StopInstance", ("InstanceId", instance.Id));
                    break;
                }

                if (Chance(40))
                {
                    var other = instance.Vpc == s.VpcA ? s.VpcB : s.VpcA;
                    await Write("ModifyInstanceVpcAttribute", ("InstanceId", instance.Id), ("VSwitchId", s.SwitchOf(other, _rng)), ("VpcId", other),
                        ("SecurityGroupId.1", GroupIn(other)));
                }
                else
                {
                    await Write("ModifyInstanceVpcAttribute", ("InstanceId", instance.Id), ("VSwitchId", s.SwitchOf(instance.Vpc, _rng)));
                }

                break;
            }

            case 24 or 25:
                await Write("ModifyPrefixList", ("RegionId", Region), ("PrefixListId", s.PrefixList),
                    (Chance(55) ? "AddEntry.1.Cidr" : "RemoveEntry.1.Cidr", Pick([AnyAddress() + "/32", "192.168.1.0/25", "192.168.2.0/24", "10.0.1.0/24", "203.0.113.0/24"])));
                break;
            case 26:
                await Write("ModifyPortRangeList", ("RegionId", Region), ("PortRangeListId", s.PortList),
                    (Chance(55) ? "AddEntry.1.PortRange" : "RemoveEntry.1.PortRange", Pick(["80/80", "5432/5432", "22/22", "8000/9000", "443/443"])));
                break;
            case 27:
                if (s.Groups.Count >= 10)
                {
                    goto case 28;
                }

                await Write("CreateSecurityGroup", [("RegionId", Region), ("VpcId", Chance(60) ? s.VpcA : s.VpcB), ("SecurityGroupName", "g" + _step), .. Chance(25) ? [("SecurityGroupType", "enterprise")] : Array.Empty<(string, string)>()]);
                break;
            case 28:
                await Write("DeleteSecurityGroup", ("RegionId", Region), ("SecurityGroupId", AnyGroup()));
                break;
            case 29:
                if (s.Snapshots.Count == 0 || Chance(40))
                {
                    var taken = await Emulator(HttpMethod.Post, "/_emulator/snapshots", $$"""{"RegionId":"{{Region}}","Name":"s{{_step}}"}""");
                    _log.Add($"{_step}: POST /_emulator/snapshots -> {Outcome(taken)}");
                    s.Snapshots.Add(taken.Ok().GetProperty("SnapshotId").GetInt64());
                }
                else
                {
                    var snapshot = Pick(s.Snapshots);
                    var restored = await Emulator(HttpMethod.Post, $"/_emulator/snapshots/{snapshot}/restore", "{}");
                    _log.Add($"{_step}: POST /_emulator/snapshots/{snapshot}/restore -> {Outcome(restored)}");
                    Assert.True((int)restored.Status < 500, restored.Text); // a restore the state since refuses (a moved ENI) changes nothing
                }

                break;
            case 30 or 31 or 32:
            {
                var (type, id) = _rng.Next(3) switch
                {
                    0 => ("securitygroup", AnyGroup()),
                    1 => ("instance", AnyInstance()),
                    _ => ("eni", AnyEni()),
                };
                var key = "k" + _rng.Next(3).ToString(CultureInfo.InvariantCulture);
                await (Chance(60)
                    ? Write("TagResources", ("RegionId", Region), ("ResourceType", type), ("ResourceId.1", id), ("Tag.1.Key", key), ("Tag.1.Value", "v" + _step))
                    : Write("UntagResources", ("RegionId", Region), ("ResourceType", type), ("ResourceId.1", id), ("TagKey.1", key)));
                break;
            }

            default:
            {
                // Refused writes: each must change nothing.
                var eni = AnyEni();
                await (_rng.Next(4) switch
                {
                    0 => Write("AuthorizeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", AnyGroup()), ("Permissions.1.IpProtocol", "TCP"),
                        ("Permissions.1.PortRange", "99999/1"), ("Permissions.1.SourceCidrIp", "0.0.0.0/0")),
                    1 => Write("JoinSecurityGroup", ("RegionId", Region), ("InstanceId", AnyInstance()), ("SecurityGroupId", "sg-nosuch")),
                    2 => Write("ModifyNetworkInterfaceAttribute", ("RegionId", Region), ("NetworkInterfaceId", eni), ("SecurityGroupId.1", "sg-nosuch")),
                    _ => Write("ModifyPrefixList", ("RegionId", Region), ("PrefixListId", s.PrefixList), ("RemoveEntry.1.Cidr", "198.18.0.0/15")),
                });
                break;
            }
        }

        await Resync();
    }

    private static string PeerKind(JsonElement permission, string side) =>
        new[] { "CidrIp", "GroupId", "PrefixListId" }.FirstOrDefault(k => permission.TryGetProperty(side + k, out var v) && v.GetString() is { Length: > 0 }) ?? "CidrIp";

    /// <summary>A rule by what the seed decided (its fields, a referenced group by name), not by its random id.</summary>
    private string RuleKey(JsonElement p) => string.Join('|', new[] { "Direction", "Priority", "Policy", "IpProtocol", "PortRange", "SourceCidrIp", "DestCidrIp",
        "SourceGroupId", "DestGroupId", "SourcePrefixListId", "DestPrefixListId", "PortRangeListId" }.Select(f => p.TryGetProperty(f, out var v)
            ? v.ToString() is var text && _state.GroupNames.TryGetValue(text, out var name) ? name : text.Length > 0 && f.EndsWith("ListId", StringComparison.Ordinal) ? "list" : text
            : ""));

    private async Task<(string Group, string Id, bool Ingress, string Peer, bool PortList)?> AnyRule()
    {
        foreach (var group in _state.Groups.OrderBy(_ => _rng.Next()).ToList())
        {
            var rules = (await Client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", Region), ("SecurityGroupId", group.Id))).Ok()
                .GetProperty("Permissions").GetProperty("Permission").EnumerateArray()
                .Select(p => (Id: p.GetProperty("SecurityGroupRuleId").GetString()!, Ingress: p.GetProperty("Direction").GetString() == "ingress",
                    Peer: PeerKind(p, p.GetProperty("Direction").GetString() == "ingress" ? "Source" : "Dest"),
                    PortList: p.GetProperty("PortRangeListId").GetString()!.Length > 0, Key: RuleKey(p)))
                .OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
            if (rules.Count > 0)
            {
                var rule = Pick(rules);
                return (group.Id, rule.Id, rule.Ingress, rule.Peer, rule.PortList);
            }
        }

        return null;
    }

    private async Task Write(string action, params (string, string)[] parameters)
    {
        var result = await Client.Ecs(action, parameters);
        _log.Add($"{_step}: {action} {string.Join(' ', parameters.Where(p => p.Item1 != "RegionId").Select(p => p.Item1 + "=" + p.Item2))} -> {Outcome(result)}");
        Assert.True((int)result.Status < 500, $"{action} answered {(int)result.Status}: {result.Text}");
    }

    private static string Outcome(AcsResult result) => (int)result.Status + (result.Code is { } code ? " " + code : "");

    // ---------------------------------------------------------------- the checks

    private async Task Verify()
    {
        var s = _state;
        await SameFindings();
        foreach (var (from, to) in new[] { (s.VpcA, s.VpcA), (s.VpcB, s.VpcB), (s.VpcA, s.VpcB) })
        {
            await SameMatrix(from, to);
        }

        var instances = s.Instances.Select(i => i.Id).ToList();
        var secondary = s.Enis.Where(e => e.Type == "Secondary").Select(e => e.Id).ToList();
        var questions = new List<(object Source, object Destination, string Protocol, int? Port)>();
        for (var i = 0; i + 1 < instances.Count && i < 6; i += 2)
        {
            questions.Add((new { InstanceId = instances[i] }, new { InstanceId = instances[i + 1] }, "TCP", 5432));
            questions.Add((new { InstanceId = instances[i + 1] }, new { InstanceId = instances[i] }, "TCP", 22));
        }

        if (instances.Count > 0)
        {
            questions.Add((new { Ip = "203.0.113.7" }, new { InstanceId = instances[0] }, "TCP", 22));
            questions.Add((new { Ip = AnyAddress() }, new { InstanceId = Pick(instances) }, "ALL", null));
        }

        // An address that is not an ENI's primary one (a secondary private IP): the intra-group policy is decided by who
        // holds the source address (the VPC's address map), to a destination sharing one of the holder's groups.
        foreach (var holder in s.Enis.Where(e => e.Ips.Count > 1).Take(2))
        {
            var peers = s.Instances.Where(i => i.Id != holder.Instance && s.Enis.Any(e => e.Id == i.Eni && e.Groups.Intersect(holder.Groups).Any())).ToList();
            if (peers.Count > 0)
            {
                questions.Add((new { Ip = holder.Ips[^1] }, new { InstanceId = peers[0].Id }, "TCP", 5432));
            }
        }

        if (secondary.Count > 0)
        {
            questions.Add((new { NetworkInterfaceId = secondary[0] }, new { NetworkInterfaceId = Pick(s.Enis).Id }, "TCP", 80));
        }

        foreach (var (source, destination, protocol, port) in questions)
        {
            await SameReachability(source, destination, protocol, port);
        }

        var targets = instances.Take(2).Select(i => new { InstanceId = (string?)i, NetworkInterfaceId = (string?)null })
            .Concat(secondary.Take(1).Select(e => new { InstanceId = (string?)null, NetworkInterfaceId = (string?)e })).ToList();
        foreach (var target in targets)
        {
            await SameExposure(target.InstanceId, target.NetworkInterfaceId, "ingress", 5432, null);
            await SameExposure(target.InstanceId, target.NetworkInterfaceId, "egress", 80, null);
            await SameExposure(target.InstanceId, target.NetworkInterfaceId, "ingress", null, AnyAddress());
        }

        await SameListings();
    }

    private async Task SameFindings()
    {
        var served = await Client.Send(new HttpRequestMessage(HttpMethod.Get, $"/_emulator/findings?RegionId={Region}"));
        await Same("findings", served, async services =>
        {
            var fresh = ScratchServices.Findings(services);
            return FindingsResponse.From(await fresh.FindAsync(Region, CancellationToken.None));
        });
    }

    private async Task SameMatrix(string from, string to)
    {
        var served = await Traffic("matrix", new { RegionId = Region, SourceVpcId = from, DestinationVpcId = to, IpProtocol = "TCP", DestinationPort = 5432 });
        await Same($"matrix {from} -> {to}", served, async services =>
            MatrixResponse.From(await FreshTraffic(services).MatrixAsync(new MatrixQuery(Region, null, from, null, to, "TCP", 5432), CancellationToken.None)));
    }

    private async Task SameReachability(object source, object destination, string protocol, int? port)
    {
        var served = await Traffic("reachability", new { RegionId = Region, Source = source, Destination = destination, IpProtocol = protocol, DestinationPort = port });
        var (s, d) = (Endpoint(source), Endpoint(destination));
        await Same($"reachability {JsonSerializer.Serialize(source)} -> {JsonSerializer.Serialize(destination)} {protocol} {port}", served, async services =>
        {
            var answer = await FreshTraffic(services).ReachabilityAsync(Region, s, d, protocol, port, CancellationToken.None);
            return new ReachabilityResponse("", answer.Reachable, answer.Egress is { } egress ? VerdictView.From(egress, true) : null, VerdictView.From(answer.Ingress, true));
        });

        static TrafficEndpoint Endpoint(object o)
        {
            var e = JsonSerializer.SerializeToElement(o);
            string? Get(string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;
            return new TrafficEndpoint(Get("InstanceId"), Get("NetworkInterfaceId"), Get("Ip"));
        }
    }

    private async Task SameExposure(string? instance, string? eni, string direction, int? port, string? peer)
    {
        var served = await Traffic("exposure", new { RegionId = Region, InstanceId = instance, NetworkInterfaceId = eni, Direction = direction, IpProtocol = "TCP", Port = port, PeerIp = peer });
        await Same($"exposure {instance ?? eni} {direction} {port} {peer}", served, async services =>
            ExposureResponse.From("", await FreshTraffic(services).ExposureAsync(new TrafficTarget(Region, eni, instance, []),
                new ExposureQuery(direction, "TCP", port, peer, null, null, null), CancellationToken.None)));
    }

    private static TrafficService FreshTraffic(IServiceProvider services) => ScratchServices.Traffic(services);

    /// <summary>
    /// The served answer equals the from-scratch one rendered the way the server renders it (RequestId aside), or both
    /// refuse with the same code.
    /// </summary>
    private async Task Same(string what, AcsResult served, Func<IServiceProvider, Task<object>> fromScratch)
    {
        using var scope = Factory.Services.CreateScope();
        string expected;
        try
        {
            var fresh = await fromScratch(scope.ServiceProvider);
            expected = Normal(JsonSerializer.SerializeToNode(fresh, fresh.GetType(), AcsResponseWriter.JsonOptions));
        }
        catch (AcsException e)
        {
            expected = $"refused {e.HttpStatus} {e.Code}";
        }

        var actual = served.Status == System.Net.HttpStatusCode.OK ? Normal(JsonNode.Parse(served.Text)) : $"refused {(int)served.Status} {served.Code}";
        if (expected != actual)
        {
            throw new XunitException($"{what}: the served answer is not the from-scratch one\n  served:       {actual}\n  from scratch: {expected}");
        }
    }

    /// <summary>JSON without the RequestId and null members, as one canonical string.</summary>
    private static string Normal(JsonNode? node)
    {
        Strip(node);
        return node?.ToJsonString() ?? "null";

        static void Strip(JsonNode? n)
        {
            if (n is JsonObject o)
            {
                o.Remove("RequestId");
                foreach (var key in o.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    o.Remove(key);
                }

                foreach (var (_, value) in o)
                {
                    Strip(value);
                }
            }
            else if (n is JsonArray a)
            {
                foreach (var item in a)
                {
                    Strip(item);
                }
            }
        }
    }

    // ---------------------------------------------------------------- the listings

    private Task<JsonElement> ServedGroups() => Listing("DescribeSecurityGroups", ("PageSize", "50"));

    private Task<JsonElement> ServedInstances() => Listing("DescribeInstances", ("PageSize", "100"));

    private Task<JsonElement> ServedEnis() => Listing("DescribeNetworkInterfaces", ("PageSize", "500"));

    private async Task<JsonElement> Listing(string action, params (string, string)[] parameters) =>
        (await Client.Ecs(action, [("RegionId", Region), .. parameters])).Ok();

    /// <summary>
    /// Each listing (and a filtered one of each) against the same question under a key never asked before in this run (a
    /// page size or token-paging size used once), so answered by the loader: items and counts must be the same.
    /// </summary>
    private async Task SameListings()
    {
        var s = _state;
        var group = s.Groups.Count > 0 ? s.Groups[0].Id : "sg-nosuch";
        var once = _step; // 0..Writes: each value keys one fresh question per listing
        // A page size not asked before in this run (instances: page paging only, as token paging orders them differently;
        // past 84 writes, the same sizes again with a filter every instance passes, all vSwitches being in one zone; past
        // 168, sizes repeat). Groups page by token in the same order as by page.
        (string, string)[] Groups() => once < 38
            ? [("PageSize", (12 + once).ToString(CultureInfo.InvariantCulture))]
            : [("MaxResults", (12 + ((once - 38) % 88)).ToString(CultureInfo.InvariantCulture))];
        (string, string)[] Instances() => (once / 84 % 2) == 0
            ? [("PageSize", (16 + (once % 84)).ToString(CultureInfo.InvariantCulture))]
            : [("PageSize", (16 + (once % 84)).ToString(CultureInfo.InvariantCulture)), ("ZoneId", Zone)];
        (string, string)[] Enis() => [("PageSize", (40 + (once % 460)).ToString(CultureInfo.InvariantCulture))];

        var cases = new (string Action, string Outer, string Inner, (string, string)[] Served, (string, string)[] Fresh, (string, string)[] Filter)[]
        {
            ("DescribeSecurityGroups", "SecurityGroups", "SecurityGroup", [("PageSize", "50")], Groups(), []),
            ("DescribeSecurityGroups", "SecurityGroups", "SecurityGroup", [("PageSize", "50")], Groups(), [("VpcId", s.VpcA)]),
            ("DescribeInstances", "Instances", "Instance", [("PageSize", "100")], Instances(), []),
            ("DescribeInstances", "Instances", "Instance", [("PageSize", "100")], Instances(), [("SecurityGroupId", group)]),
            ("DescribeNetworkInterfaces", "NetworkInterfaceSets", "NetworkInterfaceSet", [("PageSize", "500")], Enis(), []),
            ("DescribeNetworkInterfaces", "NetworkInterfaceSets", "NetworkInterfaceSet", [("PageSize", "500")], Enis(), [("SecurityGroupId", group)]),
        };
        foreach (var (action, outer, inner, servedPaging, freshPaging, filter) in cases)
        {
            var served = await Listing(action, [.. servedPaging, .. filter]);
            var fresh = await Listing(action, [.. freshPaging, .. filter]);
            var (a, b) = (served.GetProperty(outer).GetProperty(inner).GetRawText(), fresh.GetProperty(outer).GetProperty(inner).GetRawText());
            if (a != b)
            {
                throw new XunitException($"{action} {string.Join(' ', filter.Select(f => f.Item1 + "=" + f.Item2))}: the served page is not the loaded one\n  served: {a}\n  loaded: {b}");
            }
        }
    }


}
