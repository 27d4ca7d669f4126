using System.Text.Json;

namespace SecurityGroups.FunctionalTests.Emulator;

public sealed class TrafficDiagnosisTests(EmulatorFactory factory) : TrafficTest(factory)
{
    [Fact]
    public async Task Reachability_NeedsEgressAtSourceAndIngressAtDestination()
    {
        await Arrange();
        var app = await CreateGroup(Vpc);
        var db = await CreateGroup(Vpc);
        var appInstance = (await Run(app))[0];
        var dbInstance = (await Run(db))[0];
        var query = new { RegionId = "cn-hangzhou", Source = new { InstanceId = appInstance }, Destination = new { InstanceId = dbInstance }, IpProtocol = "TCP", DestinationPort = 5432 };

        var before = (await Traffic("reachability", query)).Ok();
        Assert.False(before.GetProperty("Reachable").GetBoolean());
        Assert.Equal("Accept", before.GetProperty("Egress").GetProperty("Decision").GetString());
        Assert.Equal("Default", before.GetProperty("Ingress").GetProperty("Reason").GetString());

        (await Authorize(db, ("IpProtocol", "TCP"), ("PortRange", "5432/5432"), ("SourceGroupId", app))).Ok();
        var after = (await Traffic("reachability", query)).Ok();
        Assert.True(after.GetProperty("Reachable").GetBoolean());
        Assert.Equal("Rule", after.GetProperty("Ingress").GetProperty("Reason").GetString());

        (await Client.Ecs("AuthorizeSecurityGroupEgress", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", app), ("Permissions.1.IpProtocol", "TCP"),
            ("Permissions.1.PortRange", "5432/5432"), ("Permissions.1.DestCidrIp", "0.0.0.0/0"), ("Permissions.1.Policy", "Drop"))).Ok();
        var blocked = (await Traffic("reachability", query)).Ok();
        Assert.False(blocked.GetProperty("Reachable").GetBoolean());
        Assert.Equal("Drop", blocked.GetProperty("Egress").GetProperty("Decision").GetString());
        Assert.Equal("Accept", blocked.GetProperty("Ingress").GetProperty("Decision").GetString());
    }

    [Fact]
    public async Task Reachability_FromOutsideIp_HasNoEgressVerdict_AndRefusesBadInput()
    {
        await Arrange();
        var web = await CreateGroup(Vpc);
        var instance = (await Run(web))[0];
        (await Authorize(web, ("IpProtocol", "TCP"), ("PortRange", "443/443"), ("SourceCidrIp", "0.0.0.0/0"))).Ok();

        var body = (await Traffic("reachability", new { RegionId = "cn-hangzhou", Source = new { Ip = "203.0.113.5" }, Destination = new { InstanceId = instance },
            IpProtocol = "TCP", DestinationPort = 443 })).Ok();
        Assert.True(body.GetProperty("Reachable").GetBoolean());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("Egress").ValueKind);

