using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Regions;

namespace SecurityGroups.Domain.ResourceGroups;

/// <summary>
/// Resource-group moves (ECS JoinResourceGroup, VPC MoveResourceGroup): the new <c>ResourceGroupId</c> is stored on the
/// resource, which DescribeX then shows and filters on. No resource-group service is emulated, so any ID is accepted.
/// </summary>
public sealed class ResourceGroupService(EmulatorDbContext db, WriteGate gate, ICaller caller, RegionCatalog regions)
{
    /// <summary>ECS <c>ResourceType</c> values this emulator stores (case-insensitive, as Alibaba's examples vary).</summary>
    public static readonly IReadOnlyList<string> EcsResourceTypes = ["securitygroup", "eni", "instance"];

    /// <summary>VPC <c>ResourceType</c> values this emulator stores (case-insensitive).</summary>
    public static readonly IReadOnlyList<string> VpcResourceTypes = ["VPC", "VSWITCH"];

    public Task JoinAsync(string regionId, string resourceType, string resourceId, string resourceGroupId, CancellationToken ct) =>
        MoveAsync(regionId, resourceType, resourceId, resourceGroupId, EcsResourceTypes, ct);

    public Task MoveAsync(string regionId, string resourceType, string resourceId, string resourceGroupId, CancellationToken ct) =>
        MoveAsync(regionId, resourceType, resourceId, resourceGroupId, VpcResourceTypes, ct);

    private Task MoveAsync(string regionId, string resourceType, string resourceId, string resourceGroupId, IReadOnlyList<string> allowed,
        CancellationToken ct)
    {
        regions.Require(regionId);
        var type = allowed.FirstOrDefault(t => string.Equals(t, resourceType, StringComparison.OrdinalIgnoreCase))
            ?? throw new AcsException(AcsErrors.InvalidResourceTypeNotFound);
        var account = caller.AccountId;
        return gate.RunAsync(db, async c =>
        {
            var moved = type switch
            {
                "securitygroup" => await db.SecurityGroups.Where(g => g.AccountId == account && g.RegionId == regionId && g.SecurityGroupId == resourceId)
                    .ExecuteUpdateAsync(u => u.SetProperty(g => g.ResourceGroupId, resourceGroupId), c).ConfigureAwait(false),
                "eni" => await db.NetworkInterfaces.Where(e => e.AccountId == account && e.RegionId == regionId && e.NetworkInterfaceId == resourceId)
                    .ExecuteUpdateAsync(u => u.SetProperty(e => e.ResourceGroupId, resourceGroupId), c).ConfigureAwait(false),
                "instance" => await db.Instances.Where(i => i.AccountId == account && i.RegionId == regionId && i.InstanceId == resourceId)
                    .ExecuteUpdateAsync(u => u.SetProperty(i => i.ResourceGroupId, resourceGroupId), c).ConfigureAwait(false),
                "VPC" => await db.Vpcs.Where(v => v.AccountId == account && v.RegionId == regionId && v.VpcId == resourceId)
                    .ExecuteUpdateAsync(u => u.SetProperty(v => v.ResourceGroupId, resourceGroupId), c).ConfigureAwait(false),
                _ => await db.VSwitches.Where(s => s.AccountId == account && s.RegionId == regionId && s.VSwitchId == resourceId)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.ResourceGroupId, resourceGroupId), c).ConfigureAwait(false),
            };
            if (moved == 0)
            {
                throw new AcsException(AcsErrors.InvalidResourceIdNotFound);
            }
        }, ct);
    }
}
