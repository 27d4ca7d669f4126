using SecurityGroups.Domain.Tags;

namespace SecurityGroups.Api.Common;

/// <summary>A tag in an ECS response (<c>Tags.Tag[]</c> with <c>TagKey</c>/<c>TagValue</c>).</summary>
public sealed record EcsTag(string TagKey, string TagValue);

/// <summary><c>{"Tag":[…]}</c>.</summary>
public sealed record EcsTags(IReadOnlyList<EcsTag> Tag)
{
    public static EcsTags From(IEnumerable<ResourceTag> tags) => new(tags.Select(t => new EcsTag(t.TagKey, t.TagValue)).ToList());
}
