using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace SecurityGroups.FunctionalTests.Storage;

/// <summary>
/// <c>kill -9</c> in the middle of concurrent writes, three times over on one database file: every acknowledged
/// CreateSecurityGroup (with its tag, written in the same transaction) and every acknowledged rule is there after the
/// restart, a ClientToken retry returns the first answer, and SQLite's integrity check passes. The kill comes after a
/// number of acknowledgements, not after a time, so the test asserts no timing.
/// </summary>
public sealed class CrashDurabilityTests
{
    private const int Writers = 4;
    private const int AcknowledgedPerRound = 40;

    [Theory]
    [InlineData("Normal")]
    [InlineData("Full")]
    public async Task EveryAcknowledgedWrite_SurvivesKill9(string synchronous)
    {
        var dir = Directory.CreateTempSubdirectory("sg-crash").FullName;
        var database = Path.Combine(dir, "crash.db");
        try
        {
            var settings = new Dictionary<string, string>
            {
                ["Storage__Synchronous"] = synchronous,
                ["Quotas__SecurityGroupsPerRegion"] = "100000",
            };
            var groups = new ConcurrentDictionary<string, string>(); // ClientToken -> acknowledged group
            var rules = new ConcurrentBag<(string Group, int Port)>();

            for (var round = 0; round < 3; round++)
            {
                using var server = await EmulatorProcess.StartAsync(database, settings);
                var target = groups.Count + rules.Count + AcknowledgedPerRound;
                var killed = 0; // set just before the kill: a call that fails after it is expected, one before it is a crash
                var earlyFailures = new ConcurrentQueue<Exception>();
                var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
                {
                    for (var i = 0; ; i++)
                    {
                        var token = $"r{round}w{w}n{i}";
                        var (created, createFailure) = await TryWrite(server.Http, CreateQuery(token));
                        if (created is null)
                        {
                            NoteFailure(createFailure!);
                            return;
                        }

                        var group = created.Value.GetProperty("SecurityGroupId").GetString()!;
                        groups[token] = group;
                        var port = 1000 + i;
                        var (authorized, authorizeFailure) = await TryWrite(server.Http,
                            $"Action=AuthorizeSecurityGroup&Version=2014-05-26&RegionId=cn-hangzhou&SecurityGroupId={group}" +
                            $"&Permissions.1.IpProtocol=TCP&Permissions.1.PortRange={port}/{port}&Permissions.1.SourceCidrIp=10.0.0.0/8");
                        if (authorized is null)
                        {
                            NoteFailure(authorizeFailure!);
                            return;
                        }

                        rules.Add((group, port));
                    }
                })).ToList();

                while (groups.Count + rules.Count < target && writers.Any(t => !t.IsCompleted))
                {
                    await Task.Delay(2);
                }

                Volatile.Write(ref killed, 1);
                server.KillHard();
                await Task.WhenAll(writers); // each ends at its first call that the kill cut off

                // Honest about the server: none of its calls may fail before the kill, and the kill came after the target.
                Assert.True(earlyFailures.IsEmpty, $"the server stopped answering before it was killed: {earlyFailures.FirstOrDefault()}");
                Assert.True(groups.Count + rules.Count >= target, $"round {round}: only {groups.Count + rules.Count} of {target} writes acknowledged");

                void NoteFailure(Exception failure)
                {
                    if (Volatile.Read(ref killed) == 0)
                    {
                        earlyFailures.Enqueue(failure);
                    }
                }
            }

            Assert.True(groups.Count >= 3 * AcknowledgedPerRound / 2, $"only {groups.Count} groups were acknowledged");
            using (var server = await EmulatorProcess.StartAsync(database, settings))
            {
                var stored = await AllGroups(server.Http);
                foreach (var (token, group) in groups)
                {
                    Assert.True(stored.TryGetValue(group, out var tag), $"acknowledged group {group} is gone after kill -9");
                    Assert.Equal(token, tag); // the group and its tag were committed together
                }

                foreach (var group in rules.Select(r => r.Group).Distinct())
                {
                    var attribute = await Call(server.Http, $"Action=DescribeSecurityGroupAttribute&Version=2014-05-26&RegionId=cn-hangzhou&SecurityGroupId={group}");
                    var ports = attribute.GetProperty("Permissions").GetProperty("Permission").EnumerateArray()
                        .Select(p => p.GetProperty("PortRange").GetString()).ToHashSet();
                    Assert.All(rules.Where(r => r.Group == group), r => Assert.Contains($"{r.Port}/{r.Port}", ports));
                }

                foreach (var (token, group) in groups.Take(10))
                {
                    var replay = await Call(server.Http, CreateQuery(token));
                    Assert.Equal(group, replay.GetProperty("SecurityGroupId").GetString());
                }
            }

            using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
            {
                connection.Open();
                using var check = connection.CreateCommand();
                check.CommandText = "PRAGMA integrity_check";
                Assert.Equal("ok", check.ExecuteScalar() as string);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string CreateQuery(string token) =>
        $"Action=CreateSecurityGroup&Version=2014-05-26&RegionId=cn-hangzhou&ClientToken={token}&Tag.1.Key=token&Tag.1.Value={token}";

    /// <summary>
    /// A write while the server may be killed: the body of its 200 answer, or null and the exception when the transport
    /// failed (the kill cuts the call off at any point: refused or reset connection, half-read answer). An HTTP answer
    /// other than 200 fails the test: a live server must acknowledge every write.
    /// </summary>
    private static async Task<(JsonElement? Body, Exception? Failure)> TryWrite(HttpClient http, string query)
    {
        HttpResponseMessage response;
        string text;
        try
        {
            response = await http.PostAsync("/?" + query, null);
            text = await response.Content.ReadAsStringAsync();
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            return (null, ex);
        }

        using (response)
        {
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
            return (JsonDocument.Parse(text).RootElement.Clone(), null);
        }
    }

    /// <summary>A call to a server that is up: the body of its 200 answer; anything else fails the test.</summary>
    private static async Task<JsonElement> Call(HttpClient http, string query)
    {
        using var response = await http.PostAsync("/?" + query, null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Every group in the region with the value of its <c>token</c> tag.</summary>
    private static async Task<Dictionary<string, string>> AllGroups(HttpClient http)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        string? next = null;
        do
        {
            var page = await Call(http, "Action=DescribeSecurityGroups&Version=2014-05-26&RegionId=cn-hangzhou&MaxResults=100"
                + (next is null ? "" : "&NextToken=" + Uri.EscapeDataString(next)));
            foreach (var group in page.GetProperty("SecurityGroups").GetProperty("SecurityGroup").EnumerateArray())
            {
                var tag = group.GetProperty("Tags").GetProperty("Tag").EnumerateArray().Single(t => t.GetProperty("TagKey").GetString() == "token");
                all[group.GetProperty("SecurityGroupId").GetString()!] = tag.GetProperty("TagValue").GetString()!;
            }

            next = page.TryGetProperty("NextToken", out var token) && token.GetString() is { Length: > 0 } t ? t : null;
        }
        while (next is not null);
        return all;
    }
}
