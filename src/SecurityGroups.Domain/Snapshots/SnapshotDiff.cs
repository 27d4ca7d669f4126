namespace SecurityGroups.Domain.Snapshots;

/// <summary>What changed in a region since a snapshot, group by group (groups in ID order; unchanged groups left out).</summary>
public sealed record SnapshotDiff(IReadOnlyList<GroupChange> Groups)
{
    /// <summary>Compares a snapshot's state with the state now. Rules are matched by their rule ID: a rule modified in
    /// place (ModifySecurityGroupRule keeps the ID) is changed, a rule revoked and authorized again is removed and added.</summary>
    public static SnapshotDiff Between(SnapshotState before, SnapshotState now)
    {
        var was = before.Groups.ToDictionary(g => g.SecurityGroupId, StringComparer.Ordinal);
        var isNow = now.Groups.ToDictionary(g => g.SecurityGroupId, StringComparer.Ordinal);
        var membersBefore = MembersByGroup(before);
        var membersNow = MembersByGroup(now);
        var changes = new List<GroupChange>();
        foreach (var id in was.Keys.Union(isNow.Keys).Order(StringComparer.Ordinal))
        {
            var old = was.GetValueOrDefault(id);
            var current = isNow.GetValueOrDefault(id);
            var oldRules = (old?.Rules ?? []).ToDictionary(r => r.SecurityGroupRuleId, StringComparer.Ordinal);
            var newRules = (current?.Rules ?? []).ToDictionary(r => r.SecurityGroupRuleId, StringComparer.Ordinal);
            var oldMembers = membersBefore.GetValueOrDefault(id) ?? [];
            var newMembers = membersNow.GetValueOrDefault(id) ?? [];
            var change = new GroupChange(id, (current ?? old)!.SecurityGroupName,
                old is null ? GroupChange.Added : current is null ? GroupChange.Removed : GroupChange.Changed,
                old is not null && current is not null ? old.AttributesChangedTo(current) : [],
                [.. newRules.Values.Where(r => !oldRules.ContainsKey(r.SecurityGroupRuleId))],
                [.. oldRules.Values.Where(r => !newRules.ContainsKey(r.SecurityGroupRuleId))],
                [.. oldRules.Values.Where(r => newRules.TryGetValue(r.SecurityGroupRuleId, out var n) && n != r)
                    .Select(r => new RuleChange(r, newRules[r.SecurityGroupRuleId]))],
                [.. newMembers.Except(oldMembers, StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                [.. oldMembers.Except(newMembers, StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
            if (change.Change != GroupChange.Changed || change.Attributes.Count + change.AddedRules.Count + change.RemovedRules.Count
                + change.ChangedRules.Count + change.JoinedNetworkInterfaces.Count + change.LeftNetworkInterfaces.Count > 0)
            {
                changes.Add(change);
            }
        }

        return new SnapshotDiff(changes);
    }

    private static Dictionary<string, List<string>> MembersByGroup(SnapshotState state) =>
        state.Members.SelectMany(m => m.SecurityGroupIds.Select(g => (Group: g, m.NetworkInterfaceId)))
            .GroupBy(x => x.Group, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.NetworkInterfaceId).ToList(), StringComparer.Ordinal);
}

/// <summary>One group's changes: <c>added</c> (every rule added), <c>removed</c> (every rule removed) or <c>changed</c>
/// (its fields, rules by ID, and the ENIs that joined or left it).</summary>
public sealed record GroupChange(string SecurityGroupId, string SecurityGroupName, string Change, IReadOnlyList<FieldChange> Attributes,
    IReadOnlyList<RuleState> AddedRules, IReadOnlyList<RuleState> RemovedRules, IReadOnlyList<RuleChange> ChangedRules,
    IReadOnlyList<string> JoinedNetworkInterfaces, IReadOnlyList<string> LeftNetworkInterfaces)
{
    public const string Added = "added";
    public const string Removed = "removed";
    public const string Changed = "changed";
}

/// <summary>A rule with the same ID before and now, with other fields.</summary>
public sealed record RuleChange(RuleState Before, RuleState After);
