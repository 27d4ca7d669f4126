using Microsoft.Extensions.DependencyInjection;
using System.Globalization;

namespace SecurityGroups.FunctionalTests.Protocol;

/// <summary>
/// Alibaba's API flow control (section <c>Throttling</c>, off by default): per account, Action and region, so many calls
/// per clock minute; past it <c>Throttling.User</c> (400) with <c>x-acs-retry-after</c>, the milliseconds until the next minute.
/// </summary>
public sealed class ThrottlingTests
{
    [Fact]
    public async Task PastTheLimit_IsThrottlingUser400_PerAccountActionAndRegion()
    {
        using var factory = new CustomEmulatorFactory(null, new Dictionary<string, string?>
        {
            ["Throttling:Enabled"] = "true",
            ["Throttling:RequestsPerMinute"] = "3",
            ["Throttling:Actions:DescribeRegions"] = "1",
        });
        var client = factory.Acs();
        await AwayFromAMinuteBoundary();
        for (var i = 0; i < 3; i++)
        {
            (await client.Ecs("DescribeSecurityGroups", ("RegionId", "cn-hangzhou"))).Ok();
        }

        (await client.Ecs("DescribeSecurityGroups", ("RegionId", "cn-hangzhou"))).Error("Throttling.User", 400);
        (await client.Ecs("DescribeSecurityGroups", ("RegionId", "cn-beijing"))).Ok(); // another region: its own window
        (await client.Vpc("DescribeVpcs", ("RegionId", "cn-hangzhou"))).Ok(); // another Action: its own window

        (await client.Ecs("DescribeRegions")).Ok();
        using var http = factory.CreateClient();
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var throttled = await http.PostAsync("/?Action=DescribeRegions&Version=2014-05-26", null);
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Assert.Equal(400, (int)throttled.StatusCode);
        Assert.Contains("\"Code\":\"Throttling.User\"", await throttled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var retryAfter = long.Parse(throttled.Headers.GetValues("x-acs-retry-after").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60_000);
        if (before / 60_000 == after / 60_000)
        {
            // The wait is until the next clock minute (exactness is unit-tested; here the request's own duration is the slack).
            Assert.InRange(retryAfter, 60_000 - (after % 60_000), 60_000 - (before % 60_000));
        }

        for (var i = 0; i < 10; i++)
        {
            using var health = await http.GetAsync("/_emulator/health"); // not an Action: never throttled
            health.EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task RegionIdInAnotherLetterCase_CountsInTheRegionsWindow()
    {
        using var factory = new CustomEmulatorFactory(null, new Dictionary<string, string?>
        {
            ["Throttling:Enabled"] = "true",
            ["Throttling:RequestsPerMinute"] = "2",
        });
        var client = factory.Acs();
        await AwayFromAMinuteBoundary();
        (await client.Ecs("DescribeSecurityGroups", ("RegionId", "cn-hangzhou"))).Ok();
        (await client.Ecs("DescribeSecurityGroups", ("RegionId", "cn-hangzhou"))).Ok();

        // Binding reads parameter names in any letter case, so the window must too: no second window for "regionid".
        (await client.Ecs("DescribeSecurityGroups", ("regionid", "cn-hangzhou"))).Error("Throttling.User", 400);
        (await client.Ecs("DescribeSecurityGroups", ("REGIONID", "cn-hangzhou"))).Error("Throttling.User", 400);
    }

    /// <summary>Windows are clock minutes: a sequence that straddled one would start a fresh window halfway.</summary>
    private static async Task AwayFromAMinuteBoundary()
    {
        var left = 60_000 - (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() % 60_000);
        if (left < 10_000)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(left + 100));
        }
    }

    [Fact]
    public async Task UnknownRegions_ShareOneWindow_AndCreateNoLimiterEach()
    {
        using var factory = new CustomEmulatorFactory(null, new Dictionary<string, string?>
        {
            ["Throttling:Enabled"] = "true",
            ["Throttling:RequestsPerMinute"] = "2",
        });
        var client = factory.Acs();
        await AwayFromAMinuteBoundary();

        var codes = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            codes.Add((await client.Ecs("DescribeSecurityGroups", ("RegionId", $"xx-nowhere-{i}"))).Str("Code"));
        }

        // The first two reach the Action (which refuses the region); the rest share the one "unknown region" window.
        Assert.Equal(["InvalidRegionId.NotFound", "InvalidRegionId.NotFound"], codes.Take(2));
        Assert.All(codes.Skip(2), c => Assert.Equal("Throttling.User", c));
        (await client.Ecs("DescribeSecurityGroups", ("RegionId", "cn-hangzhou"))).Ok(); // a known region keeps its own window
        var limiters = factory.Services.GetRequiredService<global::SecurityGroups.Api.Acs.ThrottlingLimiters>().Count;
        Assert.Equal(2, limiters);
    }

    [Fact]
    public async Task Throttling_IsOffByDefault()
    {
        using var factory = new CustomEmulatorFactory(null, new Dictionary<string, string?> { ["Throttling:RequestsPerMinute"] = "1" });
        var client = factory.Acs();
        for (var i = 0; i < 5; i++)
        {
            (await client.Ecs("DescribeRegions")).Ok();
        }
    }
}
