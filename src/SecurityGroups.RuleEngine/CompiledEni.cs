namespace SecurityGroups.RuleEngine;

/// <summary>A verdict without a trace, as the compiled path returns it: no allocation.</summary>
public readonly record struct FastVerdict(Decision Decision, DecisionReason Reason, EngineRule? MatchedRule, int EvaluatedRules);

/// <summary>
/// An immutable snapshot of everything the engine needs for one ENI (or a what-if set of groups): the groups and both
/// directions' compiled rule sets. Same decision order as <see cref="TrafficEvaluator"/>, which stays the oracle and
/// the path that explains (trace).
/// </summary>
public sealed class CompiledEni
{
    private readonly bool _enterprise;

    private CompiledEni(IReadOnlyList<EngineGroup> groups, CompiledRuleSet ingress, CompiledRuleSet egress)
    {
        Groups = groups;
        _enterprise = TrafficEvaluator.IsEnterprise(groups);
        Ingress = ingress;
        Egress = egress;
    }

    public IReadOnlyList<EngineGroup> Groups { get; }

    public CompiledRuleSet Ingress { get; }

    public CompiledRuleSet Egress { get; }

    /// <summary>Compiles <paramref name="rules"/> (any order, both directions) of <paramref name="groups"/>.</summary>
    public static CompiledEni Compile(IReadOnlyList<EngineGroup> groups, IEnumerable<EngineRule> rules)
    {
        var ordered = TrafficEvaluator.Order(rules);
        return new CompiledEni(groups, CompiledRuleSet.Compile(ordered, TrafficDirection.Ingress), CompiledRuleSet.Compile(ordered, TrafficDirection.Egress));
    }

    /// <summary>Decides <paramref name="packet"/>; <paramref name="peerGroupIds"/> as in <see cref="TrafficEvaluator.Evaluate"/>.</summary>
    public FastVerdict Decide(in Packet packet, IReadOnlySet<string>? peerGroupIds)
    {
        if (TrafficEvaluator.InnerAccessAccepts(Groups, _enterprise, packet, peerGroupIds))
        {
            return new FastVerdict(Decision.Accept, DecisionReason.InnerAccess, null, 0);
        }

        var set = packet.Direction == TrafficDirection.Ingress ? Ingress : Egress;
        var index = set.FirstMatch(packet);
        if (index >= 0)
        {
            var rule = set.Rules[index];
            return new FastVerdict(rule.IsDrop ? Decision.Drop : Decision.Accept, DecisionReason.Rule, rule, index + 1);
        }

        return new FastVerdict(TrafficEvaluator.Default(_enterprise, packet.Direction), DecisionReason.Default, null, set.Rules.Count);
    }
}
