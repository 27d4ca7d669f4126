using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Api.SecurityGroups;

public sealed class ModifySecurityGroupAttributeRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The group. Required.</summary>
    public string? SecurityGroupId { get; set; }

    /// <summary>New name: 2-128 characters, starting with a letter.</summary>
    public string? SecurityGroupName { get; set; }

    /// <summary>New description: 2-256 characters.</summary>
    public string? Description { get; set; }
}

public sealed class ModifySecurityGroupAttributeValidator : AcsValidator<ModifySecurityGroupAttributeRequest>
{
    public ModifySecurityGroupAttributeValidator()
    {
        RuleFor(r => r.RegionId).Required(AcsErrors.MissingRegionId);
        RuleFor(r => r.SecurityGroupId).Required();
        RuleFor(r => r.SecurityGroupName).SecurityGroupName();
        RuleFor(r => r.Description).SecurityGroupDescription();
    }
}
