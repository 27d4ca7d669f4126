using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Api.Tags;

public sealed class TagResourcesRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>Resource type: <c>securitygroup</c>. Required.</summary>
    /// <example>securitygroup</example>
    public string? ResourceType { get; set; }

    /// <summary>Resource IDs, <c>ResourceId.N</c>, N = 1..50. Required.</summary>
    public List<string>? ResourceId { get; set; }

    /// <summary>Tags to add or overwrite, <c>Tag.N.Key</c> / <c>Tag.N.Value</c>, N = 1..20. Required.</summary>
    public List<TagParameter>? Tag { get; set; }
}

public sealed class TagResourcesValidator : AcsValidator<TagResourcesRequest>
{
    public TagResourcesValidator()
    {
        RuleFor(r => r.ResourceId).MaxItems(ListBounds.ResourceIds, AcsErrors.NumberExceedResourceIds);
        RuleFor(r => r.Tag).MaxItems(ListBounds.Tags, AcsErrors.NumberExceedTags);
        RuleFor(r => r.RegionId).Required(AcsErrors.MissingParameterRegionIdTag);
        RuleFor(r => r.ResourceType).Required(AcsErrors.MissingParameterResourceType);
        RuleFor(r => r.ResourceId).Required(AcsErrors.MissingParameterResourceIds);
        RuleFor(r => r.Tag).Required(AcsErrors.MissingParameterTags);
        RuleForEach(r => r.Tag).Must(t => !string.IsNullOrEmpty(t.Key)).Raises(AcsErrors.InvalidTagKeyMalformed);
    }
}
