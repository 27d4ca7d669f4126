using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Instances;
using SecurityGroups.Domain.Lists;
using SecurityGroups.Domain.Networks;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Quotas;
using SecurityGroups.Domain.Regions;
using SecurityGroups.Domain.SecurityGroups;

namespace SecurityGroups.Domain.Tags;

/// <summary>A tag filter of ListTagResources: a key and the values any one of which matches (none: any value).</summary>
public sealed record TagFilterInput(string Key, IReadOnlyList<string> Values);

public sealed record TagListing(IReadOnlyList<ResourceTag> Items, string? NextToken);

/// <summary>TagResources, UntagResources and ListTagResources over the resource types that carry ECS tags.</summary>
public sealed class TagService(EmulatorDbContext db, WriteGate gate, ICaller caller, RegionCatalog regions, TagStore store, IOptions<QuotaOptions> quotas)
{
    public const int MaxResourceIds = 50;
    public const int MaxTagsPerRequest = 20;
    public const int PageSize = 50;

    /// <summary>The ECS resource types that can be tagged here.</summary>
    public static readonly IReadOnlyList<string> ResourceTypes =
        [SecurityGroupService.ResourceType, PrefixListService.ResourceType, PortRangeListService.ResourceType, InstanceService.ResourceType, InstanceService.EniResourceType,
            InstanceAttributeService.DiskResourceType];

    /// <summary>The VPC API's taggable types (its TagResources, UnTagResources, ListTagResources).</summary>
    public static readonly IReadOnlyList<string> VpcResourceTypes = [VpcService.ResourceType, VSwitchService.ResourceType];

    public Task TagAsync(string regionId, string resourceType, IReadOnlyList<string> resourceIds, IReadOnlyList<TagInput> tags, CancellationToken ct,
        IReadOnlyList<string>? types = null)
    {
        Check(regionId, resourceType, resourceIds, types);
        if (tags.Count > MaxTagsPerRequest)
        {
            throw new AcsException(AcsErrors.NumberExceedTags);
        }

        store.Validate(tags, AcsErrors.NumberExceedTags);
        return gate.RunAsync(db, async c =>
        {
            await RequireResourcesAsync(regionId, resourceType, resourceIds, c).ConfigureAwait(false);
            var existing = await db.ResourceTags.Where(t => resourceIds.Contains(t.ResourceId)).ToListAsync(c).ConfigureAwait(false);
            foreach (var id in resourceIds.Distinct())
            {
                var mine = existing.Where(t => t.ResourceId == id).ToDictionary(t => t.TagKey, StringComparer.Ordinal);
                if (mine.Count + tags.Count(t => !mine.ContainsKey(t.Key)) > quotas.Value.TagsPerResource)
                {
                    throw new AcsException(AcsErrors.OperationDeniedQuotaExceed);
                }

                foreach (var tag in tags)
                {
                    if (mine.TryGetValue(tag.Key, out var current))
                    {
                        current.TagValue = tag.Value;
                    }
                    else
                    {
                        store.AddAll(caller.AccountId, regionId, resourceType, id, [tag]);
                    }
                }
            }
        }, ct);
    }

    public Task UntagAsync(string regionId, string resourceType, IReadOnlyList<string> resourceIds, IReadOnlyList<string> keys, bool all, CancellationToken ct,
        IReadOnlyList<string>? types = null)
    {
        Check(regionId, resourceType, resourceIds, types);
        if (keys.Count > MaxTagsPerRequest)
        {
            throw new AcsException(AcsErrors.NumberExceedTagKeys);
        }

        return gate.RunAsync(db, async c =>
        {
            await RequireResourcesAsync(regionId, resourceType, resourceIds, c).ConfigureAwait(false);
            var tags = db.ResourceTags.Where(t => t.AccountId == caller.AccountId && resourceIds.Contains(t.ResourceId))
                .WhereIf(!all, t => keys.Contains(t.TagKey));

            if (all || keys.Count > 0)
            {
                await tags.ExecuteDeleteAsync(c).ConfigureAwait(false);
            }
        }, ct);
    }

    /// <summary>RemoveTags: removes each given key from one resource, only where the value matches when a value is given.</summary>
    public Task RemoveAsync(string regionId, string resourceType, string resourceId, IReadOnlyList<TagInput> tags, CancellationToken ct,
        IReadOnlyList<string> types)
    {
        Check(regionId, resourceType, [resourceId], types);
        if (tags.Count > MaxTagsPerRequest)
        {
            throw new AcsException(AcsErrors.NumberExceedTags);
        }

        return gate.RunAsync(db, async c =>
        {
            await RequireResourcesAsync(regionId, resourceType, [resourceId], c).ConfigureAwait(false);
            var current = await db.ResourceTags.Where(t => t.AccountId == caller.AccountId && t.ResourceId == resourceId).ToListAsync(c).ConfigureAwait(false);
            db.ResourceTags.RemoveRange(current.Where(t => tags.Any(g => g.Key == t.TagKey && (g.Value.Length == 0 || g.Value == t.TagValue))));
        }, ct);
    }

