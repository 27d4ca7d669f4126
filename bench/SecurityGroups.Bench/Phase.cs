using System.Diagnostics;

namespace SecurityGroups.Bench;

/// <summary>One measured phase: requests per second, p50 and p99 latency, errors (5xx counted apart).</summary>
internal sealed record PhaseResult(string Phase, string Server, int Concurrency, int Requests, double Seconds, double P50Ms, double P99Ms, int Errors, int ServerErrors)
{
    public double Rps => Requests / Seconds;
}

internal static class Phase
{
    /// <summary>Runs <paramref name="count"/> operations with <paramref name="concurrency"/> in flight; each returns when its request is done.</summary>
    public static async Task<PhaseResult> RunAsync(string phase, string server, int concurrency, int count, Func<int, Task> operation)
    {
        var latencies = new double[count];
        var errors = 0;
        var serverErrors = 0;
        var next = -1;
        var total = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var watch = Stopwatch.StartNew();
                try
                {
                    await operation(i);
                }
                catch (BenchRequestException ex)
                {
                    Interlocked.Increment(ref errors);
                    if (ex.Status >= 500)
                    {
                        Interlocked.Increment(ref serverErrors);
                    }
                }

                latencies[i] = watch.Elapsed.TotalMilliseconds;
            }
        });
        await Task.WhenAll(workers);
        total.Stop();
        Array.Sort(latencies);
        return new PhaseResult(phase, server, concurrency, count, total.Elapsed.TotalSeconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99), errors, serverErrors);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
