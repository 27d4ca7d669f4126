using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Api.Networks;

public sealed class ModifyVpcAttributeRequest : CommonParameters
{
    /// <summary>Region of the VPC. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The VPC. Required.</summary>
    public string? VpcId { get; set; }

    /// <summary>1-128 characters, not starting with http:// or https://.</summary>
    public string? VpcName { get; set; }

    /// <summary>1-256 characters, not starting with http:// or https://.</summary>
    public string? Description { get; set; }

    /// <summary>A new primary IPv4 block (/8-/28) that still contains every vSwitch of the VPC.</summary>
    public string? CidrBlock { get; set; }

    /// <summary>true: gives a VPC without IPv6 a random /56; false: accepted, no effect (IPv6 is never taken away here).</summary>
    public bool? EnableIPv6 { get; set; }

    /// <summary>Accepted, no effect: the emulator picks the /56.</summary>
    public string? Ipv6CidrBlock { get; set; }

    /// <summary>Accepted and ignored: IPv6 is not emulated.</summary>
    public string? Ipv6Isp { get; set; }

    /// <summary>Accepted and ignored: <c>DnsHostnameStatus</c> stays <c>DISABLED</c>.</summary>
    public bool? EnableDnsHostname { get; set; }
}

public sealed class ModifyVpcAttributeValidator : AcsValidator<ModifyVpcAttributeRequest>
{
    public ModifyVpcAttributeValidator()
    {
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.VpcId).Required();
        RuleFor(r => r.VpcName).AcsText(1, 128).Raises(AcsErrors.InvalidVpcNameMalformed);
        RuleFor(r => r.Description).AcsText(1, 256).Raises(AcsErrors.InvalidVpcDescriptionMalformed);
    }
}
