using System.Text.Json;

namespace SecurityGroups.FunctionalTests.Networks;

/// <summary>
/// The Actions Terraform's network resources call besides the core ones (issue 13): exact codes and statuses of every new
/// error, and the response containers the provider type-asserts (present, of the right JSON kind, empty when empty).
/// </summary>
public sealed class TerraformNetworkActionsTests(EmulatorFactory factory) : EmulatorTest(factory)
{
    private const string Region = "cn-hangzhou";

    private static void AssertEmptyList(JsonElement parent, string container, string list)
    {
        var value = parent.GetProperty(container);
        Assert.Equal(JsonValueKind.Object, value.ValueKind);
        Assert.Equal(JsonValueKind.Array, value.GetProperty(list).ValueKind);
        Assert.Equal(0, value.GetProperty(list).GetArrayLength());
    }

    private async Task<(string VpcId, string VSwitchId, string GroupId, string EniId)> Network()
    {
        var vpcId = await CreateVpc();
        var vSwitchId = await CreateVSwitch(vpcId);
        var groupId = await CreateGroup(vpcId);
        var eniId = (await Client.Ecs("CreateNetworkInterface", ("RegionId", Region), ("VSwitchId", vSwitchId), ("SecurityGroupId", groupId)))
            .Ok().GetProperty("NetworkInterfaceId").GetString()!;
        return (vpcId, vSwitchId, groupId, eniId);
    }

    private async Task<JsonElement> Eni(string eniId) =>
        (await Client.Ecs("DescribeNetworkInterfaces", ("RegionId", Region), ("NetworkInterfaceId.1", eniId))).Ok()
            .GetProperty("NetworkInterfaceSets").GetProperty("NetworkInterfaceSet")[0];

    [Fact]
    public async Task DescribeNetworkInterfaces_AlwaysSendsTheContainersTheProviderTypeAsserts()
    {
        var (_, _, _, eniId) = await Network();
        var eni = await Eni(eniId);

        AssertEmptyList(eni, "Ipv6Sets", "Ipv6Set");
        AssertEmptyList(eni, "Ipv4PrefixSets", "Ipv4PrefixSet");
        AssertEmptyList(eni, "Ipv6PrefixSets", "Ipv6PrefixSet");
        AssertEmptyList(eni, "Tags", "Tag");
        Assert.Equal(JsonValueKind.Array, eni.GetProperty("PrivateIpSets").GetProperty("PrivateIpSet").ValueKind);
        Assert.Equal(JsonValueKind.Object, eni.GetProperty("PrivateIpSets").GetProperty("PrivateIpSet")[0].GetProperty("AssociatedPublicIp").ValueKind);
        Assert.Equal(JsonValueKind.True, eni.GetProperty("PrivateIpSets").GetProperty("PrivateIpSet")[0].GetProperty("Primary").ValueKind);
        Assert.Equal(JsonValueKind.Object, eni.GetProperty("Attachment").ValueKind);
        Assert.Equal("", eni.GetProperty("Attachment").GetProperty("InstanceId").GetString());
        Assert.Equal(JsonValueKind.Object, eni.GetProperty("AssociatedPublicIp").ValueKind);
        Assert.Equal(1, eni.GetProperty("QueueNumber").GetInt32());
        Assert.True(eni.GetProperty("DeleteOnRelease").GetBoolean());
        Assert.Equal("Standard", eni.GetProperty("NetworkInterfaceTrafficMode").GetString());
    }

