namespace SecurityGroups.Api.Metrics;

/// <summary>Section <c>Metrics</c>: the Prometheus endpoint <c>/metrics</c> and the instruments behind it (ADR-010).</summary>
public sealed class MetricsOptions
{
    /// <summary>Read at start-up (default true). When false, no listener is registered (recording costs nothing) and
    /// <c>/metrics</c> answers 404 <c>InvalidApi.NotFound</c>.</summary>
    public bool Enabled { get; set; } = true;
}
