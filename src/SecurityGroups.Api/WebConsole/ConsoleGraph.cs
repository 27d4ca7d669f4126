using System.Globalization;
using SecurityGroups.Api.SecurityGroups;

namespace SecurityGroups.Api.WebConsole;

/// <summary>
/// The group graph, laid out on the server as SVG, in columns: what each group admits inbound (sources: CIDRs, prefix
/// lists and groups), the groups themselves (with their member count), and what each group may reach outbound
/// (destinations), one edge per peer and group labelled with its ports. <see cref="Direction"/> picks the columns:
/// <c>ingress</c> (sources, groups), <c>egress</c> (groups, destinations) or <c>both</c> (sources, groups, destinations).
/// Straight columns stay readable at 100 groups; scope it to a VPC or a selection for less.
/// </summary>
internal sealed record ConsoleGraph(string Direction, IReadOnlyList<GraphNode> Sources, IReadOnlyList<GraphNode> Groups,
    IReadOnlyList<GraphNode> Destinations, IReadOnlyList<GraphEdge> Edges)
{
    public const int Row = 28;
    public const int Top = 40;
    public const int Margin = 10;
    public const int Gap = 360;
    public const int NodeWidth = 330;

    /// <summary>The directions the graph draws, as the <c>dir</c> query names them.</summary>
    public static readonly string[] Directions = ["ingress", "egress", "both"];

    public bool HasSources => Direction != "egress";

    public bool HasDestinations => Direction != "ingress";

    /// <summary>The left edge of the sources, groups and destinations columns.</summary>
    public static int X(int column) => Margin + (column * (NodeWidth + Gap));

    public int SourcesX => X(0);

    public int GroupsX => X(HasSources ? 1 : 0);

    public int DestinationsX => X(HasSources ? 2 : 1);

    public int Width => X(HasSources && HasDestinations ? 2 : 1) + NodeWidth + Margin;

    public int Height => Top + (Math.Max(Math.Max(Sources.Count, Groups.Count), Destinations.Count) * Row) + 10;

    /// <summary>A direction from the query: <c>ingress</c> unless it names another (<c>egress</c>, <c>both</c>).</summary>
    public static string DirectionOf(string? value) =>
        Directions.FirstOrDefault(d => d.Equals(value?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? "ingress";

    public static ConsoleGraph Build(IReadOnlyList<GroupState> groups, string direction)
    {
        direction = DirectionOf(direction);
        var names = groups.ToDictionary(g => g.SecurityGroupId, g => g.Name, StringComparer.Ordinal);
        var targets = groups.OrderBy(g => g.Name, StringComparer.Ordinal).ThenBy(g => g.SecurityGroupId, StringComparer.Ordinal)
            .Select((g, i) => new GraphNode(g.SecurityGroupId, $"{g.SecurityGroupId} {g.Name}", $"{g.Members} members", "group", Y(i))).ToList();
        var groupY = targets.ToDictionary(t => t.Id, t => t.Y, StringComparer.Ordinal);
        var sources = new List<GraphNode>();
        var destinations = new List<GraphNode>();
        var drawn = new List<GraphEdge>();
        if (direction != "egress")
        {
            var edges = PeerEdges(groups, "ingress");
            sources = PeerNodes(edges, names);
            drawn.AddRange(Lay("ingress", edges, sources.ToDictionary(p => p.Id, p => p.Y, StringComparer.Ordinal), groupY));
        }

        if (direction != "ingress")
        {
            var edges = PeerEdges(groups, "egress");
            destinations = PeerNodes(edges, names);
            drawn.AddRange(Lay("egress", edges, destinations.ToDictionary(p => p.Id, p => p.Y, StringComparer.Ordinal), groupY));
        }

        return new ConsoleGraph(direction, sources, targets, destinations, drawn);
    }

    /// <summary>
    /// The edges of one direction with their label places. Labels sit on their curve, spread along it by their rank among
    /// the edges that meet at the same node, so they do not stack: inbound, the edges into one group (towards its end);
    /// outbound, the edges into one destination (near it, where a group's edges have fanned out to their own rows).
    /// </summary>
    private static IEnumerable<GraphEdge> Lay(string direction, List<(string Peer, string Group, string Label, bool Drop)> edges,
        Dictionary<string, int> peerY, Dictionary<string, int> groupY)
    {
        var ingress = direction == "ingress";
        foreach (var meeting in edges.GroupBy(e => ingress ? e.Group : e.Peer))
        {
            var ranked = meeting.OrderBy(e => ingress ? peerY[e.Peer] : groupY[e.Group]).ToList();
            for (var k = 0; k < ranked.Count; k++)
            {
                var e = ranked[k];
                var t = Spread(k, ranked.Count) + (ingress ? 0 : 0.2);
                yield return ingress
                    ? new GraphEdge(direction, e.Peer, e.Group, e.Label, e.Drop, peerY[e.Peer], groupY[e.Group], t)
                    : new GraphEdge(direction, e.Group, e.Peer, e.Label, e.Drop, groupY[e.Group], peerY[e.Peer], t);
            }
        }
    }

    /// <summary>The edge's start and end x: from the right edge of its left node to the left edge of its right node.</summary>
    public (int From, int To) Ends(GraphEdge e) =>
        e.Direction == "ingress" ? (SourcesX + NodeWidth, GroupsX) : (GroupsX + NodeWidth, DestinationsX);

    /// <summary>An SVG cubic path from the left node's right edge to the right node's left edge.</summary>
    public string Path(GraphEdge e)
    {
        var (x1, x2) = Ends(e);
        var y1 = e.FromY + 10;
        var y2 = e.ToY + 10;
        var mid = (x1 + x2) / 2;
        return string.Create(CultureInfo.InvariantCulture, $"M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}");
    }

    /// <summary>The label's place: the point of the edge's cubic curve at its <see cref="GraphEdge.T"/>.</summary>
    public (int X, int Y) LabelAt(GraphEdge e)
    {
        var (x1, x2) = Ends(e);
        var mid = (x1 + x2) / 2.0;
        return ((int)Bezier(e.T, x1, mid, mid, x2), (int)Bezier(e.T, e.FromY + 10, e.FromY + 10, e.ToY + 10, e.ToY + 10) - 3);
    }

    /// <summary>Peers a group admits (or reaches) by CIDR beyond the first <see cref="CidrsPerGroup"/> (by their rules' best
    /// priority, then by text) are drawn as one node,
    /// <c>+N CIDRs (sg-…)</c>, so a group with hundreds of CIDR rules stays one row or so (the table under the drawing
    /// lists the same folded edges; the group's page has every rule).</summary>
    public const int CidrsPerGroup = 4;

    /// <summary>One edge per (peer, group) of a direction, folded, labelled with the ports of its rules; deny when every rule is a Drop.</summary>
    private static List<(string Peer, string Group, string Label, bool Drop)> PeerEdges(IReadOnlyList<GroupState> groups, string direction) =>
        groups.SelectMany(g => Fold(g.SecurityGroupId, g.Rules.Where(r => r.Direction == direction)
                .Select(r => (Group: g.SecurityGroupId, Peer: ConsoleRuleForm.PeerOf(r), Rule: r)).Where(e => e.Peer.Length > 0).ToList()))
            .GroupBy(e => (e.Peer, e.Group))
            .Select(e => (e.Key.Peer, e.Key.Group, Label: e.Key.Peer.StartsWith('+') ? $"{e.Count()} rules" : Short(string.Join(", ", e.Select(x => Ports(x.Rule)).Distinct(StringComparer.Ordinal))),
                Drop: e.All(x => x.Rule.Policy.Equals("Drop", StringComparison.OrdinalIgnoreCase))))
            .ToList();

    private static List<GraphNode> PeerNodes(List<(string Peer, string Group, string Label, bool Drop)> edges, Dictionary<string, string> names) =>
        edges.Select(e => e.Peer).Distinct(StringComparer.Ordinal)
            .OrderBy(p => Kind(p), StringComparer.Ordinal).ThenBy(p => p, StringComparer.Ordinal)
            .Select((p, i) => new GraphNode(p, names.TryGetValue(p, out var n) ? $"{p} {n}" : p, Kind(p), Kind(p), Y(i))).ToList();

    private static IEnumerable<(string Group, string Peer, PermissionItem Rule)> Fold(string group, List<(string Group, string Peer, PermissionItem Rule)> edges)
    {
        var cidrs = edges.Where(e => Kind(e.Peer) == "CIDR").GroupBy(e => e.Peer, StringComparer.Ordinal)
            .OrderBy(g => g.Min(e => int.TryParse(e.Rule.Priority, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 100))
            .ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        if (cidrs.Count <= CidrsPerGroup)
        {
            return edges;
        }

        var kept = cidrs.Take(CidrsPerGroup).ToHashSet(StringComparer.Ordinal);
        var folded = $"+{cidrs.Count - CidrsPerGroup} CIDRs ({group})";
        return edges.Select(e => Kind(e.Peer) != "CIDR" || kept.Contains(e.Peer) ? e : (e.Group, folded, e.Rule));
    }

    private static double Spread(int rank, int count) => count == 1 ? 0.6 : 0.35 + (0.4 * rank / (count - 1));

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

    private static double Bezier(double t, double p0, double p1, double p2, double p3)
    {
        var u = 1 - t;
        return (u * u * u * p0) + (3 * u * u * t * p1) + (3 * u * t * t * p2) + (t * t * t * p3);
    }
}

internal sealed record GraphNode(string Id, string Label, string Detail, string Kind, int Y);

/// <summary>An edge: <c>ingress</c> from an admitted source to a group, or <c>egress</c> from a group to a destination it
/// may reach; <see cref="T"/> places its label along the curve.</summary>
internal sealed record GraphEdge(string Direction, string From, string To, string Label, bool Drop, int FromY, int ToY, double T);