    [Fact]
    public async Task NetworkInterface_StoresItsOptions_AndAttachmentShowsTheDeviceIndex()
    {
        var (_, vSwitchId, groupId, _) = await Network();
        var eniId = (await Client.Ecs("CreateNetworkInterface", ("RegionId", Region), ("VSwitchId", vSwitchId), ("SecurityGroupIds.1", groupId),
            ("QueueNumber", "3"), ("SourceDestCheck", "true"), ("DeleteOnRelease", "false"), ("NetworkInterfaceTrafficMode", "HighPerformance"),
            ("ResourceGroupId", "rg-eni"))).Ok().GetProperty("NetworkInterfaceId").GetString()!;
        var instanceId = (await Client.Ecs("RunInstances", ("RegionId", Region), ("VSwitchId", vSwitchId), ("SecurityGroupId", groupId))).Ok()
            .GetProperty("InstanceIdSets").GetProperty("InstanceIdSet")[0].GetString()!;
        (await Client.Ecs("AttachNetworkInterface", ("RegionId", Region), ("NetworkInterfaceId", eniId), ("InstanceId", instanceId))).Ok();
        (await Client.Ecs("ModifyNetworkInterfaceAttribute", ("RegionId", Region), ("NetworkInterfaceId", eniId), ("QueueNumber", "8"))).Ok();

        var eni = await Eni(eniId);
        Assert.Equal(8, eni.GetProperty("QueueNumber").GetInt32());
        Assert.True(eni.GetProperty("SourceDestCheck").GetBoolean());
        Assert.False(eni.GetProperty("DeleteOnRelease").GetBoolean());
        Assert.Equal("HighPerformance", eni.GetProperty("NetworkInterfaceTrafficMode").GetString());
        Assert.Equal("rg-eni", eni.GetProperty("ResourceGroupId").GetString());
        Assert.Equal(instanceId, eni.GetProperty("Attachment").GetProperty("InstanceId").GetString());
        Assert.Equal(1, eni.GetProperty("Attachment").GetProperty("DeviceIndex").GetInt32());

        (await Client.Ecs("DetachNetworkInterface", ("RegionId", Region), ("NetworkInterfaceId", eniId), ("InstanceId", instanceId))).Ok();
        Assert.Equal(0, (await Eni(eniId)).GetProperty("Attachment").GetProperty("DeviceIndex").GetInt32());
    }

    [Theory]
    [InlineData("QueueNumber", "0", "InvalidParameter.QueueNumber")]
    [InlineData("QueueNumber", "257", "InvalidParameter.QueueNumber")]
    [InlineData("NetworkInterfaceTrafficMode", "Turbo", "InvalidParameter.NetworkInterfaceTrafficMode")]
    public async Task CreateNetworkInterface_WithBadOptions_IsRefused(string name, string value, string code)
    {
        var vpcId = await CreateVpc();
        var vSwitchId = await CreateVSwitch(vpcId);
        var groupId = await CreateGroup(vpcId);
        (await Client.Ecs("CreateNetworkInterface", ("RegionId", Region), ("VSwitchId", vSwitchId), ("SecurityGroupId", groupId), (name, value)))
            .Error(code, 400);
        (await Client.Ecs("ModifyNetworkInterfaceAttribute", ("RegionId", Region), ("NetworkInterfaceId", "eni-x"), ("QueueNumber", "0")))
            .Error("InvalidParameter.QueueNumber", 400);
    }

    [Fact]
    public async Task DescribeVpcAttribute_ShowsTheVpc_WithEveryContainer()
    {
        var vpcId = await CreateVpc(extra: [("Tag.1.Key", "env"), ("Tag.1.Value", "dev")]);
        var vSwitchId = await CreateVSwitch(vpcId);
        var vpc = (await Client.Vpc("DescribeVpcAttribute", ("RegionId", Region), ("VpcId", vpcId))).Ok();

        Assert.Equal(vpcId, vpc.GetProperty("VpcId").GetString());
        Assert.Equal("Available", vpc.GetProperty("Status").GetString());
        Assert.Equal(vSwitchId, vpc.GetProperty("VSwitchIds").GetProperty("VSwitchId")[0].GetString());
        Assert.Equal("env", vpc.GetProperty("Tags").GetProperty("Tag")[0].GetProperty("Key").GetString());
        Assert.Equal(JsonValueKind.False, vpc.GetProperty("ClassicLinkEnabled").ValueKind);
        Assert.Equal(JsonValueKind.Number, vpc.GetProperty("OwnerId").ValueKind);
        AssertEmptyList(vpc, "Ipv6CidrBlocks", "Ipv6CidrBlock");
        AssertEmptyList(vpc, "SecondaryCidrBlocks", "SecondaryCidrBlock");
        AssertEmptyList(vpc, "UserCidrs", "UserCidr");
        AssertEmptyList(vpc, "AssociatedCens", "AssociatedCen");
    }

