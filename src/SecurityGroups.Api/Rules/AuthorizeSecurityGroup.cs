namespace SecurityGroups.Api.Rules;

/// <summary>AuthorizeSecurityGroup: adds ingress rules (an existing identical rule is a successful no-op).</summary>
public sealed class AuthorizeSecurityGroupRequest : RuleRequest;

public sealed class AuthorizeSecurityGroupValidator : RuleRequestValidator<AuthorizeSecurityGroupRequest>;

/// <summary>AuthorizeSecurityGroupEgress: adds egress rules.</summary>
public sealed class AuthorizeSecurityGroupEgressRequest : RuleRequest;

public sealed class AuthorizeSecurityGroupEgressValidator : RuleRequestValidator<AuthorizeSecurityGroupEgressRequest>;
