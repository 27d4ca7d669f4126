using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Domain.Traffic;

/// <summary>One end of a connection: an instance (its primary ENI), an ENI, or (source only) an outside address.</summary>
public sealed record TrafficEndpoint(string? InstanceId, string? NetworkInterfaceId, string? Ip);

/// <summary>Whether a new connection gets through: egress at the source ENI (none for an outside address), then ingress at the destination.</summary>
public sealed record Reachability(bool Reachable, TrafficVerdict? Egress, TrafficVerdict Ingress);

public sealed partial class TrafficService
{
    /// <summary>
    /// Can <paramref name="source"/> open a connection to <paramref name="destination"/> on this protocol and port? Security
    /// groups are stateful, so the reply needs no rule: the answer is the source's egress verdict and the destination's
    /// ingress verdict, each from the current compiled model. Routing (VPC peering, public addresses) is not modelled.
    /// </summary>
    public async Task<Reachability> ReachabilityAsync(string regionId, TrafficEndpoint source, TrafficEndpoint destination, string ipProtocol,
        int? destinationPort, CancellationToken ct)
    {
        regions.Require(regionId);
        if (string.IsNullOrEmpty(destination.InstanceId) && string.IsNullOrEmpty(destination.NetworkInterfaceId))
        {
            throw new AcsException(AcsErrors.MissingParameter, "Destination.InstanceId");
        }

        var outside = string.IsNullOrEmpty(source.InstanceId) && string.IsNullOrEmpty(source.NetworkInterfaceId);
        if (outside && string.IsNullOrEmpty(source.Ip))
        {
            throw new AcsException(AcsErrors.MissingParameter, "Source.InstanceId");
        }

        var to = await ModelAsync(new TrafficTarget(regionId, destination.NetworkInterfaceId, destination.InstanceId, []), ct).ConfigureAwait(false);
        TrafficVerdict? egress = null;
        var sourceIp = source.Ip;
        if (!outside)
        {
            var from = await ModelAsync(new TrafficTarget(regionId, source.NetworkInterfaceId, source.InstanceId, []), ct).ConfigureAwait(false);
            sourceIp = from.PrimaryIp;
            egress = Evaluate(from, [new PacketInput("egress", ipProtocol, sourceIp, null, to.PrimaryIp, destinationPort)], trace: true)[0];
        }

        var ingress = Evaluate(to, [new PacketInput("ingress", ipProtocol, sourceIp, null, to.PrimaryIp, destinationPort)], trace: true)[0];
        var reachable = ingress.Verdict.Decision == RuleEngine.Decision.Accept && egress?.Verdict.Decision is null or RuleEngine.Decision.Accept;
        return new Reachability(reachable, egress, ingress);
    }
}
