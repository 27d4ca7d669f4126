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
/// ENI in the group (its rules across all its groups).
/// </summary>
public sealed class RuleQuota(EmulatorDbContext db, IOptions<QuotaOptions> quotas)
{
    public async Task EnsureAsync(SecurityGroup group, IReadOnlyList<SecurityGroupRule> existing, IReadOnlyList<BuiltRule> added, AcsErrorCode limitError, CancellationToken ct)
    {
        var used = await UnitsAsync(existing, ct).ConfigureAwait(false);
        if (used + added.Sum(a => a.Units) > quotas.Value.RulesPerSecurityGroup)
        {
            throw new AcsException(limitError);
        }

        var perEni = quotas.Value.RulesPerNetworkInterface;
        var members = await db.NetworkInterfaceGroups.AsNoTracking().Where(m => m.SecurityGroupId == group.SecurityGroupId)
            .Select(m => m.NetworkInterfaceId).ToListAsync(ct).ConfigureAwait(false);
        var groupSets = await db.NetworkInterfaceGroups.AsNoTracking().Where(m => members.Contains(m.NetworkInterfaceId) && m.SecurityGroupId != group.SecurityGroupId)
            .Select(m => new { m.NetworkInterfaceId, m.SecurityGroupId }).ToListAsync(ct).ConfigureAwait(false);
        foreach (var others in members.Distinct().Select(eni => groupSets.Where(x => x.NetworkInterfaceId == eni).Select(x => x.SecurityGroupId).Order().ToList())
            .DistinctBy(set => string.Join(',', set)))
        {
            var rules = await db.SecurityGroupRules.AsNoTracking().Where(r => others.Contains(r.SecurityGroupId)).ToListAsync(ct).ConfigureAwait(false);
            if (await UnitsAsync(rules, ct).ConfigureAwait(false) + used + added.Sum(a => a.Units) > perEni)
            {
                throw new AcsException(limitError);
            }
        }

        var references = existing.Count(r => r.ReferencedGroupId.Length > 0) + added.Count(a => a.Rule.ReferencedGroupId.Length > 0);
        if (!group.IsEnterprise && added.Any(a => a.Rule.ReferencedGroupId.Length > 0) && references > quotas.Value.GroupReferenceRulesPerSecurityGroup)
        {
            throw new AcsException(AcsErrors.AuthorizedGroupRuleLimitExceed, quotas.Value.GroupReferenceRulesPerSecurityGroup);
        }
    }

    /// <summary>How many rules these count as.</summary>
    public async Task<int> UnitsAsync(IReadOnlyList<SecurityGroupRule> rules, CancellationToken ct)
    {
        var units = await UnitCounterAsync(rules, ct).ConfigureAwait(false);
        return rules.Sum(units);
    }

    /// <summary>
    /// How many rules each of <paramref name="rules"/> counts as: a rule using a prefix list counts as its MaxEntries, one
    /// using a port list as that list's MaxEntries, one using both as the product. The lists' sizes are read once.
    /// </summary>
    public async Task<Func<SecurityGroupRule, int>> UnitCounterAsync(IReadOnlyList<SecurityGroupRule> rules, CancellationToken ct)
    {
        var prefixIds = rules.SelectMany(r => new[] { r.SourcePrefixListId, r.DestPrefixListId }).Where(id => id.Length > 0).Distinct().ToList();
        var portIds = rules.Select(r => r.PortRangeListId).Where(id => id.Length > 0).Distinct().ToList();
        var prefixSizes = prefixIds.Count == 0 ? [] : await db.PrefixLists.AsNoTracking().Where(l => prefixIds.Contains(l.PrefixListId))
            .ToDictionaryAsync(l => l.PrefixListId, l => l.MaxEntries, ct).ConfigureAwait(false);
        var portSizes = portIds.Count == 0 ? [] : await db.PortRangeLists.AsNoTracking().Where(l => portIds.Contains(l.PortRangeListId))
            .ToDictionaryAsync(l => l.PortRangeListId, l => l.MaxEntries, ct).ConfigureAwait(false);
        return r => Math.Max(1, prefixSizes.GetValueOrDefault(r.SourcePrefixListId) + prefixSizes.GetValueOrDefault(r.DestPrefixListId))
            * Math.Max(1, portSizes.GetValueOrDefault(r.PortRangeListId));
    }
}
