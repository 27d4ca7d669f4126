using SecurityGroups.Api.Instances;
using SecurityGroups.Domain.Traffic;

namespace SecurityGroups.Api.WebConsole;

/// <summary>
/// The reachability matrix: every instance of a VPC to every other, for one protocol and port. Computed here, in one
/// place, with the traffic service's reachability (what <c>POST /_emulator/traffic/reachability</c> answers per pair);
/// when the per-group-set matrix service (<c>POST /_emulator/traffic/matrix</c>) lands, only this class changes.
/// </summary>
internal sealed class ConsoleMatrix(ConsoleApi api, TrafficService traffic)
{
    /// <summary>At most this many instances (a 40 x 40 matrix is 1,600 evaluations, each against a cached compiled model).</summary>
    public const int MaxInstances = 40;

    public async Task<ConsoleResult<Matrix>> ComputeAsync(string region, string vpcId, string protocol, int? port, CancellationToken ct)
    {
        var listed = await api.RunAsync<InstancesController, DescribeInstancesRequest, DescribeInstancesResponse>(
            new DescribeInstancesRequest { RegionId = region, VpcId = vpcId, PageSize = 100 }, (c, r, token) => c.DescribeInstances(r, token));
        if (listed.Value is not { } page)
        {
            return ConsoleResult<Matrix>.Refused(listed.Code!, listed.Message!);
        }

        var instances = page.Instances.Instance.OrderBy(i => i.InstanceName, StringComparer.Ordinal).ThenBy(i => i.InstanceId, StringComparer.Ordinal)
            .Take(MaxInstances)
            .Select(i => new MatrixInstance(i.InstanceId, i.InstanceName, i.VpcAttributes.PrivateIpAddress.IpAddress.FirstOrDefault() ?? ""))
            .ToList();
        return await ConsoleApi.TryAsync(async () =>
        {
            var cells = new bool[instances.Count, instances.Count];
            for (var from = 0; from < instances.Count; from++)
            {
                for (var to = 0; to < instances.Count; to++)
                {
                    if (from != to)
                    {
                        var answer = await traffic.ReachabilityAsync(region, new TrafficEndpoint(instances[from].InstanceId, null, null),
                            new TrafficEndpoint(instances[to].InstanceId, null, null), protocol, port, ct);
                        cells[from, to] = answer.Reachable;
                    }
                }
            }

            return new Matrix(instances, cells, page.TotalCount ?? instances.Count);
        });
    }
}

internal sealed record MatrixInstance(string InstanceId, string Name, string Ip);

/// <summary><c>Reachable[from, to]</c>; the diagonal is not evaluated. <c>Total</c>: the VPC's instances, shown or not.</summary>
internal sealed record Matrix(IReadOnlyList<MatrixInstance> Instances, bool[,] Reachable, int Total);
