using SecurityGroups.Api.SecurityGroups;

namespace SecurityGroups.Api.WebConsole;

/// <summary>
/// The region's groups as DescribeSecurityGroups and DescribeSecurityGroupAttribute answer them (the group graph draws
/// them). Saved snapshots and their diff are the domain's (<c>SnapshotService</c>, <c>/_emulator/snapshots</c>).
/// </summary>
internal static class ConsoleSnapshots
{
    /// <summary>The region's groups and every rule, as the API describes them.</summary>
    public static async Task<ConsoleResult<IReadOnlyList<GroupState>>> CaptureAsync(ConsoleApi api, string region)
    {
        var groups = new List<GroupState>();
        for (var page = 1; ; page++)
        {
            var listed = await api.RunAsync<SecurityGroupsController, DescribeSecurityGroupsRequest, DescribeSecurityGroupsResponse>(
                new DescribeSecurityGroupsRequest { RegionId = region, PageNumber = page, PageSize = 50 }, (c, r, ct) => c.DescribeSecurityGroups(r, ct));
            if (listed.Value is not { } found)
            {
                return ConsoleResult<IReadOnlyList<GroupState>>.Refused(listed.Code!, listed.Message!);
            }

            foreach (var g in found.SecurityGroups.SecurityGroup)
            {
                var details = await api.RunAsync<SecurityGroupsController, DescribeSecurityGroupAttributeRequest, DescribeSecurityGroupAttributeResponse>(
                    new DescribeSecurityGroupAttributeRequest { RegionId = region, SecurityGroupId = g.SecurityGroupId, Direction = "all", MaxResults = 1000 },
                    (c, r, ct) => c.DescribeSecurityGroupAttribute(r, ct));
                groups.Add(new GroupState(g.SecurityGroupId, g.SecurityGroupName, g.VpcId, details.Value?.Permissions.Permission ?? [], g.EcsCount));
            }

            if (found.SecurityGroups.SecurityGroup.Count < 50 || groups.Count >= (found.TotalCount ?? 0))
            {
                return ConsoleResult<IReadOnlyList<GroupState>>.Ok(groups);
            }
        }
    }
}

internal sealed record GroupState(string SecurityGroupId, string Name, string VpcId, IReadOnlyList<PermissionItem> Rules, int Members);

