using System.Collections.Concurrent;
using SecurityGroups.Api.SecurityGroups;

namespace SecurityGroups.Api.WebConsole;

/// <summary>
/// Saved states for the snapshot-and-diff page: per account and region, in memory (the newest 10; gone at restart).
/// A snapshot is what DescribeSecurityGroups and DescribeSecurityGroupAttribute answered when it was taken.
/// </summary>
internal sealed class ConsoleSnapshots(TimeProvider clock)
{
    public const int Kept = 10;

    private readonly ConcurrentDictionary<(string Account, string Region), List<Snapshot>> _saved = new();

    public IReadOnlyList<Snapshot> List(string account, string region)
    {
        var list = _saved.GetOrAdd((account, region), _ => []);
        lock (list)
        {
            return [.. list];
        }
    }

    public Snapshot Save(string account, string region, IReadOnlyList<GroupState> groups)
    {
        var list = _saved.GetOrAdd((account, region), _ => []);
        lock (list)
        {
            var snapshot = new Snapshot((list.LastOrDefault()?.Number ?? 0) + 1, clock.GetUtcNow(), groups);
            list.Add(snapshot);
            if (list.Count > Kept)
            {
                list.RemoveAt(0);
            }

            return snapshot;
        }
    }

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

    /// <summary>Per group: added and removed groups, and the rules added or removed (a changed rule is both).</summary>
    public static IReadOnlyList<GroupDiff> Diff(IReadOnlyList<GroupState> before, IReadOnlyList<GroupState> now)
    {
        var old = before.ToDictionary(g => g.SecurityGroupId, StringComparer.Ordinal);
        var current = now.ToDictionary(g => g.SecurityGroupId, StringComparer.Ordinal);
        var diffs = new List<GroupDiff>();
        foreach (var id in old.Keys.Union(current.Keys).Order(StringComparer.Ordinal))
        {
            var was = old.GetValueOrDefault(id);
            var isNow = current.GetValueOrDefault(id);
            var wasRules = (was?.Rules ?? []).ToHashSet();
            var nowRules = (isNow?.Rules ?? []).ToHashSet();
            var added = nowRules.Where(r => !wasRules.Contains(r)).ToList();
            var removed = wasRules.Where(r => !nowRules.Contains(r)).ToList();
            if (was is null || isNow is null || added.Count > 0 || removed.Count > 0)
            {
                diffs.Add(new GroupDiff(id, (isNow ?? was)!.Name, was is null ? "added" : isNow is null ? "removed" : "changed", added, removed));
            }
        }

        return diffs;
    }
}

internal sealed record GroupState(string SecurityGroupId, string Name, string VpcId, IReadOnlyList<PermissionItem> Rules, int Members);

internal sealed record Snapshot(int Number, DateTimeOffset TakenAt, IReadOnlyList<GroupState> Groups);

internal sealed record GroupDiff(string SecurityGroupId, string Name, string Change, IReadOnlyList<PermissionItem> Added, IReadOnlyList<PermissionItem> Removed);
