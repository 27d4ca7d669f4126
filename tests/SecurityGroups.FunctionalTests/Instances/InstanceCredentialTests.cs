using System.Text.Json;

namespace SecurityGroups.FunctionalTests.Instances;

/// <summary>AttachKeyPair / DetachKeyPair and AttachInstanceRamRole / DetachInstanceRamRole: batches whose request-level errors
/// are HTTP errors and whose instance-level errors are results of a 200 (docs/actions.md, "Instance type, image and billing").</summary>
public sealed class InstanceCredentialTests(EmulatorFactory factory) : InstanceTest(factory)
{
    private const string Windows = "win2022_21H2_x64_dtc_en-us_40G_alibase_20240515.vhd";

    private static string Ids(params string[] ids) => JsonSerializer.Serialize(ids);

    private Task<AcsResult> Call(string action, string ids, params (string, string)[] extra) =>
        Client.Ecs(action, [("RegionId", "cn-hangzhou"), ("InstanceIds", ids), .. extra]);

    private static List<(string InstanceId, string Code, string Success)> KeyPairResults(JsonElement body) =>
        body.GetProperty("Results").GetProperty("Result").EnumerateArray()
            .Select(r => (r.GetProperty("InstanceId").GetString()!, r.GetProperty("Code").GetString()!, r.GetProperty("Success").GetString()!)).ToList();

    private async Task<List<(string, string)>> Roles(params string[] ids) =>
        (await Client.Ecs("DescribeInstanceRamRole", ("RegionId", "cn-hangzhou"), ("InstanceIds", Ids(ids)))).Ok()
            .GetProperty("InstanceRamRoleSets").GetProperty("InstanceRamRoleSet").EnumerateArray()
            .Select(r => (r.GetProperty("InstanceId").GetString()!, r.GetProperty("RamRoleName").GetString()!)).ToList();

    [Fact]
    public async Task AttachKeyPair_ReplacesTheKeyOfEachInstance_DetachKeyPairRemovesIt_AWindowsInstanceFailsAlone()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var (a, b) = ((await Run(group, 1, ("KeyPairName", "old")))[0], (await Run(group))[0]);
        var windows = (await Run(group, 1, ("ImageId", Windows), ("SystemDisk.Size", "40")))[0];

        var attached = (await Call("AttachKeyPair", Ids(a, b, windows, a), ("KeyPairName", "deploy"))).Ok();
        Assert.Equal(("deploy", "3", "1"), (attached.GetProperty("KeyPairName").GetString(), attached.GetProperty("TotalCount").GetString(),
            attached.GetProperty("FailCount").GetString()));
        Assert.Equal([(a, "200", "true"), (b, "200", "true"), (windows, "DependencyViolation.WindowsInstance", "false")], KeyPairResults(attached));
        Assert.Equal("deploy", (await Instance(a)).GetProperty("KeyPairName").GetString());
        Assert.Equal("deploy", (await Instance(b)).GetProperty("KeyPairName").GetString());
        Assert.Equal("", (await Instance(windows)).GetProperty("KeyPairName").GetString());
        Assert.Equal(2, (await Client.Ecs("DescribeInstances", ("RegionId", "cn-hangzhou"), ("KeyPairName", "deploy"))).Ok().GetProperty("TotalCount").GetInt32());

        var detached = (await Call("DetachKeyPair", Ids(a), ("KeyPairName", "deploy"))).Ok();
        Assert.Equal([(a, "200", "true")], KeyPairResults(detached));
        Assert.Equal("", (await Instance(a)).GetProperty("KeyPairName").GetString());

