using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Numerics;
using SecurityGroups.Api.Instances;
using SecurityGroups.Domain.Traffic;
using SecurityGroups.RuleEngine;

namespace SecurityGroups.Api.WebConsole;

/// <summary>
/// The reachability matrix by common ports: from one source to each instance of a VPC (rows, by id, one window of
/// <see cref="ConsoleMatrix.PageSide"/>) on each quick-add preset (columns). No second engine: from an instance source
/// each column is the domain's matrix service for that port (what <c>POST /_emulator/traffic/matrix</c> answers, egress at
/// the source and ingress at the destination); from an address or CIDR each cell is the traffic service's exposure of the
/// destination for that port (what <c>POST /_emulator/traffic/exposure</c> answers): accept when every address of the
/// source reaches it, drop when none does, some when part of it does (the inner-access policy is left out, as in the exposure).
/// </summary>
internal sealed class ConsolePortMatrix(ConsoleApi api, TrafficService traffic)
{
    /// <summary>The columns: the quick-add presets (protocol, port; no port for ICMP).</summary>
    public static readonly IReadOnlyList<(string Name, string Protocol, int? Port)> Ports =
        [.. ConsoleRuleForm.Presets.Select(p => (p.Name, p.Protocol, p.Ports.Split('/')[0] is var from && from != "-1" ? int.Parse(from, CultureInfo.InvariantCulture) : (int?)null))];

    public async Task<ConsoleResult<PortMatrix>> ComputeAsync(string region, string vpcId, string source, int rowPage, CancellationToken ct)
    {
        var isInstance = source.StartsWith("i-", StringComparison.Ordinal);
        IpCidr cidr = default;
        if (!isInstance && !IpCidr.TryParse(source.Contains('/', StringComparison.Ordinal) ? source : source + (source.Contains(':', StringComparison.Ordinal) ? "/128" : "/32"), out cidr))
        {
            return ConsoleResult<PortMatrix>.Refused("InvalidParameter", $"The source \"{source}\" is neither an instance id nor an IP address or CIDR.");
        }

        var listed = await InstancesAsync(region, vpcId);
        if (listed.Value is not { } all)
        {
            return ConsoleResult<PortMatrix>.Refused(listed.Code!, listed.Message!);
        }

        var pages = Math.Max(1, (all.Count + ConsoleMatrix.PageSide - 1) / ConsoleMatrix.PageSide);
        var start = (Math.Clamp(rowPage, 1, pages) - 1) * ConsoleMatrix.PageSide;
        var rows = all.Skip(start).Take(ConsoleMatrix.PageSide).ToList();
        var cells = new PortCell?[rows.Count, Ports.Count];
        for (var c = 0; c < Ports.Count; c++)
        {
            var (_, protocol, port) = Ports[c];
            if (isInstance)
            {
                var computed = await ConsoleApi.TryAsync(() => traffic.MatrixAsync(
                    new MatrixQuery(region, [source], null, [.. rows.Select(r => r.InstanceId)], null, protocol, port), ct));
                if (computed.Value is not { } m)
                {
                    return ConsoleResult<PortMatrix>.Refused(computed.Code!, computed.Message!);
                }

                for (var r = 0; r < rows.Count; r++)
                {
                    var answer = m.Answers[m.Cells[0][r]];
                    cells[r, c] = rows[r].InstanceId == source ? null
                        : new PortCell(answer.Reachable ? "accept" : "drop", ConsoleMatrix.Decided(answer), source);
                }

                continue;
            }

            // ICMP over IPv6 is ICMPv6.
            var asked = cidr.IsIpv6 && protocol == "ICMP" ? "ICMPv6" : protocol;
            for (var r = 0; r < rows.Count; r++)
            {
                var exposure = await ConsoleApi.TryAsync(() => traffic.ExposureAsync(new TrafficTarget(region, null, rows[r].InstanceId, []),
                    new ExposureQuery("ingress", asked, port, null, cidr.IsIpv6 ? "IPv6" : "IPv4", null, null), ct));
                if (exposure.Value is not { } e)
                {
                    return ConsoleResult<PortMatrix>.Refused(exposure.Code!, exposure.Message!);
                }

                var covered = Covered(cidr.Network, e.AcceptedCidrs ?? []);
                var size = BigInteger.One << ((cidr.IsIpv6 ? 128 : 32) - cidr.Network.PrefixLength);
                var state = covered == size ? "accept" : covered.IsZero ? "drop" : "some";
                var title = state switch
                {
                    "accept" => $"every address of {cidr.Text} reaches it",
                    "drop" => $"no address of {cidr.Text} reaches it",
                    _ => $"part of {cidr.Text} reaches it ({covered} of {size} addresses)",
                };
                cells[r, c] = new PortCell(state, title, cidr.Network.BaseAddress.ToString());
            }
        }

        return ConsoleResult<PortMatrix>.Ok(new PortMatrix(isInstance ? source : cidr.Text, rows, cells, all.Count, start));
    }

