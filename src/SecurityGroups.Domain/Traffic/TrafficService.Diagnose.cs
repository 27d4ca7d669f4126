using System.Net;
using System.Net.Sockets;
using SecurityGroups.Domain.Errors;
using SecurityGroups.RuleEngine;

namespace SecurityGroups.Domain.Traffic;

/// <summary>One diagnosis check: a protocol and (for TCP and UDP) a destination port.</summary>
public sealed record DiagnosisCheck(string IpProtocol, int? Port);

/// <summary>
/// A fix for a dropped check: the Alibaba Action and its flattened parameters, ready for an SDK or CLI call, and a
/// warning when it would open a management port (or every port) to the whole internet.
/// </summary>
public sealed record Suggestion(string Action, IReadOnlyDictionary<string, string> Parameters, string? Warning);

public sealed record DiagnosisResult(DiagnosisCheck Check, TrafficVerdict Verdict, Suggestion? Suggestion);

public sealed partial class TrafficService
{
    /// <summary>The console's default diagnosis: ping, SSH, HTTP, HTTPS, RDP and 8080.</summary>
    public static readonly IReadOnlyList<DiagnosisCheck> DefaultChecks =
        [new("ICMP", null), new("TCP", 22), new("TCP", 80), new("TCP", 443), new("TCP", 3389), new("TCP", 8080)];

    private const int MaxChecks = 100;

    /// <summary>
    /// Runs each check as an inbound packet from <paramref name="source"/> (an address, or a CIDR whose first address is
    /// evaluated and which the suggestion opens) to the target's primary private IP, and for each drop suggests the exact
    /// change that opens it: an Accept rule one priority above the deciding Drop (in that Drop's group), or at priority 1
    /// in the first group; a Drop at priority 1 cannot be outranked, so the suggestion revokes it.
    /// </summary>
    public async Task<IReadOnlyList<DiagnosisResult>> DiagnoseAsync(TrafficTarget target, string? source, IReadOnlyList<DiagnosisCheck>? checks,
        CancellationToken ct)
    {
        regions.Require(target.RegionId);
        if (string.IsNullOrEmpty(target.InstanceId) && string.IsNullOrEmpty(target.NetworkInterfaceId))
        {
            throw new AcsException(AcsErrors.MissingParameter, "InstanceId");
        }

        var (address, cidr) = SourceCidr(source ?? throw new AcsException(AcsErrors.MissingParameter, "SourceIp"));
        checks = checks is null || checks.Count == 0 ? DefaultChecks : checks.Count <= MaxChecks ? checks
            : throw new AcsException(AcsErrors.InvalidParameterDetail, $"Give at most {MaxChecks} checks.");
        var model = await ModelAsync(target, ct).ConfigureAwait(false);
        var packets = checks.Select(c => new PacketInput("ingress", c.IpProtocol, address.ToString(), null, null, c.Port)).ToList();
        var verdicts = Evaluate(model, packets, trace: false);
        var firstGroup = model.Groups.Select(g => g.SecurityGroupId).Order(StringComparer.Ordinal).First();
        return checks.Select((check, i) => new DiagnosisResult(check, verdicts[i],
            verdicts[i].Verdict.Decision == Decision.Drop ? Suggest(target.RegionId, firstGroup, check, cidr, verdicts[i]) : null)).ToList();
    }

    private static (IPAddress Address, IPNetwork Cidr) SourceCidr(string text)
    {
        if (text.Contains('/', StringComparison.Ordinal))
        {
            var cidr = Cidr(text, "SourceIp");
            return (cidr.BaseAddress, cidr);
        }

        var address = Address(text, "SourceIp");
        return (address, new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
    }

    private static Suggestion Suggest(string regionId, string firstGroup, DiagnosisCheck check, IPNetwork cidr, TrafficVerdict verdict)
    {
        var drop = verdict.Verdict.MatchedRule;
        if (drop is { Priority: 1 })
        {
            return new Suggestion("RevokeSecurityGroup", new Dictionary<string, string>
            {
                ["RegionId"] = regionId,
                ["SecurityGroupId"] = drop.GroupId,
                ["SecurityGroupRuleId.1"] = drop.RuleId,
            }, $"Rule {drop.RuleId} drops this traffic at priority 1, which no Accept rule can outrank; revoking it also stops what else it drops.");
        }

        IpProtocol.TryParse(check.IpProtocol, out var protocol);
        var port = protocol.HasPorts ? $"{check.Port}/{check.Port}" : "-1/-1";
        var ipv6 = cidr.BaseAddress.AddressFamily == AddressFamily.InterNetworkV6;
        var parameters = new Dictionary<string, string>
        {
            ["RegionId"] = regionId,
            ["SecurityGroupId"] = drop?.GroupId ?? firstGroup,
            ["Permissions.1.Policy"] = "Accept",
            ["Permissions.1.Priority"] = (drop is null ? 1 : drop.Priority - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Permissions.1.IpProtocol"] = protocol.Name,
            ["Permissions.1.PortRange"] = port,
            [ipv6 ? "Permissions.1.Ipv6SourceCidrIp" : "Permissions.1.SourceCidrIp"] = cidr.ToString(),
        };
        var management = protocol.HasPorts && check.Port is 22 or 3389;
        var warning = cidr.PrefixLength == 0 && management
            ? $"This opens {protocol.Name} {check.Port} (a management port) to the whole internet ({cidr}); prefer the addresses you administer from."
            : null;
        return new Suggestion("AuthorizeSecurityGroup", parameters, warning);
    }
}
