using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Regions;

namespace SecurityGroups.Domain.Instances;

/// <summary>CreateNetworkInterfacePermission, DescribeNetworkInterfacePermissions, DeleteNetworkInterfacePermission.</summary>
public sealed class NetworkInterfacePermissionService(EmulatorDbContext db, WriteGate gate, ICaller caller, RegionCatalog regions, TimeProvider clock)
{
    public const int MaxIds = 100;
    public const int MaxPageSize = 100;

    public Task<NetworkInterfacePermission> CreateAsync(string regionId, string networkInterfaceId, long accountId, string permission, CancellationToken ct)
    {
        regions.Require(regionId);
        if (!string.Equals(permission, NetworkInterfacePermission.InstanceAttach, StringComparison.Ordinal))
        {
            throw new AcsException(AcsErrors.InvalidPermissionValueNotSupported);
        }

        if (accountId <= 0)
        {
            throw new AcsException(AcsErrors.InvalidAccountIdMalformed);
        }

        return gate.RunAsync(db, async c =>
        {
            var eni = await db.NetworkInterfaces.AsNoTracking().FirstOrDefaultAsync(e => e.AccountId == caller.AccountId && e.RegionId == regionId
                && e.NetworkInterfaceId == networkInterfaceId, c).ConfigureAwait(false) ?? throw new AcsException(AcsErrors.InvalidEniIdNotFound);
            if (await db.NetworkInterfacePermissions.AnyAsync(p => p.NetworkInterfaceId == eni.NetworkInterfaceId && p.GrantedAccountId == accountId
                && p.Permission == permission, c).ConfigureAwait(false))
            {
                throw new AcsException(AcsErrors.NetworkInterfacePermissionExists);
            }

            var granted = new NetworkInterfacePermission
            {
                NetworkInterfacePermissionId = ResourceIds.New("eni-perm"),
                AccountId = caller.AccountId,
                RegionId = regionId,
                NetworkInterfaceId = eni.NetworkInterfaceId,
                GrantedAccountId = accountId,
                Permission = permission,
                CreatedAt = clock.GetUtcNow().UtcDateTime, // full precision: the listing's order is the order of creation
            };
            db.NetworkInterfacePermissions.Add(granted);
            return granted;
        }, ct);
    }

    /// <summary>The caller's permissions in a region, by ID and/or ENI, oldest first.</summary>
    public async Task<Page<NetworkInterfacePermission>> DescribeAsync(string regionId, IReadOnlyList<string> ids, string? networkInterfaceId, PageRequest page,
        CancellationToken ct)
    {
        regions.Require(regionId);
        var query = db.NetworkInterfacePermissions.AsNoTracking().Where(p => p.AccountId == caller.AccountId && p.RegionId == regionId)
            .WhereIf(ids.Count > 0, p => ids.Contains(p.NetworkInterfacePermissionId))
            .WhereIf(!string.IsNullOrEmpty(networkInterfaceId), p => p.NetworkInterfaceId == networkInterfaceId);

        var total = await query.CountAsync(ct).ConfigureAwait(false);
        var items = await query.OrderBy(p => p.CreatedAt).ThenBy(p => p.NetworkInterfacePermissionId).Skip(page.Skip).Take(page.PageSize)
            .ToListAsync(ct).ConfigureAwait(false);
        return new Page<NetworkInterfacePermission>(items, total, page.PageNumber, page.PageSize);
    }

    public Task DeleteAsync(string regionId, string networkInterfacePermissionId, CancellationToken ct)
    {
        regions.Require(regionId);
        return gate.RunAsync(db, async c =>
        {
            var permission = await db.NetworkInterfacePermissions.FirstOrDefaultAsync(p => p.AccountId == caller.AccountId && p.RegionId == regionId
                && p.NetworkInterfacePermissionId == networkInterfacePermissionId, c).ConfigureAwait(false)
                ?? throw new AcsException(AcsErrors.InvalidNetworkInterfacePermissionIdNotFound);
            db.NetworkInterfacePermissions.Remove(permission);
        }, ct);
    }
}
