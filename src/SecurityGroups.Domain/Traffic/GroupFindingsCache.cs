using System.Collections.Concurrent;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.SecurityGroups;

namespace SecurityGroups.Domain.Traffic;

/// <summary>
/// Each group's rule findings, kept across writes (ADR-011): an answer holds while the group's
/// <see cref="SecurityGroup.RulesStamp"/> is the one it was computed at (no rule of the group added, changed or deleted)
/// and everything its rules refer to (referenced groups' members, prefix lists, port lists) reads the same. So after a
/// write, a region's findings re-read and re-analyse only the groups the write could have changed.
/// <para>One immutable map per account and region, replaced whole by each analysis (groups deleted since drop out);
/// the maps together are capped at <c>maxBytes</c> by an estimate of what they hold: past it, other regions' maps are
/// dropped, and a region bigger than the cap alone is not kept.</para>
/// </summary>
/// <remarks>Each group looked up counts in <c>securitygroups_cache_lookups_total{cache="group_findings"}</c>.</remarks>
public sealed class GroupFindingsCache(EmulatorMetrics? metrics, long maxBytes)
{
    private readonly ConcurrentDictionary<string, RegionEntries> _regions = new(StringComparer.Ordinal);
    private long _bytes;

    private static readonly KeyValuePair<string, object?> CacheTag = new("cache", "group_findings");

    /// <summary>What a region's analysis kept, by group id.</summary>
    internal IReadOnlyDictionary<string, GroupFindingsEntry> Region(string account, string regionId) =>
        _regions.TryGetValue(Key(account, regionId), out var region) ? region.Entries : RegionEntries.Empty.Entries;

    /// <summary>Replaces what is kept for a region by <paramref name="entries"/> (every group of the region, as just analysed).</summary>
    internal void Keep(string account, string regionId, Dictionary<string, GroupFindingsEntry> entries)
    {
        var key = Key(account, regionId);
        var fresh = new RegionEntries(entries, entries.Values.Sum(e => e.Bytes));
        var old = _regions.TryGetValue(key, out var kept) ? kept : null;
        if (fresh.Bytes > maxBytes)
        {
            if (old is not null && _regions.TryRemove(new(key, old)))
            {
                Interlocked.Add(ref _bytes, -old.Bytes);
            }

            return;
        }

        if (old is null ? _regions.TryAdd(key, fresh) : _regions.TryUpdate(key, fresh, old))
        {
            Interlocked.Add(ref _bytes, fresh.Bytes - (old?.Bytes ?? 0));
        }

        foreach (var other in _regions)
        {
            if (Interlocked.Read(ref _bytes) <= maxBytes)
            {
                break;
            }

            if (other.Key != key && _regions.TryRemove(other))
            {
                Interlocked.Add(ref _bytes, -other.Value.Bytes);
            }
        }
    }

    /// <summary>Counts a region's lookups: <paramref name="hits"/> groups answered from here, <paramref name="misses"/> analysed again.</summary>
    internal void Count(int hits, int misses)
    {
        if (metrics?.CacheLookups is { } lookups)
        {
            lookups.Add(hits, CacheTag, new("result", "hit"));
            lookups.Add(misses, CacheTag, new("result", "miss"));
        }
    }

    private static string Key(string account, string regionId) => account + "|" + regionId;

    private sealed record RegionEntries(IReadOnlyDictionary<string, GroupFindingsEntry> Entries, long Bytes)
    {
        public static readonly RegionEntries Empty = new(new Dictionary<string, GroupFindingsEntry>(), 0);
    }
}

/// <summary>What a group's rules refer to.</summary>
internal enum ReferenceKind
{
    Group,
    PrefixList,
    PortList,
}

/// <summary>One thing a group's rules refer to, with the content it had when the group was analysed.</summary>
internal readonly record struct Dependency(ReferenceKind Kind, string Id, ReferenceContent Content);

/// <summary>A group's rule findings, computed at <see cref="RulesStamp"/> with <see cref="Dependencies"/> as they read then.</summary>
internal sealed record GroupFindingsEntry(long RulesStamp, IReadOnlyList<Finding> Findings, Dependency[] Dependencies)
{
    /// <summary>A rough size: the findings' strings and each dependency's items.</summary>
    public long Bytes { get; } = 256 + (Findings.Count * 512L) + Dependencies.Sum(d => 64 + (d.Content.Items.Length * 48L));

    /// <summary>The entry for a group's rules as just analysed with <paramref name="references"/>.</summary>
    public static GroupFindingsEntry Of(long rulesStamp, IReadOnlyList<Finding> findings, IEnumerable<SecurityGroupRule> rules, RuleReferences references)
    {
        var dependencies = new HashSet<(ReferenceKind, string)>();
        foreach (var rule in rules)
        {
            Add(ReferenceKind.Group, rule.ReferencedGroupId);
            Add(ReferenceKind.PrefixList, rule.SourcePrefixListId);
            Add(ReferenceKind.PrefixList, rule.DestPrefixListId);
            Add(ReferenceKind.PortList, rule.PortRangeListId);
        }

        return new(rulesStamp, findings, dependencies.Select(d => new Dependency(d.Item1, d.Item2, references.Content(d.Item1, d.Item2))).ToArray());

        void Add(ReferenceKind kind, string id)
        {
            if (id.Length > 0)
            {
                dependencies.Add((kind, id));
            }
        }
    }

    /// <summary>Whether everything the group's rules refer to still reads as it did (<paramref name="references"/> must hold them: <see cref="LoadDependenciesAsync"/>).</summary>
    public bool StillHolds(RuleReferences references) => Array.TrueForAll(Dependencies, d => d.Content.SameAs(references.Content(d.Kind, d.Id)));

    /// <summary>Reads, in one query per kind, what <paramref name="entries"/> depend on.</summary>
    public static Task LoadDependenciesAsync(IEnumerable<GroupFindingsEntry> entries, RuleReferences references, CancellationToken ct)
    {
        var all = entries.SelectMany(e => e.Dependencies).ToList();
        return references.LoadAsync(Ids(all, ReferenceKind.Group), Ids(all, ReferenceKind.PrefixList), Ids(all, ReferenceKind.PortList), ct);

        static IEnumerable<string> Ids(List<Dependency> all, ReferenceKind kind) => all.Where(d => d.Kind == kind).Select(d => d.Id);
    }
}
