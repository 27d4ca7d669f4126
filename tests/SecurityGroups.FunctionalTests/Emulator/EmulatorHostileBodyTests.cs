using System.Net.Http.Headers;
using System.Text;

namespace SecurityGroups.FunctionalTests.Emulator;

/// <summary>
/// Bodies that no JSON reader can decode, on every emulator endpoint that reads one (docs/security.md, "Bad input and
/// faults"): a declared charset the bytes are not written in, and JSON escapes that name half a UTF-16 character. Each is
/// an Alibaba error (400), never a 5xx, and changes nothing.
/// </summary>
public sealed class EmulatorHostileBodyTests(EmulatorFactory factory) : EmulatorTest(factory)
{
    private const string Region = "cn-hangzhou";

    /// <summary>Every emulator POST that reads a JSON body ({0}: a security group of the caller; {1}: a snapshot of it).</summary>
    private static readonly string[] JsonEndpoints =
    [
        "/_emulator/reset", "/_emulator/traffic/evaluate", "/_emulator/traffic/reachability", "/_emulator/traffic/diagnose",
        "/_emulator/traffic/exposure", "/_emulator/traffic/matrix", "/_emulator/snapshots", "/_emulator/snapshots/{1}/restore",
        "/_emulator/security-groups/{0}/clone", "/_emulator/security-groups/{0}/flags", "/_emulator/security-groups/{0}/rules?RegionId=" + Region,
    ];

    [Theory]
    [InlineData("utf-16")]
    [InlineData("UTF-16LE")]
    public async Task BodyNotWrittenInItsDeclaredCharset_IsInvalidParameter_OnEveryEndpoint_AndChangesNothing(string charset)
    {
        var (groupId, snapshotId) = await ArrangeAsync();
        var before = DatabaseSnapshot.Take(Factory);

        foreach (var template in JsonEndpoints)
        {
            var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, groupId, snapshotId);
            // One byte: no UTF-16 text is an odd number of bytes long.
            var content = new ByteArrayContent("{"u8.ToArray());
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=" + charset);
            var result = await Client.Send(new HttpRequestMessage(HttpMethod.Post, path) { Content = content });

            // The rule import reads its file as UTF-8 whatever the charset, so its bytes are a bad file rather than a bad body.
            var code = path.Contains("/rules", StringComparison.Ordinal) ? "InvalidParameter.File" : "InvalidParameter";
            Assert.True(result.Status == HttpStatusCode.BadRequest && result.Code == code, $"{path}: {(int)result.Status} {result.Text}");
        }

        Assert.Equal(before, DatabaseSnapshot.Take(Factory));
    }

    [Fact]
    public async Task BodyInItsDeclaredUtf16_IsStillRead()
    {
        var content = new ByteArrayContent(Encoding.Unicode.GetBytes($$"""{"RegionId":"{{Region}}","Name":"utf16"}"""));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-16");

        var result = await Client.Send(new HttpRequestMessage(HttpMethod.Post, "/_emulator/snapshots") { Content = content });

        Assert.Equal("utf16", result.Ok().GetProperty("Snapshot").GetProperty("Name").GetString());
    }

    [Theory]
    [InlineData("/_emulator/snapshots", """{"RegionId":"cn-hangzhou","Name":"a","Name":"b"}""")]
    [InlineData("/_emulator/snapshots", """{"RegionId":"cn-hangzhou","regionId":"cn-beijing"}""")]
    [InlineData("/_emulator/reset", """{"AllAccounts":false,"allAccounts":true}""")]
    [InlineData("/_emulator/security-groups/{0}/flags", """{"RegionId":"cn-hangzhou","DeletionProtection":false,"DeletionProtection":true}""")]
    [InlineData("/_emulator/security-groups/{0}/rules?RegionId=cn-hangzhou",
        """[{"IpProtocol":"TCP","PortRange":"22/22","SourceCidrIp":"10.0.0.0/8","SourceCidrIp":"0.0.0.0/0"}]""")]
    public async Task JsonBody_WithOneMemberTwice_IsRefused_AndChangesNothing(string template, string body)
    {
        var (groupId, _) = await ArrangeAsync();
        var before = DatabaseSnapshot.Take(Factory);
        var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, groupId);

        var result = await Client.Send(new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") });

        Assert.True(result.Status == HttpStatusCode.BadRequest && result.Code!.StartsWith("InvalidParameter", StringComparison.Ordinal),
            $"{path}: {(int)result.Status} {result.Text}");
        Assert.Equal(before, DatabaseSnapshot.Take(Factory));
    }

    [Theory]
    [InlineData("""{"RegionId":"\ud800","Permissions":[]}""")]
    [InlineData("""[{"IpProtocol":"TCP","PortRange":"22/22","SourceCidrIp":"10.0.0.0/8","Description":"\udc00"}]""")]
    [InlineData("""[{"IpProtocol":"TCP","PortRange":"22/22","SourceCidrIp":"10.0.0.0/8","\ud83d":"x"}]""")]
    public async Task RuleImport_WithHalfAUtf16Character_IsInvalidFile_AndImportsNothing(string file)
    {
        var (groupId, _) = await ArrangeAsync();
        var before = DatabaseSnapshot.Take(Factory);

        var result = await Client.Send(new HttpRequestMessage(HttpMethod.Post, $"/_emulator/security-groups/{groupId}/rules?RegionId={Region}")
        {
            Content = new StringContent(file, Encoding.UTF8, "application/json"),
        });

        result.Error("InvalidParameter.File", 400);
        Assert.Equal(before, DatabaseSnapshot.Take(Factory));
    }

    private async Task<(string GroupId, long SnapshotId)> ArrangeAsync()
    {
        var vpcId = await CreateVpc();
        var groupId = await CreateGroup(vpcId);
        (await Client.Ecs("AuthorizeSecurityGroup", ("RegionId", Region), ("SecurityGroupId", groupId), ("Permissions.1.IpProtocol", "TCP"),
            ("Permissions.1.PortRange", "22/22"), ("Permissions.1.SourceCidrIp", "10.0.0.0/8"))).Ok();
        var snapshot = await Client.Send(new HttpRequestMessage(HttpMethod.Post, "/_emulator/snapshots")
        {
            Content = new StringContent($$"""{"RegionId":"{{Region}}"}""", Encoding.UTF8, "application/json"),
        });
        return (groupId, snapshot.Ok().GetProperty("SnapshotId").GetInt64());
    }
}
