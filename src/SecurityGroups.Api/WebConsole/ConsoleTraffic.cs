using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Emulator;

namespace SecurityGroups.Api.WebConsole;

/// <summary>The console's traffic questions, asked through the emulator's own traffic endpoints (their controller), so a
/// page shows exactly what <c>/_emulator/traffic/*</c> answers.</summary>
internal sealed class ConsoleTraffic(ConsoleApi api)
{
    /// <summary>Why: from a source (IP, instance or ENI) to a destination (instance or ENI: reachability, both ends; a
    /// group set <c>sg-…[,sg-…]</c>: the ingress evaluation of those groups at <paramref name="destinationIp"/>).</summary>
    public async Task<ConsoleResult<WhyAnswer>> WhyAsync(string region, string source, string destination, string protocol, int? port, string? destinationIp)
    {
        if (destination.StartsWith("sg-", StringComparison.Ordinal))
        {
            var ip = source.StartsWith("i-", StringComparison.Ordinal) || source.StartsWith("eni-", StringComparison.Ordinal) ? null : source;
            var evaluated = await api.RunAsync<TrafficController, EvaluateRequest, IActionResult>(
                new EvaluateRequest(region, null, null, [.. destination.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                    "ingress", protocol, ip, null, destinationIp, port, null, null),
                (c, r, ct) => c.Evaluate(r, ct));
            return Map(evaluated, v => v is EvaluateResponse e
                ? new WhyAnswer(e.Decision == "Accept", null, new VerdictView(e.Decision, e.Reason, e.MatchedRule, e.Trace, e.EvaluatedRules))
                : null);
        }

        var reach = await api.RunAsync<TrafficController, ReachabilityRequest, IActionResult>(
            new ReachabilityRequest(region, Endpoint(source, allowIp: true), Endpoint(destination, allowIp: false), protocol, port),
            (c, r, ct) => c.Reachability(r, ct));
        return Map(reach, v => v is ReachabilityResponse r ? new WhyAnswer(r.Reachable, r.Egress, r.Ingress) : null);
    }

    private static EndpointRequest Endpoint(string value, bool allowIp) =>
        value.StartsWith("eni-", StringComparison.Ordinal) ? new EndpointRequest(null, value, null)
        : value.StartsWith("i-", StringComparison.Ordinal) || !allowIp ? new EndpointRequest(value, null, null)
        : new EndpointRequest(null, null, value);

    private static ConsoleResult<WhyAnswer> Map(ConsoleResult<IActionResult> result, Func<object?, WhyAnswer?> map) =>
        result.Value is ObjectResult { Value: var body } && map(body) is { } answer
            ? ConsoleResult<WhyAnswer>.Ok(answer)
            : ConsoleResult<WhyAnswer>.Refused(result.Code ?? "InternalError", result.Message ?? "No answer.");
}

/// <summary>The decision, and the verdict at each end (no egress verdict for an outside source or a group set).</summary>
internal sealed record WhyAnswer(bool Reachable, VerdictView? Egress, VerdictView Ingress);
