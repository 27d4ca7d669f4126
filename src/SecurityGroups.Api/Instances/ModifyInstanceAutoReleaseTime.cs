using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;

namespace SecurityGroups.Api.Instances;

public sealed class ModifyInstanceAutoReleaseTimeRequest : CommonParameters
{
    /// <summary>Accepted; when given, the instance must be in it.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>A pay-as-you-go instance. Required.</summary>
    public string? InstanceId { get; set; }

    /// <summary>UTC <c>yyyy-MM-ddTHH:mm:ssZ</c>, 30 minutes to 3 years ahead (seconds dropped); absent or empty: no automatic release.</summary>
    public string? AutoReleaseTime { get; set; }
}

public sealed class ModifyInstanceAutoReleaseTimeValidator : AcsValidator<ModifyInstanceAutoReleaseTimeRequest>
{
    public ModifyInstanceAutoReleaseTimeValidator() => RuleFor(r => r.InstanceId).Required();
}
