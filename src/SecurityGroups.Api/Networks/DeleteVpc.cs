using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;

namespace SecurityGroups.Api.Networks;

public sealed class DeleteVpcRequest : CommonParameters
{
    /// <summary>Region of the VPC; optional (the VPC is found by ID in the caller's account).</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The VPC to delete. Required.</summary>
    /// <example>vpc-bp15zckdt37pq72zv0000</example>
    public string? VpcId { get; set; }

    /// <summary>Accepted; a VPC with vSwitches is refused either way.</summary>
    public bool? ForceDelete { get; set; }

    /// <summary>Check only: <c>DryRunOperation</c>.</summary>
    public bool? DryRun { get; set; }

    public string? ClientToken { get; set; }
}

public sealed class DeleteVpcValidator : AcsValidator<DeleteVpcRequest>
{
    public DeleteVpcValidator() => RuleFor(r => r.VpcId).Required();
}
