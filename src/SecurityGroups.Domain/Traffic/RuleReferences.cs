using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Rules;
using SecurityGroups.Domain.SecurityGroups;

namespace SecurityGroups.Domain.Traffic;

/// <summary>
/// The content of one thing a rule refers to, as read from the database: a referenced group's members (each
/// <c>"vpc address"</c>, in order), or a prefix list's or port list's entries (in order) with its MaxEntries. Equal content
/// resolves to equal engine rules, so the findings cache compares it to know whether a group's answer still holds.
/// </summary>
internal sealed record ReferenceContent(int MaxEntries, string[] Items)
{
    public static readonly ReferenceContent None = new(0, []);

    public bool SameAs(ReferenceContent other) =>
        ReferenceEquals(this, other) || (MaxEntries == other.MaxEntries && Items.AsSpan().SequenceEqual(other.Items));
}

/// <summary>
/// What a set of rules refers to (referenced groups' member addresses, prefix lists, port lists), read in one query per
/// kind for the ids not read yet: one instance serves one read snapshot, and grows as more rules are resolved with it.
/// An id that does not exist reads as empty content (<see cref="ReferenceContent.None"/>).
/// </summary>
internal sealed class RuleReferences(EmulatorDbContext db)
{
    private readonly Dictionary<string, ReferenceContent> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReferenceContent> _prefixLists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReferenceContent> _portLists = new(StringComparer.Ordinal);

    /// <summary>The members of a referenced group (<c>"vpc address"</c> each).</summary>
    public ReferenceContent Group(string groupId) => _groups.GetValueOrDefault(groupId) ?? ReferenceContent.None;

    public ReferenceContent PrefixList(string prefixListId) => _prefixLists.GetValueOrDefault(prefixListId) ?? ReferenceContent.None;

    public ReferenceContent PortList(string portRangeListId) => _portLists.GetValueOrDefault(portRangeListId) ?? ReferenceContent.None;

    /// <summary>The content read for one reference of the given kind.</summary>
    public ReferenceContent Content(ReferenceKind kind, string id) => kind switch
    {
        ReferenceKind.Group => Group(id),
        ReferenceKind.PrefixList => PrefixList(id),
        _ => PortList(id),
    };

    /// <summary>How many rules <paramref name="rule"/> counts as (its lists' MaxEntries: <see cref="RuleQuota.Units"/>).</summary>
    public int Units(SecurityGroupRule rule) =>
        RuleQuota.Units(PrefixList(rule.SourcePrefixListId).MaxEntries, PrefixList(rule.DestPrefixListId).MaxEntries, PortList(rule.PortRangeListId).MaxEntries);

    /// <summary>Reads what <paramref name="rules"/> refer to and was not read yet.</summary>
    public Task LoadAsync(IReadOnlyCollection<SecurityGroupRule> rules, CancellationToken ct) =>
        LoadAsync(rules.Select(r => r.ReferencedGroupId), rules.SelectMany(r => new[] { r.SourcePrefixListId, r.DestPrefixListId }), rules.Select(r => r.PortRangeListId), ct);

    /// <summary>Reads the groups and lists named (empty names ignored) that were not read yet.</summary>
    public async Task LoadAsync(IEnumerable<string> groupIds, IEnumerable<string> prefixListIds, IEnumerable<string> portListIds, CancellationToken ct)
    {
        var groups = Missing(groupIds, _groups);
        if (groups.Count > 0)
        {
            var rows = await (from m in db.NetworkInterfaceGroups.AsNoTracking()
                              join e in db.NetworkInterfaces.AsNoTracking() on m.NetworkInterfaceId equals e.NetworkInterfaceId
                              join p in db.PrivateIpAddresses.AsNoTracking() on e.NetworkInterfaceId equals p.OwnerId
                              where EF.Parameter(groups).Contains(m.SecurityGroupId)
                              select new { m.SecurityGroupId, e.VpcId, p.Address }).ToListAsync(ct).ConfigureAwait(false);
            Store(groups, _groups, rows.ToLookup(r => r.SecurityGroupId, r => r.VpcId + " " + r.Address, StringComparer.Ordinal), _ => 0);
        }

        var prefixLists = Missing(prefixListIds, _prefixLists);
        if (prefixLists.Count > 0)
        {
            var sizes = await db.PrefixLists.AsNoTracking().Where(l => EF.Parameter(prefixLists).Contains(l.PrefixListId))
                .ToDictionaryAsync(l => l.PrefixListId, l => l.MaxEntries, StringComparer.Ordinal, ct).ConfigureAwait(false);
            var entries = (await db.PrefixListEntries.AsNoTracking().Where(e => EF.Parameter(prefixLists).Contains(e.PrefixListId)).Select(e => new { e.PrefixListId, e.Cidr })
                .ToListAsync(ct).ConfigureAwait(false)).ToLookup(e => e.PrefixListId, e => e.Cidr, StringComparer.Ordinal);
            Store(prefixLists, _prefixLists, entries, id => sizes.GetValueOrDefault(id));
        }

        var portLists = Missing(portListIds, _portLists);
        if (portLists.Count > 0)
        {
            var sizes = await db.PortRangeLists.AsNoTracking().Where(l => EF.Parameter(portLists).Contains(l.PortRangeListId))
                .ToDictionaryAsync(l => l.PortRangeListId, l => l.MaxEntries, StringComparer.Ordinal, ct).ConfigureAwait(false);
            var entries = (await db.PortRangeListEntries.AsNoTracking().Where(e => EF.Parameter(portLists).Contains(e.PortRangeListId)).Select(e => new { e.PortRangeListId, e.PortRange })
                .ToListAsync(ct).ConfigureAwait(false)).ToLookup(e => e.PortRangeListId, e => e.PortRange, StringComparer.Ordinal);
            Store(portLists, _portLists, entries, id => sizes.GetValueOrDefault(id));
        }
    }

    private static List<string> Missing(IEnumerable<string> ids, Dictionary<string, ReferenceContent> known) =>
        ids.Where(id => id.Length > 0 && !known.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();

    private static void Store(List<string> ids, Dictionary<string, ReferenceContent> into, ILookup<string, string> items, Func<string, int> maxEntries)
    {
        foreach (var id in ids)
        {
            var list = items[id].ToArray();
            Array.Sort(list, StringComparer.Ordinal);
            var max = maxEntries(id);
            into[id] = list.Length == 0 && max == 0 ? ReferenceContent.None : new ReferenceContent(max, list);
        }
    }
}
