using SecurityGroups.Domain.Rules;
using SecurityGroups.Domain.SecurityGroups;
using SecurityGroups.RuleEngine;

namespace SecurityGroups.Domain.Traffic;

/// <summary>
/// The findings of a region's groups from their resolved rules (pure: no database). Linear in the region's rules plus,
/// within each group, the pairwise shadow check: rules are grouped once, and a group's inbound rules are compiled only
/// when one of them could open a management port (the only check that needs the compiled sweep).
/// </summary>
internal static class FindingsAnalysis
{
    private static readonly string[] SeverityOrder = ["High", "Medium", "Low"];

    /// <summary>The findings of a region in one pass (what <see cref="FindingsService"/> assembles from per-group results).</summary>
    public static List<Finding> Analyse(IReadOnlyList<SecurityGroup> groups, IReadOnlySet<string> withMembers,
        IReadOnlyList<(EngineRule Engine, SecurityGroupRule Stored)> rules, Func<SecurityGroupRule, int> units, int rulesPerEni)
    {
        var byGroup = rules.ToLookup(r => r.Stored.SecurityGroupId, r => r.Engine, StringComparer.Ordinal);
        return Assemble(groups, withMembers, groups.Select(g => GroupFindings(g.SecurityGroupId, byGroup[g.SecurityGroupId], units, rulesPerEni)).ToList());
    }

    /// <summary>
    /// The region's findings from each group's rule findings (<paramref name="perGroup"/>, in the order of <paramref name="groups"/>),
    /// with an <see cref="FindingCodes.EmptyGroup"/> for each group without members, most severe first.
    /// </summary>
    public static List<Finding> Assemble(IReadOnlyList<SecurityGroup> groups, IReadOnlySet<string> withMembers, IReadOnlyList<IReadOnlyList<Finding>> perGroup)
    {
        var findings = new List<Finding>();
        for (var i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            if (!withMembers.Contains(group.SecurityGroupId))
            {
                findings.Add(new(FindingCodes.EmptyGroup, "Low", group.SecurityGroupId, "",
                    $"Security group {group.SecurityGroupId} has no member instance or ENI: its rules apply to nothing."));
            }

            findings.AddRange(perGroup[i]);
        }

        return findings.OrderBy(f => Array.IndexOf(SeverityOrder, f.Severity)).ThenBy(f => f.SecurityGroupId, StringComparer.Ordinal)
            .ThenBy(f => f.SecurityGroupRuleId, StringComparer.Ordinal).ThenBy(f => f.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>The findings of one group's rules (all but <see cref="FindingCodes.EmptyGroup"/>): a function of its rules as resolved, and nothing else.</summary>
    public static List<Finding> GroupFindings(string groupId, IEnumerable<EngineRule> engineRules, Func<SecurityGroupRule, int> units, int rulesPerEni)
    {
        var findings = new List<Finding>();
        GroupFindings(groupId, engineRules, units, rulesPerEni, findings);
        return findings;
    }

    private static void GroupFindings(string groupId, IEnumerable<EngineRule> engineRules, Func<SecurityGroupRule, int> units, int rulesPerEni,
        List<Finding> findings)
    {
        var ordered = TrafficEvaluator.Order(engineRules);
        CompiledRuleSet? ingress = null;
        var shadowed = RuleAnalysis.Shadowed(ordered).ToDictionary(s => s.Rule, s => s.CoveredBy);
        foreach (var rule in ordered)
        {
            var stored = (SecurityGroupRule)rule.Source!;
            if (shadowed.TryGetValue(rule, out var by))
            {
                var same = by.IsDrop == rule.IsDrop;
                findings.Add(new(same ? FindingCodes.RedundantRule : FindingCodes.ShadowedRule, same ? "Low" : "Medium", groupId, rule.RuleId,
                    $"Rule {rule.RuleId} ({Describe(stored)}) never decides: the earlier rule {by.RuleId} ({Describe((SecurityGroupRule)by.Source!)}) "
                    + (same ? "already does the same for all of its traffic." : "matches all of its traffic with the opposite policy.")));
                continue;
            }

            if (RuleAnalysis.MayOpenManagementPorts(rule))
            {
                ingress ??= CompiledRuleSet.Compile(ordered, TrafficDirection.Ingress);
                foreach (var port in RuleAnalysis.OpenManagementPorts(rule, ingress, TrafficService.DefaultSourcePort))
                {
                    findings.Add(new(FindingCodes.ManagementPortOpenToInternet, "High", groupId, rule.RuleId,
                        $"Rule {rule.RuleId} ({Describe(stored)}) opens management port {port} to the whole internet."));
                }
            }

            if (RuleAnalysis.OpensAllPortsToTheWorld(rule))
            {
                findings.Add(new(FindingCodes.AllPortsOpenToInternet, "High", groupId, rule.RuleId,
                    $"Rule {rule.RuleId} ({Describe(stored)}) opens every port to the whole internet."));
            }

            var weight = units(stored);
            if (weight * 10 >= rulesPerEni)
            {
                findings.Add(new(FindingCodes.ListEatsEniRuleQuota, "Medium", groupId, rule.RuleId,
                    $"Rule {rule.RuleId} counts as {weight} rules (its lists' MaxEntries, not their entries) of the {rulesPerEni} "
                    + "allowed per ENI; lower MaxEntries to what the list needs."));
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
