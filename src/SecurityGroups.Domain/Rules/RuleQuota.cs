using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Quotas;
using SecurityGroups.Domain.SecurityGroups;

namespace SecurityGroups.Domain.Rules;

/// <summary>
/// The rule quotas, checked inside the write gate before rules are added or changed:
/// <c>RulesPerSecurityGroup</c> (a rule using a prefix list or port list counts as the list's MaxEntries; both: the
/// product), <c>GroupReferenceRulesPerSecurityGroup</c> for basic groups, and <c>RulesPerNetworkInterface</c> on every
/// ENI in the group (its rules across all its groups). Stored rules are counted by the database, never loaded.
/// </summary>
public sealed class RuleQuota(EmulatorDbContext db, IOptions<QuotaOptions> quotas)
{
    /// <summary>The ENIs in a group (compiled: every authorize asks).</summary>
    private static readonly PerModel<Func<EmulatorDbContext, string, IAsyncEnumerable<string>>> MembersOf = new(() =>
        EF.CompileAsyncQuery((EmulatorDbContext db, string securityGroupId) =>
            db.NetworkInterfaceGroups.AsNoTracking().Where(m => m.SecurityGroupId == securityGroupId).Select(m => m.NetworkInterfaceId)));

    /// <summary>Rule units of groups (see <see cref="UnitsOfGroupsAsync"/>), compiled: the expression is large and every authorize asks.</summary>
    private static readonly PerModel<Func<EmulatorDbContext, IReadOnlyList<string>, string, CancellationToken, Task<int>>> UnitsOf = new(() =>
        EF.CompileAsyncQuery((EmulatorDbContext db, IReadOnlyList<string> groupIds, string exceptRuleId, CancellationToken ct) =>
            db.SecurityGroupRules.AsNoTracking()
                .Where(r => groupIds.Contains(r.SecurityGroupId) && r.SecurityGroupRuleId != exceptRuleId)
                .Sum(r => Math.Max(1, (db.PrefixLists.Where(l => l.PrefixListId == r.SourcePrefixListId).Select(l => (int?)l.MaxEntries).FirstOrDefault() ?? 0)
                        + (db.PrefixLists.Where(l => l.PrefixListId == r.DestPrefixListId).Select(l => (int?)l.MaxEntries).FirstOrDefault() ?? 0))
                    * Math.Max(1, db.PortRangeLists.Where(l => l.PortRangeListId == r.PortRangeListId).Select(l => (int?)l.MaxEntries).FirstOrDefault() ?? 0))));

    /// <summary>
    /// Refuses <paramref name="added"/> when the group, or any ENI in it, would go over its quota.
    /// <paramref name="replacedRuleId"/> (a rule being modified) is left out of what the group already holds.
    /// </summary>
    public async Task EnsureAsync(SecurityGroup group, string? replacedRuleId, IReadOnlyList<BuiltRule> added, AcsErrorCode limitError, CancellationToken ct)
    {
        var adding = added.Sum(a => a.Units);
        var used = await UnitsOfGroupsAsync([group.SecurityGroupId], replacedRuleId, ct).ConfigureAwait(false);
        if (used + adding > quotas.Value.RulesPerSecurityGroup)
        {
            throw new AcsException(limitError);
        }

        var members = await MembersOf.For(db)(db, group.SecurityGroupId).ToListAsync(ct).ConfigureAwait(false);
        if (members.Count > 0)
        {
            var groupSets = await db.NetworkInterfaceGroups.AsNoTracking().Where(m => members.Contains(m.NetworkInterfaceId) && m.SecurityGroupId != group.SecurityGroupId)
                .Select(m => new { m.NetworkInterfaceId, m.SecurityGroupId }).ToListAsync(ct).ConfigureAwait(false);
            foreach (var others in members.Distinct().Select(eni => groupSets.Where(x => x.NetworkInterfaceId == eni).Select(x => x.SecurityGroupId).Order().ToList())
                .DistinctBy(set => string.Join(',', set)))
            {
                var elsewhere = others.Count == 0 ? 0 : await UnitsOfGroupsAsync(others, null, ct).ConfigureAwait(false);
                if (elsewhere + used + adding > quotas.Value.RulesPerNetworkInterface)
                {
                    throw new AcsException(limitError);
                }
            }
        }

        var referencing = added.Count(a => a.Rule.ReferencedGroupId.Length > 0);
        if (!group.IsEnterprise && referencing > 0)
        {
            var references = await db.SecurityGroupRules.AsNoTracking().CountAsync(r => r.SecurityGroupId == group.SecurityGroupId
                && r.SecurityGroupRuleId != replacedRuleId && (r.Direction == Directions.Ingress ? r.SourceGroupId : r.DestGroupId) != "", ct).ConfigureAwait(false);
            if (references + referencing > quotas.Value.GroupReferenceRulesPerSecurityGroup)
            {
                throw new AcsException(AcsErrors.AuthorizedGroupRuleLimitExceed, quotas.Value.GroupReferenceRulesPerSecurityGroup);
            }
        }
    }

    /// <summary>
    /// How many rules the stored rules of <paramref name="groupIds"/> (all but <paramref name="exceptRuleId"/>) count as,
    /// summed by the database with the formula of <see cref="Units"/>.
    /// </summary>
    public Task<int> UnitsOfGroupsAsync(IReadOnlyList<string> groupIds, string? exceptRuleId, CancellationToken ct) =>
        UnitsOf.For(db)(db, groupIds, exceptRuleId ?? "", ct);

    /// <summary>How many rules one rule counts as, from the MaxEntries of its lists (0 for none): the formula <see cref="UnitsOf"/> runs in the database.</summary>
    public static int Units(int sourcePrefixListMax, int destPrefixListMax, int portRangeListMax) =>
        Math.Max(1, sourcePrefixListMax + destPrefixListMax) * Math.Max(1, portRangeListMax);
}
