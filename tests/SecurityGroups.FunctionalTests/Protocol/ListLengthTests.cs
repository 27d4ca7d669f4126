namespace SecurityGroups.FunctionalTests.Protocol;

/// <summary>
/// Hostile list lengths: every flattened list parameter of every Action (found by reflection, so a new Action is covered
/// without editing this file), sent with 1,025 items (past ASP.NET's default binding limit of 1,024) and with 10,000
/// (past the request's parameter bound). Each must get the Action's own count error, never a 5xx, and change nothing.
/// </summary>
public sealed class ListLengthTests(EmulatorFactory factory) : EmulatorTest(factory)
{
    /// <summary>
    /// The count error of each list that has an Alibaba code of its own (keyed "Action WireName"); any other list
    /// answers <c>InvalidParameter</c> (400). A new list is held to that default until its Alibaba code is listed here.
    /// </summary>
    private static readonly Dictionary<string, (string Code, int Status)> CountErrors = new(StringComparer.Ordinal)
    {
        ["AuthorizeSecurityGroup Permissions"] = ("InvalidParam.Permissions", 400),
        ["AuthorizeSecurityGroupEgress Permissions"] = ("InvalidParam.Permissions", 400),
        ["RevokeSecurityGroup Permissions"] = ("InvalidParam.Permissions", 400),
        ["RevokeSecurityGroupEgress Permissions"] = ("InvalidParam.Permissions", 400),
        ["ModifySecurityGroupRule Permissions"] = ("InvalidParam.Permissions", 400),
        ["ModifySecurityGroupEgressRule Permissions"] = ("InvalidParam.Permissions", 400),
        ["RevokeSecurityGroup SecurityGroupRuleId"] = ("InvalidParam.SecurityGroupRuleId", 400),
        ["RevokeSecurityGroupEgress SecurityGroupRuleId"] = ("InvalidParam.SecurityGroupRuleId", 400),
        ["DescribeSecurityGroupReferences SecurityGroupId"] = ("InvalidSecurityGroupId.Malformed", 400),
        ["CreateSecurityGroup Tag"] = ("QuotaExceed.Tags", 403),
        ["CreateVpc Tag"] = ("NumberExceed.Tags", 400),
        ["CreateVSwitch Tag"] = ("NumberExceed.Tags", 400),
        ["DescribeRouteTableList Tag"] = ("NumberExceed.Tags", 400),
        ["CreatePrefixList Tag"] = ("NumberExceed.Tags", 400),
        ["CreatePortRangeList Tag"] = ("NumberExceed.Tags", 400),
        ["RunInstances Tag"] = ("NumberExceed.Tags", 400),
        ["CreateInstance Tag"] = ("NumberExceed.Tags", 400),
        ["CreateNetworkInterface Tag"] = ("NumberExceed.Tags", 400),
        ["CreateNetworkInterface PrivateIpAddress"] = ("InvalidParameter.SecondaryPrivateIpAddressCount", 400),
        ["AssignPrivateIpAddresses PrivateIpAddress"] = ("InvalidParameter.SecondaryPrivateIpAddressCount", 400),
        ["UnassignPrivateIpAddresses PrivateIpAddress"] = ("InvalidParameter.SecondaryPrivateIpAddressCount", 400),
        ["DeleteInstances InstanceId"] = ("InvalidInstanceIds.Malformed", 400),
        ["StartInstances InstanceId"] = ("InvalidInstanceIds.Malformed", 400),
        ["StopInstances InstanceId"] = ("InvalidInstanceIds.Malformed", 400),
        ["RebootInstances InstanceId"] = ("InvalidInstanceIds.Malformed", 400),
        ["DescribeInstanceStatus InstanceId"] = ("InvalidInstanceIds.Malformed", 400),
        ["ModifyInstanceVpcAttribute SecurityGroupId"] = ("InstanceSecurityGroupLimitExceeded", 403),
        ["DescribePortRangeLists PortRangeListId"] = ("InvalidParameter.PortRangeListId", 400),
        ["TagResources ResourceId"] = ("NumberExceed.ResourceIds", 400),
        ["TagResources Tag"] = ("NumberExceed.Tags", 400),
        ["UntagResources ResourceId"] = ("NumberExceed.ResourceIds", 400),
        ["UntagResources TagKey"] = ("NumberExceed.TagKeys", 400),
        ["ListTagResources ResourceId"] = ("NumberExceed.ResourceIds", 400),
        ["ListTagResources Tag"] = ("NumberExceed.Tags", 400),
        ["TagResources ResourceId (VPC)"] = ("NumberExceed.ResourceIds", 400),
        ["TagResources Tag (VPC)"] = ("NumberExceed.Tags", 400),
        ["UnTagResources ResourceId"] = ("NumberExceed.ResourceIds", 400),
        ["UnTagResources TagKey"] = ("NumberExceed.TagKeys", 400),
        ["ListTagResources ResourceId (VPC)"] = ("NumberExceed.ResourceIds", 400),
        ["ListTagResources Tag (VPC)"] = ("NumberExceed.Tags", 400),
        ["AddTags Tag"] = ("NumberExceed.Tags", 400),
        ["RemoveTags Tag"] = ("NumberExceed.Tags", 400),
        ["DescribeTags Tag"] = ("NumberExceed.Tags", 400),
        ["DescribeResourceByTags Tag"] = ("NumberExceed.Tags", 400),
        ["CreatePrefixList Entry"] = ("LimitExceed.Entry", 400),
        ["ModifyPrefixList AddEntry"] = ("LimitExceed.Entry", 400),
        ["ModifyPrefixList RemoveEntry"] = ("LimitExceed.Entry", 400),
        ["DescribePrefixLists PrefixListId"] = ("LimitExceed.PrefixListId", 400),
        ["CreatePortRangeList Entry"] = ("InvalidOperation.EntryCountExceedMaxEntries", 400),
        ["ModifyPortRangeList AddEntry"] = ("LimitExceed.Entry", 400),
        ["ModifyPortRangeList RemoveEntry"] = ("LimitExceed.Entry", 400),
        ["ModifyInstanceAttribute SecurityGroupIds"] = ("InstanceSecurityGroupLimitExceeded", 403),
        ["ModifyNetworkInterfaceAttribute SecurityGroupId"] = ("InstanceSecurityGroupLimitExceeded", 403),
        ["RunInstances SecurityGroupIds"] = ("InstanceSecurityGroupLimitExceeded", 403),
        ["CreateNetworkInterface SecurityGroupIds"] = ("InstanceSecurityGroupLimitExceeded", 403),
    };

