using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Persistence.Postgres;
using SecurityGroups.Domain.Regions;

namespace SecurityGroups.Api.Acs;

/// <summary>
/// Section <c>Throttling</c>: Alibaba's API flow control, off by default, for testing a client's retry logic. When on,
/// each (account, Action, RegionId) may make <see cref="RequestsPerMinute"/> calls per clock minute (or the Action's
/// entry in <see cref="Actions"/>; 0 refuses every call); past it: <c>Throttling.User</c> (400) with
/// <c>x-acs-retry-after</c>, the milliseconds until the next minute.
/// </summary>
public sealed class ThrottlingOptions
{
    /// <summary>Read at start-up: when off, the rate limiter is not in the pipeline at all.</summary>
    public bool Enabled { get; set; }

    public int RequestsPerMinute { get; set; } = 100;

    /// <summary>Per-Action limits, e.g. <c>Throttling:Actions:AuthorizeSecurityGroup = 10</c>; names match case-insensitively.</summary>
    public Dictionary<string, int> Actions { get; set; } = [];
}

/// <summary>
/// The flow control through ASP.NET Core's rate-limiting middleware: one <see cref="MinuteWindowLimiter"/> per (account,
/// Action, RegionId), partitioned after the gateway has resolved the Action and the caller; no queue. Only Alibaba
/// Actions on <c>/</c> count.
/// </summary>
internal static class AcsThrottling
{
    public const string RetryAfterHeader = "x-acs-retry-after";

    /// <summary>The region part of the key of every RegionId the catalog does not know (one shared window).</summary>
    public const string UnknownRegion = "?";

    /// <summary>The section is bound and validated with the others (Startup/OptionsValidation).</summary>
    public static IServiceCollection AddAcsThrottling(this IServiceCollection services)
    {
        services.AddSingleton<ThrottlingLimiters>();
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = AcsErrors.ThrottlingUser.HttpStatus;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
            limiter.OnRejected = RejectAsync;
        });
    }

    private static RateLimitPartition<string> Partition(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<ThrottlingOptions>>().CurrentValue;
        var acs = http.Features.Get<AcsRequestContext>();
        if (!options.Enabled || acs?.Action is not { } action || http.Request.Path != "/")
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var limit = options.RequestsPerMinute;
        foreach (var (name, perAction) in options.Actions)
        {
            if (string.Equals(name, action, StringComparison.OrdinalIgnoreCase)) // configuration keys are case-insensitive
            {
                limit = perAction;
            }
        }

        // Every part of the key is bounded: configured accounts, catalogued Actions (the gateway refused any other), the
        // configured regions plus "none" and "unknown" (the Action itself then refuses an unknown RegionId).
        var regionId = acs.Parameters.Bound("RegionId"); // the region the Action will run in, whatever the name's letter case
        var region = string.IsNullOrEmpty(regionId) ? "" : http.RequestServices.GetRequiredService<RegionCatalog>().Contains(regionId) ? regionId : UnknownRegion;
        var key = string.Join('\n', acs.AccountId, action, region, limit.ToString(CultureInfo.InvariantCulture));
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        var counter = http.RequestServices.GetRequiredService<ThrottlingLimiters>();
        var shared = http.RequestServices.GetService<SharedThrottleCounts>(); // PostgreSQL: counted across replicas (ADR-008)
        return RateLimitPartition.Get(key, _ =>
        {
            counter.Created();
            return shared is null ? new MinuteWindowLimiter(Math.Max(0, limit), clock) : new SharedMinuteWindowLimiter(Math.Max(0, limit), clock, key, shared);
        });
    }

    private static ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            http.Response.Headers[RetryAfterHeader] = ((long)Math.Ceiling(retryAfter.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
        }

        return new ValueTask(AcsResponseWriter.WriteErrorAsync(http, AcsErrors.ThrottlingUser, AcsErrors.ThrottlingUser.Message));
    }
}

/// <summary>How many per-key limiters the flow control has created (bounded by accounts x Actions x regions; tests read it).</summary>
internal sealed class ThrottlingLimiters
{
    private long _created;

    public long Count => Interlocked.Read(ref _created);

    public void Created() => Interlocked.Increment(ref _created);
}
