using System.Diagnostics.Metrics;

namespace SecurityGroups.Domain.Common;

/// <summary>
/// The one <see cref="Meter"/> of the server (<see cref="MeterName"/>) and every instrument on it, exported at <c>/metrics</c>
/// (docs/operations.md, ADR-010). Created through the host's <see cref="IMeterFactory"/>, so each host (and each test
/// server) has its own. Recording costs nothing while no listener is enabled (<c>Metrics:Enabled=false</c>); with the
/// exporter on, a measurement is an in-memory aggregation and the text is only written when <c>/metrics</c> is scraped.
/// Every label value is bounded: Action names from the dispatch table, error codes from the catalog, constant names
/// for caches and outcomes; nothing a caller types becomes a label.
/// </summary>
public sealed class EmulatorMetrics
{
    public const string MeterName = "SecurityGroups";

    /// <summary>Latency buckets (seconds) from half a millisecond to ten seconds.</summary>
    private static readonly double[] LatencyBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <param name="meters">The host's meter factory.</param>
    /// <param name="replica">This replica's name (<c>Storage:ReplicaId</c>, else host and process).</param>
    /// <param name="provider">The storage provider's canonical name (Sqlite, Postgres).</param>
    public EmulatorMetrics(IMeterFactory meters, string replica, string provider)
    {
        var meter = meters.Create(MeterName);
        Requests = meter.CreateCounter<long>("securitygroups.requests", description: "Requests answered, per Action, product, outcome and HTTP status class.");
        RequestDuration = meter.CreateHistogram("securitygroups.request.duration", "s", "Time from the request's arrival to its answer, per Action.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        Errors = meter.CreateCounter<long>("securitygroups.errors", description: "Error answers, per Action and Alibaba error Code.");
        WriterWait = meter.CreateHistogram("securitygroups.writer.wait", "s", "Time a mutation waited for the write gate (and, on PostgreSQL, the shared write row) before it ran.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        CacheLookups = meter.CreateCounter<long>("securitygroups.cache.lookups", description: "Lookups in the version-keyed read caches, per cache and result (hit or miss).");
        KeyValuePair<string, object?>[] identity = [new("replica", replica), new("provider", provider)];
        meter.CreateObservableGauge("securitygroups.replica.info", () => new Measurement<int>(1, identity),
            description: "Always 1: which replica answers the scrape and on which storage provider.");
        Meter = meter;
    }

    public Meter Meter { get; }

    /// <summary>Tags: <c>action</c>, <c>product</c> (ecs, vpc, emulator), <c>outcome</c> (ok, client_error, server_error), <c>status_class</c>.</summary>
    public Counter<long> Requests { get; }

    /// <summary>Seconds; tags <c>action</c>, <c>product</c>, <c>outcome</c>.</summary>
    public Histogram<double> RequestDuration { get; }

    /// <summary>Tags: <c>action</c>, <c>code</c> (a catalogued Alibaba error code).</summary>
    public Counter<long> Errors { get; }

    /// <summary>Seconds, one measurement per mutation (<see cref="WriteGate.BeginAsync"/>).</summary>
    public Histogram<double> WriterWait { get; }

    /// <summary>Tags: <c>cache</c> (the cache's fixed name), <c>result</c> (hit, miss).</summary>
    public Counter<long> CacheLookups { get; }
}