    public static TheoryData<string, string, string, int> Lists()
    {
        var data = new TheoryData<string, string, string, int>();
        foreach (var list in ActionListParameters.All)
        {
            data.Add(list.Action, list.Version, list.WireName, 1025);
            data.Add(list.Action, list.Version, list.WireName, 10_000);
        }

        return data;
    }

    [Fact]
    public void Discovery_FindsTheKnownLists()
    {
        var found = ActionListParameters.All.Select(l => l.ToString()).ToHashSet(StringComparer.Ordinal);
        Assert.Subset(found, CountErrors.Keys.ToHashSet(StringComparer.Ordinal));
        Assert.Contains("ListTagResources TagFilter.1.TagValues", found);
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task OverlongList_GetsTheActionsCountError_AndChangesNothing(string action, string version, string wireName, int items)
    {
        var list = ActionListParameters.All.Single(l => l.Action == action && l.Version == version && l.WireName == wireName);
        var seed = await Seed();
        var before = DatabaseSnapshot.Take(Factory);

        var parameters = new List<(string, string)> { ("RegionId", "cn-hangzhou") };
        if (list.ScalarFields.Contains("SecurityGroupId"))
        {
            parameters.Add(("SecurityGroupId", seed.GroupId));
        }

        if (list.ScalarFields.Contains("ResourceType"))
        {
            parameters.Add(("ResourceType", "securitygroup"));
        }

        if (list.ScalarFields.Contains("MaxEntries"))
        {
            parameters.Add(("MaxEntries", "10"));
        }

        for (var i = 1; i <= items; i++)
        {
            parameters.Add((string.Format(System.Globalization.CultureInfo.InvariantCulture, list.ItemKey, i), Item(list, i, seed)));
        }

        var result = await Client.Call(action, list.Version, AcsStyle.Form, [.. parameters]);

        Assert.True((int)result.Status < 500, $"{list} x{items}: {(int)result.Status} {result.Text}");
        var (code, status) = items > 4000 ? ("InvalidParameter", 400) : CountErrors.GetValueOrDefault(list.ToString(), ("InvalidParameter", 400));
        result.Error(code, status);
        Assert.Equal(before, DatabaseSnapshot.Take(Factory));
    }

    /// <summary>A plausible N-th item: the seeded group or tag where the list names one (so a list that slipped through would change state).</summary>
    private static string Item(ActionListParameter list, int i, (string GroupId, string VpcId) seed) => list.ItemKey switch
    {
        _ when i == 1 && (list.WireName.Contains("SecurityGroupId", StringComparison.Ordinal) || list.WireName == "ResourceId") => seed.GroupId,
        _ when list.ItemKey.EndsWith(".IpProtocol", StringComparison.Ordinal) => "TCP",
        _ when list.ItemKey.EndsWith(".Cidr", StringComparison.Ordinal) || list.WireName == "PrivateIpAddress" =>
            $"10.{i / 256 % 256}.{i % 256}.0/24".Replace("/24", list.WireName == "PrivateIpAddress" ? "" : "/24", StringComparison.Ordinal),
        _ when list.ItemKey.EndsWith(".PortRange", StringComparison.Ordinal) => $"{i}/{i}",
        _ when list.WireName.EndsWith("Key", StringComparison.Ordinal) || list.ItemKey.EndsWith(".Key", StringComparison.Ordinal) => $"k{i}",
        _ => $"item-{i}",
    };

    private async Task<(string GroupId, string VpcId)> Seed()
    {
        var vpcId = await CreateVpc();
        await CreateVSwitch(vpcId);
        var groupId = await CreateGroup(vpcId, ("SecurityGroupName", "kept"), ("Tag.1.Key", "k1"), ("Tag.1.Value", "v"));
        (await Client.Ecs("AuthorizeSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", groupId), ("IpProtocol", "TCP"),
            ("PortRange", "22/22"), ("SourceCidrIp", "10.0.0.0/8"))).Ok();
        return (groupId, vpcId);
    }
}
