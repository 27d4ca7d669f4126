namespace SecurityGroups.Api.Rules;

/// <summary>ModifySecurityGroupRule: changes an ingress rule, by ID or (legacy) by its fields.</summary>
public sealed class ModifySecurityGroupRuleRequest : RuleRequest
{
    /// <summary>The rule to change (<c>sgr-…</c>); without it the legacy field match is used.</summary>
    public string? SecurityGroupRuleId { get; set; }
}

public sealed class ModifySecurityGroupRuleValidator : RuleRequestValidator<ModifySecurityGroupRuleRequest>;

/// <summary>ModifySecurityGroupEgressRule: changes an egress rule.</summary>
public sealed class ModifySecurityGroupEgressRuleRequest : RuleRequest
{
    /// <summary>The rule to change (<c>sgr-…</c>); without it the legacy field match is used.</summary>
    public string? SecurityGroupRuleId { get; set; }
}

public sealed class ModifySecurityGroupEgressRuleValidator : RuleRequestValidator<ModifySecurityGroupEgressRuleRequest>;
