using System.Net;
using System.Net.Sockets;
using SecurityGroups.Api.Instances;
using SecurityGroups.Api.SecurityGroups;
using SecurityGroups.Domain.Traffic;

namespace SecurityGroups.Api.WebConsole;

/// <summary>
/// The exposure picture: which IPv4 ranges reach a port of an instance (the traffic service's exposure, what
/// <c>POST /_emulator/traffic/exposure</c> answers), drawn on the whole address line, with the Accept rules of the
/// instance's groups that cover the port.
/// </summary>
internal sealed class ConsoleExposure(ConsoleApi api, TrafficService traffic)
{
    public const int Width = 1000;

    public async Task<ConsoleResult<ExposurePicture>> DrawAsync(string region, string instanceId, string protocol, int? port, CancellationToken ct)
    {
        var exposure = await ConsoleApi.TryAsync(() => traffic.ExposureAsync(new TrafficTarget(region, null, instanceId, []),
            new ExposureQuery("ingress", protocol, port, null, "IPv4", null, null), ct));
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
                new DescribeSecurityGroupAttributeRequest { RegionId = region, SecurityGroupId = group, Direction = "ingress", MaxResults = 1000 },
                (c, r, token) => c.DescribeSecurityGroupAttribute(r, token));
            rules.AddRange((details.Value?.Permissions.Permission ?? []).Where(r => Covers(r, protocol, port)).Select(r => (group, r)));
        }

        var accepted = e.AcceptedCidrs ?? [];
        return ConsoleResult<ExposurePicture>.Ok(new ExposurePicture(accepted.Select(n => n.ToString()).ToList(), accepted.Select(Bar).ToList(),
            rules.OrderBy(r => int.TryParse(r.Rule.Priority, out var p) ? p : 100).ToList()));
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

    /// <summary>A CIDR's place on the IPv4 line, in drawing units (at least 2 wide, so a /32 is visible).</summary>
    private static (double X, double Width) Bar(IPNetwork network)
    {
        if (network.BaseAddress.AddressFamily != AddressFamily.InterNetwork)
        {
            return (0, 0);
        }

        var bytes = network.BaseAddress.GetAddressBytes();
        var start = ((double)bytes[0] * 16777216) + (bytes[1] * 65536) + (bytes[2] * 256) + bytes[3];
        var size = Math.Pow(2, 32 - network.PrefixLength);
        return (start / 4294967296 * Width, Math.Max(2, size / 4294967296 * Width));
    }
}

internal sealed record ExposurePicture(IReadOnlyList<string> AcceptedCidrs, IReadOnlyList<(double X, double Width)> Bars, IReadOnlyList<(string GroupId, PermissionItem Rule)> Rules);
