using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Instances;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Regions;
using SecurityGroups.Domain.SecurityGroups;

namespace SecurityGroups.Domain.Tags;

/// <summary>A tag and how many resources of each type carry it (DescribeTags).</summary>
public sealed record TagCount(string TagKey, string TagValue, IReadOnlyDictionary<string, int> ByResourceType);

/// <summary>A tagged resource (DescribeResourceByTags).</summary>
public sealed record TaggedResource(string ResourceId, string ResourceType, string RegionId);

/// <summary>
/// The legacy ECS tag Actions (AddTags, RemoveTags, DescribeTags, DescribeResourceByTags) over the same tag storage as
/// TagResources: one resource per call, and PageNumber/PageSize paging. Types stored here: <c>securitygroup</c>,
/// <c>instance</c>, <c>eni</c>, <c>disk</c> (system disks); the other types Alibaba documents are accepted and have no resources here.
/// </summary>
public sealed class LegacyTagService(EmulatorDbContext db, ICaller caller, RegionCatalog regions, TagService tags)
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 50;

    /// <summary>The types whose resources exist here.</summary>
    public static readonly IReadOnlyList<string> StoredTypes =
        [SecurityGroupService.ResourceType, InstanceService.ResourceType, InstanceService.EniResourceType, InstanceAttributeService.DiskResourceType];

    /// <summary>Every ResourceType of Alibaba's legacy tag Actions (lower case); any other is <c>InvalidResourceType.NotFound</c>.</summary>
    public static readonly IReadOnlyList<string> Types =
        [.. StoredTypes, "image", "snapshot", "volume", "ddh", "keypair", "launchtemplate", "reservedinstance", "snapshotpolicy"];

    public Task AddAsync(string regionId, string resourceType, string resourceId, IReadOnlyList<TagInput> add, CancellationToken ct) =>
        tags.TagAsync(regionId, resourceType, [resourceId], add, ct, Types);

    public Task RemoveAsync(string regionId, string resourceType, string resourceId, IReadOnlyList<TagInput> remove, CancellationToken ct) =>
        tags.RemoveAsync(regionId, resourceType, resourceId, remove, ct, Types);

    /// <summary>DescribeTags: the distinct tags of the matching resources, ordered by key and value, with per-type counts.</summary>
    public async Task<Page<TagCount>> DescribeTagsAsync(string regionId, string? resourceType, string? resourceId, IReadOnlyList<TagInput> filter,
        PageRequest page, CancellationToken ct)
    {
        var rows = await RowsAsync(regionId, resourceType, ct).ConfigureAwait(false);
        var matching = rows.Where(t => (string.IsNullOrEmpty(resourceId) || t.ResourceId == resourceId)
            && (filter.Count == 0 || filter.Any(f => f.Key == t.TagKey && (f.Value.Length == 0 || f.Value == t.TagValue))));
        var counts = matching.GroupBy(t => (t.TagKey, t.TagValue))
            .OrderBy(g => g.Key.TagKey, StringComparer.Ordinal).ThenBy(g => g.Key.TagValue, StringComparer.Ordinal)
            .Select(g => new TagCount(g.Key.TagKey, g.Key.TagValue, g.GroupBy(t => t.ResourceType).ToDictionary(x => x.Key, x => x.Count())))
            .ToList();
        return Paged(counts, page);
    }

    /// <summary>DescribeResourceByTags: the resources carrying every given tag (a tag without a value matches any value), by ID.</summary>
    public async Task<Page<TaggedResource>> DescribeResourcesAsync(string regionId, string? resourceType, IReadOnlyList<TagInput> filter, PageRequest page,
        CancellationToken ct)
    {
        var rows = await RowsAsync(regionId, resourceType, ct).ConfigureAwait(false);
        var resources = rows.GroupBy(t => (t.ResourceId, t.ResourceType))
            .Where(g => filter.All(f => g.Any(t => f.Key == t.TagKey && (f.Value.Length == 0 || f.Value == t.TagValue))))
            .OrderBy(g => g.Key.ResourceId, StringComparer.Ordinal)
            .Select(g => new TaggedResource(g.Key.ResourceId, g.Key.ResourceType, regionId))
            .ToList();
        return Paged(resources, page);
    }

    private async Task<List<ResourceTag>> RowsAsync(string regionId, string? resourceType, CancellationToken ct)
    {
        regions.Require(regionId);
        if (!string.IsNullOrEmpty(resourceType) && !Types.Contains(resourceType))
        {
            throw new AcsException(AcsErrors.InvalidResourceTypeNotFound);
        }

        var types = string.IsNullOrEmpty(resourceType) ? StoredTypes.ToList() : [resourceType];
        return await db.ResourceTags.AsNoTracking().Where(t => t.AccountId == caller.AccountId && t.RegionId == regionId && types.Contains(t.ResourceType))
            .ToListAsync(ct).ConfigureAwait(false);
    }

    private static Page<T> Paged<T>(List<T> items, PageRequest page) =>
        new(items.Skip(page.Skip).Take(page.PageSize).ToList(), items.Count, page.PageNumber, page.PageSize);
}
