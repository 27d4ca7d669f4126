using System.Diagnostics;
using System.Globalization;
using System.Text;
using SecurityGroups.Bench;

// Load benchmark: this emulator against moto_server, same workload over raw HTTP, concurrency 1 and 16; then this server
// alone (synchronous=FULL, DescribeRegions, start-up on a large database). Writes docs/benchmarks.md. Loopback only.
// --scale: region scale (issue 17). --providers: SQLite against PostgreSQL with one and two replicas (issue 14).
var quick = args.Contains("--quick");
var aloneOnly = args.Contains("--alone"); // this server's own phases only, printed and not written: for profiling loops
var root = FindRoot();
var groups = quick ? 20 : 100;
var rulesPerGroup = quick ? 3 : 30;
var bigRules = 50;
var reads = quick ? 100 : 500;
var lists = quick ? 20 : 100;

var serverDll = Option("--server-dll"); // another build of the server (for a before/after run in one sitting)
var dll = serverDll ?? Path.Combine(root, "src", "SecurityGroups.Api", "bin", "Release", "net10.0", "SecurityGroups.Api.dll");
if (serverDll is null)
{
    Console.WriteLine("Building the server (Release)...");
    Run("dotnet", $"build \"{Path.Combine(root, "src", "SecurityGroups.Api")}\" -c Release -nologo -v q", root);
}

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { Timeout = TimeSpan.FromSeconds(300) };
var results = new List<PhaseResult>();
var quotas = new Dictionary<string, string>
{
    ["Quotas__SecurityGroupsPerRegion"] = "100000",
    ["Quotas__RulesPerSecurityGroup"] = "1000",
};

if (args.Contains("--scale"))
{
    // Region scale (issue 17): --quick for small sizes, --sizes 100x20,400x100 (instances x groups [x rules each]) for others.
    var sizes = Option("--sizes") is { } list ? list.Split(',').Select(ScaleSize.Parse).ToArray() : quick ? ScaleBenchmark.QuickSizes : ScaleBenchmark.FullSizes;
    var scale = new ScaleBenchmark(http, dll, quotas, rulesThroughApi: args.Contains("--fill-api"));
    await scale.RunAsync(sizes);
    var commit = Capture("git", "rev-parse --short HEAD", root).Trim();
    var table = string.Create(CultureInfo.InvariantCulture, $"Run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, commit `{commit}`{(serverDll is null ? "" : $" (server: {serverDll})")}, {Environment.ProcessorCount} cores, .NET {Environment.Version}.") +
        Environment.NewLine + Environment.NewLine + scale.Table(sizes);
    Console.WriteLine(table);
    if (args.Contains("--write"))
    {
        GeneratedSection.Scale.Write(Path.Combine(root, "docs", "benchmarks.md"), table);
        Console.WriteLine("Written to docs/benchmarks.md (region scale section)");
    }

    return 0;
}

if (args.Contains("--providers"))
{
    // Issue 14: SQLite, PostgreSQL with one replica and with two (round-robin), one workload, one run. --postgres "Host=...;Port=...;Username=..."
    // uses that server (fresh databases, dropped after); otherwise a private one (tests/postgres.sh), fsync on unless --pg-fsync off.
    var providers = new ProvidersBenchmark(http, dll, quotas, quick);
    await providers.RunAsync(root, Option("--postgres"), Option("--pg-fsync") != "off", Option("--pg-port") is { } pgPort ? int.Parse(pgPort, CultureInfo.InvariantCulture) : null);
    var commit = Capture("git", "rev-parse --short HEAD", root).Trim();
    var memory = File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
    var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
    var table = providers.Table(string.Create(CultureInfo.InvariantCulture,
        $"Run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, commit `{commit}`{(serverDll is null ? "" : $" (server: {serverDll})")}{(quick ? ", --quick" : "")}, {Environment.ProcessorCount} cores, " +
        $"{double.Parse(memory, CultureInfo.InvariantCulture) / 1024 / 1024:0.0} GiB RAM, .NET {Environment.Version}, {providers.PostgresDescription} on the same machine; load average {load} at the end."));
    Console.WriteLine(table);
    if (args.Contains("--write"))
    {
        GeneratedSection.Providers.Write(Path.Combine(root, "docs", "benchmarks.md"), table);
        Console.WriteLine("Written to docs/benchmarks.md (SQLite and PostgreSQL section)");
    }

    return 0;
}

