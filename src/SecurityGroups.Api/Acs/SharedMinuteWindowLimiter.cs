using System.Threading.RateLimiting;
using SecurityGroups.Domain.Persistence.Postgres;

namespace SecurityGroups.Api.Acs;

/// <summary>
/// <see cref="MinuteWindowLimiter"/>'s window counted in the database every replica shares (<see cref="SharedThrottleCounts"/>):
/// <c>permits</c> calls per key and clock minute across all replicas. The synchronous attempt grants nothing, so ASP.NET
/// Core's rate limiter goes on to the asynchronous acquire, which counts the call in one statement.
/// </summary>
internal sealed class SharedMinuteWindowLimiter(int permits, TimeProvider clock, string key, SharedThrottleCounts counts) : RateLimiter
{
    private const long MinuteMs = 60_000;
    private static readonly RateLimitLease NotYet = new MinuteWindowLease(TimeSpan.Zero, acquired: false);
    private static readonly RateLimitLease Granted = new MinuteWindowLease(null, acquired: true);
    private long _lastMinute = clock.GetUtcNow().ToUnixTimeMilliseconds() / MinuteMs;

    /// <summary>Idle once the minute of its last call is over (the count lives in the database).</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var last = Interlocked.Read(ref _lastMinute);
            return now / MinuteMs == last ? null : TimeSpan.FromMilliseconds(now - ((last + 1) * MinuteMs));
        }
    }

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => NotYet;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var minute = now / MinuteMs;
        Interlocked.Exchange(ref _lastMinute, minute);
        if (permits == 0)
        {
            return new MinuteWindowLease(TimeSpan.FromMilliseconds(((minute + 1) * MinuteMs) - now), acquired: false);
        }

        var used = await counts.CountAsync(key, minute, cancellationToken).ConfigureAwait(false);
        return used <= permits ? Granted : new MinuteWindowLease(TimeSpan.FromMilliseconds(((minute + 1) * MinuteMs) - now), acquired: false);
    }
}
