using System.Diagnostics;
using SecurityGroups.Api.Acs;
using SecurityGroups.Domain.Common;

namespace SecurityGroups.Api.Metrics;

/// <summary>
/// Counts and times every Alibaba Action call on <c>/</c> and every emulator endpoint under <c>/_emulator/</c>, in the
/// pipeline only when <c>Metrics:Enabled</c>. Labels are bounded and allocate nothing per request: the Action as the
/// dispatch table spells it (any other name, or none, is <see cref="Unknown"/>), the route template of an emulator
/// endpoint, the catalogued error code, and constants for product, outcome and status class.
/// </summary>
internal sealed class RequestMetricsMiddleware(RequestDelegate next, EmulatorMetrics metrics)
{
    /// <summary>The <c>action</c> (and <c>product</c>) label of a request whose Action is not served, or never resolved.</summary>
    public const string Unknown = "(unknown)";

    public const string EmulatorProduct = "emulator";

    public async Task InvokeAsync(HttpContext http)
    {
        var path = http.Request.Path;
        var rpc = path == "/";
        if (!metrics.Requests.Enabled || (!rpc && !path.StartsWithSegments(AcsGatewayMiddleware.EmulatorPrefix, StringComparison.OrdinalIgnoreCase)))
        {
            await next(http);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(http);
        }
        finally
        {
            Record(http, rpc, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    private void Record(HttpContext http, bool rpc, double seconds)
    {
        var acs = http.Features.Get<AcsRequestContext>();
        string action, product;
        if (rpc)
        {
            action = acs?.CatalogAction ?? Unknown;
            product = acs?.CatalogProduct?.MetricLabel ?? Unknown;
        }
        else
        {
            action = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? Unknown;
            product = EmulatorProduct;
        }

        var status = http.Response.StatusCode;
        var outcome = status >= 500 ? "server_error" : status >= 400 ? "client_error" : "ok";
        var tags = new TagList
        {
            { "action", action },
            { "product", product },
            { "outcome", outcome },
        };
        metrics.RequestDuration.Record(seconds, tags);
        tags.Add("status_class", StatusClass(status));
        metrics.Requests.Add(1, tags);
        if (acs?.Error is { } error)
        {
            metrics.Errors.Add(1, new KeyValuePair<string, object?>("action", action), new KeyValuePair<string, object?>("code", error.Code));
        }
    }

    private static string StatusClass(int status) => (status / 100) switch
    {
        1 => "1xx",
        2 => "2xx",
        3 => "3xx",
        4 => "4xx",
        _ => "5xx",
    };
}
