using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Regions;
using SecurityGroups.Domain.SecurityGroups;

namespace SecurityGroups.Domain.Rules;

/// <summary>A group and the groups whose rules reference it (DescribeSecurityGroupReferences).</summary>
public sealed record GroupReferences(string SecurityGroupId, IReadOnlyList<(string AccountId, string SecurityGroupId)> ReferencingGroups);

/// <summary>Authorize, revoke and modify rules (ingress and egress), with duplicates, quotas and references.</summary>
public sealed class RuleService(EmulatorDbContext db, WriteGate gate, ICaller caller, RegionCatalog regions, SecurityGroupService groups,
    RuleBuilder builder, RuleQuota quota)
{
    public const int MaxPermissionsPerRequest = 100;

    /// <summary>A group's rules in one direction, tracked (revoke removes some of them), compiled once.</summary>
    private static readonly PerModel<Func<EmulatorDbContext, string, string, IAsyncEnumerable<SecurityGroupRule>>> RulesOf = new(() =>
        EF.CompileAsyncQuery((EmulatorDbContext db, string securityGroupId, string direction) =>
            db.SecurityGroupRules.Where(r => r.SecurityGroupId == securityGroupId && r.Direction == direction)));

    /// <summary>Adds rules; returns how many were new (identical existing rules are no-ops).</summary>
    public Task<int> AuthorizeAsync(string regionId, string securityGroupId, string direction, IReadOnlyList<PermissionInput> permissions, CancellationToken ct)
    {
        regions.Require(regionId);
        if (permissions.Count is 0 or > MaxPermissionsPerRequest)
        {
            throw new AcsException(AcsErrors.InvalidParamPermissionsCount);
        }

        return gate.RunAsync(db, async c =>
        {
            var group = await groups.FindMutableAsync(regionId, securityGroupId, AcsErrors.InvalidSecurityGroupIdNotFound, c).ConfigureAwait(false);
            var built = new List<BuiltRule>(permissions.Count);
            foreach (var permission in permissions)
            {
                built.Add(await builder.BuildAsync(group, direction, permission, modify: false, c).ConfigureAwait(false));
            }

            if (built.Select(b => RuleKey.Of(b.Rule)).Distinct().Count() != built.Count)
            {
                throw new AcsException(AcsErrors.InvalidParamDuplicatePermissions);
            }

            var stored = await RuleTwins.StoredAsync(db, [.. built.Select(b => b.Rule)], c).ConfigureAwait(false);
            var added = built.Where(b => !stored.Contains(RuleKey.Of(b.Rule))).ToList();

            if (added.Count == 0)
            {
                return 0;
            }

            await quota.EnsureAsync(group, null, added, AcsErrors.AuthorizationLimitExceed, c).ConfigureAwait(false);
            db.SecurityGroupRules.AddRange(added.Select(b => b.Rule));
            return added.Count;
        }, ct);
    }

    public Task RevokeAsync(string regionId, string securityGroupId, string direction, IReadOnlyList<string> ruleIds,
        IReadOnlyList<PermissionInput> permissions, CancellationToken ct)
    {
        regions.Require(regionId);
        if (ruleIds.Count > 0 && permissions.Count > 0)
        {
            throw new AcsException(AcsErrors.InvalidParamPermissions);
        }

        if (ruleIds.Count > MaxPermissionsPerRequest || permissions.Count > MaxPermissionsPerRequest || (ruleIds.Count == 0 && permissions.Count == 0))
        {
            throw new AcsException(ruleIds.Count > 0 ? AcsErrors.InvalidParamSecurityGroupRuleIdCount : AcsErrors.InvalidParamPermissionsCount);
        }

        if (ruleIds.Distinct(StringComparer.Ordinal).Count() != ruleIds.Count)
        {
            throw new AcsException(AcsErrors.InvalidParamSecurityGroupRuleIdRepeated);
        }

        return gate.RunAsync(db, async c =>
        {
            var group = await groups.FindMutableAsync(regionId, securityGroupId, AcsErrors.InvalidSecurityGroupIdNotFound, c).ConfigureAwait(false);
            var rules = await RulesOf.For(db)(db, group.SecurityGroupId, direction).ToListAsync(c).ConfigureAwait(false);
            var doomed = new List<SecurityGroupRule>();
            foreach (var id in ruleIds)
            {
                doomed.Add(rules.FirstOrDefault(r => r.SecurityGroupRuleId == id) ?? throw new AcsException(AcsErrors.InvalidSecurityGroupRuleIdNotFound));
            }

            foreach (var permission in permissions)
            {
                var wanted = (await builder.BuildAsync(group, direction, permission, modify: false, c).ConfigureAwait(false)).Rule;
                var matches = rules.Where(r => RuleKey.Of(r) == RuleKey.Of(wanted)).ToList();
                if (matches.Count == 0)
                {
                    throw new AcsException(direction == Directions.Ingress ? AcsErrors.RevokeIngressRuleNotExist : AcsErrors.RevokeEgressRuleNotExist);
                }

                doomed.AddRange(matches);
            }

            db.SecurityGroupRules.RemoveRange(doomed.Distinct());
        }, ct);
    }

    public Task ModifyAsync(string regionId, string securityGroupId, string direction, string? ruleId, PermissionInput input, CancellationToken ct)
    {
        regions.Require(regionId);
        return gate.RunAsync(db, async c =>
        {
            var group = await groups.FindMutableAsync(regionId, securityGroupId, AcsErrors.InvalidSecurityGroupIdNotFound, c).ConfigureAwait(false);
            var rules = await db.SecurityGroupRules.Where(r => r.SecurityGroupId == group.SecurityGroupId).ToListAsync(c).ConfigureAwait(false);
            SecurityGroupRule target;
            PermissionInput merged;
            if (!string.IsNullOrEmpty(ruleId))
            {
                target = rules.FirstOrDefault(r => r.SecurityGroupRuleId == ruleId && r.Direction == direction)
                    ?? throw new AcsException(AcsErrors.InvalidSecurityGroupRuleIdNotFound);
                merged = RuleMerge.Apply(target, input);
            }
            else
            {
                var wanted = (await builder.BuildAsync(group, direction, input with { Policy = null, Priority = null, Description = null }, modify: true, c)
                    .ConfigureAwait(false)).Rule;
                target = rules.FirstOrDefault(r => r.Direction == direction && SameTarget(r, wanted))
                    ?? throw new AcsException(AcsErrors.SecurityGroupRuleNotFound);
                merged = RuleMerge.Apply(target, input with { SourceCidrIp = null, Ipv6SourceCidrIp = null, SourceGroupId = null, SourcePrefixListId = null,
                    DestCidrIp = null, Ipv6DestCidrIp = null, DestGroupId = null, DestPrefixListId = null });
            }

            var replacement = (await builder.BuildAsync(group, direction, merged, modify: true, c).ConfigureAwait(false));
            var updated = replacement.Rule;
            if (rules.Any(r => r.SecurityGroupRuleId != target.SecurityGroupRuleId && RuleKey.Of(r) == RuleKey.Of(updated)))
            {
                throw new AcsException(AcsErrors.InvalidOperationRuleDuplicate);
            }

            await quota.EnsureAsync(group, target.SecurityGroupRuleId, [replacement], AcsErrors.AuthorizationLimitExceedModify, c).ConfigureAwait(false);
            RuleMerge.CopyInto(updated, target);
        }, ct);
    }

    public async Task<IReadOnlyList<GroupReferences>> ReferencesAsync(string regionId, IReadOnlyList<string> securityGroupIds, CancellationToken ct)
    {
        regions.Require(regionId);
        var known = await db.SecurityGroups.AsNoTracking().Where(g => g.AccountId == caller.AccountId && g.RegionId == regionId
            && securityGroupIds.Contains(g.SecurityGroupId)).Select(g => g.SecurityGroupId).ToListAsync(ct).ConfigureAwait(false);
        if (known.Count != securityGroupIds.Distinct().Count())
        {
            throw new AcsException(AcsErrors.InvalidSecurityGroupIdNotFound);
        }

        var referencing = await (from r in db.SecurityGroupRules.AsNoTracking()
                                 join g in db.SecurityGroups.AsNoTracking() on r.SecurityGroupId equals g.SecurityGroupId
                                 where (r.Direction == Directions.Ingress && known.Contains(r.SourceGroupId))
                                     || (r.Direction == Directions.Egress && known.Contains(r.DestGroupId))
                                 select new { Target = r.Direction == Directions.Ingress ? r.SourceGroupId : r.DestGroupId, g.AccountId, g.SecurityGroupId })
            .Distinct().ToListAsync(ct).ConfigureAwait(false);
        return securityGroupIds.Distinct().Select(id => new GroupReferences(id,
            referencing.Where(x => x.Target == id).OrderBy(x => x.SecurityGroupId).Select(x => (x.AccountId, x.SecurityGroupId)).ToList())).ToList();
    }

    private static bool SameTarget(SecurityGroupRule a, SecurityGroupRule b)
    {
        var (x, y) = (RuleKey.Of(a), RuleKey.Of(b));
        return x with { Policy = "", Priority = 0, NicType = "" } == y with { Policy = "", Priority = 0, NicType = "" };
    }
}
