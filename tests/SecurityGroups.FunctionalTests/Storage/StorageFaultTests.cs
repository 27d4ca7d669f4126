using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace SecurityGroups.FunctionalTests.Storage;

/// <summary>
/// Real storage faults, no mocks: a database another connection holds locked (<c>SQLITE_BUSY</c>), and a disk with no
/// room left (the server's file-size limit cut to one byte: every write fails with <c>EFBIG</c>, root included). A write
/// then answers 503 <c>ServiceUnavailable</c> in the Alibaba envelope and changes nothing (a ClientToken is not
/// remembered either); reads still work; health is 503 until the storage takes writes again, then 200 without any
/// client write; the next write succeeds.
/// </summary>
public sealed class StorageFaultTests
{
    [Fact]
    public async Task LockedDatabase_Answers503_ChangesNothing_AndRecovers()
    {
        var dir = Directory.CreateTempSubdirectory("sg-locked").FullName;
        var database = Path.Combine(dir, "locked.db");
        try
        {
            // Default Timeout: how long a write waits for the lock before it gives up (1 s keeps the test short).
            using var factory = new CustomEmulatorFactory(database, new Dictionary<string, string?>
            {
                ["ConnectionStrings:SecurityGroups"] = $"Data Source={database};Default Timeout=1",
            });
            var client = factory.Acs();
            var existing = (await client.Ecs("CreateSecurityGroup", ("RegionId", "cn-hangzhou"))).Ok().GetProperty("SecurityGroupId").GetString()!;
            await AssertHealth(client.Http, 200);

            using (var locker = new SqliteConnection($"Data Source={database};Pooling=False"))
            {
                locker.Open();
                using (var begin = locker.CreateCommand())
                {
                    begin.CommandText = "BEGIN EXCLUSIVE;";
                    begin.ExecuteNonQuery();
                }

                await AssertWritesRefused(client, existing);
                await AssertHealth(client.Http, 503);
                Assert.Equal([existing], await GroupIds(client)); // reads still work while the writer is locked out

                using var rollback = locker.CreateCommand();
                rollback.CommandText = "ROLLBACK;";
                rollback.ExecuteNonQuery();
            }

            await AssertHealth(client.Http, 200); // recovered by itself: no client write needed
            await AssertNothingChanged(client, existing);
            await AssertWritesSucceed(client, existing);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task FullDisk_Answers503_ChangesNothing_AndRecovers()
    {
        var dir = Directory.CreateTempSubdirectory("sg-full").FullName;
        var database = Path.Combine(dir, "full.db");
        try
        {
            using (var server = await EmulatorProcess.StartAsync(database, new Dictionary<string, string>(), fileSizeLimitable: true))
            {
                var client = new AcsClient(server.Http);
                var existing = (await client.Ecs("CreateSecurityGroup", ("RegionId", "cn-hangzhou"))).Ok().GetProperty("SecurityGroupId").GetString()!;

                FileSizeLimit.Exhaust(server.ProcessId);
                await AssertWritesRefused(client, existing);
                await AssertHealth(client.Http, 503);
                await AssertHealth(client.Http, 503); // stays unhealthy while the disk is full, not just once
                Assert.Equal([existing], await GroupIds(client));

                FileSizeLimit.Lift(server.ProcessId);
                await AssertHealth(client.Http, 200);
                await AssertNothingChanged(client, existing);
                await AssertWritesSucceed(client, existing);
            }

            using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
            connection.Open();
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            Assert.Equal("ok", check.ExecuteScalar() as string);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>A create (with a ClientToken), a rule and a rename: each 503 ServiceUnavailable in the Alibaba envelope.</summary>
    private static async Task AssertWritesRefused(AcsClient client, string existing)
    {
        (await client.Ecs("CreateSecurityGroup", ("RegionId", "cn-hangzhou"), ("ClientToken", "fault-token"), ("SecurityGroupName", "during-fault")))
            .Error("ServiceUnavailable", 503);
        (await client.Ecs("AuthorizeSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", existing),
            ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "10.0.0.0/8"))).Error("ServiceUnavailable", 503);
        (await client.Ecs("ModifySecurityGroupAttribute", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", existing),
            ("SecurityGroupName", "renamed-during-fault"))).Error("ServiceUnavailable", 503);
    }

    private static async Task AssertNothingChanged(AcsClient client, string existing)
    {
        Assert.Equal([existing], await GroupIds(client));
        var attribute = (await client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", existing))).Ok();
        Assert.Empty(attribute.GetProperty("Permissions").GetProperty("Permission").EnumerateArray());
        Assert.NotEqual("renamed-during-fault", attribute.GetProperty("SecurityGroupName").GetString());
    }

    /// <summary>After recovery: the refused ClientToken creates anew (its failure was not stored), and a rule goes in.</summary>
    private static async Task AssertWritesSucceed(AcsClient client, string existing)
    {
        var created = (await client.Ecs("CreateSecurityGroup", ("RegionId", "cn-hangzhou"), ("ClientToken", "fault-token"), ("SecurityGroupName", "during-fault")))
            .Ok().GetProperty("SecurityGroupId").GetString()!;
        (await client.Ecs("AuthorizeSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", existing),
            ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "10.0.0.0/8"))).Ok();
        Assert.Equal(new[] { existing, created }.Order(), (await GroupIds(client)).Order());
        var attribute = (await client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", existing))).Ok();
        Assert.Single(attribute.GetProperty("Permissions").GetProperty("Permission").EnumerateArray());
        await AssertHealth(client.Http, 200);
    }

    private static async Task<string[]> GroupIds(AcsClient client) =>
        [.. (await client.Ecs("DescribeSecurityGroups", ("RegionId", "cn-hangzhou"))).Ok()
            .GetProperty("SecurityGroups").GetProperty("SecurityGroup").EnumerateArray()
            .Select(g => g.GetProperty("SecurityGroupId").GetString()!)];

    private static async Task AssertHealth(HttpClient http, int status)
    {
        using var response = await http.GetAsync("/_emulator/health");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"health: expected {status}, got {(int)response.StatusCode}: {text}");
        var storage = JsonDocument.Parse(text).RootElement.GetProperty("Checks").GetProperty("storage");
        Assert.Equal(status == 200 ? "Healthy" : "Unhealthy", storage.GetProperty("Status").GetString());
    }
}
