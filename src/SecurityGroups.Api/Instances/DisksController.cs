using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Instances;

namespace SecurityGroups.Api.Instances;

/// <summary>ECS 2014-05-26: changes to disks (only system disks exist; each is listed by DescribeDisks). Every change takes
/// effect at once (docs/actions.md, "Disks").</summary>
[AcsProduct(AcsProductAttribute.Ecs, AcsProductAttribute.EcsVersion)]
public sealed class DisksController(DiskService disks) : AcsController
{
    /// <summary>Renames or describes one disk (<c>DiskId</c>) or several (<c>DiskIds.N</c>).</summary>
    [AcsAction]
    public async Task<AcsResponse> ModifyDiskAttribute([FromQuery] ModifyDiskAttributeRequest request, CancellationToken ct)
    {
        await disks.ModifyAttributeAsync(request.Command(), ct);
        return new AcsResponse();
    }

    /// <summary>Grows a disk (online or offline: at once either way); a retry with the same <c>ClientToken</c> replays the first answer.</summary>
    [AcsAction]
    [AcsIdempotent]
    public async Task<ResizeDiskResponse> ResizeDisk([FromQuery] ResizeDiskRequest request, CancellationToken ct)
    {
        await disks.ResizeAsync(new ResizeDiskCommand(request.DiskId!, request.NewSize!.Value, request.Type), ct);
        return new ResizeDiskResponse();
    }

    /// <summary>Changes a disk's category or ESSD performance level.</summary>
    [AcsAction]
    public async Task<ModifyDiskSpecResponse> ModifyDiskSpec([FromQuery] ModifyDiskSpecRequest request, CancellationToken ct)
    {
        await disks.ModifySpecAsync(new ModifyDiskSpecCommand(request.DiskId!, request.DiskCategory, request.PerformanceLevel, request.ProvisionedIops,
            request.DryRun == true), ct);
        return new ModifyDiskSpecResponse();
    }

    /// <summary>Applies an automatic snapshot policy to disks (<c>regionId</c>, <c>autoSnapshotPolicyId</c>, <c>diskIds</c> as a JSON array).</summary>
    [AcsAction]
    public async Task<AcsResponse> ApplyAutoSnapshotPolicy([FromQuery] AutoSnapshotPolicyRequest request, CancellationToken ct)
    {
        JsonIdList.TryParse(request.diskIds, ListBounds.Ids, out var ids);
        await disks.ApplyAutoSnapshotPolicyAsync(request.regionId!, request.autoSnapshotPolicyId ?? "", ids, ct);
        return new AcsResponse();
    }

    /// <summary>Removes the automatic snapshot policy of disks (<c>regionId</c>, <c>diskIds</c> as a JSON array).</summary>
    [AcsAction]
    public async Task<AcsResponse> CancelAutoSnapshotPolicy([FromQuery] AutoSnapshotPolicyRequest request, CancellationToken ct)
    {
        JsonIdList.TryParse(request.diskIds, ListBounds.Ids, out var ids);
        await disks.CancelAutoSnapshotPolicyAsync(request.regionId!, ids, ct);
        return new AcsResponse();
    }
}
