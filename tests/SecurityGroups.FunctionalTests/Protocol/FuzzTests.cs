using System.Text;

namespace SecurityGroups.FunctionalTests.Protocol;

/// <summary>
/// Thousands of malformed requests (bad encodings, huge values, wrong types, duplicated and odd list indexes, unknown
/// Actions, hostile headers): none may get a 5xx, and none may change the stored state. Seeded, so a failure repeats.
/// </summary>
public sealed class FuzzTests(EmulatorFactory factory) : EmulatorTest(factory)
{
    private const int Requests = 3000;

    private static readonly string[] Actions =
    [
        "CreateVpc", "DeleteVpc", "CreateVSwitch", "DeleteVSwitch", "DescribeVpcs", "DescribeVSwitches", "DescribeRegions",
        "CreateSecurityGroup", "DescribeSecurityGroups", "DescribeSecurityGroupAttribute", "ModifySecurityGroupAttribute",
        "ModifySecurityGroupPolicy", "DeleteSecurityGroup", "TagResources", "UntagResources", "ListTagResources",
        "AuthorizeSecurityGroup", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroup", "RevokeSecurityGroupEgress", "ModifySecurityGroupRule",
        "ModifySecurityGroupEgressRule", "DescribeSecurityGroupReferences", "CreatePrefixList", "DescribePrefixLists", "DescribePrefixListAttributes",
        "ModifyPrefixList", "DeletePrefixList", "DescribePrefixListAssociations", "CreatePortRangeList", "DescribePortRangeLists",
        "DescribePortRangeListEntries", "ModifyPortRangeList", "DeletePortRangeList", "DescribePortRangeListAssociations",
        "RunInstances", "CreateInstance", "DescribeInstances", "StartInstance", "StopInstance", "DeleteInstance", "DeleteInstances",
        "ModifyInstanceAttribute", "CreateNetworkInterface", "DescribeNetworkInterfaces", "AttachNetworkInterface", "DetachNetworkInterface",
        "DeleteNetworkInterface", "AssignPrivateIpAddresses", "UnassignPrivateIpAddresses", "ModifyNetworkInterfaceAttribute",
        "JoinSecurityGroup", "LeaveSecurityGroup",
    ];

    private static readonly string[] Junk =
    [
        "%ZZ", "%C3%28", "%00", "%FF%FE", "\u0000", "💥", "'; DROP TABLE Vpcs; --", "<x>&amp;</x>", "{\"a\":1}", "[\"sg-1\"", "-1", "1e309",
        "99999999999999999999", "true", "NaN", "", " ", "/", "../../etc/passwd", "\u202e", "null",
    ];

