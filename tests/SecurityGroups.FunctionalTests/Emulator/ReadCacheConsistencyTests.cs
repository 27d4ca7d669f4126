using System.Text.Json;
using System.Globalization;

namespace SecurityGroups.FunctionalTests.Emulator;

/// <summary>
/// The version-keyed read caches under concurrency: whatever other clients do at the same time, a client that got an
/// acknowledgement for its write sees that write in its next read (DescribeSecurityGroupAttribute, DescribeSecurityGroups,
/// and the traffic engine).
/// </summary>
public sealed class ReadCacheConsistencyTests(EmulatorFactory factory) : TrafficTest(factory)
{
    [Fact]
    public async Task ParallelWritersEachReadTheirOwnWriteAtOnce()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var instance = (await Run(group))[0];

        await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
        {
            for (var i = 0; i < 6; i++)
            {
                var port = 1000 + (worker * 10) + i;
                var text = port.ToString(CultureInfo.InvariantCulture);
                (await Authorize(group, ("IpProtocol", "TCP"), ("PortRange", $"{text}/{text}"), ("SourceCidrIp", "10.0.0.0/8"))).Ok();

                var rules = (await Client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group))).Ok()
                    .GetProperty("Permissions").GetProperty("Permission").EnumerateArray().Select(p => p.GetProperty("PortRange").GetString()).ToList();
                Assert.Contains($"{text}/{text}", rules);

                var listed = (await DescribeGroups(("SecurityGroupId", group))).GetProperty("SecurityGroups").GetProperty("SecurityGroup")[0];
                Assert.True(listed.GetProperty("RuleCount").GetInt32() >= (i + 1), "the listing counts at least this worker's rules");

                var verdict = (await Traffic("evaluate", new { RegionId = "cn-hangzhou", InstanceId = instance, Packets = new[]
                {
                    new { Direction = "ingress", IpProtocol = "TCP", SourceIp = "10.9.9.9", DestinationPort = port },
                } })).Ok().GetProperty("Results")[0].GetProperty("Decision").GetString();
                Assert.Equal("Accept", verdict);
            }
        }));

        var all = (await Client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", group))).Ok()
            .GetProperty("Permissions").GetProperty("Permission").GetArrayLength();
        Assert.Equal(48, all);
    }

    [Fact]
    public async Task RepeatedDescribes_ShareTheRenderingButEachCarriesItsOwnRequestIdAndFormat()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        (await Authorize(group, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "10.0.0.0/8"))).Ok();
        (string Key, string Value)[] describe = [("RegionId", "cn-hangzhou"), ("SecurityGroupId", group)];

        var first = await Client.Ecs("DescribeSecurityGroupAttribute", describe);
        var second = await Client.Ecs("DescribeSecurityGroupAttribute", describe);
        var xml = await Client.Ecs("DescribeSecurityGroupAttribute", [.. describe, ("Format", "XML")]);
        var withSnapshots = await Client.Ecs("DescribeSecurityGroupAttribute", [.. describe, ("Attribute", "snapshotPolicyIds")]);

        var ids = new[] { first, second, xml, withSnapshots }.Select(r => r.RequestIdHeader).ToList();
        Assert.Equal(4, ids.Distinct().Count());
        Assert.Equal(first.RequestIdHeader, first.Str("RequestId"));
        Assert.Equal(second.RequestIdHeader, second.Str("RequestId"));
        Assert.Equal(first.Text.Replace(first.RequestIdHeader!, "", StringComparison.Ordinal), second.Text.Replace(second.RequestIdHeader!, "", StringComparison.Ordinal));
        Assert.StartsWith("text/xml", xml.ContentType, StringComparison.Ordinal);
        Assert.Contains($"<RequestId>{xml.RequestIdHeader}</RequestId>", xml.Text, StringComparison.Ordinal);
        Assert.Contains("<PortRange>22/22</PortRange>", xml.Text, StringComparison.Ordinal);
        Assert.True(withSnapshots.Ok().TryGetProperty("SnapshotPolicyIds", out _), "the Attribute variant is rendered apart");
        Assert.False(second.Ok().TryGetProperty("SnapshotPolicyIds", out _));

        (await Authorize(group, ("IpProtocol", "TCP"), ("PortRange", "443/443"), ("SourceCidrIp", "10.0.0.0/8"))).Ok();
        var after = (await Client.Ecs("DescribeSecurityGroupAttribute", describe)).Ok().GetProperty("Permissions").GetProperty("Permission");
        Assert.Equal(2, after.GetArrayLength());
    }

    [Fact]
    public async Task InstanceAndEniPages_AreKeptUntilTheNextWrite_AndShowItAtOnce()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var other = await CreateGroup(Vpc);
        var instance = (await Run(group))[0];
        async Task<JsonElement> InstancePage() => (await Client.Ecs("DescribeInstances", ("RegionId", "cn-hangzhou"), ("VpcId", Vpc), ("MaxResults", "100"))).Ok();
        async Task<JsonElement> EniPage() => (await Client.Ecs("DescribeNetworkInterfaces", ("RegionId", "cn-hangzhou"), ("VpcId", Vpc), ("MaxResults", "100"))).Ok();

        var first = await InstancePage();
        var again = await InstancePage();
        Assert.NotEqual(first.GetProperty("RequestId").GetString(), again.GetProperty("RequestId").GetString());
        Assert.Equal(first.GetProperty("Instances").GetRawText(), again.GetProperty("Instances").GetRawText());
        await EniPage();

        (await Client.Ecs("ModifyInstanceAttribute", ("InstanceId", instance), ("InstanceName", "renamed"))).Ok();
        Assert.Equal("renamed", (await InstancePage()).GetProperty("Instances").GetProperty("Instance")[0].GetProperty("InstanceName").GetString());

        (await Client.Ecs("JoinSecurityGroup", ("InstanceId", instance), ("SecurityGroupId", other))).Ok();
        var groups = (await EniPage()).GetProperty("NetworkInterfaceSets").GetProperty("NetworkInterfaceSet")[0].GetProperty("SecurityGroupIds")
            .GetProperty("SecurityGroupId").EnumerateArray().Select(g => g.GetString()).ToList();
        Assert.Contains(other, groups);
        Assert.Contains(other, (await InstancePage()).GetProperty("Instances").GetProperty("Instance")[0].GetProperty("SecurityGroupIds").GetRawText(),
            StringComparison.Ordinal);

        (await Client.Ecs("DeleteInstance", ("InstanceId", instance), ("Force", "true"))).Ok();
        Assert.Equal(0, (await InstancePage()).GetProperty("Instances").GetProperty("Instance").GetArrayLength());
        Assert.Equal(0, (await EniPage()).GetProperty("NetworkInterfaceSets").GetProperty("NetworkInterfaceSet").GetArrayLength());
    }
}
