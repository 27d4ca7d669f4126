using System.Text.Json;

namespace SecurityGroups.FunctionalTests.Rules;

/// <summary>Helpers shared by the rule tests: a VPC with two basic groups, and the group's rules as listed.</summary>
public abstract class RuleTest(EmulatorFactory factory) : EmulatorTest(factory)
{
    protected string VpcId { get; private set; } = "";

    protected string Group { get; private set; } = "";

    protected string Peer { get; private set; } = "";

    protected async Task Arrange()
    {
        VpcId = await CreateVpc();
        Group = await CreateGroup(VpcId, ("SecurityGroupName", "main"));
        Peer = await CreateGroup(VpcId, ("SecurityGroupName", "peer"));
    }

    protected Task<AcsResult> Ingress(params (string, string)[] parameters) =>
        Client.Ecs("AuthorizeSecurityGroup", [("RegionId", "cn-hangzhou"), ("SecurityGroupId", Group), .. parameters]);

    protected Task<AcsResult> Egress(params (string, string)[] parameters) =>
        Client.Ecs("AuthorizeSecurityGroupEgress", [("RegionId", "cn-hangzhou"), ("SecurityGroupId", Group), .. parameters]);

    protected async Task<List<JsonElement>> Rules(string? direction = null, string? group = null)
    {
        (string, string)[] extra = direction is null ? [] : [("Direction", direction)];
        var body = (await Client.Ecs("DescribeSecurityGroupAttribute", [("RegionId", "cn-hangzhou"), ("SecurityGroupId", group ?? Group), ("MaxResults", "1000"), .. extra])).Ok();
        return body.GetProperty("Permissions").GetProperty("Permission").EnumerateArray().ToList();
    }

    protected static (string, string)[] Perm(int n, params (string Field, string Value)[] fields) =>
        fields.Select(f => ($"Permissions.{n}.{f.Field}", f.Value)).ToArray();

    protected static (string, string)[] Ssh(int n = 1, string cidr = "10.0.0.0/8") =>
        Perm(n, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", cidr));
}
