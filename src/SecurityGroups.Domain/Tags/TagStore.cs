using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Quotas;

namespace SecurityGroups.Domain.Tags;

/// <summary>Tags of every resource type: validation (Alibaba's key and value rules, the per-resource quota), writes, reads, filters.</summary>
public sealed class TagStore(EmulatorDbContext db, IOptions<QuotaOptions> quotas)
{
    public const int MaxKeyLength = 128;
    public const int MaxValueLength = 128;

    /// <summary>Checks a request's <c>Tag.N</c> list: keys 1-128 characters, not <c>aliyun</c>/<c>acs:</c>, no URL; no duplicates.</summary>
    public void Validate(IReadOnlyList<TagInput> tags, AcsErrorCode? tooMany = null)
    {
        if (tags.Count > quotas.Value.TagsPerResource)
        {
            throw new AcsException(tooMany ?? AcsErrors.NumberExceedTags);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            if (!IsValidText(tag.Key, 1, MaxKeyLength) || tag.Key.StartsWith("aliyun", StringComparison.OrdinalIgnoreCase)
                || tag.Key.StartsWith("acs:", StringComparison.OrdinalIgnoreCase))
            {
                throw new AcsException(AcsErrors.InvalidTagKeyMalformed);
            }

            if (!IsValidText(tag.Value, 0, MaxValueLength))
            {
                throw new AcsException(AcsErrors.InvalidTagValueMalformed);
            }

            if (!seen.Add(tag.Key))
            {
                throw new AcsException(AcsErrors.DuplicateTagKey);
            }
        }
    }

    /// <summary>Adds the tags of a new resource (already validated).</summary>
    public void AddAll(string accountId, string regionId, string resourceType, string resourceId, IReadOnlyList<TagInput> tags)
    {
        foreach (var tag in tags)
        {
            db.ResourceTags.Add(new ResourceTag
            {
                ResourceId = resourceId,
                TagKey = tag.Key,
                TagValue = tag.Value,
                AccountId = accountId,
                RegionId = regionId,
                ResourceType = resourceType,
            });
        }
    }

    public Task RemoveAllAsync(string resourceId, CancellationToken ct) =>
        db.ResourceTags.Where(t => t.ResourceId == resourceId).ExecuteDeleteAsync(ct);

    /// <summary>The tags of each resource, in key order.</summary>
    public async Task<ILookup<string, ResourceTag>> ForAsync(IReadOnlyCollection<string> resourceIds, CancellationToken ct)
    {
        var tags = await db.ResourceTags.AsNoTracking().Where(t => resourceIds.Contains(t.ResourceId))
            .OrderBy(t => t.TagKey).ToListAsync(ct).ConfigureAwait(false);
        return tags.ToLookup(t => t.ResourceId);
    }

    /// <summary>IDs of the account's resources of a type carrying every given tag (a tag with an empty value matches any value).</summary>
    public IQueryable<string> Matching(string accountId, string resourceType, IReadOnlyList<TagInput> filter)
    {
        IQueryable<string>? ids = null;
        foreach (var tag in filter)
        {
            var key = tag.Key;
            var value = tag.Value;
            var matches = db.ResourceTags.Where(t => t.AccountId == accountId && t.ResourceType == resourceType && t.TagKey == key
                && (value == "" || t.TagValue == value)).Select(t => t.ResourceId);
            ids = ids is null ? matches : ids.Intersect(matches);
        }

        return ids ?? db.ResourceTags.Where(_ => false).Select(t => t.ResourceId);
    }

    private static bool IsValidText(string text, int min, int max) =>
        text.Length >= min && text.Length <= max
        && !text.Contains("http://", StringComparison.OrdinalIgnoreCase) && !text.Contains("https://", StringComparison.OrdinalIgnoreCase);
}
