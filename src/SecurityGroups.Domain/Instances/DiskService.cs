using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Compute;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Regions;

namespace SecurityGroups.Domain.Instances;

/// <summary>ModifyDiskAttribute: what to change on each disk; null keeps the value. The booleans the emulator does not store
/// (<see cref="DiskService.ModifyAttributeAsync"/>) are accepted only with the value every system disk shows.</summary>
public sealed record ModifyDiskAttributeCommand(string? RegionId, IReadOnlyList<string> DiskIds, string? DiskName, string? Description)
{
    public bool? DeleteWithInstance { get; init; }

    public bool? DeleteAutoSnapshot { get; init; }

    public bool? EnableAutoSnapshot { get; init; }

    public bool? BurstingEnabled { get; init; }
}

/// <summary>ResizeDisk: the new size in GiB and <c>online</c> or <c>offline</c> (both take effect at once here).</summary>
public sealed record ResizeDiskCommand(string DiskId, int NewSize, string? Type);

/// <summary>ModifyDiskSpec: a new category and/or ESSD performance level.</summary>
public sealed record ModifyDiskSpecCommand(string DiskId, string? DiskCategory, string? PerformanceLevel, long? ProvisionedIops, bool DryRun);

/// <summary>
/// The system disks' own Actions. A disk is its instance's system disk (<see cref="Instance.SystemDiskId"/>): it is found
/// by ID among the caller's instances (another account's disk is not found), and each Action is one transaction.
/// </summary>
public sealed partial class DiskService(EmulatorDbContext db, WriteGate gate, ICaller caller, RegionCatalog regions, ComputeCatalog compute)
{
    public static readonly IReadOnlyList<string> PerformanceLevels = ["PL0", "PL1", "PL2", "PL3"];

    /// <summary>Alibaba's limit for a system disk's size beside the configured maximum (GiB).</summary>
    public const int MinSize = 20;

    public const string EssdCategory = "cloud_essd";

    /// <summary>Names, describes and (only with the values every system disk shows) sets the release and snapshot flags of disks.</summary>
    public Task ModifyAttributeAsync(ModifyDiskAttributeCommand command, CancellationToken ct)
    {
        if (command.RegionId is not null)
        {
            regions.Require(command.RegionId);
        }

        return gate.RunAsync(db, async c =>
        {
            var disks = new List<Instance>();
            foreach (var id in command.DiskIds.Distinct(StringComparer.Ordinal))
            {
                disks.Add(await FindAsync(id, command.RegionId, c).ConfigureAwait(false));
            }

            // A system disk is always released with its instance and with its automatic snapshots, and shows no burst; the emulator
            // keeps no other value (docs/actions.md, "Disks").
            if (command.DeleteWithInstance == false || command.DeleteAutoSnapshot == false || command.EnableAutoSnapshot == true)
            {
                throw new AcsException(AcsErrors.DiskTypeViolation);
            }

            if (command.BurstingEnabled == true)
            {
                throw new AcsException(AcsErrors.InvalidProvisionedIops);
            }

            foreach (var disk in disks)
            {
                disk.SystemDiskName = command.DiskName ?? disk.SystemDiskName;
                disk.SystemDiskDescription = command.Description ?? disk.SystemDiskDescription;
            }
        }, ct);
    }

    /// <summary>Grows a disk: larger than now, at most the configured maximum system-disk size.</summary>
    public Task ResizeAsync(ResizeDiskCommand command, CancellationToken ct) =>
        gate.RunAsync(db, async c =>
        {
            var disk = await FindAsync(command.DiskId, null, c).ConfigureAwait(false);
            if (command.NewSize < MinSize || command.NewSize > compute.MaxSystemDiskSize)
            {
                throw new AcsException(AcsErrors.InvalidNewSize);
            }

            if (command.NewSize <= disk.SystemDiskSize)
            {
                throw new AcsException(AcsErrors.InvalidDiskSizeTooSmall);
            }

            disk.SystemDiskSize = command.NewSize;
        }, ct);

