using System.Text;

namespace SecurityGroups.FunctionalTests.Protocol;

/// <summary>Relaxed mode: unsigned requests act as the default account, or as the account of a known AccessKeyId they
/// name; signed requests are verified; reset empties the caller's account unless it asks for all.</summary>
public sealed class RelaxedAuthTests(EmulatorFactory factory) : EmulatorTest(factory)
{
    [Fact]
    public async Task UnsignedRequest_NamingAKnownKey_ActsAsThatKeysAccount()
    {
        var created = (await Client.Vpc("CreateVpc", ("RegionId", "cn-hangzhou"), ("AccessKeyId", "test2"))).Ok().GetProperty("VpcId").GetString()!;

        var theirs = (await Client.Vpc("DescribeVpcs", ("RegionId", "cn-hangzhou"), ("AccessKeyId", "test2"))).Ok();
        var mine = (await Client.Vpc("DescribeVpcs", ("RegionId", "cn-hangzhou"))).Ok();

        Assert.Contains(created, theirs.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0, mine.GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task UnsignedRequest_NamingAnUnknownKey_IsInvalidAccessKeyIdNotFound()
    {
        (await Client.Vpc("CreateVpc", ("RegionId", "cn-hangzhou"), ("AccessKeyId", "nobody"))).Error("InvalidAccessKeyId.NotFound", 404);
        Assert.Equal(0, await VpcCount());
    }

    [Fact]
    public async Task UnsignedEmulatorRequest_NamingAKey_ActsAsThatKeysAccount()
    {
        await Client.Vpc("CreateVpc", ("RegionId", "cn-hangzhou"), ("AccessKeyId", "test2"));
        var mine = await CreateVpc();

        using var response = await Client.Http.PostAsync("/_emulator/reset?AccessKeyId=test2", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(EmulatorFactory.SecondAccountId, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await Client.Vpc("DescribeVpcs", ("RegionId", "cn-hangzhou"), ("AccessKeyId", "test2"))).Ok().GetProperty("TotalCount").GetInt32());
        Assert.Contains(mine, (await Client.Vpc("DescribeVpcs", ("RegionId", "cn-hangzhou"))).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_WithoutABody_EmptiesOnlyTheDefaultAccount()
    {
        await CreateVpc();
        await Client.Vpc("CreateVpc", ("RegionId", "cn-hangzhou"), ("AccessKeyId", "test2"));

        using var response = await Client.Http.PostAsync("/_emulator/reset", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await VpcCount());
        Assert.Equal(1, (await Client.Vpc("DescribeVpcs", ("RegionId", "cn-hangzhou"), ("AccessKeyId", "test2"))).Ok().GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task ResetOfAllAccounts_IsAllowedInRelaxedMode()
    {
        await CreateVpc();
        await Client.Vpc("CreateVpc", ("RegionId", "cn-hangzhou"), ("AccessKeyId", "test2"));

        using var content = new StringContent("""{"AllAccounts":true}""", Encoding.UTF8, "application/json");
        using var response = await Client.Http.PostAsync("/_emulator/reset", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await VpcCount());
        Assert.Equal(0, (await Client.Vpc("DescribeVpcs", ("RegionId", "cn-hangzhou"), ("AccessKeyId", "test2"))).Ok().GetProperty("TotalCount").GetInt32());
    }

    [Theory]
    [InlineData("/_Emulator/traffic/evaluate")]
    [InlineData("/_EMULATOR/TRAFFIC/EVALUATE")]
    public async Task EmulatorPath_InAnyLetterCase_IsAuthenticatedAndServed(string path)
    {
        using var content = new StringContent(
            """{"RegionId":"cn-hangzhou","NetworkInterfaceId":"eni-missing","Direction":"ingress","IpProtocol":"TCP","SourceIp":"1.1.1.1","DestinationPort":22}""",
            Encoding.UTF8, "application/json");
        using var response = await Client.Http.PostAsync(path, content);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("InvalidEniId.NotFound", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsignedRequest_WithDifferentActionHeaderAndParameter_IsRefused()
    {
        using var request = AcsClient.Build("DescribeVpcs", AcsClient.VpcVersion, AcsStyle.Query, [("RegionId", "cn-hangzhou")]);
        request.Headers.Add("x-acs-action", "CreateVpc");

        (await Client.Send(request)).Error("InvalidParameter", 400);
        Assert.Equal(0, await VpcCount());
    }
}
