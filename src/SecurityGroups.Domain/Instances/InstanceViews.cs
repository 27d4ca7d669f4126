using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Tags;

namespace SecurityGroups.Domain.Instances;

/// <summary>Loads the views of ENIs and instances (groups, IPs, tags) in a few queries.</summary>
public sealed class InstanceViews(EmulatorDbContext db, TagStore tags)
{
    public async Task<IReadOnlyList<NetworkInterfaceView>> EnisAsync(IReadOnlyList<NetworkInterface> enis, CancellationToken ct) =>
        (await EnisWithTagsAsync(enis, [], ct).ConfigureAwait(false)).Views;

    /// <summary>The ENIs' views and, from the same tag query, the tags of <paramref name="alsoTagged"/> (their instances).</summary>
    private async Task<(IReadOnlyList<NetworkInterfaceView> Views, ILookup<string, ResourceTag> Tags)> EnisWithTagsAsync(IReadOnlyList<NetworkInterface> enis,
        IReadOnlyCollection<string> alsoTagged, CancellationToken ct)
    {
        var ids = enis.Select(e => e.NetworkInterfaceId).ToList();
        var groups = (await db.NetworkInterfaceGroups.AsNoTracking().Where(m => ids.Contains(m.NetworkInterfaceId)).OrderBy(m => m.Position)
            .ToListAsync(ct).ConfigureAwait(false)).ToLookup(m => m.NetworkInterfaceId, m => m.SecurityGroupId);
        var ips = (await db.PrivateIpAddresses.AsNoTracking().Where(p => ids.Contains(p.OwnerId)).ToListAsync(ct).ConfigureAwait(false))
            .OrderByDescending(p => p.IsPrimary).ThenBy(p => p.AddressValue).ToLookup(p => p.OwnerId);
        var ipv6 = (await db.NetworkInterfaceIpv6Addresses.AsNoTracking().Where(a => ids.Contains(a.NetworkInterfaceId)).ToListAsync(ct).ConfigureAwait(false))
            .OrderBy(a => a.Address, StringComparer.Ordinal).ToLookup(a => a.NetworkInterfaceId, a => a.Address);
        var tagLookup = await tags.ForAsync(alsoTagged.Count == 0 ? ids : [.. ids, .. alsoTagged], ct).ConfigureAwait(false);
        return (enis.Select(e => new NetworkInterfaceView(e, groups[e.NetworkInterfaceId].ToList(), ips[e.NetworkInterfaceId].ToList(),
            tagLookup[e.NetworkInterfaceId].ToList()) { Ipv6Addresses = ipv6[e.NetworkInterfaceId].ToList() }).ToList(), tagLookup);
    }

    public async Task<IReadOnlyList<InstanceView>> InstancesAsync(IReadOnlyList<Instance> instances, CancellationToken ct)
    {
        var ids = instances.Select(i => i.InstanceId).ToList();
        var enis = await db.NetworkInterfaces.AsNoTracking().Where(e => ids.Contains(e.InstanceId)).ToListAsync(ct).ConfigureAwait(false);
        var (eniViews, tagLookup) = await EnisWithTagsAsync(enis, ids, ct).ConfigureAwait(false); // one tag query for ENIs and instances
        var views = eniViews.ToLookup(v => v.Eni.InstanceId);
        return instances.Select(i => new InstanceView(i,
            // the primary, then the secondaries by device index (the order of RunInstances NetworkInterface.N / of attachment):
            // Terraform's alicloud_instance reads them into its network_interfaces list, compared with the configuration in order
            views[i.InstanceId].OrderByDescending(v => v.Eni.Type == NetworkInterfaceTypes.Primary).ThenBy(v => v.Eni.DeviceIndex)
                .ThenBy(v => v.Eni.NetworkInterfaceId, StringComparer.Ordinal).ToList(),
            tagLookup[i.InstanceId].ToList())).ToList();
    }
}
