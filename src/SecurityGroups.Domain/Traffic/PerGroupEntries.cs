using System.Collections.Concurrent;
using SecurityGroups.Domain.Common;

namespace SecurityGroups.Domain.Traffic;

/// <summary>An answer kept for one group: the rules stamp it was computed at, what its rules referred to, its rough size.</summary>
internal interface IGroupEntry
{
    long RulesStamp { get; }

    Dependency[] Dependencies { get; }

    /// <summary>The version of <see cref="RuleDependencies.MemberReads"/> at which the referenced groups' members last read as the entry's.</summary>
    long MembersCheckedAt { get; }

    long Bytes { get; }
}

/// <summary>
/// Answers kept per group across writes (ADR-011), one immutable map per account and region, replaced whole on each
/// update. The maps together are capped at <c>maxBytes</c> by the entries' estimates: past it, other regions' maps are
/// dropped, and a region bigger than the cap alone is not kept. Lookups count in
/// <c>securitygroups_cache_lookups_total{cache="<paramref name="name"/>"}</c>.
/// </summary>
internal sealed class PerGroupEntries<T>(string name, EmulatorMetrics? metrics, long maxBytes)
    where T : class, IGroupEntry
{
    private static readonly IReadOnlyDictionary<string, T> Empty = new Dictionary<string, T>();
    private readonly ConcurrentDictionary<string, Region> _regions = new(StringComparer.Ordinal);
    private readonly KeyValuePair<string, object?> _tag = new("cache", name);
    private long _bytes;

    /// <summary>What is kept for a region, by group id.</summary>
    public IReadOnlyDictionary<string, T> Of(string account, string regionId) =>
        _regions.TryGetValue(Key(account, regionId), out var region) ? region.Entries : Empty;

    /// <summary>
    /// The entry kept for <paramref name="group"/> if it was computed at <paramref name="rulesStamp"/> (its dependencies
    /// are still to be checked: <see cref="RuleDependencies.StillHold"/>).
    /// </summary>
    public static T? Candidate(IReadOnlyDictionary<string, T> kept, string group, long rulesStamp) =>
        kept.TryGetValue(group, out var entry) && entry.RulesStamp == rulesStamp ? entry : null;

    /// <summary>Replaces what is kept for a region by <paramref name="entries"/>.</summary>
    public void Replace(string account, string regionId, IReadOnlyDictionary<string, T> entries)
    {
        var key = Key(account, regionId);
        var fresh = new Region(entries, entries.Values.Sum(e => e.Bytes));
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

    /// <summary>Keeps <paramref name="updates"/> beside what the region already keeps (a later update of a group replaces it).</summary>
    public void Merge(string account, string regionId, IReadOnlyDictionary<string, T> updates)
    {
        if (updates.Count == 0)
        {
            return;
        }

        var merged = new Dictionary<string, T>(Of(account, regionId), StringComparer.Ordinal);
        foreach (var (group, entry) in updates)
        {
            merged[group] = entry;
        }

        Replace(account, regionId, merged);
    }

    /// <summary>Counts a region's lookups: <paramref name="hits"/> groups answered from here, <paramref name="misses"/> read again.</summary>
    public void Count(int hits, int misses)
    {
        if (metrics?.CacheLookups is { } lookups)
        {
            lookups.Add(hits, _tag, new("result", "hit"));
            lookups.Add(misses, _tag, new("result", "miss"));
        }
    }

    private static string Key(string account, string regionId) => account + "|" + regionId;

    private sealed record Region(IReadOnlyDictionary<string, T> Entries, long Bytes);
}