    [Fact]
    public async Task MalformedRequests_NeverGet5xxAndChangeNothing()
    {
        var vpcId = await CreateVpc("192.168.0.0/16", "cn-hangzhou", ("VpcName", "keep"), ("Tag.1.Key", "k"));
        await CreateVSwitch(vpcId);
        await CreateGroup(vpcId, ("SecurityGroupName", "kept"), ("Tag.1.Key", "k"));
        var before = DatabaseSnapshot.Take(Factory);
        var random = new Random(20261128);
        var failures = new List<string>();

        for (var i = 0; i < Requests; i++)
        {
            var (request, action) = Malformed(random, vpcId);
            using var disposeRequest = request;
            var body = request.Content is StringContent ? await request.Content.ReadAsStringAsync() : "";
            var description = $"{request.Method} {request.RequestUri} {body}";
            using var response = await Client.Http.SendAsync(request);
            var mutating = !action.StartsWith("Describe", StringComparison.Ordinal) && !action.StartsWith("List", StringComparison.Ordinal);
            if (response.IsSuccessStatusCode && mutating)
            {
                failures.Add($"accepted: {description[..Math.Min(300, description.Length)]}");
            }

            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{(int)response.StatusCode} for {description[..Math.Min(300, description.Length)]}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.Equal(before, DatabaseSnapshot.Take(Factory));
    }

    private static (HttpRequestMessage Request, string Action) Malformed(Random random, string vpcId)
    {
        var action = random.Next(10) == 0 ? Pick(random, Junk) + "Action" : Pick(random, Actions);
        var parameters = new List<string> { "Action=" + action, "Version=" + (random.Next(8) == 0 ? Pick(random, Junk) : Version(action)) };

        // The ingredient that makes the request fail for sure (a mutation must never succeed).
        parameters.AddRange(random.Next(16) switch
        {
            15 => ["RegionId=cn-hangzhou", "VSwitchId=vsw-" + Pick(random, Junk), "SecurityGroupId=sg-" + Pick(random, Junk), "InstanceId=i-" + Pick(random, Junk),
                "NetworkInterfaceId=eni-" + Pick(random, Junk), "Amount=" + Pick(random, ["0", "101", "-1", "x", "99999999999"]), "InstanceIds=" + Pick(random, Junk) + "[",
                "SecurityGroupIds.1=sg-x", "SecurityGroupIds.2=sg-x", "PrivateIpAddress.1=" + Pick(random, Junk), "SecondaryPrivateIpAddressCount=" + Pick(random, ["-1", "51", "x"]),
                "CidrBlock=bad", "SecurityGroupType=bogus", "MaxEntries=0"],
            13 => ["RegionId=cn-hangzhou", "SecurityGroupId=sg-" + Pick(random, Junk), "Permissions.1.IpProtocol=" + Pick(random, Junk), "Permissions.1.PortRange=" + Pick(random, Junk),
                "Permissions.1.SourceCidrIp=" + Pick(random, Junk), "PrefixListId=pl-x" + Pick(random, Junk), "PortRangeListId=prl-x", "MaxEntries=0", "AddressFamily=IPv4",
                "PrefixListName=abc", "PortRangeListName=abc", "CidrBlock=bad", "SecurityGroupType=bogus", "SecurityGroupRuleId.1=sgr-" + Pick(random, Junk)],
            14 => ["RegionId=cn-hangzhou", "SecurityGroupId=" + vpcId, $"Permissions.{random.Next(1, 200)}.IpProtocol=TCP", "Permissions.1.PortRange=22/22",
                "IpProtocol=tcp", "Entry.1.Cidr=" + Pick(random, Junk), "AddEntry.1.PortRange=" + Pick(random, Junk), "MaxEntries=" + Pick(random, ["-1", "2001", "x", "99999999999"]),
                "CidrBlock=bad", "SecurityGroupType=bogus", "PrefixListId=pl-none", "PortRangeListId=prl-none"],
            9 => ["RegionId=cn-hangzhou", "SecurityGroupIds=" + Pick(random, Junk) + "[", "SecurityGroupType=" + Pick(random, Junk) + "x", "SecurityGroupName=9" + Pick(random, Junk), "PageSize=" + random.Next(51, int.MaxValue), "CidrBlock=bad"],
            10 => ["RegionId=cn-hangzhou", "SecurityGroupId=sg-" + Pick(random, Junk), "InnerAccessPolicy=" + Pick(random, Junk) + "q", "ResourceType=securitygroup", "ResourceId.1=sg-none", "Tag.1.Key=k", "TagKey.1=k", "All=true", "CidrBlock=bad", "SecurityGroupType=bogus"],
            11 => ["RegionId=cn-hangzhou", "SecurityGroupName=" + new string('s', random.Next(129, 5000)), "Description=" + Pick(random, ["x", "http://x"]), "MaxResults=" + Pick(random, ["0", "101", "-5", "x"]), "NextToken=!!" + Pick(random, Junk), "SecurityGroupId=" + vpcId, "CidrBlock=bad"],
            12 => ["RegionId=cn-hangzhou", "SecurityGroupType=enterprise", "ResourceType=" + Pick(random, Junk) + "z", "ClientToken=" + new string('t', 65), "Tag.1.Key=acs:" + Pick(random, Junk), "SecurityGroupId=sg-" + Pick(random, Junk)],
            0 => ["RegionId=" + Pick(random, Junk), "CidrBlock=" + Pick(random, Junk)],
            1 => ["RegionId=cn-hangzhou", "CidrBlock=10.0.0.0/8", "VpcName=a", "VpcName=b"],
            2 => ["VpcId=" + Pick(random, Junk), "ZoneId=cn-hangzhou-h", "CidrBlock=192.168.9.0/24", "PageSize=" + Pick(random, Junk) + "x"],
            3 => ["RegionId=cn-hangzhou", "PageSize=x" + Pick(random, Junk), "DryRun=" + Pick(random, Junk) + "z", "VpcId=vpc-" + Pick(random, Junk)],
            4 => ["RegionId=cn-hangzhou", "VpcName=" + new string('x', random.Next(129, 70000)), "CidrBlock=not-a-cidr", "SecurityGroupType=bogus"],
            5 => ["RegionId=cn-hangzhou", "CidrBlock=" + Pick(random, Junk) + "/8", $"Tag.{random.Next()}.Key=aliyun", "Tag.1.Key=aliyun"],
            6 => ["VpcId=" + vpcId, "ZoneId=cn-hangzhou-h", "CidrBlock=192.168.1.0/25", "Tag.0001.Key=a", "Tag.1.Value=b", "Tag..Key=c", "Tag.-1.Key=d", "Tag.1.Key.2=e", "Tag.1=f", "RegionId=mars-1"],
            7 => ["VSwitchId=vsw-" + Pick(random, Junk), "VpcId=" + Pick(random, Junk) + "q", "RegionId=" + Pick(random, Junk) + "q"],
            _ => ["RegionId=cn-hangzhou", "CidrBlock=10.0.0.0/8", "DryRun=true", "SecurityGroupType=bogus", "Tag.99999999999999999999999.Key=k", "Tag.3.Value=" + Pick(random, Junk)],
        });

        for (var extra = random.Next(4); extra > 0; extra--)
        {
            parameters.Add($"{Pick(random, ["Tag", "Permissions", "SecurityGroupIds", "X"])}.{random.Next(-2, 300)}.{Pick(random, ["Key", "Value", "", "1"])}={Pick(random, Junk)}");
        }

        var text = string.Join('&', parameters.OrderBy(_ => random.Next()));
        var request = random.Next(3) switch
        {
            0 => new HttpRequestMessage(HttpMethod.Get, "/?" + text),
            1 => new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(text, Encoding.UTF8, "application/x-www-form-urlencoded") },
            _ => new HttpRequestMessage(HttpMethod.Post, "/?" + text) { Content = new ByteArrayContent(RandomBytes(random)) },
        };
        if (random.Next(6) == 0)
        {
            request.Headers.TryAddWithoutValidation("Authorization", Pick(random, ["ACS3-HMAC-SHA256 " + Pick(random, Junk), "ACS3-", "ACS3-HMAC-SHA256 Credential=test,SignedHeaders=host;x-acs-date,Signature=00", "Basic abc"]));
            request.Headers.TryAddWithoutValidation("x-acs-date", Pick(random, Junk));
        }

        if (random.Next(8) == 0)
        {
            request.Headers.TryAddWithoutValidation("x-acs-action", Pick(random, Junk));
        }

        return (request, action);
    }

    private static string Version(string action) =>
        action.Contains("Vpc", StringComparison.Ordinal) || action.Contains("VSwitch", StringComparison.Ordinal) ? "2016-04-28" : "2014-05-26";

    private static string Pick(Random random, string[] options) => options[random.Next(options.Length)];

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 512)];
        random.NextBytes(bytes);
        return bytes;
    }
}
