using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Api.Networks;

public sealed class ModifyRouteTableAttributesRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The route table (a VPC's system route table, <c>vtb-...</c>). Required.</summary>
    public string? RouteTableId { get; set; }

    /// <summary>1-128 characters, not starting with http:// or https://.</summary>
    public string? RouteTableName { get; set; }

    /// <summary>1-256 characters, not starting with http:// or https://.</summary>
    public string? Description { get; set; }

    /// <summary>Accepted; route propagation is not emulated (always shown as enabled).</summary>
    public bool? RoutePropagationEnable { get; set; }
}

public sealed class ModifyRouteTableAttributesValidator : AcsValidator<ModifyRouteTableAttributesRequest>
{
    public ModifyRouteTableAttributesValidator()
    {
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.RouteTableId).Required();
        RuleFor(r => r.RouteTableName).AcsText(1, 128).Raises(AcsErrors.InvalidRouteTableNameMalformed);
        RuleFor(r => r.Description).AcsText(1, 256).Raises(AcsErrors.InvalidRouteTableDescriptionMalformed);
    }
}
