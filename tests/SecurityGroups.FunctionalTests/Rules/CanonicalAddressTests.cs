using System.Text;
using System.Text.Json;
using SecurityGroups.FunctionalTests.Emulator;

namespace SecurityGroups.FunctionalTests.Rules;

/// <summary>
/// Non-canonical address forms (leading zeros, hex, fewer parts, a bare integer, whitespace, trailing dots, ports, zones)
/// are refused with the field's own code at every entry point, and nothing is stored (issue 12, item 9; ADR-007).
/// </summary>
public sealed class CanonicalAddressTests(EmulatorFactory factory) : TrafficTest(factory)
{
    /// <summary>IPv4 forms that .NET's IPAddress.Parse reads as some other address (or that carry junk).</summary>
    public static TheoryData<string> BadIpv4() =>
        ["010.0.0.1", "0x0a.0.0.2", "10.1", "167772161", "10.0.0.1.", "10.0.0.1:80", "10.0.0.1 ", "10.0.0.0/08", "010.0.0.0/8", "10.0.0.1%1"];

    public static TheoryData<string> BadIpv6() =>
        ["fe80::1%eth0", "[2001:db8::1]", "[2001:db8::1]:80", "::ffff:010.0.0.1", "::ffff:0x0a.0.0.1", "2001:db8::/032", "2001:db8:: "];

    /// <summary>Addresses for the /_emulator/traffic bodies (which take a bare address or, in places, a CIDR).</summary>
    public static TheoryData<string> BadTrafficAddresses() =>
        ["010.0.0.1", "0x0a.0.0.2", "10.1", "167772161", "10.0.0.1.", "10.0.0.1:80", " 10.0.0.1", "[::1]", "fe80::1%eth0", "::ffff:010.0.0.1"];

    private async Task<string> ArrangeGroup()
    {
        await Arrange();
        return await CreateGroup(Vpc, ("SecurityGroupName", "main"));
    }

