using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.SecurityGroups;
using SecurityGroups.Domain.Traffic;
using SecurityGroups.RuleEngine;

namespace SecurityGroups.Api.Emulator;

/// <summary>"Is this traffic allowed, and why?": the rule engine over the current state (not an Alibaba Action).</summary>
[Route("_emulator/traffic")]
[Produces("application/json")]
public sealed class TrafficController(TrafficService traffic) : ControllerBase
{
    /// <summary>Decides one packet (or up to 10,000 in <c>Packets</c>) at an ENI, an instance's primary ENI, or a what-if set of groups.</summary>
    /// <remarks>
    /// Example: <c>{"RegionId":"cn-hangzhou","InstanceId":"i-…","Direction":"ingress","IpProtocol":"TCP","SourceIp":"10.0.0.5","DestinationPort":22}</c>.
    /// For ingress the destination defaults to the ENI's primary private IP, for egress the source. The answer has the
    /// decision, the reason (Rule, InnerAccess, Default), the deciding rule and the ordered trace of rules considered.
    /// </remarks>
    [HttpPost("evaluate")]
    [ProducesResponseType<EvaluateResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<EvaluateBatchResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<AcsErrorResponse>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<AcsErrorResponse>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Evaluate([FromBody] EvaluateRequest request, CancellationToken ct)
    {
        var target = new TrafficTarget(request.RegionId ?? throw new AcsException(AcsErrors.MissingParameter, "RegionId"),
            request.NetworkInterfaceId, request.InstanceId, request.SecurityGroupIds ?? []);
        var batch = request.Packets is not null;
        var packets = batch
            ? request.Packets!.Select(p => new PacketInput(p.Direction ?? "", p.IpProtocol ?? "", p.SourceIp, p.SourcePort, p.DestinationIp, p.DestinationPort)).ToList()
            : [new PacketInput(request.Direction ?? throw new AcsException(AcsErrors.MissingParameter, "Direction"),
                request.IpProtocol ?? throw new AcsException(AcsErrors.MissingParameter, "IpProtocol"),
                request.SourceIp, request.SourcePort, request.DestinationIp, request.DestinationPort)];
        var verdicts = await traffic.EvaluateAsync(target, packets, trace: !batch || request.IncludeTrace == true, ct);
        var results = verdicts.Select(v => VerdictView.From(v, !batch || request.IncludeTrace == true)).ToList();
        var requestId = HttpContext.Acs().RequestId;
        return batch ? Ok(new EvaluateBatchResponse(requestId, results)) : Ok(EvaluateResponse.Single(requestId, results[0]));
    }
}

public sealed record EvaluateRequest(string? RegionId, string? NetworkInterfaceId, string? InstanceId, IReadOnlyList<string>? SecurityGroupIds,
    string? Direction, string? IpProtocol, string? SourceIp, int? SourcePort, string? DestinationIp, int? DestinationPort,
    IReadOnlyList<PacketRequest>? Packets, bool? IncludeTrace);

public sealed record PacketRequest(string? Direction, string? IpProtocol, string? SourceIp, int? SourcePort, string? DestinationIp, int? DestinationPort);

/// <summary>One verdict; a single evaluation answers with these fields at the top level, a batch with <c>Results</c>.</summary>
public sealed record VerdictView(string Decision, string Reason, MatchedRuleView? MatchedRule,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<TraceView>? Trace,
    int EvaluatedRules)
{
    public static VerdictView From(TrafficVerdict verdict, bool trace) => new(
        verdict.Verdict.Decision.ToString(), verdict.Verdict.Reason.ToString(), verdict.MatchedRule is { } rule ? MatchedRuleView.From(rule) : null,
        trace ? verdict.Verdict.Trace.Select(TraceView.From).ToList() : null, verdict.Verdict.EvaluatedRules);
}

public sealed record MatchedRuleView(string SecurityGroupId, string SecurityGroupRuleId, string Direction, int Priority, string Policy, string IpProtocol,
    string PortRange, string PortRangeListId, string SourcePortRange, string SourceCidrIp, string Ipv6SourceCidrIp, string SourceGroupId, string SourcePrefixListId,
    string DestCidrIp, string Ipv6DestCidrIp, string DestGroupId, string DestPrefixListId, string Description)
{
    public static MatchedRuleView From(SecurityGroupRule r) => new(r.SecurityGroupId, r.SecurityGroupRuleId, r.Direction, r.Priority, r.Policy, r.IpProtocol,
        r.PortRange, r.PortRangeListId, r.SourcePortRange, r.SourceCidrIp, r.Ipv6SourceCidrIp, r.SourceGroupId, r.SourcePrefixListId,
        r.DestCidrIp, r.Ipv6DestCidrIp, r.DestGroupId, r.DestPrefixListId, r.Description);
}

public sealed record TraceView(string SecurityGroupId, string SecurityGroupRuleId, int Priority, string Policy, bool Matched, string? Mismatch)
{
    public static TraceView From(TraceEntry entry) => new(entry.Rule.GroupId, entry.Rule.RuleId, entry.Rule.Priority, entry.Rule.IsDrop ? "Drop" : "Accept",
        entry.Matched, entry.Mismatch == RuleEngine.Mismatch.None ? null : entry.Mismatch.ToString());
}

/// <summary>The answer to one packet.</summary>
public sealed record EvaluateResponse(string RequestId, string Decision, string Reason, MatchedRuleView? MatchedRule, IReadOnlyList<TraceView> Trace, int EvaluatedRules)
{
    public static EvaluateResponse Single(string requestId, VerdictView verdict) =>
        new(requestId, verdict.Decision, verdict.Reason, verdict.MatchedRule, verdict.Trace ?? [], verdict.EvaluatedRules);
}

/// <summary>The answer to a batch: one verdict per packet, in order (traces only with <c>IncludeTrace</c>).</summary>
public sealed record EvaluateBatchResponse(string RequestId, IReadOnlyList<VerdictView> Results);
