using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace SecurityGroups.Bench;

/// <summary>
/// Issue 14: one workload at concurrency 16 against this server on SQLite (one process), on PostgreSQL with one replica,
/// and on PostgreSQL with two replicas (each request to the next replica in turn, as a round-robin load balancer sends
/// them; no proxy). Each configuration gets a fresh database. PostgreSQL is the one given (<c>--postgres</c>, a base
/// Npgsql connection string without Database) or a private one started with tests/postgres.sh (fsync on unless
/// <c>--pg-fsync off</c>; on <c>--pg-port</c>, else a free port). During the write phases on PostgreSQL, <see cref="LockSampler"/> profiles the writers' row lock.
/// </summary>
internal sealed class ProvidersBenchmark(HttpClient http, string dll, IReadOnlyDictionary<string, string> settings, bool quick)
{
    private const int Concurrency = 16;
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    private readonly List<PhaseResult> _results = [];
    private readonly Dictionary<(string Configuration, string Phase), LockProfile> _profiles = [];

    /// <summary>The configurations, in the order they run and are shown.</summary>
    public static readonly (string Name, int Replicas)[] Configurations = [("SQLite", 0), ("PostgreSQL, 1 replica", 1), ("PostgreSQL, 2 replicas", 2)];

    private int Groups => quick ? 100 : 500;

    private int Reads => quick ? 500 : 3000;

    /// <summary>What the PostgreSQL server was (version, fsync, synchronous_commit), for the report.</summary>
    public string PostgresDescription { get; private set; } = "";

    public async Task RunAsync(string root, string? postgres, bool fsync, int? port)
    {
        var folder = postgres is null ? Directory.CreateTempSubdirectory("sg-bench-pg").FullName : null;
        if (folder is not null)
        {
            Console.WriteLine($"Starting a private PostgreSQL (tests/postgres.sh, fsync {(fsync ? "on" : "off")}) in {folder}...");
            postgres = StartPostgres(root, folder, fsync, port ?? ServerProcess.FreePort());
        }

        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", C);
        var databases = new List<string>();
        try
        {
            PostgresDescription = await DescribeAsync(postgres!);
            foreach (var (name, replicas) in Configurations)
            {
                Console.WriteLine($"== {name}");
                var database = replicas == 0 ? null : $"sgbench_{replicas}_{stamp}";
                if (database is not null)
                {
                    databases.Add(database);
                }

                await RunConfigurationAsync(name, replicas, postgres!, database);
            }
        }
        finally
        {
            if (folder is not null)
            {
                Run(Path.Combine(root, "tests", "postgres.sh"), $"stop \"{folder}\"", root, fsync: null);
            }
            else
            {
                await DropAsync(postgres!, databases);
            }
        }
    }

