using System.Globalization;
using System.Text.Json;

namespace SecurityGroups.FunctionalTests.Instances;

/// <summary>What Terraform's alicloud_instance and the zones / instance types / images data sources read (issue 13).</summary>
public sealed class ComputeTests(EmulatorFactory factory) : InstanceTest(factory)
{
    private const string Region = "cn-hangzhou";
    private static readonly string UserData = Convert.ToBase64String("#!/bin/sh\necho hi\n"u8.ToArray());

    private static (string, string) P(string name, string value) => (name, value);

    [Fact]
    public async Task RunInstances_ChecksImageTypeDiskAndUserData()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        (string, string)[] launch = [P("RegionId", Region), P("VSwitchId", VSwitch), P("SecurityGroupId", group)];

        (await Client.Ecs("RunInstances", [.. launch, P("ImageId", "m-nope")])).Error("InvalidImageId.NotFound", 404);
        (await Client.Ecs("RunInstances", [.. launch, P("InstanceType", "ecs.nope.large")])).Error("InvalidInstanceType.ValueNotSupported", 400);
        (await Client.Ecs("RunInstances", [.. launch, P("SystemDisk.Category", "cloud_nope")])).Error("InvalidSystemDiskCategory.ValueNotSupported", 400);
        (await Client.Ecs("RunInstances", [.. launch, P("SystemDisk.Size", "10")])).Error("InvalidSystemDiskSize.ValueNotSupported", 400);
        (await Client.Ecs("RunInstances", [.. launch, P("SystemDisk.Size", "5000")])).Error("InvalidSystemDiskSize.ValueNotSupported", 400);
        (await Client.Ecs("RunInstances", [.. launch, P("ImageId", "win2022_21H2_x64_dtc_en-us_40G_alibase_20240515.vhd"), P("SystemDisk.Size", "30")]))
            .Error("InvalidSystemDiskSize.LessThanImageSize", 400);
        (await Client.Ecs("RunInstances", [.. launch, P("UserData", "not base64!")])).Error("InvalidUserData.Base64FormatInvalid", 400);
        (await Client.Ecs("RunInstances", [.. launch, P("UserData", Convert.ToBase64String(new byte[32 * 1024 + 1]))])).Error("InvalidUserData.SizeExceeded", 400);
        (await Client.Ecs("RunInstances", [.. launch, P("InstanceChargeType", "Monthly")])).Error("InvalidInstanceChargeType.ValueNotSupported", 400);
        (await Client.Ecs("RunInstances", [.. launch, P("SystemDisk.Category", "cloud_essd"), P("SystemDisk.PerformanceLevel", "PL9")])).Error("InvalidParameter", 400);
        Assert.Equal(0, (await Client.Ecs("DescribeInstances", P("RegionId", Region))).Ok().GetProperty("TotalCount").GetInt32());
        Assert.Equal(0, (await Client.Ecs("DescribeDisks", P("RegionId", Region))).Ok().GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task TheInstanceReadPath_HasEveryFieldTheProviderReads()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var id = (await Run(group, 1, P("InstanceType", "ecs.c7.large"), P("ImageId", "ubuntu_22_04_x64_20G_alibase_20240530.vhd"), P("UserData", UserData),
            P("SystemDisk.Category", "cloud_essd"), P("SystemDisk.Size", "50"), P("SystemDisk.DiskName", "root"), P("InstanceChargeType", "PostPaid")))[0];

        var instance = (await Client.Ecs("DescribeInstances", P("RegionId", Region), P("InstanceIds", JsonSerializer.Serialize(new[] { id })),
            P("AdditionalAttributes.1", "META_OPTIONS"), P("AdditionalAttributes.2", "NETWORK_PRIMARY_ENI_IP"))).Ok().GetProperty("Instances").GetProperty("Instance")[0];
        Assert.Equal(2, instance.GetProperty("Cpu").GetInt32());
        Assert.Equal(4096, instance.GetProperty("Memory").GetInt32());
        Assert.Equal("ecs.c7", instance.GetProperty("InstanceTypeFamily").GetString());
        Assert.Equal("Ubuntu  22.04 64位", instance.GetProperty("OSName").GetString());
        Assert.Equal("PostPaid", instance.GetProperty("InstanceChargeType").GetString());
        Assert.Equal("optional", instance.GetProperty("MetadataOptions").GetProperty("HttpTokens").GetString());
        Assert.Equal(1, instance.GetProperty("MetadataOptions").GetProperty("HttpPutResponseHopLimit").GetInt32());
        Assert.Equal(JsonValueKind.Object, instance.GetProperty("CpuOptions").ValueKind);
        Assert.Equal(JsonValueKind.Array, instance.GetProperty("OperationLocks").GetProperty("LockReason").ValueKind);
        Assert.Equal("", instance.GetProperty("DedicatedHostAttribute").GetProperty("DedicatedHostId").GetString());
        Assert.False(instance.GetProperty("AdditionalInfo").GetProperty("EnableHighDensityMode").GetBoolean());
        Assert.False(instance.GetProperty("ImageOptions").GetProperty("LoginAsNonRoot").GetBoolean());
        Assert.Equal(0, instance.GetProperty("DeploymentSetGroupNo").GetInt32());

        var disks = (await Client.Ecs("DescribeDisks", P("RegionId", Region), P("InstanceId", id), P("DiskType", "system"))).Ok();
        Assert.Equal(1, disks.GetProperty("TotalCount").GetInt32());
        var disk = disks.GetProperty("Disks").GetProperty("Disk")[0];
        Assert.Matches("^d-[a-z0-9]{20}$", disk.GetProperty("DiskId").GetString());
        Assert.Equal(id, disk.GetProperty("InstanceId").GetString());
        Assert.Equal(("cloud_essd", 50, "root", "PL1", "system", "In_use"), (disk.GetProperty("Category").GetString(), disk.GetProperty("Size").GetInt32(),
            disk.GetProperty("DiskName").GetString(), disk.GetProperty("PerformanceLevel").GetString(), disk.GetProperty("Type").GetString(),
            disk.GetProperty("Status").GetString()));
        Assert.True(disk.GetProperty("DeleteWithInstance").GetBoolean());
        Assert.False(disk.GetProperty("Encrypted").GetBoolean());
        Assert.Equal(0, disk.GetProperty("ProvisionedIops").GetInt32());
        Assert.Equal(JsonValueKind.Array, disk.GetProperty("Tags").GetProperty("Tag").ValueKind);
        Assert.Equal(0, disk.GetProperty("OperationLocks").GetProperty("OperationLock").GetArrayLength());
        Assert.Equal(id, disk.GetProperty("Attachments").GetProperty("Attachment")[0].GetProperty("InstanceId").GetString());
        Assert.Equal(0, (await Client.Ecs("DescribeDisks", P("RegionId", Region), P("InstanceId", id), P("DiskType", "data"))).Ok().GetProperty("TotalCount").GetInt32());
        Assert.Equal(1, (await Client.Ecs("DescribeDisks", P("RegionId", Region), P("DiskIds", JsonSerializer.Serialize(new[] { disk.GetProperty("DiskId").GetString() }))))
            .Ok().GetProperty("TotalCount").GetInt32());

        var userData = (await Client.Ecs("DescribeUserData", P("RegionId", Region), P("InstanceId", id))).Ok();
        Assert.Equal((UserData, id, Region), (userData.GetProperty("UserData").GetString(), userData.GetProperty("InstanceId").GetString(),
            userData.GetProperty("RegionId").GetString()));

        var attribute = (await Client.Ecs("DescribeInstanceAttribute", P("InstanceId", id))).Ok();
        Assert.Equal(id, attribute.GetProperty("InstanceId").GetString());
        Assert.False(attribute.GetProperty("EnableJumboFrame").GetBoolean());
        Assert.Equal([group], attribute.GetProperty("SecurityGroupIds").GetProperty("SecurityGroupId").EnumerateArray().Select(g => g.GetString()));

        var ram = (await Client.Ecs("DescribeInstanceRamRole", P("RegionId", Region), P("InstanceIds", JsonSerializer.Serialize(new[] { id })))).Ok();
        Assert.Equal(0, ram.GetProperty("InstanceRamRoleSets").GetProperty("InstanceRamRoleSet").GetArrayLength());

        var maintenance = (await Client.Ecs("DescribeInstanceMaintenanceAttributes", P("RegionId", Region), P("InstanceId.1", id))).Ok()
            .GetProperty("MaintenanceAttributes").GetProperty("MaintenanceAttribute")[0];
        Assert.Equal(id, maintenance.GetProperty("InstanceId").GetString());
        Assert.Equal("AutoRecover", maintenance.GetProperty("ActionOnMaintenance").GetProperty("Value").GetString());
        Assert.Equal(0, maintenance.GetProperty("MaintenanceWindows").GetProperty("MaintenanceWindow").GetArrayLength());
        Assert.False(maintenance.GetProperty("NotifyOnMaintenance").GetBoolean());

        var attachment = (await Client.Ecs("DescribeInstanceAttachmentAttributes", P("RegionId", Region), P("InstanceIds", JsonSerializer.Serialize(new[] { id })))).Ok()
            .GetProperty("Instances").GetProperty("Instance")[0];
        Assert.Equal(("Open", ""), (attachment.GetProperty("PrivatePoolOptionsMatchCriteria").GetString(), attachment.GetProperty("PrivatePoolOptionsId").GetString()));

        var renew = (await Client.Ecs("DescribeInstanceAutoRenewAttribute", P("RegionId", Region), P("InstanceId", id))).Ok()
            .GetProperty("InstanceRenewAttributes").GetProperty("InstanceRenewAttribute")[0];
        Assert.Equal(("Normal", 0, "Month"), (renew.GetProperty("RenewalStatus").GetString(), renew.GetProperty("Duration").GetInt32(), renew.GetProperty("PeriodUnit").GetString()));

        (await Client.Ecs("ModifyInstanceAttribute", P("RegionId", Region), P("InstanceId", id), P("ClientToken", "t-1"), P("UserData", "bm93"))).Ok();
        Assert.Equal("bm93", (await Client.Ecs("DescribeUserData", P("RegionId", Region), P("InstanceId", id))).Ok().GetProperty("UserData").GetString());
        (await Client.Ecs("ModifyInstanceAttribute", P("InstanceId", id), P("UserData", "%%%"))).Error("InvalidUserData.Base64FormatInvalid", 400);

        (await Client.Ecs("DeleteInstance", P("InstanceId", id), P("Force", "true"))).Ok();
        Assert.Equal(0, (await Client.Ecs("DescribeDisks", P("RegionId", Region), P("InstanceId", id))).Ok().GetProperty("Disks").GetProperty("Disk").GetArrayLength());
        (await Client.Ecs("DescribeUserData", P("RegionId", Region), P("InstanceId", id))).Error("InvalidInstanceId.NotFound", 404);
        (await Client.Ecs("DescribeInstanceAttribute", P("InstanceId", id))).Error("InvalidInstanceId.NotFound", 404);
        Assert.Equal(0, (await Client.Ecs("DescribeInstanceMaintenanceAttributes", P("RegionId", Region), P("InstanceId.1", id))).Ok().GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task DescribeDisks_FiltersOnWhatASystemDiskShows()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var web = (await Run(group, 1, P("ResourceGroupId", "rg-web")))[0];
        var db = (await Run(group, 1, P("InstanceChargeType", "PrePaid")))[0];
        async Task<List<string>> Owners(params (string, string)[] filter) =>
            [.. (await Client.Ecs("DescribeDisks", [P("RegionId", Region), .. filter])).Ok().GetProperty("Disks").GetProperty("Disk").EnumerateArray()
                .Select(d => d.GetProperty("InstanceId").GetString()!).Order(StringComparer.Ordinal)];
        var both = new[] { web, db }.Order(StringComparer.Ordinal).ToList();

        Assert.Equal(both, await Owners());
        Assert.Equal([web], await Owners(P("ResourceGroupId", "rg-web")));
        Assert.Empty(await Owners(P("ResourceGroupId", "rg-other")));
        Assert.Equal([db], await Owners(P("DiskChargeType", "PrePaid")));
        Assert.Equal([web], await Owners(P("DiskChargeType", "PostPaid")));
        // What every system disk shows alike: the same value matches all, another none.
        Assert.Equal(both, await Owners(P("DeleteWithInstance", "true"), P("Portable", "false"), P("Encrypted", "false"), P("MultiAttach", "Disabled")));
        foreach (var filter in new[] { P("DeleteWithInstance", "false"), P("DeleteAutoSnapshot", "false"), P("EnableAutoSnapshot", "true"),
            P("EnableAutomatedSnapshotPolicy", "true"), P("EnableShared", "true"), P("Encrypted", "true"), P("Portable", "true"), P("MultiAttach", "Enabled"),
            P("AutoSnapshotPolicyId", "sp-1"), P("SnapshotId", "s-1"), P("KMSKeyId", "key-1"), P("LockReason", "security"), P("Tag.1.Key", "env") })
        {
            Assert.Empty(await Owners(filter));
        }

        (await Client.Ecs("DescribeDisks", P("RegionId", Region), P("DryRun", "true"))).Error("DryRunOperation", 400);
    }

    [Fact]
    public async Task DescribeInstancesAndDisks_FilterOnTheCreationTime()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var id = (await Run(group))[0];
        var dayBefore = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var dayAfter = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        async Task<List<string>> Instances(params (string, string)[] filter) =>
            [.. (await Client.Ecs("DescribeInstances", [P("RegionId", Region), .. filter])).Ok().GetProperty("Instances").GetProperty("Instance").EnumerateArray()
                .Select(i => i.GetProperty("InstanceId").GetString()!)];
        async Task<List<string>> Disks(params (string, string)[] filter) =>
            [.. (await Client.Ecs("DescribeDisks", [P("RegionId", Region), .. filter])).Ok().GetProperty("Disks").GetProperty("Disk").EnumerateArray()
                .Select(d => d.GetProperty("InstanceId").GetString()!)];

        foreach (var list in new Func<(string, string)[], Task<List<string>>>[] { Instances, Disks })
        {
            Assert.Equal([id], await list([P("Filter.1.Key", "CreationStartTime"), P("Filter.1.Value", dayBefore)]));
            Assert.Equal([id], await list([P("Filter.1.Key", "CreationStartTime"), P("Filter.1.Value", dayBefore),
                P("Filter.2.Key", "CreationEndTime"), P("Filter.2.Value", dayAfter)]));
            Assert.Empty(await list([P("Filter.1.Key", "CreationStartTime"), P("Filter.1.Value", dayAfter)]));
            Assert.Empty(await list([P("Filter.1.Key", "CreationEndTime"), P("Filter.1.Value", dayBefore)]));
            Assert.Equal([id], await list([P("Filter.1.Key", "SomethingElse"), P("Filter.1.Value", "whatever")]));
        }

        (await Client.Ecs("DescribeInstances", P("RegionId", Region), P("Filter.1.Key", "CreationStartTime"), P("Filter.1.Value", "yesterday")))
            .Error("InvalidParameter", 400);
        (await Client.Ecs("DescribeDisks", P("RegionId", Region), P("Filter.1.Key", "CreationEndTime"), P("Filter.1.Value", "2024-13-01T00:00Z")))
            .Error("InvalidParameter", 400);
    }

