using System.Text.Json;

namespace SecurityGroups.FunctionalTests.Instances;

/// <summary>
/// Strict mode, the disk Actions (docs/security.md, "Accounts"): a second account, signing with its own key, names the
/// first account's system disk. Each Action answers as for a disk that does not exist, and the disk is unchanged; the
/// owner, signing, changes it.
/// </summary>
public sealed class StrictDiskIsolationTests(StrictEmulatorFactory factory) : IClassFixture<StrictEmulatorFactory>
{
    private const string Region = "cn-hangzhou";
    private readonly AcsClient _client = factory.Acs();

    private async Task<AcsResult> Call(string key, string secret, string action, string version, params (string, string)[] parameters)
    {
        using var request = Signers.Acs3(action, version, parameters, key, secret);
        return await _client.Send(request);
    }

    private Task<AcsResult> Owner(string action, params (string, string)[] parameters) => Call("test", "test", action, AcsClient.EcsVersion, parameters);

    private Task<AcsResult> Other(string action, params (string, string)[] parameters) => Call("test2", "secret2", action, AcsClient.EcsVersion, parameters);

    private async Task<JsonElement> Disk(string instanceId) =>
        (await Owner("DescribeDisks", ("RegionId", Region), ("InstanceId", instanceId))).Ok().GetProperty("Disks").GetProperty("Disk")[0];

    [Fact]
    public async Task SecondAccount_NamingTheFirstAccountsDisk_FindsNothingAndChangesNothing()
    {
        var vpc = (await Call("test", "test", "CreateVpc", AcsClient.VpcVersion, ("RegionId", Region), ("CidrBlock", "10.0.0.0/8"))).Ok().GetProperty("VpcId").GetString()!;
        var vSwitch = (await Call("test", "test", "CreateVSwitch", AcsClient.VpcVersion, ("RegionId", Region), ("VpcId", vpc), ("ZoneId", "cn-hangzhou-h"),
            ("CidrBlock", "10.1.0.0/16"))).Ok().GetProperty("VSwitchId").GetString()!;
        var group = (await Owner("CreateSecurityGroup", ("RegionId", Region), ("VpcId", vpc))).Ok().GetProperty("SecurityGroupId").GetString()!;
        var instance = (await Owner("RunInstances", ("RegionId", Region), ("VSwitchId", vSwitch), ("SecurityGroupId", group), ("SystemDisk.DiskName", "root")))
            .Ok().GetProperty("InstanceIdSets").GetProperty("InstanceIdSet")[0].GetString()!;
        var disk = (await Disk(instance)).GetProperty("DiskId").GetString()!;
        var ids = JsonSerializer.Serialize(new[] { disk });

        (await Other("ModifyDiskAttribute", ("DiskId", disk), ("DiskName", "stolen"))).Error("InvalidDiskId.NotFound", 404);
        (await Other("ModifyDiskAttribute", ("RegionId", Region), ("DiskIds.1", disk), ("Description", "stolen"))).Error("InvalidDiskId.NotFound", 404);
        (await Other("ResizeDisk", ("DiskId", disk), ("NewSize", "200"))).Error("InvalidDiskId.NotFound", 404);
        (await Other("ModifyDiskSpec", ("DiskId", disk), ("PerformanceLevel", "PL3"))).Error("InvalidDiskId.NotFound", 404);
        (await Other("ApplyAutoSnapshotPolicy", ("regionId", Region), ("autoSnapshotPolicyId", "sp-stolen"), ("diskIds", ids))).Error("ParameterInvalid", 403);
        (await Other("CancelAutoSnapshotPolicy", ("regionId", Region), ("diskIds", ids))).Error("ParameterInvalid", 403);
        Assert.Equal(0, (await Other("DescribeDisks", ("RegionId", Region), ("DiskIds", ids))).Ok().GetProperty("TotalCount").GetInt32());

        var shown = await Disk(instance);
        Assert.Equal(("root", "", 40, "PL1", ""), (shown.GetProperty("DiskName").GetString(), shown.GetProperty("Description").GetString(),
            shown.GetProperty("Size").GetInt32(), shown.GetProperty("PerformanceLevel").GetString(), shown.GetProperty("AutoSnapshotPolicyId").GetString()));

        (await Owner("ResizeDisk", ("DiskId", disk), ("NewSize", "200"))).Ok();
        (await Owner("ApplyAutoSnapshotPolicy", ("regionId", Region), ("autoSnapshotPolicyId", "sp-owner"), ("diskIds", ids))).Ok();
        shown = await Disk(instance);
        Assert.Equal((200, "sp-owner"), (shown.GetProperty("Size").GetInt32(), shown.GetProperty("AutoSnapshotPolicyId").GetString()));
    }
}
