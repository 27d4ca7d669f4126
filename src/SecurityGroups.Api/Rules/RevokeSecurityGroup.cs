namespace SecurityGroups.Api.Rules;

/// <summary>RevokeSecurityGroup: removes ingress rules by <c>SecurityGroupRuleId.N</c> or by their fields.</summary>
public sealed class RevokeSecurityGroupRequest : RuleRequest
{
    /// <summary>Rule IDs, <c>SecurityGroupRuleId.N</c>, N = 1..100 (not with Permissions).</summary>
    public List<string>? SecurityGroupRuleId { get; set; }
}

public sealed class RevokeSecurityGroupValidator() : RuleRequestValidator<RevokeSecurityGroupRequest>(r => r.SecurityGroupRuleId);

/// <summary>RevokeSecurityGroupEgress: removes egress rules.</summary>
public sealed class RevokeSecurityGroupEgressRequest : RuleRequest
{
    /// <summary>Rule IDs, <c>SecurityGroupRuleId.N</c>, N = 1..100 (not with Permissions).</summary>
    public List<string>? SecurityGroupRuleId { get; set; }
}

public sealed class RevokeSecurityGroupEgressValidator() : RuleRequestValidator<RevokeSecurityGroupEgressRequest>(r => r.SecurityGroupRuleId);
