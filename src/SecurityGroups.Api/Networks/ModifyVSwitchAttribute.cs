using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Api.Networks;

public sealed class ModifyVSwitchAttributeRequest : CommonParameters
{
    /// <summary>Region; optional (the vSwitch is found by ID in the caller's account).</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The vSwitch. Required.</summary>
    public string? VSwitchId { get; set; }

    /// <summary>1-128 characters, not starting with http:// or https://.</summary>
    public string? VSwitchName { get; set; }

    /// <summary>1-256 characters, not starting with http:// or https://.</summary>
    public string? Description { get; set; }

    /// <summary>true: gives the vSwitch the IPv6 /64 numbered <c>Ipv6CidrBlock</c> (required then) of its VPC's /56; false: accepted,
    /// no effect (IPv6 is never taken away here).</summary>
    public bool? EnableIPv6 { get; set; }

    /// <summary>0-255, with <c>EnableIPv6=true</c>.</summary>
    public int? Ipv6CidrBlock { get; set; }

    /// <summary>Accepted, no effect (a VPC has one IPv6 block here).</summary>
    public string? VpcIpv6CidrBlock { get; set; }

    /// <summary>Accepted, no effect (always /64).</summary>
    public int? Ipv6CidrMask { get; set; }
}

public sealed class ModifyVSwitchAttributeValidator : AcsValidator<ModifyVSwitchAttributeRequest>
{
    public ModifyVSwitchAttributeValidator()
    {
        RuleFor(r => r.VSwitchId).Required();
        RuleFor(r => r.VSwitchName).AcsText(1, 128).Raises(AcsErrors.InvalidVSwitchNameMalformed);
        RuleFor(r => r.Description).AcsText(1, 256).Raises(AcsErrors.InvalidVSwitchDescriptionMalformed);
    }
}
