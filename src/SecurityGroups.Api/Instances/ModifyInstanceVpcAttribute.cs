using Microsoft.Extensions.Options;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Quotas;

namespace SecurityGroups.Api.Instances;

public sealed class ModifyInstanceVpcAttributeRequest : CommonParameters
{
    /// <summary>A Stopped instance. Required.</summary>
    public string? InstanceId { get; set; }

    /// <summary>The new vSwitch, in the instance's zone and in its VPC (or in <c>VpcId</c>). Required.</summary>
    public string? VSwitchId { get; set; }

    /// <summary>The new primary private IP, from the vSwitch (default: a free one when the vSwitch changes).</summary>
    public string? PrivateIpAddress { get; set; }

    /// <summary>Another VPC to move the instance to (then <c>SecurityGroupId.N</c> of that VPC is required).</summary>
    public string? VpcId { get; set; }

    /// <summary>The instance's whole new set of groups, <c>SecurityGroupId.N</c>.</summary>
    public List<string>? SecurityGroupId { get; set; }
}

public sealed class ModifyInstanceVpcAttributeValidator : AcsValidator<ModifyInstanceVpcAttributeRequest>
{
    public ModifyInstanceVpcAttributeValidator(IOptions<QuotaOptions> quotas)
    {
        RuleFor(r => r.SecurityGroupId).MaxItems(_ => quotas.Value.SecurityGroupsPerNetworkInterface, AcsErrors.InstanceSecurityGroupLimitExceeded);
        RuleFor(r => r.InstanceId).Required();
        RuleFor(r => r.VSwitchId).Required();
    }
}