    [Fact]
    public async Task RunInstances_TagsTheInstanceItsDiskAndItsPrimaryEni_UntilDeleted()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var tagged = (await Run(group, 1, P("Tag.1.Key", "env"), P("Tag.1.Value", "prod")))[0];
        var plain = (await Run(group))[0];
        static string Tags(JsonElement item) => string.Join(',', item.GetProperty("Tags").GetProperty("Tag").EnumerateArray()
            .Select(t => (t.TryGetProperty("TagKey", out var k) ? k : t.GetProperty("Key")).GetString() + "=" + (t.TryGetProperty("TagValue", out var v) ? v : t.GetProperty("Value")).GetString()));

        var disk = (await Client.Ecs("DescribeDisks", P("RegionId", Region), P("Tag.1.Key", "env"), P("Tag.1.Value", "prod"))).Ok()
            .GetProperty("Disks").GetProperty("Disk");
        Assert.Equal(tagged, Assert.Single(disk.EnumerateArray()).GetProperty("InstanceId").GetString());
        Assert.Equal("env=prod", Tags(disk[0]));
        var eni = (await Instance(tagged)).GetProperty("NetworkInterfaces").GetProperty("NetworkInterface")[0].GetProperty("NetworkInterfaceId").GetString()!;
        Assert.Equal("env=prod", Tags(await NetworkInterface(eni)));
        var enis = (await Client.Ecs("DescribeNetworkInterfaces", P("RegionId", Region), P("Tag.1.Key", "env"), P("Tag.1.Value", "prod"))).Ok()
            .GetProperty("NetworkInterfaceSets").GetProperty("NetworkInterfaceSet");
        Assert.Equal(eni, Assert.Single(enis.EnumerateArray()).GetProperty("NetworkInterfaceId").GetString());
        Assert.Equal(1, (await Client.Ecs("DescribeDisks", P("RegionId", Region), P("InstanceId", plain))).Ok().GetProperty("TotalCount").GetInt32());

