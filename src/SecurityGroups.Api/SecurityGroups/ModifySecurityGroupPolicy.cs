using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Api.SecurityGroups;

public sealed class ModifySecurityGroupPolicyRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The group (basic only). Required.</summary>
    public string? SecurityGroupId { get; set; }

    /// <summary><c>Accept</c> or <c>Drop</c> (any case). Required.</summary>
    /// <example>Drop</example>
    public string? InnerAccessPolicy { get; set; }

    /// <summary>Idempotency token: a retry returns the first response.</summary>
    public string? ClientToken { get; set; }

    /// <summary>The policy in Alibaba's spelling (<c>Accept</c>/<c>Drop</c>).</summary>
    internal string NormalizedPolicy =>
        string.Equals(InnerAccessPolicy, "drop", StringComparison.OrdinalIgnoreCase) ? "Drop" : "Accept";
}

public sealed class ModifySecurityGroupPolicyValidator : AcsValidator<ModifySecurityGroupPolicyRequest>
{
    public ModifySecurityGroupPolicyValidator()
    {
        RuleFor(r => r.RegionId).Required(AcsErrors.MissingParamterRegionId);
        RuleFor(r => r.SecurityGroupId).Required();
        RuleFor(r => r.InnerAccessPolicy).Required();
        RuleFor(r => r.InnerAccessPolicy)
            .Must(p => string.Equals(p, "accept", StringComparison.OrdinalIgnoreCase) || string.Equals(p, "drop", StringComparison.OrdinalIgnoreCase))
            .Raises(AcsErrors.InvalidInnerAccessPolicyMalformed);
    }
}
