namespace SecurityGroups.FunctionalTests.SecurityGroups;

public sealed class SecurityGroupAttributeTests(EmulatorFactory factory) : EmulatorTest(factory)
{
    private Task<AcsResult> Attribute(string id, params (string, string)[] extra) =>
        Client.Ecs("DescribeSecurityGroupAttribute", [("RegionId", "cn-hangzhou"), ("SecurityGroupId", id), .. extra]);

    [Fact]
    public async Task DescribeSecurityGroupAttribute_ShowsTheGroupAndAnEmptyRuleList()
    {
        var vpcId = await CreateVpc();
        var id = await CreateGroup(vpcId, ("SecurityGroupName", "db"), ("Description", "databases"));

        var body = (await Attribute(id, ("Direction", "all"), ("NicType", "intranet"), ("MaxResults", "10"))).Ok();

        Assert.Equal("cn-hangzhou", body.GetProperty("RegionId").GetString());
        Assert.Equal(id, body.GetProperty("SecurityGroupId").GetString());
        Assert.Equal("db", body.GetProperty("SecurityGroupName").GetString());
        Assert.Equal("databases", body.GetProperty("Description").GetString());
        Assert.Equal(vpcId, body.GetProperty("VpcId").GetString());
        Assert.Equal("Accept", body.GetProperty("InnerAccessPolicy").GetString());
        Assert.Equal(0, body.GetProperty("Permissions").GetProperty("Permission").GetArrayLength());
        Assert.False(body.TryGetProperty("SnapshotPolicyIds", out _));
        Assert.Equal(0, (await Attribute(id, ("Attribute", "snapshotPolicyIds"))).Ok().GetProperty("SnapshotPolicyIds").GetProperty("SnapshotPolicyId").GetArrayLength());
    }

    [Theory]
    [InlineData("Attribute", "tags", "InvalidParameter.AttributeNotSupported", 400)]
    [InlineData("NicType", "wifi", "InvalidNicType.ValueNotSupported", 400)]
    [InlineData("Direction", "sideways", "InvalidDirection.Malformed", 400)]
    [InlineData("MaxResults", "5", "InvalidParameter.MaxResults", 400)]
    [InlineData("NextToken", "%%%", "InValidParameter.NextToken", 400)]
    public async Task DescribeSecurityGroupAttribute_BadParameters(string name, string value, string code, int status)
    {
        var id = await CreateGroup();
        (await Attribute(id, (name, value))).Error(code, status);
    }

