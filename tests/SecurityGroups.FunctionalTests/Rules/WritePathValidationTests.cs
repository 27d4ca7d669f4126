using System.Text;
using System.Text.Json;

namespace SecurityGroups.FunctionalTests.Rules;

/// <summary>
/// The emulator's own write paths (clone, flags, import) refuse what the Action they stand for refuses, with the same
/// code and status, and change nothing (issue 12, item 10).
/// </summary>
public sealed class WritePathValidationTests(EmulatorFactory factory) : RuleTest(factory)
{
    private async Task<AcsResult> PostJson(string path, string json) =>
        await Client.Send(new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    private async Task<int> GroupCount() => (await DescribeGroups()).GetProperty("TotalCount").GetInt32();

    /// <summary>Names CreateSecurityGroup refuses with InvalidSecurityGroupName.Malformed.</summary>
    public static TheoryData<string> BadNames() =>
        ["a", "ab\u0001c", "web\nservers", "\u007fweb", new string('a', 129), new string('a', 300), "http://web", "HTTPS://web", "1web", "-web", " web"];

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task Clone_RefusesNamesThatCreateSecurityGroupRefuses(string name)
    {
        await Arrange();
        (await Ingress(Ssh())).Ok();
        var before = await GroupCount();

        (await Client.Ecs("CreateSecurityGroup", ("RegionId", "cn-hangzhou"), ("VpcId", VpcId), ("SecurityGroupName", name)))
            .Error("InvalidSecurityGroupName.Malformed", 400);
        (await PostJson($"/_emulator/security-groups/{Group}/clone", JsonSerializer.Serialize(new { RegionId = "cn-hangzhou", SecurityGroupName = name, KeepRules = true })))
            .Error("InvalidSecurityGroupName.Malformed", 400);
        (await PostJson($"/_emulator/security-groups/{Group}/clone", JsonSerializer.Serialize(new { RegionId = "cn-hangzhou", TargetRegionId = "cn-shanghai", SecurityGroupName = name })))
            .Error("InvalidSecurityGroupName.Malformed", 400);

        Assert.Equal(before, await GroupCount());
        Assert.Equal(0, (await Client.Ecs("DescribeSecurityGroups", ("RegionId", "cn-shanghai"))).Ok().GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task Clone_RefusesAnEmptyName()
    {
        await Arrange();
        var before = await GroupCount();

        (await PostJson($"/_emulator/security-groups/{Group}/clone", """{"RegionId":"cn-hangzhou","SecurityGroupName":""}"""))
            .Error("InvalidSecurityGroupName.Malformed", 400);

        Assert.Equal(before, await GroupCount());
    }

    [Fact]
    public async Task Clone_StillAcceptsAValidName_AndDefaultsToTheSourceName()
    {
        await Arrange();

        var named = (await PostJson($"/_emulator/security-groups/{Group}/clone", """{"RegionId":"cn-hangzhou","SecurityGroupName":"Copy_of-main.1 ü"}""")).Ok();
        var unnamed = (await PostJson($"/_emulator/security-groups/{Group}/clone", """{"RegionId":"cn-hangzhou"}""")).Ok();

        var names = (await DescribeGroups(("SecurityGroupIds", JsonSerializer.Serialize(new[] { named.GetProperty("SecurityGroupId").GetString(), unnamed.GetProperty("SecurityGroupId").GetString() }))))
            .GetProperty("SecurityGroups").GetProperty("SecurityGroup").EnumerateArray().Select(g => g.GetProperty("SecurityGroupName").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(["Copy_of-main.1 ü", "main"], names);
    }

    public static TheoryData<string> BadFlagBodies() =>
    [
        """{"ServiceId":-1}""", """{"ServiceId":-9223372036854775808}""", """{"ServiceId":9223372036854775807}""", """{"ServiceId":9007199254740992}""",
        """{"ServiceId":1e30}""", """{"ServiceId":1.5}""", """{"ServiceId":"abc"}""", """{"ServiceManaged":true,"ServiceId":-5}""",
        """{"ServiceManaged":"yes"}""", """{"DeletionProtection":2}""",
    ];

    [Theory]
    [MemberData(nameof(BadFlagBodies))]
    public async Task Flags_RefuseNegativeOrAbsurdValues_AndChangeNothing(string body)
    {
        await Arrange();

        (await PostJson($"/_emulator/security-groups/{Group}/flags", body)).Error("InvalidParameter", 400);

        var group = (await DescribeGroups(("SecurityGroupId", Group))).GetProperty("SecurityGroups").GetProperty("SecurityGroup")[0];
        Assert.False(group.GetProperty("ServiceManaged").GetBoolean());
        (await Client.Ecs("ModifySecurityGroupAttribute", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", Group), ("Description", "still mutable"))).Ok();
        (await Client.Ecs("DeleteSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", Group))).Ok();
    }

    [Theory]
    [InlineData("""{"ServiceManaged":true,"ServiceId":1}""", 1L)]
    [InlineData("""{"ServiceManaged":true,"ServiceId":9007199254740991}""", 9007199254740991L)]
    [InlineData("""{"ServiceManaged":true,"ServiceId":0}""", 0L)]
    public async Task Flags_AcceptServiceIdsFromZeroToTheLargestExactJsonInteger(string body, long serviceId)
    {
        await Arrange();

        var answer = (await PostJson($"/_emulator/security-groups/{Group}/flags", body)).Ok();

        Assert.Equal(serviceId, answer.GetProperty("ServiceId").GetInt64());
    }

    /// <summary>A hostile value of one rule field, and the code AuthorizeSecurityGroup gives it.</summary>
    public static TheoryData<string, string, string> BadRuleFields() => new()
    {
        { "Description", "a\u0007b", "InvalidSecurityGroupDiscription.Malformed" },
        { "Description", "line\nbreak", "InvalidSecurityGroupDiscription.Malformed" },
        { "Description", new string('d', 513), "InvalidSecurityGroupDiscription.Malformed" },
        { "Description", "http://evil", "InvalidSecurityGroupDiscription.Malformed" },
        { "Description", "HTTPS://evil", "InvalidSecurityGroupDiscription.Malformed" },
        { "Priority", "0", "InvalidPriority.Malformed" },
        { "Priority", "-1", "InvalidPriority.Malformed" },
        { "Priority", "abc", "InvalidPriority.Malformed" },
        { "Priority", " 200", "InvalidPriority.Malformed" },
        { "Priority", "+200", "InvalidPriority.Malformed" },
        { "Priority", "200 ", "InvalidPriority.Malformed" },
        { "Priority", "1.5", "InvalidPriority.Malformed" },
        { "Policy", "allow", "InvalidPolicy.Malformed" },
        { "IpProtocol", "FOO", "InvalidIpProtocol.ValueNotSupported" },
        { "IpProtocol", "256", "InvalidIpProtocol.ValueNotSupported" },
        { "PortRange", "0/22", "InvalidParam.PortRange" },
        { "PortRange", "22/21", "InvalidParam.PortRange" },
        { "PortRange", "22", "InvalidParam.PortRange" },
        { "PortRange", "-1/-1", "OperationDenied" },
        { "SourcePortRange", "x", "InvalidSourcePortRange.Malformed" },
        { "NicType", "foo", "InvalidNicType.ValueNotSupported" },
        { "SourceCidrIp", "010.0.0.1", "InvalidSourceCidrIp.Malformed" },
    };

    [Theory]
    [MemberData(nameof(BadRuleFields))]
    public async Task Import_RefusesEachRuleFieldExactlyLikeAuthorizeSecurityGroup(string field, string value, string code)
    {
        await Arrange();
        var fields = new Dictionary<string, string> { ["IpProtocol"] = "TCP", ["PortRange"] = "22/22", ["SourceCidrIp"] = "10.0.0.0/8", [field] = value };

        (await Ingress([.. fields.Select(f => ("Permissions.1." + f.Key, f.Value))])).Error(code, 400);

        var json = JsonSerializer.Serialize(new[] { new Dictionary<string, string>(fields) { ["Direction"] = "ingress" } });
        var csvFields = fields.Append(new("Direction", "ingress")).ToList();
        var csv = string.Join(',', csvFields.Select(f => f.Key)) + "\r\n" + string.Join(',', csvFields.Select(f => "\"" + f.Value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
        foreach (var (format, body) in new[] { ("json", json), ("csv", csv) })
        {
            var answer = (await Client.Send(new HttpRequestMessage(HttpMethod.Post, $"/_emulator/security-groups/{Group}/rules?RegionId=cn-hangzhou&format={format}")
            {
                Content = new StringContent(body, Encoding.UTF8, format == "json" ? "application/json" : "text/csv"),
            })).Ok();
            var row = answer.GetProperty("Results")[0];
            Assert.Equal("Failed", row.GetProperty("Status").GetString());
            Assert.Equal(code, row.GetProperty("Code").GetString());
        }

        Assert.Empty(await Rules());
    }
}
