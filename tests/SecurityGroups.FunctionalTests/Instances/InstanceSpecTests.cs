using System.Text.Json;

namespace SecurityGroups.FunctionalTests.Instances;

/// <summary>ModifyInstanceSpec, ModifyPrepayInstanceSpec, ModifyInstanceChargeType and ReplaceSystemDisk: each round trip as
/// DescribeInstances / DescribeDisks show it, and every refusal's code and status (docs/actions.md, "Instance type, image and billing").</summary>
public sealed class InstanceSpecTests(EmulatorFactory factory) : InstanceTest(factory)
{
    private const string Ubuntu = "ubuntu_22_04_x64_20G_alibase_20240530.vhd";
    private const string Windows = "win2022_21H2_x64_dtc_en-us_40G_alibase_20240515.vhd";

    private async Task<string> Launch(params (string, string)[] extra) => (await Run(await CreateGroup(Vpc), 1, extra))[0];

    private static string Ids(params string[] ids) => JsonSerializer.Serialize(ids);

    private async Task Stop(string id) => (await Client.Ecs("StopInstance", ("InstanceId", id))).Ok();

    private async Task<string> Field(string id, string name) => (await Instance(id)).GetProperty(name).ToString();

    private async Task<JsonElement> SystemDisk(string id) =>
        (await Client.Ecs("DescribeDisks", ("RegionId", "cn-hangzhou"), ("InstanceId", id))).Ok().GetProperty("Disks").GetProperty("Disk")[0];

    [Fact]
    public async Task ModifyInstanceSpec_ChangesTheTypeOfAStoppedPayAsYouGoInstance_AndDescribeInstancesShowsItsCpuAndMemory()
    {
        await Arrange();
        var id = await Launch(("InstanceType", "ecs.g7.large"));

        (await Client.Ecs("ModifyInstanceSpec", ("InstanceId", id), ("InstanceType", "ecs.c7.xlarge"))).Error("IncorrectInstanceStatus", 403);
        await Stop(id);
        (await Client.Ecs("ModifyInstanceSpec", ("InstanceId", id), ("InstanceType", "ecs.c7.xlarge"), ("DryRun", "true"))).Error("DryRunOperation", 400);
        Assert.Equal("ecs.g7.large", await Field(id, "InstanceType"));

        (await Client.Ecs("ModifyInstanceSpec", ("InstanceId", id), ("InstanceType", "ecs.c7.xlarge"), ("AllowMigrateAcrossZone", "false"), ("Async", "false"))).Ok();

        var instance = await Instance(id);
        Assert.Equal("ecs.c7.xlarge", instance.GetProperty("InstanceType").GetString());
        Assert.Equal("ecs.c7", instance.GetProperty("InstanceTypeFamily").GetString());
        Assert.Equal(4, instance.GetProperty("Cpu").GetInt32());
        Assert.Equal(8192, instance.GetProperty("Memory").GetInt32());
        Assert.Equal("Stopped", instance.GetProperty("Status").GetString());
    }

    [Fact]
    public async Task ModifyInstanceSpec_Refusals()
    {
        await Arrange();
        var id = await Launch();
        await Stop(id);

        (await Client.Ecs("ModifyInstanceSpec", ("InstanceType", "ecs.c7.xlarge"))).Error("MissingParameter", 400);
        (await Client.Ecs("ModifyInstanceSpec", ("InstanceId", id))).Error("MissingParameter", 400);
        (await Client.Ecs("ModifyInstanceSpec", ("InstanceId", "i-nope"), ("InstanceType", "ecs.c7.xlarge"))).Error("InvalidInstanceId.NotFound", 404);
        (await Client.Ecs("ModifyInstanceSpec", ("InstanceId", id), ("InstanceType", "ecs.nope.large"))).Error("InvalidInstanceType.ValueNotSupported", 400);
        (await Client.Ecs("ModifyInstanceSpec", ("InstanceId", id), ("InternetMaxBandwidthOut", "10"))).Error("InvalidParameter", 400);
        (await Client.Ecs("ModifyInstanceSpec", ("InstanceId", id), ("InstanceType", "ecs.c7.xlarge"), ("InternetMaxBandwidthIn", "10"))).Error("InvalidParameter", 400);
        (await Client.Ecs("ModifyInstanceChargeType", ("InstanceIds", Ids(id)))).Ok();
        (await Client.Ecs("ModifyInstanceSpec", ("InstanceId", id), ("InstanceType", "ecs.c7.xlarge"))).Error("ChargeTypeViolation", 403);
        Assert.Equal("ecs.g7.large", await Field(id, "InstanceType"));
    }