foreach (var concurrency in aloneOnly ? [] : new[] { 1, 16 })
{
    using (var moto = ServerProcess.StartMoto())
    {
        var target = new MotoTarget(http, moto.BaseUrl);
        await moto.WaitAsync(async () => { await target.ListAllAsync(); return true; }, Stopwatch.StartNew(), TimeSpan.FromSeconds(30));
        results.AddRange(await Workload(target, concurrency));
    }

    using var ours = StartEmulator(quotas);
    var emulator = new EmulatorTarget(http, ours.BaseUrl);
    await ours.WaitAsync(() => Healthy(ours), Stopwatch.StartNew(), TimeSpan.FromSeconds(30));
    results.AddRange(await Workload(emulator, concurrency));
}

var alone = new List<PhaseResult>();
foreach (var (label, synchronous) in new[] { ("default (NORMAL)", "Normal"), ("FULL", "Full") })
{
    using var server = StartEmulator(new Dictionary<string, string>(quotas) { ["Storage__Synchronous"] = synchronous });
    var target = new EmulatorTarget(http, server.BaseUrl);
    await server.WaitAsync(() => Healthy(server), Stopwatch.StartNew(), TimeSpan.FromSeconds(30));
    await WarmUp(target);
    var ids = new string[groups * 10];
    alone.Add(await Phase.RunAsync($"create groups, sync {label}", "SecurityGroups", 16, ids.Length, async i => ids[i] = await target.CreateGroupAsync(i)) );
    alone.Add(await Phase.RunAsync($"authorize rules, sync {label}", "SecurityGroups", 16, ids.Length * 3, i => target.AuthorizeAsync(ids[i % ids.Length], 1000 + (i / ids.Length))));
    if (synchronous == "Normal")
    {
        var big = await target.CreateGroupAsync(-1);
        for (var p = 0; p < 200; p++)
        {
            await target.AuthorizeAsync(big, 2000 + p);
        }

        alone.Add(await Phase.RunAsync("describe one group with 200 rules", "SecurityGroups", 16, reads * 10, _ => target.DescribeGroupAsync(big)));
        alone.Add(await Phase.RunAsync("DescribeRegions (no database)", "SecurityGroups", 16, reads * 20,
            _ => target.Call("Action=DescribeRegions&Version=2014-05-26")));

        // Evaluation over HTTP against the 200-rule group (what-if, no ENI): one packet with its trace, and batches of 1,000.
        var single = EvaluationBodies.OnePacket(big);
        var batch = EvaluationBodies.Batch(big);
        alone.Add(await Phase.RunAsync("evaluate one packet with trace (200 rules)", "SecurityGroups", 16, reads * 10, _ => target.EvaluateAsync(single)));
        alone.Add(await Phase.RunAsync("evaluate batches of 1,000 packets (200 rules)", "SecurityGroups", 16, Math.Max(20, reads / 10), _ => target.EvaluateAsync(batch)));
    }
}

if (aloneOnly)
{
    foreach (var r in alone)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Phase,-50} {r.Rps,8:0} req/s  p50 {r.P50Ms,6:0.00} ms  p99 {r.P99Ms,6:0.00} ms  errors {r.Errors} ({r.ServerErrors} 5xx)"));
    }

    return 0;
}

var (startup, rss, populateSeconds) = await StartupAsync(quick ? 1000 : 10000, 10);
var markdown = Report(results, alone, startup, rss, populateSeconds, quick ? 1000 : 10000);
Console.WriteLine(markdown);
var path = Path.Combine(root, "docs", "benchmarks.md");
const string NotesMarker = "<!-- notes: kept across runs -->";
var notes = File.Exists(path) && File.ReadAllText(path) is var old && old.Contains(NotesMarker, StringComparison.Ordinal)
    ? old[old.IndexOf(NotesMarker, StringComparison.Ordinal)..]
    : NotesMarker + Environment.NewLine;
File.WriteAllText(path, markdown + Environment.NewLine + notes);
Console.WriteLine("Written to docs/benchmarks.md");
return 0;

