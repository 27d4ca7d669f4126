using Microsoft.Extensions.Options;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Quotas;

namespace SecurityGroups.Api.Networks;

public sealed class CreateVpcRequest : CommonParameters
{
    /// <summary>Region of the VPC, e.g. <c>cn-hangzhou</c>. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>IPv4 block, /8 to /28, e.g. <c>192.168.0.0/16</c>. Default <c>172.16.0.0/12</c>.</summary>
    /// <example>192.168.0.0/16</example>
    public string? CidrBlock { get; set; }

    /// <summary>1-128 characters, not starting with http:// or https://.</summary>
    /// <example>my-vpc</example>
    public string? VpcName { get; set; }

    /// <summary>1-256 characters, not starting with http:// or https://.</summary>
    public string? Description { get; set; }

    /// <summary>Resource group, e.g. <c>rg-acfmxazb4ph6aiy</c>.</summary>
    public string? ResourceGroupId { get; set; }

    /// <summary>Idempotency token (ASCII, at most 64 characters): a retry returns the first response.</summary>
    public string? ClientToken { get; set; }

    /// <summary>Check only: <c>DryRunOperation</c> when the request would succeed.</summary>
    public bool? DryRun { get; set; }

    /// <summary>true: the VPC gets a random IPv6 /56 (shown as <c>Ipv6CidrBlock</c> and <c>Ipv6CidrBlocks</c>), which its vSwitches can
    /// take /64s of (CreateVSwitch <c>Ipv6CidrBlock</c>).</summary>
    public bool? EnableIpv6 { get; set; }

    /// <summary>Accepted and ignored.</summary>
    public string? UserCidr { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public bool? EnableDnsHostname { get; set; }

    /// <summary>Accepted, no effect (no IPAM pools here; give CidrBlock).</summary>
    public int? Ipv4CidrMask { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public string? Ipv4IpamPoolId { get; set; }

    /// <summary>Accepted, no effect: the emulator picks the /56 (EnableIpv6).</summary>
    public string? Ipv6CidrBlock { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public int? Ipv6CidrMask { get; set; }

    /// <summary>Accepted, no effect.</summary>
    public string? Ipv6IpamPoolId { get; set; }

    /// <summary>Accepted, no effect (always BGP).</summary>
    public string? Ipv6Isp { get; set; }

    /// <summary>Tags, <c>Tag.N.Key</c> / <c>Tag.N.Value</c>, N = 1..20.</summary>
    public List<TagParameter>? Tag { get; set; }
}

public sealed class CreateVpcResponse : AcsResponse
{
    public string VpcId { get; init; } = "";

    public string VRouterId { get; init; } = "";

    public string RouteTableId { get; init; } = "";

    public string ResourceGroupId { get; init; } = "";
}

public sealed class CreateVpcValidator : AcsValidator<CreateVpcRequest>
{
    public CreateVpcValidator(IOptions<QuotaOptions> quotas)
    {
        RuleFor(r => r.Tag).MaxItems(_ => quotas.Value.TagsPerResource, AcsErrors.NumberExceedTags);
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.VpcName).AcsText(1, 128).Raises(AcsErrors.InvalidVpcNameMalformed);
        RuleFor(r => r.Description).AcsText(1, 256).Raises(AcsErrors.InvalidVpcDescriptionMalformed);
    }
}
