using System.Text;
using System.Text.Json;
using SecurityGroups.FunctionalTests.Instances;

namespace SecurityGroups.FunctionalTests.Emulator;

/// <summary>Base of the /_emulator/traffic tests: a network (from <see cref="InstanceTest"/>), JSON posts and one-permission rules.</summary>
public abstract class TrafficTest(EmulatorFactory factory) : InstanceTest(factory)
{
    /// <summary>POST /_emulator/traffic/{path} with <paramref name="body"/> as JSON.</summary>
    protected Task<AcsResult> Traffic(string path, object body) =>
        Client.Send(new HttpRequestMessage(HttpMethod.Post, "/_emulator/traffic/" + path)
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        });

    /// <summary>An emulator endpoint called with <paramref name="json"/> as its body.</summary>
    protected Task<AcsResult> Emulator(HttpMethod method, string path, string json) =>
        Client.Send(new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    /// <summary>The hit and miss counts of one cache so far (<c>securitygroups_cache_lookups_total</c>).</summary>
    protected async Task<(double Hits, double Misses)> CacheLookups(string cache)
    {
        var scrape = await PrometheusScrape.ReadAsync(Client.Http);
        return (scrape.Sum("securitygroups_cache_lookups_total", ("cache", cache), ("result", "hit")),
            scrape.Sum("securitygroups_cache_lookups_total", ("cache", cache), ("result", "miss")));
    }

    /// <summary>AuthorizeSecurityGroup with one permission given as (field, value) pairs without the "Permissions.1." prefix.</summary>
    protected Task<AcsResult> Authorize(string group, params (string, string)[] permission) =>
        Client.Ecs("AuthorizeSecurityGroup", [("RegionId", "cn-hangzhou"), ("SecurityGroupId", group),
            .. permission.Select(p => ("Permissions.1." + p.Item1, p.Item2))]);
}
