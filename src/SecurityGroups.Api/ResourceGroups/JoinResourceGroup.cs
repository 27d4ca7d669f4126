using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;

namespace SecurityGroups.Api.ResourceGroups;

public sealed class JoinResourceGroupRequest : CommonParameters
{
    /// <summary>Region of the resource. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The resource. Required.</summary>
    /// <example>sg-bp67acfmxazb4p****</example>
    public string? ResourceId { get; set; }

    /// <summary><c>securitygroup</c>, <c>eni</c> or <c>instance</c> (any letter case). Required.</summary>
    /// <example>securitygroup</example>
    public string? ResourceType { get; set; }

    /// <summary>The resource group to join (stored; not checked against a resource-group service). Required.</summary>
    /// <example>rg-bp67acfmxazb4p****</example>
    public string? ResourceGroupId { get; set; }
}

public sealed class JoinResourceGroupValidator : AcsValidator<JoinResourceGroupRequest>
{
    public JoinResourceGroupValidator()
    {
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.ResourceGroupId).Required();
        RuleFor(r => r.ResourceId).Required();
        RuleFor(r => r.ResourceType).Required();
    }
}