async Task<List<PhaseResult>> Workload(ITarget target, int concurrency)
{
    await WarmUp(target);
    var list = new List<PhaseResult>();
    // Creates and deletes are measured on 5x the groups the rest uses (the extra ones are deleted empty at once, as every
    // group is at the end): long enough phases for a p99, while the listing still pages through `groups` groups only.
    var all = new string[groups * 5];
    list.Add(await Phase.RunAsync("create groups", target.Name, concurrency, all.Length, async i => all[i] = await target.CreateGroupAsync(i)));
    var ids = all[..groups];
    var deletes = await Phase.RunAsync("delete groups", target.Name, concurrency, all.Length - groups, i => target.DeleteGroupAsync(all[groups + i]));
    list.Add(await Phase.RunAsync("authorize rules", target.Name, concurrency, groups * rulesPerGroup, i => target.AuthorizeAsync(ids[i % groups], 1000 + (i / groups))));
    var big = ids[0];
    for (var p = rulesPerGroup; p < bigRules; p++)
    {
        await target.AuthorizeAsync(big, 1000 + p);
    }

    list.Add(await Phase.RunAsync($"describe one group ({bigRules} rules)", target.Name, concurrency, reads, _ => target.DescribeGroupAsync(big)));
    list.Add(await Phase.RunAsync("list all groups (pages of 50)", target.Name, concurrency, lists, _ => target.ListAllAsync()));
    list.Add(await Phase.RunAsync("revoke rules", target.Name, concurrency, groups * rulesPerGroup, i => target.RevokeAsync(ids[i % groups], 1000 + (i / groups))));
    for (var p = rulesPerGroup; p < bigRules; p++)
    {
        await target.RevokeAsync(big, 1000 + p);
    }

    foreach (var id in ids)
    {
        await target.DeleteGroupAsync(id);
    }

    list.Add(deletes);
    return list;
}

// Every code path once or a few dozen times before measuring (JIT, EF query compilation, connection pools); not recorded.
static async Task WarmUp(ITarget target)
{
    for (var i = 0; i < 30; i++)
    {
        var group = await target.CreateGroupAsync(100000 + i);
        await target.AuthorizeAsync(group, 9);
        await target.DescribeGroupAsync(group);
        await target.RevokeAsync(group, 9);
        await target.DeleteGroupAsync(group);
    }

    await target.ListAllAsync();
}

async Task<(double Seconds, double RssMiB, double PopulateSeconds)> StartupAsync(int groupCount, int rules)
{
    var dir = Directory.CreateTempSubdirectory("sg-bench-startup").FullName;
    var settings = new Dictionary<string, string>(quotas);
    var fill = Stopwatch.StartNew();
    using (var server = ServerProcess.StartEmulator(dll, dir, settings))
    {
        var target = new EmulatorTarget(http, server.BaseUrl);
        await server.WaitAsync(() => Healthy(server), Stopwatch.StartNew(), TimeSpan.FromSeconds(30));
        var ids = new string[groupCount];
        await Phase.RunAsync("populate groups", "SecurityGroups", 16, groupCount, async i => ids[i] = await target.CreateGroupAsync(i));
        await Phase.RunAsync("populate rules", "SecurityGroups", 16, groupCount, i => target.Call(
            $"Action=AuthorizeSecurityGroup&Version=2014-05-26&RegionId=cn-hangzhou&SecurityGroupId={ids[i]}" +
            string.Concat(Enumerable.Range(1, rules).Select(r => $"&Permissions.{r}.IpProtocol=TCP&Permissions.{r}.PortRange={r}/{r}&Permissions.{r}.SourceCidrIp=10.0.0.0/8"))));
    }

    fill.Stop();
    var since = Stopwatch.StartNew();
    using var restarted = ServerProcess.StartEmulator(dll, dir, settings);
    var target2 = new EmulatorTarget(http, restarted.BaseUrl);
    var first = await restarted.WaitAsync(async () =>
    {
        await target2.Call("Action=DescribeSecurityGroups&Version=2014-05-26&RegionId=cn-hangzhou&MaxResults=10");
        return true;
    }, since, TimeSpan.FromSeconds(60));
    for (var i = 0; i < 200; i++)
    {
        await target2.Call("Action=DescribeSecurityGroups&Version=2014-05-26&RegionId=cn-hangzhou&PageSize=50&PageNumber=" + ((i % 200) + 1));
    }

    return (first.TotalSeconds, restarted.PeakRssMiB(), fill.Elapsed.TotalSeconds);
}

ServerProcess StartEmulator(IDictionary<string, string> settings) =>
    ServerProcess.StartEmulator(dll, Directory.CreateTempSubdirectory("sg-bench").FullName, settings);

async Task<bool> Healthy(ServerProcess server)
{
    using var response = await http.GetAsync(server.BaseUrl + "/_emulator/health");
    return response.IsSuccessStatusCode;
}

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

static string FindRoot()
{
    var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SecurityGroups.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? throw new InvalidOperationException("run from inside the repository");
}

