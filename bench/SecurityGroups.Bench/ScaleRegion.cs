using System.Globalization;
using System.Text.RegularExpressions;

namespace SecurityGroups.Bench;

/// <summary>One rule of a scale group: a single port from one peer (a CIDR block or a group).</summary>
internal sealed record ScaleRule(string Direction, string Protocol, int Port, string PeerField, string Peer, string Policy, int Priority)
{
    /// <summary>As <c>Permissions.N</c> query parameters.</summary>
    public string Query(int n) => string.Create(CultureInfo.InvariantCulture,
        $"&Permissions.{n}.IpProtocol={Protocol}&Permissions.{n}.PortRange={Port}%2F{Port}&Permissions.{n}.{PeerField}={Uri.EscapeDataString(Peer)}&Permissions.{n}.Policy={Policy}&Permissions.{n}.Priority={Priority}");

    /// <summary>As the domain's input (what the API binds those parameters to).</summary>
    public Domain.Rules.PermissionInput Input() => new()
    {
        IpProtocol = Protocol,
        PortRange = string.Create(CultureInfo.InvariantCulture, $"{Port}/{Port}"),
        SourceCidrIp = PeerField == "SourceCidrIp" ? Peer : null,
        SourceGroupId = PeerField == "SourceGroupId" ? Peer : null,
        DestCidrIp = PeerField == "DestCidrIp" ? Peer : null,
        Policy = Policy,
        Priority = Priority.ToString(CultureInfo.InvariantCulture),
    };
}

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
/// Fills a region (the same state a user's script would make): one VPC and a /16 vSwitch, the groups, their rules
/// (through the API in requests of up to 100 permissions, or seeded in bulk: <see cref="ScaleSeed"/>), one extra group with 200 rules, and the instances in 1-5
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

    /// <summary>
    /// The VPC, the groups, the 200-rule group and the instances through the API; the groups' rules too when
    /// <paramref name="rulesThroughApi"/>, else they are left to <see cref="ScaleSeed"/> (the same rules, built by the
    /// domain's RuleBuilder and written in bulk while the server is stopped).
    /// </summary>
    public async Task FillAsync(ScaleSize size, int concurrency, bool rulesThroughApi)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        VpcId = Field(await Call("Action=CreateVpc&Version=2016-04-28&RegionId=cn-hangzhou&CidrBlock=10.0.0.0%2F8"), "VpcId");
        var vSwitch = Field(await Call($"Action=CreateVSwitch&Version=2016-04-28&RegionId=cn-hangzhou&VpcId={VpcId}&ZoneId=cn-hangzhou-h&CidrBlock=10.0.0.0%2F16"), "VSwitchId");
        var ids = new string[size.Groups];
        await ForAsync(size.Groups, concurrency, async i =>
            ids[i] = Field(await Call($"Action=CreateSecurityGroup&{Ecs}&VpcId={VpcId}&SecurityGroupName=scale{i}"), "SecurityGroupId"));
        Groups.AddRange(ids);
        Phase("groups", watch);
        if (rulesThroughApi)
        {
            await ForAsync(size.Groups, concurrency, async g =>
            {
                var rules = RulesOf(g, size.RulesPerGroup);
                foreach (var direction in new[] { "ingress", "egress" })
                {
                    var query = string.Concat(rules.Where(r => r.Direction == direction).Select((r, n) => r.Query(n + 1)));
                    if (query.Length > 0)
                    {
                        await Call($"Action={(direction == "ingress" ? "AuthorizeSecurityGroup" : "AuthorizeSecurityGroupEgress")}&{Ecs}&SecurityGroupId={ids[g]}" + query);
                    }
                }
            });
            Phase("rules", watch);
        }

        BigGroup = Field(await Call($"Action=CreateSecurityGroup&{Ecs}&VpcId={VpcId}&SecurityGroupName=big"), "SecurityGroupId");
        for (var half = 0; half < 2; half++)
        {
            await Call($"Action=AuthorizeSecurityGroup&{Ecs}&SecurityGroupId={BigGroup}" + string.Concat(Enumerable.Range(1, 100).Select(p =>
                new ScaleRule("ingress", "TCP", 20000 + (half * 100) + p, "SourceCidrIp", $"172.{16 + half}.{p}.0/24", "Accept", 1 + (p % 100)).Query(p))));
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
        Phase("instances", watch);
    }

    public static void Phase(string name, System.Diagnostics.Stopwatch watch)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  fill: {name} in {watch.Elapsed.TotalSeconds:0.0} s"));
        watch.Restart();
    }

    /// <summary>The ingress and egress rules of group <paramref name="g"/> (a tenth egress).</summary>
    public List<ScaleRule> RulesOf(int g, int count)
    {
        var rules = new List<ScaleRule>(count);
        var egressCount = count / 10;
        void In(string protocol, int port, string peerField, string peer, string policy, int priority) =>
            rules.Add(new ScaleRule("ingress", protocol, port, peerField, peer, policy, priority));
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
        for (var r = 0; rules.Count < ingressCount; r++)
        {
            In(r % 4 == 3 ? "UDP" : "TCP", 1000 + r, "SourceCidrIp", $"10.{r % 256}.{g % 256}.0/24", "Accept", 1 + (r % 100));
        }

        for (var r = 0; r < egressCount; r++)
        {
            rules.Add(new ScaleRule("egress", "TCP", 2000 + r, "DestCidrIp", $"10.{r % 256}.{(g + 1) % 256}.0/24", r % 7 == 0 ? "Drop" : "Accept", 1 + r));
        }

        return rules;
    }

    /// <summary>Runs <paramref name="body"/> for 0..count-1 with that many in flight; the first failure stops the fill.</summary>
    private static Task ForAsync(int count, int concurrency, Func<int, Task> body) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) => await body(i));

    public Task<string> Call(string query) => Http.SendAsync(http, HttpMethod.Post, $"{baseUrl}/?{query}", null, null);

    private readonly MemoryStream _page = new();

    /// <summary>
    /// Calls a listing and returns its non-empty <c>NextToken</c>, or null. The whole body is received (as bytes: decoding a
    /// page of 100 instances into a .NET string is this client's cost, not the server's).
    /// </summary>
    public async Task<string?> NextToken(string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}/?{query}");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if ((int)response.StatusCode >= 400)
        {
            throw new BenchRequestException((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        _page.SetLength(0);
        await using (var body = await response.Content.ReadAsStreamAsync())
        {
            await body.CopyToAsync(_page);
        }

        var bytes = _page.GetBuffer().AsSpan(0, (int)_page.Length);
        var field = "\"NextToken\":\""u8;
        var at = bytes.IndexOf(field);
        if (at < 0)
        {
            return null;
        }

        var rest = bytes[(at + field.Length)..];
        var token = System.Text.Encoding.UTF8.GetString(rest[..rest.IndexOf((byte)'"')]);
        return token.Length == 0 ? null : token;
    }

    public static string Field(string body, string field) =>
        Regex.Match(body, $"\"{field}\":\"([^\"]+)\"") is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException(body);

    [GeneratedRegex("\"(i-[0-9a-z]+)\"")]
    private static partial Regex InstanceIdPattern();
}
