using System.Net;

namespace SecurityGroups.RuleEngine;

public enum TrafficDirection
{
    Ingress,
    Egress,
}

public enum Decision
{
    Accept,
    Drop,
}

/// <summary>Why a verdict was reached: a rule matched, the basic groups' intra-group policy accepted, or the type's default.</summary>
public enum DecisionReason
{
    Rule,
    InnerAccess,
    Default,
}

/// <summary>Why a rule did not match a packet (the first reason found, in this order).</summary>
public enum Mismatch
{
    None,
    Protocol,
    Port,
    SourcePort,
    Address,
    LocalAddress,
}

/// <summary>A packet at an ENI: ports are -1 for protocols without ports.</summary>
public readonly record struct Packet(TrafficDirection Direction, int Protocol, IPAddress SourceIp, int SourcePort, IPAddress DestinationIp, int DestinationPort);

/// <summary>A security group as the engine sees it.</summary>
public sealed record EngineGroup(string GroupId, bool IsEnterprise, bool InnerAccessAccept);

/// <summary>
/// A rule with every reference resolved: <see cref="Ports"/> (a range, or a port list's entries), <see cref="Peers"/> (a
/// CIDR; the private IPs of a referenced group's members; or a prefix list's entries) and the quintuple address
/// <see cref="LocalAddress"/> (the ENI side). <see cref="Source"/> carries the caller's own object for reporting.
/// </summary>
public sealed record EngineRule(string RuleId, string GroupId, TrafficDirection Direction, int Priority, bool IsDrop, IpProtocol Protocol,
    IReadOnlyList<PortRange> Ports, PortRange? SourcePorts, IReadOnlyList<IPNetwork> Peers, IPNetwork? LocalAddress, object? Source = null);

/// <summary>One rule considered, in evaluation order, and whether it matched.</summary>
public sealed record TraceEntry(EngineRule Rule, bool Matched, Mismatch Mismatch);

/// <summary>The answer: decision, reason, the deciding rule (for <see cref="DecisionReason.Rule"/>) and the ordered trace.</summary>
public sealed record Verdict(Decision Decision, DecisionReason Reason, EngineRule? MatchedRule, IReadOnlyList<TraceEntry> Trace, int EvaluatedRules);
