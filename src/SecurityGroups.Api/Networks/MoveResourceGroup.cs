using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;

namespace SecurityGroups.Api.Networks;

public sealed class MoveResourceGroupRequest : CommonParameters
{
    /// <summary>Region of the resource. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The resource to move. Required.</summary>
    public string? ResourceId { get; set; }

    /// <summary><c>VPC</c> or <c>VSWITCH</c> (any letter case). Required.</summary>
    /// <example>VPC</example>
    public string? ResourceType { get; set; }

    /// <summary>The resource group to move it to (stored; not checked against a resource-group service). Required.</summary>
    /// <example>rg-acfmxazb4ph6aiy</example>
    public string? NewResourceGroupId { get; set; }
}

public sealed class MoveResourceGroupValidator : AcsValidator<MoveResourceGroupRequest>
{
    public MoveResourceGroupValidator()
    {
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.ResourceId).Required();
        RuleFor(r => r.ResourceType).Required();
        RuleFor(r => r.NewResourceGroupId).Required();
    }
}
