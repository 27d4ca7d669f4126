using System.Text;
using System.Text.Json;

namespace SecurityGroups.FunctionalTests.Protocol;

/// <summary>
/// Strict mode, every emulator endpoint that names a resource (docs/security.md, "Accounts"): a second account, signing
/// with its own key, names the first account's snapshot, instance, ENI, group and VPC in paths, bodies and queries. Each
/// is that resource's <c>…NotFound</c> (or, for the account-wide reads, an answer without it), and nothing is stored.
/// </summary>
public sealed class EmulatorCrossAccountTests(StrictEmulatorFactory factory) : IClassFixture<StrictEmulatorFactory>
{
    private const string Region = "cn-hangzhou";
    private readonly AcsClient _client = factory.Acs();

    [Fact]
    public async Task SecondAccount_NamingTheFirstAccountsResources_OnEveryEndpoint_FindsNothingAndChangesNothing()
    {
        var a = await ArrangeFirstAccountAsync();
        var before = DatabaseSnapshot.Take(factory);

        (string Method, string Path, string? Body, string Code, int Status)[] attempts =
        [
            ("GET", $"/_emulator/snapshots/{a.Snapshot}/diff", null, "InvalidSnapshotId.NotFound", 404),
            ("POST", $"/_emulator/snapshots/{a.Snapshot}/restore", """{"DryRun":true}""", "InvalidSnapshotId.NotFound", 404),
            ("POST", $"/_emulator/snapshots/{a.Snapshot}/restore", "{}", "InvalidSnapshotId.NotFound", 404),
            ("POST", "/_emulator/traffic/evaluate", Json(new { RegionId = Region, InstanceId = a.Instance, Direction = "ingress", IpProtocol = "TCP", SourceIp = "1.2.3.4", DestinationPort = 22 }), "InvalidInstanceId.NotFound", 404),
            ("POST", "/_emulator/traffic/evaluate", Json(new { RegionId = Region, NetworkInterfaceId = a.Eni, Direction = "ingress", IpProtocol = "TCP", SourceIp = "1.2.3.4", DestinationPort = 22 }), "InvalidEniId.NotFound", 404),
            ("POST", "/_emulator/traffic/evaluate", Json(new { RegionId = Region, SecurityGroupIds = new[] { a.Group }, Direction = "ingress", IpProtocol = "TCP", SourceIp = "1.2.3.4", DestinationIp = "10.1.0.9", DestinationPort = 22 }), "InvalidSecurityGroupId.NotFound", 404),
            ("POST", "/_emulator/traffic/reachability", Json(new { RegionId = Region, Source = new { Ip = "1.2.3.4" }, Destination = new { InstanceId = a.Instance }, IpProtocol = "TCP", DestinationPort = 22 }), "InvalidInstanceId.NotFound", 404),
            ("POST", "/_emulator/traffic/reachability", Json(new { RegionId = Region, Source = new { NetworkInterfaceId = a.Eni }, Destination = new { NetworkInterfaceId = a.Eni }, IpProtocol = "TCP", DestinationPort = 22 }), "InvalidEniId.NotFound", 404),
            ("POST", "/_emulator/traffic/diagnose", Json(new { RegionId = Region, InstanceId = a.Instance, SourceIp = "1.2.3.4" }), "InvalidInstanceId.NotFound", 404),
            ("POST", "/_emulator/traffic/exposure", Json(new { RegionId = Region, InstanceId = a.Instance, Direction = "ingress", IpProtocol = "TCP", Port = 22 }), "InvalidInstanceId.NotFound", 404),
            ("POST", "/_emulator/traffic/exposure", Json(new { RegionId = Region, SecurityGroupIds = new[] { a.Group }, Direction = "ingress", IpProtocol = "TCP", Port = 22 }), "InvalidSecurityGroupId.NotFound", 404),
            ("POST", "/_emulator/traffic/matrix", Json(new { RegionId = Region, Sources = new[] { a.Instance }, Destinations = new[] { a.Instance }, IpProtocol = "TCP", DestinationPort = 22 }), "InvalidInstanceId.NotFound", 404),
            ("POST", "/_emulator/traffic/matrix", Json(new { RegionId = Region, SourceVpcId = a.Vpc, DestinationVpcId = a.Vpc, IpProtocol = "TCP", DestinationPort = 22 }), "InvalidVpcId.NotFound", 404),
            ("GET", $"/_emulator/security-groups/{a.Group}/rules?RegionId={Region}", null, "InvalidSecurityGroupId.NotFound", 404),
            ("POST", $"/_emulator/security-groups/{a.Group}/rules?RegionId={Region}", """[{"IpProtocol":"TCP","PortRange":"80/80","SourceCidrIp":"0.0.0.0/0"}]""", "InvalidSecurityGroupId.NotFound", 404),
            ("POST", $"/_emulator/security-groups/{a.Group}/clone", Json(new { RegionId = Region }), "InvalidSecurityGroupId.NotFound", 404),
            ("POST", $"/_emulator/security-groups/{a.Group}/flags", Json(new { RegionId = Region, DeletionProtection = true }), "InvalidSecurityGroupId.NotFound", 404),
            ("POST", "/_emulator/reset", """{"AllAccounts":true}""", "Forbidden.RAM", 403),
        ];

        foreach (var (method, path, body, code, status) in attempts)
        {
            var result = await _client.Send(Signed(method, path, body, "test2", "secret2"));
            Assert.True(result.Code == code && (int)result.Status == status, $"{method} {path}: {(int)result.Status} {result.Text}");
        }

        var findings = await _client.Send(Signed("GET", $"/_emulator/findings?RegionId={Region}", null, "test2", "secret2"));
        Assert.DoesNotContain(a.Group, findings.Ok().GetRawText(), StringComparison.Ordinal);
        var snapshots = await _client.Send(Signed("GET", "/_emulator/snapshots", null, "test2", "secret2"));
        Assert.Equal(0, snapshots.Ok().GetProperty("TotalCount").GetInt32());
        Assert.Equal(before, DatabaseSnapshot.Take(factory));
    }

