namespace SecurityGroups.FunctionalTests.Instances;

/// <summary>A type the catalogue offers only in another zone: ModifyInstanceSpec and ModifyPrepayInstanceSpec refuse it
/// (<c>InvalidResourceType.NotSupported</c>, 403), as RunInstances does.</summary>
public sealed class InstanceSpecZoneTests(InstanceSpecZoneTests.ZonedCatalogue factory) : InstanceTest(factory), IClassFixture<InstanceSpecZoneTests.ZonedCatalogue>
{
    public sealed class ZonedCatalogue() : EmulatorFactory(null, new Dictionary<string, string?>
    {
        ["Compute:InstanceTypes:0:InstanceTypeId"] = "ecs.g7.large",
        ["Compute:InstanceTypes:1:InstanceTypeId"] = "ecs.g7.xlarge",
        ["Compute:InstanceTypes:1:CpuCoreCount"] = "4",
        ["Compute:InstanceTypes:1:MemorySize"] = "16",
        ["Compute:InstanceTypes:1:Zones:0"] = "cn-hangzhou-i",
    });

    [Fact]
    public async Task ATypeNotOfferedInTheInstancesZone_IsRefused()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var postPaid = (await Run(group, 1, ("InstanceType", "ecs.g7.large")))[0];
        var prePaid = (await Run(group, 1, ("InstanceType", "ecs.g7.large"), ("InstanceChargeType", "PrePaid")))[0];
        (await Client.Ecs("StopInstance", ("InstanceId", postPaid))).Ok();

        (await Client.Ecs("ModifyInstanceSpec", ("InstanceId", postPaid), ("InstanceType", "ecs.g7.xlarge"))).Error("InvalidResourceType.NotSupported", 403);
        (await Client.Ecs("ModifyPrepayInstanceSpec", ("InstanceId", prePaid), ("InstanceType", "ecs.g7.xlarge"))).Error("InvalidResourceType.NotSupported", 403);

        Assert.Equal("ecs.g7.large", (await Instance(postPaid)).GetProperty("InstanceType").GetString());
        Assert.Equal("ecs.g7.large", (await Instance(prePaid)).GetProperty("InstanceType").GetString());
    }
}
