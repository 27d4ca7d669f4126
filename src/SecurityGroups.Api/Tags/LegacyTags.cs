using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Tags;

namespace SecurityGroups.Api.Tags;

/// <summary>AddTags and RemoveTags: one resource, <c>Tag.N</c>.</summary>
public class LegacyTagRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>
    /// Resource type, lower case: <c>securitygroup</c>, <c>instance</c>, <c>eni</c> (stored here); <c>disk</c>, <c>image</c>, <c>snapshot</c>
    /// and Alibaba's other legacy types are accepted and have no resources here. Required.
    /// </summary>
    /// <example>securitygroup</example>
    public string? ResourceType { get; set; }

    /// <summary>The resource. Required.</summary>
    public string? ResourceId { get; set; }

    /// <summary><c>Tag.N.Key</c> / <c>Tag.N.Value</c>, N = 1..20. Required.</summary>
    public List<TagParameter>? Tag { get; set; }
}

public sealed class AddTagsRequest : LegacyTagRequest;

/// <summary>RemoveTags: a <c>Tag.N</c> without a value removes the key whatever its value.</summary>
public sealed class RemoveTagsRequest : LegacyTagRequest;

/// <summary>The checks AddTags and RemoveTags share.</summary>
public abstract class LegacyTagValidator<T> : AcsValidator<T>
    where T : LegacyTagRequest
{
    protected LegacyTagValidator()
    {
        RuleFor(r => r.Tag).MaxItems(ListBounds.Tags, AcsErrors.NumberExceedTags);
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.ResourceType).Required();
        RuleFor(r => r.ResourceId).Required();
        RuleFor(r => r.Tag).Required();
        RuleForEach(r => r.Tag).Must(t => !string.IsNullOrEmpty(t.Key)).Raises(AcsErrors.InvalidTagKeyMalformed);
    }
}

public sealed class AddTagsValidator : LegacyTagValidator<AddTagsRequest>;

public sealed class RemoveTagsValidator : LegacyTagValidator<RemoveTagsRequest>;

public sealed class DescribeTagsRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>Only tags of this type (lower case); absent: <c>securitygroup</c>, <c>instance</c> and <c>eni</c>.</summary>
    public string? ResourceType { get; set; }

    /// <summary>Only the tags of this resource.</summary>
    public string? ResourceId { get; set; }

    /// <summary>Only these tags, <c>Tag.N.Key</c> (and <c>Tag.N.Value</c>: then that value only), N = 1..20.</summary>
    public List<TagParameter>? Tag { get; set; }

    /// <summary><c>Custom</c> or <c>System</c>: accepted, no effect here (every tag is a custom tag).</summary>
    public string? Category { get; set; }

    /// <summary>Page, from 1 (default 1).</summary>
    public int? PageNumber { get; set; }

    /// <summary>Tags per page, 1-100 (default 50).</summary>
    public int? PageSize { get; set; }
}

public sealed class DescribeTagsValidator : AcsValidator<DescribeTagsRequest>
{
    public DescribeTagsValidator()
    {
        RuleFor(r => r.Tag).MaxItems(ListBounds.Tags, AcsErrors.NumberExceedTags);
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.Category).OneOf("Custom", "System").Raises(AcsErrors.InvalidParameter);
    }
}

public sealed class DescribeResourceByTagsRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>Only resources of this type (lower case); absent: <c>securitygroup</c>, <c>instance</c> and <c>eni</c>.</summary>
    public string? ResourceType { get; set; }

    /// <summary>Resources carrying every one of these tags (a tag without a value: any value), N = 1..20.</summary>
    public List<TagParameter>? Tag { get; set; }

    /// <summary>Page, from 1 (default 1).</summary>
    public int? PageNumber { get; set; }

    /// <summary>Resources per page, 1-100 (default 50).</summary>
    public int? PageSize { get; set; }
}

public sealed class DescribeResourceByTagsValidator : AcsValidator<DescribeResourceByTagsRequest>
{
    public DescribeResourceByTagsValidator()
    {
        RuleFor(r => r.Tag).MaxItems(ListBounds.Tags, AcsErrors.NumberExceedTags);
        RuleFor(r => r.RegionId).Required();
    }
}

/// <summary>Resources per type carrying a tag; the types the model names, zero where none is stored here.</summary>
public sealed record ResourceTypeCount(int Instance, int Disk, int Volume, int Image, int Snapshot, int Securitygroup, int LaunchTemplate, int Eni,
    int Ddh, int KeyPair, int SnapshotPolicy, int ReservedInstance)
{
    public static ResourceTypeCount From(IReadOnlyDictionary<string, int> counts)
    {
        int Of(string type) => counts.TryGetValue(type, out var n) ? n : 0;
        return new(Of("instance"), Of("disk"), Of("volume"), Of("image"), Of("snapshot"), Of("securitygroup"), Of("launchtemplate"), Of("eni"),
            Of("ddh"), Of("keypair"), Of("snapshotpolicy"), Of("reservedinstance"));
    }
}

public sealed record DescribeTagsItem(string TagKey, string TagValue, ResourceTypeCount ResourceTypeCount);

public sealed record DescribeTagsList(IReadOnlyList<DescribeTagsItem> Tag);

public sealed class DescribeTagsResponse(Page<TagCount> page) : PagedResponse<TagCount>(page)
{
    public DescribeTagsList Tags { get; } =
        new(page.Items.Select(t => new DescribeTagsItem(t.TagKey, t.TagValue, ResourceTypeCount.From(t.ByResourceType))).ToList());
}

public sealed record TaggedResourceItem(string ResourceId, string ResourceType, string RegionId);

public sealed record TaggedResourceList(IReadOnlyList<TaggedResourceItem> Resource);

public sealed class DescribeResourceByTagsResponse(Page<TaggedResource> page) : PagedResponse<TaggedResource>(page)
{
    public TaggedResourceList Resources { get; } =
        new(page.Items.Select(r => new TaggedResourceItem(r.ResourceId, r.ResourceType, r.RegionId)).ToList());
}
