using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SecurityGroups.Bench;

/// <summary>
/// <c>--scale</c>: regions of growing size, each filled on a fresh server (through the API, but for the groups' rules, which
/// are seeded in bulk through the domain unless <c>--fill-api</c>: <see cref="ScaleSeed"/>), which is then restarted (start-up
/// time) and asked every region question over HTTP: once after a write (the caches are keyed by the write version, so this
/// is the cold cost) and repeated with no write between (median). Prints one table with the growth factor between sizes.
/// </summary>
internal sealed class ScaleBenchmark(HttpClient http, string dll, IDictionary<string, string> settings, bool rulesThroughApi)
{
    /// <summary>The rows of the table, in order; each maps a size's label to milliseconds (MiB for memory).</summary>
    private readonly List<(string Question, Dictionary<ScaleSize, double> Values)> _rows = [];

    public static readonly ScaleSize[] FullSizes = [new(100, 100, 100), new(2000, 1000, 100), new(10000, 5000, 100)];

    public static readonly ScaleSize[] QuickSizes = [new(100, 20, 100), new(400, 100, 100), new(1600, 400, 100)];

    public async Task RunAsync(IReadOnlyList<ScaleSize> sizes)
    {
        foreach (var size in sizes)
        {
            Console.WriteLine($"Scale: {size.Label}");
            var dir = Directory.CreateTempSubdirectory("sg-bench-scale").FullName;
            try
            {
                await MeasureAsync(size, dir);
            }
            finally
            {
                Directory.Delete(dir, recursive: true); // up to ~200 MB of database at the largest size
            }
        }
    }