    [Fact]
    public async Task DescribeSecurityGroupAttribute_UnknownOrMissing()
    {
        (await Attribute("sg-unknown")).Error("InvalidSecurityGroupId.NotFound", 404);
        (await Client.Ecs("DescribeSecurityGroupAttribute", ("SecurityGroupId", "sg-x"))).Error("MissingParameter.RegionId", 400);
        (await Client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", "cn-hangzhou"))).Error("MissingParameter", 400);
    }

    [Fact]
    public async Task ModifySecurityGroupAttribute_ChangesNameAndDescription()
    {
        var id = await CreateGroup(null, ("SecurityGroupName", "before"), ("Description", "old text"));

        (await Client.Ecs("ModifySecurityGroupAttribute", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", id), ("SecurityGroupName", "after"))).Ok();
        var renamed = (await Attribute(id)).Ok();
        (await Client.Ecs("ModifySecurityGroupAttribute", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", id), ("Description", "new text"))).Ok();
        var described = (await Attribute(id)).Ok();

        Assert.Equal("after", renamed.GetProperty("SecurityGroupName").GetString());
        Assert.Equal("old text", renamed.GetProperty("Description").GetString());
        Assert.Equal("after", described.GetProperty("SecurityGroupName").GetString());
        Assert.Equal("new text", described.GetProperty("Description").GetString());
    }

    [Fact]
    public async Task ModifySecurityGroupAttribute_Refusals()
    {
        var id = await CreateGroup();
        (await Client.Ecs("ModifySecurityGroupAttribute", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", id), ("SecurityGroupName", "9lives"))).Error("InvalidSecurityGroupName.Malformed", 400);
        (await Client.Ecs("ModifySecurityGroupAttribute", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", id), ("Description", "x"))).Error("InvalidSecurityGroupDiscription.Malformed", 400);
        (await Client.Ecs("ModifySecurityGroupAttribute", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", "sg-nope"), ("SecurityGroupName", "abc"))).Error("InvalidSecurityGroupId.NotFound", 404);
        await SetFlags(id, """{"ServiceManaged":true}""");
        (await Client.Ecs("ModifySecurityGroupAttribute", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", id), ("SecurityGroupName", "abc"))).Error("InvalidOperation.ResourceManagedByCloudProduct", 403);
    }

    [Theory]
    [InlineData("drop", "Drop")]
    [InlineData("DROP", "Drop")]
    [InlineData("Accept", "Accept")]
    public async Task ModifySecurityGroupPolicy_SetsThePolicyInAnyCase(string value, string shown)
    {
        var id = await CreateGroup();
        (await Client.Ecs("ModifySecurityGroupPolicy", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", id), ("InnerAccessPolicy", value))).Ok();
        Assert.Equal(shown, (await Attribute(id)).Ok().GetProperty("InnerAccessPolicy").GetString());
    }

    [Fact]
    public async Task ModifySecurityGroupPolicy_Refusals()
    {
        var vpcId = await CreateVpc();
        var enterprise = await CreateGroup(vpcId, ("SecurityGroupType", "enterprise"));
        var basic = await CreateGroup(vpcId);

        (await Client.Ecs("ModifySecurityGroupPolicy", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", enterprise), ("InnerAccessPolicy", "Accept"))).Error("InvalidParameter.InnerAccessPolicy", 404);
        (await Client.Ecs("ModifySecurityGroupPolicy", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", basic), ("InnerAccessPolicy", "Allow"))).Error("InvalidPolicy.Malformed", 400);
        (await Client.Ecs("ModifySecurityGroupPolicy", ("SecurityGroupId", basic), ("InnerAccessPolicy", "Drop"))).Error("MissingParamter.RegionId", 400);
        (await Client.Ecs("ModifySecurityGroupPolicy", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", basic))).Error("MissingParameter", 400);
        (await Client.Ecs("ModifySecurityGroupPolicy", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", "sg-gone"), ("InnerAccessPolicy", "Drop"))).Error("InvalidSecurityGroupId.NotFound", 404);
        await SetFlags(basic, """{"ServiceManaged":true}""");
        (await Client.Ecs("ModifySecurityGroupPolicy", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", basic), ("InnerAccessPolicy", "Drop"))).Error("InvalidOperation.ResourceManagedByCloudProduct", 403);
        Assert.Equal("Drop", (await Attribute(enterprise)).Ok().GetProperty("InnerAccessPolicy").GetString());
        Assert.Equal("Accept", (await Attribute(basic)).Ok().GetProperty("InnerAccessPolicy").GetString());
    }

    [Fact]
    public async Task ModifySecurityGroupPolicy_ClientTokenRetry_ReplaysAndMismatchIsRefused()
    {
        var id = await CreateGroup();
        var first = await Client.Ecs("ModifySecurityGroupPolicy", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", id), ("InnerAccessPolicy", "Drop"), ("ClientToken", "p-1"));
        var again = await Client.Ecs("ModifySecurityGroupPolicy", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", id), ("InnerAccessPolicy", "Drop"), ("ClientToken", "p-1"));

        Assert.Equal(first.Ok().GetProperty("RequestId").GetString(), again.Ok().GetProperty("RequestId").GetString());
        (await Client.Ecs("ModifySecurityGroupPolicy", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", id), ("InnerAccessPolicy", "Accept"), ("ClientToken", "p-1")))
            .Error("IdempotentParameterMismatch", 400);
        Assert.Equal("Drop", (await Attribute(id)).Ok().GetProperty("InnerAccessPolicy").GetString());
    }
}
