using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.RuleEngine;

namespace SecurityGroups.Domain.Networks;

/// <summary>
/// Hands out private IPv4 addresses of a vSwitch. Alibaba reserves the first address and the last three of every vSwitch
/// CIDR block; the rest are free until taken. Call inside the write gate: the lowest free address is taken.
/// </summary>
public sealed class PrivateIpAllocator(EmulatorDbContext db)
{
    public const int ReservedAddresses = 4;

    /// <summary>Addresses usable by instances and ENIs in a block of this size.</summary>
    public static long UsableCount(IPNetwork network) => Math.Max(0, Ipv4Cidr.Size(network) - ReservedAddresses);

    /// <summary>Takes <paramref name="requested"/> (when given) or the lowest free address, for <paramref name="ownerId"/>.</summary>
    public async Task<PrivateIpAddress> AllocateAsync(VSwitch vSwitch, string? requested, string ownerId, bool isPrimary, CancellationToken ct)
    {
        var network = Ipv4Cidr.Stored(vSwitch.CidrBlock);
        var first = Ipv4Cidr.ToNumber(network.BaseAddress) + 1;
        var last = Ipv4Cidr.ToNumber(network.BaseAddress) + Ipv4Cidr.Size(network) - ReservedAddresses;
        long chosen;
        if (!string.IsNullOrEmpty(requested))
        {
            if (!IpCidr.TryParseAddress(requested, out var address) || address.AddressFamily != AddressFamily.InterNetwork)
            {
                throw new AcsException(AcsErrors.InvalidPrivateIpAddressMalformed);
            }

            chosen = Ipv4Cidr.ToNumber(address);
            if (chosen < first || chosen > last)
            {
                throw new AcsException(AcsErrors.InvalidPrivateIpAddressMismatch);
            }

            if (Pending(vSwitch.VSwitchId).Any(v => v == chosen)
                || await Taken(vSwitch.VSwitchId).AnyAsync(p => p.AddressValue == chosen, ct).ConfigureAwait(false))
            {
                throw new AcsException(AcsErrors.InvalidPrivateIpAddressDuplicated);
            }
        }
        else
        {
            chosen = await LowestFreeAsync(vSwitch.VSwitchId, first, last, ct).ConfigureAwait(false)
                ?? throw new AcsException(AcsErrors.InvalidVSwitchIdIpNotEnough);
        }

        var allocation = new PrivateIpAddress
        {
            VSwitchId = vSwitch.VSwitchId,
            AddressValue = chosen,
            Address = Ipv4Cidr.FromNumber(chosen).ToString(),
            AccountId = vSwitch.AccountId,
            OwnerId = ownerId,
            IsPrimary = isPrimary,
        };
        db.PrivateIpAddresses.Add(allocation);
        return allocation;
    }

    /// <summary>Returns the addresses held by <paramref name="ownerId"/> to their vSwitch.</summary>
    public Task<int> ReleaseAllAsync(string ownerId, CancellationToken ct)
    {
        foreach (var entry in db.ChangeTracker.Entries<PrivateIpAddress>().Where(e => e.Entity.OwnerId == ownerId).ToList())
        {
            entry.State = EntityState.Detached;
        }

        return db.PrivateIpAddresses.Where(p => p.OwnerId == ownerId).ExecuteDeleteAsync(ct);
    }

    /// <summary>Addresses allocated in this unit of work and not yet saved.</summary>
    private IEnumerable<long> Pending(string vSwitchId) =>
        db.ChangeTracker.Entries<PrivateIpAddress>()
            .Where(e => e.State == EntityState.Added && e.Entity.VSwitchId == vSwitchId)
            .Select(e => e.Entity.AddressValue);

    private IQueryable<PrivateIpAddress> Taken(string vSwitchId) => db.PrivateIpAddresses.Where(p => p.VSwitchId == vSwitchId);

    private async Task<long?> LowestFreeAsync(string vSwitchId, long first, long last, CancellationToken ct)
    {
        // Usually the taken addresses run without a gap from the first one (nothing was released): then the lowest free
        // address follows the highest, and two index-only aggregates (on the key) answer without reading every address,
        // which made filling a vSwitch quadratic in its instances.
        if (!Pending(vSwitchId).Any())
        {
            var taken = Taken(vSwitchId).Where(p => p.AddressValue >= first && p.AddressValue <= last);
            var count = await taken.CountAsync(ct).ConfigureAwait(false);
            var highest = count == 0 ? first - 1 : await taken.MaxAsync(p => p.AddressValue, ct).ConfigureAwait(false);
            if (highest - first + 1 == count)
            {
                return highest + 1 <= last ? highest + 1 : null;
            }
        }

        var used = await Taken(vSwitchId).Select(p => p.AddressValue).OrderBy(v => v).ToListAsync(ct).ConfigureAwait(false);
        used.AddRange(Pending(vSwitchId));
        used.Sort();
        var candidate = first;
        foreach (var value in used)
        {
            if (value > candidate)
            {
                break;
            }

            if (value == candidate)
            {
                candidate++;
            }
        }

        return candidate <= last ? candidate : null;
    }
}