        // Detaching a key pair the instance does not hold is that instance's failure; nothing changes.
        var wrong = (await Call("DetachKeyPair", Ids(a, b), ("KeyPairName", "other"))).Ok();
        Assert.Equal("2", wrong.GetProperty("FailCount").GetString());
        Assert.Equal([(a, "InvalidKeyPairName.NotFound", "false"), (b, "InvalidKeyPairName.NotFound", "false")], KeyPairResults(wrong));
        Assert.Equal("deploy", (await Instance(b)).GetProperty("KeyPairName").GetString());
    }

    [Theory]
    [InlineData("AttachKeyPair")]
    [InlineData("DetachKeyPair")]
    public async Task KeyPairActions_Refusals(string action)
    {
        await Arrange();
        var id = (await Run(await CreateGroup(Vpc), 1, ("KeyPairName", "kept")))[0];

        (await Client.Ecs(action, ("InstanceIds", Ids(id)), ("KeyPairName", "kept"))).Error("MissingParameter", 400);
        (await Call(action, Ids(id))).Error("MissingParameter", 400);
        (await Client.Ecs(action, ("RegionId", "cn-hangzhou"), ("KeyPairName", "kept"))).Error("MissingParameter", 400);
        (await Call(action, "[\"" + id, ("KeyPairName", "kept"))).Error("InvalidInstanceIds.ValueNotSupported", 400);
        (await Call(action, "[1,2]", ("KeyPairName", "kept"))).Error("InvalidInstanceIds.ValueNotSupported", 400);
        (await Call(action, "[]", ("KeyPairName", "kept"))).Error("InvalidInstanceIds.ValueNotSupported", 400);
        (await Call(action, Ids([.. Enumerable.Range(0, 51).Select(i => $"i-{i}")]), ("KeyPairName", "kept"))).Error("InvalidInstanceIds.ValueNotSupported", 400);
        (await Call(action, Ids(id), ("KeyPairName", new string('k', 129)))).Error("InvalidKeyPairName.NotFound", 400);
        (await Call(action, Ids(id, "i-nope"), ("KeyPairName", "kept"))).Error("InvalidInstanceId.NotFound", 404);
        (await Client.Ecs(action, ("RegionId", "cn-beijing"), ("InstanceIds", Ids(id)), ("KeyPairName", "kept"))).Error("InvalidInstanceId.NotFound", 404);
        (await Client.Ecs(action, ("RegionId", "xx-nowhere"), ("InstanceIds", Ids(id)), ("KeyPairName", "kept"))).Error("InvalidRegionId.NotFound", 404);

        Assert.Equal("kept", (await Instance(id)).GetProperty("KeyPairName").GetString());
    }

    [Fact]
    public async Task AttachInstanceRamRole_OneRolePerInstance_DetachInstanceRamRoleReportsWhatWasHeld_DescribeInstanceRamRoleFollows()
    {
        await Arrange();
        var group = await CreateGroup(Vpc);
        var (a, b) = ((await Run(group))[0], (await Run(group, 1, ("RamRoleName", "launch-role")))[0]);

        var attached = (await Call("AttachInstanceRamRole", Ids(a, b), ("RamRoleName", "app-role"), ("Policy", "{\"Version\":\"1\"}"))).Ok();
        Assert.Equal(("app-role", 2, 1), (attached.GetProperty("RamRoleName").GetString(), attached.GetProperty("TotalCount").GetInt32(),
            attached.GetProperty("FailCount").GetInt32()));
        var results = attached.GetProperty("AttachInstanceRamRoleResults").GetProperty("AttachInstanceRamRoleResult").EnumerateArray()
            .Select(r => (r.GetProperty("InstanceId").GetString(), r.GetProperty("Code").GetString(), r.GetProperty("Success").GetBoolean())).ToList();
        Assert.Equal([(a, "200", true), (b, "InvalidRamRole.AlreadyAttached", false)], results);
        Assert.Equal([(a, "app-role"), (b, "launch-role")], await Roles(a, b));

        var detached = (await Call("DetachInstanceRamRole", Ids(a, b))).Ok();
        Assert.Equal((2, 0), (detached.GetProperty("TotalCount").GetInt32(), detached.GetProperty("FailCount").GetInt32()));
        var held = detached.GetProperty("DetachInstanceRamRoleResults").GetProperty("DetachInstanceRamRoleResult").EnumerateArray()
            .Select(r => r.GetProperty("InstanceRamRoleSets").GetProperty("InstanceRamRoleSet")[0].GetProperty("RamRoleName").GetString()).ToList();
        Assert.Equal(["app-role", "launch-role"], held);
        Assert.Empty(await Roles(a, b));

        // Named: only an instance holding that role; the others are reported, with an empty InstanceRamRoleSet.
        (await Call("AttachInstanceRamRole", Ids(a), ("RamRoleName", "x"))).Ok();
        var named = (await Call("DetachInstanceRamRole", Ids(a, b), ("RamRoleName", "y"))).Ok();
        var failed = named.GetProperty("DetachInstanceRamRoleResults").GetProperty("DetachInstanceRamRoleResult");
        Assert.Equal(2, named.GetProperty("FailCount").GetInt32());
        Assert.Equal("InvalidRamRole.NotFound", failed[0].GetProperty("Code").GetString());
        Assert.False(failed[1].GetProperty("Success").GetBoolean());
        Assert.Equal(0, failed[1].GetProperty("InstanceRamRoleSets").GetProperty("InstanceRamRoleSet").GetArrayLength());
        Assert.Equal([(a, "x")], await Roles(a, b));
    }

    [Theory]
    [InlineData("AttachInstanceRamRole")]
    [InlineData("DetachInstanceRamRole")]
    public async Task RamRoleActions_Refusals(string action)
    {
        await Arrange();
        var id = (await Run(await CreateGroup(Vpc), 1, ("RamRoleName", "kept")))[0];

        (await Client.Ecs(action, ("InstanceIds", Ids(id)), ("RamRoleName", "kept"))).Error("MissingParameter", 400);
        (await Client.Ecs(action, ("RegionId", "cn-hangzhou"), ("RamRoleName", "kept"))).Error("MissingParameter", 400);
        (await Call(action, "not json", ("RamRoleName", "kept"))).Error("InvalidInstanceIds.Malformed", 400);
        (await Call(action, "[]", ("RamRoleName", "kept"))).Error("InvalidInstanceIds.Malformed", 400);
        (await Call(action, Ids([.. Enumerable.Range(0, 101).Select(i => $"i-{i}")]), ("RamRoleName", "kept"))).Error("InvalidInstanceIds.Malformed", 400);
        (await Call(action, Ids(id), ("RamRoleName", new string('r', 65)))).Error("InvalidRamRole.NotFound", 404);
        (await Call(action, Ids("i-nope"), ("RamRoleName", "kept"))).Error("InvalidInstanceId.NotFound", 404);
        (await Client.Ecs(action, ("RegionId", "cn-beijing"), ("InstanceIds", Ids(id)), ("RamRoleName", "kept"))).Error("InvalidInstanceId.NotFound", 404);
        if (action == "AttachInstanceRamRole")
        {
            (await Call(action, Ids(id))).Error("MissingParameter", 400);
            (await Call(action, Ids(id), ("RamRoleName", "r"), ("Policy", new string('p', 1025)))).Error("InvalidParameter", 400);
        }

        Assert.Equal([(id, "kept")], await Roles(id));
    }
}
