using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;

namespace SecurityGroups.Api.Instances;

public sealed class ModifyInstanceMetadataOptionsRequest : CommonParameters
{
    /// <summary>Region of the instance. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The instance. Required.</summary>
    public string? InstanceId { get; set; }

    /// <summary><c>enabled</c> or <c>disabled</c>: the metadata access channel. Required.</summary>
    /// <example>enabled</example>
    public string? HttpEndpoint { get; set; }

    /// <summary><c>optional</c> or <c>required</c> (security-hardened mode only); absent: unchanged.</summary>
    public string? HttpTokens { get; set; }

    /// <summary>1-64; absent: unchanged.</summary>
    public int? HttpPutResponseHopLimit { get; set; }

    /// <summary><c>enabled</c> or <c>disabled</c>: tags in the metadata; absent: unchanged.</summary>
    public string? InstanceMetadataTags { get; set; }
}

public sealed class ModifyInstanceMetadataOptionsValidator : AcsValidator<ModifyInstanceMetadataOptionsRequest>
{
    public ModifyInstanceMetadataOptionsValidator()
    {
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.InstanceId).Required();
        RuleFor(r => r.HttpEndpoint).Required();
    }
}