    [Fact]
    public async Task VpcAndVSwitchReads_OfAMissingResource_Are404()
    {
        var vpcId = await CreateVpc();
        (await Client.Vpc("DescribeVpcAttribute", ("RegionId", Region), ("VpcId", "vpc-missing"))).Error("InvalidVpcId.NotFound", 404);
        (await Client.Vpc("DescribeVpcAttribute", ("RegionId", "cn-shanghai"), ("VpcId", vpcId))).Error("InvalidVpcId.NotFound", 404);
        (await Client.Vpc("DescribeVpcAttribute", ("RegionId", Region))).Error("MissingParameter", 400);
        (await Client.Vpc("DescribeVSwitchAttributes", ("RegionId", Region), ("VSwitchId", "vsw-missing"))).Error("InvalidVSwitchId.NotFound", 404);
        (await Client.Vpc("DescribeVSwitchAttributes", ("RegionId", Region))).Error("MissingParameter", 400);
        (await Client.Vpc("ModifyVpcAttribute", ("RegionId", Region), ("VpcId", "vpc-missing"), ("VpcName", "x"))).Error("InvalidVpcId.NotFound", 404);
        (await Client.Vpc("ModifyVSwitchAttribute", ("RegionId", Region), ("VSwitchId", "vsw-missing"), ("VSwitchName", "x"))).Error("InvalidVSwitchId.NotFound", 404);
    }

    [Fact]
    public async Task ModifyVpcAttribute_ChangesNameDescriptionAndCidr_ButNeverLeavesAVSwitchOutside()
    {
        var vpcId = await CreateVpc("192.168.0.0/16");
        await CreateVSwitch(vpcId, "192.168.1.0/24");
        (await Client.Vpc("ModifyVpcAttribute", ("RegionId", Region), ("VpcId", vpcId), ("VpcName", "n2"), ("Description", "d2"), ("CidrBlock", "192.168.0.0/15"))).Ok();
        var vpc = (await Client.Vpc("DescribeVpcAttribute", ("RegionId", Region), ("VpcId", vpcId))).Ok();
        Assert.Equal("n2", vpc.GetProperty("VpcName").GetString());
        Assert.Equal("d2", vpc.GetProperty("Description").GetString());
        Assert.Equal("192.168.0.0/15", vpc.GetProperty("CidrBlock").GetString());

        (await Client.Vpc("ModifyVpcAttribute", ("RegionId", Region), ("VpcId", vpcId), ("CidrBlock", "192.168.2.0/24"))).Error("InvalidCidrBlock.Malformed", 400);
        (await Client.Vpc("ModifyVpcAttribute", ("RegionId", Region), ("VpcId", vpcId), ("CidrBlock", "192.168.0.1/16"))).Error("InvalidCidrBlock.Malformed", 400);
        (await Client.Vpc("ModifyVpcAttribute", ("RegionId", Region), ("VpcId", vpcId), ("VpcName", "http://x"))).Error("InvalidVpcName.Malformed", 400);
        (await Client.Vpc("ModifyVpcAttribute", ("RegionId", Region), ("VpcId", vpcId), ("Description", "https://x"))).Error("InvalidVpcDiscription.Malformed", 400);
        Assert.Equal("192.168.0.0/15", (await Client.Vpc("DescribeVpcAttribute", ("RegionId", Region), ("VpcId", vpcId))).Ok().GetProperty("CidrBlock").GetString());
    }

