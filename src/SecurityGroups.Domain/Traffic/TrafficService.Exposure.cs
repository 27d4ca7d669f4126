using System.Net;
using SecurityGroups.Domain.Errors;
using SecurityGroups.RuleEngine;

namespace SecurityGroups.Domain.Traffic;

/// <summary>
/// An exposure question: which peers reach this port, or (with <see cref="PeerIp"/> and no port) which ports a peer reaches;
/// a CIDR as <see cref="PeerIp"/> asks which ports every address of that set reaches.
/// </summary>
public sealed record ExposureQuery(string? Direction, string IpProtocol, int? Port, string? PeerIp, string? AddressFamily, int? SourcePort, string? LocalIp);

/// <summary>The answer: accepted and dropped peer CIDRs (for a port), or accepted and dropped port ranges (for a peer).</summary>
public sealed record Exposure(IReadOnlyList<IPNetwork>? AcceptedCidrs, IReadOnlyList<IPNetwork>? DroppedCidrs,
    IReadOnlyList<PortRange>? AcceptedPorts, IReadOnlyList<PortRange>? DroppedPorts);

public sealed partial class TrafficService
{
    /// <summary>
    /// Answers from the compiled snapshot. The local address is the ENI's primary private IP unless
    /// <see cref="ExposureQuery.LocalIp"/> is given; for a what-if without one, rules restricted to a local address do not
    /// match. The intra-group policy is left out (it depends on who holds an address, not on the address).
    /// </summary>
    public async Task<Exposure> ExposureAsync(TrafficTarget target, ExposureQuery query, CancellationToken ct)
    {
        regions.Require(target.RegionId);
        var direction = ParseDirection(query.Direction);
        var protocol = ParseProtocol(query.IpProtocol);
        var sourcePort = !protocol.HasPorts ? -1 : query.SourcePort is null ? DefaultSourcePort : ValidPort(query.SourcePort, "SourcePort");
        var model = await ModelAsync(target, ct).ConfigureAwait(false);
        var local = query.LocalIp is not null ? Address(query.LocalIp, "LocalIp") : model.PrimaryIp is { } primary ? Address(primary, "PrimaryIp") : null;
        if (query.Port is null && query.PeerIp is not null && protocol.HasPorts)
        {
            var (open, closed) = query.PeerIp.Contains('/', StringComparison.Ordinal)
                ? model.Compiled.PortExposure(direction, protocol.Number, Cidr(query.PeerIp, "PeerIp"), sourcePort, local)
                : model.Compiled.PortExposure(direction, protocol.Number, Address(query.PeerIp, "PeerIp"), sourcePort, local);
            return new Exposure(null, null, open, closed);
        }

        var port = protocol.HasPorts ? ValidPort(query.Port, "Port") : -1;
        var ipv6 = (query.AddressFamily ?? "IPv4").ToLowerInvariant() switch
        {
            "ipv4" => false,
            "ipv6" => true,
            _ => throw new AcsException(AcsErrors.InvalidParameter, "AddressFamily"),
        };
        var (accepted, dropped) = model.Compiled.Exposure(direction, protocol.Number, port, sourcePort, local, ipv6);
        return new Exposure(accepted, dropped, null, null);
    }

}
