using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.SecurityGroups;
using SecurityGroups.Domain.Traffic;
using SecurityGroups.RuleEngine;

namespace SecurityGroups.Api.Emulator;

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

public sealed record EndpointRequest(string? InstanceId, string? NetworkInterfaceId, string? Ip);

public sealed record ReachabilityRequest(string? RegionId, EndpointRequest? Source, EndpointRequest? Destination, string? IpProtocol, int? DestinationPort);

/// <summary>Whether a new connection gets through, with the verdict at each end.</summary>
public sealed record ReachabilityResponse(string RequestId, bool Reachable, VerdictView? Egress, VerdictView Ingress);

public sealed record CheckRequest(string? IpProtocol, int? Port);

public sealed record DiagnoseRequest(string? RegionId, string? InstanceId, string? NetworkInterfaceId, string? SourceIp, IReadOnlyList<CheckRequest>? Checks);

public sealed record SuggestionView(string Action, IReadOnlyDictionary<string, string> Parameters, string? Warning);

/// <summary>One check's result; <c>Port</c> is -1 for protocols without ports.</summary>
public sealed record DiagnosisView(string IpProtocol, int Port, string Decision, string Reason, MatchedRuleView? MatchedRule, SuggestionView? Suggestion)
{
    public static DiagnosisView From(DiagnosisResult result) => new(result.Check.IpProtocol.ToUpperInvariant(), result.Check.Port ?? -1,
        result.Verdict.Verdict.Decision.ToString(), result.Verdict.Verdict.Reason.ToString(),
        result.Verdict.MatchedRule is { } rule ? MatchedRuleView.From(rule) : null,
        result.Suggestion is { } s ? new SuggestionView(s.Action, s.Parameters, s.Warning) : null);
}

public sealed record DiagnoseResponse(string RequestId, IReadOnlyList<DiagnosisView> Results);

public sealed record ExposureRequest(string? RegionId, string? NetworkInterfaceId, string? InstanceId, IReadOnlyList<string>? SecurityGroupIds,
    string? Direction, string? IpProtocol, int? Port, string? PeerIp, string? AddressFamily, int? SourcePort, string? LocalIp);

/// <summary>Peer CIDRs for a port question, or port ranges (as "from/to") for a peer question; the other pair is omitted.</summary>
public sealed record ExposureResponse(
    string RequestId,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? AcceptedCidrs,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? DroppedCidrs,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? AcceptedPorts,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? DroppedPorts)
{
    public static ExposureResponse From(string requestId, Exposure e) => new(requestId,
        e.AcceptedCidrs?.Select(n => n.ToString()).ToList(), e.DroppedCidrs?.Select(n => n.ToString()).ToList(),
        e.AcceptedPorts?.Select(p => p.ToString()).ToList(), e.DroppedPorts?.Select(p => p.ToString()).ToList());
}

public sealed record FindingView(string Code, string Severity, string SecurityGroupId,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? SecurityGroupRuleId,
    string Message);

/// <summary>A region's findings: a pure function of the version-cached <see cref="RegionFindings"/>, so it is mapped and rendered once per version.</summary>
public sealed class FindingsResponse : AcsResponse
{
    public required IReadOnlyList<FindingView> Findings { get; init; }

    public static FindingsResponse From(RegionFindings found) => new()
    {
        Findings = DerivedOnce<RegionFindings, IReadOnlyList<FindingView>>.Get(found, f => f.Items.Select(i => new FindingView(i.Code, i.Severity,
            i.SecurityGroupId, i.SecurityGroupRuleId.Length > 0 ? i.SecurityGroupRuleId : null, i.Message)).ToList()),
        RenderedFrom = new RenderedFrom(found, ""),
    };
}

public sealed record MatrixRequest(string? RegionId, IReadOnlyList<string>? Sources, string? SourceVpcId, IReadOnlyList<string>? Destinations,
    string? DestinationVpcId, string? IpProtocol, int? DestinationPort);

/// <summary>One side's verdict in a matrix answer; the rule fields are left out unless a rule decided.</summary>
public sealed record MatrixVerdictView(string Decision, string Reason,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? SecurityGroupId,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? SecurityGroupRuleId)
{
    public static MatrixVerdictView From(MatrixVerdict v) => new(v.Decision.ToString(), v.Reason.ToString(), v.Rule?.SecurityGroupId, v.Rule?.SecurityGroupRuleId);
}

public sealed record MatrixAnswerView(bool Reachable, MatrixVerdictView Egress, MatrixVerdictView Ingress);

/// <summary>
/// The matrix: <c>Cells[i][j]</c> indexes <c>Answers</c> for Sources[i] to Destinations[j] (docs/evaluation.md). A pure function
/// of the version-cached <see cref="ReachabilityMatrix"/>: mapped and rendered once per version.
/// </summary>
public sealed class MatrixResponse : AcsResponse
{
    public required IReadOnlyList<string> Sources { get; init; }

    public required IReadOnlyList<string> Destinations { get; init; }

    public required IReadOnlyList<IReadOnlyList<string>> GroupSets { get; init; }

    public required IReadOnlyList<int> SourceGroupSets { get; init; }

    public required IReadOnlyList<int> DestinationGroupSets { get; init; }

    public required IReadOnlyList<MatrixAnswerView> Answers { get; init; }

    public required IReadOnlyList<int[]> Cells { get; init; }

    public static MatrixResponse From(ReachabilityMatrix m) => new()
    {
        Sources = m.Sources,
        Destinations = m.Destinations,
        GroupSets = m.GroupSets,
        SourceGroupSets = m.SourceGroupSets,
        DestinationGroupSets = m.DestinationGroupSets,
        Answers = DerivedOnce<ReachabilityMatrix, IReadOnlyList<MatrixAnswerView>>.Get(m, x => x.Answers
            .Select(a => new MatrixAnswerView(a.Reachable, MatrixVerdictView.From(a.Egress), MatrixVerdictView.From(a.Ingress))).ToList()),
        Cells = m.Cells,
        RenderedFrom = new RenderedFrom(m, ""),
    };
}
