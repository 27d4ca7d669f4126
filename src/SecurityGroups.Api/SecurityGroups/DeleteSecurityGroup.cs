using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Api.SecurityGroups;

public sealed class DeleteSecurityGroupRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The group to delete (with all its rules and tags). Required.</summary>
    public string? SecurityGroupId { get; set; }
}

public sealed class DeleteSecurityGroupValidator : AcsValidator<DeleteSecurityGroupRequest>
{
    public DeleteSecurityGroupValidator()
    {
        RuleFor(r => r.RegionId).Required(AcsErrors.MissingRegionId);
        RuleFor(r => r.SecurityGroupId).Required();
    }
}
