using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Quotas;
using SecurityGroups.Domain.Rules;

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
/// The findings analysis over a region (GET /_emulator/findings). One pass: the region's rules are loaded once (by a join
/// on the region, not a list of group ids) and grouped once, each group is analysed once, and the result is kept for the
/// write version, so a repeated call with no write between reads no database and analyses nothing.
/// </summary>
public sealed class FindingsService(EmulatorDbContext db, Common.ICaller caller, Regions.RegionCatalog regions, TrafficService traffic, RuleQuota ruleQuota,
    IOptions<QuotaOptions> quotas, Common.VersionedCache<RegionFindings> cache)
{
    public async Task<RegionFindings> FindAsync(string regionId, CancellationToken ct)
    {
        regions.Require(regionId);
        var account = caller.AccountId;
        return await cache.GetAsync(string.Join('|', account, regionId), c => AnalyseAsync(account, regionId, c), ct).ConfigureAwait(false);
    }

    private async Task<RegionFindings> AnalyseAsync(string account, string regionId, CancellationToken ct)
    {
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct).ConfigureAwait(false);
        var inRegion = db.SecurityGroups.AsNoTracking().Where(g => g.AccountId == account && g.RegionId == regionId);
        var groups = await inRegion.ToListAsync(ct).ConfigureAwait(false);
        var withMembers = (await (from m in db.NetworkInterfaceGroups.AsNoTracking()
                                  join g in inRegion on m.SecurityGroupId equals g.SecurityGroupId
                                  select m.SecurityGroupId).Distinct().ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var stored = await (from r in db.SecurityGroupRules.AsNoTracking()
                            join g in inRegion on r.SecurityGroupId equals g.SecurityGroupId
                            select r).Select(TrafficService.ForEngine).ToListAsync(ct).ConfigureAwait(false);
        var rules = await traffic.EngineRulesAsync(groups, stored, ct).ConfigureAwait(false);
        var units = await ruleQuota.UnitCounterAsync(stored, ct).ConfigureAwait(false);
        return new RegionFindings(FindingsAnalysis.Analyse(groups, withMembers, rules, units, quotas.Value.RulesPerNetworkInterface));
    }
}