    private async Task MeasureAsync(ScaleSize size, string dir)
    {
        ScaleRegion region;
        var fill = Stopwatch.StartNew();
        using (var server = ServerProcess.StartEmulator(dll, dir, settings))
        {
            await server.WaitAsync(() => Healthy(server), Stopwatch.StartNew(), TimeSpan.FromSeconds(60));
            region = new ScaleRegion(http, server.BaseUrl);
            await region.FillAsync(size, 4, rulesThroughApi);
        }

        if (!rulesThroughApi)
        {
            var seed = Stopwatch.StartNew();
            await ScaleSeed.RulesAsync(Path.Combine(dir, ServerProcess.DatabaseFile), region, size.RulesPerGroup);
            ScaleRegion.Phase("rules (seeded)", seed);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  filled in {fill.Elapsed.TotalSeconds:0.0} s"));
        var since = Stopwatch.StartNew();
        using var restarted = ServerProcess.StartEmulator(dll, dir, settings);
        var api = new ScaleRegion(http, restarted.BaseUrl);
        var startup = await restarted.WaitAsync(async () =>
        {
            await api.Call("Action=DescribeSecurityGroups&Version=2014-05-26&RegionId=cn-hangzhou&MaxResults=10");
            return true;
        }, since, TimeSpan.FromSeconds(120));
        Add("start-up to the first DescribeSecurityGroups (ms)", size, startup.TotalMilliseconds);

        var a = region.Instances[0];
        var b = region.Instances[^1];
        var matrixIds = region.Instances.Take(1000).ToList();
        var touches = 0;
        Task Touch() => api.Call($"Action=ModifySecurityGroupAttribute&Version=2014-05-26&RegionId=cn-hangzhou&SecurityGroupId={region.BigGroup}&Description=t{++touches}");
        // A write to a table every listing reads (the tags): the listings are keyed by their tables' change counters (ADR-012),
        // so the group write above drops only the group listing, and this one is the listings' own cold cost.
        Task TouchListings() => api.Call($"Action=TagResources&Version=2014-05-26&RegionId=cn-hangzhou&ResourceType=instance&ResourceId.1={a}&Tag.1.Key=bench&Tag.1.Value=t{++touches}");
        var ruleWrites = 0;
        Task AddRule() => api.Call("Action=AuthorizeSecurityGroup&Version=2014-05-26&RegionId=cn-hangzhou&SecurityGroupId=" + region.Groups[1]
            + $"&Permissions.1.IpProtocol=TCP&Permissions.1.PortRange={40000 + ++ruleWrites}/{40000 + ruleWrites}&Permissions.1.SourceCidrIp=10.0.0.0/8");

        // Each question is asked once after a write (Touch: a group's description, which no question's answer shows; or the
        // question's own write), then repeated: the median of nine calls, since the first repeats pay for collecting the cold
        // call's garbage (the findings' three repeats ranged 4.6-13 ms where thirty in a row had a median of 2.5 ms).
        var questions = new List<(string Name, Func<Task> Ask, bool Paged, Func<Task> Write)>
        {
            ("findings", () => Get(restarted, "/_emulator/findings?RegionId=cn-hangzhou"), false, Touch),
            ("findings, the write being a rule added to one group", () => Get(restarted, "/_emulator/findings?RegionId=cn-hangzhou"), false, AddRule),
            ("exposure, TCP 22 at one instance", () => Post(restarted, "exposure",
                $"{{\"RegionId\":\"cn-hangzhou\",\"InstanceId\":\"{a}\",\"Direction\":\"ingress\",\"IpProtocol\":\"TCP\",\"Port\":22}}"), false, Touch),
            ("reachability, instance to instance, TCP 5432", () => Post(restarted, "reachability",
                $"{{\"RegionId\":\"cn-hangzhou\",\"Source\":{{\"InstanceId\":\"{a}\"}},\"Destination\":{{\"InstanceId\":\"{b}\"}},\"IpProtocol\":\"TCP\",\"DestinationPort\":5432}}"), false, Touch),
            ("evaluate a batch of 1,000 packets at one instance", () => Post(restarted, "evaluate", Batch(a)), false, Touch),
            ("reachability matrix, the first 1,000 x the first 1,000 instances (or all), TCP 5432", () => Post(restarted, "matrix",
                $"{{\"RegionId\":\"cn-hangzhou\",\"Sources\":[{Ids(matrixIds)}],\"Destinations\":[{Ids(matrixIds)}],\"IpProtocol\":\"TCP\",\"DestinationPort\":5432}}"), false, Touch),
            ("DescribeSecurityGroupAttribute, 200 rules", () => api.Call(
                $"Action=DescribeSecurityGroupAttribute&Version=2014-05-26&RegionId=cn-hangzhou&SecurityGroupId={region.BigGroup}"), false, Touch),
            ("DescribeSecurityGroups, every page of 100, per page", () => Pages(api, "DescribeSecurityGroups", ""), true, Touch),
            ("DescribeInstances, every page of 100, per page", () => Pages(api, "DescribeInstances", ""), true, Touch),
            ("DescribeInstances, VpcId + SecurityGroupId filter, per page", () => Pages(api, "DescribeInstances", $"&VpcId={region.VpcId}&SecurityGroupId={region.Groups[0]}"), true, Touch),
            ("DescribeInstances, PageNumber 50 of PageSize 100 (or the last)", () => api.Call(
                $"Action=DescribeInstances&Version=2014-05-26&RegionId=cn-hangzhou&PageSize=100&PageNumber={Math.Min(50, (region.Instances.Count + 99) / 100)}"), false, Touch),
            ("DescribeNetworkInterfaces, every page of 100, per page", () => Pages(api, "DescribeNetworkInterfaces", ""), true, Touch),
        };

        foreach (var (name, ask, _, _) in questions)
        {
            await Optional(ask); // JIT and first-use costs of this fresh process, not measured
        }

        foreach (var (name, ask, paged, write) in questions)
        {
            _pages = 0;
            await write();
            var cold = await Optional(ask);
            var pages = Math.Max(1, _pages);
            var repeats = new List<double>();
            for (var i = 0; i < Repeats && !double.IsNaN(cold); i++)
            {
                repeats.Add(await Optional(ask));
            }

            var warm = repeats.Count == 0 ? double.NaN : repeats.Order().ElementAt(repeats.Count / 2);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    (peak RSS so far {restarted.PeakRssMiB():0} MiB)"));
            Add(name + ", first after a write (ms)", size, paged ? cold / pages : cold);
            Add(name + ", repeated (ms)", size, paged ? warm / pages : warm);
        }

        // After the loop above, which the listings' own writes must not disturb (a tag write drops every listing).
        foreach (var (name, ask, paged, _) in questions.Where(q => q.Name.StartsWith("Describe", StringComparison.Ordinal)))
        {
            _pages = 0;
            await TouchListings();
            var own = await Optional(ask);
            Add(name + ", first after a write to its tables (ms)", size, paged ? own / Math.Max(1, _pages) : own);
        }

        Add("peak RSS of the restarted server (MiB)", size, restarted.PeakRssMiB());
    }

    private int _pages;

    /// <summary>How many times each question is repeated after its cold call (the median is reported).</summary>
    private const int Repeats = 9;

    /// <summary>The time of one call in ms, or NaN when the server does not have it (an older build, for a before/after run).</summary>
    private static async Task<double> Optional(Func<Task> ask)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await ask();
            return watch.Elapsed.TotalMilliseconds;
        }
        catch (BenchRequestException ex) when (ex.Status == 404)
        {
            return double.NaN;
        }
    }

    private async Task Pages(ScaleRegion api, string action, string filter)
    {
        string? token = null;
        do
        {
            token = await api.NextToken($"Action={action}&Version=2014-05-26&RegionId=cn-hangzhou&MaxResults=100{filter}" + (token is null ? "" : "&NextToken=" + token));
            _pages++;
        }
        while (token is not null);
    }

    private async Task Get(ServerProcess server, string path)
    {
        using var response = await http.GetAsync(new Uri(server.BaseUrl + path), HttpCompletionOption.ResponseHeadersRead);
        await Check(response);
    }

    private async Task Post(ServerProcess server, string question, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{server.BaseUrl}/_emulator/traffic/{question}")) { Content = content };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await Check(response);
    }

    /// <summary>
    /// Receives the whole body, as bytes into a sink: decoding it into a .NET string is the client's own cost, which for the
    /// 4.6 MB findings answer at the largest size (buffered, then decoded) was 60-70 ms of this process's allocation and
    /// collection against 4-6 ms for the server to send it.
    /// </summary>
    private static async Task Check(HttpResponseMessage response)
    {
        if ((int)response.StatusCode >= 400)
        {
            throw new BenchRequestException((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        await using var body = await response.Content.ReadAsStreamAsync();
        await body.CopyToAsync(Stream.Null);
    }

    private static string Ids(IEnumerable<string> ids) => string.Join(',', ids.Select(i => $"\"{i}\""));

    private static string Batch(string instance) =>
        $"{{\"RegionId\":\"cn-hangzhou\",\"InstanceId\":\"{instance}\",\"Packets\":[" + string.Join(',', Enumerable.Range(0, 1000).Select(i =>
            $"{{\"Direction\":\"ingress\",\"IpProtocol\":\"TCP\",\"SourceIp\":\"10.{i % 200}.{i % 7}.1\",\"DestinationPort\":{1000 + (i % 120)}}}")) + "]}";

    private async Task<bool> Healthy(ServerProcess server)
    {
        using var response = await http.GetAsync(new Uri(server.BaseUrl + "/_emulator/health"));
        return response.IsSuccessStatusCode;
    }

    private void Add(string question, ScaleSize size, double value)
    {
        var row = _rows.FirstOrDefault(r => r.Question == question);
        if (row.Values is null)
        {
            row = (question, new Dictionary<ScaleSize, double>());
            _rows.Add(row);
        }

        row.Values[size] = value;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {question,-90} {value,10:0.00}"));
    }

    /// <summary>The table: one column per size, then the growth factor between neighbouring sizes.</summary>
    public string Table(IReadOnlyList<ScaleSize> sizes)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("| question |");
        foreach (var size in sizes)
        {
            sb.Append(c, $" {size.Label} |");
        }

        for (var i = 1; i < sizes.Count; i++)
        {
            sb.Append(c, $" growth {i}→{i + 1} (rules x{(double)sizes[i].Rules / sizes[i - 1].Rules:0.#}, instances x{(double)sizes[i].Instances / sizes[i - 1].Instances:0.#}) |");
        }

        sb.AppendLine();
        sb.Append("|---|").Append(string.Concat(Enumerable.Repeat("---:|", (sizes.Count * 2) - 1))).AppendLine();
        foreach (var (question, values) in _rows)
        {
            sb.Append(c, $"| {question} |");
            foreach (var size in sizes)
            {
                sb.Append(' ').Append(values.TryGetValue(size, out var v) && !double.IsNaN(v) ? v.ToString(v < 10 ? "0.00" : "0", c) : "n/a").Append(" |");
            }

            for (var i = 1; i < sizes.Count; i++)
            {
                var ok = values.TryGetValue(sizes[i], out var now) & values.TryGetValue(sizes[i - 1], out var before);
                sb.Append(' ').Append(ok && !double.IsNaN(now) && !double.IsNaN(before) && before > 0 ? (now / before).ToString("0.0", c) + "x" : "n/a").Append(" |");
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }
}
