using System.Globalization;
using SecurityGroups.Api.SecurityGroups;

namespace SecurityGroups.Api.WebConsole;

/// <summary>
/// The group graph, laid out on the server as SVG: what each group admits (left: CIDRs, prefix lists and groups) and
/// the groups themselves (right, with their member count), one edge per admitted peer labelled with its ports. Two
/// columns and straight rows stay readable at 100 groups; scope it to a VPC or a selection for less.
/// </summary>
internal sealed record ConsoleGraph(IReadOnlyList<GraphNode> Peers, IReadOnlyList<GraphNode> Groups, IReadOnlyList<GraphEdge> Edges)
{
    public const int Row = 28;
    public const int Top = 40;
    public const int LeftX = 10;
    public const int RightX = 760;
    public const int NodeWidth = 330;
    public const int Width = RightX + NodeWidth + 10;

    public int Height => Top + (Math.Max(Peers.Count, Groups.Count) * Row) + 10;

    public static ConsoleGraph Build(IReadOnlyList<GroupState> groups)
    {
        var names = groups.ToDictionary(g => g.SecurityGroupId, g => g.Name, StringComparer.Ordinal);
        var targets = groups.OrderBy(g => g.Name, StringComparer.Ordinal).ThenBy(g => g.SecurityGroupId, StringComparer.Ordinal)
            .Select((g, i) => new GraphNode(g.SecurityGroupId, $"{g.SecurityGroupId} {g.Name}", $"{g.Members} members", "group", Y(i))).ToList();
        var edges = groups.SelectMany(g => g.Rules.Where(r => r.Direction == "ingress").Select(r => (Group: g.SecurityGroupId, Peer: ConsoleRuleForm.PeerOf(r), Rule: r)))
            .Where(e => e.Peer.Length > 0)
            .GroupBy(e => (e.Peer, e.Group))
            .Select(e => (e.Key.Peer, e.Key.Group, Label: string.Join(", ", e.Select(x => Ports(x.Rule)).Distinct(StringComparer.Ordinal)),
                Drop: e.All(x => x.Rule.Policy.Equals("Drop", StringComparison.OrdinalIgnoreCase))))
            .ToList();
        var peers = edges.Select(e => e.Peer).Distinct(StringComparer.Ordinal)
            .OrderBy(p => Kind(p), StringComparer.Ordinal).ThenBy(p => p, StringComparer.Ordinal)
            .Select((p, i) => new GraphNode(p, names.TryGetValue(p, out var n) ? $"{p} {n}" : p, Kind(p), Kind(p), Y(i))).ToList();
        var peerY = peers.ToDictionary(p => p.Id, p => p.Y, StringComparer.Ordinal);
        var groupY = targets.ToDictionary(t => t.Id, t => t.Y, StringComparer.Ordinal);
        return new ConsoleGraph(peers, targets,
            edges.Select(e => new GraphEdge(e.Peer, e.Group, e.Label, e.Drop, peerY[e.Peer], groupY[e.Group])).ToList());
    }

    private static int Y(int index) => Top + (index * Row);

    private static string Kind(string peer) =>
        peer.StartsWith("sg-", StringComparison.Ordinal) ? "group" : peer.StartsWith("pl-", StringComparison.Ordinal) ? "prefix list" : "CIDR";

    private static string Ports(PermissionItem r)
    {
        var proto = r.IpProtocol.ToUpperInvariant();
        var ports = r.PortRangeListId.Length > 0 ? r.PortRangeListId : r.PortRange;
        var single = ports.Split('/') is [var a, var b] && a == b ? a : ports;
        var text = proto is "ICMP" or "ICMPV6" or "GRE" || ports == "-1/-1" ? proto : $"{proto} {single}";
        return r.Policy.Equals("Drop", StringComparison.OrdinalIgnoreCase) ? "deny " + text : text;
    }

    /// <summary>An SVG cubic path from a peer's right edge to a group's left edge.</summary>
    public static string Path(GraphEdge e)
    {
        var x1 = LeftX + NodeWidth;
        var y1 = e.FromY + 10;
        var x2 = RightX;
        var y2 = e.ToY + 10;
        var mid = (x1 + x2) / 2;
        return string.Create(CultureInfo.InvariantCulture, $"M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}");
    }
}

internal sealed record GraphNode(string Id, string Label, string Detail, string Kind, int Y);

internal sealed record GraphEdge(string From, string To, string Label, bool Drop, int FromY, int ToY)
{
    /// <summary>Where the label sits: near the group end, so labels of edges into one group stack by their origin.</summary>
    public int LabelX => ConsoleGraph.RightX - 190;

    public int LabelY => (int)(FromY + ((ToY - FromY) * 0.78)) + 14;
}