        // A system disk is a taggable resource (TagResources, ListTagResources, the legacy Actions).
        var diskId = disk[0].GetProperty("DiskId").GetString()!;
        (await Client.Ecs("TagResources", P("RegionId", Region), P("ResourceType", "disk"), P("ResourceId.1", diskId), P("Tag.1.Key", "tier"), P("Tag.1.Value", "gold"))).Ok();
        (await Client.Ecs("TagResources", P("RegionId", Region), P("ResourceType", "disk"), P("ResourceId.1", "d-nope"), P("Tag.1.Key", "k"))).Error("InvalidResourceId.NotFound", 404);
        var listed = (await Client.Ecs("ListTagResources", P("RegionId", Region), P("ResourceType", "disk"), P("ResourceId.1", diskId))).Ok()
            .GetProperty("TagResources").GetProperty("TagResource");
        Assert.Equal(["env=prod", "tier=gold"], listed.EnumerateArray().Select(t => t.GetProperty("TagKey").GetString() + "=" + t.GetProperty("TagValue").GetString()).Order(StringComparer.Ordinal));
        var counts = (await Client.Ecs("DescribeTags", P("RegionId", Region), P("Tag.1.Key", "env"))).Ok().GetProperty("Tags").GetProperty("Tag")[0].GetProperty("ResourceTypeCount");
        Assert.Equal((1, 1, 1), (counts.GetProperty("Instance").GetInt32(), counts.GetProperty("Disk").GetInt32(), counts.GetProperty("Eni").GetInt32()));

