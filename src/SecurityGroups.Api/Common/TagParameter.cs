using SecurityGroups.Domain.Tags;

namespace SecurityGroups.Api.Common;

/// <summary>One <c>Tag.N</c> of a request: <c>Tag.N.Key</c> and <c>Tag.N.Value</c>.</summary>
public sealed class TagParameter
{
    public string? Key { get; set; }

    public string? Value { get; set; }

    public static IReadOnlyList<TagInput> ToInputs(List<TagParameter>? tags) =>
        tags is null ? [] : tags.Select(t => new TagInput(t.Key ?? "", t.Value ?? "")).ToList();
}

/// <summary>A tag in a VPC response (<c>Tags.Tag[]</c> with <c>Key</c>/<c>Value</c>).</summary>
public sealed record VpcTag(string Key, string Value);

/// <summary><c>{"Tag":[…]}</c>.</summary>
public sealed record VpcTags(IReadOnlyList<VpcTag> Tag)
{
    public static VpcTags From(IEnumerable<ResourceTag> tags) => new(tags.Select(t => new VpcTag(t.TagKey, t.TagValue)).ToList());
}
