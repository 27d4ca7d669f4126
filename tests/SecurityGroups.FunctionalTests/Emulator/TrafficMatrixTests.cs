using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SecurityGroups.FunctionalTests.Emulator;

/// <summary>
/// POST /_emulator/traffic/matrix: every cell against the pairwise reachability endpoint on random regions, the response
/// shape, validation errors (exact Code and status) and account isolation.
/// </summary>
public sealed class TrafficMatrixTests(EmulatorFactory factory) : TrafficTest(factory)
{
    private static readonly string[] Protocols = ["TCP", "UDP", "ICMP"];

    [Theory]
    [InlineData(17001)]
    [InlineData(17002)]
    [InlineData(17003)]
    public async Task EveryCell_IsWhatPairwiseReachabilitySays_OnARandomRegion(int seed)
    {
        var random = new Random(seed);
        await Arrange();
        var groups = new List<string>();
        for (var g = 0; g < 4; g++)
        {
            var id = await CreateGroup(Vpc, ("SecurityGroupType", g == 3 ? "enterprise" : "normal"));
            if (g < 3) // enterprise groups have no intra-group policy
            {
                (await Client.Ecs("ModifySecurityGroupPolicy", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", id),
                    ("InnerAccessPolicy", random.Next(2) == 0 ? "Accept" : "Drop"))).Ok();
            }

            groups.Add(id);
        }

        var instances = new List<string>();
        for (var i = 0; i < 9; i++)
        {
            // 1-2 of the basic groups, or (every fourth) the enterprise group alone: the two kinds cannot be mixed.
            List<string> mine = i % 4 == 3 ? [groups[3]] : groups.Take(3).OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToList();
            var launched = (await Client.Ecs("RunInstances", [("RegionId", "cn-hangzhou"), ("VSwitchId", VSwitch),
                .. mine.Select((id, n) => ($"SecurityGroupIds.{n + 1}", id))])).Ok();
            instances.Add(launched.GetProperty("InstanceIdSets").GetProperty("InstanceIdSet")[0].GetString()!);
        }

        var ips = new List<string>();
        foreach (var id in instances)
        {
            ips.Add((await Instance(id)).GetProperty("VpcAttributes").GetProperty("PrivateIpAddress").GetProperty("IpAddress")[0].GetString()!);
        }

        var port = 5000 + random.Next(3);
        for (var g = 0; g < groups.Count; g++)
        {
            var enterprise = g == 3;
            for (var r = 0; r < 6; r++)
            {
                var egress = random.Next(3) == 0;
                var peer = random.Next(enterprise ? 3 : 4) switch
                {
                    0 => ("CidrIp", ips[random.Next(ips.Count)] + "/32"),
                    1 => ("CidrIp", "192.168.1.0/25"),
                    2 => ("CidrIp", "0.0.0.0/0"),
                    _ => ("GroupId", groups[(g + 1 + random.Next(2)) % 3]),
                };
                var protocol = Protocols[random.Next(3)];
                var from = port - random.Next(2);
                var ports = protocol == "ICMP" ? "-1/-1" : random.Next(5) == 0 ? "1/65535" : $"{from}/{from + random.Next(2)}";
                (await Client.Ecs(egress ? "AuthorizeSecurityGroupEgress" : "AuthorizeSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", groups[g]),
                    ("Permissions.1.IpProtocol", protocol), ("Permissions.1.PortRange", ports),
                    ("Permissions.1.Policy", !enterprise && random.Next(3) == 0 ? "Drop" : "Accept"),
                    ("Permissions.1.Priority", random.Next(1, 4).ToString(CultureInfo.InvariantCulture)),
                    ("Permissions.1." + (egress ? "Dest" : "Source") + peer.Item1, peer.Item2))).Ok();
            }
        }

