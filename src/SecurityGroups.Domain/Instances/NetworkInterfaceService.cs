using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Networks;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Regions;
using SecurityGroups.Domain.SecurityGroups;
using SecurityGroups.Domain.Tags;
using SecurityGroups.RuleEngine;

namespace SecurityGroups.Domain.Instances;

/// <summary>ENIs: create, list, attach, detach, delete, private IPs, groups; and JoinSecurityGroup/LeaveSecurityGroup
/// for an ENI or an instance (its primary ENI).</summary>
public sealed class NetworkInterfaceService(EmulatorDbContext db, WriteGate gate, ICaller caller, RegionCatalog regions, TagStore tags,
    PrivateIpAllocator allocator, Membership membership, InstanceService instances, SecurityGroupService groups, InstanceViews views,
    VersionedCache<Listing<NetworkInterfaceView>> listings,
    Ipv6Allocator ipv6)
{
    public const int MaxPrivateIps = 50;

    public Task<NetworkInterfaceView> CreateAsync(CreateNetworkInterfaceCommand command, CancellationToken ct)
    {
        regions.Require(command.RegionId);
        if (command.SecurityGroupIds.Count == 0)
        {
            throw new AcsException(AcsErrors.MissingSecurityGroupId);
        }

        if (command.SecondaryCount is < 0 || command.SecondaryCount + command.SecondaryIps.Count + 1 > MaxPrivateIps)
        {
            throw new AcsException(AcsErrors.InvalidPrivateIpCount);
        }

        tags.Validate(command.Tags);
        return gate.RunAsync(db, async c =>
        {
            var vSwitch = await instances.VSwitchAsync(command.RegionId, command.VSwitchId, c).ConfigureAwait(false);
            var eni = instances.NewEni(vSwitch, NetworkInterfaceTypes.Secondary, command.NetworkInterfaceName ?? "", command.Description ?? "");
            eni.ResourceGroupId = command.ResourceGroupId ?? "";
            Apply(eni, command.Options);
            db.NetworkInterfaces.Add(eni);
            await db.SaveChangesAsync(c).ConfigureAwait(false);
            await allocator.AllocateAsync(vSwitch, command.PrimaryIpAddress, eni.NetworkInterfaceId, isPrimary: true, c).ConfigureAwait(false);
            foreach (var ip in command.SecondaryIps)
            {
                await allocator.AllocateAsync(vSwitch, ip, eni.NetworkInterfaceId, isPrimary: false, c).ConfigureAwait(false);
            }

            for (var i = 0; i < command.SecondaryCount; i++)
            {
                await allocator.AllocateAsync(vSwitch, null, eni.NetworkInterfaceId, isPrimary: false, c).ConfigureAwait(false);
            }

            if (command.Ipv6Addresses.Count > 0 || command.Ipv6AddressCount > 0)
            {
                await ipv6.AssignAsync(eni, vSwitch, command.Ipv6Addresses, command.Ipv6AddressCount, c).ConfigureAwait(false);
            }

            await db.SaveChangesAsync(c).ConfigureAwait(false);
            await membership.SetAsync(eni, command.SecurityGroupIds, AcsErrors.InvalidOperationVpcMismatch, c).ConfigureAwait(false);
            tags.AddAll(eni.AccountId, eni.RegionId, InstanceService.EniResourceType, eni.NetworkInterfaceId, command.Tags);
            await db.SaveChangesAsync(c).ConfigureAwait(false);
            return (await views.EnisAsync([eni], c).ConfigureAwait(false))[0];
        }, ct);
    }

    /// <summary>Every table <see cref="LoadAsync"/> and <see cref="InstanceViews"/> read, through any filter: the listing cache's key (ADR-012).</summary>
    public static readonly TableSet ListingReads = TableSet.Of("NetworkInterfaces", "NetworkInterfaceGroups", "PrivateIpAddresses",
        "NetworkInterfaceIpv6Addresses", "ResourceTags");

    public async Task<Listing<NetworkInterfaceView>> DescribeAsync(NetworkInterfaceQuery query, CancellationToken ct)
    {
        regions.Require(query.RegionId);
        var after = query.NextToken is { Length: > 0 } token ? PageTokens.Decode("eni", token) : null;

        // The whole query and the caller key the page, kept until the next write (as DescribeSecurityGroups does).
        var key = caller.AccountId + System.Text.Json.JsonSerializer.Serialize(query);
        return await listings.GetAsync(key, c => LoadAsync(query, after, c), ct).ConfigureAwait(false);
    }

    /// <summary>One page of ENIs with their groups, IPs and tags, from one read snapshot.</summary>
    private async Task<Listing<NetworkInterfaceView>> LoadAsync(NetworkInterfaceQuery query, string? after, CancellationToken ct)
    {
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct).ConfigureAwait(false);
        var members = db.NetworkInterfaceGroups.Where(m => m.SecurityGroupId == query.SecurityGroupId).Select(m => m.NetworkInterfaceId);
        var tagged = tags.Matching(caller.AccountId, InstanceService.EniResourceType, query.Tags);
        var ipv6 = query.Ipv6Addresses.Select(a => Ipv6Blocks.Canonical(a) ?? a).ToList();
        var enis = db.NetworkInterfaces.AsNoTracking().Where(e => e.AccountId == caller.AccountId && e.RegionId == query.RegionId)
            .WhereIf(query.NetworkInterfaceIds.Count > 0, e => query.NetworkInterfaceIds.Contains(e.NetworkInterfaceId))
            .WhereIf(!string.IsNullOrEmpty(query.InstanceId), e => e.InstanceId == query.InstanceId)
            .WhereIf(!string.IsNullOrEmpty(query.VpcId), e => e.VpcId == query.VpcId)
            .WhereIf(!string.IsNullOrEmpty(query.VSwitchId), e => e.VSwitchId == query.VSwitchId)
            .WhereIf(!string.IsNullOrEmpty(query.Type), e => e.Type == query.Type)
            .WhereIf(!string.IsNullOrEmpty(query.Status), e => e.Status == query.Status)
            .WhereIf(!string.IsNullOrEmpty(query.NetworkInterfaceName), e => e.NetworkInterfaceName == query.NetworkInterfaceName)
            .WhereIf(!string.IsNullOrEmpty(query.SecurityGroupId), e => members.Contains(e.NetworkInterfaceId)) // from the group's memberships (see DescribeInstances)
            .WhereIf(!string.IsNullOrEmpty(query.PrimaryIpAddress),
                e => db.PrivateIpAddresses.Any(p => p.OwnerId == e.NetworkInterfaceId && p.IsPrimary && p.Address == query.PrimaryIpAddress))
            .WhereIf(query.Tags.Count > 0, e => tagged.Contains(e.NetworkInterfaceId))
            .WhereIf(query.PrivateIpAddresses.Count > 0,
                e => db.PrivateIpAddresses.Any(p => p.OwnerId == e.NetworkInterfaceId && query.PrivateIpAddresses.Contains(p.Address)))
            .WhereIf(query.Ipv6Addresses.Count > 0,
                e => db.NetworkInterfaceIpv6Addresses.Any(a => a.NetworkInterfaceId == e.NetworkInterfaceId && ipv6.Contains(a.Address)))
            .WhereIf(!string.IsNullOrEmpty(query.ResourceGroupId), e => e.ResourceGroupId == query.ResourceGroupId)
            .WhereIf(query.ServiceManaged == true, e => false);

        if (query.Page is { } page)
        {
            var total = await enis.CountAsync(ct).ConfigureAwait(false);
            var items = await enis.OrderBy(e => e.NetworkInterfaceId).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct).ConfigureAwait(false);
            return new Listing<NetworkInterfaceView>(await views.EnisAsync(items, ct).ConfigureAwait(false), total, page, null);
        }

        enis = enis.WhereIf(after is not null, e => string.Compare(e.NetworkInterfaceId, after) > 0);

        var window = await enis.OrderBy(e => e.NetworkInterfaceId).Take(query.MaxResults + 1).ToListAsync(ct).ConfigureAwait(false);
        var more = window.Count > query.MaxResults;
        var shown = more ? window.GetRange(0, query.MaxResults) : window;
        return new Listing<NetworkInterfaceView>(await views.EnisAsync(shown, ct).ConfigureAwait(false), null, null,
            more ? PageTokens.Encode("eni", shown[^1].NetworkInterfaceId) : null);
    }

    public Task AttachAsync(string regionId, string networkInterfaceId, string instanceId, CancellationToken ct)
    {
        regions.Require(regionId);
        return gate.RunAsync(db, async c =>
        {
            var eni = await FindAsync(regionId, networkInterfaceId, c).ConfigureAwait(false);
            var instance = await instances.FindAsync(instanceId, regionId, c).ConfigureAwait(false);
            if (eni.Status != NetworkInterfaceStatus.Available)
            {
                throw new AcsException(AcsErrors.InvalidEniStateOperation);
            }

            if (eni.VpcId != instance.VpcId)
            {
                throw new AcsException(AcsErrors.InvalidOperationVpcMismatch);
            }

            var taken = await db.NetworkInterfaces.Where(e => e.InstanceId == instance.InstanceId).Select(e => e.DeviceIndex)
                .ToListAsync(c).ConfigureAwait(false);
            eni.DeviceIndex = Enumerable.Range(1, taken.Count + 1).First(i => !taken.Contains(i));
            eni.InstanceId = instance.InstanceId;
            eni.Status = NetworkInterfaceStatus.InUse;
        }, ct);
    }

    public Task DetachAsync(string regionId, string networkInterfaceId, string instanceId, CancellationToken ct)
    {
        regions.Require(regionId);
        return gate.RunAsync(db, async c =>
        {
            var eni = await FindAsync(regionId, networkInterfaceId, c).ConfigureAwait(false);
            await instances.FindAsync(instanceId, regionId, c).ConfigureAwait(false);
            if (eni.Type == NetworkInterfaceTypes.Primary)
            {
                throw new AcsException(AcsErrors.DetachPrimaryEniNotAllowed);
            }

            if (eni.InstanceId != instanceId)
            {
                throw new AcsException(AcsErrors.InvalidEniStateOperation);
            }

            eni.InstanceId = "";
            eni.DeviceIndex = 0;
            eni.Status = NetworkInterfaceStatus.Available;
        }, ct);
    }

    public Task DeleteAsync(string regionId, string networkInterfaceId, CancellationToken ct)
    {
        regions.Require(regionId);
        return gate.RunAsync(db, async c =>
        {
            var eni = await FindAsync(regionId, networkInterfaceId, c).ConfigureAwait(false);
            if (eni.Type == NetworkInterfaceTypes.Primary)
            {
                throw new AcsException(AcsErrors.DetachPrimaryEniNotAllowed);
            }

            if (eni.Status != NetworkInterfaceStatus.Available)
            {
                throw new AcsException(AcsErrors.InvalidEniStateOperation);
            }

            db.Entry(eni).State = EntityState.Detached;
            await instances.ReleaseEniAsync(eni.NetworkInterfaceId, c).ConfigureAwait(false);
        }, ct);
    }

    /// <summary>Assigns secondary private IPs (named or a count); each basic group of the ENI must have room for them.</summary>
    public Task<IReadOnlyList<string>> AssignAsync(string regionId, string networkInterfaceId, IReadOnlyList<string> addresses, int count, CancellationToken ct)
    {
        regions.Require(regionId);
        return gate.RunAsync<IReadOnlyList<string>>(db, async c =>
        {
            var eni = await FindAsync(regionId, networkInterfaceId, c).ConfigureAwait(false);
            var current = await db.PrivateIpAddresses.CountAsync(p => p.OwnerId == eni.NetworkInterfaceId, c).ConfigureAwait(false);
            var more = addresses.Count + count;
            if (more == 0 || count < 0 || current + more > MaxPrivateIps)
            {
                throw new AcsException(AcsErrors.InvalidPrivateIpCount);
            }

            foreach (var groupId in await membership.GroupsOfAsync(eni.NetworkInterfaceId, c).ConfigureAwait(false))
            {
                var group = await db.SecurityGroups.AsNoTracking().FirstAsync(g => g.SecurityGroupId == groupId, c).ConfigureAwait(false);
                if (!group.IsEnterprise)
                {
                    await membership.EnsureCapacityAsync(group, more, c).ConfigureAwait(false);
                }
            }

            var vSwitch = await db.VSwitches.AsNoTracking().FirstAsync(s => s.VSwitchId == eni.VSwitchId, c).ConfigureAwait(false);
            var assigned = new List<string>();
            foreach (var address in addresses)
            {
                assigned.Add((await allocator.AllocateAsync(vSwitch, address, eni.NetworkInterfaceId, isPrimary: false, c).ConfigureAwait(false)).Address);
            }

            for (var i = 0; i < count; i++)
            {
                assigned.Add((await allocator.AllocateAsync(vSwitch, null, eni.NetworkInterfaceId, isPrimary: false, c).ConfigureAwait(false)).Address);
            }

            return assigned;
        }, ct);
    }

    /// <summary>AssignIpv6Addresses: named addresses or a count (never both, never neither) from the ENI's vSwitch's /64.</summary>
    public Task<IReadOnlyList<string>> AssignIpv6Async(string regionId, string networkInterfaceId, IReadOnlyList<string> addresses, int count,
        CancellationToken ct)
    {
        regions.Require(regionId);
        if (addresses.Count > 0 && count > 0)
        {
            throw new AcsException(AcsErrors.Ipv6AddressAndCountConflict);
        }

        if (addresses.Count == 0 && count <= 0)
        {
            throw new AcsException(AcsErrors.MissingIpv6Address);
        }

        return gate.RunAsync(db, async c =>
        {
            var eni = await FindAsync(regionId, networkInterfaceId, c).ConfigureAwait(false);
            var vSwitch = await db.VSwitches.AsNoTracking().FirstAsync(s => s.VSwitchId == eni.VSwitchId, c).ConfigureAwait(false);
            return await ipv6.AssignAsync(eni, vSwitch, addresses, count, c).ConfigureAwait(false);
        }, ct);
    }

    /// <summary>UnassignIpv6Addresses: each address must be the ENI's.</summary>
    public Task UnassignIpv6Async(string regionId, string networkInterfaceId, IReadOnlyList<string> addresses, CancellationToken ct)
    {
        regions.Require(regionId);
        return gate.RunAsync(db, async c =>
        {
            var eni = await FindAsync(regionId, networkInterfaceId, c).ConfigureAwait(false);
            await ipv6.UnassignAsync(eni, addresses, c).ConfigureAwait(false);
        }, ct);
    }

    /// <summary>DescribeNetworkInterfaceAttribute: one ENI of the region.</summary>
    public async Task<NetworkInterfaceView> DescribeOneAsync(string regionId, string networkInterfaceId, CancellationToken ct)
    {
        regions.Require(regionId);
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct).ConfigureAwait(false);
        var eni = await db.NetworkInterfaces.AsNoTracking().FirstOrDefaultAsync(e => e.AccountId == caller.AccountId && e.RegionId == regionId
            && e.NetworkInterfaceId == networkInterfaceId, ct).ConfigureAwait(false) ?? throw new AcsException(AcsErrors.InvalidEniIdNotFound);
        return (await views.EnisAsync([eni], ct).ConfigureAwait(false))[0];
    }

    public Task UnassignAsync(string regionId, string networkInterfaceId, IReadOnlyList<string> addresses, CancellationToken ct)
    {
        regions.Require(regionId);
        if (addresses.Any(a => !IpCidr.TryParseAddress(a, out var address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork))
        {
            throw new AcsException(AcsErrors.InvalidPrivateIpAddressMalformed);
        }

        return gate.RunAsync(db, async c =>
        {
            var eni = await FindAsync(regionId, networkInterfaceId, c).ConfigureAwait(false);
            var ips = await db.PrivateIpAddresses.Where(p => p.OwnerId == eni.NetworkInterfaceId).ToListAsync(c).ConfigureAwait(false);
            foreach (var address in addresses)
            {
                var ip = ips.FirstOrDefault(p => p.Address == address) ?? throw new AcsException(AcsErrors.InvalidIpIpUnassigned, address);
                db.PrivateIpAddresses.Remove(ip.IsPrimary ? throw new AcsException(AcsErrors.InvalidOperationPrimaryIp) : ip);
            }
        }, ct);
    }

    /// <summary>ModifyNetworkInterfaceAttribute: name, description and (replacing them) the groups.</summary>
    public Task ModifyAsync(string regionId, string networkInterfaceId, IReadOnlyList<string>? securityGroupIds, string? name, string? description,
        CancellationToken ct, NetworkInterfaceOptions? options = null)
    {
        regions.Require(regionId);
        return gate.RunAsync(db, async c =>
        {
            var eni = await FindAsync(regionId, networkInterfaceId, c).ConfigureAwait(false);
            eni.NetworkInterfaceName = name ?? eni.NetworkInterfaceName;
            eni.Description = description ?? eni.Description;
            Apply(eni, options);
            if (securityGroupIds is { Count: > 0 })
            {
                await membership.SetAsync(eni, securityGroupIds, MembershipErrors.ModifyNetworkInterfaceAttribute, c).ConfigureAwait(false);
            }
        }, ct);
    }

    /// <summary>JoinSecurityGroup (<paramref name="join"/>) or LeaveSecurityGroup, for an instance or an ENI.</summary>
    public Task JoinOrLeaveAsync(string? regionId, string? instanceId, string? networkInterfaceId, string securityGroupId, bool join, CancellationToken ct)
    {
        if (regionId is not null)
        {
            regions.Require(regionId);
        }

        return gate.RunAsync(db, async c =>
        {
            NetworkInterface eni;
            if (!string.IsNullOrEmpty(instanceId))
            {
                var instance = await instances.FindAsync(instanceId, regionId, c).ConfigureAwait(false);
                eni = await db.NetworkInterfaces.FirstAsync(e => e.NetworkInterfaceId == instance.PrimaryNetworkInterfaceId, c).ConfigureAwait(false);
            }
            else
            {
                eni = await FindAsync(regionId!, networkInterfaceId!, c).ConfigureAwait(false);
            }

            var group = await groups.FindAsync(eni.RegionId, securityGroupId, AcsErrors.InvalidSecurityGroupIdNotFound, c).ConfigureAwait(false);
            if (group.ServiceManaged)
            {
                throw new AcsException(AcsErrors.ResourceManagedByCloudProduct, group.SecurityGroupId);
            }

            var current = await membership.GroupsOfAsync(eni.NetworkInterfaceId, c).ConfigureAwait(false);
            if (join)
            {
                await membership.SetAsync(eni, current.Contains(securityGroupId) ? throw new AcsException(AcsErrors.InvalidInstanceIdAlreadyExists)
                    : [.. current, securityGroupId], AcsErrors.InvalidInstanceIdMismatch, c).ConfigureAwait(false);
                return;
            }

            if (!current.Contains(securityGroupId))
            {
                throw new AcsException(AcsErrors.InvalidSecurityGroupAssociationNotFound);
            }

            await membership.SetAsync(eni, current.Count == 1 ? throw new AcsException(AcsErrors.InstanceLastSecurityGroup)
                : current.Where(id => id != securityGroupId).ToList(), AcsErrors.InvalidInstanceIdMismatch, c).ConfigureAwait(false);
        }, ct);
    }

    private async Task<NetworkInterface> FindAsync(string regionId, string networkInterfaceId, CancellationToken ct) =>
        await db.NetworkInterfaces.FirstOrDefaultAsync(e => e.AccountId == caller.AccountId && e.RegionId == regionId
            && e.NetworkInterfaceId == networkInterfaceId, ct).ConfigureAwait(false)
        ?? throw new AcsException(AcsErrors.InvalidEniIdNotFound);

    private static void Apply(NetworkInterface eni, NetworkInterfaceOptions? options) => options?.ApplyTo(eni);
}
