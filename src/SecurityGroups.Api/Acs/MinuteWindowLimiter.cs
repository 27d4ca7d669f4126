using System.Threading.RateLimiting;

namespace SecurityGroups.Api.Acs;

/// <summary>
/// Alibaba's flow-control window as an ASP.NET Core <see cref="RateLimiter"/>: <c>permits</c> calls per clock minute; a
/// call throttled in minute T may succeed again from the first instant of minute T+1, and a refusal says exactly how long
/// that is (<see cref="MetadataName.RetryAfter"/>). A limit of 0 refuses every call.
/// </summary>
internal sealed class MinuteWindowLimiter(int permits, TimeProvider clock) : RateLimiter
{
    private const long MinuteMs = 60_000;
    private static readonly RateLimitLease Granted = new MinuteWindowLease(null);
    private readonly Lock _lock = new();
    private long _minute = clock.GetUtcNow().ToUnixTimeMilliseconds() / MinuteMs; // the creation minute, nothing used yet
    private int _used;

    /// <summary>Idle once its minute is over (its count no longer matters), so the partitioned limiter may drop it.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            lock (_lock)
            {
                return now / MinuteMs == _minute ? null : TimeSpan.FromMilliseconds(now - ((_minute + 1) * MinuteMs));
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            return new RateLimiterStatistics { CurrentAvailablePermits = Math.Max(0, permits - _used) };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_lock)
        {
            if (now / MinuteMs != _minute)
            {
                _minute = now / MinuteMs;
                _used = 0;
            }

            if (_used + permitCount <= permits)
            {
                _used += permitCount;
                return Granted;
            }

            return new MinuteWindowLease(TimeSpan.FromMilliseconds(((_minute + 1) * MinuteMs) - now));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));
}

/// <summary>Granted, or refused with the time until the next minute (no metadata when it only defers to the asynchronous acquire).</summary>
internal sealed class MinuteWindowLease(TimeSpan? retryAfter, bool acquired) : RateLimitLease
{
    public MinuteWindowLease(TimeSpan? retryAfter)
        : this(retryAfter, retryAfter is null)
    {
    }

    public override bool IsAcquired => acquired;

    public override IEnumerable<string> MetadataNames => retryAfter is { } wait && wait > TimeSpan.Zero ? [MetadataName.RetryAfter.Name] : [];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = retryAfter is { } wait && wait > TimeSpan.Zero && metadataName == MetadataName.RetryAfter.Name ? wait : null;
        return metadata is not null;
    }
}