    private static string Json(object body) => JsonSerializer.Serialize(body);

    /// <summary>ACS3-signed, query included (a GET's query is signed as the SDKs sign it).</summary>
    private static HttpRequestMessage Signed(string method, string path, string? body, string key, string secret)
    {
        var question = path.IndexOf('?', StringComparison.Ordinal);
        var query = question < 0 ? [] : path[(question + 1)..].Split('&').Select(p => p.Split('=')).Select(p => (p[0], p[1])).ToArray();
        return Signers.Acs3("Emulator", "emulator", query, key, secret, path: question < 0 ? path : path[..question],
            body: body is null ? null : Encoding.UTF8.GetBytes(body), contentType: body is null ? null : "application/json", method: new HttpMethod(method));
    }

    private async Task<JsonElement> Ecs(string action, string version, params (string, string)[] parameters)
    {
        using var request = Signers.Acs3(action, version, [("RegionId", Region), .. parameters], "test", "test");
        return (await _client.Send(request)).Ok();
    }

    private async Task<(string Vpc, string Group, string Instance, string Eni, long Snapshot)> ArrangeFirstAccountAsync()
    {
        var vpc = (await Ecs("CreateVpc", AcsClient.VpcVersion, ("CidrBlock", "10.0.0.0/8"))).GetProperty("VpcId").GetString()!;
        var vSwitch = (await Ecs("CreateVSwitch", AcsClient.VpcVersion, ("VpcId", vpc), ("ZoneId", "cn-hangzhou-h"), ("CidrBlock", "10.1.0.0/16")))
            .GetProperty("VSwitchId").GetString()!;
        var group = (await Ecs("CreateSecurityGroup", AcsClient.EcsVersion, ("VpcId", vpc))).GetProperty("SecurityGroupId").GetString()!;
        await Ecs("AuthorizeSecurityGroup", AcsClient.EcsVersion, ("SecurityGroupId", group), ("Permissions.1.IpProtocol", "TCP"),
            ("Permissions.1.PortRange", "22/22"), ("Permissions.1.SourceCidrIp", "0.0.0.0/0"));
        var instance = (await Ecs("RunInstances", AcsClient.EcsVersion, ("VSwitchId", vSwitch), ("SecurityGroupId", group)))
            .GetProperty("InstanceIdSets").GetProperty("InstanceIdSet")[0].GetString()!;
        var eni = (await Ecs("CreateNetworkInterface", AcsClient.EcsVersion, ("VSwitchId", vSwitch), ("SecurityGroupId", group)))
            .GetProperty("NetworkInterfaceId").GetString()!;
        var snapshot = (await _client.Send(Signed("POST", "/_emulator/snapshots", Json(new { RegionId = Region }), "test", "test"))).Ok()
            .GetProperty("SnapshotId").GetInt64();
        return (vpc, group, instance, eni, snapshot);
    }
}
