using System.Globalization;
using System.Text.Json;

namespace SecurityGroups.FunctionalTests.Instances;

/// <summary>
/// The instance settings Terraform's alicloud_instance sets at launch and updates in place: metadata options, automatic release
/// time, maintenance attributes, deployment set, private pool and credit mode (RunInstances / CreateInstance, the reads, and
/// ModifyInstanceMetadataOptions, ModifyInstanceAutoReleaseTime, ModifyInstanceMaintenanceAttributes, ModifyInstanceDeployment,
/// ModifyInstanceAttachmentAttributes, ModifyInstanceAttribute CreditSpecification).
/// </summary>
public sealed class InstanceSettingsTests(EmulatorFactory factory) : InstanceTest(factory)
{
    private const string Region = "cn-hangzhou";

    private static (string, string) P(string name, string value) => (name, value);

    /// <summary>A release time <paramref name="ahead"/> from now, as the caller sends it (seconds) and as DescribeInstances shows it (minutes).</summary>
    private static (string Sent, string Shown) ReleaseAt(TimeSpan ahead)
    {
        var at = DateTime.UtcNow.Add(ahead);
        return (at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), at.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture));
    }

    private async Task<JsonElement> Maintenance(string id) =>
        (await Client.Ecs("DescribeInstanceMaintenanceAttributes", P("RegionId", Region), P("InstanceId.1", id))).Ok()
            .GetProperty("MaintenanceAttributes").GetProperty("MaintenanceAttribute")[0];

    private async Task<JsonElement> Attachment(string id) =>
        (await Client.Ecs("DescribeInstanceAttachmentAttributes", P("RegionId", Region), P("InstanceIds", JsonSerializer.Serialize(new[] { id })))).Ok()
            .GetProperty("Instances").GetProperty("Instance")[0];

    private static string Metadata(JsonElement instance) =>
        string.Join('/', instance.GetProperty("MetadataOptions") is var m
            ? new[] { m.GetProperty("HttpEndpoint").GetString(), m.GetProperty("HttpTokens").GetString(),
                m.GetProperty("HttpPutResponseHopLimit").GetInt32().ToString(CultureInfo.InvariantCulture), m.GetProperty("InstanceMetadataTags").GetString() }
            : []);

    private async Task<List<string>> Matching(params (string, string)[] filter) =>
        (await Client.Ecs("DescribeInstances", [P("RegionId", Region), .. filter])).Ok().GetProperty("Instances").GetProperty("Instance")
            .EnumerateArray().Select(i => i.GetProperty("InstanceId").GetString()!).ToList();

    [Fact]
    public async Task RunInstances_StoresEverySetting_AndTheReadsShowThem()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var release = ReleaseAt(TimeSpan.FromHours(5));
        var id = (await Run(group, 1, P("HttpEndpoint", "enabled"), P("HttpTokens", "required"), P("HttpPutResponseHopLimit", "3"),
            P("AutoReleaseTime", release.Sent), P("DeploymentSetId", "ds-settings1"), P("PrivatePoolOptions.MatchCriteria", "Target"),
            P("PrivatePoolOptions.Id", "eap-settings1"), P("CreditSpecification", "Unlimited")))[0];

        var instance = await Instance(id);
        Assert.Equal("enabled/required/3/disabled", Metadata(instance));
        Assert.Equal(release.Shown, instance.GetProperty("AutoReleaseTime").GetString());
        Assert.Equal("ds-settings1", instance.GetProperty("DeploymentSetId").GetString());
        Assert.Equal("Unlimited", instance.GetProperty("CreditSpecification").GetString());
        var attribute = (await Client.Ecs("DescribeInstanceAttribute", P("InstanceId", id))).Ok();
        Assert.Equal("Unlimited", attribute.GetProperty("CreditSpecification").GetString());
        var attachment = await Attachment(id);
        Assert.Equal("Target", attachment.GetProperty("PrivatePoolOptionsMatchCriteria").GetString());
        Assert.Equal("eap-settings1", attachment.GetProperty("PrivatePoolOptionsId").GetString());

        // Alibaba's defaults for an instance launched without them
        var plain = (await Run(group))[0];
        instance = await Instance(plain);
        Assert.Equal("enabled/optional/1/disabled", Metadata(instance));
        Assert.Equal("", instance.GetProperty("AutoReleaseTime").GetString());
        Assert.Equal("", instance.GetProperty("DeploymentSetId").GetString());
        Assert.Equal("", instance.GetProperty("CreditSpecification").GetString());
        attachment = await Attachment(plain);
        Assert.Equal(("Open", ""), (attachment.GetProperty("PrivatePoolOptionsMatchCriteria").GetString(), attachment.GetProperty("PrivatePoolOptionsId").GetString()));
        var maintenance = await Maintenance(plain);
        Assert.Equal("AutoRecover", maintenance.GetProperty("ActionOnMaintenance").GetProperty("Value").GetString());
        Assert.Equal(0, maintenance.GetProperty("MaintenanceWindows").GetProperty("MaintenanceWindow").GetArrayLength());
        Assert.False(maintenance.GetProperty("NotifyOnMaintenance").GetBoolean());

        // CreateInstance takes the same settings (no AutoReleaseTime in its model)
        var created = (await Client.Ecs("CreateInstance", P("RegionId", Region), P("VSwitchId", VSwitch), P("SecurityGroupId", group),
            P("HttpEndpoint", "disabled"), P("HttpTokens", "required"), P("DeploymentSetId", "ds-settings2"), P("PrivatePoolOptions.MatchCriteria", "None"),
            P("CreditSpecification", "Standard"))).Ok().GetProperty("InstanceId").GetString()!;
        instance = await Instance(created);
        Assert.Equal("disabled/required/1/disabled", Metadata(instance));
        Assert.Equal(("ds-settings2", "Standard"), (instance.GetProperty("DeploymentSetId").GetString(), instance.GetProperty("CreditSpecification").GetString()));
        Assert.Equal("None", (await Attachment(created)).GetProperty("PrivatePoolOptionsMatchCriteria").GetString());

        // DescribeInstances filters on the metadata options for real
        Assert.Equal([id], await Matching(P("HttpTokens", "required"), P("HttpEndpoint", "enabled")));
        Assert.Equal([created], await Matching(P("HttpEndpoint", "disabled")));
        Assert.Equal([plain], await Matching(P("HttpTokens", "optional")));
        Assert.Equal([id], await Matching(P("HttpPutResponseHopLimit", "3")));
        Assert.Equal(new[] { plain, created }.Order(), (await Matching(P("HttpPutResponseHopLimit", "1"))).Order());
    }

    [Fact]
    public async Task RunInstances_RefusesBadSettings_AndLaunchesNothing()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        (string, string)[] launch = [P("RegionId", Region), P("VSwitchId", VSwitch), P("SecurityGroupId", group)];

        (await Client.Ecs("RunInstances", [.. launch, P("HttpEndpoint", "on")])).Error("InvalidHttpEndpoint.NotSupported", 400);
        (await Client.Ecs("RunInstances", [.. launch, P("HttpTokens", "always")])).Error("InvalidHttpTokens.NotSupported", 400);
        (await Client.Ecs("RunInstances", [.. launch, P("HttpPutResponseHopLimit", "65")])).Error("InvalidHttpPutResponseHopLimit.NotSupported", 400);
        (await Client.Ecs("RunInstances", [.. launch, P("HttpPutResponseHopLimit", "0")])).Error("InvalidHttpPutResponseHopLimit.NotSupported", 400);
        (await Client.Ecs("RunInstances", [.. launch, P("AutoReleaseTime", "tomorrow")])).Error("InvalidAutoReleaseTime.Malformed", 400);
        (await Client.Ecs("RunInstances", [.. launch, P("AutoReleaseTime", ReleaseAt(TimeSpan.FromMinutes(10)).Sent)])).Error("InvalidAutoReleaseTime.Malformed", 400);
        (await Client.Ecs("RunInstances", [.. launch, P("AutoReleaseTime", ReleaseAt(TimeSpan.FromDays(4 * 365)).Sent)])).Error("InvalidAutoReleaseTime.Malformed", 400);
        (await Client.Ecs("RunInstances", [.. launch, P("PrivatePoolOptions.MatchCriteria", "Any")])).Error("InvalidParameter", 400);
        (await Client.Ecs("RunInstances", [.. launch, P("PrivatePoolOptions.MatchCriteria", "Target")])).Error("MissingParameter", 400);
        (await Client.Ecs("RunInstances", [.. launch, P("CreditSpecification", "Turbo")])).Error("InvalidParameter", 400);
        (await Client.Ecs("CreateInstance", [.. launch, P("HttpTokens", "always")])).Error("InvalidHttpTokens.NotSupported", 400);
        Assert.Equal(0, (await Client.Ecs("DescribeInstances", P("RegionId", Region))).Ok().GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task ModifyInstanceMetadataOptions_ChangesWhatItIsGiven()
    {
        await Arrange();
        var id = (await Run(await CreateGroup(Vpc)))[0];

        (await Client.Ecs("ModifyInstanceMetadataOptions", P("RegionId", Region), P("InstanceId", id), P("HttpEndpoint", "enabled"), P("HttpTokens", "required"))).Ok();
        Assert.Equal("enabled/required/1/disabled", Metadata(await Instance(id)));
        Assert.Equal([id], await Matching(P("HttpTokens", "required")));

        // HttpTokens absent: kept; the hop limit and metadata tags change
        (await Client.Ecs("ModifyInstanceMetadataOptions", P("RegionId", Region), P("InstanceId", id), P("HttpEndpoint", "disabled"),
            P("HttpPutResponseHopLimit", "64"), P("InstanceMetadataTags", "enabled"))).Ok();
        Assert.Equal("disabled/required/64/enabled", Metadata(await Instance(id)));

        (await Client.Ecs("ModifyInstanceMetadataOptions", P("RegionId", Region), P("InstanceId", id), P("HttpEndpoint", "enabled"), P("HttpTokens", "optional"))).Ok();
        Assert.Equal("enabled/optional/64/enabled", Metadata(await Instance(id)));
        Assert.Empty(await Matching(P("HttpTokens", "required")));
    }

    [Fact]
    public async Task ModifyInstanceMetadataOptions_Errors()
    {
        await Arrange();
        var id = (await Run(await CreateGroup(Vpc)))[0];
        (string, string)[] target = [P("RegionId", Region), P("InstanceId", id)];

        (await Client.Ecs("ModifyInstanceMetadataOptions", target)).Error("MissingParameter", 400);
        (await Client.Ecs("ModifyInstanceMetadataOptions", P("RegionId", Region), P("HttpEndpoint", "enabled"))).Error("MissingParameter", 400);
        (await Client.Ecs("ModifyInstanceMetadataOptions", P("InstanceId", id), P("HttpEndpoint", "enabled"))).Error("MissingParameter", 400);
        (await Client.Ecs("ModifyInstanceMetadataOptions", [.. target, P("HttpEndpoint", "yes")])).Error("InvalidHttpEndpoint.NotSupported", 400);
        (await Client.Ecs("ModifyInstanceMetadataOptions", [.. target, P("HttpEndpoint", "enabled"), P("HttpTokens", "no")])).Error("InvalidHttpTokens.NotSupported", 400);
        (await Client.Ecs("ModifyInstanceMetadataOptions", [.. target, P("HttpEndpoint", "enabled"), P("HttpPutResponseHopLimit", "65")]))
            .Error("InvalidHttpPutResponseHopLimit.NotSupported", 400);
        (await Client.Ecs("ModifyInstanceMetadataOptions", [.. target, P("HttpEndpoint", "enabled"), P("InstanceMetadataTags", "on")])).Error("InvalidParameter", 400);
        (await Client.Ecs("ModifyInstanceMetadataOptions", P("RegionId", Region), P("InstanceId", "i-nosuch"), P("HttpEndpoint", "enabled"))).Error("InvalidInstanceId.NotFound", 404);
        (await Client.Ecs("ModifyInstanceMetadataOptions", P("RegionId", "cn-beijing"), P("InstanceId", id), P("HttpEndpoint", "enabled"))).Error("InvalidInstanceId.NotFound", 404);
        (await Client.Ecs("ModifyInstanceMetadataOptions", P("RegionId", "xx-nowhere"), P("InstanceId", id), P("HttpEndpoint", "enabled"))).Error("InvalidRegionId.NotFound", 404);
        (await AsOtherAccount("ModifyInstanceMetadataOptions", [.. target, P("HttpEndpoint", "disabled")])).Error("InvalidInstanceId.NotFound", 404);
        Assert.Equal("enabled/optional/1/disabled", Metadata(await Instance(id)));
    }

    [Fact]
    public async Task ModifyInstanceAutoReleaseTime_SetsAndCancels()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var id = (await Run(group))[0];
        var release = ReleaseAt(TimeSpan.FromHours(3));

        (await Client.Ecs("ModifyInstanceAutoReleaseTime", P("RegionId", Region), P("InstanceId", id), P("AutoReleaseTime", release.Sent))).Ok();
        Assert.Equal(release.Shown, (await Instance(id)).GetProperty("AutoReleaseTime").GetString());
        // the minute form DescribeInstances shows is taken back as is (Terraform sends what it read)
        var later = ReleaseAt(TimeSpan.FromDays(30));
        (await Client.Ecs("ModifyInstanceAutoReleaseTime", P("InstanceId", id), P("AutoReleaseTime", later.Shown))).Ok();
        Assert.Equal(later.Shown, (await Instance(id)).GetProperty("AutoReleaseTime").GetString());
        (await Client.Ecs("ModifyInstanceAutoReleaseTime", P("RegionId", Region), P("InstanceId", id))).Ok();
        Assert.Equal("", (await Instance(id)).GetProperty("AutoReleaseTime").GetString());

        (await Client.Ecs("ModifyInstanceAutoReleaseTime", P("RegionId", Region))).Error("MissingParameter", 400);
        (await Client.Ecs("ModifyInstanceAutoReleaseTime", P("InstanceId", id), P("AutoReleaseTime", "2030-01-01 10:00:00"))).Error("InvalidAutoReleaseTime.Malformed", 400);
        (await Client.Ecs("ModifyInstanceAutoReleaseTime", P("InstanceId", id), P("AutoReleaseTime", ReleaseAt(TimeSpan.FromMinutes(5)).Sent))).Error("InvalidAutoReleaseTime.Malformed", 400);
        (await Client.Ecs("ModifyInstanceAutoReleaseTime", P("InstanceId", "i-nosuch"), P("AutoReleaseTime", release.Sent))).Error("InvalidInstanceId.NotFound", 404);
        (await AsOtherAccount("ModifyInstanceAutoReleaseTime", [P("InstanceId", id), P("AutoReleaseTime", release.Sent)])).Error("InvalidInstanceId.NotFound", 404);
        // a subscription instance has no automatic release: RunInstances takes the time (checked) and keeps none
        var prePaid = (await Run(group, 1, P("InstanceChargeType", "PrePaid"), P("AutoReleaseTime", release.Sent)))[0];
        (await Client.Ecs("ModifyInstanceAutoReleaseTime", P("InstanceId", prePaid), P("AutoReleaseTime", release.Sent))).Error("ChargeTypeViolation", 403);
        Assert.Equal("", (await Instance(id)).GetProperty("AutoReleaseTime").GetString());
        Assert.Equal("", (await Instance(prePaid)).GetProperty("AutoReleaseTime").GetString());
    }

    [Fact]
    public async Task ModifyInstanceMaintenanceAttributes_RoundTrips_AllOrNone()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var ids = await Run(group, 2);

        (await Client.Ecs("ModifyInstanceMaintenanceAttributes", P("RegionId", Region), P("InstanceId.1", ids[0]), P("InstanceId.2", ids[1]),
            P("MaintenanceWindow.1.StartTime", "01:00:00"), P("MaintenanceWindow.1.EndTime", "02:00:00"), P("ActionOnMaintenance", "Stop"),
            P("NotifyOnMaintenance", "true"))).Ok();
        foreach (var id in ids)
        {
            var m = await Maintenance(id);
            Assert.Equal("Stop", m.GetProperty("ActionOnMaintenance").GetProperty("Value").GetString());
            Assert.Equal("AutoRecover", m.GetProperty("ActionOnMaintenance").GetProperty("DefaultValue").GetString());
            var window = Assert.Single(m.GetProperty("MaintenanceWindows").GetProperty("MaintenanceWindow").EnumerateArray());
            Assert.Equal(("01:00:00", "02:00:00"), (window.GetProperty("StartTime").GetString(), window.GetProperty("EndTime").GetString()));
            Assert.True(m.GetProperty("NotifyOnMaintenance").GetBoolean());
        }

        // only what is given changes; a window across midnight is taken
        (await Client.Ecs("ModifyInstanceMaintenanceAttributes", P("RegionId", Region), P("InstanceId.1", ids[0]), P("NotifyOnMaintenance", "false"))).Ok();
        (await Client.Ecs("ModifyInstanceMaintenanceAttributes", P("RegionId", Region), P("InstanceId.1", ids[1]),
            P("MaintenanceWindow.1.StartTime", "22:00:00"), P("MaintenanceWindow.1.EndTime", "03:00:00"), P("ActionOnMaintenance", "AutoRedeploy"))).Ok();
        var first = await Maintenance(ids[0]);
        Assert.False(first.GetProperty("NotifyOnMaintenance").GetBoolean());
        Assert.Equal("Stop", first.GetProperty("ActionOnMaintenance").GetProperty("Value").GetString());
        var second = await Maintenance(ids[1]);
        Assert.Equal("AutoRedeploy", second.GetProperty("ActionOnMaintenance").GetProperty("Value").GetString());
        Assert.Equal("22:00:00", second.GetProperty("MaintenanceWindows").GetProperty("MaintenanceWindow")[0].GetProperty("StartTime").GetString());
        Assert.True(second.GetProperty("NotifyOnMaintenance").GetBoolean());

        // one unknown instance: nothing changes (one transaction)
        (await Client.Ecs("ModifyInstanceMaintenanceAttributes", P("RegionId", Region), P("InstanceId.1", ids[0]), P("InstanceId.2", "i-nosuch"),
            P("ActionOnMaintenance", "AutoRecover"))).Error("InvalidInstanceId.NotFound", 404);
        Assert.Equal("Stop", (await Maintenance(ids[0])).GetProperty("ActionOnMaintenance").GetProperty("Value").GetString());
    }

    [Fact]
    public async Task ModifyInstanceMaintenanceAttributes_Errors()
    {
        await Arrange();
        var id = (await Run(await CreateGroup(Vpc)))[0];
        (string, string)[] target = [P("RegionId", Region), P("InstanceId.1", id)];

        (await Client.Ecs("ModifyInstanceMaintenanceAttributes", P("InstanceId.1", id), P("ActionOnMaintenance", "Stop"))).Error("MissingParameter", 400);
        (await Client.Ecs("ModifyInstanceMaintenanceAttributes", P("RegionId", Region), P("ActionOnMaintenance", "Stop"))).Error("MissingParameter", 400);
        (await Client.Ecs("ModifyInstanceMaintenanceAttributes", [.. target, P("ActionOnMaintenance", "Reboot")])).Error("InvalidParameter", 400);
        (await Client.Ecs("ModifyInstanceMaintenanceAttributes", [.. target, P("MaintenanceWindow.1.StartTime", "01:00:00")])).Error("InvalidParameter", 400);
        (await Client.Ecs("ModifyInstanceMaintenanceAttributes", [.. target, P("MaintenanceWindow.1.StartTime", "01:30:00"), P("MaintenanceWindow.1.EndTime", "03:00:00")]))
            .Error("InvalidParameter", 400);
        (await Client.Ecs("ModifyInstanceMaintenanceAttributes", [.. target, P("MaintenanceWindow.1.StartTime", "24:00:00"), P("MaintenanceWindow.1.EndTime", "03:00:00")]))
            .Error("InvalidParameter", 400);
        (await Client.Ecs("ModifyInstanceMaintenanceAttributes", [.. target, P("MaintenanceWindow.1.StartTime", "03:00:00"), P("MaintenanceWindow.1.EndTime", "03:00:00")]))
            .Error("InvalidParameter", 400);
        (await Client.Ecs("ModifyInstanceMaintenanceAttributes", [.. target, P("MaintenanceWindow.1.StartTime", "01:00:00"), P("MaintenanceWindow.1.EndTime", "02:00:00"),
            P("MaintenanceWindow.2.StartTime", "03:00:00"), P("MaintenanceWindow.2.EndTime", "04:00:00")])).Error("InvalidParameter", 400);
        (await Client.Ecs("ModifyInstanceMaintenanceAttributes", [.. target, P("NotifyOnMaintenance", "maybe")])).Error("InvalidParameter", 400);
        (await Client.Ecs("ModifyInstanceMaintenanceAttributes", [.. Enumerable.Range(1, 101).Select(n => P($"InstanceId.{n}", id)), P("RegionId", Region)]))
            .Error("InvalidParameter", 400);
        (await AsOtherAccount("ModifyInstanceMaintenanceAttributes", [.. target, P("ActionOnMaintenance", "Stop")])).Error("InvalidInstanceId.NotFound", 404);
        Assert.Equal("AutoRecover", (await Maintenance(id)).GetProperty("ActionOnMaintenance").GetProperty("Value").GetString());
    }

    [Fact]
    public async Task ModifyInstanceDeployment_AddsMovesAndRemoves()
    {
        await Arrange();
        var id = (await Run(await CreateGroup(Vpc)))[0];
        (string, string)[] target = [P("RegionId", Region), P("InstanceId", id)];

        (await Client.Ecs("ModifyInstanceDeployment", [.. target, P("DeploymentSetId", "ds-one"), P("ClientToken", "tf-1")])).Ok();
        Assert.Equal("ds-one", (await Instance(id)).GetProperty("DeploymentSetId").GetString());
        (await Client.Ecs("ModifyInstanceDeployment", [.. target, P("DeploymentSetId", "ds-two"), P("Force", "true"), P("DeploymentSetGroupNo", "7")])).Ok();
        Assert.Equal("ds-two", (await Instance(id)).GetProperty("DeploymentSetId").GetString());
        (await Client.Ecs("ModifyInstanceDeployment", [.. target, P("DeploymentSetId", "ds-one"), P("RemoveFromDeploymentSet", "true")])).Error("InvalidParameter", 400);
        (await Client.Ecs("ModifyInstanceDeployment", [.. target, P("DeploymentSetId", "ds-two"), P("RemoveFromDeploymentSet", "true")])).Ok();
        Assert.Equal("", (await Instance(id)).GetProperty("DeploymentSetId").GetString());

        (await Client.Ecs("ModifyInstanceDeployment", [.. target, P("RemoveFromDeploymentSet", "true")])).Error("MissingParameter", 400);
        (await Client.Ecs("ModifyInstanceDeployment", P("InstanceId", id), P("DeploymentSetId", "ds-one"))).Error("MissingParameter", 400);
        (await Client.Ecs("ModifyInstanceDeployment", P("RegionId", Region), P("DeploymentSetId", "ds-one"))).Error("MissingParameter", 400);
        (await Client.Ecs("ModifyInstanceDeployment", [.. target, P("DeploymentSetId", "ds-one"), P("DeploymentSetGroupNo", "8")])).Error("InvalidParameter", 400);
        (await Client.Ecs("ModifyInstanceDeployment", P("RegionId", Region), P("InstanceId", "i-nosuch"), P("DeploymentSetId", "ds-one"))).Error("InvalidInstanceId.NotFound", 404);
        (await AsOtherAccount("ModifyInstanceDeployment", [.. target, P("DeploymentSetId", "ds-one")])).Error("InvalidInstanceId.NotFound", 404);
        Assert.Equal("", (await Instance(id)).GetProperty("DeploymentSetId").GetString());
    }

    [Fact]
    public async Task ModifyInstanceAttachmentAttributes_RoundTrips()
    {
        await Arrange();
        var id = (await Run(await CreateGroup(Vpc)))[0];
        (string, string)[] target = [P("RegionId", Region), P("InstanceId", id)];

        (await Client.Ecs("ModifyInstanceAttachmentAttributes", [.. target, P("PrivatePoolOptions.MatchCriteria", "Target"), P("PrivatePoolOptions.Id", "crp-one")])).Ok();
        var attachment = await Attachment(id);
        Assert.Equal(("Target", "crp-one"), (attachment.GetProperty("PrivatePoolOptionsMatchCriteria").GetString(), attachment.GetProperty("PrivatePoolOptionsId").GetString()));
        // an ID with Open or None is dropped, as the pool only matters for Target
        (await Client.Ecs("ModifyInstanceAttachmentAttributes", [.. target, P("PrivatePoolOptions.MatchCriteria", "None"), P("PrivatePoolOptions.Id", "crp-one")])).Ok();
        attachment = await Attachment(id);
        Assert.Equal(("None", ""), (attachment.GetProperty("PrivatePoolOptionsMatchCriteria").GetString(), attachment.GetProperty("PrivatePoolOptionsId").GetString()));

        (await Client.Ecs("ModifyInstanceAttachmentAttributes", target)).Error("MissingParameter", 400);
        (await Client.Ecs("ModifyInstanceAttachmentAttributes", [.. target, P("PrivatePoolOptions.MatchCriteria", "Target")])).Error("MissingParameter", 400);
        (await Client.Ecs("ModifyInstanceAttachmentAttributes", [.. target, P("PrivatePoolOptions.MatchCriteria", "Closed")])).Error("InvalidParameter", 400);
        (await Client.Ecs("ModifyInstanceAttachmentAttributes", P("InstanceId", id), P("PrivatePoolOptions.MatchCriteria", "Open"))).Error("MissingParameter.RegionId", 400);
        (await Client.Ecs("ModifyInstanceAttachmentAttributes", P("RegionId", Region), P("PrivatePoolOptions.MatchCriteria", "Open"))).Error("MissingParameter", 400);
        (await Client.Ecs("ModifyInstanceAttachmentAttributes", P("RegionId", Region), P("InstanceId", "i-nosuch"), P("PrivatePoolOptions.MatchCriteria", "Open")))
            .Error("InvalidInstanceId.NotFound", 404);
        (await AsOtherAccount("ModifyInstanceAttachmentAttributes", [.. target, P("PrivatePoolOptions.MatchCriteria", "Open")])).Error("InvalidInstanceId.NotFound", 404);
        Assert.Equal("None", (await Attachment(id)).GetProperty("PrivatePoolOptionsMatchCriteria").GetString());
    }

    [Fact]
    public async Task ModifyInstanceAttribute_StoresCreditSpecification()
    {
        await Arrange();
        var id = (await Run(await CreateGroup(Vpc)))[0];

        (await Client.Ecs("ModifyInstanceAttribute", P("InstanceId", id), P("CreditSpecification", "Unlimited"))).Ok();
        Assert.Equal("Unlimited", (await Instance(id)).GetProperty("CreditSpecification").GetString());
        // empty (Terraform sends d.Get of an unset argument): unchanged
        (await Client.Ecs("ModifyInstanceAttribute", P("InstanceId", id), P("CreditSpecification", ""), P("InstanceName", "renamed"))).Ok();
        Assert.Equal("Unlimited", (await Client.Ecs("DescribeInstanceAttribute", P("InstanceId", id))).Ok().GetProperty("CreditSpecification").GetString());
        (await Client.Ecs("ModifyInstanceAttribute", P("InstanceId", id), P("CreditSpecification", "Standard"))).Ok();
        Assert.Equal("Standard", (await Instance(id)).GetProperty("CreditSpecification").GetString());
        (await Client.Ecs("ModifyInstanceAttribute", P("InstanceId", id), P("CreditSpecification", "Fast"), P("InstanceName", "again"))).Error("InvalidParameter", 400);
        var instance = await Instance(id);
        Assert.Equal(("Standard", "renamed"), (instance.GetProperty("CreditSpecification").GetString(), instance.GetProperty("InstanceName").GetString()));
    }

    /// <summary>The same call signed by the second account (<c>test2</c>), which owns none of these instances.</summary>
    private Task<AcsResult> AsOtherAccount(string action, (string, string)[] parameters) =>
        Client.Send(Signers.Rpc(action, AcsClient.EcsVersion, parameters, "test2", "secret2"));
}
