using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.SecurityGroups;
using SecurityGroups.RuleEngine;

namespace SecurityGroups.Domain.Traffic;

/// <summary>
/// A reachability matrix question: sources and destinations as instance ids, or every instance of a VPC; one protocol
/// and (for TCP and UDP) one destination port.
/// </summary>
public sealed record MatrixQuery(string RegionId, IReadOnlyList<string>? Sources, string? SourceVpcId, IReadOnlyList<string>? Destinations,
    string? DestinationVpcId, string IpProtocol, int? DestinationPort);

/// <summary>One side's verdict in the matrix: the decision, why, and the deciding stored rule (for <see cref="DecisionReason.Rule"/>).</summary>
public sealed record MatrixVerdict(Decision Decision, DecisionReason Reason, SecurityGroupRule? Rule);

/// <summary>One distinct answer of the matrix: the verdicts at the source (egress) and the destination (ingress).</summary>
public sealed record MatrixAnswer(bool Reachable, MatrixVerdict Egress, MatrixVerdict Ingress);

/// <summary>
/// The matrix: the ordered sources and destinations, the distinct group sets (each a sorted list of group ids) and which
/// one each endpoint has, the distinct answers, and <see cref="Cells"/>[source][destination], an index into <see cref="Answers"/>.
/// </summary>
public sealed record ReachabilityMatrix(IReadOnlyList<string> Sources, IReadOnlyList<string> Destinations, IReadOnlyList<IReadOnlyList<string>> GroupSets,
    IReadOnlyList<int> SourceGroupSets, IReadOnlyList<int> DestinationGroupSets, IReadOnlyList<MatrixAnswer> Answers, int[][] Cells);

public sealed partial class TrafficService
{
    /// <summary>At most this many sources, and this many destinations, in one matrix.</summary>
    public const int MaxMatrixEndpoints = 1000;

    /// <summary>
    /// For every (source, destination) pair, what <see cref="ReachabilityAsync"/> answers for those two instances: egress at
    /// the source's primary ENI, then ingress at the destination's, the intra-group policy applied with the source's groups.
    /// Everything is read from one snapshot and compiled once per distinct group set (instances sharing their groups share
    /// one compiled model); each cell is then two compiled lookups, and equal answers are stored once.
    /// </summary>
    public Task<ReachabilityMatrix> MatrixAsync(MatrixQuery query, CancellationToken ct)
    {
        regions.Require(query.RegionId);
        var protocol = ParseProtocol(query.IpProtocol);
        var destinationPort = protocol.HasPorts ? ValidPort(query.DestinationPort, "DestinationPort") : -1;

        // The same question again with no write between (a console redrawing) is answered from the version-keyed cache.
        var key = caller.AccountId + System.Text.Json.JsonSerializer.Serialize(query with { DestinationPort = destinationPort });
        return matrices.GetAsync(key, c => ComputeMatrixAsync(query, protocol, destinationPort, c), ct);
    }

    private async Task<ReachabilityMatrix> ComputeMatrixAsync(MatrixQuery query, IpProtocol protocol, int destinationPort, CancellationToken ct)
    {
        var sourcePort = protocol.HasPorts ? DefaultSourcePort : -1;
        var membersVersion = await RuleDependencies.MembersVersionAsync(gate, ct).ConfigureAwait(false); // before the snapshot: never newer than what it reads
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct).ConfigureAwait(false);
        var known = new Dictionary<string, Endpoint>(StringComparer.Ordinal);
        var sources = await EndpointsAsync(query.RegionId, query.Sources, query.SourceVpcId, "Sources", "SourceVpcId", known, ct).ConfigureAwait(false);
        var destinations = await EndpointsAsync(query.RegionId, query.Destinations, query.DestinationVpcId, "Destinations", "DestinationVpcId", known, ct).ConfigureAwait(false);
        var all = sources.Concat(destinations).DistinctBy(i => i.InstanceId).ToList();
        var eniIds = all.Select(i => i.NetworkInterfaceId).ToList();
        var enis = await (from e in db.NetworkInterfaces.AsNoTracking()
                          join p in db.PrivateIpAddresses.AsNoTracking() on e.NetworkInterfaceId equals p.OwnerId
                          where p.IsPrimary && EF.Parameter(eniIds).Contains(e.NetworkInterfaceId)
                          select new { e.NetworkInterfaceId, e.VpcId, p.Address }).ToDictionaryAsync(e => e.NetworkInterfaceId, StringComparer.Ordinal, ct).ConfigureAwait(false);
        var vpcOf = enis.ToDictionary(e => e.Key, e => e.Value.VpcId, StringComparer.Ordinal);
        var ips = enis.ToDictionary(e => e.Key, e => Address(e.Value.Address, "PrivateIpAddress"), StringComparer.Ordinal);
        var memberships = (await db.NetworkInterfaceGroups.AsNoTracking().Where(m => EF.Parameter(eniIds).Contains(m.NetworkInterfaceId))
            .Select(m => new { m.NetworkInterfaceId, m.SecurityGroupId }).ToListAsync(ct).ConfigureAwait(false))
            .ToLookup(m => m.NetworkInterfaceId, m => m.SecurityGroupId, StringComparer.Ordinal);

