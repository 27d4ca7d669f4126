using System.Collections.Concurrent;

namespace SecurityGroups.Domain.Common;

/// <summary>
/// Read results by key, valid for one write version (<see cref="WriteGate.CurrentVersionAsync"/>): every committed mutation bumps the version before it
/// is acknowledged, so a reader that sees the write misses here and reloads; until the next write, hits read no database
/// and take no lock. A new version drops the whole generation at once (one compare-exchange); a generation holds at most
/// <c>maxEntries</c> values. Values must be immutable in use: every reader shares them.
/// </summary>
public sealed class VersionedCache<T>(WriteGate gate, int maxEntries)
    where T : class
{
    private Generation _current = new(-1);

    public async Task<T> GetAsync(string key, Func<CancellationToken, Task<T>> load, CancellationToken ct)
    {
        var version = await gate.CurrentVersionAsync(ct).ConfigureAwait(false);
        var generation = Volatile.Read(ref _current);
        if (generation.Version == version && generation.Values.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var value = await load(ct).ConfigureAwait(false);
        if (generation.Version != version)
        {
            var fresh = new Generation(version);
            generation = Interlocked.CompareExchange(ref _current, fresh, generation) == generation ? fresh : Volatile.Read(ref _current);
        }

        if (generation.Version == version && generation.Values.Count < maxEntries)
        {
            generation.Values[key] = value;
        }

        return value;
    }

    private sealed record Generation(long Version)
    {
        public ConcurrentDictionary<string, T> Values { get; } = new(StringComparer.Ordinal);
    }
}
