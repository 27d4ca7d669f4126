using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;

namespace SecurityGroups.Api.Networks;

public sealed class DeleteVSwitchRequest : CommonParameters
{
    /// <summary>Region; optional (the vSwitch is found by ID in the caller's account).</summary>
    public string? RegionId { get; set; }

    /// <summary>The vSwitch to delete. Required.</summary>
    public string? VSwitchId { get; set; }

    /// <summary>Check only: <c>DryRunOperation</c>.</summary>
    public bool? DryRun { get; set; }
}

public sealed class DeleteVSwitchValidator : AcsValidator<DeleteVSwitchRequest>
{
    public DeleteVSwitchValidator() => RuleFor(r => r.VSwitchId).Required();
}
