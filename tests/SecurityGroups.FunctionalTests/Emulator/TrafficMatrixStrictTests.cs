using System.Text.Json;

namespace SecurityGroups.FunctionalTests.Emulator;

/// <summary>
/// POST /_emulator/traffic/matrix in Strict mode: served when signed ACS3-HMAC-SHA256 over path and body, refused
/// unsigned, and an account sees only its own instances and VPCs (another account's ids are not found, as DescribeInstances
/// would answer, so nothing of their state shows).
/// </summary>
public sealed class TrafficMatrixStrictTests(StrictEmulatorFactory factory) : IClassFixture<StrictEmulatorFactory>
{
    private readonly AcsClient _client = factory.Acs();

    [Fact]
    public async Task Matrix_IsServedSigned_RefusedUnsigned_AndKeepsEachAccountToItsOwnInstances()
    {
        var (vpc, mine) = await LaunchAsync("test", "test", "10.10.0.0/16");
        var (otherVpc, theirs) = await LaunchAsync("test2", "secret2", "10.20.0.0/16");
        object Body(IEnumerable<string> sources, IEnumerable<string> destinations) =>
            new { RegionId = "cn-hangzhou", Sources = sources, Destinations = destinations, IpProtocol = "TCP", DestinationPort = 22 };

        var served = (await MatrixAsync("test", "test", Body(mine, mine))).Ok();
        Assert.Equal(mine, served.GetProperty("Sources").EnumerateArray().Select(s => s.GetString()!).ToList());
        Assert.Equal(2, served.GetProperty("Cells").GetArrayLength());
        (await MatrixAsync("test", "test", new { RegionId = "cn-hangzhou", SourceVpcId = vpc, DestinationVpcId = vpc, IpProtocol = "UDP", DestinationPort = 53 })).Ok();

        // Another account's instance, alone or beside one's own, on either side; another account's VPC.
        (await MatrixAsync("test", "test", Body(theirs, mine))).Error("InvalidInstanceId.NotFound", 404);
        (await MatrixAsync("test", "test", Body(mine, [mine[0], theirs[0]]))).Error("InvalidInstanceId.NotFound", 404);
        (await MatrixAsync("test2", "secret2", Body(theirs, mine))).Error("InvalidInstanceId.NotFound", 404);
        (await MatrixAsync("test", "test", new { RegionId = "cn-hangzhou", SourceVpcId = otherVpc, Destinations = mine, IpProtocol = "TCP", DestinationPort = 22 }))
            .Error("InvalidVpcId.NotFound", 404);
        (await MatrixAsync("test2", "secret2", Body(theirs, theirs))).Ok();

        // Unsigned, and signed with a wrong secret.
        using var unsigned = new HttpRequestMessage(HttpMethod.Post, "/_emulator/traffic/matrix")
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(Body(mine, mine))),
        };
        unsigned.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        (await _client.Send(unsigned)).Error("MissingParameter", 400);
        (await MatrixAsync("test", "wrong", Body(mine, mine))).Error("SignatureDoesNotMatch", 400);
    }

    private async Task<AcsResult> MatrixAsync(string accessKeyId, string secret, object body)
    {
        using var request = Signers.Acs3("Matrix", "emulator", [], accessKeyId, secret, path: "/_emulator/traffic/matrix",
            body: JsonSerializer.SerializeToUtf8Bytes(body), contentType: "application/json");
        return await _client.Send(request);
    }

    /// <summary>A VPC, a vSwitch, a group and two instances of one account, every call signed.</summary>
    private async Task<(string Vpc, List<string> Instances)> LaunchAsync(string accessKeyId, string secret, string cidr)
    {
        async Task<JsonElement> Call(string action, string version, params (string Key, string Value)[] parameters)
        {
            using var request = Signers.Acs3(action, version, [("RegionId", "cn-hangzhou"), .. parameters], accessKeyId, secret);
            return (await _client.Send(request)).Ok();
        }

        var vpc = (await Call("CreateVpc", AcsClient.VpcVersion, ("CidrBlock", cidr))).GetProperty("VpcId").GetString()!;
        var vSwitch = (await Call("CreateVSwitch", AcsClient.VpcVersion, ("VpcId", vpc), ("ZoneId", "cn-hangzhou-h"), ("CidrBlock", cidr.Replace("0.0/16", "1.0/24", StringComparison.Ordinal))))
            .GetProperty("VSwitchId").GetString()!;
        var group = (await Call("CreateSecurityGroup", AcsClient.EcsVersion, ("VpcId", vpc))).GetProperty("SecurityGroupId").GetString()!;
        var instances = (await Call("RunInstances", AcsClient.EcsVersion, ("VSwitchId", vSwitch), ("SecurityGroupId", group), ("Amount", "2")))
            .GetProperty("InstanceIdSets").GetProperty("InstanceIdSet").EnumerateArray().Select(i => i.GetString()!).ToList();
        return (vpc, instances);
    }
}
