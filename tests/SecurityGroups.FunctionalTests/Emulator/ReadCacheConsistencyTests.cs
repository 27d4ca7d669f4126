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
}
