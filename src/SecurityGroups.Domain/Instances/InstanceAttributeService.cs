using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Regions;

namespace SecurityGroups.Domain.Instances;

/// <summary>A system disk as DescribeDisks lists it: the instance it belongs to, and its tags.</summary>
public sealed record SystemDiskView(Instance Instance, IReadOnlyList<Tags.ResourceTag> Tags);

public sealed record DiskQuery(string RegionId, string? InstanceId, IReadOnlyList<string> DiskIds, string? ZoneId, string? DiskType,
    string? Category, string? Status, string? DiskName, PageRequest Page)
{
    /// <summary><c>Tag.N</c>: disks carrying every one of them (a key without a value: any value).</summary>
    public IReadOnlyList<Tags.TagInput> Tags { get; init; } = [];

    /// <summary>A system disk is in its instance's resource group.</summary>
    public string? ResourceGroupId { get; init; }

    /// <summary>A system disk is charged as its instance (<c>PostPaid</c> or <c>PrePaid</c>).</summary>
    public string? DiskChargeType { get; init; }

    /// <summary>Disks with this automatic snapshot policy.</summary>
    public string? AutoSnapshotPolicyId { get; init; }

    /// <summary>true: disks with an automatic snapshot policy; false: without one.</summary>
    public bool? EnableAutomatedSnapshotPolicy { get; init; }

    /// <summary>A filter on a property every system disk shows alike was set to another value: no disk matches.</summary>
    public bool MatchesNothing { get; init; }

    /// <summary><c>Filter.N</c> <c>CreationStartTime</c>: created (with its instance) at or after.</summary>
    public DateTime? CreatedFrom { get; init; }

    /// <summary><c>Filter.N</c> <c>CreationEndTime</c>: created at or before.</summary>
    public DateTime? CreatedTo { get; init; }

    public bool DryRun { get; init; }
}

/// <summary>
/// The read side of an instance beyond DescribeInstances, as Terraform's alicloud provider reads it: its system disk
/// (DescribeDisks), user data, attribute, RAM role, maintenance, auto-renew and private-pool attributes.
/// </summary>
public sealed class InstanceAttributeService(EmulatorDbContext db, ICaller caller, RegionCatalog regions, InstanceViews views, Tags.TagStore tags)
{
    public const string DiskResourceType = "disk";

    /// <summary>One instance of the caller (in the region when given), with its ENIs and tags; or <c>InvalidInstanceId.NotFound</c>.</summary>
    public async Task<InstanceView> InstanceAsync(string instanceId, string? regionId, CancellationToken ct)
    {
        if (regionId is not null)
        {
            regions.Require(regionId);
        }

        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct).ConfigureAwait(false);
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.AccountId == caller.AccountId && i.InstanceId == instanceId
            && (regionId == null || i.RegionId == regionId), ct).ConfigureAwait(false) ?? throw new AcsException(AcsErrors.InvalidInstanceIdNotFound);
        return (await views.InstancesAsync([instance], ct).ConfigureAwait(false))[0];
    }

    /// <summary>The caller's instances of the region among <paramref name="instanceIds"/>, in the order asked (unknown IDs are left
    /// out); none asked: every instance of the region, oldest first.</summary>
    public async Task<IReadOnlyList<Instance>> InstancesAsync(string regionId, IReadOnlyList<string> instanceIds, CancellationToken ct)
    {
        regions.Require(regionId);
        if (instanceIds.Count == 0)
        {
            return await db.Instances.AsNoTracking().Where(i => i.AccountId == caller.AccountId && i.RegionId == regionId)
                .OrderBy(i => i.CreatedAt).ThenBy(i => i.InstanceId).ToListAsync(ct).ConfigureAwait(false);
        }

        var found = await db.Instances.AsNoTracking().Where(i => i.AccountId == caller.AccountId && i.RegionId == regionId && instanceIds.Contains(i.InstanceId))
            .ToListAsync(ct).ConfigureAwait(false);
        return instanceIds.Distinct().Select(id => found.FirstOrDefault(i => i.InstanceId == id)).OfType<Instance>().ToList();
    }

    /// <summary>DescribeDisks: the system disks of the caller's instances in the region (data disks are not modelled).</summary>
    public async Task<Listing<SystemDiskView>> DisksAsync(DiskQuery query, CancellationToken ct)
    {
        regions.Require(query.RegionId);
        if (query.DryRun)
        {
            throw new AcsException(AcsErrors.DryRunOperation);
        }

        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct).ConfigureAwait(false);
        var tagged = tags.Matching(caller.AccountId, DiskResourceType, query.Tags);
        var instances = db.Instances.AsNoTracking().Where(i => i.AccountId == caller.AccountId && i.RegionId == query.RegionId)
            .WhereIf(query.MatchesNothing || query.DiskType is "data" || query.Status is { Length: > 0 } and not "In_use", _ => false)
            .WhereIf(!string.IsNullOrEmpty(query.ResourceGroupId), i => i.ResourceGroupId == query.ResourceGroupId)
            .WhereIf(!string.IsNullOrEmpty(query.DiskChargeType), i => i.InstanceChargeType == query.DiskChargeType)
            .WhereIf(query.Tags.Count > 0, i => tagged.Contains(i.SystemDiskId))
            .WhereIf(query.CreatedFrom.HasValue, i => i.CreatedAt >= query.CreatedFrom)
            .WhereIf(query.CreatedTo.HasValue, i => i.CreatedAt <= query.CreatedTo)
            .WhereIf(!string.IsNullOrEmpty(query.InstanceId), i => i.InstanceId == query.InstanceId)
            .WhereIf(query.DiskIds.Count > 0, i => query.DiskIds.Contains(i.SystemDiskId))
            .WhereIf(!string.IsNullOrEmpty(query.ZoneId), i => i.ZoneId == query.ZoneId)
            .WhereIf(!string.IsNullOrEmpty(query.Category), i => i.SystemDiskCategory == query.Category)
            .WhereIf(!string.IsNullOrEmpty(query.DiskName), i => i.SystemDiskName == query.DiskName)
            .WhereIf(!string.IsNullOrEmpty(query.AutoSnapshotPolicyId), i => i.SystemDiskAutoSnapshotPolicyId == query.AutoSnapshotPolicyId)
            .WhereIf(query.EnableAutomatedSnapshotPolicy == true, i => i.SystemDiskAutoSnapshotPolicyId != "")
            .WhereIf(query.EnableAutomatedSnapshotPolicy == false, i => i.SystemDiskAutoSnapshotPolicyId == "");

        var total = await instances.CountAsync(ct).ConfigureAwait(false);
        var page = await instances.OrderBy(i => i.CreatedAt).ThenBy(i => i.InstanceId).Skip(query.Page.Skip).Take(query.Page.PageSize)
            .ToListAsync(ct).ConfigureAwait(false);
        var tagLookup = await tags.ForAsync(page.Select(i => i.SystemDiskId).ToList(), ct).ConfigureAwait(false);
        return new Listing<SystemDiskView>(page.Select(i => new SystemDiskView(i, tagLookup[i.SystemDiskId].ToList())).ToList(), total, query.Page, null);
    }
}
