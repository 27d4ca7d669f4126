namespace SecurityGroups.FunctionalTests.Networks;

public sealed class CreateVpcTests(EmulatorFactory factory) : EmulatorTest(factory)
{
    [Fact]
    public async Task CreateVpc_ReturnsAlibabaShapedIds()
    {
        var body = (await Client.Vpc("CreateVpc", ("RegionId", "cn-hangzhou"), ("ResourceGroupId", "rg-acfmxazb4ph6aiy"))).Ok();

        Assert.Matches("^vpc-[a-z0-9]{20}$", body.GetProperty("VpcId").GetString());
        Assert.Matches("^vrt-[a-z0-9]{20}$", body.GetProperty("VRouterId").GetString());
        Assert.Matches("^vtb-[a-z0-9]{20}$", body.GetProperty("RouteTableId").GetString());
        Assert.Equal("rg-acfmxazb4ph6aiy", body.GetProperty("ResourceGroupId").GetString());
    }

    [Fact]
    public async Task CreateVpc_WithoutCidrBlock_Uses172_16Slash12()
    {
        var vpcId = (await Client.Vpc("CreateVpc", ("RegionId", "cn-hangzhou"))).Ok().GetProperty("VpcId").GetString()!;
        var vpc = (await Client.Vpc("DescribeVpcs", ("RegionId", "cn-hangzhou"), ("VpcId", vpcId))).Ok().GetProperty("Vpcs").GetProperty("Vpc")[0];

        Assert.Equal("172.16.0.0/12", vpc.GetProperty("CidrBlock").GetString());
        Assert.Equal("Available", vpc.GetProperty("Status").GetString());
    }

    [Theory]
    [InlineData("10.0.0.1/8")]
    [InlineData("10.0.0.0")]
    [InlineData("10.0.0.0/7")]
    [InlineData("10.0.0.0/29")]
    [InlineData("300.0.0.0/8")]
    [InlineData("100.64.0.0/16")]
    [InlineData("127.0.0.0/8")]
    [InlineData("fd00::/8")]
    [InlineData("garbage")]
    public async Task CreateVpc_WithBadCidr_IsInvalidCidrBlockMalformed(string cidr)
    {
        (await Client.Vpc("CreateVpc", ("RegionId", "cn-hangzhou"), ("CidrBlock", cidr))).Error("InvalidCidrBlock.Malformed", 400);
        Assert.Equal(0, await VpcCount());
    }

    [Theory]
    [InlineData("VpcName", "http://x", "InvalidVpcName.Malformed")]
    [InlineData("VpcName", "x\u0000", "InvalidVpcName.Malformed")]
    [InlineData("Description", "https://x", "InvalidVpcDiscription.Malformed")]
    [InlineData("Tag.1.Key", "aliyun-x", "InvalidTagKey.Malformed")]
    public async Task CreateVpc_WithBadText_IsRefused(string name, string value, string code)
    {
        (await Client.Vpc("CreateVpc", ("RegionId", "cn-hangzhou"), (name, value))).Error(code, 400);
    }

    [Fact]
    public async Task CreateVpc_WithoutRegion_IsMissingParameter()
    {
        (await Client.Vpc("CreateVpc", ("VpcName", "x"))).Error("MissingParameter", 400);
    }

    [Fact]
    public async Task CreateVpc_WithDuplicateTagKeys_IsDuplicateTagKey()
    {
        (await Client.Vpc("CreateVpc", ("RegionId", "cn-hangzhou"), ("Tag.1.Key", "k"), ("Tag.2.Key", "k"))).Error("Duplicate.TagKey", 400);
    }

    [Fact]
    public async Task CreateVpc_PastTheRegionQuota_IsQuotaExceededVpc()
    {
        for (var i = 0; i < 10; i++)
        {
            await CreateVpc($"10.{i}.0.0/16");
        }

        (await Client.Vpc("CreateVpc", ("RegionId", "cn-hangzhou"))).Error("QuotaExceeded.Vpc", 400);
        await CreateVpc("10.0.0.0/16", "cn-shanghai");
        Assert.Equal(10, await VpcCount());
    }

    [Fact]
    public async Task CreateVpc_ConcurrentRequests_NeverPassTheQuota()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Client.Vpc("CreateVpc", ("RegionId", "cn-hangzhou"))));

        Assert.Equal(10, results.Count(r => r.Status == HttpStatusCode.OK));
        Assert.All(results.Where(r => r.Status != HttpStatusCode.OK), r => r.Error("QuotaExceeded.Vpc", 400));
        Assert.Equal(10, await VpcCount());
    }

    [Fact]
    public async Task CreateVpc_RetriedWithTheSameClientToken_ReturnsTheFirstVpc()
    {
        var first = (await Client.Vpc("CreateVpc", ("RegionId", "cn-hangzhou"), ("VpcName", "a"), ("ClientToken", "tok-1"))).Ok();
        var retry = (await Client.Vpc("CreateVpc", ("RegionId", "cn-hangzhou"), ("VpcName", "a"), ("ClientToken", "tok-1"))).Ok();

        Assert.Equal(first.GetProperty("VpcId").GetString(), retry.GetProperty("VpcId").GetString());
        Assert.Equal(first.GetProperty("RouteTableId").GetString(), retry.GetProperty("RouteTableId").GetString());
        Assert.Equal(1, await VpcCount());
    }

    [Fact]
    public async Task CreateVpc_SameClientTokenOtherParameters_IsIdempotentParameterMismatch()
    {
        (await Client.Vpc("CreateVpc", ("RegionId", "cn-hangzhou"), ("VpcName", "a"), ("ClientToken", "tok-2"))).Ok();
        (await Client.Vpc("CreateVpc", ("RegionId", "cn-hangzhou"), ("VpcName", "b"), ("ClientToken", "tok-2"))).Error("IdempotentParameterMismatch", 400);
        Assert.Equal(1, await VpcCount());
    }

    [Fact]
    public async Task CreateVpc_DryRun_IsDryRunOperationAndCreatesNothing()
    {
        (await Client.Vpc("CreateVpc", ("RegionId", "cn-hangzhou"), ("DryRun", "true"))).Error("DryRunOperation", 400);
        Assert.Equal(0, await VpcCount());
    }
}
