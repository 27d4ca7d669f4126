using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace SecurityGroups.FunctionalTests.Instances;

/// <summary>DescribeInstances lists a region in one order whichever paging form the client uses: creation time, then ID. A
/// server of its own, on a clock the test moves, so that instances are created in distinct seconds (creation times are kept
/// to the second) and in the same second.</summary>
public sealed class InstancePagingOrderTests
{
    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 4, 8, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    [Fact]
    public async Task NextTokenPaging_ListsInTheOrderOfPageNumberPaging()
    {
        var clock = new ManualClock();
        using var factory = new CustomEmulatorFactory(null, null);
        using var server = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var client = new AcsClient(server.CreateClient());
        var vpc = (await client.Vpc("CreateVpc", ("RegionId", "cn-hangzhou"), ("CidrBlock", "192.168.0.0/16"))).Ok().GetProperty("VpcId").GetString()!;
        var vSwitch = (await client.Vpc("CreateVSwitch", ("VpcId", vpc), ("ZoneId", "cn-hangzhou-h"), ("CidrBlock", "192.168.1.0/24"))).Ok()
            .GetProperty("VSwitchId").GetString()!;
        var group = (await client.Ecs("CreateSecurityGroup", ("RegionId", "cn-hangzhou"), ("VpcId", vpc))).Ok().GetProperty("SecurityGroupId").GetString()!;
        async Task<List<string>> Run(int amount) =>
            (await client.Ecs("RunInstances", ("RegionId", "cn-hangzhou"), ("VSwitchId", vSwitch), ("SecurityGroupId", group), ("Amount", $"{amount}")))
                .Ok().GetProperty("InstanceIdSets").GetProperty("InstanceIdSet").EnumerateArray().Select(i => i.GetString()!).ToList();

        // A batch created in one second (the ID breaks the tie), then single launches a second apart, then two in one second.
        var batch = await Run(6);
        var singles = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            singles.AddRange(await Run(1));
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        var lastSecond = (await Run(1)).Concat(await Run(1)).ToList();

        static List<string> Ids(JsonElement page) =>
            page.GetProperty("Instances").GetProperty("Instance").EnumerateArray().Select(e => e.GetProperty("InstanceId").GetString()!).ToList();
        var byNumber = Ids((await client.Ecs("DescribeInstances", ("RegionId", "cn-hangzhou"), ("PageSize", "100"))).Ok());
        var byToken = new List<string>();
        string? token = null;
        do
        {
            var page = (await client.Ecs("DescribeInstances", [("RegionId", "cn-hangzhou"), ("MaxResults", "4"), .. token is null ? [] : new[] { ("NextToken", token) }])).Ok();
            Assert.InRange(Ids(page).Count, 1, 4);
            byToken.AddRange(Ids(page));
            token = page.TryGetProperty("NextToken", out var next) ? next.GetString() : null;
        }
        while (!string.IsNullOrEmpty(token));

        List<string> expected = [.. batch.Order(StringComparer.Ordinal), .. singles, .. lastSecond.Order(StringComparer.Ordinal)];
        Assert.Equal(expected, byNumber);
        Assert.Equal(expected, byToken);
    }
}
