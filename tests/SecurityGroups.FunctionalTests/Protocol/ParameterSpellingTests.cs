using System.Text;

namespace SecurityGroups.FunctionalTests.Protocol;

/// <summary>
/// One parameter, one meaning (docs/security.md, "What a signature must cover"): only Alibaba's wire names bind. Two
/// spellings of one parameter (letter case, <c>Tag.1</c> and <c>Tag.01</c>) with different values are refused as the
/// same key twice is; ASP.NET's own binding syntax (<c>Tag[0].Key</c>, <c>Tag.index</c>, <c>request.RegionId</c>) is not
/// Alibaba's and is ignored as any unknown parameter is, never a second way to say something, never a 5xx.
/// </summary>
public sealed class ParameterSpellingTests(EmulatorFactory factory) : EmulatorTest(factory)
{
    private const string Region = "cn-hangzhou";

    [Theory]
    [InlineData("RegionId=cn-hangzhou&regionid=cn-beijing")]
    [InlineData("RegionId=cn-hangzhou&REGIONID=cn-beijing")]
    [InlineData("RegionId=cn-hangzhou&SecurityGroupName=web&securityGroupName=db")]
    [InlineData("RegionId=cn-hangzhou&Tag.1.Key=team&Tag.01.Key=owner")]
    [InlineData("RegionId=cn-hangzhou&Tag.1.Key=team&tag.1.key=owner")]
    [InlineData("RegionId=cn-hangzhou&Tag.2.Key=team&Tag.0002.Key=owner")]
    public async Task TwoSpellingsOfOneParameter_WithDifferentValues_AreRefused_AndCreateNothing(string query)
    {
        foreach (var post in new[] { false, true })
        {
            var before = DatabaseSnapshot.Take(Factory);
            var result = await Client.Send(Request("CreateSecurityGroup", query, post));

            result.Error("InvalidParameter", 400);
            Assert.Contains("more than once with different values", result.Text, StringComparison.Ordinal);
            Assert.Equal(before, DatabaseSnapshot.Take(Factory));
        }
    }

    [Fact]
    public async Task TwoSpellingsOfOneParameter_WithTheSameValue_AreOneParameter()
    {
        var id = (await Client.Send(Request("CreateSecurityGroup", "RegionId=cn-hangzhou&regionid=cn-hangzhou&Tag.1.Key=team&Tag.01.Key=team", post: false)))
            .Ok().GetProperty("SecurityGroupId").GetString()!;

        var tags = (await DescribeGroups(("SecurityGroupId", id))).GetProperty("SecurityGroups").GetProperty("SecurityGroup")[0].GetProperty("Tags").GetProperty("Tag");
        Assert.Equal("team", Assert.Single(tags.EnumerateArray()).GetProperty("TagKey").GetString());
    }

    [Theory]
    [InlineData("CreateSecurityGroup", "RegionId=cn-hangzhou&Tag.index=x")]
    [InlineData("CreateSecurityGroup", "RegionId=cn-hangzhou&Tag.Index=0&Tag[0].Key=k")]
    [InlineData("DescribeSecurityGroups", "RegionId=cn-hangzhou&Tag.index=x")]
    [InlineData("TagResources", "RegionId=cn-hangzhou&ResourceType=securitygroup&ResourceId.1={0}&Tag.1.Key=k&Tag.index=x")]
    [InlineData("AuthorizeSecurityGroup", "RegionId=cn-hangzhou&SecurityGroupId={0}&Permissions.1.IpProtocol=TCP&Permissions.1.PortRange=22/22&Permissions.1.SourceCidrIp=10.0.0.0/8&Permissions.index=x")]
    public async Task AspNetListIndexSyntax_IsIgnored_NeverA5xx(string action, string query)
    {
        var groupId = await CreateGroup(await CreateVpc());

        var result = await Client.Send(Request(action, string.Format(System.Globalization.CultureInfo.InvariantCulture, query, groupId), post: false));

        result.Ok();
    }

    [Fact]
    public async Task AspNetBracketAndPrefixSyntax_BindsNothing()
    {
        var id = (await Client.Send(Request("CreateSecurityGroup",
            "RegionId=cn-hangzhou&SecurityGroupName=web&Tag[0].Key=bracket&request.SecurityGroupName=prefixed&request.RegionId=cn-beijing&Request.Tag[0].Key=both",
            post: true))).Ok().GetProperty("SecurityGroupId").GetString()!;

        var group = (await DescribeGroups(("SecurityGroupId", id))).GetProperty("SecurityGroups").GetProperty("SecurityGroup")[0];
        Assert.Equal("web", group.GetProperty("SecurityGroupName").GetString());
        Assert.Empty(group.GetProperty("Tags").GetProperty("Tag").EnumerateArray());
        Assert.Equal(0, (await Client.Ecs("DescribeSecurityGroups", ("RegionId", "cn-beijing"))).Ok().GetProperty("TotalCount").GetInt32());
    }

    private static HttpRequestMessage Request(string action, string query, bool post)
    {
        var text = $"Action={action}&Version={AcsClient.EcsVersion}&{query}";
        return post
            ? new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(text, Encoding.UTF8, "application/x-www-form-urlencoded") }
            : new HttpRequestMessage(HttpMethod.Get, "/?" + text);
    }
}
