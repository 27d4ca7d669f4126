using SecurityGroups.Api.Rules;
using SecurityGroups.Api.SecurityGroups;

namespace SecurityGroups.Api.WebConsole;

/// <summary>The console's rule form: one peer field and one port field, mapped onto an Action's own rule parameters
/// (<c>SourceCidrIp</c>, <c>Ipv6SourceCidrIp</c>, <c>SourceGroupId</c> or <c>SourcePrefixListId</c> for ingress, the
/// <c>Dest…</c> ones for egress; <c>PortRange</c> or <c>PortRangeListId</c>). The API then validates them as sent.</summary>
public sealed class ConsoleRuleForm
{
    public string? Policy { get; set; } = "accept";
    public string? Priority { get; set; } = "1";
    public string? IpProtocol { get; set; } = "TCP";
    public string? Ports { get; set; }
    public string? Peer { get; set; }
    public string? Description { get; set; }
    public string? RuleId { get; set; }

    /// <summary>The quick-add presets of Alibaba's console.</summary>
    public static readonly IReadOnlyList<(string Name, string Protocol, string Ports)> Presets =
    [
        ("SSH 22", "TCP", "22/22"), ("Telnet 23", "TCP", "23/23"), ("HTTP 80", "TCP", "80/80"), ("HTTPS 443", "TCP", "443/443"),
        ("MS SQL 1433", "TCP", "1433/1433"), ("Oracle 1521", "TCP", "1521/1521"), ("MySQL 3306", "TCP", "3306/3306"),
        ("RDP 3389", "TCP", "3389/3389"), ("PostgreSQL 5432", "TCP", "5432/5432"), ("Redis 6379", "TCP", "6379/6379"), ("ICMP", "ICMP", "-1/-1"),
    ];

    public static ConsoleRuleForm FromPreset(string? preset)
    {
        var p = Presets.FirstOrDefault(x => x.Name == preset);
        return p.Name is null ? new ConsoleRuleForm() : new ConsoleRuleForm { IpProtocol = p.Protocol, Ports = p.Ports, Description = p.Name };
    }

    public static ConsoleRuleForm From(PermissionItem rule) => new()
    {
        RuleId = rule.SecurityGroupRuleId,
        Policy = rule.Policy.ToLowerInvariant(),
        Priority = rule.Priority,
        IpProtocol = rule.IpProtocol.ToUpperInvariant(),
        Ports = rule.PortRangeListId.Length > 0 ? rule.PortRangeListId : rule.PortRange,
        Peer = PeerOf(rule),
        Description = rule.Description,
    };

    /// <summary>What a rule admits (ingress) or reaches (egress): its CIDR, group or prefix list.</summary>
    public static string PeerOf(PermissionItem r) => r.Direction == "egress"
        ? First(r.DestCidrIp, r.Ipv6DestCidrIp, r.DestGroupId, r.DestPrefixListId)
        : First(r.SourceCidrIp, r.Ipv6SourceCidrIp, r.SourceGroupId, r.SourcePrefixListId);

    /// <summary>The peer's name, when it is a group or a prefix list.</summary>
    public static string PeerName(PermissionItem r) => r.Direction == "egress"
        ? First(r.DestGroupName, r.DestPrefixListName)
        : First(r.SourceGroupName, r.SourcePrefixListName);

    public static string PortsOf(PermissionItem r) => r.PortRangeListId.Length > 0 ? $"{r.PortRangeListId} ({r.PortRangeListName})" : r.PortRange;

    /// <summary>Sets the Action's rule fields from the form.</summary>
    public T Apply<T>(T target, bool ingress)
        where T : RuleFields
    {
        target.Policy = ConsoleForms.Value(Policy);
        target.Priority = ConsoleForms.Value(Priority);
        target.IpProtocol = ConsoleForms.Value(IpProtocol);
        target.Description = ConsoleForms.Value(Description);
        var ports = ConsoleForms.Value(Ports);
        if (ports is not null && ports.StartsWith("prl-", StringComparison.Ordinal))
        {
            target.PortRangeListId = ports;
        }
        else
        {
            target.PortRange = ports;
        }

        var peer = ConsoleForms.Value(Peer);
        if (peer is null)
        {
            return target;
        }

        if (peer.StartsWith("sg-", StringComparison.Ordinal))
        {
            if (ingress) { target.SourceGroupId = peer; } else { target.DestGroupId = peer; }
        }
        else if (peer.StartsWith("pl-", StringComparison.Ordinal))
        {
            if (ingress) { target.SourcePrefixListId = peer; } else { target.DestPrefixListId = peer; }
        }
        else if (peer.Contains(':', StringComparison.Ordinal))
        {
            if (ingress) { target.Ipv6SourceCidrIp = peer; } else { target.Ipv6DestCidrIp = peer; }
        }
        else if (ingress)
        {
            target.SourceCidrIp = peer;
        }
        else
        {
            target.DestCidrIp = peer;
        }

        return target;
    }

    private static string First(params string[] values) => values.FirstOrDefault(v => v.Length > 0) ?? "";
}