    [Fact]
    public async Task DescribeRouteTableList_ShowsOneSystemTablePerVpc_AndModifyRouteTableAttributesRenamesIt()
    {
        var vpcId = await CreateVpc();
        var vSwitchId = await CreateVSwitch(vpcId);
        var created = (await Client.Vpc("DescribeVpcs", ("RegionId", Region), ("VpcId", vpcId))).Ok().GetProperty("Vpcs").GetProperty("Vpc")[0];
        var routeTableId = created.GetProperty("RouterTableIds").GetProperty("RouterTableIds")[0].GetString()!;

        var list = (await Client.Vpc("DescribeRouteTableList", ("RegionId", Region), ("VpcId", vpcId))).Ok();
        Assert.Equal(1, list.GetProperty("TotalCount").GetInt32());
        var table = list.GetProperty("RouterTableList").GetProperty("RouterTableListType")[0];
        Assert.Equal(routeTableId, table.GetProperty("RouteTableId").GetString());
        Assert.Equal("System", table.GetProperty("RouteTableType").GetString());
        Assert.Equal(created.GetProperty("VRouterId").GetString(), table.GetProperty("RouterId").GetString());
        Assert.Equal(vSwitchId, table.GetProperty("VSwitchIds").GetProperty("VSwitchId")[0].GetString());
        Assert.True(table.GetProperty("RoutePropagationEnable").GetBoolean());
        Assert.False(list.TryGetProperty("Code", out _));

        (await Client.Vpc("ModifyRouteTableAttributes", ("RegionId", Region), ("RouteTableId", routeTableId), ("RouteTableName", "main"), ("Description", "sys"))).Ok();
        table = (await Client.Vpc("DescribeRouteTableList", ("RegionId", Region), ("RouteTableId", routeTableId))).Ok()
            .GetProperty("RouterTableList").GetProperty("RouterTableListType")[0];
        Assert.Equal("main", table.GetProperty("RouteTableName").GetString());
        Assert.Equal("sys", table.GetProperty("Description").GetString());

        var custom = (await Client.Vpc("DescribeRouteTableList", ("RegionId", Region), ("VpcId", vpcId), ("RouteTableType", "Custom"))).Ok();
        AssertEmptyList(custom, "RouterTableList", "RouterTableListType");

        // Route tables carry no tags here: a tag filter matches none, as Alibaba answers for untagged tables.
        var tagged = (await Client.Vpc("DescribeRouteTableList", ("RegionId", Region), ("VpcId", vpcId), ("Tag.1.Key", "env"), ("Tag.1.Value", "dev"))).Ok();
        AssertEmptyList(tagged, "RouterTableList", "RouterTableListType");
        Assert.Equal(0, tagged.GetProperty("TotalCount").GetInt32());
        (await Client.Vpc("ModifyRouteTableAttributes", ("RegionId", Region), ("RouteTableId", "vtb-missing"), ("RouteTableName", "x"))).Error("InvalidRouteTableId.NotFound", 404);
        (await Client.Vpc("ModifyRouteTableAttributes", ("RegionId", Region), ("RouteTableId", routeTableId), ("RouteTableName", "http://x"))).Error("InvalidRouteTableName.Malformed", 400);
        (await Client.Vpc("ModifyRouteTableAttributes", ("RegionId", Region), ("RouteTableId", routeTableId), ("Description", "https://x"))).Error("InvalidDescription.Malformed", 400);
        (await Client.Vpc("ModifyRouteTableAttributes", ("RegionId", Region))).Error("MissingParameter", 400);
        (await Client.Vpc("DescribeRouteTableList")).Error("MissingParameter", 400);
    }

    [Fact]
    public async Task ModifyVSwitchAttribute_RenamesAndValidates()
    {
        var vSwitchId = await CreateVSwitch(await CreateVpc());
        (await Client.Vpc("ModifyVSwitchAttribute", ("RegionId", Region), ("VSwitchId", vSwitchId), ("VSwitchName", "web"), ("Description", "subnet"))).Ok();
        var vsw = (await Client.Vpc("DescribeVSwitchAttributes", ("RegionId", Region), ("VSwitchId", vSwitchId))).Ok();
        Assert.Equal("web", vsw.GetProperty("VSwitchName").GetString());
        Assert.Equal("subnet", vsw.GetProperty("Description").GetString());
        Assert.Equal("System", vsw.GetProperty("RouteTable").GetProperty("RouteTableType").GetString());
        AssertEmptyList(vsw, "Tags", "Tag");
        Assert.Equal(JsonValueKind.Number, vsw.GetProperty("AvailableIpAddressCount").ValueKind);
        (await Client.Vpc("ModifyVSwitchAttribute", ("VSwitchId", vSwitchId), ("VSwitchName", "http://x"))).Error("InvalidVSwitchName.Malformed", 400);
        (await Client.Vpc("ModifyVSwitchAttribute", ("VSwitchId", vSwitchId), ("Description", "https://x"))).Error("InvalidVSwitchDiscription.Malformed", 400);
        (await Client.Vpc("ModifyVSwitchAttribute", ("RegionId", Region))).Error("MissingParameter", 400);
    }

