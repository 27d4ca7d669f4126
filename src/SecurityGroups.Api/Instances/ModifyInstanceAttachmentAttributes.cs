using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Api.Instances;

public sealed class ModifyInstanceAttachmentAttributesRequest : CommonParameters
{
    /// <summary>Region of the instance. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The instance. Required.</summary>
    public string? InstanceId { get; set; }

    /// <summary><c>PrivatePoolOptions.MatchCriteria</c> (required: <c>Open</c>, <c>Target</c> or <c>None</c>) and <c>PrivatePoolOptions.Id</c>
    /// (required for <c>Target</c>, dropped otherwise; pools are not modelled, any ID is taken).</summary>
    public PrivatePoolOptionsParameter? PrivatePoolOptions { get; set; }

    internal string? MatchCriteria => PrivatePoolOptions?.MatchCriteria;
}

public sealed class ModifyInstanceAttachmentAttributesValidator : AcsValidator<ModifyInstanceAttachmentAttributesRequest>
{
    public ModifyInstanceAttachmentAttributesValidator()
    {
        RuleFor(r => r.RegionId).Required(AcsErrors.MissingRegionId);
        RuleFor(r => r.InstanceId).Required();
        RuleFor(r => r.MatchCriteria).Required().OverridePropertyName("PrivatePoolOptions.MatchCriteria");
    }
}