        foreach (var protocol in new[] { "TCP", "UDP", "ICMP" })
        {
            var sources = instances.Take(7).Reverse().ToList();
            var matrix = (await Traffic("matrix", new { RegionId = "cn-hangzhou", Sources = sources, DestinationVpcId = Vpc, IpProtocol = protocol,
                DestinationPort = protocol == "ICMP" ? (int?)null : port })).Ok();
            Assert.Equal(sources, Strings(matrix.GetProperty("Sources")));
            var destinations = Strings(matrix.GetProperty("Destinations"));
            Assert.Equal(instances.Order(StringComparer.Ordinal), destinations);
            var answers = matrix.GetProperty("Answers");
            var sets = matrix.GetProperty("GroupSets").EnumerateArray().Select(Strings).ToList();
            for (var s = 0; s < sources.Count; s++)
            {
                Assert.Equal((await GroupsOf(sources[s])).Order(StringComparer.Ordinal), sets[matrix.GetProperty("SourceGroupSets")[s].GetInt32()]);
                for (var d = 0; d < destinations.Count; d++)
                {
                    var cell = answers[matrix.GetProperty("Cells")[s][d].GetInt32()];
                    var pair = (await Traffic("reachability", new { RegionId = "cn-hangzhou", Source = new { InstanceId = sources[s] },
                        Destination = new { InstanceId = destinations[d] }, IpProtocol = protocol, DestinationPort = protocol == "ICMP" ? (int?)null : port })).Ok();
                    var where = $"{protocol} {sources[s]} -> {destinations[d]}";
                    Assert.True(pair.GetProperty("Reachable").GetBoolean() == cell.GetProperty("Reachable").GetBoolean(), where);
                    AssertSameVerdict(pair.GetProperty("Egress"), cell.GetProperty("Egress"), where);
                    AssertSameVerdict(pair.GetProperty("Ingress"), cell.GetProperty("Ingress"), where);
                }
            }

            Assert.Equal(answers.GetArrayLength(), answers.EnumerateArray().Select(a => a.GetRawText()).Distinct().Count());
        }
    }

    [Fact]
    public async Task SharedGroups_ShareTheirAnswer_AndTheMatrixSeesTheNextWrite()
    {
        await Arrange();
        var web = await CreateGroup(Vpc);
        var db = await CreateGroup(Vpc);
        var webs = await Run(web, 3);
        var dbs = await Run(db, 2);
        var request = new { RegionId = "cn-hangzhou", SourceVpcId = Vpc, Destinations = dbs, IpProtocol = "TCP", DestinationPort = 5432 };
        // Sources are the whole VPC: a database reaches the other database through the intra-group accept, nothing else gets through yet.
        bool Reachable(JsonElement matrix, int s, int d) =>
            matrix.GetProperty("Answers")[matrix.GetProperty("Cells")[s][d].GetInt32()].GetProperty("Reachable").GetBoolean();
        var closed = (await Traffic("matrix", request)).Ok();
        Assert.Equal(2, closed.GetProperty("GroupSets").GetArrayLength());
        var sources = Strings(closed.GetProperty("Sources"));
        Assert.Equal(webs.Concat(dbs).Order(StringComparer.Ordinal), sources);
        for (var s = 0; s < sources.Count; s++)
        {
            for (var d = 0; d < dbs.Count; d++)
            {
                Assert.Equal(dbs.Contains(sources[s]) && sources[s] != dbs[d], Reachable(closed, s, d));
            }
        }

        (await Authorize(db, ("IpProtocol", "TCP"), ("PortRange", "5432/5432"), ("SourceGroupId", web))).Ok();
        var open = (await Traffic("matrix", request)).Ok();
        var answers = open.GetProperty("Answers");
        for (var s = 0; s < sources.Count; s++)
        {
            for (var d = 0; d < dbs.Count; d++)
            {
                Assert.Equal(webs.Contains(sources[s]) || sources[s] != dbs[d], Reachable(open, s, d));
                if (webs.Contains(sources[s]))
                {
                    var ingress = answers[open.GetProperty("Cells")[s][d].GetInt32()].GetProperty("Ingress");
                    Assert.Equal(db, ingress.GetProperty("SecurityGroupId").GetString());
                    Assert.StartsWith("sgr-", ingress.GetProperty("SecurityGroupRuleId").GetString(), StringComparison.Ordinal);
                }
            }
        }

        // Three web sources, one group set: one answer for all of their cells to one destination.
        var webRows = sources.Select((id, i) => (id, i)).Where(p => webs.Contains(p.id)).Select(p => open.GetProperty("Cells")[p.i][0].GetInt32()).Distinct();
        Assert.Single(webRows);
    }

    [Fact]
    public async Task BadRequests_AreRefusedWithTheirCodes()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var instance = (await Run(group))[0];
        object Body(object? sources = null, string? sourceVpc = null, object? destinations = null, string? destinationVpc = null, string? protocol = "TCP",
            int? port = 22, string? region = "cn-hangzhou") =>
            new { RegionId = region, Sources = sources, SourceVpcId = sourceVpc, Destinations = destinations, DestinationVpcId = destinationVpc, IpProtocol = protocol, DestinationPort = port };
        string[] one = [instance];

        (await Traffic("matrix", Body(one, destinations: one))).Ok();
        (await Traffic("matrix", Body(one, destinations: one, region: null))).Error("MissingParameter", 400);
        (await Traffic("matrix", Body(one, destinations: one, region: "mars-1"))).Error("InvalidRegionId.NotFound", 404);
        (await Traffic("matrix", Body(destinations: one))).Error("MissingParameter", 400);
        (await Traffic("matrix", Body(Array.Empty<string>(), destinations: one))).Error("MissingParameter", 400);
        (await Traffic("matrix", Body(one))).Error("MissingParameter", 400);
        (await Traffic("matrix", Body(one, Vpc, one))).Error("InvalidParameter", 400);
        (await Traffic("matrix", Body(one, destinations: one, destinationVpc: Vpc))).Error("InvalidParameter", 400);
        (await Traffic("matrix", Body(new[] { "i-missing" }, destinations: one))).Error("InvalidInstanceId.NotFound", 404);
        (await Traffic("matrix", Body(one, destinationVpc: "vpc-missing"))).Error("InvalidVpcId.NotFound", 404);
        (await Traffic("matrix", Body(one, destinations: one, protocol: null))).Error("MissingParameter", 400);
        (await Traffic("matrix", Body(one, destinations: one, protocol: "ALL"))).Error("InvalidIpProtocol.ValueNotSupported", 400);
        (await Traffic("matrix", Body(one, destinations: one, port: null))).Error("InvalidParameter", 400);
        (await Traffic("matrix", Body(one, destinations: one, port: 70000))).Error("InvalidParameter", 400);
        (await Traffic("matrix", Body(one, destinations: one, protocol: "ICMP", port: null))).Ok();
        var tooMany = Enumerable.Range(0, 1001).Select(i => $"i-{i}").ToArray();
        (await Traffic("matrix", Body(tooMany, destinations: one))).Error("InvalidParameter", 400);
        (await Client.Send(new HttpRequestMessage(HttpMethod.Post, "/_emulator/traffic/matrix")
        {
            Content = new StringContent("{\"RegionId\":", Encoding.UTF8, "application/json"),
        })).Error("InvalidParameter", 400);
    }

    [Fact]
    public async Task HostileBodies_AreAlibabaErrors_NeverA5xx()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var instances = await Run(group, 2);
        Task<AcsResult> Raw(string json) => Client.Send(new HttpRequestMessage(HttpMethod.Post, "/_emulator/traffic/matrix")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        });
        object Body(object? sources, object? destinations, string protocol = "TCP", object? port = null) =>
            new { RegionId = "cn-hangzhou", Sources = sources, Destinations = destinations, IpProtocol = protocol, DestinationPort = port ?? 22 };

        // 10,000 ids (of which none exist): refused by count before any lookup.
        var tenThousand = Enumerable.Range(0, 10_000).Select(i => $"i-{i:x12}").ToArray();
        (await Traffic("matrix", Body(tenThousand, instances))).Error("InvalidParameter", 400);
        (await Traffic("matrix", Body(instances, tenThousand))).Error("InvalidParameter", 400);

        // Duplicates count once: the matrix has each instance once, in the order first given.
        var twice = (await Traffic("matrix", Body(new[] { instances[1], instances[0], instances[1], instances[1] }, new[] { instances[0], instances[0] }))).Ok();
        Assert.Equal([instances[1], instances[0]], Strings(twice.GetProperty("Sources")));
        Assert.Equal([instances[0]], Strings(twice.GetProperty("Destinations")));
        Assert.Equal(1, twice.GetProperty("Cells")[0].GetArrayLength());

        // Empty lists on both sides, an empty or null id, ids that are not strings, a list that is not a list.
        (await Traffic("matrix", Body(Array.Empty<string>(), Array.Empty<string>()))).Error("MissingParameter", 400);
        (await Traffic("matrix", Body(new[] { instances[0], "" }, instances))).Error("InvalidParameter", 400);
        (await Traffic("matrix", Body(instances, new[] { null, instances[0] }))).Error("InvalidParameter", 400);
        (await Raw($$"""{"RegionId":"cn-hangzhou","Sources":[1,2],"Destinations":["{{instances[0]}}"],"IpProtocol":"TCP","DestinationPort":22}""")).Error("InvalidParameter", 400);
        (await Raw($$"""{"RegionId":"cn-hangzhou","Sources":"{{instances[0]}}","Destinations":["{{instances[0]}}"],"IpProtocol":"TCP","DestinationPort":22}""")).Error("InvalidParameter", 400);

        // Both a list and a VPC on the source side; ports out of range or not a number; ALL (no single packet) and an unknown
        // protocol; ICMP, which has no port (the one given is ignored).
        (await Traffic("matrix", new { RegionId = "cn-hangzhou", Sources = instances, SourceVpcId = Vpc, Destinations = instances, IpProtocol = "TCP", DestinationPort = 22 }))
            .Error("InvalidParameter", 400);
        foreach (var port in new object[] { 0, -1, 65536, int.MaxValue })
        {
            (await Traffic("matrix", Body(instances, instances, port: port))).Error("InvalidParameter", 400);
        }

        (await Raw($$"""{"RegionId":"cn-hangzhou","Sources":["{{instances[0]}}"],"Destinations":["{{instances[0]}}"],"IpProtocol":"TCP","DestinationPort":"ssh"}""")).Error("InvalidParameter", 400);
        (await Raw($$"""{"RegionId":"cn-hangzhou","Sources":["{{instances[0]}}"],"Destinations":["{{instances[0]}}"],"IpProtocol":"TCP","DestinationPort":1e99}""")).Error("InvalidParameter", 400);
        (await Traffic("matrix", Body(instances, instances, protocol: "ALL"))).Error("InvalidIpProtocol.ValueNotSupported", 400);
        (await Traffic("matrix", Body(instances, instances, protocol: "HTTP"))).Error("InvalidIpProtocol.ValueNotSupported", 400);
        var icmp = (await Traffic("matrix", Body(instances, instances, protocol: "ICMP", port: 12345))).Ok();
        Assert.Equal(2, icmp.GetProperty("Cells").GetArrayLength());
    }

    [Fact]
    public async Task AnotherAccount_CannotNameThisAccountsInstancesOrVpc()
    {
        await Arrange();
        var instance = (await Run(await CreateGroup(Vpc)))[0];
        async Task<AcsResult> AsTest2(object body)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(body);
            using var signed = Signers.Acs3("Matrix", "emulator", [], "test2", "secret2", path: "/_emulator/traffic/matrix", body: json, contentType: "application/json");
            return await Client.Send(signed);
        }

        (await AsTest2(new { RegionId = "cn-hangzhou", Sources = new[] { instance }, Destinations = new[] { instance }, IpProtocol = "TCP", DestinationPort = 22 }))
            .Error("InvalidInstanceId.NotFound", 404);
        (await AsTest2(new { RegionId = "cn-hangzhou", SourceVpcId = Vpc, DestinationVpcId = Vpc, IpProtocol = "TCP", DestinationPort = 22 }))
            .Error("InvalidVpcId.NotFound", 404);
        (await Traffic("matrix", new { RegionId = "cn-hangzhou", SourceVpcId = Vpc, DestinationVpcId = Vpc, IpProtocol = "TCP", DestinationPort = 22 })).Ok();
    }

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    private static void AssertSameVerdict(JsonElement pair, JsonElement cell, string where)
    {
        Assert.True(pair.GetProperty("Decision").GetString() == cell.GetProperty("Decision").GetString(), where);
        Assert.True(pair.GetProperty("Reason").GetString() == cell.GetProperty("Reason").GetString(), where);
        var rule = pair.TryGetProperty("MatchedRule", out var matched) && matched.ValueKind == JsonValueKind.Object
            ? matched.GetProperty("SecurityGroupRuleId").GetString() : null;
        var cellRule = cell.TryGetProperty("SecurityGroupRuleId", out var id) ? id.GetString() : null;
        Assert.True(rule == cellRule, $"{where}: {rule} vs {cellRule}");
    }
}