    public async Task<TagListing> ListAsync(string regionId, string resourceType, IReadOnlyList<string> resourceIds, IReadOnlyList<TagInput> tags,
        IReadOnlyList<TagFilterInput> filters, string? nextToken, CancellationToken ct, IReadOnlyList<string>? types = null)
    {
        regions.Require(regionId);
        RequireType(resourceType, types);
        if (resourceIds.Count > MaxResourceIds)
        {
            throw new AcsException(AcsErrors.NumberExceedResourceIds);
        }

        var offset = nextToken is { Length: > 0 } ? ParseOffset(nextToken) : 0;
        var tagged = store.Matching(caller.AccountId, resourceType, tags);
        var rows = db.ResourceTags.AsNoTracking().Where(t => t.AccountId == caller.AccountId && t.RegionId == regionId && t.ResourceType == resourceType)
            .WhereIf(resourceIds.Count > 0, t => resourceIds.Contains(t.ResourceId))
            .WhereIf(tags.Count > 0, t => tagged.Contains(t.ResourceId));

        foreach (var filter in filters)
        {
            var key = filter.Key;
            var values = filter.Values;
            var matching = db.ResourceTags.Where(t => t.AccountId == caller.AccountId && t.ResourceType == resourceType && t.TagKey == key
                && (values.Count == 0 || values.Contains(t.TagValue))).Select(t => t.ResourceId);
            rows = rows.Where(t => matching.Contains(t.ResourceId));
        }

        var window = await rows.OrderBy(t => t.ResourceId).ThenBy(t => t.TagKey).Skip(offset).Take(PageSize + 1).ToListAsync(ct).ConfigureAwait(false);
        var more = window.Count > PageSize;
        return new TagListing(more ? window.GetRange(0, PageSize) : window,
            more ? PageTokens.Encode("tag", (offset + PageSize).ToString(System.Globalization.CultureInfo.InvariantCulture)) : null);
    }

    private void Check(string regionId, string resourceType, IReadOnlyList<string> resourceIds, IReadOnlyList<string>? types)
    {
        regions.Require(regionId);
        RequireType(resourceType, types);
        if (resourceIds.Count > MaxResourceIds)
        {
            throw new AcsException(AcsErrors.NumberExceedResourceIds);
        }
    }

    private static void RequireType(string resourceType, IReadOnlyList<string>? types)
    {
        if (!(types ?? ResourceTypes).Contains(resourceType))
        {
            throw new AcsException(AcsErrors.InvalidResourceTypeNotFound);
        }
    }

    private static int ParseOffset(string token) =>
        int.TryParse(PageTokens.Decode("tag", token), out var offset) && offset >= 0 ? offset : throw new AcsException(AcsErrors.InvalidParameterNextToken);

    private async Task RequireResourcesAsync(string regionId, string resourceType, IReadOnlyList<string> resourceIds, CancellationToken ct)
    {
        var wanted = resourceIds.Distinct().ToList();
        var found = resourceType switch
        {
            SecurityGroupService.ResourceType => await db.SecurityGroups.CountAsync(g => g.AccountId == caller.AccountId && g.RegionId == regionId
                && wanted.Contains(g.SecurityGroupId), ct).ConfigureAwait(false),
            PrefixListService.ResourceType => await db.PrefixLists.CountAsync(l => l.AccountId == caller.AccountId && l.RegionId == regionId
                && wanted.Contains(l.PrefixListId), ct).ConfigureAwait(false),
            PortRangeListService.ResourceType => await db.PortRangeLists.CountAsync(l => l.AccountId == caller.AccountId && l.RegionId == regionId
                && wanted.Contains(l.PortRangeListId), ct).ConfigureAwait(false),
            InstanceService.ResourceType => await db.Instances.CountAsync(i => i.AccountId == caller.AccountId && i.RegionId == regionId
                && wanted.Contains(i.InstanceId), ct).ConfigureAwait(false),
            InstanceService.EniResourceType => await db.NetworkInterfaces.CountAsync(e => e.AccountId == caller.AccountId && e.RegionId == regionId
                && wanted.Contains(e.NetworkInterfaceId), ct).ConfigureAwait(false),
            InstanceAttributeService.DiskResourceType => await db.Instances.CountAsync(i => i.AccountId == caller.AccountId && i.RegionId == regionId
                && wanted.Contains(i.SystemDiskId), ct).ConfigureAwait(false),
            VpcService.ResourceType => await db.Vpcs.CountAsync(v => v.AccountId == caller.AccountId && v.RegionId == regionId
                && wanted.Contains(v.VpcId), ct).ConfigureAwait(false),
            VSwitchService.ResourceType => await db.VSwitches.CountAsync(v => v.AccountId == caller.AccountId && v.RegionId == regionId
                && wanted.Contains(v.VSwitchId), ct).ConfigureAwait(false),
            _ => 0,
        };
        if (found != wanted.Count)
        {
            throw new AcsException(AcsErrors.InvalidResourceIdNotFound);
        }
    }
}
