using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Compute;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Networks;
using SecurityGroups.Domain.Persistence;

namespace SecurityGroups.Domain.Instances;

/// <summary>IPv6 addresses of ENIs, from their vSwitch's /64: named ones (canonicalised, each free) or random ones. An ENI
/// holds at most <see cref="MaxAvailable"/> while detached, its instance type's <c>EniIpv6AddressQuantity</c> while attached.</summary>
public sealed class Ipv6Allocator(EmulatorDbContext db, ComputeCatalog compute)
{
    public const int MaxAvailable = 10;

    /// <summary>Assigns <paramref name="addresses"/> and <paramref name="count"/> random addresses to the ENI; returns them in order.</summary>
    public async Task<IReadOnlyList<string>> AssignAsync(NetworkInterface eni, VSwitch vSwitch, IReadOnlyList<string> addresses, int count, CancellationToken ct)
    {
        if (vSwitch.Ipv6CidrBlock.Length == 0)
        {
            throw new AcsException(AcsErrors.InvalidVSwitchIpv6NotTurnOn, vSwitch.VSwitchId);
        }

        var named = addresses.Select(a => Ipv6Blocks.InBlock(vSwitch.Ipv6CidrBlock, a) ?? throw new AcsException(AcsErrors.InvalidIpAddress, a)).ToList();
        if (named.Distinct(StringComparer.Ordinal).Count() != named.Count)
        {
            throw new AcsException(AcsErrors.InvalidIpIpRepeated, string.Join(',', named));
        }

        var held = await db.NetworkInterfaceIpv6Addresses.CountAsync(a => a.NetworkInterfaceId == eni.NetworkInterfaceId, ct).ConfigureAwait(false);
        var limit = await LimitAsync(eni, ct).ConfigureAwait(false);
        if (held + named.Count + count > limit)
        {
            throw new AcsException(AcsErrors.Ipv6CountExceeded, eni.NetworkInterfaceId, limit);
        }

        var taken = await db.NetworkInterfaceIpv6Addresses.Where(a => a.VSwitchId == vSwitch.VSwitchId && named.Contains(a.Address))
            .Select(a => a.Address).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (taken is not null)
        {
            throw new AcsException(AcsErrors.InvalidIpIpAssigned, taken);
        }

        var assigned = new List<string>(named);
        while (assigned.Count < named.Count + count)
        {
            var candidate = Ipv6Blocks.RandomAddress(vSwitch.Ipv6CidrBlock);
            if (!assigned.Contains(candidate)
                && !await db.NetworkInterfaceIpv6Addresses.AnyAsync(a => a.VSwitchId == vSwitch.VSwitchId && a.Address == candidate, ct).ConfigureAwait(false))
            {
                assigned.Add(candidate);
            }
        }

        db.NetworkInterfaceIpv6Addresses.AddRange(assigned.Select(a => new NetworkInterfaceIpv6Address
        {
            VSwitchId = vSwitch.VSwitchId,
            Address = a,
            NetworkInterfaceId = eni.NetworkInterfaceId,
            AccountId = eni.AccountId,
        }));
        return assigned;
    }

    /// <summary>Returns the ENI's named addresses to its vSwitch; each must be the ENI's (<c>InvalidIp.IpUnassigned</c>).</summary>
    public async Task UnassignAsync(NetworkInterface eni, IReadOnlyList<string> addresses, CancellationToken ct)
    {
        var held = await db.NetworkInterfaceIpv6Addresses.Where(a => a.NetworkInterfaceId == eni.NetworkInterfaceId).ToListAsync(ct).ConfigureAwait(false);
        foreach (var address in addresses)
        {
            var canonical = Ipv6Blocks.Canonical(address) ?? throw new AcsException(AcsErrors.InvalidIpAddress, address);
            db.NetworkInterfaceIpv6Addresses.Remove(held.FirstOrDefault(a => a.Address == canonical)
                ?? throw new AcsException(AcsErrors.InvalidIpIpUnassigned, address));
        }
    }

    private async Task<int> LimitAsync(NetworkInterface eni, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(eni.InstanceId))
        {
            return MaxAvailable;
        }

        var type = await db.Instances.Where(i => i.InstanceId == eni.InstanceId).Select(i => i.InstanceType).FirstAsync(ct).ConfigureAwait(false);
        return compute.FindType(type)?.EniIpv6AddressQuantity ?? MaxAvailable;
    }
}
