using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Tags;

namespace SecurityGroups.Api.Tags;

public class ListTagResourcesRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>Resource type: <c>securitygroup</c>. Required.</summary>
    /// <example>securitygroup</example>
    public string? ResourceType { get; set; }

    /// <summary>Only these resources, <c>ResourceId.N</c>, N = 1..50.</summary>
    public List<string>? ResourceId { get; set; }

    /// <summary>Only resources with every one of these tags (exact match).</summary>
    public List<TagParameter>? Tag { get; set; }

    /// <summary>Only resources with a tag of this key whose value is one of the values (<c>TagFilter.N.TagValues.M</c>).</summary>
    public List<TagFilterParameter>? TagFilter { get; set; }

    /// <summary>The NextToken of the previous page (50 tags per page).</summary>
    public string? NextToken { get; set; }
}

/// <summary>One <c>TagFilter.N</c>: <c>TagFilter.N.TagKey</c> and <c>TagFilter.N.TagValues.M</c>.</summary>
public sealed class TagFilterParameter
{
    public string? TagKey { get; set; }

    public List<string>? TagValues { get; set; }
}

public sealed class ListTagResourcesResponse : AcsResponse
{
    public string NextToken { get; init; } = "";

    public TagResourceList TagResources { get; init; } = new([]);

    public static ListTagResourcesResponse From(TagListing listing) => new()
    {
        NextToken = listing.NextToken ?? "",
        TagResources = new TagResourceList(listing.Items.Select(t => new TagResourceItem(t.ResourceId, t.ResourceType, t.TagKey, t.TagValue)).ToList()),
    };
}

public sealed record TagResourceList(IReadOnlyList<TagResourceItem> TagResource);

public sealed record TagResourceItem(string ResourceId, string ResourceType, string TagKey, string TagValue);

/// <summary>VPC 2016-04-28 ListTagResources: ECS's parameters and <c>MaxResults</c>.</summary>
public sealed class VpcListTagResourcesRequest : ListTagResourcesRequest
{
    /// <summary>Tags per page, 1-50: Accepted; no effect here (pages hold 50 tags; NextToken pages on).</summary>
    public int? MaxResults { get; set; }
}

public sealed class VpcListTagResourcesValidator : ListTagResourcesRules<VpcListTagResourcesRequest>
{
    public VpcListTagResourcesValidator() => RuleFor(r => r.MaxResults).InclusiveBetween(1, 50).Raises(AcsErrors.InvalidParameter);
}

public sealed class ListTagResourcesValidator : ListTagResourcesRules<ListTagResourcesRequest>;

/// <summary>The rules of ListTagResources on both APIs.</summary>
public abstract class ListTagResourcesRules<T> : AcsValidator<T>
    where T : ListTagResourcesRequest
{
    protected ListTagResourcesRules()
    {
        RuleFor(r => r.ResourceId).MaxItems(ListBounds.ResourceIds, AcsErrors.NumberExceedResourceIds);
        RuleFor(r => r.Tag).MaxItems(ListBounds.Tags, AcsErrors.NumberExceedTags);
        RuleFor(r => r.TagFilter).MaxItems(ListBounds.TagFilters, AcsErrors.InvalidParameterTooManyItems);
        RuleForEach(r => r.TagFilter).ChildRules(filter =>
            filter.RuleFor(f => f.TagValues).MaxItems(ListBounds.TagFilters, AcsErrors.InvalidParameterTooManyItems));
        RuleFor(r => r.RegionId).Required(AcsErrors.MissingParameterRegionIdTag);
        RuleFor(r => r.ResourceType).Required(AcsErrors.MissingParameterResourceType);
        RuleForEach(r => r.Tag).Must(t => !string.IsNullOrEmpty(t.Key)).Raises(AcsErrors.InvalidParameterTagValue);
        RuleForEach(r => r.TagFilter).Must(t => !string.IsNullOrEmpty(t.TagKey)).Raises(AcsErrors.InvalidTagKeyMalformed);
    }
}
