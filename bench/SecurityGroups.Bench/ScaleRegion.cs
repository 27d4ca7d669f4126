using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SecurityGroups.Bench;

/// <summary>One region size of the scale benchmark: instances, groups and rules per group.</summary>
internal sealed record ScaleSize(int Instances, int Groups, int RulesPerGroup)
{
    public int Rules => Groups * RulesPerGroup;

    public string Label => string.Create(CultureInfo.InvariantCulture, $"{Instances:N0} inst / {Groups:N0} groups / {Rules:N0} rules");

    /// <summary>"2000x1000" or "2000x1000x100" (instances x groups [x rules per group]).</summary>
    public static ScaleSize Parse(string text)
    {
        var parts = text.Split('x').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return new ScaleSize(parts[0], parts[1], parts.Length > 2 ? parts[2] : 100);
    }
}

/// <summary>
/// Fills a region through the public API (the same state a user's script would make): one VPC and a /16 vSwitch, the
/// groups, their rules in requests of up to 100 permissions, one extra group with 200 rules, and the instances in 1-5
/// groups each (seeded, so every run builds the same shape). Rules per group: a few that raise findings (SSH from the
/// internet in every tenth group, a Drop that shadows an Accept, a redundant twin), one group reference to the next group,
/// and otherwise single TCP or UDP ports from /24 peers; a tenth of them are egress.
/// </summary>
internal sealed partial class ScaleRegion(HttpClient http, string baseUrl)
{
    private const string Ecs = "Version=2014-05-26&RegionId=cn-hangzhou";

    public string VpcId { get; private set; } = "";

    public List<string> Groups { get; } = [];

    public List<string> Instances { get; } = [];

    public string BigGroup { get; private set; } = "";

    public async Task FillAsync(ScaleSize size, int concurrency)
    {
        VpcId = Field(await Call("Action=CreateVpc&Version=2016-04-28&RegionId=cn-hangzhou&CidrBlock=10.0.0.0%2F8"), "VpcId");
        var vSwitch = Field(await Call($"Action=CreateVSwitch&Version=2016-04-28&RegionId=cn-hangzhou&VpcId={VpcId}&ZoneId=cn-hangzhou-h&CidrBlock=10.0.0.0%2F16"), "VSwitchId");
        var ids = new string[size.Groups];
        await ForAsync(size.Groups, concurrency, async i =>
            ids[i] = Field(await Call($"Action=CreateSecurityGroup&{Ecs}&VpcId={VpcId}&SecurityGroupName=scale{i}"), "SecurityGroupId"));
        Groups.AddRange(ids);
        await ForAsync(size.Groups, concurrency, async g =>
        {
            var (ingress, egress) = RulesOf(g, size.RulesPerGroup);
            await Call($"Action=AuthorizeSecurityGroup&{Ecs}&SecurityGroupId={ids[g]}" + ingress);
            if (egress.Length > 0)
            {
                await Call($"Action=AuthorizeSecurityGroupEgress&{Ecs}&SecurityGroupId={ids[g]}" + egress);
            }
        });
        BigGroup = Field(await Call($"Action=CreateSecurityGroup&{Ecs}&VpcId={VpcId}&SecurityGroupName=big"), "SecurityGroupId");
        for (var half = 0; half < 2; half++)
        {
            await Call($"Action=AuthorizeSecurityGroup&{Ecs}&SecurityGroupId={BigGroup}" + string.Concat(Enumerable.Range(1, 100).Select(p =>
                Permission(p, "TCP", 20000 + (half * 100) + p, "SourceCidrIp", $"172.{16 + half}.{p}.0/24", "Accept", 1 + (p % 100)))));
        }

        const int PerLaunch = 10;
        var random = new Random(20261203);
        var launches = Enumerable.Range(0, (size.Instances + PerLaunch - 1) / PerLaunch).Select(_ =>
            ids.OrderBy(_ => random.Next()).Take(random.Next(1, 6)).ToList()).ToList();
        var instances = new List<string>[launches.Count];
        await ForAsync(launches.Count, concurrency, async l =>
        {
            var amount = Math.Min(PerLaunch, size.Instances - (l * PerLaunch));
            var body = await Call($"Action=RunInstances&{Ecs}&VSwitchId={vSwitch}&Amount={amount}" +
                string.Concat(launches[l].Select((g, i) => $"&SecurityGroupIds.{i + 1}={g}")));
            instances[l] = InstanceIdPattern().Matches(body).Select(m => m.Groups[1].Value).ToList();
        });
        Instances.AddRange(instances.SelectMany(i => i));
    }

    /// <summary>The flattened ingress and egress permissions of group <paramref name="g"/>.</summary>
    private (string Ingress, string Egress) RulesOf(int g, int count)
    {
        var ingress = new StringBuilder();
        var egress = new StringBuilder();
        var egressCount = count / 10;
        var n = 0;
        void In(string protocol, int port, string peerField, string peer, string policy, int priority) =>
            ingress.Append(Permission(++n, protocol, port, peerField, peer, policy, priority));
        var ingressCount = count - egressCount;
        if (g % 10 == 0)
        {
            In("TCP", 22, "SourceCidrIp", "0.0.0.0/0", "Accept", 50);
        }

        In("TCP", 5432, "SourceGroupId", Groups[(g + 1) % Groups.Count], "Accept", 1);
        In("TCP", 3306, "SourceCidrIp", "10.0.0.0/8", "Drop", 1);
        In("TCP", 3306, "SourceCidrIp", "10.1.0.0/16", "Accept", 2);
        In("TCP", 8080, "SourceCidrIp", "10.0.0.0/8", "Accept", 3);
        In("TCP", 8080, "SourceCidrIp", "10.2.0.0/16", "Accept", 4);
        for (var r = 0; n < ingressCount; r++)
        {
            In(r % 4 == 3 ? "UDP" : "TCP", 1000 + r, "SourceCidrIp", $"10.{r % 256}.{g % 256}.0/24", "Accept", 1 + (r % 100));
        }

        for (var r = 0; r < egressCount; r++)
        {
            egress.Append(Permission(r + 1, "TCP", 2000 + r, "DestCidrIp", $"10.{r % 256}.{(g + 1) % 256}.0/24", r % 7 == 0 ? "Drop" : "Accept", 1 + r));
        }

        return (ingress.ToString(), egress.ToString());
    }

    private static string Permission(int n, string protocol, int port, string peerField, string peer, string policy, int priority) =>
        string.Create(CultureInfo.InvariantCulture,
            $"&Permissions.{n}.IpProtocol={protocol}&Permissions.{n}.PortRange={port}%2F{port}&Permissions.{n}.{peerField}={Uri.EscapeDataString(peer)}&Permissions.{n}.Policy={policy}&Permissions.{n}.Priority={priority}");

    /// <summary>Runs <paramref name="body"/> for 0..count-1 with that many in flight; the first failure stops the fill.</summary>
    private static Task ForAsync(int count, int concurrency, Func<int, Task> body) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) => await body(i));

    public Task<string> Call(string query) => Http.SendAsync(http, HttpMethod.Post, $"{baseUrl}/?{query}", null, null);

    public static string Field(string body, string field) =>
        Regex.Match(body, $"\"{field}\":\"([^\"]+)\"") is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException(body);

    [GeneratedRegex("\"(i-[0-9a-z]+)\"")]
    private static partial Regex InstanceIdPattern();
}
