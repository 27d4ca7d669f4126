using System.Collections.Concurrent;
using SecurityGroups.Domain.Persistence;

namespace SecurityGroups.Domain.Common;

/// <summary>
/// Read results by key, valid for one write version (<see cref="WriteGate.CurrentVersionAsync(TableSet, CancellationToken)"/>): every committed mutation bumps the version before it
/// is acknowledged, so a reader that sees the write misses here and reloads; until the next write, hits read no database
/// and take no lock. A new version drops the whole generation at once (one compare-exchange). A generation holds at most
/// <c>maxEntries</c> values and, when a <c>weigh</c> estimate is given, at most <c>maxBytes</c> of them: a value whose
/// size grows with the region (a compiled model of a big VPC, a findings report) counts as what it holds, not as one
/// entry. Past either cap, reads are still answered, just not kept. Values must be immutable in use: every reader shares them.
/// <para>With <c>reads</c> (the tables the loaders read, ADR-012), the version is that of those tables only: a write to
/// other tables keeps the generation.</para>
/// </summary>
/// <remarks>Each lookup counts as a hit or a miss in <c>securitygroups_cache_lookups_total{cache="<paramref name="name"/>"}</c>.</remarks>
public sealed class VersionedCache<T>(string name, WriteGate gate, int maxEntries, long maxBytes = long.MaxValue, Func<T, long>? weigh = null,
    TableSet? reads = null)
    where T : class
{
    private readonly KeyValuePair<string, object?> _cacheTag = new("cache", name);
    private Generation _current = new(-1);

    public VersionedCache(WriteGate gate, int maxEntries, long maxBytes = long.MaxValue, Func<T, long>? weigh = null)
        : this(typeof(T).Name, gate, maxEntries, maxBytes, weigh)
    {
    }

    public async Task<T> GetAsync(string key, Func<CancellationToken, Task<T>> load, CancellationToken ct)
    {
        var version = await gate.CurrentVersionAsync(reads, ct).ConfigureAwait(false);
        var generation = Volatile.Read(ref _current);
        var lookups = gate.Metrics?.CacheLookups;
        if (generation.Version == version && generation.Values.TryGetValue(key, out var cached))
        {
            lookups?.Add(1, _cacheTag, Hit);
            return cached;
        }

        lookups?.Add(1, _cacheTag, Miss);

        var value = await load(ct).ConfigureAwait(false);
        if (generation.Version != version)
        {
            var fresh = new Generation(version);
            generation = Interlocked.CompareExchange(ref _current, fresh, generation) == generation ? fresh : Volatile.Read(ref _current);
        }

        if (generation.Version == version && generation.Values.Count < maxEntries && generation.Reserve(weigh?.Invoke(value) ?? 0, maxBytes))
        {
            generation.Values[key] = value;
        }

        return value;
    }

    private static readonly KeyValuePair<string, object?> Hit = new("result", "hit");
    private static readonly KeyValuePair<string, object?> Miss = new("result", "miss");

    private sealed record Generation(long Version)
    {
        private long _bytes;

        public ConcurrentDictionary<string, T> Values { get; } = new(StringComparer.Ordinal);

        /// <summary>Counts <paramref name="bytes"/> against the budget; false (and nothing counted) when they do not fit.</summary>
        public bool Reserve(long bytes, long budget)
        {
            if (Interlocked.Add(ref _bytes, bytes) <= budget)
            {
                return true;
            }

            Interlocked.Add(ref _bytes, -bytes);
            return false;
        }
    }
}
