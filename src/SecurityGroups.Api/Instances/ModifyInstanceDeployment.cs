using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Api.Instances;

public sealed class ModifyInstanceDeploymentRequest : CommonParameters
{
    /// <summary>Region of the instance. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The instance. Required.</summary>
    public string? InstanceId { get; set; }

    /// <summary>The deployment set to put the instance in (not checked against a deployment-set service); with
    /// <c>RemoveFromDeploymentSet</c>, the instance's own set. Absent: unchanged.</summary>
    public string? DeploymentSetId { get; set; }

    /// <summary>true: take the instance out of <c>DeploymentSetId</c> (its own set).</summary>
    public bool? RemoveFromDeploymentSet { get; set; }

    /// <summary>1-7: accepted, not stored (DescribeInstances shows 0).</summary>
    public int? DeploymentSetGroupNo { get; set; }

    /// <summary>Accepted, no effect (no host to change).</summary>
    public bool? Force { get; set; }

    /// <summary>Accepted, no effect (dedicated hosts are not modelled).</summary>
    public string? DedicatedHostId { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public string? DedicatedHostClusterId { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public string? Affinity { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public string? Tenancy { get; set; }

    /// <summary>Accepted, no effect (the type stays).</summary>
    public string? InstanceType { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public string? MigrationType { get; set; }

    /// <summary>Accepted, no effect (Terraform sends one; the SDK model has none).</summary>
    public string? ClientToken { get; set; }
}

public sealed class ModifyInstanceDeploymentValidator : AcsValidator<ModifyInstanceDeploymentRequest>
{
    public ModifyInstanceDeploymentValidator()
    {
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.InstanceId).Required();
        RuleFor(r => r.DeploymentSetGroupNo).InclusiveBetween(1, 7).Raises(AcsErrors.InvalidParameter);
        RuleFor(r => r.DeploymentSetId).Required().When(r => r.RemoveFromDeploymentSet == true);
        RuleFor(r => r.DeploymentSetId).DeploymentSetId();
    }
}