    [Fact]
    public async Task JoinResourceGroup_MovesGroupsEnisAndInstances_AndIsFilteredOn()
    {
        var (_, vSwitchId, groupId, eniId) = await Network();
        var instanceId = (await Client.Ecs("RunInstances", ("RegionId", Region), ("VSwitchId", vSwitchId), ("SecurityGroupId", groupId))).Ok()
            .GetProperty("InstanceIdSets").GetProperty("InstanceIdSet")[0].GetString()!;
        (await Client.Ecs("JoinResourceGroup", ("RegionId", Region), ("ResourceType", "securitygroup"), ("ResourceId", groupId), ("ResourceGroupId", "rg-a"))).Ok();
        (await Client.Ecs("JoinResourceGroup", ("RegionId", Region), ("ResourceType", "ENI"), ("ResourceId", eniId), ("ResourceGroupId", "rg-a"))).Ok();
        (await Client.Ecs("JoinResourceGroup", ("RegionId", Region), ("ResourceType", "instance"), ("ResourceId", instanceId), ("ResourceGroupId", "rg-a"))).Ok();

        var groups = await DescribeGroups(("RegionId", Region), ("ResourceGroupId", "rg-a"));
        Assert.Equal(groupId, groups.GetProperty("SecurityGroups").GetProperty("SecurityGroup")[0].GetProperty("SecurityGroupId").GetString());
        Assert.Equal("rg-a", (await Eni(eniId)).GetProperty("ResourceGroupId").GetString());

        (await Client.Ecs("JoinResourceGroup", ("RegionId", Region), ("ResourceType", "disk"), ("ResourceId", groupId), ("ResourceGroupId", "rg-a")))
            .Error("InvalidResourceType.NotFound", 404);
        (await Client.Ecs("JoinResourceGroup", ("RegionId", Region), ("ResourceType", "securitygroup"), ("ResourceId", "sg-missing"), ("ResourceGroupId", "rg-a")))
            .Error("InvalidResourceId.NotFound", 404);
        (await Client.Ecs("JoinResourceGroup", ("RegionId", "cn-shanghai"), ("ResourceType", "securitygroup"), ("ResourceId", groupId), ("ResourceGroupId", "rg-a")))
            .Error("InvalidResourceId.NotFound", 404);
        (await Client.Ecs("JoinResourceGroup", ("RegionId", Region), ("ResourceType", "securitygroup"), ("ResourceId", groupId)))
            .Error("MissingParameter", 400);
        (await Client.Ecs("JoinResourceGroup", ("RegionId", "xx-nowhere"), ("ResourceType", "securitygroup"), ("ResourceId", groupId), ("ResourceGroupId", "rg-a")))
            .Error("InvalidRegionId.NotFound", 404);
    }

