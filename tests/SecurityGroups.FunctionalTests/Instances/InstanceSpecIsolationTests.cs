namespace SecurityGroups.FunctionalTests.Instances;

/// <summary>Strict mode: a second account, signing with its own key, names the first account's instance in each Action of
/// InstanceSpecController. Each answers <c>InvalidInstanceId.NotFound</c> (404) and the instance is unchanged.</summary>
public sealed class InstanceSpecIsolationTests(StrictEmulatorFactory factory) : IClassFixture<StrictEmulatorFactory>
{
    private const string Region = "cn-hangzhou";
    private readonly AcsClient _client = factory.Acs();

    private async Task<AcsResult> Call(string action, string key, string secret, params (string, string)[] parameters)
    {
        using var request = Signers.Acs3(action, AcsClient.EcsVersion, [("RegionId", Region), .. parameters], key, secret);
        return await _client.Send(request);
    }

    private async Task<string> Owned(string action, string version, string field, params (string, string)[] parameters)
    {
        using var request = Signers.Acs3(action, version, [("RegionId", Region), .. parameters], "test", "test");
        return (await _client.Send(request)).Ok().GetProperty(field).GetString()!;
    }

    [Fact]
    public async Task AnotherAccount_NamingTheInstance_FindsNothingAndChangesNothing()
    {
        var vpc = await Owned("CreateVpc", AcsClient.VpcVersion, "VpcId", ("CidrBlock", "10.0.0.0/8"));
        var vSwitch = await Owned("CreateVSwitch", AcsClient.VpcVersion, "VSwitchId", ("VpcId", vpc), ("ZoneId", "cn-hangzhou-h"), ("CidrBlock", "10.1.0.0/16"));
        var group = await Owned("CreateSecurityGroup", AcsClient.EcsVersion, "SecurityGroupId", ("VpcId", vpc));
        using var run = Signers.Acs3("RunInstances", AcsClient.EcsVersion, [("RegionId", Region), ("VSwitchId", vSwitch), ("SecurityGroupId", group),
            ("KeyPairName", "mine"), ("RamRoleName", "mine")], "test", "test");
        var id = (await _client.Send(run)).Ok().GetProperty("InstanceIdSets").GetProperty("InstanceIdSet")[0].GetString()!;
        (await Call("StopInstance", "test", "test", ("InstanceId", id))).Ok();
        var ids = $"[\"{id}\"]";
        var before = DatabaseSnapshot.Take(factory);

        (string Action, (string, string)[] Parameters)[] attempts =
        [
            ("ModifyInstanceSpec", [("InstanceId", id), ("InstanceType", "ecs.g7.xlarge")]),
            ("ModifyPrepayInstanceSpec", [("InstanceId", id), ("InstanceType", "ecs.g7.xlarge")]),
            ("ModifyInstanceChargeType", [("InstanceIds", ids), ("InstanceChargeType", "PrePaid")]),
            ("ReplaceSystemDisk", [("InstanceId", id), ("ImageId", "ubuntu_22_04_x64_20G_alibase_20240530.vhd")]),
            ("AttachKeyPair", [("InstanceIds", ids), ("KeyPairName", "theirs")]),
            ("DetachKeyPair", [("InstanceIds", ids), ("KeyPairName", "mine")]),
            ("AttachInstanceRamRole", [("InstanceIds", ids), ("RamRoleName", "theirs")]),
            ("DetachInstanceRamRole", [("InstanceIds", ids), ("RamRoleName", "mine")]),
        ];
        foreach (var (action, parameters) in attempts)
        {
            var result = await Call(action, "test2", "secret2", parameters);
            Assert.True(result.Code == "InvalidInstanceId.NotFound" && (int)result.Status == 404, $"{action}: {(int)result.Status} {result.Text}");
        }

        Assert.Equal(before, DatabaseSnapshot.Take(factory));
    }
}
