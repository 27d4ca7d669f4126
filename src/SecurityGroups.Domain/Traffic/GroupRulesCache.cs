using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.SecurityGroups;
using SecurityGroups.RuleEngine;

namespace SecurityGroups.Domain.Traffic;

/// <summary>
/// Each group's rules in engine form (every reference resolved), kept across writes as the findings are (ADR-011): an
/// entry holds while the group's <see cref="SecurityGroup.RulesStamp"/> is the one it was read at and everything its rules
/// refer to reads the same. The reachability matrix compiles its group sets from these, so after a write it reads and
/// resolves only the rules of the groups the write could have changed. Capped at <c>maxBytes</c> (<see cref="PerGroupEntries{T}"/>).
/// </summary>
/// <remarks>Each group looked up counts in <c>securitygroups_cache_lookups_total{cache="group_rules"}</c>.</remarks>
public sealed class GroupRulesCache(EmulatorMetrics? metrics, long maxBytes)
{
    internal PerGroupEntries<GroupRulesEntry> Entries { get; } = new("group_rules", metrics, maxBytes);
}

/// <summary>A group's engine rules (any order; their <see cref="EngineRule.Source"/> a rule as <see cref="TrafficService.ForEngine"/> reads it).</summary>
internal sealed record GroupRulesEntry(long RulesStamp, IReadOnlyList<EngineRule> Rules, Dependency[] Dependencies, long MembersCheckedAt) : IGroupEntry
{
    /// <summary>A rough size: each rule with its ports and peers, and each dependency's items.</summary>
    public long Bytes { get; } = 256 + (Rules.Count * 320L) + RuleDependencies.Bytes(Dependencies);
}

public sealed partial class TrafficService
{
    /// <summary>
    /// The engine rules of each of <paramref name="groups"/> (read in the current snapshot, their rules stamps with them):
    /// kept ones whose stamp and dependencies still hold, the others read, resolved and kept.
    /// </summary>
    private async Task<Dictionary<string, IReadOnlyList<EngineRule>>> EngineRulesByGroupAsync(string regionId, IReadOnlyList<SecurityGroup> groups,
        long membersVersion, CancellationToken ct)
    {
        var account = caller.AccountId;
        var cache = groupRules.Entries;
        var kept = cache.Of(account, regionId);
        var candidates = groups.Select(g => PerGroupEntries<GroupRulesEntry>.Candidate(kept, g.SecurityGroupId, g.RulesStamp)).ToList();
        var references = new RuleReferences(db);
        await RuleDependencies.LoadAsync(candidates.OfType<GroupRulesEntry>(), membersVersion, references, ct).ConfigureAwait(false);
        var rules = new Dictionary<string, IReadOnlyList<EngineRule>>(groups.Count, StringComparer.Ordinal);
        var stale = new List<SecurityGroup>();
        var fresh = new Dictionary<string, GroupRulesEntry>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Count; i++)
        {
            if (candidates[i] is { } entry && RuleDependencies.StillHold(entry, membersVersion, references))
            {
                rules[groups[i].SecurityGroupId] = entry.Rules;
                if (entry.MembersCheckedAt != membersVersion)
                {
                    fresh[groups[i].SecurityGroupId] = entry with { MembersCheckedAt = membersVersion }; // checked again now
                }
            }
            else
            {
                stale.Add(groups[i]);
            }
        }

        cache.Count(groups.Count - stale.Count, stale.Count);
        if (stale.Count == 0)
        {
            cache.Merge(account, regionId, fresh);
            return rules;
        }

        var ids = stale.Select(g => g.SecurityGroupId).ToList();
        var stored = await db.SecurityGroupRules.AsNoTracking().Where(r => EF.Parameter(ids).Contains(r.SecurityGroupId)).Select(ForEngine).ToListAsync(ct).ConfigureAwait(false);
        await references.LoadAsync(stored, ct).ConfigureAwait(false);
        var byGroup = Resolve(stale, stored, references).ToLookup(r => r.Stored.SecurityGroupId, StringComparer.Ordinal);
        foreach (var group in stale)
        {
            var resolved = byGroup[group.SecurityGroupId];
            var entry = new GroupRulesEntry(group.RulesStamp, resolved.Select(r => r.Engine).ToList(), RuleDependencies.Of(resolved.Select(r => r.Stored), references),
                membersVersion);
            fresh[group.SecurityGroupId] = entry;
            rules[group.SecurityGroupId] = entry.Rules;
        }

        cache.Merge(account, regionId, fresh);
        return rules;
    }
}
