using System.Text.Json;

namespace SecurityGroups.FunctionalTests.Emulator;

public sealed class TrafficExposureTests(EmulatorFactory factory) : TrafficTest(factory)
{
    private static List<string> Strings(JsonElement body, string name) => body.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToList();

    [Fact]
    public async Task Exposure_GivesMinimalSortedCidrsCoveringTheFamily()
    {
        await Arrange();
        var web = await CreateGroup(Vpc);
        var instance = (await Run(web))[0];
        (await Authorize(web, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "10.0.0.0/8"), ("Priority", "5"))).Ok();
        (await Authorize(web, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "10.1.0.0/16"), ("Priority", "1"), ("Policy", "Drop"))).Ok();

        var body = (await Traffic("exposure", new { RegionId = "cn-hangzhou", InstanceId = instance, Direction = "ingress", IpProtocol = "TCP", Port = 22 })).Ok();

        Assert.Equal(["10.0.0.0/16", "10.2.0.0/15", "10.4.0.0/14", "10.8.0.0/13", "10.16.0.0/12", "10.32.0.0/11", "10.64.0.0/10", "10.128.0.0/9"],
            Strings(body, "AcceptedCidrs"));
        var dropped = Strings(body, "DroppedCidrs");
        Assert.Equal("0.0.0.0/5", dropped[0]);
        Assert.Contains("10.1.0.0/16", dropped);
        Assert.Equal("128.0.0.0/1", dropped[^1]);

        var other = (await Traffic("exposure", new { RegionId = "cn-hangzhou", InstanceId = instance, Direction = "ingress", IpProtocol = "TCP", Port = 80 })).Ok();
        Assert.Empty(Strings(other, "AcceptedCidrs"));
        Assert.Equal(["0.0.0.0/0"], Strings(other, "DroppedCidrs"));
        var v6 = (await Traffic("exposure", new { RegionId = "cn-hangzhou", InstanceId = instance, Direction = "egress", IpProtocol = "UDP", Port = 53, AddressFamily = "IPv6" })).Ok();
        Assert.Equal(["::/0"], Strings(v6, "AcceptedCidrs"));
    }

    [Fact]
    public async Task PortExposure_ForAPeer_AndRefusals()
    {
        await Arrange();
        var web = await CreateGroup(Vpc);
        var instance = (await Run(web))[0];
        (await Authorize(web, ("IpProtocol", "TCP"), ("PortRange", "1000/2000"), ("SourceCidrIp", "192.0.2.0/24"))).Ok();
        (await Authorize(web, ("IpProtocol", "TCP"), ("PortRange", "1500/1500"), ("SourceCidrIp", "0.0.0.0/0"), ("Policy", "Drop"))).Ok();

        var body = (await Traffic("exposure", new { RegionId = "cn-hangzhou", InstanceId = instance, Direction = "ingress", IpProtocol = "TCP", PeerIp = "192.0.2.7" })).Ok();
        Assert.Equal(["1000/1499", "1501/2000"], Strings(body, "AcceptedPorts"));
        Assert.Equal(["1/999", "1500/1500", "2001/65535"], Strings(body, "DroppedPorts"));
        Assert.False(body.TryGetProperty("AcceptedCidrs", out _));

        var inside = (await Traffic("exposure", new { RegionId = "cn-hangzhou", InstanceId = instance, Direction = "ingress", IpProtocol = "TCP", PeerIp = "192.0.2.0/25" })).Ok();
        Assert.Equal(["1000/1499", "1501/2000"], Strings(inside, "AcceptedPorts"));
        var straddling = (await Traffic("exposure", new { RegionId = "cn-hangzhou", InstanceId = instance, Direction = "ingress", IpProtocol = "TCP", PeerIp = "192.0.2.0/23" })).Ok();
        Assert.Empty(Strings(straddling, "AcceptedPorts"));
        Assert.Equal(["1/65535"], Strings(straddling, "DroppedPorts"));
        (await Traffic("exposure", new { RegionId = "cn-hangzhou", InstanceId = instance, Direction = "ingress", IpProtocol = "TCP", PeerIp = "192.0.2.0/33" })).Error("InvalidParameter", 400);

        (await Traffic("exposure", new { RegionId = "cn-hangzhou", InstanceId = instance, Direction = "ingress", IpProtocol = "TCP" })).Error("InvalidParameter", 400);
        (await Traffic("exposure", new { RegionId = "cn-hangzhou", InstanceId = instance, Direction = "ingress", IpProtocol = "TCP", Port = 70000 })).Error("InvalidParameter", 400);
        (await Traffic("exposure", new { RegionId = "cn-hangzhou", InstanceId = instance, Direction = "up", IpProtocol = "TCP", Port = 1 })).Error("InvalidDirection.Malformed", 400);
        (await Traffic("exposure", new { RegionId = "cn-hangzhou", InstanceId = instance, Direction = "ingress", IpProtocol = "ALL", Port = 1 })).Error("InvalidIpProtocol.ValueNotSupported", 400);
        (await Traffic("exposure", new { RegionId = "cn-hangzhou", InstanceId = instance, Direction = "ingress", IpProtocol = "TCP", Port = 1, AddressFamily = "IPv5" })).Error("InvalidParameter", 400);
        (await Traffic("exposure", new { RegionId = "cn-hangzhou", InstanceId = "i-missing", Direction = "ingress", IpProtocol = "TCP", Port = 1 })).Error("InvalidInstanceId.NotFound", 404);
    }

    [Fact]
    public async Task Findings_ReportOpenManagementPorts_ShadowedRedundantEmptyAndListPressure()
    {
        await Arrange();
        var web = await CreateGroup(Vpc);
        var guarded = await CreateGroup(Vpc);
        var empty = await CreateGroup(Vpc);
        await Run(web);
        await Run(guarded);
        (await Authorize(web, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "0.0.0.0/0"), ("Priority", "10"))).Ok();
        (await Authorize(web, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "10.0.0.0/8"), ("Priority", "20"))).Ok();
        (await Authorize(web, ("IpProtocol", "TCP"), ("PortRange", "20/30"), ("SourceCidrIp", "192.168.0.0/16"), ("Priority", "20"), ("Policy", "Drop"))).Ok();
        (await Authorize(guarded, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "0.0.0.0/0"), ("Priority", "1"), ("Policy", "Drop"))).Ok();
        (await Authorize(guarded, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "0.0.0.0/0"), ("Priority", "2"))).Ok();
        (await Authorize(guarded, ("IpProtocol", "ALL"), ("PortRange", "-1/-1"), ("Ipv6SourceCidrIp", "::/0"), ("Priority", "3"))).Ok();
        var list = (await Client.Ecs("CreatePrefixList", ("RegionId", "cn-hangzhou"), ("AddressFamily", "IPv4"), ("MaxEntries", "150"), ("PrefixListName", "big"),
            ("Entry.1.Cidr", "203.0.113.0/24"))).Ok().GetProperty("PrefixListId").GetString()!;
        (await Authorize(empty, ("IpProtocol", "TCP"), ("PortRange", "443/443"), ("SourcePrefixListId", list))).Ok();

        var response = await Client.Send(new HttpRequestMessage(HttpMethod.Get, "/_emulator/findings?RegionId=cn-hangzhou"));
        var all = response.Ok().GetProperty("Findings").EnumerateArray().ToList();
        var findings = all.Select(f => (Code: f.GetProperty("Code").GetString()!, Severity: f.GetProperty("Severity").GetString()!, Group: f.GetProperty("SecurityGroupId").GetString()!))
            .ToList();

        Assert.Contains(("ManagementPortOpenToInternet", "High", web), findings);
        // In the guarded group the priority-1 Drop takes 22 from 0.0.0.0/0; only the ALL rule from ::/0 opens it (over IPv6).
        var guardedManagement = all.Where(f => f.GetProperty("Code").GetString() == "ManagementPortOpenToInternet" && f.GetProperty("SecurityGroupId").GetString() == guarded)
            .Select(f => f.GetProperty("Message").GetString()!).ToList();
        Assert.Equal(2, guardedManagement.Count);
        Assert.All(guardedManagement, m => Assert.Contains("from ::/0", m, StringComparison.Ordinal));
        Assert.Contains(("RedundantRule", "Low", web), findings);
        Assert.Contains(("ShadowedRule", "Medium", guarded), findings);
        Assert.Contains(("AllPortsOpenToInternet", "High", guarded), findings);
        Assert.Contains(("EmptyGroup", "Low", empty), findings);
        Assert.Contains(("ListEatsEniRuleQuota", "Medium", empty), findings);
        Assert.DoesNotContain(findings, f => f.Code == "EmptyGroup" && (f.Group == web || f.Group == guarded));
        Assert.Equal("High", findings[0].Severity);
        Assert.Equal(all.Count, all.Select(f => f.GetRawText()).Distinct().Count());

        (await Client.Send(new HttpRequestMessage(HttpMethod.Get, "/_emulator/traffic/findings?RegionId=cn-hangzhou"))).Ok();
        (await Client.Send(new HttpRequestMessage(HttpMethod.Get, "/_emulator/findings"))).Error("MissingParameter", 400);
        (await Client.Send(new HttpRequestMessage(HttpMethod.Get, "/_emulator/findings?RegionId=mars-1"))).Error("InvalidRegionId.NotFound", 404);
    }
}
