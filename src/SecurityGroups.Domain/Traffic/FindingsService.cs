using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Quotas;
using SecurityGroups.Domain.SecurityGroups;

namespace SecurityGroups.Domain.Traffic;

/// <summary>A problem found in a region's groups. <see cref="SecurityGroupRuleId"/> is empty for group-level findings.</summary>
public sealed record Finding(string Code, string Severity, string SecurityGroupId, string SecurityGroupRuleId, string Message);

/// <summary>The finding codes and what raises them.</summary>
public static class FindingCodes
{
    /// <summary>High: an inbound Accept opens 22 or 3389 to 0.0.0.0/0 or ::/0, and no earlier Drop takes that traffic.</summary>
    public const string ManagementPortOpenToInternet = "ManagementPortOpenToInternet";

    /// <summary>High: an inbound Accept opens every port (or every protocol) to 0.0.0.0/0 or ::/0.</summary>
    public const string AllPortsOpenToInternet = "AllPortsOpenToInternet";

    /// <summary>Medium: a rule can never decide, because an earlier rule with the opposite policy matches all its traffic.</summary>
    public const string ShadowedRule = "ShadowedRule";

    /// <summary>Low: a rule can never decide, because an earlier rule with the same policy matches all its traffic.</summary>
    public const string RedundantRule = "RedundantRule";

    /// <summary>Low: a group with no member ENI (its rules apply to nothing).</summary>
    public const string EmptyGroup = "EmptyGroup";

    /// <summary>
    /// Medium: one rule counts as at least a tenth of the per-ENI rule quota, because a rule using a list counts as the
    /// list's MaxEntries (not its entries; with a prefix list and a port list, their product).
    /// </summary>
    public const string ListEatsEniRuleQuota = "ListEatsEniRuleQuota";
}

/// <summary>A region's findings, most severe first: one immutable object per write version (cached, and rendered once by the API).</summary>
public sealed record RegionFindings(IReadOnlyList<Finding> Items);

/// <summary>
/// The findings analysis over a region (GET /_emulator/findings). The answer is kept for the write version, so a repeated
/// call with no write between reads no database and analyses nothing. After a write, each group's rule findings are
/// reused from <see cref="GroupFindingsCache"/> while its rules and what they refer to are unchanged (ADR-011): only the
/// groups a write could have changed are read and analysed again, a chunk of groups at a time (memory stays bounded by
/// the chunk, not the region).
/// </summary>
public sealed class FindingsService(EmulatorDbContext db, Common.ICaller caller, Regions.RegionCatalog regions, IOptions<QuotaOptions> quotas,
    Common.VersionedCache<RegionFindings> cache, GroupFindingsCache groupCache, Common.WriteGate? gate = null)
{
    /// <summary>Groups whose rules are read and analysed together.</summary>
    internal const int ChunkSize = 200;

    public async Task<RegionFindings> FindAsync(string regionId, CancellationToken ct)
    {
        regions.Require(regionId);
        var account = caller.AccountId;
        return await cache.GetAsync(string.Join('|', account, regionId), c => AnalyseAsync(account, regionId, c), ct).ConfigureAwait(false);
    }

    private async Task<RegionFindings> AnalyseAsync(string account, string regionId, CancellationToken ct)
    {
        var membersVersion = await RuleDependencies.MembersVersionAsync(gate, ct).ConfigureAwait(false); // before the snapshot: never newer than what it reads
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct).ConfigureAwait(false);
        var inRegion = db.SecurityGroups.AsNoTracking().Where(g => g.AccountId == account && g.RegionId == regionId);
        var groups = await inRegion.ToListAsync(ct).ConfigureAwait(false);
        var withMembers = (await (from m in db.NetworkInterfaceGroups.AsNoTracking()
                                  join g in inRegion on m.SecurityGroupId equals g.SecurityGroupId
                                  select m.SecurityGroupId).Distinct().ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);

        // Groups whose rules are unchanged since they were analysed keep their answer if what their rules refer to reads the same.
        var references = new RuleReferences(db);
        var kept = groupCache.Entries.Of(account, regionId);
        var candidates = groups.Select(g => PerGroupEntries<GroupFindingsEntry>.Candidate(kept, g.SecurityGroupId, g.RulesStamp)).ToList();
        await RuleDependencies.LoadAsync(candidates.OfType<GroupFindingsEntry>(), membersVersion, references, ct).ConfigureAwait(false);
        var entries = new Dictionary<string, GroupFindingsEntry>(groups.Count, StringComparer.Ordinal);
        var stale = new List<SecurityGroup>();
        for (var i = 0; i < groups.Count; i++)
        {
            if (candidates[i] is { } entry && RuleDependencies.StillHold(entry, membersVersion, references))
            {
                entries[groups[i].SecurityGroupId] = entry.MembersCheckedAt == membersVersion ? entry : entry with { MembersCheckedAt = membersVersion };
            }
            else
            {
                stale.Add(groups[i]);
            }
        }

        groupCache.Entries.Count(groups.Count - stale.Count, stale.Count);
        var rulesPerEni = quotas.Value.RulesPerNetworkInterface;
        foreach (var chunk in stale.Chunk(ChunkSize))
        {
            var ids = chunk.Select(g => g.SecurityGroupId).ToList();
            var stored = await db.SecurityGroupRules.AsNoTracking().Where(r => EF.Parameter(ids).Contains(r.SecurityGroupId)).Select(TrafficService.ForEngine)
                .ToListAsync(ct).ConfigureAwait(false);
            await references.LoadAsync(stored, ct).ConfigureAwait(false);
            var byGroup = TrafficService.Resolve(chunk, stored, references).ToLookup(r => r.Stored.SecurityGroupId, StringComparer.Ordinal);
            foreach (var group in chunk)
            {
                var rules = byGroup[group.SecurityGroupId];
                var findings = FindingsAnalysis.GroupFindings(group.SecurityGroupId, rules.Select(r => r.Engine), references.Units, rulesPerEni);
                entries[group.SecurityGroupId] = new GroupFindingsEntry(group.RulesStamp, findings, RuleDependencies.Of(rules.Select(r => r.Stored), references), membersVersion);
            }
        }

        groupCache.Entries.Replace(account, regionId, entries);
        return new RegionFindings(FindingsAnalysis.Assemble(groups, withMembers, groups.Select(g => entries[g.SecurityGroupId].Findings).ToList()));
    }
}