    /// <summary>The VPC's instances, by id (the order of the instance matrix), with their names and primary private IPs.</summary>
    private async Task<ConsoleResult<List<MatrixInstance>>> InstancesAsync(string region, string vpcId)
    {
        var found = new List<MatrixInstance>();
        for (var page = 1; ; page++)
        {
            var listed = await api.RunAsync<InstancesController, DescribeInstancesRequest, DescribeInstancesResponse>(
                new DescribeInstancesRequest { RegionId = region, VpcId = vpcId, PageSize = 100, PageNumber = page },
                (c, r, token) => c.DescribeInstances(r, token));
            if (listed.Value is not { } answer)
            {
                return ConsoleResult<List<MatrixInstance>>.Refused(listed.Code!, listed.Message!);
            }

            found.AddRange(answer.Instances.Instance.Select(i => new MatrixInstance(i.InstanceId, i.InstanceName, i.VpcAttributes.PrivateIpAddress.IpAddress.FirstOrDefault() ?? "")));
            if (answer.Instances.Instance.Count < 100 || found.Count >= (answer.TotalCount ?? 0))
            {
                return ConsoleResult<List<MatrixInstance>>.Ok([.. found.OrderBy(i => i.InstanceId, StringComparer.Ordinal)]);
            }
        }
    }

    /// <summary>How many addresses of <paramref name="source"/> the accepted CIDRs cover (they do not overlap: the exposure's cover).</summary>
    private static BigInteger Covered(IPNetwork source, IReadOnlyList<IPNetwork> accepted)
    {
        var (low, high) = Bounds(source);
        var total = BigInteger.Zero;
        foreach (var n in accepted.Where(n => n.BaseAddress.AddressFamily == source.BaseAddress.AddressFamily))
        {
            var (a, b) = Bounds(n);
            var from = BigInteger.Max(a, low);
            var to = BigInteger.Min(b, high);
            if (from <= to)
            {
                total += to - from + 1;
            }
        }

        return total;
    }

    private static (BigInteger Low, BigInteger High) Bounds(IPNetwork n)
    {
        var bits = n.BaseAddress.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;
        var low = new BigInteger(n.BaseAddress.GetAddressBytes(), isUnsigned: true, isBigEndian: true);
        return (low, low + (BigInteger.One << (bits - n.PrefixLength)) - 1);
    }
}

/// <summary>A cell: <c>accept</c>, <c>drop</c> or (from a CIDR) <c>some</c>; why, as a tooltip; the source address its Why link asks from.</summary>
internal sealed record PortCell(string State, string Title, string WhySource);

/// <summary>One window of rows (destination instances) by <see cref="ConsolePortMatrix.Ports"/>; <c>Cells[row, port]</c> is null for the source itself.</summary>
internal sealed record PortMatrix(string Source, IReadOnlyList<MatrixInstance> Rows, PortCell?[,] Cells, int Total, int RowStart);
