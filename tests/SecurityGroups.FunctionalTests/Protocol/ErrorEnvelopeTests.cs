namespace SecurityGroups.FunctionalTests.Protocol;

public sealed class ErrorEnvelopeTests(EmulatorFactory factory) : EmulatorTest(factory)
{
    [Fact]
    public async Task Error_HasTheFiveAlibabaFieldsAndMatchingRequestIdHeader()
    {
        var result = await Client.Vpc("DeleteVpc", ("VpcId", "vpc-nothere"));

        result.Error("InvalidVpcId.NotFound", 404);
        Assert.Equal("Specified VPC does not exist.", result.Str("Message"));
        Assert.Contains("InvalidVpcId.NotFound", result.Str("Recommend"), StringComparison.Ordinal);
        Assert.Equal(5, result.Json.EnumerateObject().Count());
    }

    [Fact]
    public async Task Success_HasRequestIdAndNoCodeOrMessage()
    {
        var body = (await Client.Ecs("DescribeRegions")).Ok();

        Assert.False(body.TryGetProperty("Message", out _));
    }

    [Fact]
    public async Task EveryResponse_GetsItsOwnUpperCaseRequestId()
    {
        var first = await Client.Ecs("DescribeRegions");
        var second = await Client.Ecs("DescribeRegions");

        Assert.NotEqual(first.Str("RequestId"), second.Str("RequestId"));
        Assert.Equal(first.Str("RequestId"), first.RequestIdHeader);
        Assert.Equal(first.Str("RequestId").ToUpperInvariant(), first.Str("RequestId"));
    }

    [Fact]
    public async Task MissingRequiredParameter_NamesIt()
    {
        var result = await Client.Vpc("CreateVSwitch", ("VpcId", "vpc-x"), ("CidrBlock", "192.168.1.0/24"));

        result.Error("MissingParameter", 400);
        Assert.Contains("\"ZoneId\"", result.Str("Message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRegion_IsInvalidRegionIdNotFound()
    {
        (await Client.Vpc("DescribeVpcs", ("RegionId", "mars-north-1"))).Error("InvalidRegionId.NotFound", 404);
    }
}
