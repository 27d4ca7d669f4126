using System.Threading.RateLimiting;
using SecurityGroups.Api.Acs;

namespace SecurityGroups.UnitTests.Acs;

/// <summary>Alibaba's flow-control window: so many calls per clock minute, again from the next minute, retry-after exact.</summary>
public sealed class MinuteWindowLimiterTests
{
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void ThrottledInMinuteT_AllowedAgainAtTheStartOfMinuteTPlus1_WithTheExactWait()
    {
        var clock = new Clock(new DateTimeOffset(2026, 11, 28, 12, 0, 45, 250, TimeSpan.Zero));
        using var limiter = new MinuteWindowLimiter(2, clock);

        Assert.True(limiter.AttemptAcquire().IsAcquired);
        clock.Now = clock.Now.AddSeconds(10); // 12:00:55.250
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        using var refused = limiter.AttemptAcquire();
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(4_750), wait);
        Assert.Null(limiter.IdleDuration);

        clock.Now = new DateTimeOffset(2026, 11, 28, 12, 0, 59, 999, TimeSpan.Zero);
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        clock.Now = clock.Now.AddMilliseconds(1); // 12:01:00.000: a new window
        Assert.Equal(TimeSpan.Zero, limiter.IdleDuration);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        Assert.Equal(0, limiter.GetStatistics()!.CurrentAvailablePermits);
    }

    [Fact]
    public void BeforeItsFirstCall_ItIsBusyInItsMinuteAndIdleAfter()
    {
        var clock = new Clock(new DateTimeOffset(2026, 11, 28, 12, 0, 30, TimeSpan.Zero));
        using var limiter = new MinuteWindowLimiter(1, clock);
        Assert.Null(limiter.IdleDuration); // the partitioned limiter's idle scan may look before the first call
        clock.Now = clock.Now.AddSeconds(45); // 12:01:15
        Assert.Equal(TimeSpan.FromSeconds(15), limiter.IdleDuration);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void ALimitOfZero_RefusesEveryCall()
    {
        using var limiter = new MinuteWindowLimiter(0, new Clock(DateTimeOffset.UnixEpoch));
        using var lease = limiter.AttemptAcquire();
        Assert.False(lease.IsAcquired);
        Assert.True(lease.TryGetMetadata(MetadataName.RetryAfter, out var wait));
        Assert.Equal(TimeSpan.FromMinutes(1), wait);
    }
}
