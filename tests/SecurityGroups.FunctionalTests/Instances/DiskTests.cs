using System.Text.Json;

namespace SecurityGroups.FunctionalTests.Instances;

/// <summary>
/// The system disks' own Actions as Terraform's alicloud_instance calls them on update (ModifyDiskSpec, ResizeDisk,
/// ApplyAutoSnapshotPolicy, ModifyDiskAttribute), plus CancelAutoSnapshotPolicy: each change shows in DescribeDisks, each
/// refusal has Alibaba's code and status and changes nothing (docs/actions.md, "Disks").
/// </summary>
public sealed class DiskTests(EmulatorFactory factory) : InstanceTest(factory)
{
    private const string Region = "cn-hangzhou";

    private static (string, string) P(string name, string value) => (name, value);

    private async Task<(string Instance, string Disk)> Launch(params (string, string)[] extra)
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var id = (await Run(group, 1, extra))[0];
        return (id, (await Disk(id)).GetProperty("DiskId").GetString()!);
    }

    private async Task<JsonElement> Disk(string instanceId) =>
        (await Client.Ecs("DescribeDisks", P("RegionId", Region), P("InstanceId", instanceId), P("DiskType", "system"))).Ok()
            .GetProperty("Disks").GetProperty("Disk")[0];

    private static string Ids(params string[] ids) => JsonSerializer.Serialize(ids);

    [Fact]
    public async Task ModifyDiskAttribute_RenamesAndDescribes_WithOrWithoutRegion_AndByDiskIds()
    {
        var (id, disk) = await Launch(P("SystemDisk.DiskName", "root"), P("SystemDisk.Description", "first"));

        // Terraform sends DiskId, DiskName and Description, no RegionId.
        (await Client.Ecs("ModifyDiskAttribute", P("DiskId", disk), P("DiskName", "system-2"), P("Description", "second disk"))).Ok();
        var shown = await Disk(id);
        Assert.Equal(("system-2", "second disk"), (shown.GetProperty("DiskName").GetString(), shown.GetProperty("Description").GetString()));

        // an empty value keeps the current one (Terraform sends DiskName "" when no name was ever set)
        (await Client.Ecs("ModifyDiskAttribute", P("DiskId", disk), P("DiskName", ""), P("Description", ""))).Ok();
        shown = await Disk(id);
        Assert.Equal(("system-2", "second disk"), (shown.GetProperty("DiskName").GetString(), shown.GetProperty("Description").GetString()));

        (await Client.Ecs("ModifyDiskAttribute", P("RegionId", Region), P("DiskIds.1", disk), P("DiskName", "system-3"))).Ok();
        shown = await Disk(id);
        Assert.Equal(("system-3", "second disk"), (shown.GetProperty("DiskName").GetString(), shown.GetProperty("Description").GetString()));

        // the values every system disk shows are accepted
        (await Client.Ecs("ModifyDiskAttribute", P("DiskId", disk), P("DeleteWithInstance", "true"), P("DeleteAutoSnapshot", "true"),
            P("EnableAutoSnapshot", "false"), P("BurstingEnabled", "false"))).Ok();
        Assert.Equal(1, (await Client.Ecs("DescribeDisks", P("RegionId", Region), P("DiskName", "system-3"))).Ok().GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task ModifyDiskAttribute_Refusals_HaveAlibabasCodes_AndChangeNothing()
    {
        var (id, disk) = await Launch(P("SystemDisk.DiskName", "root"));

        (await Client.Ecs("ModifyDiskAttribute", P("DiskId", "d-nope"), P("DiskName", "x-disk"))).Error("InvalidDiskId.NotFound", 404);
        (await Client.Ecs("ModifyDiskAttribute", P("DiskIds.1", disk), P("DiskIds.2", "d-nope"), P("DiskName", "x-disk"))).Error("InvalidDiskId.NotFound", 404);
        (await Client.Ecs("ModifyDiskAttribute", P("RegionId", "cn-beijing"), P("DiskId", disk), P("DiskName", "x-disk"))).Error("InvalidDiskId.NotFound", 404);
        (await Client.Ecs("ModifyDiskAttribute", P("RegionId", "xx-nowhere"), P("DiskId", disk), P("DiskName", "x-disk"))).Error("InvalidRegionId.NotFound", 404);
        (await Client.Ecs("ModifyDiskAttribute", P("DiskName", "x-disk"))).Error("MissingParameter", 400);
        (await Client.Ecs("ModifyDiskAttribute", P("DiskId", disk), P("DiskIds.1", disk))).Error("InvalidParameter.Conflict", 400);
        (await Client.Ecs("ModifyDiskAttribute", P("DiskId", disk), P("DiskName", "1starts-with-digit"))).Error("InvalidDiskName.Malformed", 400);
        (await Client.Ecs("ModifyDiskAttribute", P("DiskId", disk), P("DiskName", "x"))).Error("InvalidDiskName.Malformed", 400);
        (await Client.Ecs("ModifyDiskAttribute", P("DiskId", disk), P("DiskName", "http://disk"))).Error("InvalidDiskName.Malformed", 400);
        (await Client.Ecs("ModifyDiskAttribute", P("DiskId", disk), P("Description", new string('d', 257)))).Error("InvalidDescription.Malformed", 400);
        (await Client.Ecs("ModifyDiskAttribute", P("DiskId", disk), P("DeleteWithInstance", "false"))).Error("DiskTypeViolation", 403);
        (await Client.Ecs("ModifyDiskAttribute", P("DiskId", disk), P("DeleteAutoSnapshot", "false"))).Error("DiskTypeViolation", 403);
        (await Client.Ecs("ModifyDiskAttribute", P("DiskId", disk), P("EnableAutoSnapshot", "true"))).Error("DiskTypeViolation", 403);
        (await Client.Ecs("ModifyDiskAttribute", P("DiskId", disk), P("DiskName", "renamed"), P("BurstingEnabled", "true"))).Error("InvalidParameter.ProvisionedIops", 400);
        (await Client.Ecs("ModifyDiskAttribute", P("DiskId", disk), P("DeleteWithInstance", "maybe"))).Error("InvalidParameter", 400);
        (await Client.Ecs("ModifyDiskAttribute", [P("DiskName", "x-disk"), .. Enumerable.Range(1, 101).Select(n => P($"DiskIds.{n}", disk))])).Error("InvalidParameter", 400);

        Assert.Equal("root", (await Disk(id)).GetProperty("DiskName").GetString());
    }

    [Fact]
    public async Task ResizeDisk_GrowsOnly_WithinTheCategoryLimit()
    {
        var (id, disk) = await Launch(P("SystemDisk.Size", "40"));

        var resized = (await Client.Ecs("ResizeDisk", P("DiskId", disk), P("NewSize", "60"), P("Type", "online"))).Ok();
        Assert.Equal("", resized.GetProperty("OrderId").GetString());
        var shown = await Disk(id);
        Assert.Equal(60, shown.GetProperty("Size").GetInt32());
        Assert.Equal(1800 + (50 * 60), shown.GetProperty("IOPS").GetInt32());
        // a retry with the same ClientToken replays the first answer instead of refusing the now-equal size
        var first = (await Client.Ecs("ResizeDisk", P("DiskId", disk), P("NewSize", "2048"), P("ClientToken", "resize-1"))).Ok();
        var retry = (await Client.Ecs("ResizeDisk", P("DiskId", disk), P("NewSize", "2048"), P("ClientToken", "resize-1"))).Ok();
        Assert.Equal(first.GetProperty("RequestId").GetString(), retry.GetProperty("RequestId").GetString());
        (await Client.Ecs("ResizeDisk", P("DiskId", disk), P("NewSize", "1000"), P("ClientToken", "resize-1"))).Error("IdempotentParameterMismatch", 400);
        Assert.Equal(2048, (await Disk(id)).GetProperty("Size").GetInt32());

        (await Client.Ecs("ResizeDisk", P("DiskId", disk), P("NewSize", "2048"))).Error("InvalidDiskSize.TooSmall", 403);
        (await Client.Ecs("ResizeDisk", P("DiskId", disk), P("NewSize", "100"))).Error("InvalidDiskSize.TooSmall", 403);
        (await Client.Ecs("ResizeDisk", P("DiskId", disk), P("NewSize", "2049"))).Error("InvalidParameter", 403);
        (await Client.Ecs("ResizeDisk", P("DiskId", disk), P("NewSize", "0"))).Error("InvalidParameter", 403);
        (await Client.Ecs("ResizeDisk", P("DiskId", disk), P("NewSize", "big"))).Error("InvalidParameter", 400);
        (await Client.Ecs("ResizeDisk", P("DiskId", disk), P("NewSize", "3000"), P("Type", "hot"))).Error("InvalidResizeType.ValueNotSupported", 400);
        (await Client.Ecs("ResizeDisk", P("DiskId", disk))).Error("MissingParameter", 400);
        (await Client.Ecs("ResizeDisk", P("NewSize", "3000"))).Error("MissingParameter", 400);
        (await Client.Ecs("ResizeDisk", P("DiskId", "d-nope"), P("NewSize", "100"))).Error("InvalidDiskId.NotFound", 404);
        Assert.Equal(2048, (await Disk(id)).GetProperty("Size").GetInt32());
    }

    [Fact]
    public async Task ModifyDiskSpec_ChangesLevelAndCategory()
    {
        var (id, disk) = await Launch(P("SystemDisk.Category", "cloud_essd"), P("SystemDisk.PerformanceLevel", "PL1"));

        var answer = (await Client.Ecs("ModifyDiskSpec", P("DiskId", disk), P("PerformanceLevel", "PL2"))).Ok();
        Assert.Equal(("", ""), (answer.GetProperty("OrderId").GetString(), answer.GetProperty("TaskId").GetString()));
        Assert.Equal(("cloud_essd", "PL2"), Spec(await Disk(id)));

        (await Client.Ecs("ModifyDiskSpec", P("DiskId", disk), P("DiskCategory", "cloud_ssd"))).Ok();
        Assert.Equal(("cloud_ssd", ""), Spec(await Disk(id)));
        Assert.Equal(1, (await Client.Ecs("DescribeDisks", P("RegionId", Region), P("Category", "cloud_ssd"))).Ok().GetProperty("TotalCount").GetInt32());

        (await Client.Ecs("ModifyDiskSpec", P("DiskId", disk), P("DiskCategory", "cloud_essd"))).Ok();
        Assert.Equal(("cloud_essd", "PL1"), Spec(await Disk(id)));
        (await Client.Ecs("ModifyDiskSpec", P("DiskId", disk), P("DiskCategory", "cloud_essd"), P("PerformanceLevel", "PL3"))).Ok();
        Assert.Equal(("cloud_essd", "PL3"), Spec(await Disk(id)));

        (await Client.Ecs("ModifyDiskSpec", P("DiskId", disk), P("PerformanceLevel", "PL0"), P("DryRun", "true"))).Error("DryRunOperation", 400);
        (await Client.Ecs("ModifyDiskSpec", P("DiskId", disk), P("PerformanceLevel", "PL9"))).Error("InvalidPerformanceLevel.Malformed", 400);
        (await Client.Ecs("ModifyDiskSpec", P("DiskId", disk), P("DiskCategory", "cloud_nope"))).Error("InvalidDiskCategory.ValueNotSupported", 400);
        (await Client.Ecs("ModifyDiskSpec", P("DiskId", disk), P("DiskCategory", "cloud_ssd"), P("PerformanceLevel", "PL2"))).Error("InvalidParameter", 400);
        (await Client.Ecs("ModifyDiskSpec", P("DiskId", disk), P("ProvisionedIops", "1000"))).Error("InvalidParameter.ProvisionedIops", 400);
        (await Client.Ecs("ModifyDiskSpec", P("DiskId", disk))).Error("MissingParameter", 400);
        (await Client.Ecs("ModifyDiskSpec", P("PerformanceLevel", "PL2"))).Error("MissingParameter", 400);
        (await Client.Ecs("ModifyDiskSpec", P("DiskId", "d-nope"), P("PerformanceLevel", "PL2"))).Error("InvalidDiskId.NotFound", 404);
        Assert.Equal(("cloud_essd", "PL3"), Spec(await Disk(id)));
    }

    private static (string?, string?) Spec(JsonElement disk) => (disk.GetProperty("Category").GetString(), disk.GetProperty("PerformanceLevel").GetString());

    [Fact]
    public async Task AutoSnapshotPolicy_AppliesAndCancels_WithAlibabasLowerCaseParameters()
    {
        var (id, disk) = await Launch();
        Assert.Equal("", (await Disk(id)).GetProperty("AutoSnapshotPolicyId").GetString());

        (await Client.Ecs("ApplyAutoSnapshotPolicy", P("regionId", Region), P("autoSnapshotPolicyId", "sp-bp14yziiuvu3s6jn1"), P("diskIds", Ids(disk)))).Ok();
        var shown = await Disk(id);
        Assert.Equal("sp-bp14yziiuvu3s6jn1", shown.GetProperty("AutoSnapshotPolicyId").GetString());
        Assert.True(shown.GetProperty("EnableAutomatedSnapshotPolicy").GetBoolean());
        Assert.Equal(1, (await Client.Ecs("DescribeDisks", P("RegionId", Region), P("AutoSnapshotPolicyId", "sp-bp14yziiuvu3s6jn1"))).Ok().GetProperty("TotalCount").GetInt32());
        Assert.Equal(1, (await Client.Ecs("DescribeDisks", P("RegionId", Region), P("EnableAutomatedSnapshotPolicy", "true"))).Ok().GetProperty("TotalCount").GetInt32());

        // a second policy replaces the first
        (await Client.Ecs("ApplyAutoSnapshotPolicy", P("RegionId", Region), P("AutoSnapshotPolicyId", "sp-second"), P("DiskIds", Ids(disk)))).Ok();
        Assert.Equal("sp-second", (await Disk(id)).GetProperty("AutoSnapshotPolicyId").GetString());

        (await Client.Ecs("ApplyAutoSnapshotPolicy", P("regionId", Region), P("autoSnapshotPolicyId", ""), P("diskIds", Ids(disk)))).Error("ParameterInvalid", 403);
        (await Client.Ecs("ApplyAutoSnapshotPolicy", P("regionId", Region), P("autoSnapshotPolicyId", "policy-1"), P("diskIds", Ids(disk)))).Error("ParameterInvalid", 403);
        (await Client.Ecs("ApplyAutoSnapshotPolicy", P("regionId", Region), P("autoSnapshotPolicyId", "sp-x"), P("diskIds", Ids(disk, "d-nope")))).Error("ParameterInvalid", 403);
        (await Client.Ecs("ApplyAutoSnapshotPolicy", P("regionId", Region), P("autoSnapshotPolicyId", "sp-x"), P("diskIds", "d-not-json"))).Error("ParameterInvalid", 403);
        (await Client.Ecs("ApplyAutoSnapshotPolicy", P("regionId", Region), P("autoSnapshotPolicyId", "sp-x"), P("diskIds", "[]"))).Error("ParameterInvalid", 403);
        (await Client.Ecs("ApplyAutoSnapshotPolicy", P("regionId", "cn-beijing"), P("autoSnapshotPolicyId", "sp-x"), P("diskIds", Ids(disk)))).Error("ParameterInvalid", 403);
        (await Client.Ecs("ApplyAutoSnapshotPolicy", P("regionId", "xx-nowhere"), P("autoSnapshotPolicyId", "sp-x"), P("diskIds", Ids(disk)))).Error("ParameterInvalid", 403);
        (await Client.Ecs("ApplyAutoSnapshotPolicy", P("autoSnapshotPolicyId", "sp-x"), P("diskIds", Ids(disk)))).Error("MissingParameter", 400);
        (await Client.Ecs("ApplyAutoSnapshotPolicy", P("regionId", Region), P("autoSnapshotPolicyId", "sp-x"))).Error("MissingParameter", 400);
        Assert.Equal("sp-second", (await Disk(id)).GetProperty("AutoSnapshotPolicyId").GetString());

        (await Client.Ecs("CancelAutoSnapshotPolicy", P("regionId", Region), P("diskIds", Ids("d-nope")))).Error("ParameterInvalid", 403);
        (await Client.Ecs("CancelAutoSnapshotPolicy", P("regionId", Region), P("diskIds", Ids(disk)))).Ok();
        shown = await Disk(id);
        Assert.Equal("", shown.GetProperty("AutoSnapshotPolicyId").GetString());
        Assert.False(shown.GetProperty("EnableAutomatedSnapshotPolicy").GetBoolean());
        Assert.Equal(1, (await Client.Ecs("DescribeDisks", P("RegionId", Region), P("EnableAutomatedSnapshotPolicy", "false"))).Ok().GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task RunInstances_StoresTheSystemDisksPolicy_AndRefusesAMalformedOne()
    {
        var (id, _) = await Launch(P("SystemDisk.AutoSnapshotPolicyId", "sp-atlaunch1"));
        Assert.Equal("sp-atlaunch1", (await Disk(id)).GetProperty("AutoSnapshotPolicyId").GetString());

        var group = await CreateGroup(Vpc);
        (await Client.Ecs("RunInstances", P("RegionId", Region), P("VSwitchId", VSwitch), P("SecurityGroupId", group),
            P("SystemDisk.AutoSnapshotPolicyId", "policy"))).Error("ParameterInvalid", 403);
        Assert.Equal(1, (await Client.Ecs("DescribeInstances", P("RegionId", Region))).Ok().GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task AnotherAccountsDisk_IsNotFound_ByEveryDiskAction()
    {
        var (id, disk) = await Launch(P("SystemDisk.DiskName", "root"));

        async Task<AcsResult> AsSecond(string action, params (string, string)[] parameters)
        {
            using var request = Signers.Acs3(action, AcsClient.EcsVersion, parameters, "test2", "secret2");
            return await Client.Send(request);
        }

        (await AsSecond("ModifyDiskAttribute", P("DiskId", disk), P("DiskName", "stolen"))).Error("InvalidDiskId.NotFound", 404);
        (await AsSecond("ResizeDisk", P("DiskId", disk), P("NewSize", "100"))).Error("InvalidDiskId.NotFound", 404);
        (await AsSecond("ModifyDiskSpec", P("DiskId", disk), P("PerformanceLevel", "PL2"))).Error("InvalidDiskId.NotFound", 404);
        (await AsSecond("ApplyAutoSnapshotPolicy", P("regionId", Region), P("autoSnapshotPolicyId", "sp-x"), P("diskIds", Ids(disk)))).Error("ParameterInvalid", 403);
        (await AsSecond("CancelAutoSnapshotPolicy", P("regionId", Region), P("diskIds", Ids(disk)))).Error("ParameterInvalid", 403);

        var shown = await Disk(id);
        Assert.Equal(("root", 40, "PL1", ""), (shown.GetProperty("DiskName").GetString(), shown.GetProperty("Size").GetInt32(),
            shown.GetProperty("PerformanceLevel").GetString(), shown.GetProperty("AutoSnapshotPolicyId").GetString()));
    }
}