    private async Task RunConfigurationAsync(string name, int replicas, string postgres, string? database)
    {
        var servers = new List<ServerProcess>();
        var folders = new List<string>();
        try
        {
            for (var i = 0; i < Math.Max(1, replicas); i++)
            {
                var own = new Dictionary<string, string>(settings);
                if (database is not null)
                {
                    own["Storage__Provider"] = "Postgres";
                    own["ConnectionStrings__SecurityGroups"] = $"{postgres};Database={database}";
                    own["Storage__ReplicaId"] = $"bench-replica{i + 1}";
                }

                // Replicas start at once, on a database that does not exist yet (created and migrated by one of them).
                folders.Add(Directory.CreateTempSubdirectory("sg-bench-providers").FullName);
                servers.Add(ServerProcess.StartEmulator(dll, folders[^1], own));
            }

            foreach (var server in servers)
            {
                await server.WaitAsync(async () =>
                {
                    using var response = await http.GetAsync(server.BaseUrl + "/_emulator/health");
                    return response.IsSuccessStatusCode;
                }, Stopwatch.StartNew(), TimeSpan.FromSeconds(60));
            }

            var target = new EmulatorTarget(http, [.. servers.Select(s => s.BaseUrl)]);
            await WarmUpAsync(target, servers.Count);
            await WorkloadAsync(name, target, postgres, database);
        }
        finally
        {
            foreach (var server in servers)
            {
                server.Dispose();
            }

            foreach (var folder in folders)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    // Every path on every replica before measuring (JIT, EF query compilation, connection pools); not recorded.
    private static async Task WarmUpAsync(EmulatorTarget target, int replicas)
    {
        for (var i = 0; i < 30 * replicas; i++)
        {
            var group = await target.CreateGroupAsync(100000 + i);
            await target.AuthorizeAsync(group, 9);
            await target.DescribeGroupAsync(group);
            await target.EvaluateAsync(EvaluationBodies.OnePacket(group));
            await target.Call("Action=DescribeRegions&Version=2014-05-26");
            await target.RevokeAsync(group, 9);
            await target.DeleteGroupAsync(group);
        }

        await target.ListAllAsync();
    }

    private async Task WorkloadAsync(string configuration, EmulatorTarget target, string postgres, string? database)
    {
        var ids = new string[Groups];
        await Measure(configuration, "create groups", ids.Length, async i => ids[i] = await target.CreateGroupAsync(i), postgres, database);
        await Measure(configuration, "authorize rules (one per request)", ids.Length * 3, i => target.AuthorizeAsync(ids[i % ids.Length], 1000 + (i / ids.Length)), postgres, database);
        var big = await target.CreateGroupAsync(-1);
        for (var p = 0; p < 200; p++)
        {
            await target.AuthorizeAsync(big, 2000 + p);
        }

        await Measure(configuration, "describe one group with 200 rules", Reads, _ => target.DescribeGroupAsync(big), postgres, null);
        await Measure(configuration, $"list all {ids.Length + 1} groups (pages of 50), per list", quick ? 20 : 100, _ => target.ListAllAsync(), postgres, null);
        await Measure(configuration, "DescribeRegions (no database)", Reads * 2, _ => target.Call("Action=DescribeRegions&Version=2014-05-26"), postgres, null);
        var single = EvaluationBodies.OnePacket(big);
        await Measure(configuration, "evaluate one packet with trace (200 rules)", Reads, _ => target.EvaluateAsync(single), postgres, null);
        await Measure(configuration, "revoke rules (one per request)", ids.Length * 3, i => target.RevokeAsync(ids[i % ids.Length], 1000 + (i / ids.Length)), postgres, database);
        await Measure(configuration, "delete groups", ids.Length, i => target.DeleteGroupAsync(ids[i]), postgres, database);
    }

    /// <summary>Runs one phase; with <paramref name="sampled"/> (a PostgreSQL database), profiles the row lock meanwhile.</summary>
    private async Task Measure(string configuration, string phase, int count, Func<int, Task> operation, string postgres, string? sampled)
    {
        await using var sampler = sampled is null ? null : await LockSampler.StartAsync(postgres, sampled);
        var result = await Phase.RunAsync(phase, configuration, Concurrency, count, operation);
        if (sampler is not null)
        {
            _profiles[(configuration, phase)] = await sampler.StopAsync();
        }

        _results.Add(result);
        Console.WriteLine(string.Create(C, $"  {phase,-55} {result.Rps,8:0} req/s  p50 {result.P50Ms,7:0.00} ms  p99 {result.P99Ms,7:0.00} ms  errors {result.Errors} ({result.ServerErrors} 5xx)"));
    }

    /// <summary>The generated part of docs/benchmarks.md: figures side by side, ratios to SQLite, and the row-lock profile.</summary>
    public string Table(string header)
    {
        var sb = new StringBuilder();
        sb.AppendLine(header);
        sb.AppendLine();
        var names = Configurations.Select(c => c.Name).ToArray();
        sb.Append("| phase (concurrency 16) |");
        foreach (var name in names)
        {
            sb.Append(C, $" {name} req/s | p50 ms | p99 ms |");
            if (name != names[0])
            {
                sb.Append(" vs SQLite |");
            }
        }

        sb.AppendLine(" errors |");
        sb.Append("|---|");
        sb.Append(string.Concat(Enumerable.Repeat("---:|", (names.Length * 4) - 1)));
        sb.AppendLine("---|");
        foreach (var phase in _results.Select(r => r.Phase).Distinct())
        {
            var row = names.Select(n => _results.First(r => r.Server == n && r.Phase == phase)).ToArray();
            sb.Append(C, $"| {phase} |");
            foreach (var r in row)
            {
                sb.Append(C, $" {r.Rps:0} | {r.P50Ms:0.00} | {r.P99Ms:0.00} |");
                if (r != row[0])
                {
                    sb.Append(C, $" {r.Rps / row[0].Rps:0.00}x |");
                }
            }

            sb.AppendLine(" " + string.Join(" / ", row.Select(r => string.Create(C, $"{r.Errors} ({r.ServerErrors} 5xx)"))) + " |");
        }

        sb.AppendLine();
        sb.AppendLine("The writers' row lock on PostgreSQL during the write phases (pg_stat_activity sampled every ~5 ms): how often a");
        sb.AppendLine("transaction held it, what the holder was doing, and how many writers waited for it on average.");
        sb.AppendLine();
        sb.AppendLine("| phase | configuration | samples | lock held | holder executing a statement | holder flushing WAL at commit | holder idle in transaction (replica's turn) | writers waiting (mean) |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var ((configuration, phase), p) in _profiles)
        {
            sb.AppendLine(string.Create(C, $"| {phase} | {configuration} | {p.Samples} | {p.Percent(p.Held):0}% | {p.PercentOfHeld(p.Executing):0}% | {p.PercentOfHeld(p.Flushing):0}% | {p.PercentOfHeld(p.BetweenStatements):0}% | {p.MeanWaiting:0.0} |"));
        }

        return sb.ToString();
    }

    private static string StartPostgres(string root, string folder, bool fsync, int port) =>
        Run(Path.Combine(root, "tests", "postgres.sh"), string.Create(C, $"start \"{folder}\" {port}"), root, fsync).Trim();

    private static async Task<string> DescribeAsync(string postgres)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit')", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return $"PostgreSQL {reader.GetString(0)} (fsync {reader.GetString(1)}, synchronous_commit {reader.GetString(2)})";
    }

    private static async Task DropAsync(string postgres, IEnumerable<string> databases)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        foreach (var database in databases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static string Run(string script, string arguments, string cwd, bool? fsync)
    {
        var info = new ProcessStartInfo("bash", $"\"{script}\" {arguments}") { WorkingDirectory = cwd, RedirectStandardOutput = true };
        if (fsync is { } on)
        {
            info.Environment["PG_FSYNC"] = on ? "on" : "off";
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException(script);
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{script} {arguments} failed");
    }
}
