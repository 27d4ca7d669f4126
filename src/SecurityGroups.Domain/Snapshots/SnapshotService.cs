using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Instances;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Regions;
using SecurityGroups.Domain.Rules;
using SecurityGroups.Domain.SecurityGroups;
using SecurityGroups.Domain.Tags;

namespace SecurityGroups.Domain.Snapshots;

/// <summary>A snapshot without its state.</summary>
public sealed record SnapshotInfo(long SnapshotId, string RegionId, string Name, DateTime CreatedAt, int GroupCount, int RuleCount, int SizeBytes)
{
    internal static SnapshotInfo Of(StateSnapshot s) => new(s.SnapshotId, s.RegionId, s.Name, s.CreatedAt, s.GroupCount, s.RuleCount, s.Data.Length);
}

/// <summary>What a restore did.</summary>
public sealed record RestoreResult(int GroupsCreated, int GroupsDeleted, int GroupsKept, int RulesRestored, int NetworkInterfacesRestored,
    IReadOnlyList<string> MissingNetworkInterfaces);

/// <summary>
/// Snapshots of an account's region (emulator endpoints <c>/_emulator/snapshots</c> and the console): take, list, diff
/// against now, and restore. Every query is scoped to the caller's account; one account never sees another's snapshots.
/// A restore is one transaction through the same rules as the Actions it stands for (DeleteSecurityGroup's refusals,
/// the group quota, AuthorizeSecurityGroup's checks and rule quotas, the membership rules): refused, it changes nothing.
/// </summary>
public sealed class SnapshotService(EmulatorDbContext db, WriteGate gate, ICaller caller, RegionCatalog regions, SecurityGroupService groups,
    RuleBuilder builder, RuleQuota quota, Membership membership, TagStore tags, TimeProvider clock)
{
    /// <summary>Snapshots kept per account (all regions): taking one more deletes the oldest.</summary>
    public const int KeptPerAccount = 10;

    /// <summary>The largest stored (compressed) state: 100 groups of 200 rules take about 1 MiB.</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    public const int MaxNameLength = 128;

    /// <summary>Saves the region's state; the account's oldest snapshots beyond <see cref="KeptPerAccount"/> are deleted.</summary>
    public async Task<SnapshotInfo> TakeAsync(string regionId, string? name, CancellationToken ct)
    {
        regions.Require(regionId);
        if (name is not null && (name.Length > MaxNameLength || name.Any(char.IsControl)))
        {
            throw new AcsException(AcsErrors.InvalidSnapshotNameMalformed);
        }

        var snapshot = await gate.RunAsync(db, async c =>
        {
            var state = await CaptureAsync(regionId, c).ConfigureAwait(false);
            var data = SnapshotCodec.Encode(state);
            if (data.Length > MaxBytes)
            {
                throw new AcsException(AcsErrors.SnapshotTooLarge, data.Length, MaxBytes);
            }

            var older = await db.StateSnapshots.Where(s => s.AccountId == caller.AccountId).OrderByDescending(s => s.SnapshotId)
                .Skip(KeptPerAccount - 1).Select(s => s.SnapshotId).ToListAsync(c).ConfigureAwait(false);
            if (older.Count > 0)
            {
                await db.StateSnapshots.Where(s => older.Contains(s.SnapshotId)).ExecuteDeleteAsync(c).ConfigureAwait(false);
            }

            var taken = new StateSnapshot
            {
                AccountId = caller.AccountId,
                RegionId = regionId,
                Name = name ?? "",
                CreatedAt = AcsTime.Now(clock),
                GroupCount = state.Groups.Count,
                RuleCount = state.Groups.Sum(g => g.Rules.Count),
                Data = data,
            };
            db.StateSnapshots.Add(taken);
            return taken;
        }, ct).ConfigureAwait(false);
        return SnapshotInfo.Of(snapshot);
    }

    /// <summary>The caller's snapshots (of one region, or all), newest first.</summary>
    public async Task<IReadOnlyList<SnapshotInfo>> ListAsync(string? regionId, CancellationToken ct)
    {
        if (regionId is not null)
        {
            regions.Require(regionId);
        }

        return await db.StateSnapshots.AsNoTracking().Where(s => s.AccountId == caller.AccountId && (regionId == null || s.RegionId == regionId))
            .OrderByDescending(s => s.SnapshotId)
            .Select(s => new SnapshotInfo(s.SnapshotId, s.RegionId, s.Name, s.CreatedAt, s.GroupCount, s.RuleCount, s.Data.Length))
            .ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The snapshot and what changed in its region since, from one read snapshot of the database.</summary>
    public async Task<(SnapshotInfo Snapshot, SnapshotDiff Diff)> DiffAsync(long snapshotId, CancellationToken ct)
    {
        await using var read = await ReadSnapshot.BeginAsync(db, ct).ConfigureAwait(false);
        var snapshot = await FindAsync(snapshotId, ct).ConfigureAwait(false);
        var now = await CaptureAsync(snapshot.RegionId, ct).ConfigureAwait(false);
        return (SnapshotInfo.Of(snapshot), SnapshotDiff.Between(SnapshotCodec.Decode(snapshot.Data), now));
    }

    /// <summary>
    /// Puts the region back as the snapshot saw it, in one transaction: rules and tags of the region's groups are replaced
    /// by the snapshot's (same rule IDs and times); groups created since are deleted as DeleteSecurityGroup would (a group
    /// with members created since, a protected one or one another account's rule references refuses the restore); groups
    /// deleted since come back with their IDs (the group quota and their VPC apply); ENIs that still exist get their
    /// groups back (the membership rules apply; ENIs gone since are listed, ENIs created since keep theirs); every rule
    /// is checked as AuthorizeSecurityGroup checks it (its group, prefix list or port list must exist) under the rule
    /// quotas. Groups managed by a cloud product are left alone: a restore that would change one is refused.
    /// With <paramref name="dryRun"/>, every step runs and is rolled back (<c>DryRunOperation</c> when it would succeed).
    /// </summary>
    public Task<RestoreResult> RestoreAsync(long snapshotId, bool dryRun, CancellationToken ct) =>
        gate.RunAsync(db, async c =>
        {
            var snapshot = await FindAsync(snapshotId, c).ConfigureAwait(false);
            var region = snapshot.RegionId;
            regions.Require(region);
            var saved = SnapshotCodec.Decode(snapshot.Data);
            var now = await CaptureAsync(region, c).ConfigureAwait(false);
            var savedGroups = saved.Groups.ToDictionary(g => g.SecurityGroupId, StringComparer.Ordinal);
            var nowGroups = now.Groups.ToDictionary(g => g.SecurityGroupId, StringComparer.Ordinal);
            var managed = ManagedGroups(savedGroups, nowGroups);
            var replaced = nowGroups.Keys.Where(id => !managed.Contains(id)).ToList();

            // 1. The rules and tags of the region's groups go: the snapshot's come back in step 5.
            await db.SecurityGroupRules.Where(r => replaced.Contains(r.SecurityGroupId)).ExecuteDeleteAsync(c).ConfigureAwait(false);
            await db.ResourceTags.Where(t => t.ResourceType == SecurityGroupService.ResourceType && replaced.Contains(t.ResourceId))
                .ExecuteDeleteAsync(c).ConfigureAwait(false);

            // 2. ENIs that still exist leave the groups they were not in, so groups created since can go.
            var wanted = saved.Members.ToDictionary(m => m.NetworkInterfaceId, m => m.SecurityGroupIds, StringComparer.Ordinal);
            var eniIds = wanted.Keys.ToList();
            var enis = await db.NetworkInterfaces.Where(e => e.AccountId == caller.AccountId && eniIds.Contains(e.NetworkInterfaceId))
                .OrderBy(e => e.NetworkInterfaceId).ToListAsync(c).ConfigureAwait(false);
            foreach (var eni in enis)
            {
                var keep = wanted[eni.NetworkInterfaceId];
                await db.NetworkInterfaceGroups.Where(m => m.NetworkInterfaceId == eni.NetworkInterfaceId && !keep.Contains(m.SecurityGroupId))
                    .ExecuteDeleteAsync(c).ConfigureAwait(false);
            }

            // 3. Groups created since are deleted, with DeleteSecurityGroup's refusals.
            var created = nowGroups.Keys.Where(id => !savedGroups.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
            foreach (var id in created)
            {
                await ExplainAsync($"Deleting {id} (created after the snapshot)", () => groups.DeleteAsync(region, id, c)).ConfigureAwait(false);
            }

            // 4. Groups deleted since come back with their IDs; every group gets its fields and tags back.
            var stored = await db.SecurityGroups.Where(g => g.AccountId == caller.AccountId && g.RegionId == region)
                .ToDictionaryAsync(g => g.SecurityGroupId, StringComparer.Ordinal, c).ConfigureAwait(false);
            var missing = saved.Groups.Where(g => !stored.ContainsKey(g.SecurityGroupId)).ToList();
            await ExplainAsync($"Recreating {missing.Count} deleted group(s)", () => groups.RequireRoomAsync(region, missing.Count, c)).ConfigureAwait(false);
            foreach (var g in missing)
            {
                await ExplainAsync($"Recreating {g.SecurityGroupId} in {g.VpcId}", () => groups.RequireVpcAsync(region, g.VpcId, c)).ConfigureAwait(false);

                stored[g.SecurityGroupId] = db.SecurityGroups.Add(new SecurityGroup
                {
                    SecurityGroupId = g.SecurityGroupId,
                    AccountId = caller.AccountId,
                    RegionId = region,
                    VpcId = g.VpcId,
                    SecurityGroupType = g.SecurityGroupType,
                    CreatedAt = g.CreatedAt,
                }).Entity;
            }

            foreach (var g in saved.Groups.Where(g => !managed.Contains(g.SecurityGroupId)))
            {
                var group = stored[g.SecurityGroupId];
                group.SecurityGroupName = g.SecurityGroupName;
                group.Description = g.Description;
                group.InnerAccessPolicy = g.InnerAccessPolicy;
                group.ResourceGroupId = g.ResourceGroupId;
                group.ServiceId = g.ServiceId;
                group.DeletionProtection = g.DeletionProtection;
                tags.AddAll(caller.AccountId, region, SecurityGroupService.ResourceType, g.SecurityGroupId, g.Tags);
            }

            await db.SaveChangesAsync(c).ConfigureAwait(false);

            // 5. ENIs that still exist get their groups back, in their order.
            var restoredEnis = 0;
            foreach (var eni in enis)
            {
                var groupIds = wanted[eni.NetworkInterfaceId];
                if (!(await membership.GroupsOfAsync(eni.NetworkInterfaceId, c).ConfigureAwait(false)).SequenceEqual(groupIds, StringComparer.Ordinal))
                {
                    await ExplainAsync($"Restoring the groups of {eni.NetworkInterfaceId}",
                        () => membership.SetAsync(eni, groupIds, MembershipErrors.ModifyNetworkInterfaceAttribute, c)).ConfigureAwait(false);
                    await db.SaveChangesAsync(c).ConfigureAwait(false);
                    restoredEnis++;
                }
            }

            // 6. Rules come back with their IDs and times, each checked as AuthorizeSecurityGroup checks it, under the rule
            //    quotas (a group's; each ENI's across its groups, complete once the last of its groups is restored).
            var rules = 0;
            foreach (var g in saved.Groups.Where(g => !managed.Contains(g.SecurityGroupId)))
            {
                var group = stored[g.SecurityGroupId];
                var built = new List<BuiltRule>(g.Rules.Count);
                foreach (var r in g.Rules)
                {
                    var rule = r.ToRule(group.SecurityGroupId, group.AccountId);
                    var checkedRule = await ExplainAsync($"Restoring rule {r.SecurityGroupRuleId} of {g.SecurityGroupId}",
                        () => builder.BuildAsync(group, r.Direction, RuleMerge.From(rule), modify: false, c)).ConfigureAwait(false);
                    built.Add(checkedRule with { Rule = rule });
                }

                await ExplainAsync($"Restoring the {built.Count} rules of {g.SecurityGroupId}",
                    async () => { await quota.EnsureAsync(group, null, built, AcsErrors.AuthorizationLimitExceed, c).ConfigureAwait(false); return true; })
                    .ConfigureAwait(false);
                db.SecurityGroupRules.AddRange(built.Select(b => b.Rule));
                await db.SaveChangesAsync(c).ConfigureAwait(false);
                rules += built.Count;
            }

            if (dryRun)
            {
                throw new AcsException(AcsErrors.DryRunOperation);
            }

            return new RestoreResult(missing.Count, created.Count, managed.Count, rules, restoredEnis,
                [.. eniIds.Except(enis.Select(e => e.NetworkInterfaceId), StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
        }, ct);

    /// <summary>The region's groups, rules, tags and memberships, as stored now (the caller's account).</summary>
    internal async Task<SnapshotState> CaptureAsync(string regionId, CancellationToken ct)
    {
        var account = caller.AccountId;
        var found = await db.SecurityGroups.AsNoTracking().Where(g => g.AccountId == account && g.RegionId == regionId)
            .OrderBy(g => g.SecurityGroupId).ToListAsync(ct).ConfigureAwait(false);
        var rules = (await db.SecurityGroupRules.AsNoTracking()
            .Where(r => db.SecurityGroups.Any(g => g.SecurityGroupId == r.SecurityGroupId && g.AccountId == account && g.RegionId == regionId))
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.SecurityGroupRuleId).ToListAsync(ct).ConfigureAwait(false)).ToLookup(r => r.SecurityGroupId);
        var groupTags = (await db.ResourceTags.AsNoTracking()
            .Where(t => t.AccountId == account && t.RegionId == regionId && t.ResourceType == SecurityGroupService.ResourceType)
            .OrderBy(t => t.TagKey).ToListAsync(ct).ConfigureAwait(false)).ToLookup(t => t.ResourceId);
        var members = await (from m in db.NetworkInterfaceGroups.AsNoTracking()
                             join e in db.NetworkInterfaces.AsNoTracking() on m.NetworkInterfaceId equals e.NetworkInterfaceId
                             where e.AccountId == account && e.RegionId == regionId
                             orderby m.NetworkInterfaceId, m.Position
                             select new { m.NetworkInterfaceId, e.InstanceId, m.SecurityGroupId }).ToListAsync(ct).ConfigureAwait(false);
        return new SnapshotState(
            [.. found.Select(g => GroupState.Of(g, groupTags[g.SecurityGroupId], rules[g.SecurityGroupId]))],
            [.. members.GroupBy(m => (m.NetworkInterfaceId, m.InstanceId)).Select(m => new MemberState(m.Key.NetworkInterfaceId, m.Key.InstanceId,
                [.. m.Select(x => x.SecurityGroupId)]))]);
    }

    private async Task<StateSnapshot> FindAsync(long snapshotId, CancellationToken ct) =>
        await db.StateSnapshots.AsNoTracking().FirstOrDefaultAsync(s => s.SnapshotId == snapshotId && s.AccountId == caller.AccountId, ct).ConfigureAwait(false)
        ?? throw new AcsException(AcsErrors.InvalidSnapshotIdNotFound);

    /// <summary>Groups managed by a cloud product, unchanged since the snapshot (left alone); a change to one refuses the restore.</summary>
    private static HashSet<string> ManagedGroups(Dictionary<string, GroupState> saved, Dictionary<string, GroupState> now)
    {
        var managed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in saved.Keys.Union(now.Keys))
        {
            var before = saved.GetValueOrDefault(id);
            var after = now.GetValueOrDefault(id);
            if (before?.ServiceManaged != true && after?.ServiceManaged != true)
            {
                continue;
            }

            if (before is null || after is null || !before.SameAs(after))
            {
                throw new AcsException(AcsErrors.ResourceManagedByCloudProduct, id);
            }

            managed.Add(id);
        }

        return managed;
    }

    /// <summary>Runs one step of a restore; its refusal keeps its code and status, its message says which step.</summary>
    private static async Task<T> ExplainAsync<T>(string step, Func<Task<T>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (AcsException ex)
        {
            throw Explain(ex, step);
        }
    }

    private static Task ExplainAsync(string step, Func<Task> work) =>
        ExplainAsync(step, async () => { await work().ConfigureAwait(false); return true; });

    private static AcsException Explain(AcsException ex, string step) =>
        new(ex.Error with { Message = "Restore refused, nothing was changed. {0}: {1}" }, step, ex.Message);
}
