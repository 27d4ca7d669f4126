using System.Text;

namespace SecurityGroups.FunctionalTests.Protocol;

public sealed class ActionRoutingTests(EmulatorFactory factory) : EmulatorTest(factory)
{
    [Theory]
    [InlineData(AcsStyle.Query)]
    [InlineData(AcsStyle.Header)]
    [InlineData(AcsStyle.Form)]
    public async Task CreateVpc_InEveryWireStyle_CreatesTheVpc(AcsStyle style)
    {
        var result = await Client.Call("CreateVpc", AcsClient.VpcVersion, style, ("RegionId", "cn-hangzhou"), ("VpcName", "styled"));

        var vpcId = result.Ok().GetProperty("VpcId").GetString();
        Assert.Matches("^vpc-[a-z0-9]{20}$", vpcId);
        var list = (await Client.Vpc("DescribeVpcs", ("RegionId", "cn-hangzhou"), ("VpcId", vpcId!))).Ok();
        Assert.Equal("styled", list.GetProperty("Vpcs").GetProperty("Vpc")[0].GetProperty("VpcName").GetString());
    }

    [Fact]
    public async Task Request_WithParametersInQueryAndChunkedFormBody_MergesBoth()
    {
        var body = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("RegionId=cn-hangzhou&VpcName=from%20body")));
        body.Headers.ContentType = new("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/?Action=CreateVpc&Version=2016-04-28&CidrBlock=10.0.0.0%2F8") { Content = body };
        request.Headers.TransferEncodingChunked = true;

        var vpcId = (await Client.Send(request)).Ok().GetProperty("VpcId").GetString()!;

        var vpc = (await Client.Vpc("DescribeVpcs", ("RegionId", "cn-hangzhou"), ("VpcId", vpcId))).Ok().GetProperty("Vpcs").GetProperty("Vpc")[0];
        Assert.Equal("from body", vpc.GetProperty("VpcName").GetString());
        Assert.Equal("10.0.0.0/8", vpc.GetProperty("CidrBlock").GetString());
    }

    [Fact]
    public async Task HeaderAndParameter_MayNameTheSameAction_NeverDifferentOnes()
    {
        using var same = AcsClient.Build("DescribeRegions", AcsClient.EcsVersion, AcsStyle.Header, [("Action", "DescribeRegions")]);
        (await Client.Send(same)).Ok();

        using var different = AcsClient.Build("DescribeRegions", AcsClient.EcsVersion, AcsStyle.Header, [("Action", "NoSuchAction")]);
        (await Client.Send(different)).Error("InvalidParameter", 400);
    }

    [Fact]
    public async Task UnknownAction_IsInvalidActionNotFound404()
    {
        (await Client.Ecs("DescribeEverything")).Error("InvalidAction.NotFound", 404);
    }

    [Fact]
    public async Task MissingAction_IsMissingParameter()
    {
        var result = await Client.Send(new HttpRequestMessage(HttpMethod.Get, "/?Version=2014-05-26"));
        result.Error("MissingParameter", 400);
        Assert.Contains("Action", result.Str("Message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingVersion_IsMissingParameter()
    {
        var result = await Client.Send(new HttpRequestMessage(HttpMethod.Get, "/?Action=DescribeRegions"));
        result.Error("MissingParameter", 400);
        Assert.Contains("Version", result.Str("Message"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DescribeSecurityGroups", "2016-04-28")]
    [InlineData("CreateVpc", "2014-05-26")]
    [InlineData("DescribeVpcs", "2099-01-01")]
    public async Task WrongVersion_IsInvalidVersion(string action, string version)
    {
        (await Client.Call(action, version, AcsStyle.Query, ("RegionId", "cn-hangzhou"))).Error("InvalidVersion", 400);
    }

    [Fact]
    public async Task XmlFormat_RendersActionResponseRootWithRepeatedListElements()
    {
        await CreateVpc();
        var result = await Client.Vpc("DescribeVpcs", ("RegionId", "cn-hangzhou"), ("Format", "XML"));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.StartsWith("text/xml", result.ContentType, StringComparison.Ordinal);
        var xml = System.Xml.Linq.XDocument.Parse(result.Text);
        Assert.Equal("DescribeVpcsResponse", xml.Root!.Name.LocalName);
        Assert.Single(xml.Root.Element("Vpcs")!.Elements("Vpc"));
        Assert.Equal("1", xml.Root.Element("TotalCount")!.Value);
        Assert.Equal(result.RequestIdHeader, xml.Root.Element("RequestId")!.Value);
    }

    [Fact]
    public async Task XmlFormat_RendersErrorsUnderErrorRoot()
    {
        var result = await Client.Vpc("DeleteVpc", ("VpcId", "vpc-doesnotexist000000"), ("Format", "xml"));

        Assert.Equal(HttpStatusCode.NotFound, result.Status);
        var xml = System.Xml.Linq.XDocument.Parse(result.Text);
        Assert.Equal("Error", xml.Root!.Name.LocalName);
        Assert.Equal("InvalidVpcId.NotFound", xml.Root.Element("Code")!.Value);
    }

    [Fact]
    public async Task JsonFormat_IsTheDefaultAndExplicit()
    {
        var implicitJson = await Client.Ecs("DescribeRegions");
        var explicitJson = await Client.Ecs("DescribeRegions", ("Format", "JSON"));

        Assert.Equal("application/json;charset=utf-8", implicitJson.ContentType.Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal(implicitJson.Ok().GetProperty("Regions").GetProperty("Region").GetArrayLength(),
            explicitJson.Ok().GetProperty("Regions").GetProperty("Region").GetArrayLength());
    }

    [Fact]
    public async Task FlattenedTags_WithGappedIndexes_AreBoundInOrder()
    {
        var vpcId = await CreateVpc("10.0.0.0/8", "cn-hangzhou", ("Tag.5.Key", "b"), ("Tag.5.Value", "2"), ("Tag.1.Key", "a"), ("Tag.1.Value", "1"));

        var tags = (await Client.Vpc("DescribeVpcs", ("RegionId", "cn-hangzhou"), ("VpcId", vpcId))).Ok()
            .GetProperty("Vpcs").GetProperty("Vpc")[0].GetProperty("Tags").GetProperty("Tag");
        Assert.Equal(2, tags.GetArrayLength());
        Assert.Equal("a", tags[0].GetProperty("Key").GetString());
        Assert.Equal("2", tags[1].GetProperty("Value").GetString());
    }

    [Fact]
    public async Task DuplicatedParameter_WithDifferentValues_IsInvalidParameterAndChangesNothing()
    {
        var result = await Client.Send(new HttpRequestMessage(HttpMethod.Get, "/?Action=CreateVpc&Version=2016-04-28&RegionId=cn-hangzhou&VpcName=a&VpcName=b"));

        result.Error("InvalidParameter", 400);
        Assert.Equal(0, await VpcCount());
    }

    [Fact]
    public async Task DuplicatedParameter_WithTheSameValue_IsAccepted()
    {
        (await Client.Send(new HttpRequestMessage(HttpMethod.Get, "/?Action=CreateVpc&Version=2016-04-28&RegionId=cn-hangzhou&RegionId=cn-hangzhou"))).Ok();
    }

    [Fact]
    public async Task OversizedBody_IsInvalidParameter()
    {
        var body = new StringContent("RegionId=cn-hangzhou&VpcName=" + new string('a', 2 * 1024 * 1024), Encoding.UTF8, "application/x-www-form-urlencoded");
        var result = await Client.Send(new HttpRequestMessage(HttpMethod.Post, "/?Action=CreateVpc&Version=2016-04-28") { Content = body });

        result.Error("InvalidParameter", 400);
        Assert.Equal(0, await VpcCount());
    }

    [Fact]
    public async Task WrongType_IsMalformedParameter()
    {
        (await Client.Vpc("DescribeVpcs", ("RegionId", "cn-hangzhou"), ("PageSize", "ten"))).Error("InvalidPageSize.Malformed", 400);
        (await Client.Vpc("DescribeVpcs", ("RegionId", "cn-hangzhou"), ("DryRun", "maybe"))).Error("InvalidParameter", 400);
    }

    [Fact]
    public async Task OwnerParameters_AreAcceptedAndIgnored()
    {
        (await Client.Ecs("DescribeRegions", ("OwnerId", "123"), ("ResourceOwnerAccount", "x"))).Ok();
    }
}
