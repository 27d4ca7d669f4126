using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Quotas;
using SecurityGroups.Domain.Rules;
using SecurityGroups.Domain.SecurityGroups;
using SecurityGroups.RuleEngine;

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

/// <summary>The findings analysis over a region (GET /_emulator/findings).</summary>
public sealed class FindingsService(EmulatorDbContext db, Common.ICaller caller, Regions.RegionCatalog regions, TrafficService traffic, RuleQuota ruleQuota,
    IOptions<QuotaOptions> quotas)
{
    private static readonly string[] SeverityOrder = ["High", "Medium", "Low"];

    public async Task<IReadOnlyList<Finding>> FindAsync(string regionId, CancellationToken ct)
    {
        regions.Require(regionId);
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct).ConfigureAwait(false);
        var groups = await db.SecurityGroups.AsNoTracking().Where(g => g.AccountId == caller.AccountId && g.RegionId == regionId)
            .ToListAsync(ct).ConfigureAwait(false);
        var groupIds = groups.Select(g => g.SecurityGroupId).ToList();
        var withMembers = (await db.NetworkInterfaceGroups.AsNoTracking().Where(m => groupIds.Contains(m.SecurityGroupId)).Select(m => m.SecurityGroupId)
            .Distinct().ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var rules = await traffic.EngineRulesAsync(groups, ct).ConfigureAwait(false);
        var units = await ruleQuota.UnitCounterAsync(rules.Select(r => r.Stored).ToList(), ct).ConfigureAwait(false);
        var findings = new List<Finding>();
        foreach (var group in groups)
        {
            if (!withMembers.Contains(group.SecurityGroupId))
            {
                findings.Add(new(FindingCodes.EmptyGroup, "Low", group.SecurityGroupId, "",
                    $"Security group {group.SecurityGroupId} has no member instance or ENI: its rules apply to nothing."));
            }

            var own = rules.Where(r => r.Stored.SecurityGroupId == group.SecurityGroupId).ToList();
            findings.AddRange(GroupFindings(group, own.Select(r => r.Engine).ToList(), units));
        }

        return findings.OrderBy(f => Array.IndexOf(SeverityOrder, f.Severity)).ThenBy(f => f.SecurityGroupId, StringComparer.Ordinal)
            .ThenBy(f => f.SecurityGroupRuleId, StringComparer.Ordinal).ThenBy(f => f.Code, StringComparer.Ordinal).ToList();
    }

    private IEnumerable<Finding> GroupFindings(SecurityGroup group, List<EngineRule> engineRules, Func<SecurityGroupRule, int> units)
    {
        var ordered = TrafficEvaluator.Order(engineRules);
        var ingress = CompiledRuleSet.Compile(ordered, TrafficDirection.Ingress);
        var shadowed = RuleAnalysis.Shadowed(ordered).ToDictionary(s => s.Rule, s => s.CoveredBy);
        foreach (var rule in ordered)
        {
            var stored = (SecurityGroupRule)rule.Source!;
            if (shadowed.TryGetValue(rule, out var by))
            {
                var same = by.IsDrop == rule.IsDrop;
                yield return new(same ? FindingCodes.RedundantRule : FindingCodes.ShadowedRule, same ? "Low" : "Medium", group.SecurityGroupId, rule.RuleId,
                    $"Rule {rule.RuleId} ({Describe(stored)}) never decides: the earlier rule {by.RuleId} ({Describe((SecurityGroupRule)by.Source!)}) "
                    + (same ? "already does the same for all of its traffic." : "matches all of its traffic with the opposite policy."));
                continue;
            }

            foreach (var port in RuleAnalysis.OpenManagementPorts(rule, ingress, TrafficService.DefaultSourcePort))
            {
                yield return new(FindingCodes.ManagementPortOpenToInternet, "High", group.SecurityGroupId, rule.RuleId,
                    $"Rule {rule.RuleId} ({Describe(stored)}) opens management port {port} to the whole internet.");
            }

            if (RuleAnalysis.OpensAllPortsToTheWorld(rule))
            {
                yield return new(FindingCodes.AllPortsOpenToInternet, "High", group.SecurityGroupId, rule.RuleId,
                    $"Rule {rule.RuleId} ({Describe(stored)}) opens every port to the whole internet.");
            }

            var weight = units(stored);
            if (weight * 10 >= quotas.Value.RulesPerNetworkInterface)
            {
                yield return new(FindingCodes.ListEatsEniRuleQuota, "Medium", group.SecurityGroupId, rule.RuleId,
                    $"Rule {rule.RuleId} counts as {weight} rules (its lists' MaxEntries, not their entries) of the {quotas.Value.RulesPerNetworkInterface} "
                    + "allowed per ENI; lower MaxEntries to what the list needs.");
            }
        }
    }

    private static string Describe(SecurityGroupRule r)
    {
        var peer = r.Direction == Directions.Ingress
            ? First(r.SourceCidrIp, r.Ipv6SourceCidrIp, r.SourceGroupId, r.SourcePrefixListId)
            : First(r.DestCidrIp, r.Ipv6DestCidrIp, r.DestGroupId, r.DestPrefixListId);
        var ports = r.PortRangeListId.Length > 0 ? r.PortRangeListId : r.PortRange;
        return $"{r.Direction} {r.Policy} {r.IpProtocol} {ports} {(r.Direction == Directions.Ingress ? "from" : "to")} {peer}, priority {r.Priority}";
    }

    private static string First(params string[] values) => values.FirstOrDefault(v => v.Length > 0) ?? "";
}
