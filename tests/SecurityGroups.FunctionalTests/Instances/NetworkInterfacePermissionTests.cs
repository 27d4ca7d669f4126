namespace SecurityGroups.FunctionalTests.Instances;

/// <summary>CreateNetworkInterfacePermission, DescribeNetworkInterfacePermissions, DeleteNetworkInterfacePermission.</summary>
public sealed class NetworkInterfacePermissionTests(EmulatorFactory factory) : InstanceTest(factory)
{
    private Task<AcsResult> Grant(string eni, string accountId = "1111111111", string permission = "InstanceAttach") =>
        Client.Ecs("CreateNetworkInterfacePermission", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", eni), ("AccountId", accountId), ("Permission", permission));

    private async Task<List<string>> Listed(params (string, string)[] parameters) =>
        (await Client.Ecs("DescribeNetworkInterfacePermissions", [("RegionId", "cn-hangzhou"), .. parameters])).Ok()
            .GetProperty("NetworkInterfacePermissions").GetProperty("NetworkInterfacePermission").EnumerateArray()
            .Select(p => p.GetProperty("NetworkInterfacePermissionId").GetString()!).ToList();

    [Fact]
    public async Task Permissions_AreGrantedListedAndDeleted_AndGoWithTheEni()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var eni = await Eni(("SecurityGroupId", group));
        var other = await Eni(("SecurityGroupId", group));

        var created = (await Grant(eni)).Ok().GetProperty("NetworkInterfacePermission");
        var id = created.GetProperty("NetworkInterfacePermissionId").GetString()!;
        Assert.StartsWith("eni-perm-", id, StringComparison.Ordinal);
        Assert.Equal(1111111111, created.GetProperty("AccountId").GetInt64());
        Assert.Equal((eni, "InstanceAttach", "Granted", ""), (created.GetProperty("NetworkInterfaceId").GetString(), created.GetProperty("Permission").GetString(),
            created.GetProperty("PermissionState").GetString(), created.GetProperty("ServiceName").GetString()));
        var second = (await Grant(other, "2222222222")).Ok().GetProperty("NetworkInterfacePermission").GetProperty("NetworkInterfacePermissionId").GetString()!;

        Assert.Equal([id, second], await Listed());
        Assert.Equal([second], await Listed(("NetworkInterfaceId", other)));
        Assert.Equal([id], await Listed(("NetworkInterfacePermissionId.1", id)));
        var page = (await Client.Ecs("DescribeNetworkInterfacePermissions", ("RegionId", "cn-hangzhou"), ("PageNumber", "2"), ("PageSize", "1"))).Ok();
        Assert.Equal((2, 1, 2), (page.GetProperty("PageNumber").GetInt32(), page.GetProperty("PageSize").GetInt32(), page.GetProperty("TotalCount").GetInt32()));

        (await Client.Ecs("DeleteNetworkInterfacePermission", ("RegionId", "cn-hangzhou"), ("NetworkInterfacePermissionId", id), ("Force", "true"))).Ok();
        Assert.Equal([second], await Listed());
        (await Client.Ecs("DeleteNetworkInterface", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", other))).Ok();
        Assert.Empty(await Listed());
    }

    [Fact]
    public async Task Permissions_Refusals()
    {
        await Arrange();
        var eni = await Eni(("SecurityGroupId", await CreateGroup(Vpc)));
        (await Grant(eni)).Ok();

        (await Grant(eni)).Error("InvalidOperation.PermissionExists", 400);
        (await Grant(eni, permission: "InstanceDetach")).Error("InvalidPermission.ValueNotSupported", 400);
        (await Grant(eni, "0")).Error("InvalidAccountId.Malformed", 400);
        (await Grant(eni, "abc")).Error("InvalidAccountId.Malformed", 400);
        (await Grant("eni-nope")).Error("InvalidEniId.NotFound", 404);
        (await Client.Ecs("CreateNetworkInterfacePermission", ("RegionId", "cn-hangzhou"), ("NetworkInterfaceId", eni), ("Permission", "InstanceAttach")))
            .Error("MissingParameter", 400);
        (await Client.Ecs("DeleteNetworkInterfacePermission", ("RegionId", "cn-hangzhou"), ("NetworkInterfacePermissionId", "eni-perm-nope")))
            .Error("InvalidNetworkInterfacePermissionId.NotFound", 404);
        (await Client.Ecs("DescribeNetworkInterfacePermissions", ("RegionId", "cn-hangzhou"), ("PageSize", "101"))).Error("InvalidPageSize.Malformed", 400);
        (await Client.Ecs("DescribeNetworkInterfacePermissions")).Error("MissingParameter", 400);
        var id = Assert.Single(await Listed());

        // Another account sees none of them and cannot delete them.
        using var list = Signers.Rpc("DescribeNetworkInterfacePermissions", AcsClient.EcsVersion, [("RegionId", "cn-hangzhou")], "test2", "secret2");
        using var delete = Signers.Rpc("DeleteNetworkInterfacePermission", AcsClient.EcsVersion, [("RegionId", "cn-hangzhou"), ("NetworkInterfacePermissionId", id)],
            "test2", "secret2");
        Assert.Equal(0, (await Client.Send(list)).Ok().GetProperty("TotalCount").GetInt32());
        (await Client.Send(delete)).Error("InvalidNetworkInterfacePermissionId.NotFound", 404);
        Assert.Equal([id], await Listed());
    }
}
