using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Api.Tags;

public sealed class UntagResourcesRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>Resource type: <c>securitygroup</c>. Required.</summary>
    /// <example>securitygroup</example>
    public string? ResourceType { get; set; }

    /// <summary>Resource IDs, <c>ResourceId.N</c>, N = 1..50. Required.</summary>
    public List<string>? ResourceId { get; set; }

    /// <summary>Keys to remove, <c>TagKey.N</c>, N = 1..20.</summary>
    public List<string>? TagKey { get; set; }

    /// <summary>Remove every tag of the resources.</summary>
    public bool? All { get; set; }
}

public sealed class UntagResourcesValidator : AcsValidator<UntagResourcesRequest>
{
    public UntagResourcesValidator()
    {
        RuleFor(r => r.ResourceId).MaxItems(ListBounds.ResourceIds, AcsErrors.NumberExceedResourceIds);
        RuleFor(r => r.TagKey).MaxItems(ListBounds.Tags, AcsErrors.NumberExceedTagKeys);
        RuleFor(r => r.RegionId).Required(AcsErrors.MissingParameterRegionIdTag);
        RuleFor(r => r.ResourceType).Required(AcsErrors.MissingParameterResourceType);
        RuleFor(r => r.ResourceId).Required(AcsErrors.MissingParameterResourceIds);
    }
}
