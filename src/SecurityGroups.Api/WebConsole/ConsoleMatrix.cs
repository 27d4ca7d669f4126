using System.Text.Json;
using SecurityGroups.Api.Instances;
using SecurityGroups.Domain.Traffic;
using SecurityGroups.RuleEngine;

namespace SecurityGroups.Api.WebConsole;

/// <summary>
/// The reachability matrix of a whole VPC, for one protocol and port: the domain's matrix service (what
/// <c>POST /_emulator/traffic/matrix</c> answers, compiled once per distinct group set and cached per version), shown
/// one window of <see cref="PageSide"/> rows by <see cref="PageSide"/> columns at a time.
/// </summary>
internal sealed class ConsoleMatrix(ConsoleApi api, TrafficService traffic)
{
    /// <summary>Rows and columns in one window (2,500 cells keep the page readable and its HTML a few hundred KiB).</summary>
    public const int PageSide = 50;

    /// <summary>The matrix of <paramref name="vpcId"/>; <paramref name="rowPage"/> and <paramref name="columnPage"/> (from 1) choose the window.</summary>
    public async Task<ConsoleResult<Matrix>> ComputeAsync(string region, string vpcId, string protocol, int? port, int rowPage, int columnPage,
        CancellationToken ct)
    {
        var computed = await ConsoleApi.TryAsync(() => traffic.MatrixAsync(new MatrixQuery(region, null, vpcId, null, vpcId, protocol, port), ct));
        if (computed.Value is not { } m)
        {
            return ConsoleResult<Matrix>.Refused(computed.Code!, computed.Message!);
        }

        var rows = Window(m.Sources.Count, rowPage);
        var columns = Window(m.Destinations.Count, columnPage);
        var rowIds = m.Sources.Skip(rows.Start).Take(rows.Count).ToList();
        var columnIds = m.Destinations.Skip(columns.Start).Take(columns.Count).ToList();
        var shown = rowIds.Concat(columnIds).Distinct(StringComparer.Ordinal).ToList();
        var described = new Dictionary<string, MatrixInstance>(StringComparer.Ordinal);
        if (shown.Count > 0)
        {
            var listed = await api.RunAsync<InstancesController, DescribeInstancesRequest, DescribeInstancesResponse>(
                new DescribeInstancesRequest { RegionId = region, InstanceIds = JsonSerializer.Serialize(shown), PageSize = 100 },
                (c, r, token) => c.DescribeInstances(r, token));
            if (listed.Value is not { } page)
            {
                return ConsoleResult<Matrix>.Refused(listed.Code!, listed.Message!);
            }

            foreach (var i in page.Instances.Instance)
            {
                described[i.InstanceId] = new MatrixInstance(i.InstanceId, i.InstanceName, i.VpcAttributes.PrivateIpAddress.IpAddress.FirstOrDefault() ?? "");
            }
        }

        MatrixInstance Of(string id) => described.GetValueOrDefault(id) ?? new MatrixInstance(id, "", "");
        var cells = new MatrixAnswer?[rowIds.Count, columnIds.Count];
        for (var r = 0; r < rowIds.Count; r++)
        {
            for (var c = 0; c < columnIds.Count; c++)
            {
                cells[r, c] = rowIds[r] == columnIds[c] ? null : m.Answers[m.Cells[rows.Start + r][columns.Start + c]];
            }
        }

        return ConsoleResult<Matrix>.Ok(new Matrix(rowIds.Select(Of).ToList(), columnIds.Select(Of).ToList(), cells, m.Sources.Count,
            rows.Start, columns.Start, ReachablePairs(m), m.GroupSets.Count));
    }

    /// <summary>Which side decided, and by what: a cell's tooltip.</summary>
    public static string Decided(MatrixAnswer a)
    {
        var side = a.Egress.Decision == Decision.Drop ? ("egress", a.Egress) : ("ingress", a.Ingress);
        var by = side.Item2.Rule is { } rule ? $"rule {rule.SecurityGroupRuleId} of {rule.SecurityGroupId}"
            : side.Item2.Reason == DecisionReason.InnerAccess ? "intra-group access" : "the default";
        return $"{(a.Reachable ? "accepted" : "dropped")} at {side.Item1} by {by}";
    }

    private static (int Start, int Count) Window(int total, int page)
    {
        var pages = Math.Max(1, (total + PageSide - 1) / PageSide);
        var start = (Math.Clamp(page, 1, pages) - 1) * PageSide;
        return (start, Math.Min(PageSide, total - start));
    }

    /// <summary>Open ordered pairs of distinct instances in the whole VPC (both sides list the VPC's instances in the same order).</summary>
    private static int ReachablePairs(ReachabilityMatrix m)
    {
        var open = 0;
        for (var s = 0; s < m.Cells.Length; s++)
        {
            var row = m.Cells[s];
            for (var d = 0; d < row.Length; d++)
            {
                if (s != d && m.Answers[row[d]].Reachable)
                {
                    open++;
                }
            }
        }

        return open;
    }
}

internal sealed record MatrixInstance(string InstanceId, string Name, string Ip);

/// <summary>
/// One window of the matrix: <c>Cells[row, column]</c> is the answer for that pair (null on the diagonal). <c>Total</c>:
/// the VPC's instances; <c>RowStart</c>/<c>ColumnStart</c>: the window's offsets in the instance order (by id);
/// <c>ReachablePairs</c> and <c>GroupSets</c> are of the whole VPC.
/// </summary>
internal sealed record Matrix(IReadOnlyList<MatrixInstance> Rows, IReadOnlyList<MatrixInstance> Columns, MatrixAnswer?[,] Cells, int Total,
    int RowStart, int ColumnStart, int ReachablePairs, int GroupSets);
