using System.Collections.Concurrent;
using SecurityGroups.Domain.Common;

namespace SecurityGroups.Domain.Traffic;

/// <summary>
/// Compiled traffic models by target, valid for one <see cref="WriteGate.Version"/>: any committed change (to a group,
/// rule, list, membership or IP) bumps the version before it is acknowledged, so the very next evaluation misses and
/// recompiles from the database; until then evaluations read no database and take no lock. A new version drops the
/// whole generation at once (an immutable swap); a generation holds at most <see cref="MaxEntries"/> models.
/// </summary>
public sealed class TrafficModelCache(WriteGate gate)
{
    private const int MaxEntries = 4096;

    private Generation _current = new(-1);

    internal async Task<TrafficModel> GetAsync(string key, Func<CancellationToken, Task<TrafficModel>> load, CancellationToken ct)
    {
        var version = gate.Version;
        var generation = Volatile.Read(ref _current);
        if (generation.Version == version && generation.Models.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var model = await load(ct).ConfigureAwait(false);
        if (generation.Version != version)
        {
            var fresh = new Generation(version);
            generation = Interlocked.CompareExchange(ref _current, fresh, generation) == generation ? fresh : Volatile.Read(ref _current);
        }

        if (generation.Version == version && generation.Models.Count < MaxEntries)
        {
            generation.Models[key] = model;
        }

        return model;
    }

    private sealed record Generation(long Version)
    {
        public ConcurrentDictionary<string, TrafficModel> Models { get; } = new(StringComparer.Ordinal);
    }
}