    [Fact]
    public async Task MoveResourceGroup_MovesVpcsAndVSwitches()
    {
        var vpcId = await CreateVpc();
        var vSwitchId = await CreateVSwitch(vpcId);
        (await Client.Vpc("MoveResourceGroup", ("RegionId", Region), ("ResourceType", "VPC"), ("ResourceId", vpcId), ("NewResourceGroupId", "rg-v"))).Ok();
        (await Client.Vpc("MoveResourceGroup", ("RegionId", Region), ("ResourceType", "vswitch"), ("ResourceId", vSwitchId), ("NewResourceGroupId", "rg-s"))).Ok();
        Assert.Equal("rg-v", (await Client.Vpc("DescribeVpcAttribute", ("RegionId", Region), ("VpcId", vpcId))).Ok().GetProperty("ResourceGroupId").GetString());
        Assert.Equal("rg-s", (await Client.Vpc("DescribeVSwitchAttributes", ("VSwitchId", vSwitchId))).Ok().GetProperty("ResourceGroupId").GetString());
        Assert.Equal(1, (await Client.Vpc("DescribeVpcs", ("RegionId", Region), ("ResourceGroupId", "rg-v"))).Ok().GetProperty("TotalCount").GetInt32());

        (await Client.Vpc("MoveResourceGroup", ("RegionId", Region), ("ResourceType", "NATGATEWAY"), ("ResourceId", vpcId), ("NewResourceGroupId", "rg-v")))
            .Error("InvalidResourceType.NotFound", 404);
        (await Client.Vpc("MoveResourceGroup", ("RegionId", Region), ("ResourceType", "VPC"), ("ResourceId", "vpc-missing"), ("NewResourceGroupId", "rg-v")))
            .Error("InvalidResourceId.NotFound", 404);
        (await Client.Vpc("MoveResourceGroup", ("RegionId", Region), ("ResourceType", "VPC"), ("ResourceId", vpcId))).Error("MissingParameter", 400);
    }

    [Fact]
    public async Task VpcTagActions_TagUntagAndListVpcsAndVSwitches_AndRefuseEcsTypes()
    {
        var vpcId = await CreateVpc();
        var vSwitchId = await CreateVSwitch(vpcId);
        var groupId = await CreateGroup(vpcId);
        (await Client.Vpc("TagResources", ("RegionId", Region), ("ResourceType", "VPC"), ("ResourceId.1", vpcId), ("Tag.1.Key", "a"), ("Tag.1.Value", "1"))).Ok();
        (await Client.Vpc("TagResources", ("RegionId", Region), ("ResourceType", "VSWITCH"), ("ResourceId.1", vSwitchId), ("Tag.1.Key", "b"), ("Tag.1.Value", "2"))).Ok();
        var listed = (await Client.Vpc("ListTagResources", ("RegionId", Region), ("ResourceType", "VPC"), ("ResourceId.1", vpcId))).Ok();
        Assert.Equal("a", listed.GetProperty("TagResources").GetProperty("TagResource")[0].GetProperty("TagKey").GetString());
        Assert.Equal("b", (await Client.Vpc("DescribeVSwitchAttributes", ("VSwitchId", vSwitchId))).Ok().GetProperty("Tags").GetProperty("Tag")[0].GetProperty("Key").GetString());

        (await Client.Vpc("UnTagResources", ("RegionId", Region), ("ResourceType", "VPC"), ("ResourceId.1", vpcId), ("TagKey.1", "a"))).Ok();
        AssertEmptyList((await Client.Vpc("DescribeVpcAttribute", ("RegionId", Region), ("VpcId", vpcId))).Ok(), "Tags", "Tag");

        (await Client.Vpc("TagResources", ("RegionId", Region), ("ResourceType", "securitygroup"), ("ResourceId.1", groupId), ("Tag.1.Key", "a"), ("Tag.1.Value", "1")))
            .Error("InvalidResourceType.NotFound", 404);
        (await Client.Ecs("TagResources", ("RegionId", Region), ("ResourceType", "VPC"), ("ResourceId.1", vpcId), ("Tag.1.Key", "a"), ("Tag.1.Value", "1")))
            .Error("InvalidResourceType.NotFound", 404);
        (await Client.Vpc("TagResources", ("RegionId", Region), ("ResourceType", "VPC"), ("ResourceId.1", "vpc-missing"), ("Tag.1.Key", "a"), ("Tag.1.Value", "1")))
            .Error("InvalidResourceId.NotFound", 404);
        (await Client.Ecs("UnTagResources", ("RegionId", Region), ("ResourceType", "VPC"), ("ResourceId.1", vpcId), ("TagKey.1", "a"))).Error("InvalidVersion", 400);
        (await Client.Vpc("JoinResourceGroup", ("RegionId", Region))).Error("InvalidVersion", 400);
    }
}
