namespace SecurityGroups.RuleEngine;

/// <summary>
/// Marker of the rule-engine assembly. The engine (priority-ordered, deny-wins evaluation of security-group rules) is a
/// leaf: pure functions over immutable values, with no ASP.NET, no EF Core and no logging. A test keeps it so.
/// </summary>
public static class RuleEngineAssembly
{
    public const string Name = "SecurityGroups.RuleEngine";
}
