using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Swagger;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Traffic;

namespace SecurityGroups.Api.Emulator;

/// <summary>"Is this traffic allowed, and why?": the rule engine over the current state (not an Alibaba Action).</summary>
[Route("_emulator/traffic")]
[Produces("application/json")]
public sealed class TrafficController(TrafficService traffic) : ControllerBase
{
    /// <summary>Decides one packet (or up to 10,000 in <c>Packets</c>) at an ENI, an instance's primary ENI, or a what-if set of groups.</summary>
    /// <remarks>
    /// Fill in <c>InstanceId</c> (or <c>NetworkInterfaceId</c>, or <c>SecurityGroupIds</c> for a what-if). For ingress the destination defaults to the ENI's primary private IP, for egress the source. The answer has the
    /// decision, the reason (Rule, InnerAccess, Default), the deciding rule and the ordered trace of rules considered.
    /// </remarks>
    [HttpPost("evaluate")]
    [RequestExample("""{"RegionId":"cn-hangzhou","InstanceId":"","Direction":"ingress","IpProtocol":"TCP","SourceIp":"10.0.0.5","DestinationPort":22}""")]
    [ProducesResponseType<EvaluateResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<EvaluateBatchResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<AcsErrorResponse>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<AcsErrorResponse>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Evaluate([FromBody] EvaluateRequest request, CancellationToken ct)
    {
        var target = Target(request.RegionId, request.NetworkInterfaceId, request.InstanceId, request.SecurityGroupIds);
        var batch = request.Packets is not null;
        var packets = batch
            ? request.Packets!.Select(p => Required(p, "Packets")).Select(p => new PacketInput(p.Direction ?? "", p.IpProtocol ?? "", p.SourceIp, p.SourcePort, p.DestinationIp, p.DestinationPort)).ToList()
            : [new PacketInput(Required(request.Direction, "Direction"),
                Required(request.IpProtocol, "IpProtocol"),
                request.SourceIp, request.SourcePort, request.DestinationIp, request.DestinationPort)];
        var verdicts = await traffic.EvaluateAsync(target, packets, trace: !batch || request.IncludeTrace == true, ct);
        var results = verdicts.Select(v => VerdictView.From(v, !batch || request.IncludeTrace == true)).ToList();
        var requestId = HttpContext.Acs().RequestId;
        return batch ? Ok(new EvaluateBatchResponse(requestId, results)) : Ok(EvaluateResponse.Single(requestId, results[0]));
    }

    /// <summary>Can a source (instance, ENI or outside IP) open a connection to a destination instance or ENI?</summary>
    /// <remarks>
    /// The source may also be an outside address (<c>"Source":{"Ip":"203.0.113.7"}</c>) or an ENI (<c>NetworkInterfaceId</c>). Security groups are stateful: the reply needs no rule. <c>Egress</c> is the verdict at the source ENI (null for an
    /// outside IP), <c>Ingress</c> at the destination. Routing between VPCs is not modelled.
    /// </remarks>
    [HttpPost("reachability")]
    [RequestExample("""{"RegionId":"cn-hangzhou","Source":{"Ip":"10.0.0.5"},"Destination":{"InstanceId":""},"IpProtocol":"TCP","DestinationPort":22}""")]
    [ProducesResponseType<ReachabilityResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<AcsErrorResponse>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<AcsErrorResponse>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Reachability([FromBody] ReachabilityRequest request, CancellationToken ct)
    {
        var source = Required(request.Source, "Source");
        var destination = Required(request.Destination, "Destination");
        var answer = await traffic.ReachabilityAsync(Required(request.RegionId, "RegionId"),
            new TrafficEndpoint(source.InstanceId, source.NetworkInterfaceId, source.Ip),
            new TrafficEndpoint(destination.InstanceId, destination.NetworkInterfaceId, null),
            Required(request.IpProtocol, "IpProtocol"), request.DestinationPort, ct);
        return Ok(new ReachabilityResponse(HttpContext.Acs().RequestId, answer.Reachable,
            answer.Egress is { } egress ? VerdictView.From(egress, true) : null, VerdictView.From(answer.Ingress, true)));
    }

    /// <summary>The console's connectivity diagnosis: ping, SSH, HTTP, HTTPS, RDP and 8080 (or your <c>Checks</c>) from a source, with fixes.</summary>
    /// <remarks>
    /// Without <c>Checks</c> the console's six are run. <c>SourceIp</c> may be a CIDR (its first address is evaluated, the suggestion opens the whole CIDR). Each dropped check
    /// carries a <c>Suggestion</c>: the AuthorizeSecurityGroup (or, against a priority-1 Drop, RevokeSecurityGroup) parameters
    /// that would open it, with a <c>Warning</c> when that opens 22 or 3389 to 0.0.0.0/0 or ::/0.
    /// </remarks>
    [HttpPost("diagnose")]
    [RequestExample("""{"RegionId":"cn-hangzhou","InstanceId":"","SourceIp":"10.0.0.5","Checks":[{"IpProtocol":"TCP","Port":22},{"IpProtocol":"TCP","Port":5432}]}""")]
    [ProducesResponseType<DiagnoseResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<AcsErrorResponse>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<AcsErrorResponse>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Diagnose([FromBody] DiagnoseRequest request, CancellationToken ct)
    {
        var target = Target(request.RegionId, request.NetworkInterfaceId, request.InstanceId, null);
        var checks = request.Checks?.Select(c => Required(c, "Checks")).Select(c => new DiagnosisCheck(Required(c.IpProtocol, "Checks.IpProtocol"), c.Port))
            .ToList();
        var results = await traffic.DiagnoseAsync(target, request.SourceIp, checks, ct);
        return Ok(new DiagnoseResponse(HttpContext.Acs().RequestId, results.Select(DiagnosisView.From).ToList()));
    }

    /// <summary>Which peer CIDRs reach a port (or, with <c>PeerIp</c> and no <c>Port</c>, which ports a peer reaches).</summary>
    /// <remarks>
    /// The example answers, with the walkthrough's rule, <c>{"AcceptedCidrs":["10.0.0.0/8"],"DroppedCidrs":["0.0.0.0/5",…]}</c>: minimal, sorted, together the whole family
    /// (<c>AddressFamily</c> IPv4, the default, or IPv6). Computed from the compiled rules, not by trying addresses. The
    /// intra-group policy is left out: it depends on who holds an address, not on the address. <c>PeerIp</c> may be a CIDR:
    /// the answer is then the ports every address of it reaches.
    /// </remarks>
    [HttpPost("exposure")]
    [RequestExample("""{"RegionId":"cn-hangzhou","InstanceId":"","Direction":"ingress","IpProtocol":"TCP","Port":22}""")]
    [ProducesResponseType<ExposureResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<AcsErrorResponse>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<AcsErrorResponse>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Exposure([FromBody] ExposureRequest request, CancellationToken ct)
    {
        var target = Target(request.RegionId, request.NetworkInterfaceId, request.InstanceId, request.SecurityGroupIds);
        var answer = await traffic.ExposureAsync(target, new ExposureQuery(request.Direction, Required(request.IpProtocol, "IpProtocol"),
            request.Port, request.PeerIp, request.AddressFamily, request.SourcePort, request.LocalIp), ct);
        return Ok(ExposureResponse.From(HttpContext.Acs().RequestId, answer));
    }

    /// <summary>Reachability of every source instance to every destination instance on one protocol and port (a console's matrix).</summary>
    /// <remarks>
    /// Example: <c>{"RegionId":"cn-hangzhou","Sources":["i-web1","i-web2"],"DestinationVpcId":"vpc-…","IpProtocol":"TCP","DestinationPort":5432}</c>
    /// answers <c>{"Sources":["i-web1","i-web2"],"Destinations":["i-db1"],"GroupSets":[["sg-web"],["sg-db"]],"SourceGroupSets":[0,0],
    /// "DestinationGroupSets":[1],"Answers":[{"Reachable":true,"Egress":{"Decision":"Accept","Reason":"Default"},"Ingress":{"Decision":"Accept",
    /// "Reason":"Rule","SecurityGroupId":"sg-db","SecurityGroupRuleId":"sgr-…"}}],"Cells":[[0],[0]]}</c>: <c>Cells[i][j]</c> is the index in
    /// <c>Answers</c> of Sources[i] to Destinations[j], each answer what <c>reachability</c> says for that pair. Sources and destinations
    /// are instance ids (at most 1,000 each, in the order given, duplicates dropped) or every instance of <c>SourceVpcId</c> /
    /// <c>DestinationVpcId</c> (ordered by id). Computed once per distinct group set.
    /// </remarks>
    [HttpPost("matrix")]
    [RequestExample("""{"RegionId":"cn-hangzhou","SourceVpcId":"","DestinationVpcId":"","IpProtocol":"TCP","DestinationPort":22}""")]
    [ProducesResponseType<MatrixResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<AcsErrorResponse>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<AcsErrorResponse>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Matrix([FromBody] MatrixRequest request, CancellationToken ct)
    {
        var matrix = await traffic.MatrixAsync(new MatrixQuery(Required(request.RegionId, "RegionId"), request.Sources, request.SourceVpcId,
            request.Destinations, request.DestinationVpcId, Required(request.IpProtocol, "IpProtocol"), request.DestinationPort), ct);
        return Ok(MatrixResponse.From(matrix));
    }

    private static TrafficTarget Target(string? regionId, string? networkInterfaceId, string? instanceId, IReadOnlyList<string>? securityGroupIds) =>
        new(Required(regionId, "RegionId"), networkInterfaceId, instanceId, securityGroupIds ?? []);

    private static T Required<T>(T? value, string name)
        where T : class => value ?? throw new AcsException(AcsErrors.MissingParameter, name);
}