    private async Task<int> RuleCount(string group) =>
        (await Client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group), ("MaxResults", "1000"))).Ok()
            .GetProperty("Permissions").GetProperty("Permission").GetArrayLength();

    [Theory]
    [MemberData(nameof(BadIpv4))]
    public async Task Authorize_RefusesNonCanonicalIpv4_InEveryField(string bad)
    {
        var group = await ArrangeGroup();
        (string, string)[] tcp = [("IpProtocol", "TCP"), ("PortRange", "22/22")];

        (await Authorize(group, [.. tcp, ("SourceCidrIp", bad)])).Error("InvalidSourceCidrIp.Malformed", 400);
        (await Authorize(group, [.. tcp, ("SourceCidrIp", "10.0.0.0/8"), ("DestCidrIp", bad)])).Error("InvalidDestCidrIp.Malformed", 400);
        (await Client.Ecs("AuthorizeSecurityGroupEgress", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group), ("IpProtocol", "TCP"), ("PortRange", "22/22"),
            ("DestCidrIp", bad))).Error("InvalidDestCidrIp.Malformed", 400);
        (await Client.Ecs("AuthorizeSecurityGroupEgress", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group), ("IpProtocol", "TCP"), ("PortRange", "22/22"),
            ("DestCidrIp", "10.0.0.0/8"), ("SourceCidrIp", bad))).Error("InvalidSourceCidrIp.Malformed", 400);

        Assert.Equal(0, await RuleCount(group));
    }

    [Theory]
    [MemberData(nameof(BadIpv6))]
    public async Task Authorize_RefusesIpv6WithZoneBracketsOrNonCanonicalEmbeddedIpv4(string bad)
    {
        var group = await ArrangeGroup();

        (await Authorize(group, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("Ipv6SourceCidrIp", bad))).Error("InvalidParam.Ipv6SourceCidrIp", 400);
        (await Client.Ecs("AuthorizeSecurityGroupEgress", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group), ("IpProtocol", "TCP"), ("PortRange", "22/22"),
            ("Ipv6DestCidrIp", bad))).Error("InvalidParam.Ipv6DestCidrIp", 400);

        Assert.Equal(0, await RuleCount(group));
    }

    [Fact]
    public async Task Authorize_StillAcceptsCanonicalForms_AndKeepsIpv4TextAsWritten()
    {
        var group = await ArrangeGroup();

        (await Authorize(group, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "10.159.6.18/12"))).Ok();
        (await Authorize(group, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "0.0.0.0/0"))).Ok();
        (await Authorize(group, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "255.255.255.255"))).Ok();
        (await Authorize(group, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("Ipv6SourceCidrIp", "2001:0DB8::/32"))).Ok();

        var rules = (await Client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group))).Ok()
            .GetProperty("Permissions").GetProperty("Permission").EnumerateArray()
            .Select(r => r.GetProperty("SourceCidrIp").GetString() + r.GetProperty("Ipv6SourceCidrIp").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["0.0.0.0/0", "10.159.6.18/12", "2001:db8::/32", "255.255.255.255"], rules);
    }

    [Fact]
    public async Task ModifyRule_RefusesNonCanonicalAddresses_AndLeavesTheRule()
    {
        var group = await ArrangeGroup();
        (await Authorize(group, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "10.0.0.0/8"))).Ok();
        var rule = (await Client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group))).Ok()
            .GetProperty("Permissions").GetProperty("Permission")[0].GetProperty("SecurityGroupRuleId").GetString()!;

        (await Client.Ecs("ModifySecurityGroupRule", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group), ("SecurityGroupRuleId", rule),
            ("SourceCidrIp", "010.0.0.0/8"))).Error("InvalidSourceCidrIp.Malformed", 400);

        var stored = (await Client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group))).Ok()
            .GetProperty("Permissions").GetProperty("Permission")[0];
        Assert.Equal("10.0.0.0/8", stored.GetProperty("SourceCidrIp").GetString());
    }

    [Theory]
    [InlineData("csv", "text/csv")]
    [InlineData("json", "application/json")]
    public async Task Import_RefusesNonCanonicalAddresses_RowByRow(string format, string contentType)
    {
        var group = await ArrangeGroup();
        string[] bad = ["010.0.0.1", "0x0a.0.0.2", "10.1", "167772161"];
        var body = format == "csv"
            ? "Direction,IpProtocol,PortRange,SourceCidrIp,Ipv6SourceCidrIp\n" + string.Join('\n', bad.Select(b => $"ingress,TCP,22/22,{b},"))
                + "\ningress,TCP,22/22,,fe80::1%eth0\n"
            : JsonSerializer.Serialize(bad.Select(b => new Dictionary<string, string> { ["Direction"] = "ingress", ["IpProtocol"] = "TCP", ["PortRange"] = "22/22", ["SourceCidrIp"] = b })
                .Append(new Dictionary<string, string> { ["Direction"] = "ingress", ["IpProtocol"] = "TCP", ["PortRange"] = "22/22", ["Ipv6SourceCidrIp"] = "fe80::1%eth0" }));

        var result = (await Client.Send(new HttpRequestMessage(HttpMethod.Post, $"/_emulator/security-groups/{group}/rules?RegionId=cn-hangzhou&format={format}")
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        })).Ok();

        Assert.Equal(0, result.GetProperty("Imported").GetInt32());
        Assert.Equal(5, result.GetProperty("Failed").GetInt32());
        Assert.Equal(["InvalidSourceCidrIp.Malformed", "InvalidSourceCidrIp.Malformed", "InvalidSourceCidrIp.Malformed", "InvalidSourceCidrIp.Malformed", "InvalidParam.Ipv6SourceCidrIp"],
            result.GetProperty("Results").EnumerateArray().Select(r => r.GetProperty("Code").GetString()));
        Assert.Equal(0, await RuleCount(group));
    }

    [Theory]
    [MemberData(nameof(BadIpv4))]
    public async Task PrefixLists_RefuseNonCanonicalEntries(string bad)
    {
        (await Client.Ecs("CreatePrefixList", ("RegionId", "cn-hangzhou"), ("AddressFamily", "IPv4"), ("MaxEntries", "5"), ("PrefixListName", "office"),
            ("Entry.1.Cidr", bad))).Error("InvalidParameter.CidrMalformed", 400);
        Assert.Equal(0, (await Client.Ecs("DescribePrefixLists", ("RegionId", "cn-hangzhou"))).Ok().GetProperty("PrefixLists").GetProperty("PrefixList").GetArrayLength());

        var id = (await Client.Ecs("CreatePrefixList", ("RegionId", "cn-hangzhou"), ("AddressFamily", "IPv4"), ("MaxEntries", "5"), ("PrefixListName", "office"),
            ("Entry.1.Cidr", "10.0.0.0/8"))).Ok().GetProperty("PrefixListId").GetString()!;
        (await Client.Ecs("ModifyPrefixList", ("RegionId", "cn-hangzhou"), ("PrefixListId", id), ("AddEntry.1.Cidr", bad))).Error("InvalidParameter.CidrMalformed", 400);
        var entries = (await Client.Ecs("DescribePrefixListAttributes", ("RegionId", "cn-hangzhou"), ("PrefixListId", id))).Ok()
            .GetProperty("Entries").GetProperty("Entry").EnumerateArray().Select(e => e.GetProperty("Cidr").GetString()).ToList();
        Assert.Equal(["10.0.0.0/8"], entries);
    }

    [Theory]
    [MemberData(nameof(BadIpv6))]
    public async Task PrefixLists_RefuseIpv6EntriesWithZonesOrJunk(string bad)
    {
        (await Client.Ecs("CreatePrefixList", ("RegionId", "cn-hangzhou"), ("AddressFamily", "IPv6"), ("MaxEntries", "5"), ("PrefixListName", "office"),
            ("Entry.1.Cidr", bad))).Error("InvalidParameter.CidrMalformed", 400);
        Assert.Equal(0, (await Client.Ecs("DescribePrefixLists", ("RegionId", "cn-hangzhou"))).Ok().GetProperty("PrefixLists").GetProperty("PrefixList").GetArrayLength());
    }

    [Theory]
    [InlineData("010.0.0.0/8")]
    [InlineData("0x0a.0.0.0/8")]
    [InlineData("10.0/16")]
    [InlineData("10.0.0.0/08")]
    [InlineData("10.0.0.0/8 ")]
    [InlineData("10.0.0.0./8")]
    public async Task VpcAndVSwitchCidrs_RefuseNonCanonicalForms(string bad)
    {
        (await Client.Vpc("CreateVpc", ("RegionId", "cn-hangzhou"), ("CidrBlock", bad))).Error("InvalidCidrBlock.Malformed", 400);
        Assert.Equal(0, await VpcCount());

        var vpc = await CreateVpc("10.0.0.0/8");
        (await Client.Vpc("CreateVSwitch", ("VpcId", vpc), ("ZoneId", "cn-hangzhou-h"), ("CidrBlock", bad.Replace("/8", "/24", StringComparison.Ordinal))))
            .Error("InvalidCidrBlock.Malformed", 400);
        Assert.Equal(0, (await Client.Vpc("DescribeVSwitches", ("RegionId", "cn-hangzhou"), ("VpcId", vpc))).Ok().GetProperty("TotalCount").GetInt32());
    }

    [Theory]
    [InlineData("192.168.1.010")]
    [InlineData("192.168.1.0x10")]
    [InlineData("192.168.266")]
    [InlineData("3232235786")]
    [InlineData("192.168.1.10.")]
    [InlineData("192.168.1.10 ")]
    [InlineData("::ffff:192.168.1.10")]
    public async Task PrivateIpParameters_RefuseNonCanonicalForms(string bad)
    {
        await Arrange();
        var group = await CreateGroup(Vpc, ("SecurityGroupName", "main"));

        (await Client.Ecs("RunInstances", ("RegionId", "cn-hangzhou"), ("VSwitchId", VSwitch), ("SecurityGroupId", group), ("PrivateIpAddress", bad)))
            .Error("InvalidPrivateIpAddress.Malformed", 400);
        (await Client.Ecs("CreateNetworkInterface", ("RegionId", "cn-hangzhou"), ("VSwitchId", VSwitch), ("SecurityGroupIds.1", group), ("PrimaryIpAddress", bad)))
            .Error("InvalidPrivateIpAddress.Malformed", 400);
        var eni = await Eni(("SecurityGroupIds.1", group));
        (await Client.Ecs("AssignPrivateIpAddresses", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", eni), ("PrivateIpAddress.1", bad)))
            .Error("InvalidPrivateIpAddress.Malformed", 400);
        (await Client.Ecs("UnassignPrivateIpAddresses", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", eni), ("PrivateIpAddress.1", bad)))
            .Error("InvalidPrivateIpAddress.Malformed", 400);

        Assert.Equal(0, (await Client.Ecs("DescribeInstances", ("RegionId", "cn-hangzhou"))).Ok().GetProperty("TotalCount").GetInt32());
        var enis = (await Client.Ecs("DescribeNetworkInterfaces", ("RegionId", "cn-hangzhou"))).Ok().GetProperty("NetworkInterfaceSets").GetProperty("NetworkInterfaceSet");
        Assert.Equal(1, enis.GetArrayLength());
        Assert.Single(enis[0].GetProperty("PrivateIpSets").GetProperty("PrivateIpSet").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(BadTrafficAddresses))]
    public async Task TrafficBodies_RefuseNonCanonicalAddresses(string bad)
    {
        await Arrange();
        var group = await CreateGroup(Vpc, ("SecurityGroupName", "main"));
        (await Authorize(group, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "8.0.0.0/8"))).Ok();
        var instance = (await Run(group))[0];
        var what = new { RegionId = "cn-hangzhou", InstanceId = instance };

        (await Traffic("evaluate", new { what.RegionId, what.InstanceId, Direction = "ingress", IpProtocol = "TCP", SourceIp = bad, DestinationPort = 22 }))
            .Error("InvalidParameter", 400);
        (await Traffic("evaluate", new { what.RegionId, what.InstanceId, Direction = "egress", IpProtocol = "TCP", DestinationIp = bad, DestinationPort = 22 }))
            .Error("InvalidParameter", 400);
        (await Traffic("evaluate", new { what.RegionId, SecurityGroupIds = new[] { group }, Packets = new[] { new { Direction = "ingress", IpProtocol = "TCP", SourceIp = "8.0.0.1", DestinationIp = bad, DestinationPort = 22 } } }))
            .Error("InvalidParameter", 400);
        (await Traffic("reachability", new { what.RegionId, Source = new { Ip = bad }, Destination = new { InstanceId = instance }, IpProtocol = "TCP", DestinationPort = 22 }))
            .Error("InvalidParameter", 400);
        (await Traffic("diagnose", new { what.RegionId, what.InstanceId, SourceIp = bad })).Error("InvalidParameter", 400);
        (await Traffic("diagnose", new { what.RegionId, what.InstanceId, SourceIp = bad + "/32" })).Error("InvalidParameter", 400);
        (await Traffic("exposure", new { what.RegionId, what.InstanceId, Direction = "ingress", IpProtocol = "TCP", PeerIp = bad })).Error("InvalidParameter", 400);
        (await Traffic("exposure", new { what.RegionId, what.InstanceId, Direction = "ingress", IpProtocol = "TCP", PeerIp = bad + "/32" })).Error("InvalidParameter", 400);
        (await Traffic("exposure", new { what.RegionId, what.InstanceId, Direction = "ingress", IpProtocol = "TCP", Port = 22, LocalIp = bad })).Error("InvalidParameter", 400);
    }

    [Fact]
    public async Task Evaluate_ReadsCanonicalAddressesAsWritten()
    {
        await Arrange();
        var group = await CreateGroup(Vpc, ("SecurityGroupName", "main"));
        (await Authorize(group, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "8.0.0.0/8"))).Ok();
        var instance = (await Run(group))[0];

        var allowed = (await Traffic("evaluate", new { RegionId = "cn-hangzhou", InstanceId = instance, Direction = "ingress", IpProtocol = "TCP", SourceIp = "8.0.0.1", DestinationPort = 22 })).Ok();
        var dropped = (await Traffic("evaluate", new { RegionId = "cn-hangzhou", InstanceId = instance, Direction = "ingress", IpProtocol = "TCP", SourceIp = "10.0.0.1", DestinationPort = 22 })).Ok();

        Assert.Equal("Accept", allowed.GetProperty("Decision").GetString());
        Assert.Equal("Drop", dropped.GetProperty("Decision").GetString());
    }
}
