using System.Collections.Concurrent;
using SecurityGroups.Domain.Persistence.Postgres;

namespace SecurityGroups.Api.Auth;

/// <summary>Signature nonces seen within the timestamp window, per access key: kept in memory (a restart forgets them), or,
/// on PostgreSQL, in the database every replica shares (<see cref="SharedNonces"/>, ADR-008).</summary>
internal sealed class NonceCache(TimeProvider clock, SharedNonces? shared = null)
{
    private const int SweepEvery = 4096;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private int _inserts;

    /// <summary>Nonces held now (expired ones go at the next sweep).</summary>
    internal int Count => _seen.Count;

    /// <summary>True on PostgreSQL: nonces are recorded with <see cref="TryUseSharedAsync"/>, where every replica sees them.</summary>
    public bool IsShared => shared is not null;

    /// <summary>Records the nonce in the shared database; false when any replica saw it and it has not expired.</summary>
    public ValueTask<bool> TryUseSharedAsync(string accessKeyId, string nonce, TimeSpan lifetime, CancellationToken ct) =>
        (shared ?? throw new InvalidOperationException("Nonces are kept in memory here.")).TryUseAsync(accessKeyId + "\n" + nonce, lifetime, ct);

    /// <summary>Records the nonce; false when it was already used and has not expired.</summary>
    public bool TryUse(string accessKeyId, string nonce, TimeSpan lifetime)
    {
        var key = accessKeyId + "\n" + nonce;
        var now = clock.GetUtcNow();
        if (Interlocked.Increment(ref _inserts) % SweepEvery == 0)
        {
            foreach (var (k, expiry) in _seen)
            {
                if (expiry <= now)
                {
                    _seen.TryRemove(k, out _);
                }
            }
        }

        var added = false;
        _seen.AddOrUpdate(key, _ => { added = true; return now + lifetime; }, (_, expiry) =>
        {
            if (expiry <= now)
            {
                added = true;
                return now + lifetime;
            }

            return expiry;
        });
        return added;
    }
}