    [Fact]
    public async Task ModifyInstanceSpec_ClientToken_ReplaysTheFirstAnswer_AndRefusesOtherParameters()
    {
        await Arrange();
        var id = await Launch();
        await Stop(id);

        var first = (await Client.Ecs("ModifyInstanceSpec", ("InstanceId", id), ("InstanceType", "ecs.r7.large"), ("ClientToken", "spec-1"))).Ok();
        (await Client.Ecs("ModifyInstanceSpec", ("InstanceId", id), ("InstanceType", "ecs.g7.large"))).Ok();
        var again = (await Client.Ecs("ModifyInstanceSpec", ("InstanceId", id), ("InstanceType", "ecs.r7.large"), ("ClientToken", "spec-1"))).Ok();

        Assert.Equal(first.GetProperty("RequestId").GetString(), again.GetProperty("RequestId").GetString());
        Assert.Equal("ecs.g7.large", await Field(id, "InstanceType"));
        (await Client.Ecs("ModifyInstanceSpec", ("InstanceId", id), ("InstanceType", "ecs.c7.large"), ("ClientToken", "spec-1"))).Error("IdempotentParameterMismatch", 400);
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpec_UpgradesWhileRunning_DowngradesOnlyWhenStopped_AndAnswersAnOrder()
    {
        await Arrange();
        var id = await Launch(("InstanceType", "ecs.g7.large"), ("InstanceChargeType", "PrePaid"));

        var upgrade = (await Client.Ecs("ModifyPrepayInstanceSpec", ("RegionId", "cn-hangzhou"), ("InstanceId", id), ("InstanceType", "ecs.g7.xlarge"),
            ("OperatorType", "upgrade"))).Ok();
        Assert.Matches("^[0-9]{15}$", upgrade.GetProperty("OrderId").GetString());
        Assert.Equal("ecs.g7.xlarge", await Field(id, "InstanceType"));
        Assert.Equal("16384", await Field(id, "Memory"));

        (await Client.Ecs("ModifyPrepayInstanceSpec", ("InstanceId", id), ("InstanceType", "ecs.c7.large"))).Error("IncorrectInstanceStatus", 403);
        await Stop(id);
        (await Client.Ecs("ModifyPrepayInstanceSpec", ("InstanceId", id), ("InstanceType", "ecs.c7.large"), ("OperatorType", "downgrade"))).Ok();
        Assert.Equal("ecs.c7.large", await Field(id, "InstanceType"));
    }

    [Fact]
    public async Task ModifyPrepayInstanceSpec_Refusals()
    {
        await Arrange();
        var postPaid = await Launch();
        var prePaid = await Launch(("InstanceChargeType", "PrePaid"));

        (await Client.Ecs("ModifyPrepayInstanceSpec", ("InstanceId", prePaid))).Error("MissingParameter", 400);
        (await Client.Ecs("ModifyPrepayInstanceSpec", ("InstanceType", "ecs.g7.xlarge"))).Error("MissingParameter", 400);
        (await Client.Ecs("ModifyPrepayInstanceSpec", ("InstanceId", "i-nope"), ("InstanceType", "ecs.g7.xlarge"))).Error("InvalidInstanceId.NotFound", 404);
        (await Client.Ecs("ModifyPrepayInstanceSpec", ("RegionId", "cn-beijing"), ("InstanceId", prePaid), ("InstanceType", "ecs.g7.xlarge"))).Error("InvalidInstanceId.NotFound", 404);
        (await Client.Ecs("ModifyPrepayInstanceSpec", ("RegionId", "xx-nowhere"), ("InstanceId", prePaid), ("InstanceType", "ecs.g7.xlarge"))).Error("InvalidRegionId.NotFound", 404);
        (await Client.Ecs("ModifyPrepayInstanceSpec", ("InstanceId", postPaid), ("InstanceType", "ecs.g7.xlarge"))).Error("ChargeTypeViolation", 403);
        (await Client.Ecs("ModifyPrepayInstanceSpec", ("InstanceId", prePaid), ("InstanceType", "ecs.nope"))).Error("InvalidInstanceType.ValueNotSupported", 400);
        (await Client.Ecs("ModifyPrepayInstanceSpec", ("InstanceId", prePaid), ("InstanceType", "ecs.g7.xlarge"), ("OperatorType", "sideways"))).Error("InvalidOperatorType.ValueNotSupported", 400);
        Assert.Equal("ecs.g7.large", await Field(prePaid, "InstanceType"));
    }

    [Fact]
    public async Task ModifyInstanceChargeType_ToPrePaidSetsTheExpiry_AndBackToPostPaidClearsIt()
    {
        await Arrange();
        var a = await Launch();
        var b = await Launch();
        var before = DateTime.UtcNow;

        var order = (await Client.Ecs("ModifyInstanceChargeType", ("RegionId", "cn-hangzhou"), ("InstanceIds", Ids(a, b)), ("InstanceChargeType", "PrePaid"),
            ("Period", "3"), ("PeriodUnit", "Month"), ("AutoPay", "true"), ("IncludeDataDisks", "true"), ("ClientToken", "charge-1"))).Ok();
        Assert.Matches("^[0-9]{15}$", order.GetProperty("OrderId").GetString());
        Assert.Equal(0, order.GetProperty("FeeOfInstances").GetProperty("FeeOfInstance").GetArrayLength());

        var instance = await Instance(a);
        Assert.Equal("PrePaid", instance.GetProperty("InstanceChargeType").GetString());
        var expiry = DateTime.Parse(instance.GetProperty("ExpiredTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.InRange(expiry, before.AddMonths(3).AddMinutes(-2), DateTime.UtcNow.AddMonths(3).AddMinutes(1));
        Assert.Equal("PrePaid", await Field(b, "InstanceChargeType"));
        Assert.Equal("PrePaid", (await SystemDisk(a)).GetProperty("DiskChargeType").GetString());

        var weeks = (await Client.Ecs("ModifyInstanceChargeType", ("InstanceIds", Ids(b)), ("InstanceChargeType", "PostPaid"), ("IsDetailFee", "true"))).Ok();
        var fee = weeks.GetProperty("FeeOfInstances").GetProperty("FeeOfInstance")[0];
        Assert.Equal((b, "0", "CNY"), (fee.GetProperty("InstanceId").GetString(), fee.GetProperty("Fee").GetString(), fee.GetProperty("Currency").GetString()));
        Assert.Equal("PostPaid", await Field(b, "InstanceChargeType"));
        Assert.Equal("2099-12-31T15:59Z", await Field(b, "ExpiredTime"));

        (await Client.Ecs("ModifyInstanceChargeType", ("InstanceIds", Ids(b)), ("Period", "2"), ("PeriodUnit", "Week"))).Ok();
        var weekly = DateTime.Parse(await Field(b, "ExpiredTime"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.InRange(weekly, before.AddDays(14).AddMinutes(-2), DateTime.UtcNow.AddDays(14).AddMinutes(1));
    }

    [Fact]
    public async Task ModifyInstanceChargeType_Refusals_ChangeNothing()
    {
        await Arrange();
        var a = await Launch();
        var prePaid = await Launch(("InstanceChargeType", "PrePaid"));

        (await Client.Ecs("ModifyInstanceChargeType")).Error("MissingParameter", 400);
        (await Client.Ecs("ModifyInstanceChargeType", ("InstanceIds", "[\"" + a))).Error("InvalidInstanceIds.Malformed", 400);
        (await Client.Ecs("ModifyInstanceChargeType", ("InstanceIds", "{\"a\":1}"))).Error("InvalidInstanceIds.Malformed", 400);
        (await Client.Ecs("ModifyInstanceChargeType", ("InstanceIds", "[]"))).Error("InvalidInstanceIds.Malformed", 400);
        (await Client.Ecs("ModifyInstanceChargeType", ("InstanceIds", Ids([.. Enumerable.Range(0, 21).Select(i => $"i-{i}")])))).Error("InvalidInstanceIds.Malformed", 400);
        (await Client.Ecs("ModifyInstanceChargeType", ("InstanceIds", Ids("i-nope")))).Error("InvalidInstanceId.NotFound", 404);
        (await Client.Ecs("ModifyInstanceChargeType", ("InstanceIds", Ids(a, "i-nope")))).Error("InvalidInstanceId.NotFound", 404);
        (await Client.Ecs("ModifyInstanceChargeType", ("RegionId", "cn-beijing"), ("InstanceIds", Ids(a)))).Error("InvalidInstanceId.NotFound", 404);
        (await Client.Ecs("ModifyInstanceChargeType", ("InstanceIds", Ids(a)), ("InstanceChargeType", "Spot"))).Error("InvalidInstanceChargeType.ValueNotSupported", 400);
        (await Client.Ecs("ModifyInstanceChargeType", ("InstanceIds", Ids(a)), ("Period", "10"))).Error("InvalidPeriod.ValueNotSupported", 400);
        (await Client.Ecs("ModifyInstanceChargeType", ("InstanceIds", Ids(a)), ("Period", "5"), ("PeriodUnit", "Week"))).Error("InvalidPeriod.ValueNotSupported", 400);
        (await Client.Ecs("ModifyInstanceChargeType", ("InstanceIds", Ids(a)), ("PeriodUnit", "Day"))).Error("InvalidPeriodUnit.ValueNotSupported", 400);
        (await Client.Ecs("ModifyInstanceChargeType", ("InstanceIds", Ids(a, prePaid)), ("InstanceChargeType", "PrePaid"))).Error("ChargeTypeViolation", 403);
        (await Client.Ecs("ModifyInstanceChargeType", ("InstanceIds", Ids(a)), ("InstanceChargeType", "PostPaid"))).Error("ChargeTypeViolation", 403);
        (await Client.Ecs("ModifyInstanceChargeType", ("InstanceIds", Ids(a)), ("DryRun", "true"))).Error("DryRunOperation", 400);

        Assert.Equal("PostPaid", await Field(a, "InstanceChargeType"));
        Assert.Equal("PrePaid", await Field(prePaid, "InstanceChargeType"));
    }

    [Fact]
    public async Task ReplaceSystemDisk_GivesANewDiskFromTheImage_AndDescribeDisksReadsIt()
    {
        await Arrange();
        var id = await Launch(("KeyPairName", "launch-key"), ("SystemDisk.Size", "40"), ("SystemDisk.DiskName", "root"));
        var old = (await SystemDisk(id)).GetProperty("DiskId").GetString()!;
        (await Client.Ecs("TagResources", ("RegionId", "cn-hangzhou"), ("ResourceType", "disk"), ("ResourceId.1", old), ("Tag.1.Key", "k"), ("Tag.1.Value", "v"))).Ok();
        await Stop(id);

        var replaced = (await Client.Ecs("ReplaceSystemDisk", ("InstanceId", id), ("ImageId", Ubuntu), ("SystemDisk.Size", "50"), ("Password", "Aa123456!"),
            ("ClientToken", "replace-1"))).Ok();
        var diskId = replaced.GetProperty("DiskId").GetString()!;

        Assert.Matches("^d-[a-z0-9]{20}$", diskId);
        Assert.NotEqual(old, diskId);
        var disk = await SystemDisk(id);
        Assert.Equal((diskId, Ubuntu, 50, "root"), (disk.GetProperty("DiskId").GetString(), disk.GetProperty("ImageId").GetString(), disk.GetProperty("Size").GetInt32(),
            disk.GetProperty("DiskName").GetString()));
        Assert.Equal(0, disk.GetProperty("Tags").GetProperty("Tag").GetArrayLength());
        Assert.Equal(0, (await Client.Ecs("DescribeDisks", ("RegionId", "cn-hangzhou"), ("DiskIds", Ids(old)))).Ok().GetProperty("TotalCount").GetInt32());
        Assert.Equal(0, (await Client.Ecs("ListTagResources", ("RegionId", "cn-hangzhou"), ("ResourceType", "disk"), ("ResourceId.1", old))).Ok()
            .GetProperty("TagResources").GetProperty("TagResource").GetArrayLength());
        var instance = await Instance(id);
        Assert.Equal((Ubuntu, "Ubuntu  22.04 64位", ""), (instance.GetProperty("ImageId").GetString(), instance.GetProperty("OSName").GetString(),
            instance.GetProperty("KeyPairName").GetString()));

        // The retry answers the first DiskId and makes no second disk.
        var again = (await Client.Ecs("ReplaceSystemDisk", ("InstanceId", id), ("ImageId", Ubuntu), ("SystemDisk.Size", "50"), ("Password", "Aa123456!"),
            ("ClientToken", "replace-1"))).Ok();
        Assert.Equal(diskId, again.GetProperty("DiskId").GetString());
        Assert.Equal(diskId, (await SystemDisk(id)).GetProperty("DiskId").GetString());

        // A key pair named with the image; the size defaults to the current one.
        (await Client.Ecs("ReplaceSystemDisk", ("InstanceId", id), ("ImageId", "aliyun_3_x64_20G_alibase_20240528.vhd"), ("KeyPairName", "new-key"))).Ok();
        Assert.Equal(("new-key", "50"), (await Field(id, "KeyPairName"), (await SystemDisk(id)).GetProperty("Size").ToString()));
    }

    [Fact]
    public async Task ReplaceSystemDisk_Refusals_ChangeNothing()
    {
        await Arrange();
        var id = await Launch(("SystemDisk.Size", "40"));
        var disk = (await SystemDisk(id)).GetProperty("DiskId").GetString()!;

        (await Client.Ecs("ReplaceSystemDisk", ("ImageId", Ubuntu))).Error("MissingParameter", 400);
        (await Client.Ecs("ReplaceSystemDisk", ("InstanceId", "i-nope"), ("ImageId", Ubuntu))).Error("InvalidInstanceId.NotFound", 404);
        (await Client.Ecs("ReplaceSystemDisk", ("InstanceId", id), ("ImageId", Ubuntu))).Error("IncorrectInstanceStatus", 403);
        await Stop(id);
        (await Client.Ecs("ReplaceSystemDisk", ("InstanceId", id))).Error("MissingParameter", 400);
        (await Client.Ecs("ReplaceSystemDisk", ("InstanceId", id), ("ImageId", "m-nope"))).Error("InvalidImageId.NotFound", 404);
        (await Client.Ecs("ReplaceSystemDisk", ("InstanceId", id), ("DiskId", disk))).Error("InvalidDiskId.NotFound", 404);
        (await Client.Ecs("ReplaceSystemDisk", ("InstanceId", id), ("ImageId", Ubuntu), ("SystemDisk.Size", "30"))).Error("InvalidSystemDiskSize.ValueNotSupported", 400);
        (await Client.Ecs("ReplaceSystemDisk", ("InstanceId", id), ("ImageId", Ubuntu), ("SystemDisk.Size", "4096"))).Error("InvalidSystemDiskSize.ValueNotSupported", 400);
        (await Client.Ecs("ReplaceSystemDisk", ("InstanceId", id), ("ImageId", Windows), ("KeyPairName", "k"))).Error("DependencyViolation.WindowsInstance", 403);
        (await Client.Ecs("ReplaceSystemDisk", ("InstanceId", id), ("ImageId", Ubuntu), ("KeyPairName", new string('k', 129)))).Error("InvalidKeyPairName.NotFound", 400);
        (await Client.Ecs("ReplaceSystemDisk", ("InstanceId", id), ("ImageId", Ubuntu), ("SystemDisk.Size", "big"))).Error("InvalidParameter", 400);

        Assert.Equal(disk, (await SystemDisk(id)).GetProperty("DiskId").GetString());
        Assert.Equal("aliyun_3_x64_20G_alibase_20240528.vhd", await Field(id, "ImageId"));
    }

    [Fact]
    public async Task ReplaceSystemDisk_AWindowsImageNeedsADiskOfItsSize()
    {
        await Arrange();
        var id = await Launch(("SystemDisk.Size", "20"));
        await Stop(id);

        (await Client.Ecs("ReplaceSystemDisk", ("InstanceId", id), ("ImageId", Windows), ("SystemDisk.Size", "30"))).Error("InvalidSystemDiskSize.LessThanImageSize", 400);
        (await Client.Ecs("ReplaceSystemDisk", ("InstanceId", id), ("ImageId", Windows))).Ok();

        Assert.Equal(40, (await SystemDisk(id)).GetProperty("Size").GetInt32());
        Assert.Equal("windows", await Field(id, "OSType"));
    }
}