        (await Traffic("reachability", new { RegionId = "cn-hangzhou", Source = new { Ip = "203.0.113.5" }, Destination = new { InstanceId = "i-missing" },
            IpProtocol = "TCP", DestinationPort = 443 })).Error("InvalidInstanceId.NotFound", 404);
        (await Traffic("reachability", new { RegionId = "cn-hangzhou", Source = new { Ip = "nope" }, Destination = new { InstanceId = instance },
            IpProtocol = "TCP", DestinationPort = 443 })).Error("InvalidParameter", 400);
        (await Traffic("reachability", new { RegionId = "cn-hangzhou", Source = new { }, Destination = new { InstanceId = instance },
            IpProtocol = "TCP", DestinationPort = 443 })).Error("MissingParameter", 400);
        (await Traffic("reachability", new { RegionId = "cn-hangzhou", Destination = new { InstanceId = instance }, IpProtocol = "TCP", DestinationPort = 443 }))
            .Error("MissingParameter", 400);
    }

    [Fact]
    public async Task Diagnose_DefaultChecks_SuggestExactFixes()
    {
        await Arrange();
        var web = await CreateGroup(Vpc);
        var instance = (await Run(web))[0];
        (await Authorize(web, ("IpProtocol", "TCP"), ("PortRange", "80/80"), ("SourceCidrIp", "0.0.0.0/0"))).Ok();
        (await Authorize(web, ("IpProtocol", "TCP"), ("PortRange", "443/443"), ("SourceCidrIp", "0.0.0.0/0"), ("Policy", "Drop"), ("Priority", "10"))).Ok();

        var body = (await Traffic("diagnose", new { RegionId = "cn-hangzhou", InstanceId = instance, SourceIp = "203.0.113.7" })).Ok();
        var results = body.GetProperty("Results").EnumerateArray().ToDictionary(r => r.GetProperty("IpProtocol").GetString() + "/" + r.GetProperty("Port").GetInt32());

        Assert.Equal(["ICMP/-1", "TCP/22", "TCP/80", "TCP/443", "TCP/3389", "TCP/8080"], results.Keys);
        Assert.Equal("Accept", results["TCP/80"].GetProperty("Decision").GetString());
        Assert.Equal(JsonValueKind.Null, results["TCP/80"].GetProperty("Suggestion").ValueKind);
        var ssh = results["TCP/22"].GetProperty("Suggestion");
        Assert.Equal("AuthorizeSecurityGroup", ssh.GetProperty("Action").GetString());
        var parameters = ssh.GetProperty("Parameters");
        Assert.Equal(web, parameters.GetProperty("SecurityGroupId").GetString());
        Assert.Equal("22/22", parameters.GetProperty("Permissions.1.PortRange").GetString());
        Assert.Equal("203.0.113.7/32", parameters.GetProperty("Permissions.1.SourceCidrIp").GetString());
        Assert.Equal("1", parameters.GetProperty("Permissions.1.Priority").GetString());
        Assert.Equal(JsonValueKind.Null, ssh.GetProperty("Warning").ValueKind);
        Assert.Equal("-1/-1", results["ICMP/-1"].GetProperty("Suggestion").GetProperty("Parameters").GetProperty("Permissions.1.PortRange").GetString());
        Assert.Equal("9", results["TCP/443"].GetProperty("Suggestion").GetProperty("Parameters").GetProperty("Permissions.1.Priority").GetString());
        Assert.Equal("Drop", results["TCP/443"].GetProperty("MatchedRule").GetProperty("Policy").GetString());

        // Applying the suggestions opens exactly what was asked.
        foreach (var key in new[] { "TCP/22", "TCP/443" })
        {
            var fix = results[key].GetProperty("Suggestion").GetProperty("Parameters").EnumerateObject().Select(p => (p.Name, p.Value.GetString()!)).ToArray();
            (await Client.Ecs("AuthorizeSecurityGroup", fix)).Ok();
        }

        var again = (await Traffic("diagnose", new { RegionId = "cn-hangzhou", InstanceId = instance, SourceIp = "203.0.113.7" })).Ok()
            .GetProperty("Results").EnumerateArray().ToDictionary(r => r.GetProperty("IpProtocol").GetString() + "/" + r.GetProperty("Port").GetInt32());
        Assert.Equal("Accept", again["TCP/22"].GetProperty("Decision").GetString());
        Assert.Equal("Accept", again["TCP/443"].GetProperty("Decision").GetString());
        Assert.Equal("Drop", again["TCP/3389"].GetProperty("Decision").GetString());
    }

    [Fact]
    public async Task Diagnose_WarnsOnInternetWideManagementPorts_AndRevokesPriorityOneDrops()
    {
        await Arrange();
        var web = await CreateGroup(Vpc);
        var instance = (await Run(web))[0];
        (await Authorize(web, ("IpProtocol", "TCP"), ("PortRange", "5432/5432"), ("SourceCidrIp", "0.0.0.0/0"), ("Policy", "Drop"), ("Priority", "1"))).Ok();

        var body = (await Traffic("diagnose", new { RegionId = "cn-hangzhou", InstanceId = instance, SourceIp = "0.0.0.0/0",
            Checks = new object[] { new { IpProtocol = "TCP", Port = 22 }, new { IpProtocol = "TCP", Port = 5432 } } })).Ok();
        var results = body.GetProperty("Results").EnumerateArray().ToList();

        Assert.Equal(2, results.Count);
        Assert.Contains("management port", results[0].GetProperty("Suggestion").GetProperty("Warning").GetString(), StringComparison.Ordinal);
        Assert.Equal("0.0.0.0/0", results[0].GetProperty("Suggestion").GetProperty("Parameters").GetProperty("Permissions.1.SourceCidrIp").GetString());
        var revoke = results[1].GetProperty("Suggestion");
        Assert.Equal("RevokeSecurityGroup", revoke.GetProperty("Action").GetString());
        Assert.Equal(results[1].GetProperty("MatchedRule").GetProperty("SecurityGroupRuleId").GetString(),
            revoke.GetProperty("Parameters").GetProperty("SecurityGroupRuleId.1").GetString());

        (await Traffic("diagnose", new { RegionId = "cn-hangzhou", InstanceId = instance })).Error("MissingParameter", 400);
        (await Traffic("diagnose", new { RegionId = "cn-hangzhou", InstanceId = instance, SourceIp = "10.0.0.0/99" })).Error("InvalidParameter", 400);
        (await Traffic("diagnose", new { RegionId = "cn-hangzhou", SourceIp = "1.2.3.4" })).Error("MissingParameter", 400);
        (await Traffic("diagnose", new { RegionId = "cn-hangzhou", NetworkInterfaceId = "eni-missing", SourceIp = "1.2.3.4" })).Error("InvalidEniId.NotFound", 404);
        (await Traffic("diagnose", new { RegionId = "cn-hangzhou", InstanceId = instance, SourceIp = "1.2.3.4", Checks = new[] { new { IpProtocol = "SCTP", Port = 1 } } }))
            .Error("InvalidIpProtocol.ValueNotSupported", 400);
        var tooMany = Enumerable.Range(1, 101).Select(port => new { IpProtocol = "TCP", Port = port }).ToArray();
        (await Traffic("diagnose", new { RegionId = "cn-hangzhou", InstanceId = instance, SourceIp = "1.2.3.4", Checks = tooMany })).Error("InvalidParameter", 400);
    }
}
