namespace SecurityGroups.FunctionalTests.Rules;

/// <summary>Statements of Alibaba's API reference for the rule Actions (docs/reference-check.md), each with its exact code and status.</summary>
public sealed class ReferenceStatementTests(EmulatorFactory factory) : RuleTest(factory)
{
    [Fact]
    public async Task AuthorizeEgress_SameSourceAndDestCidr_IsInvalidParamterConflict()
    {
        await Arrange();
        (await Egress(Perm(1, ("IpProtocol", "TCP"), ("PortRange", "443/443"), ("DestCidrIp", "10.1.0.0/16"), ("SourceCidrIp", "10.1.0.0/16"))))
            .Error("InvalidParamter.Conflict", 400);
        (await Egress(Perm(1, ("IpProtocol", "TCP"), ("PortRange", "443/443"), ("Ipv6DestCidrIp", "2001:db8::/64"), ("Ipv6SourceCidrIp", "2001:DB8:0::/64"))))
            .Error("InvalidParamter.Conflict", 400);
        Assert.Empty(await Rules());

        (await Egress(Perm(1, ("IpProtocol", "TCP"), ("PortRange", "443/443"), ("DestCidrIp", "10.1.0.0/16"), ("SourceCidrIp", "10.2.0.0/16")))).Ok();
        Assert.Single(await Rules("egress"));
    }

    [Fact]
    public async Task EnterpriseGroups_RefuseGroupReferences_ButTakeDropRules()
    {
        await Arrange();
        var enterprise = await CreateGroup(VpcId, ("SecurityGroupType", "enterprise"));
        Task<AcsResult> On(string action, params (string, string)[] permission) =>
            Client.Ecs(action, [("RegionId", "cn-hangzhou"), ("SecurityGroupId", enterprise), .. permission]);

        (await On("AuthorizeSecurityGroup", Perm(1, ("IpProtocol", "ALL"), ("PortRange", "-1/-1"), ("SourceGroupId", Peer))))
            .Error("InvalidGroupParameter.OperationDenied", 400);
        (await On("AuthorizeSecurityGroupEgress", Perm(1, ("IpProtocol", "ALL"), ("PortRange", "-1/-1"), ("DestGroupId", Peer))))
            .Error("InvalidGroupParameter.OperationDenied", 400);

        // The reference's legacy "Policy" clause is not applied: the product page says enterprise groups take Accept and Drop rules.
        (await On("AuthorizeSecurityGroup", Perm(1, ("IpProtocol", "TCP"), ("PortRange", "22/22"), ("SourceCidrIp", "0.0.0.0/0"), ("Policy", "drop")))).Ok();
        Assert.Equal("Drop", Assert.Single(await Rules(group: enterprise)).GetProperty("Policy").GetString());
    }
}
