using Microsoft.Extensions.Options;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Quotas;

namespace SecurityGroups.Api.Networks;

public sealed class CreateVSwitchRequest : CommonParameters
{
    /// <summary>Region; optional (taken from the VPC).</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The VPC. Required.</summary>
    /// <example>vpc-bp15zckdt37pq72zv0000</example>
    public string? VpcId { get; set; }

    /// <summary>Zone of the region, e.g. <c>cn-hangzhou-h</c>. Required.</summary>
    /// <example>cn-hangzhou-h</example>
    public string? ZoneId { get; set; }

    /// <summary>IPv4 block inside the VPC's, /16 to /29, not overlapping another vSwitch. Required.</summary>
    /// <example>192.168.1.0/24</example>
    public string? CidrBlock { get; set; }

    /// <summary>1-128 characters, not starting with http:// or https://.</summary>
    /// <example>my-vswitch</example>
    public string? VSwitchName { get; set; }

    /// <summary>1-256 characters, not starting with http:// or https://.</summary>
    public string? Description { get; set; }

    /// <summary>Idempotency token: a retry returns the first response.</summary>
    public string? ClientToken { get; set; }

    /// <summary>Check only: <c>DryRunOperation</c>.</summary>
    public bool? DryRun { get; set; }

    /// <summary>0-255: the number of the vSwitch's IPv6 /64 inside its VPC's /56 (the VPC must have IPv6); ENIs of the vSwitch can then
    /// take IPv6 addresses.</summary>
    public int? Ipv6CidrBlock { get; set; }

    /// <summary>Accepted, no effect (no IPAM pools here; give CidrBlock).</summary>
    public int? CidrMask { get; set; }

    /// <summary>Accepted, no effect (a vSwitch's IPv6 block is always a /64).</summary>
    public int? Ipv6CidrMask { get; set; }

    /// <summary>Accepted, no effect (a VPC has one IPv6 block here).</summary>
    public string? VpcIpv6CidrBlock { get; set; }

    /// <summary>Tags, <c>Tag.N.Key</c> / <c>Tag.N.Value</c>.</summary>
    public List<TagParameter>? Tag { get; set; }
}

public sealed class CreateVSwitchResponse : AcsResponse
{
    public string VSwitchId { get; init; } = "";
}

public sealed class CreateVSwitchValidator : AcsValidator<CreateVSwitchRequest>
{
    public CreateVSwitchValidator(IOptions<QuotaOptions> quotas)
    {
        RuleFor(r => r.Tag).MaxItems(_ => quotas.Value.TagsPerResource, AcsErrors.NumberExceedTags);
        RuleFor(r => r.VpcId).Required();
        RuleFor(r => r.ZoneId).Required();
        RuleFor(r => r.CidrBlock).Required();
        RuleFor(r => r.VSwitchName).AcsText(1, 128).Raises(AcsErrors.InvalidVSwitchNameMalformed);
        RuleFor(r => r.Description).AcsText(1, 256).Raises(AcsErrors.InvalidVSwitchDescriptionMalformed);
    }
}