        // One compiled model per distinct group set.
        var setKeys = new Dictionary<string, int>(StringComparer.Ordinal);
        var groupSets = new List<IReadOnlyList<string>>();
        var setOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var instance in all)
        {
            var ids = memberships[instance.NetworkInterfaceId].Distinct().Order(StringComparer.Ordinal).ToList();
            var key = string.Join(',', ids);
            if (!setKeys.TryGetValue(key, out var index))
            {
                setKeys[key] = index = groupSets.Count;
                groupSets.Add(ids);
            }

            setOf[instance.InstanceId] = index;
        }

        var groupIds = groupSets.SelectMany(s => s).Distinct().ToList();
        var groups = await db.SecurityGroups.AsNoTracking().Where(g => EF.Parameter(groupIds).Contains(g.SecurityGroupId)).ToListAsync(ct).ConfigureAwait(false);
        var rulesByGroup = await EngineRulesByGroupAsync(query.RegionId, groups, membersVersion, ct).ConfigureAwait(false);
        var groupById = groups.ToDictionary(g => g.SecurityGroupId, StringComparer.Ordinal);
        var compiled = groupSets.Select(set => CompiledEni.Compile(
            set.Select(id => groupById[id]).Select(g => new EngineGroup(g.SecurityGroupId, g.IsEnterprise, g.InnerAccessPolicy == InnerAccessPolicies.Accept)).ToList(),
            set.SelectMany(id => rulesByGroup[id]))).ToList();

        // The holders of every private IP in each destination VPC (for the intra-group policy), shared with the traffic models.
        var vpcs = new List<VpcAddresses>();
        var vpcIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var vpc in destinations.Select(d => vpcOf[d.NetworkInterfaceId]).Distinct())
        {
            vpcIndex[vpc] = vpcs.Count;
            vpcs.Add(await VpcAddressesAsync(vpc, ct).ConfigureAwait(false));
        }

        // Everything a cell needs of a destination, looked up once per destination rather than once per cell.
        var destinationEnis = destinations.Select(d => d.NetworkInterfaceId).ToArray();
        var destinationIps = destinationEnis.Select(eni => ips[eni]).ToArray();
        var destinationModels = destinations.Select(d => compiled[setOf[d.InstanceId]]).ToArray();
        var destinationVpcs = destinationEnis.Select(eni => vpcIndex[vpcOf[eni]]).ToArray();
        var sourceIps = sources.Select(i => ips[i.NetworkInterfaceId]).ToArray();
        var sourceModels = sources.Select(i => compiled[setOf[i.InstanceId]]).ToArray();

        // Protocol and ports are the same in every cell, and each endpoint's own address is fixed on its side: each side's
        // question is asked once per endpoint, and each cell looks up only the other end's address (CompiledEni.Ask).
        var egressQuestions = sources.Select((_, s) => sourceModels[s].Ask(TrafficDirection.Egress, protocol.Number, destinationPort, sourcePort, sourceIps[s])).ToArray();
        var ingressQuestions = destinations.Select((_, d) => destinationModels[d].Ask(TrafficDirection.Ingress, protocol.Number, destinationPort, sourcePort,
            destinationIps[d])).ToArray();

        // The cells, rows shared out between the cores (each row is independent; the models are immutable): each worker
        // numbers the distinct answers it meets, and the numbers are then made one list, in the order a row-by-row pass
        // meets them (so the answer does not depend on how the rows were shared out).
        var cells = new int[sources.Count][];
        var tables = new System.Collections.Concurrent.ConcurrentBag<AnswerTable>();
        Parallel.For(0, sources.Count, new ParallelOptions { CancellationToken = ct }, () => new AnswerTable(), (s, _, table) =>
        {
            var sourceIp = sourceIps[s];
            var sourceAddress = sourceIp.ToString();
            var sourceHolders = new AddressHolder[]?[vpcs.Count];
            for (var v = 0; v < vpcs.Count; v++)
            {
                sourceHolders[v] = vpcs[v].HoldersOf(sourceAddress);
            }

            var egressModel = sourceModels[s];
            var egressQuestion = egressQuestions[s];
            var row = cells[s] = new int[destinations.Count];
            for (var d = 0; d < destinations.Count; d++)
            {
                var egress = egressModel.Decide(egressQuestion, destinationIps[d], null);

                // The source address's holders in the destination's VPC, but not the destination ENI itself (as the pairwise model does).
                var peers = VpcAddresses.GroupsOf(sourceHolders[destinationVpcs[d]], destinationEnis[d]);
                var ingress = destinationModels[d].Decide(ingressQuestions[d], sourceIp, peers);
                row[d] = table.IndexOf((egress.Decision, egress.Reason, egress.MatchedRule, ingress.Decision, ingress.Reason, ingress.MatchedRule));
            }

            table.Rows.Add(s);
            return table;
        }, tables.Add);

        // One numbering: each worker's answers mapped to the shared ones, then renumbered in row-by-row first-met order.
        var shared = new AnswerTable();
        foreach (var table in tables)
        {
            var map = table.Keys.Select(shared.IndexOf).ToArray();
            foreach (var s in table.Rows)
            {
                var row = cells[s];
                for (var d = 0; d < row.Length; d++)
                {
                    row[d] = map[row[d]];
                }
            }
        }

        var order = new int[shared.Keys.Count];
        Array.Fill(order, -1);
        var answers = new List<MatrixAnswer>(shared.Keys.Count);
        foreach (var row in cells)
        {
            for (var d = 0; d < row.Length; d++)
            {
                var index = order[row[d]];
                if (index < 0)
                {
                    var (egressDecision, egressReason, egressRule, ingressDecision, ingressReason, ingressRule) = shared.Keys[row[d]];
                    order[row[d]] = index = answers.Count;
                    answers.Add(new MatrixAnswer(egressDecision == Decision.Accept && ingressDecision == Decision.Accept,
                        new MatrixVerdict(egressDecision, egressReason, egressRule?.Source as SecurityGroupRule),
                        new MatrixVerdict(ingressDecision, ingressReason, ingressRule?.Source as SecurityGroupRule)));
                }

                row[d] = index;
            }
        }

        return new ReachabilityMatrix(sources.Select(i => i.InstanceId).ToList(), destinations.Select(i => i.InstanceId).ToList(), groupSets,
            sources.Select(i => setOf[i.InstanceId]).ToList(), destinations.Select(i => setOf[i.InstanceId]).ToList(), answers, cells);
    }

    /// <summary>A matrix endpoint: an instance of the caller's and its primary ENI.</summary>
    private sealed record Endpoint(string InstanceId, string NetworkInterfaceId);

    /// <summary>The distinct answers one worker met, numbered in the order it met them, and the rows it filled.</summary>
    private sealed class AnswerTable
    {
        private readonly Dictionary<(Decision, DecisionReason, EngineRule?, Decision, DecisionReason, EngineRule?), int> _index = new(SameAnswer.Instance);

        public List<(Decision, DecisionReason, EngineRule?, Decision, DecisionReason, EngineRule?)> Keys { get; } = [];

        public List<int> Rows { get; } = [];

        public int IndexOf((Decision, DecisionReason, EngineRule?, Decision, DecisionReason, EngineRule?) key)
        {
            if (!_index.TryGetValue(key, out var index))
            {
                _index[key] = index = Keys.Count;
                Keys.Add(key);
            }

            return index;
        }
    }

    /// <summary>Answers are equal when both sides have the same decision, reason and deciding rule (the same object: one per stored rule).</summary>
    private sealed class SameAnswer : IEqualityComparer<(Decision, DecisionReason, EngineRule?, Decision, DecisionReason, EngineRule?)>
    {
        public static readonly SameAnswer Instance = new();

        public bool Equals((Decision, DecisionReason, EngineRule?, Decision, DecisionReason, EngineRule?) x,
            (Decision, DecisionReason, EngineRule?, Decision, DecisionReason, EngineRule?) y) =>
            x.Item1 == y.Item1 && x.Item2 == y.Item2 && ReferenceEquals(x.Item3, y.Item3) && x.Item4 == y.Item4 && x.Item5 == y.Item5 && ReferenceEquals(x.Item6, y.Item6);

        public int GetHashCode((Decision, DecisionReason, EngineRule?, Decision, DecisionReason, EngineRule?) key) =>
            HashCode.Combine(key.Item1, key.Item2, System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Item3), key.Item4, key.Item5,
                System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Item6));
    }

    /// <summary>
    /// One side of the matrix: the given instances in the given order (duplicates dropped), or the VPC's instances ordered by
    /// id; exactly one of the two, at most <see cref="MaxMatrixEndpoints"/>.
    /// </summary>
    private async Task<List<Endpoint>> EndpointsAsync(string regionId, IReadOnlyList<string>? ids, string? vpcId, string listName, string vpcName,
        Dictionary<string, Endpoint> known, CancellationToken ct)
    {
        var account = caller.AccountId;
        var byList = ids is { Count: > 0 };
        var byVpc = !string.IsNullOrEmpty(vpcId);
        if (byList == byVpc)
        {
            throw byList
                ? new AcsException(AcsErrors.InvalidParameterDetail, $"Give {listName} or {vpcName}, not both.")
                : new AcsException(AcsErrors.MissingParameter, listName);
        }

        if (byVpc)
        {
            if (!await db.Vpcs.AsNoTracking().AnyAsync(v => v.AccountId == account && v.RegionId == regionId && v.VpcId == vpcId, ct).ConfigureAwait(false))
            {
                throw new AcsException(AcsErrors.InvalidVpcIdNotFound);
            }

            var inVpc = await db.Instances.AsNoTracking().Where(i => i.AccountId == account && i.RegionId == regionId && i.VpcId == vpcId)
                .OrderBy(i => i.InstanceId).Take(MaxMatrixEndpoints + 1).Select(i => new Endpoint(i.InstanceId, i.PrimaryNetworkInterfaceId))
                .ToListAsync(ct).ConfigureAwait(false);
            foreach (var endpoint in inVpc)
            {
                known.TryAdd(endpoint.InstanceId, endpoint);
            }

            return inVpc.Count <= MaxMatrixEndpoints ? inVpc
                : throw new AcsException(AcsErrors.InvalidParameterDetail, $"{vpcName} has more than {MaxMatrixEndpoints} instances; give {listName} instead.");
        }

        if (ids!.Any(string.IsNullOrEmpty))
        {
            throw new AcsException(AcsErrors.InvalidParameterDetail, $"{listName} holds an empty instance id.");
        }

        var wanted = ids!.Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count > MaxMatrixEndpoints)
        {
            throw new AcsException(AcsErrors.InvalidParameterDetail, $"Give at most {MaxMatrixEndpoints} {listName}.");
        }

        var unknown = wanted.Where(id => !known.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            foreach (var endpoint in await db.Instances.AsNoTracking().Where(i => i.AccountId == account && i.RegionId == regionId && EF.Parameter(unknown).Contains(i.InstanceId))
                .Select(i => new Endpoint(i.InstanceId, i.PrimaryNetworkInterfaceId)).ToListAsync(ct).ConfigureAwait(false))
            {
                known.TryAdd(endpoint.InstanceId, endpoint);
            }
        }

        return wanted.Select(id => known.GetValueOrDefault(id) ?? throw new AcsException(AcsErrors.InvalidInstanceIdNotFound)).ToList();
    }
}
