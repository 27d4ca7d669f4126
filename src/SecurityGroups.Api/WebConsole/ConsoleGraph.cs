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
        var edges = groups.SelectMany(g => Fold(g.SecurityGroupId, g.Rules.Where(r => r.Direction == "ingress")
                .Select(r => (Group: g.SecurityGroupId, Peer: ConsoleRuleForm.PeerOf(r), Rule: r)).Where(e => e.Peer.Length > 0).ToList()))
            .GroupBy(e => (e.Peer, e.Group))
            .Select(e => (e.Key.Peer, e.Key.Group, Label: e.Key.Peer.StartsWith('+') ? $"{e.Count()} rules" : Short(string.Join(", ", e.Select(x => Ports(x.Rule)).Distinct(StringComparer.Ordinal))),
                Drop: e.All(x => x.Rule.Policy.Equals("Drop", StringComparison.OrdinalIgnoreCase))))
            .ToList();
        var peers = edges.Select(e => e.Peer).Distinct(StringComparer.Ordinal)
            .OrderBy(p => Kind(p), StringComparer.Ordinal).ThenBy(p => p, StringComparer.Ordinal)
            .Select((p, i) => new GraphNode(p, names.TryGetValue(p, out var n) ? $"{p} {n}" : p, Kind(p), Kind(p), Y(i))).ToList();
        var peerY = peers.ToDictionary(p => p.Id, p => p.Y, StringComparer.Ordinal);
        var groupY = targets.ToDictionary(t => t.Id, t => t.Y, StringComparer.Ordinal);
        // Labels sit on their curve, spread along it by their rank among the edges into the same group, so the labels
        // of one group's edges do not stack on each other.
        var drawn = new List<GraphEdge>(edges.Count);
        foreach (var into in edges.GroupBy(e => e.Group))
        {
            var ranked = into.OrderBy(e => peerY[e.Peer]).ToList();
            for (var k = 0; k < ranked.Count; k++)
            {
                var t = ranked.Count == 1 ? 0.6 : 0.35 + (0.4 * k / (ranked.Count - 1));
                drawn.Add(new GraphEdge(ranked[k].Peer, ranked[k].Group, ranked[k].Label, ranked[k].Drop, peerY[ranked[k].Peer], groupY[ranked[k].Group], t));
            }
        }

        return new ConsoleGraph(peers, targets, drawn);
    }

    /// <summary>Peers a group admits by CIDR beyond the first <see cref="CidrsPerGroup"/> are drawn as one node,
    /// <c>+N CIDRs (sg-…)</c>, so a group with hundreds of CIDR rules stays one row or so (the table under the drawing
    /// lists the same folded edges; the group's page has every rule).</summary>
    public const int CidrsPerGroup = 4;

    private static IEnumerable<(string Group, string Peer, PermissionItem Rule)> Fold(string group, List<(string Group, string Peer, PermissionItem Rule)> edges)
    {
        var cidrs = edges.Where(e => Kind(e.Peer) == "CIDR").Select(e => e.Peer).Distinct(StringComparer.Ordinal).ToList();
        if (cidrs.Count <= CidrsPerGroup)
        {
            return edges;
        }

        var kept = cidrs.Take(CidrsPerGroup).ToHashSet(StringComparer.Ordinal);
        var folded = $"+{cidrs.Count - CidrsPerGroup} CIDRs ({group})";
        return edges.Select(e => Kind(e.Peer) != "CIDR" || kept.Contains(e.Peer) ? e : (e.Group, folded, e.Rule));
    }

    private static int Y(int index) => Top + (index * Row);

    private static string Short(string label) => label.Length > 40 ? label[..39] + "…" : label;

    private static string Kind(string peer) =>
        peer.StartsWith("sg-", StringComparison.Ordinal) ? "group" : peer.StartsWith("pl-", StringComparison.Ordinal) ? "prefix list"
        : peer.StartsWith('+') ? "folded CIDRs" : "CIDR";

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

internal sealed record GraphEdge(string From, string To, string Label, bool Drop, int FromY, int ToY, double T)
{
    /// <summary>The label's place: the point of the edge's cubic curve at <see cref="T"/>.</summary>
    public int LabelX => (int)Bezier(ConsoleGraph.LeftX + ConsoleGraph.NodeWidth, (ConsoleGraph.LeftX + ConsoleGraph.NodeWidth + ConsoleGraph.RightX) / 2.0,
        (ConsoleGraph.LeftX + ConsoleGraph.NodeWidth + ConsoleGraph.RightX) / 2.0, ConsoleGraph.RightX);

    public int LabelY => (int)Bezier(FromY + 10, FromY + 10, ToY + 10, ToY + 10) - 3;

    private double Bezier(double p0, double p1, double p2, double p3)
    {
        var u = 1 - T;
        return (u * u * u * p0) + (3 * u * u * T * p1) + (3 * u * T * T * p2) + (T * T * T * p3);
    }
}