    /// <summary>Changes a disk's category (one of the configured ones) and/or its ESSD performance level. A disk that becomes an
    /// ESSD gets PL1 unless a level is given; one that stops being an ESSD loses its level.</summary>
    public Task ModifySpecAsync(ModifyDiskSpecCommand command, CancellationToken ct) =>
        gate.RunAsync(db, async c =>
        {
            var disk = await FindAsync(command.DiskId, null, c).ConfigureAwait(false);
            if (string.IsNullOrEmpty(command.DiskCategory) && string.IsNullOrEmpty(command.PerformanceLevel) && command.ProvisionedIops is null)
            {
                throw new AcsException(AcsErrors.MissingDiskSpec);
            }

            var category = string.IsNullOrEmpty(command.DiskCategory) ? disk.SystemDiskCategory : command.DiskCategory;
            if (!compute.DiskCategories.Contains(category, StringComparer.Ordinal))
            {
                throw new AcsException(AcsErrors.InvalidDiskCategoryValueNotSupported);
            }

            if (!string.IsNullOrEmpty(command.PerformanceLevel) && category != EssdCategory)
            {
                throw new AcsException(AcsErrors.InvalidPerformanceLevelCategory);
            }

            if (command.ProvisionedIops is not null)
            {
                throw new AcsException(AcsErrors.InvalidProvisionedIops);
            }

            if (command.DryRun)
            {
                throw new AcsException(AcsErrors.DryRunOperation);
            }

            var level = category != EssdCategory ? ""
                : !string.IsNullOrEmpty(command.PerformanceLevel) ? command.PerformanceLevel
                : disk.SystemDiskPerformanceLevel.Length > 0 ? disk.SystemDiskPerformanceLevel : "PL1";
            disk.SystemDiskCategory = category;
            disk.SystemDiskPerformanceLevel = level;
        }, ct);

    /// <summary>ApplyAutoSnapshotPolicy: the policy (any well-formed <c>sp-</c> ID: policies are not modelled) replaces each disk's.</summary>
    public Task ApplyAutoSnapshotPolicyAsync(string regionId, string autoSnapshotPolicyId, IReadOnlyList<string> diskIds, CancellationToken ct)
    {
        if (!IsPolicyId(autoSnapshotPolicyId))
        {
            throw new AcsException(AcsErrors.InvalidAutoSnapshotPolicyId);
        }

        return SetPolicyAsync(regionId, autoSnapshotPolicyId, diskIds, ct);
    }

    /// <summary>CancelAutoSnapshotPolicy: the disks no longer have a policy.</summary>
    public Task CancelAutoSnapshotPolicyAsync(string regionId, IReadOnlyList<string> diskIds, CancellationToken ct) =>
        SetPolicyAsync(regionId, "", diskIds, ct);

    /// <summary>An automatic snapshot policy ID as Alibaba forms them: <c>sp-</c> and 1-60 letters or digits.</summary>
    public static bool IsPolicyId(string? id) => id is not null && PolicyId().IsMatch(id);

    private Task SetPolicyAsync(string regionId, string policyId, IReadOnlyList<string> diskIds, CancellationToken ct)
    {
        if (!regions.Contains(regionId))
        {
            throw new AcsException(AcsErrors.InvalidSnapshotPolicyRegionId);
        }

        return gate.RunAsync(db, async c =>
        {
            var wanted = diskIds.Distinct(StringComparer.Ordinal).ToList();
            var disks = await db.Instances.Where(i => i.AccountId == caller.AccountId && i.RegionId == regionId && wanted.Contains(i.SystemDiskId))
                .ToListAsync(c).ConfigureAwait(false);
            if (wanted.Count == 0 || disks.Count != wanted.Count)
            {
                throw new AcsException(AcsErrors.InvalidSnapshotPolicyDiskIds);
            }

            foreach (var disk in disks)
            {
                disk.SystemDiskAutoSnapshotPolicyId = policyId;
            }
        }, ct);
    }

    /// <summary>The instance whose system disk this is, among the caller's (in the region when given), tracked; or <c>InvalidDiskId.NotFound</c>.</summary>
    private async Task<Instance> FindAsync(string diskId, string? regionId, CancellationToken ct) =>
        await db.Instances.FirstOrDefaultAsync(i => i.AccountId == caller.AccountId && i.SystemDiskId == diskId
            && (regionId == null || i.RegionId == regionId), ct).ConfigureAwait(false)
        ?? throw new AcsException(AcsErrors.InvalidDiskIdNotFound);

    [GeneratedRegex("^sp-[A-Za-z0-9]{1,60}$")]
    private static partial Regex PolicyId();
}
