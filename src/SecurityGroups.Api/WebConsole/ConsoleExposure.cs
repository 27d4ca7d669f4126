using System.Net;
using SecurityGroups.Api.Instances;
using SecurityGroups.Api.SecurityGroups;
using SecurityGroups.Domain.Traffic;

namespace SecurityGroups.Api.WebConsole;

/// <summary>
/// The exposure picture: which address ranges (IPv4 or IPv6) reach a port of an instance (ingress), or which destination
/// ranges the instance may reach on a port (egress): the traffic service's exposure, what
/// <c>POST /_emulator/traffic/exposure</c> answers for that Direction and AddressFamily, drawn on the whole address line,
/// with the rules of the instance's groups in that direction that cover the port.
/// </summary>
internal sealed class ConsoleExposure(ConsoleApi api, TrafficService traffic)
{
    public const int Width = 1000;

    public async Task<ConsoleResult<ExposurePicture>> DrawAsync(string region, string instanceId, string direction, string family, string protocol, int? port,
        CancellationToken ct)
    {
        var exposure = await ConsoleApi.TryAsync(() => traffic.ExposureAsync(new TrafficTarget(region, null, instanceId, []),
            new ExposureQuery(direction, protocol, port, null, family, null, null), ct));
        if (exposure.Value is not { } e)
        {
            return ConsoleResult<ExposurePicture>.Refused(exposure.Code!, exposure.Message!);
        }

        var instance = await api.RunAsync<InstancesController, DescribeInstancesRequest, DescribeInstancesResponse>(
            new DescribeInstancesRequest { RegionId = region, InstanceIds = $"[\"{instanceId}\"]" }, (c, r, token) => c.DescribeInstances(r, token));
        var rules = new List<(string GroupId, PermissionItem Rule)>();
        foreach (var group in instance.Value?.Instances.Instance.FirstOrDefault()?.SecurityGroupIds.SecurityGroupId ?? [])
        {
            var details = await api.RunAsync<SecurityGroupsController, DescribeSecurityGroupAttributeRequest, DescribeSecurityGroupAttributeResponse>(
                new DescribeSecurityGroupAttributeRequest { RegionId = region, SecurityGroupId = group, Direction = direction, MaxResults = 1000 },
                (c, r, token) => c.DescribeSecurityGroupAttribute(r, token));
            rules.AddRange((details.Value?.Permissions.Permission ?? []).Where(r => Covers(r, protocol, port) && OfFamily(r, family)).Select(r => (group, r)));
        }

        var accepted = e.AcceptedCidrs ?? [];
        return ConsoleResult<ExposurePicture>.Ok(new ExposurePicture(accepted.Select(n => n.ToString()).ToList(), accepted.Select(Bar).ToList(),
            (e.DroppedCidrs ?? []).Select(Bar).Where(b => b.Narrow).ToList(), rules.OrderBy(r => int.TryParse(r.Rule.Priority, out var p) ? p : 100).ToList()));
    }

    /// <summary>A rule whose peer is a CIDR of the other address family cannot open this family's ranges.</summary>
    private static bool OfFamily(PermissionItem r, string family)
    {
        var peer = ConsoleRuleForm.PeerOf(r);
        return !peer.Contains('/', StringComparison.Ordinal) || peer.Contains(':', StringComparison.Ordinal) == family.Equals("IPv6", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An Accept or Drop rule whose protocol and ports include the question's (port lists are listed as possibly covering).</summary>
    private static bool Covers(PermissionItem r, string protocol, int? port)
    {
        if (!r.IpProtocol.Equals("ALL", StringComparison.OrdinalIgnoreCase) && !r.IpProtocol.Equals(protocol, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (port is null || r.PortRangeListId.Length > 0)
        {
            return true;
        }

        return r.PortRange.Split('/') is [var from, var to] && int.TryParse(from, out var a) && int.TryParse(to, out var b) && (a == -1 || (a <= port && port <= b));
    }

    /// <summary>
    /// A CIDR's place on its family's whole address line (0.0.0.0-255.255.255.255, or ::-ffff:…:ffff), linear, in drawing
    /// units, at least 2 wide so a /32 or a /128 is visible (<c>Narrow</c>: widened). Only the leading 64 bits place it:
    /// a unit of the drawing is about 2^118 IPv6 addresses anyway.
    /// </summary>
    public static (double X, double Width, bool Narrow) Bar(IPNetwork network)
    {
        var bytes = network.BaseAddress.GetAddressBytes();
        var lead = 0.0;
        foreach (var b in bytes.Take(8))
        {
            lead = (lead * 256) + b;
        }

        var start = lead / Math.Pow(2, 8 * Math.Min(8, bytes.Length));
        var size = Math.Pow(2, -network.PrefixLength);
        return (start * Width, Math.Max(2, size * Width), size * Width < 2);
    }
}

/// <summary>The accepted ranges and their bars; <c>Holes</c>: the dropped ranges too narrow to see between the bars
/// (a /32 cut out of ::/0), drawn widened so they show.</summary>
internal sealed record ExposurePicture(IReadOnlyList<string> AcceptedCidrs, IReadOnlyList<(double X, double Width, bool Narrow)> Bars,
    IReadOnlyList<(double X, double Width, bool Narrow)> Holes, IReadOnlyList<(string GroupId, PermissionItem Rule)> Rules);