static void Run(string file, string arguments, string cwd)
{
    using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = cwd }) ?? throw new InvalidOperationException(file);
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{file} {arguments} failed");
    }
}

string Report(List<PhaseResult> compared, List<PhaseResult> ours, double startup, double rss, double populate, int startupGroups)
{
    var c = CultureInfo.InvariantCulture;
    var sb = new StringBuilder();
    var commit = Capture("git", "rev-parse --short HEAD", root).Trim();
    var memory = File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
    sb.AppendLine("# Benchmarks");
    sb.AppendLine();
    sb.AppendLine("Produced by `dotnet run -c Release --project bench/SecurityGroups.Bench` (add `--quick` for a short run). It starts this");
    sb.AppendLine("server (Release, fresh SQLite file) and `moto_server` on 127.0.0.1 and runs the same workload shape against both over raw");
    sb.AppendLine("HTTP with the same client: create groups (5x the groups below; the extra ones are deleted empty in the delete phase),");
    sb.AppendLine("authorize rules one per request, describe one group, list all groups in pages of 50, revoke. moto speaks the AWS EC2");
    sb.AppendLine("Query API (the equivalent Actions). Ratios are ours/moto, measured");
    sb.AppendLine("in the same run. No timing is asserted by any test.");
    sb.AppendLine();
    sb.AppendLine(string.Create(c, $"Run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, commit `{commit}`, {Environment.ProcessorCount} cores, {double.Parse(memory, c) / 1024 / 1024:0.0} GiB RAM, .NET {Environment.Version}; {groups} groups, {rulesPerGroup} rules each, one group with {bigRules} rules."));
    sb.AppendLine();
    sb.AppendLine("## Against moto");
    sb.AppendLine();
    sb.AppendLine("| phase | concurrency | ours req/s | ours p50 ms | ours p99 ms | moto req/s | moto p50 ms | moto p99 ms | ratio | errors (ours/moto) |");
    sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    foreach (var mine in compared.Where(r => r.Server == "SecurityGroups"))
    {
        var theirs = compared.First(r => r.Server == "moto" && r.Phase == mine.Phase && r.Concurrency == mine.Concurrency);
        sb.AppendLine(string.Create(c, $"| {mine.Phase} | {mine.Concurrency} | {mine.Rps:0} | {mine.P50Ms:0.00} | {mine.P99Ms:0.00} | {theirs.Rps:0} | {theirs.P50Ms:0.00} | {theirs.P99Ms:0.00} | {mine.Rps / theirs.Rps:0.0}x | {mine.Errors} ({mine.ServerErrors} 5xx) / {theirs.Errors} |"));
    }

    sb.AppendLine();
    sb.AppendLine("## This server alone (concurrency 16)");
    sb.AppendLine();
    sb.AppendLine("| phase | req/s | p50 ms | p99 ms | errors |");
    sb.AppendLine("|---|---:|---:|---:|---|");
    foreach (var r in ours)
    {
        sb.AppendLine(string.Create(c, $"| {r.Phase} | {r.Rps:0} | {r.P50Ms:0.00} | {r.P99Ms:0.00} | {r.Errors} ({r.ServerErrors} 5xx) |"));
    }

    if (ours.FirstOrDefault(r => r.Phase.StartsWith("evaluate batches", StringComparison.Ordinal)) is { } batches)
    {
        sb.AppendLine();
        sb.AppendLine(string.Create(c, $"Evaluation in batches of 1,000 over HTTP: {batches.Rps * 1000:0} packets/s (JSON parsing and the response included)."));
    }

    sb.AppendLine();
    sb.AppendLine(string.Create(c, $"Start-up on a database of {startupGroups} groups and {startupGroups * 10} rules (filled in {populate:0.0} s over HTTP): first successful DescribeSecurityGroups after {startup:0.00} s; peak RSS after 200 listings {rss:0} MiB."));
    sb.AppendLine();
    sb.AppendLine("Targets (issue 7): ≥20x moto at concurrency 16 on every phase; reads ≥4,000 req/s with p99 ≤15 ms; writes ≥1,000 req/s");
    sb.AppendLine("(≥400 with FULL), p99 ≤50 ms, no 5xx; start-up ≤2 s; RSS ≤256 MiB. See the notes below the tables for what was missed.");
    return sb.ToString();
}

static string Capture(string file, string arguments, string cwd)
{
    using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = cwd, RedirectStandardOutput = true })!;
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    return output;
}
