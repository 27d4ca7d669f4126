using System.Text;
using System.Text.Json;

namespace SecurityGroups.FunctionalTests.Rules;

public sealed class RuleTransferTests(EmulatorFactory factory) : RuleTest(factory)
{
    private async Task<AcsResult> Post(string path, string body, string contentType) =>
        await Client.Send(new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) });

    private Task<AcsResult> Clone(string group, object body) => Post($"/_emulator/security-groups/{group}/clone", JsonSerializer.Serialize(body), "application/json");

    private Task<AcsResult> Import(string group, string body, string contentType = "text/csv", string query = "") =>
        Post($"/_emulator/security-groups/{group}/rules?RegionId=cn-hangzhou{query}", body, contentType);

    private async Task<(string Text, string? FileName)> Export(string group, string format)
    {
        using var response = await Client.Http.GetAsync($"/_emulator/security-groups/{group}/rules?RegionId=cn-hangzhou&format={format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentDisposition?.FileName);
    }

    private async Task ArrangeRules()
    {
        await Arrange();
        (await Ingress([
            .. Perm(1, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "10.0.0.0/8"), ("Priority", "5"), ("Description", "ssh, admins")),
            .. Perm(2, ("IpProtocol", "ALL"), ("PortRange", "-1/-1"), ("SourceGroupId", Peer), ("Policy", "drop")),
        ])).Ok();
        (await Egress(Perm(1, ("IpProtocol", "UDP"), ("PortRange", "53/53"), ("Ipv6DestCidrIp", "2001:db8::/32")))).Ok();
    }

    private static List<string> Shapes(IEnumerable<JsonElement> rules) =>
        rules.Select(r => string.Join('|', new[] { "Direction", "Policy", "Priority", "IpProtocol", "PortRange", "SourceCidrIp", "SourceGroupId", "Ipv6DestCidrIp", "Description" }
            .Select(f => r.GetProperty(f).GetString()))).Order().ToList();

    [Fact]
    public async Task Clone_InRegion_CopiesRulesAndTags()
    {
        await ArrangeRules();
        (await Client.Ecs("TagResources", ("RegionId", "cn-hangzhou"), ("ResourceType", "securitygroup"), ("ResourceId.1", Group), ("Tag.1.Key", "env"), ("Tag.1.Value", "dev"))).Ok();

        var body = (await Clone(Group, new { RegionId = "cn-hangzhou", SecurityGroupName = "copy", KeepRules = true, CopyTags = true })).Ok();

        var copy = body.GetProperty("SecurityGroupId").GetString()!;
        Assert.Equal(0, body.GetProperty("SkippedRules").GetArrayLength());
        Assert.Equal(Shapes(await Rules()), Shapes(await Rules(group: copy)));
        var listed = (await DescribeGroups(("SecurityGroupId", copy))).GetProperty("SecurityGroups").GetProperty("SecurityGroup")[0];
        Assert.Equal("copy", listed.GetProperty("SecurityGroupName").GetString());
        Assert.Equal(VpcId, listed.GetProperty("VpcId").GetString());
        Assert.Equal("env", listed.GetProperty("Tags").GetProperty("Tag")[0].GetProperty("TagKey").GetString());
    }

    [Fact]
    public async Task Clone_ToAnotherRegion_SkipsGroupReferencesAndReportsThem()
    {
        await ArrangeRules();
        var groupRule = (await Rules("ingress")).Single(r => r.GetProperty("SourceGroupId").GetString() == Peer).GetProperty("SecurityGroupRuleId").GetString();

        var body = (await Clone(Group, new { RegionId = "cn-hangzhou", TargetRegionId = "cn-shanghai", KeepRules = true, CopyTags = false })).Ok();

        var copy = body.GetProperty("SecurityGroupId").GetString()!;
        Assert.Equal(groupRule, Assert.Single(body.GetProperty("SkippedRules").EnumerateArray()).GetProperty("SecurityGroupRuleId").GetString());
        var copied = (await Client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", "cn-shanghai"), ("SecurityGroupId", copy))).Ok().GetProperty("Permissions").GetProperty("Permission");
        Assert.Equal(2, copied.GetArrayLength());
        Assert.Equal("", (await Client.Ecs("DescribeSecurityGroups", ("RegionId", "cn-shanghai"))).Ok().GetProperty("SecurityGroups").GetProperty("SecurityGroup")[0].GetProperty("VpcId").GetString());
    }

    [Fact]
    public async Task Clone_WithoutRules_AndRefusals()
    {
        await ArrangeRules();
        var body = (await Clone(Group, new { RegionId = "cn-hangzhou", KeepRules = false })).Ok();
        Assert.Empty(await Rules(group: body.GetProperty("SecurityGroupId").GetString()));

        (await Clone("sg-unknown", new { RegionId = "cn-hangzhou", KeepRules = true })).Error("InvalidSecurityGroupId.NotFound", 404);
        (await Clone(Group, new { KeepRules = true })).Error("MissingParameter", 400);
        (await Clone(Group, new { RegionId = "cn-hangzhou", TargetRegionId = "moon-1" })).Error("InvalidRegionId.NotFound", 404);
    }

    [Fact]
    public async Task Export_HasAlibabasFileNamesAndPermissionFields()
    {
        await ArrangeRules();

        var (json, jsonName) = await Export(Group, "json");
        var (csv, csvName) = await Export(Group, "csv");

        Assert.Equal($"ecs_cn-hangzhou_{Group}.json", jsonName);
        Assert.Matches($"^ecs_sgRule_{Group}_cn-hangzhou_\\d{{4}}-\\d{{2}}-\\d{{2}}\\.csv$", csvName);
        var document = JsonDocument.Parse(json).RootElement;
        Assert.Equal("cn-hangzhou", document.GetProperty("RegionId").GetString());
        Assert.Equal(3, document.GetProperty("Permissions").GetArrayLength());
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("SecurityGroupRuleId,Direction,Policy,Priority,IpProtocol,PortRange", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
        Assert.Contains("\"ssh, admins\"", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    public async Task RoundTrip_ExportThenImportIntoAFreshGroup_YieldsTheSameRules(string format)
    {
        await ArrangeRules();
        var fresh = await CreateGroup(VpcId);
        var (file, _) = await Export(Group, format);

        var result = (await Import(fresh, file, format == "json" ? "application/json" : "text/csv")).Ok();

        Assert.Equal(3, result.GetProperty("Imported").GetInt32());
        Assert.Equal(Shapes(await Rules()), Shapes(await Rules(group: fresh)));
        var again = (await Import(fresh, file, format == "json" ? "application/json" : "text/csv")).Ok();
        Assert.Equal(3, again.GetProperty("Duplicates").GetInt32());
    }

    [Fact]
    public async Task Import_ReportsEveryOutcomePerRow()
    {
        await Arrange();
        (await Ingress(Ssh())).Ok();
        var csv = """
            Direction,IpProtocol,PortRange,SourceCidrIp,DestCidrIp,Priority,Description
            ingress,TCP,80/80,0.0.0.0/0,,1,web
            ingress,TCP,22/22,10.0.0.0/8,,1,
            ingress,TCP,443/443,0.0.0.0/0,,150,
            ingress,TCP,-1/-1,0.0.0.0/0,,1,
            sideways,TCP,81/81,0.0.0.0/0,,1,
            egress,UDP,53/53,,8.8.8.8,,dns
            """;

        var result = (await Import(Group, csv)).Ok();

        var statuses = result.GetProperty("Results").EnumerateArray().Select(r => (r.GetProperty("Row").GetInt32(), r.GetProperty("Status").GetString(),
            r.GetProperty("Code").GetString())).ToList();
        Assert.Equal([(1, "Imported", null), (2, "Duplicate", null), (3, "Ignored", null), (4, "Failed", "OperationDenied"),
            (5, "Failed", "InvalidDirection.Malformed"), (6, "Imported", null)], statuses);
        Assert.Equal(2, result.GetProperty("Imported").GetInt32());
        Assert.Equal(1, result.GetProperty("Ignored").GetInt32());
        Assert.Equal(2, result.GetProperty("Failed").GetInt32());
        Assert.Equal(3, (await Rules()).Count);
    }

    [Fact]
    public async Task Import_FromAnotherRegion_RefusesGroupListAndPortListRules()
    {
        await Arrange();
        var json = JsonSerializer.Serialize(new
        {
            RegionId = "cn-shanghai",
            Permissions = new object[]
            {
                new { Direction = "ingress", IpProtocol = "TCP", PortRange = "22/22", SourceGroupId = Peer },
                new { Direction = "ingress", IpProtocol = "TCP", PortRange = "22/22", SourceCidrIp = "10.0.0.0/8" },
            },
        });

        var result = (await Import(Group, json, "application/json")).Ok();

        Assert.Equal(["Failed", "Imported"], result.GetProperty("Results").EnumerateArray().Select(r => r.GetProperty("Status").GetString()));
        Assert.Equal("NotSupported.CrossRegionReference", result.GetProperty("Results")[0].GetProperty("Code").GetString());
    }

    [Fact]
    public async Task Import_StopsAtTheQuotaEdgeWithAuthorizationLimitExceed()
    {
        using var factory = new CustomEmulatorFactory(null, new Dictionary<string, string?> { ["Quotas:RulesPerSecurityGroup"] = "2" });
        var client = factory.Acs();
        var group = (await client.Ecs("CreateSecurityGroup", ("RegionId", "cn-hangzhou"))).Ok().GetProperty("SecurityGroupId").GetString()!;
        var csv = "Direction,IpProtocol,PortRange,SourceCidrIp\n" + string.Join('\n', Enumerable.Range(1, 4).Select(i => $"ingress,TCP,{i}/{i},10.0.0.0/8"));

        var response = await client.Send(new HttpRequestMessage(HttpMethod.Post, $"/_emulator/security-groups/{group}/rules?RegionId=cn-hangzhou")
        {
            Content = new StringContent(csv, Encoding.UTF8, "text/csv"),
        });

        var results = response.Ok().GetProperty("Results").EnumerateArray().Select(r => (r.GetProperty("Status").GetString(), r.GetProperty("Code").GetString())).ToList();
        Assert.Equal([("Imported", null), ("Imported", null), ("Failed", "AuthorizationLimitExceed"), ("Failed", "AuthorizationLimitExceed")], results);
    }

    [Theory]
    [InlineData("this is : not { a file", "text/plain", "Unknown column")]
    [InlineData("[{\"Direction\":\"ingress\",\"IpProtocol\":\"TCP\"", "application/json", "not valid JSON")]
    [InlineData("Direction,IpProtocol,Colour\ningress,TCP,red", "text/csv", "Unknown column \"Colour\"")]
    [InlineData("{\"Rules\":[]}", "application/json", "no Permissions array")]
    [InlineData("", "text/csv", "empty")]
    [InlineData("[1,2,3]", "application/json", "is not an object")]
    public async Task Import_BadFiles_AreRefusedAndChangeNothing(string body, string contentType, string message)
    {
        await Arrange();
        var result = await Import(Group, body, contentType);

        result.Error("InvalidParameter.File", 400);
        Assert.Contains(message, result.Str("Message"), StringComparison.Ordinal);
        Assert.Empty(await Rules());
    }

    [Fact]
    public async Task Import_MoreThan200Rows_IsRefusedWhole()
    {
        await Arrange();
        var csv = "Direction,IpProtocol,PortRange,SourceCidrIp\n" + string.Join('\n', Enumerable.Range(1, 10000).Select(i => $"ingress,TCP,{(i % 60000) + 1}/{(i % 60000) + 1},10.0.0.0/8"));

        var result = await Import(Group, csv);

        result.Error("InvalidParameter.File", 400);
        Assert.Contains("at most 200", result.Str("Message"), StringComparison.Ordinal);
        Assert.Empty(await Rules());
    }
}
