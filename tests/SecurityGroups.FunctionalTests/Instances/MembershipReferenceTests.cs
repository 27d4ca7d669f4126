namespace SecurityGroups.FunctionalTests.Instances;

/// <summary>
/// The error tables of ModifyInstanceAttribute and ModifyNetworkInterfaceAttribute for a new set of groups, and the ENI's
/// name and description rules (docs/reference-check.md). Every refusal leaves the groups as they were.
/// </summary>
public sealed class MembershipReferenceTests(EmulatorFactory factory) : InstanceTest(factory)
{
    [Fact]
    public async Task ModifyInstanceAttribute_RefusesWithItsOwnCodes()
    {
        await Arrange();
        var a = await CreateGroup(Vpc);
        var enterprise = await CreateGroup(Vpc, ("SecurityGroupType", "enterprise"));
        var classic = await CreateGroup();
        var elsewhere = await CreateGroup(await CreateVpc("10.0.0.0/8"));
        var instance = (await Run(a))[0];
        Task<AcsResult> Modify(params string[] groups) =>
            Client.Ecs("ModifyInstanceAttribute", [("InstanceId", instance), .. groups.Select((g, i) => ($"SecurityGroupIds.{i + 1}", g))]);

        (await Modify(a, a)).Error("InvalidParameter.SecurityGroupIdRepeated", 404);
        (await Modify(a, enterprise)).Error("EnterpriseGroupLimited.MutliGroupType", 403);
        (await Modify(classic)).Error("InvalidSecurityGroupType.NotSupportClassic", 404);
        (await Modify(a, elsewhere)).Error("InvalidSecurityGroupVpc.NotBelongToOneVpc", 404);
        (await Modify(a, "sg-nope")).Error("InvalidSecurityGroupId.NotFound", 404);
        Assert.Equal([a], await GroupsOf(instance));

        (await Modify(enterprise)).Ok();
        Assert.Equal([enterprise], await GroupsOf(instance));
    }

    [Fact]
    public async Task ModifyNetworkInterfaceAttribute_RefusesWithItsOwnCodes()
    {
        await Arrange();
        var a = await CreateGroup(Vpc);
        var enterprise = await CreateGroup(Vpc, ("SecurityGroupType", "enterprise"));
        var classic = await CreateGroup();
        var elsewhere = await CreateGroup(await CreateVpc("10.0.0.0/8"));
        var eni = await Eni(("SecurityGroupId", a));
        Task<AcsResult> Modify(params (string, string)[] parameters) =>
            Client.Ecs("ModifyNetworkInterfaceAttribute", [("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", eni), .. parameters]);

        (await Modify(("SecurityGroupId.1", a), ("SecurityGroupId.2", a))).Error("InvalidParameter.SecurityGroupIdRepeated", 404);
        (await Modify(("SecurityGroupId.1", a), ("SecurityGroupId.2", enterprise))).Error("InvalidOperation.MultiGroupType", 403);
        (await Modify(("SecurityGroupId.1", classic))).Error("InvalidSecurityGroupId.NotVpc", 403);
        (await Modify(("SecurityGroupId.1", elsewhere))).Error("InvalidOperation.VpcMismatch", 403);
        (await Modify(("SecurityGroupId.1", "sg-nope"))).Error("InvalidSecurityGroupId.NotFound", 404);
        (await Client.Ecs("ModifyNetworkInterfaceAttribute", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", "eni-nope"), ("SecurityGroupId.1", a)))
            .Error("InvalidEniId.NotFound", 404);
        Assert.Equal([a], (await NetworkInterface(eni)).GetProperty("SecurityGroupIds").GetProperty("SecurityGroupId").EnumerateArray().Select(g => g.GetString()));
    }

    [Theory]
    [InlineData("NetworkInterfaceName", "x", "InvalidParams.NetworkInterfaceName", 403)]
    [InlineData("NetworkInterfaceName", "9lives", "InvalidParams.NetworkInterfaceName", 403)]
    [InlineData("NetworkInterfaceName", "http://eni", "InvalidParams.NetworkInterfaceName", 403)]
    [InlineData("NetworkInterfaceName", null, "InvalidParams.NetworkInterfaceName", 403)]
    [InlineData("Description", "d", "InvalidDescription.Malformed", 400)]
    [InlineData("Description", "https://d", "InvalidDescription.Malformed", 400)]
    [InlineData("Description", null, "InvalidDescription.Malformed", 400)]
    public async Task ModifyNetworkInterfaceAttribute_ValidatesNameAndDescription(string field, string? value, string code, int status)
    {
        await Arrange();
        var eni = await Eni(("SecurityGroupId", await CreateGroup(Vpc)));
        var text = value ?? (field == "Description" ? new string('d', 256) : "n" + new string('a', 128));

        (await Client.Ecs("ModifyNetworkInterfaceAttribute", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", eni), (field, text))).Error(code, status);

        (await Client.Ecs("ModifyNetworkInterfaceAttribute", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", eni),
            ("NetworkInterfaceName", "n" + new string('a', 127)), ("Description", new string('d', 255)))).Ok();
        Assert.Equal(128, (await NetworkInterface(eni)).GetProperty("NetworkInterfaceName").GetString()!.Length);
    }
}
