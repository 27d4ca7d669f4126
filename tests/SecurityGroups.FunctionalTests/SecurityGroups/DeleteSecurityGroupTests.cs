namespace SecurityGroups.FunctionalTests.SecurityGroups;

public sealed class DeleteSecurityGroupTests(EmulatorFactory factory) : EmulatorTest(factory)
{
    private Task<AcsResult> Delete(string id) => Client.Ecs("DeleteSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", id));

    [Fact]
    public async Task DeleteSecurityGroup_RemovesItWithItsTags()
    {
        var id = await CreateGroup(null, ("Tag.1.Key", "k"), ("Tag.1.Value", "v"));

        (await Delete(id)).Ok();

        Assert.Equal(0, (await DescribeGroups()).GetProperty("TotalCount").GetInt32());
        Assert.DoesNotContain(id, DatabaseSnapshot.Take(Factory), StringComparison.Ordinal);
        (await Delete(id)).Error("InvalidSecurityGroup.NotFound", 404);
    }

    [Fact]
    public async Task DeleteSecurityGroup_Unknown_IsInvalidSecurityGroupNotFound()
    {
        (await Delete("sg-nothere")).Error("InvalidSecurityGroup.NotFound", 404);
        (await Client.Ecs("DeleteSecurityGroup", ("SecurityGroupId", "sg-x"))).Error("MissingParameter.RegionId", 400);
    }

    [Fact]
    public async Task DeleteSecurityGroup_InAnotherRegionOrAccount_IsNotFound()
    {
        var id = await CreateGroup();
        (await Client.Ecs("DeleteSecurityGroup", ("RegionId", "cn-shanghai"), ("SecurityGroupId", id))).Error("InvalidSecurityGroup.NotFound", 404);
        using var other = Signers.Acs3("DeleteSecurityGroup", AcsClient.EcsVersion, [("RegionId", "cn-hangzhou"), ("SecurityGroupId", id)], "test2", "secret2");
        (await Client.Send(other)).Error("InvalidSecurityGroup.NotFound", 404);
        Assert.Equal(1, (await DescribeGroups()).GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task DeleteSecurityGroup_Protected_IsInvalidOperationDeletionProtection()
    {
        var id = await CreateGroup();
        await SetFlags(id, """{"DeletionProtection":true}""");

        (await Delete(id)).Error("InvalidOperation.DeletionProtection", 400);

        await SetFlags(id, """{"DeletionProtection":false}""");
        (await Delete(id)).Ok();
    }

    [Fact]
    public async Task DeleteSecurityGroup_Managed_IsResourceManagedByCloudProduct()
    {
        var id = await CreateGroup();
        await SetFlags(id, """{"ServiceManaged":true,"ServiceId":7}""");

        (await Delete(id)).Error("InvalidOperation.ResourceManagedByCloudProduct", 403);
        Assert.Equal(1, (await DescribeGroups()).GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task DeleteSecurityGroup_ReferencedByAnotherGroupsRule_IsDependencyViolation403()
    {
        var vpcId = await CreateVpc();
        var target = await CreateGroup(vpcId);
        var referrer = await CreateGroup(vpcId);
        await AddRuleReferencing(referrer, target);

        var result = await Delete(target);

        result.Error("DependencyViolation", 403);
        Assert.Equal("The specified security group has been authorized in another one.", result.Str("Message"));
        (await Delete(referrer)).Ok();
        (await Delete(target)).Ok();
    }

    [Fact]
    public async Task DeleteVpc_WithASecurityGroup_IsDependencyViolationSecurityGroup()
    {
        var vpcId = await CreateVpc();
        var id = await CreateGroup(vpcId);

        (await Client.Vpc("DeleteVpc", ("VpcId", vpcId))).Error("DependencyViolation.SecurityGroup", 400);
        (await Delete(id)).Ok();
        (await Client.Vpc("DeleteVpc", ("VpcId", vpcId))).Ok();
    }

    [Fact]
    public async Task SetFlags_OnAnUnknownGroup_IsNotFound()
    {
        using var content = new StringContent("""{"ServiceManaged":true}""", System.Text.Encoding.UTF8, "application/json");
        var result = await Client.Send(new HttpRequestMessage(HttpMethod.Post, "/_emulator/security-groups/sg-unknown/flags") { Content = content });
        result.Error("InvalidSecurityGroupId.NotFound", 404);
    }

    /// <summary>An ingress rule of <paramref name="referrer"/> whose source is <paramref name="target"/>.</summary>
    private async Task AddRuleReferencing(string referrer, string target) =>
        (await Client.Ecs("AuthorizeSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", referrer), ("Permissions.1.IpProtocol", "TCP"),
            ("Permissions.1.PortRange", "22/22"), ("Permissions.1.SourceGroupId", target))).Ok();
}