        (await Client.Ecs("DeleteInstance", P("InstanceId", tagged), P("Force", "true"))).Ok();
        Assert.Equal(0, (await Client.Ecs("DescribeTags", P("RegionId", Region), P("ResourceType", "disk"))).Ok().GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task AttributeReads_Refusals()
    {
        (await Client.Ecs("DescribeDisks", P("RegionId", Region), P("DiskIds", "d-1"))).Error("InvalidDiskIds.Malformed", 400);
        (await Client.Ecs("DescribeDisks", P("RegionId", Region), P("DiskType", "boot"))).Error("InvalidDiskType.ValueNotSupported", 400);
        (await Client.Ecs("DescribeDisks", P("RegionId", "xx-nowhere-1"))).Error("InvalidRegionId.NotFound", 404);
        (await Client.Ecs("DescribeDisks")).Error("MissingParameter", 400);
        (await Client.Ecs("DescribeUserData", P("RegionId", Region))).Error("MissingParameter", 400);
        (await Client.Ecs("DescribeInstanceAttribute")).Error("MissingParameter", 400);
        (await Client.Ecs("DescribeInstanceRamRole", P("RegionId", Region), P("InstanceIds", "i-1"))).Error("InvalidInstanceIds.Malformed", 400);
        (await Client.Ecs("DescribeInstanceAttachmentAttributes", P("RegionId", Region))).Error("MissingParameter", 400);
        (await Client.Ecs("DescribeInstanceAutoRenewAttribute", P("RegionId", Region), P("RenewalStatus", "Sometimes"))).Error("InvalidParameter", 400);
        (await Client.Ecs("DescribeInstanceMaintenanceAttributes", P("RegionId", Region), P("PageSize", "101"))).Error("InvalidPageSize.Malformed", 400);
    }

    [Fact]
    public async Task Catalogues_ZonesTypesImages()
    {
        var zones = (await Client.Ecs("DescribeZones", P("RegionId", Region), P("InstanceChargeType", "PostPaid"))).Ok().GetProperty("Zones").GetProperty("Zone");
        Assert.Equal(["cn-hangzhou-b", "cn-hangzhou-g", "cn-hangzhou-h", "cn-hangzhou-i", "cn-hangzhou-j", "cn-hangzhou-k"],
            zones.EnumerateArray().Select(z => z.GetProperty("ZoneId").GetString()));
        var h = zones[2];
        Assert.Contains("ecs.g7.large", h.GetProperty("AvailableInstanceTypes").GetProperty("InstanceTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("cloud_essd", h.GetProperty("AvailableDiskCategories").GetProperty("DiskCategories").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("Instance", h.GetProperty("AvailableResourceCreation").GetProperty("ResourceTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("China (Hangzhou) Zone H", (await Client.Ecs("DescribeZones", P("RegionId", Region), P("AcceptLanguage", "en-US"))).Ok()
            .GetProperty("Zones").GetProperty("Zone")[2].GetProperty("LocalName").GetString());

        var available = (await Client.Ecs("DescribeAvailableResource", P("RegionId", Region), P("DestinationResource", "InstanceType"),
            P("IoOptimized", "optimized"), P("Cores", "2"), P("Memory", "8"))).Ok().GetProperty("AvailableZones").GetProperty("AvailableZone");
        Assert.Equal(6, available.GetArrayLength());
        var supported = available[0].GetProperty("AvailableResources").GetProperty("AvailableResource")[0];
        Assert.Equal("InstanceType", supported.GetProperty("Type").GetString());
        Assert.Equal(["ecs.g7.large"], supported.GetProperty("SupportedResources").GetProperty("SupportedResource").EnumerateArray().Select(s => s.GetProperty("Value").GetString()));
        var zone = (await Client.Ecs("DescribeAvailableResource", P("RegionId", Region), P("DestinationResource", "Zone"), P("ZoneId", "cn-hangzhou-h"))).Ok()
            .GetProperty("AvailableZones").GetProperty("AvailableZone");
        Assert.Equal(("cn-hangzhou-h", "Available"), (zone[0].GetProperty("ZoneId").GetString(), zone[0].GetProperty("Status").GetString()));
        var disk = (await Client.Ecs("DescribeAvailableResource", P("RegionId", Region), P("DestinationResource", "SystemDisk"), P("SystemDiskCategory", "cloud_essd"))).Ok()
            .GetProperty("AvailableZones").GetProperty("AvailableZone")[0].GetProperty("AvailableResources").GetProperty("AvailableResource")[0]
            .GetProperty("SupportedResources").GetProperty("SupportedResource")[0];
        Assert.Equal(("cloud_essd", 20, 2048, "GiB"), (disk.GetProperty("Value").GetString(), disk.GetProperty("Min").GetInt32(), disk.GetProperty("Max").GetInt32(),
            disk.GetProperty("Unit").GetString()));
        Assert.Equal(0, (await Client.Ecs("DescribeAvailableResource", P("RegionId", Region), P("DestinationResource", "ddh"))).Ok()
            .GetProperty("AvailableZones").GetProperty("AvailableZone").GetArrayLength());
        (await Client.Ecs("DescribeAvailableResource", P("RegionId", Region), P("DestinationResource", "Gpu"))).Error("InvalidDestinationResource.ValueNotSupported", 400);
        (await Client.Ecs("DescribeAvailableResource", P("RegionId", Region))).Error("MissingParameter", 400);

        var types = (await Client.Ecs("DescribeInstanceTypes", P("InstanceTypes.1", "ecs.g7.large"), P("InstanceTypes.2", "ecs.t6-c1m1.large"))).Ok();
        Assert.Equal("", types.GetProperty("NextToken").GetString());
        var g7 = types.GetProperty("InstanceTypes").GetProperty("InstanceType")[0];
        Assert.Equal(("ecs.g7.large", "ecs.g7", "2", "8", "3"), (g7.GetProperty("InstanceTypeId").GetString(), g7.GetProperty("InstanceTypeFamily").GetString(),
            g7.GetProperty("CpuCoreCount").GetRawText(), g7.GetProperty("MemorySize").GetRawText(), g7.GetProperty("EniQuantity").GetRawText()));
        Assert.Equal("60", types.GetProperty("InstanceTypes").GetProperty("InstanceType")[1].GetProperty("InitialCredit").GetRawText());
        // The SDK model's boolean and always-present containers; counts are integers.
        Assert.Equal(JsonValueKind.False, g7.GetProperty("JumboFrameSupport").ValueKind);
        Assert.Equal(0, g7.GetProperty("Attributes").GetProperty("Attribute").GetArrayLength());
        Assert.Equal(("1", "2", "1"), (g7.GetProperty("CpuOptions").GetProperty("Core").GetRawText(), g7.GetProperty("CpuOptions").GetProperty("ThreadsPerCore").GetRawText(),
            g7.GetProperty("CpuOptions").GetProperty("CoreFactor").GetRawText()));
        Assert.Equal(0, g7.GetProperty("CpuOptions").GetProperty("SupportedTopologyTypes").GetProperty("SupportedTopologyType").GetArrayLength());
        Assert.Equal(0, g7.GetProperty("NetworkInfo").GetProperty("BandwidthWeighting").GetProperty("WeightingInfos").GetProperty("WeightingInfo").GetArrayLength());
        var paged = (await Client.Ecs("DescribeInstanceTypes", P("MaxResults", "2"))).Ok();
        Assert.Equal(2, paged.GetProperty("InstanceTypes").GetProperty("InstanceType").GetArrayLength());
        var next = paged.GetProperty("NextToken").GetString()!;
        Assert.Equal("ecs.c7.large", (await Client.Ecs("DescribeInstanceTypes", P("MaxResults", "2"), P("NextToken", next))).Ok()
            .GetProperty("InstanceTypes").GetProperty("InstanceType")[0].GetProperty("InstanceTypeId").GetString());
        (await Client.Ecs("DescribeInstanceTypes", P("MaxResults", "1601"))).Error("InvalidParameter.MaxResults", 400);
        (await Client.Ecs("DescribeInstanceTypes", P("NextToken", "nope"))).Error("InValidParameter.NextToken", 400);

        var images = (await Client.Ecs("DescribeImages", P("RegionId", Region), P("ImageOwnerAlias", "system"), P("PageSize", "100"), P("OSType", "linux"))).Ok();
        Assert.Equal(5, images.GetProperty("TotalCount").GetInt32());
        var image = images.GetProperty("Images").GetProperty("Image")[0];
        Assert.Equal(("aliyun_3_x64_20G_alibase_20240528.vhd", "system", "Available", 20, "x86_64"), (image.GetProperty("ImageId").GetString(),
            image.GetProperty("ImageOwnerAlias").GetString(), image.GetProperty("Status").GetString(), image.GetProperty("Size").GetInt32(),
            image.GetProperty("Architecture").GetString()));
        Assert.Equal("20", image.GetProperty("DiskDeviceMappings").GetProperty("DiskDeviceMapping")[0].GetProperty("Size").GetString());
        Assert.Equal(0, (await Client.Ecs("DescribeImages", P("RegionId", Region), P("ImageOwnerAlias", "self"))).Ok().GetProperty("Images").GetProperty("Image").GetArrayLength());
        Assert.Equal(1, (await Client.Ecs("DescribeImages", P("RegionId", Region), P("ImageId", "ubuntu_22_04_x64_20G_alibase_20240530.vhd"))).Ok().GetProperty("TotalCount").GetInt32());
        (await Client.Ecs("DescribeImages", P("RegionId", Region), P("ImageOwnerAlias", "friends"))).Error("InvalidImageOwnerAlias.ValueNotSupported", 400);
        (await Client.Ecs("DescribeImages", P("RegionId", Region), P("PageSize", "101"))).Error("InvalidPageSize.Malformed", 400);
        (await Client.Ecs("DescribeZones")).Error("MissingParameter", 400);
    }

    [Theory]
    [InlineData("CreationStartTime", "2024-05-01T00:00Z", null, null)]
    [InlineData(null, null, "CreationEndTime", "2024-01-01T00:00Z")]
    [InlineData("CreationStartTime", "2024-05-27T00:00:00Z", "CreationEndTime", "2024-05-28T00:00Z")]
    [InlineData("CreationEndTime", "2024-05-28T00:00Z", "CreationStartTime", "2024-05-27T00:00Z")]
    [InlineData("Foo", "bar", null, null)]
    public async Task DescribeImages_CreationTimeFilters_BoundTheCreationTimeInclusively(string? key1, string? value1, string? key2, string? value2)
    {
        static List<(string Id, DateTime Created)> Listed(JsonElement page) => page.GetProperty("Images").GetProperty("Image").EnumerateArray()
            .Select(i => (i.GetProperty("ImageId").GetString()!, DateTime.Parse(i.GetProperty("CreationTime").GetString()!, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal))).ToList();
        var all = Listed((await Client.Ecs("DescribeImages", P("RegionId", Region), P("PageSize", "100"))).Ok());
        var parameters = new List<(string, string)> { P("RegionId", Region), P("PageSize", "100") };
        DateTime? from = null, to = null;
        foreach (var (n, key, value) in new[] { (1, key1, value1), (2, key2, value2) })
        {
            if (key is null)
            {
                continue;
            }

            parameters.Add(P($"Filter.{n}.Key", key));
            parameters.Add(P($"Filter.{n}.Value", value!));
            if (key is not ("CreationStartTime" or "CreationEndTime"))
            {
                continue;
            }

            var time = DateTime.Parse(value!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            from = key == "CreationStartTime" ? time : from;
            to = key == "CreationEndTime" ? time : to;
        }

        var expected = all.Where(i => (from is null || i.Created >= from) && (to is null || i.Created <= to)).Select(i => i.Id).ToList();
        var filtered = (await Client.Ecs("DescribeImages", [.. parameters])).Ok();
        Assert.Equal(expected, Listed(filtered).Select(i => i.Id));
        Assert.Equal(expected.Count, filtered.GetProperty("TotalCount").GetInt32());
        Assert.NotEmpty(expected);
        Assert.True(key1 == "Foo" || expected.Count < all.Count, "the bound must leave some image out");
    }

    [Fact]
    public async Task DescribeImages_IsPublicUsableAndMalformedFilters()
    {
        int Count(JsonElement page) => page.GetProperty("TotalCount").GetInt32();
        var all = Count((await Client.Ecs("DescribeImages", P("RegionId", Region))).Ok());
        Assert.True(all > 1);
        Assert.Equal(all, Count((await Client.Ecs("DescribeImages", P("RegionId", Region), P("IsPublic", "true"), P("Usable", "true"))).Ok()));
        Assert.Equal(0, Count((await Client.Ecs("DescribeImages", P("RegionId", Region), P("IsPublic", "false"))).Ok()));
        Assert.Equal(0, Count((await Client.Ecs("DescribeImages", P("RegionId", Region), P("Usable", "false"))).Ok()));
        (await Client.Ecs("DescribeImages", P("RegionId", Region), P("Filter.1.Key", "CreationStartTime"), P("Filter.1.Value", "yesterday")))
            .Error("InvalidParameter", 400);
        (await Client.Ecs("DescribeImages", P("RegionId", Region), P("Filter.1.Key", "CreationEndTime"), P("Filter.1.Value", "2024-13-01T00:00Z")))
            .Error("InvalidParameter", 400);
        (await Client.Ecs("DescribeImages", P("RegionId", Region), P("IsPublic", "maybe"))).Error("InvalidParameter", 400);
    }
}
