using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using SecurityGroups.Api.Acs;
using SecurityGroups.Domain.Common;

namespace SecurityGroups.Api.Metrics;

/// <summary>
/// OpenTelemetry with the Prometheus exporter on <see cref="EmulatorMetrics.MeterName"/>, served at <c>GET /metrics</c>
/// (unauthenticated like <c>/_emulator/health</c>; it holds no account data: ADR-010). With <c>Metrics:Enabled=false</c>
/// nothing is registered: no listener, so every instrument is disabled, and <c>/metrics</c> is not mapped.
/// </summary>
internal static class MetricsEndpoint
{
    public static IServiceCollection AddEmulatorMetrics(this IServiceCollection services, MetricsOptions options)
    {
        if (options.Enabled)
        {
            services.AddOpenTelemetry()
                .ConfigureResource(r => r.AddService("securitygroups"))
                .WithMetrics(m => m.AddMeter(EmulatorMetrics.MeterName)
                    // Every scrape reads the current values: no cached answer (a scrape of these few series is cheap).
                    .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));

            // Listening is by meter name, process-wide: only this host's meter (its IMeterFactory is the meter's scope) is
            // exported, so two servers in one process (the tests) never count each other's requests.
            services.ConfigureOpenTelemetryMeterProvider((sp, m) =>
            {
                var own = sp.GetRequiredService<IMeterFactory>();
                m.AddView(instrument => ReferenceEquals(instrument.Meter.Scope, own) ? null : MetricStreamConfiguration.Drop);
            });
        }

        return services;
    }

    /// <summary>The request metrics and <c>GET /metrics</c> (405 for other methods), when enabled.</summary>
    public static WebApplication UseRequestMetrics(this WebApplication app, MetricsOptions options)
    {
        if (options.Enabled)
        {
            app.UseMiddleware<RequestMetricsMiddleware>();
        }

        return app;
    }

    public static WebApplication MapMetrics(this WebApplication app, MetricsOptions options)
    {
        if (options.Enabled)
        {
            app.MapPrometheusScrapingEndpoint(AcsGatewayMiddleware.MetricsPath)
                .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
                .ExcludeFromDescription();
        }

        return app;
    }
}
