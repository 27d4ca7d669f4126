using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;

namespace SecurityGroups.Api.Networks;

public sealed class DeleteVSwitchRequest : CommonParameters
{
    /// <summary>Region; optional (the vSwitch is found by ID in the caller's account).</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The vSwitch to delete. Required.</summary>
    /// <example>vsw-bp1jqwp2ys6kp7tc9t983</example>
    public string? VSwitchId { get; set; }

    /// <summary>Check only: <c>DryRunOperation</c>.</summary>
    public bool? DryRun { get; set; }
}

public sealed class DeleteVSwitchValidator : AcsValidator<DeleteVSwitchRequest>
{
    public DeleteVSwitchValidator() => RuleFor(r => r.VSwitchId).Required();
}
