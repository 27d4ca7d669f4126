using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Compute;
using SecurityGroups.Domain.Instances;

namespace SecurityGroups.Api.Instances;

/// <summary>ECS 2014-05-26: what an instance is read with besides DescribeInstances (its system disk, user data, attributes).</summary>
[AcsProduct(AcsProductAttribute.Ecs, AcsProductAttribute.EcsVersion)]
public sealed class InstanceAttributesController(InstanceAttributeService attributes, ComputeCatalog compute) : AcsController
{
    /// <summary>Lists disks: each instance's system disk (created and released with it, always <c>In_use</c>).</summary>
    [AcsAction]
    public async Task<DescribeDisksResponse> DescribeDisks([FromQuery] DescribeDisksRequest request, CancellationToken ct)
    {
        JsonIdList.TryParse(request.DiskIds, 100, out var ids);
        var page = PageParameters.From(request.PageNumber, request.PageSize, 100);
        var listing = await attributes.DisksAsync(new DiskQuery(request.RegionId!, request.InstanceId, ids, request.ZoneId, request.DiskType,
            request.Category, request.Status, request.DiskName, page)
        {
            Tags = TagParameter.ToInputs(request.Tag),
            ResourceGroupId = request.ResourceGroupId,
            DiskChargeType = request.DiskChargeType,
            MatchesNothing = request.MatchesNothing(),
            AutoSnapshotPolicyId = request.AutoSnapshotPolicyId,
            EnableAutomatedSnapshotPolicy = request.EnableAutomatedSnapshotPolicy,
            CreatedFrom = FilterParameter.Time(request.Filter, FilterParameter.CreationStartTime),
            CreatedTo = FilterParameter.Time(request.Filter, FilterParameter.CreationEndTime),
            DryRun = request.DryRun == true,
        }, ct);
        return DescribeDisksResponse.From(listing);
    }

    /// <summary>An instance's user data, Base64 as given at launch (empty when none).</summary>
    [AcsAction]
    public async Task<DescribeUserDataResponse> DescribeUserData([FromQuery] DescribeUserDataRequest request, CancellationToken ct)
    {
        var view = await attributes.InstanceAsync(request.InstanceId!, request.RegionId, ct);
        return new() { RegionId = view.Instance.RegionId, InstanceId = view.Instance.InstanceId, UserData = view.Instance.UserData };
    }

    /// <summary>One instance's attributes.</summary>
    [AcsAction]
    public async Task<DescribeInstanceAttributeResponse> DescribeInstanceAttribute([FromQuery] DescribeInstanceAttributeRequest request, CancellationToken ct) =>
        DescribeInstanceAttributeResponse.From(await attributes.InstanceAsync(request.InstanceId!, string.IsNullOrEmpty(request.RegionId) ? null : request.RegionId, ct), compute);

    /// <summary>The RAM roles of instances (those launched with <c>RamRoleName</c>).</summary>
    [AcsAction]
    public async Task<DescribeInstanceRamRoleResponse> DescribeInstanceRamRole([FromQuery] DescribeInstanceRamRoleRequest request, CancellationToken ct)
    {
        JsonIdList.TryParse(request.InstanceIds, 100, out var ids);
        var page = PageParameters.From(request.PageNumber, request.PageSize, 100);
        var instances = ids.Count > 0 ? await attributes.InstancesAsync(request.RegionId!, ids, ct) : [];
        var roles = instances.Where(i => i.RamRoleName.Length > 0 && (string.IsNullOrEmpty(request.RamRoleName) || i.RamRoleName == request.RamRoleName))
            .Select(i => new InstanceRamRoleSet(i.InstanceId, i.RamRoleName)).ToList();
        return new()
        {
            RegionId = request.RegionId!,
            TotalCount = roles.Count,
            InstanceRamRoleSets = new InstanceRamRoleSetList(roles.Skip(page.Skip).Take(page.PageSize).ToList()),
        };
    }

    /// <summary>Maintenance attributes: window, action and notification.</summary>
    [AcsAction]
    public async Task<DescribeInstanceMaintenanceAttributesResponse> DescribeInstanceMaintenanceAttributes(
        [FromQuery] DescribeInstanceMaintenanceAttributesRequest request, CancellationToken ct)
    {
        var page = PageParameters.From(request.PageNumber, request.PageSize, 100);
        var instances = await attributes.InstancesAsync(request.RegionId!, request.InstanceId ?? [], ct);
        return new()
        {
            TotalCount = instances.Count,
            PageNumber = page.PageNumber,
            PageSize = page.PageSize,
            MaintenanceAttributes = new MaintenanceAttributeList(instances.Skip(page.Skip).Take(page.PageSize)
                .Select(MaintenanceAttribute.Of).ToList()),
        };
    }

    /// <summary>The private pool each instance matches.</summary>
    [AcsAction]
    public async Task<DescribeInstanceAttachmentAttributesResponse> DescribeInstanceAttachmentAttributes(
        [FromQuery] DescribeInstanceAttachmentAttributesRequest request, CancellationToken ct)
    {
        JsonIdList.TryParse(request.InstanceIds, 100, out var ids);
        var page = PageParameters.From(request.PageNumber, request.PageSize, 100);
        var instances = await attributes.InstancesAsync(request.RegionId!, ids, ct);
        return new()
        {
            TotalCount = instances.Count,
            PageNumber = page.PageNumber,
            PageSize = page.PageSize,
            Instances = new InstanceAttachmentList(instances.Skip(page.Skip).Take(page.PageSize)
                .Select(i => new InstanceAttachment(i.InstanceId, i.PrivatePoolMatchCriteria, i.PrivatePoolId)).ToList()),
        };
    }

    /// <summary>Auto-renew attributes (renewal is not modelled: <c>Normal</c>, off).</summary>
    [AcsAction]
    public async Task<DescribeInstanceAutoRenewAttributeResponse> DescribeInstanceAutoRenewAttribute(
        [FromQuery] DescribeInstanceAutoRenewAttributeRequest request, CancellationToken ct)
    {
        var page = PageParameters.From(request.PageNumber, request.PageSize, 100);
        var instances = await attributes.InstancesAsync(request.RegionId!, PageParameters.SplitIds(request.InstanceId), ct);
        var renewals = instances.Select(i => new InstanceRenewAttribute(i.InstanceId, false, 0, "Month", "Normal"))
            .Where(r => string.IsNullOrEmpty(request.RenewalStatus) || r.RenewalStatus == request.RenewalStatus).ToList();
        return new()
        {
            TotalCount = renewals.Count,
            PageNumber = page.PageNumber,
            PageSize = page.PageSize,
            InstanceRenewAttributes = new InstanceRenewAttributeList(renewals.Skip(page.Skip).Take(page.PageSize).ToList()),
        };
    }
}
