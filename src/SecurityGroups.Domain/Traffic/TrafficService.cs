using System.Net;
using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Instances;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Regions;
using SecurityGroups.Domain.Rules;
using SecurityGroups.Domain.SecurityGroups;
using SecurityGroups.RuleEngine;

namespace SecurityGroups.Domain.Traffic;

/// <summary>What is evaluated: an ENI, an instance (its primary ENI), or a what-if set of groups with no ENI.</summary>
public sealed record TrafficTarget(string RegionId, string? NetworkInterfaceId, string? InstanceId, IReadOnlyList<string> SecurityGroupIds);

/// <summary>A packet as a request gives it; missing ENI-side addresses default to the ENI's primary private IP.</summary>
public sealed record PacketInput(string Direction, string IpProtocol, string? SourceIp, int? SourcePort, string? DestinationIp, int? DestinationPort);

/// <summary>A verdict with the stored rules behind the engine's rules.</summary>
public sealed record TrafficVerdict(Verdict Verdict, SecurityGroupRule? MatchedRule);

/// <summary>
/// Evaluates packets with the rule engine over the current state: loads the target's groups and rules, resolves group
/// references to the private IPs of their members (same VPC), prefix lists to entries and port lists to ranges, and
/// finds the peer ENI's groups for the intra-group policy. Reads one consistent snapshot.
/// </summary>
public sealed partial class TrafficService(EmulatorDbContext db, ICaller caller, RegionCatalog regions, VersionedCache<TrafficModel> cache,
    VersionedCache<VpcAddresses> vpcAddresses, VersionedCache<ReachabilityMatrix> matrices, GroupRulesCache groupRules,
    WriteGate? gate = null)
{
    public const int MaxPackets = 10000;

    public async Task<IReadOnlyList<TrafficVerdict>> EvaluateAsync(TrafficTarget target, IReadOnlyList<PacketInput> packets, bool trace, CancellationToken ct)
    {
        regions.Require(target.RegionId);
        if (packets.Count is 0 or > MaxPackets)
        {
            throw new AcsException(AcsErrors.InvalidParameterDetail, $"Give between 1 and {MaxPackets} packets.");
        }

        return Evaluate(await ModelAsync(target, ct).ConfigureAwait(false), packets, trace);
    }

    /// <summary>
    /// Decides each packet (all parsed first, so a bad one refuses the whole request): with a trace through the linear
    /// evaluator, which explains every rule considered; without, through the compiled snapshot (same verdicts, as the
    /// oracle property test shows).
    /// </summary>
    private static List<TrafficVerdict> Evaluate(TrafficModel model, IReadOnlyList<PacketInput> packets, bool trace)
    {
        var parsed = packets.Select(p => Parse(p, model.PrimaryIp)).ToList();
        var results = new List<TrafficVerdict>(parsed.Count);
        foreach (var packet in parsed)
        {
            var peerGroups = packet.Direction == TrafficDirection.Ingress ? model.PeerGroups(packet.SourceIp.ToString()) : null;
            Verdict verdict;
            if (trace)
            {
                verdict = TrafficEvaluator.Evaluate(model.EngineGroups, model.OrderedRules, packet, peerGroups, trace: true);
            }
            else
            {
                var fast = model.Compiled.Decide(packet, peerGroups);
                verdict = new Verdict(fast.Decision, fast.Reason, fast.MatchedRule, [], fast.EvaluatedRules);
            }

            results.Add(new TrafficVerdict(verdict, verdict.MatchedRule?.Source as SecurityGroupRule));
        }

        return results;
    }

    /// <summary>The target's compiled model: from the cache while nothing was committed since, else read from one snapshot.</summary>
    private Task<TrafficModel> ModelAsync(TrafficTarget target, CancellationToken ct)
    {
        var key = string.Join('|', caller.AccountId, target.RegionId, target.NetworkInterfaceId ?? "", target.InstanceId ?? "",
            string.Join(',', target.SecurityGroupIds.Order(StringComparer.Ordinal)));
        return cache.GetAsync(key, async c =>
        {
            await using var snapshot = await ReadSnapshot.BeginAsync(db, c).ConfigureAwait(false);
            var (groups, eni, vpcId, primaryIp) = await TargetAsync(target, c).ConfigureAwait(false);
            var rules = await EngineRulesAsync(groups, c).ConfigureAwait(false);
            var engineGroups = groups.Select(g => new EngineGroup(g.SecurityGroupId, g.IsEnterprise, g.InnerAccessPolicy == InnerAccessPolicies.Accept)).ToList();
            var engineRules = rules.Select(r => r.Engine).ToList();
            var peers = vpcId.Length == 0 ? VpcAddresses.None : await VpcAddressesAsync(vpcId, c).ConfigureAwait(false);
            return new TrafficModel(groups, eni, vpcId, primaryIp, engineGroups, TrafficEvaluator.Order(engineRules),
                CompiledEni.Compile(engineGroups, engineRules), peers);
        }, ct);
    }

    /// <summary>The groups to evaluate, the ENI (none for a what-if), its VPC and its primary private IP.</summary>
    private sealed record ResolvedTarget(List<SecurityGroup> Groups, NetworkInterface? Eni, string VpcId, string? PrimaryIp);

    private async Task<ResolvedTarget> TargetAsync(TrafficTarget target, CancellationToken ct)
    {
        NetworkInterface? eni = null;
        if (!string.IsNullOrEmpty(target.InstanceId))
        {
            var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.AccountId == caller.AccountId && i.RegionId == target.RegionId
                && i.InstanceId == target.InstanceId, ct).ConfigureAwait(false) ?? throw new AcsException(AcsErrors.InvalidInstanceIdNotFound);
            eni = await db.NetworkInterfaces.AsNoTracking().FirstAsync(e => e.NetworkInterfaceId == instance.PrimaryNetworkInterfaceId, ct).ConfigureAwait(false);
        }
        else if (!string.IsNullOrEmpty(target.NetworkInterfaceId))
        {
            eni = await db.NetworkInterfaces.AsNoTracking().FirstOrDefaultAsync(e => e.AccountId == caller.AccountId && e.RegionId == target.RegionId
                && e.NetworkInterfaceId == target.NetworkInterfaceId, ct).ConfigureAwait(false) ?? throw new AcsException(AcsErrors.InvalidEniIdNotFound);
        }

        var ids = eni is null
            ? target.SecurityGroupIds.Count > 0 ? target.SecurityGroupIds : throw new AcsException(AcsErrors.MissingParameter, "NetworkInterfaceId")
            : await db.NetworkInterfaceGroups.AsNoTracking().Where(m => m.NetworkInterfaceId == eni.NetworkInterfaceId).Select(m => m.SecurityGroupId)
                .ToListAsync(ct).ConfigureAwait(false);
        var groups = await db.SecurityGroups.AsNoTracking().Where(g => g.AccountId == caller.AccountId && g.RegionId == target.RegionId
            && ids.Contains(g.SecurityGroupId)).ToListAsync(ct).ConfigureAwait(false);
        if (groups.Count != ids.Distinct().Count())
        {
            throw new AcsException(AcsErrors.InvalidSecurityGroupIdNotFound);
        }

        var primaryIp = eni is null ? null : await db.PrivateIpAddresses.AsNoTracking()
            .Where(p => p.OwnerId == eni.NetworkInterfaceId && p.IsPrimary).Select(p => p.Address).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return new ResolvedTarget(groups, eni, eni?.VpcId ?? groups.FirstOrDefault()?.VpcId ?? "", primaryIp);
    }

    internal async Task<List<(EngineRule Engine, SecurityGroupRule Stored)>> EngineRulesAsync(List<SecurityGroup> groups, CancellationToken ct)
    {
        var groupIds = groups.Select(g => g.SecurityGroupId).ToList();
        var rules = await db.SecurityGroupRules.AsNoTracking().Where(r => groupIds.Contains(r.SecurityGroupId)).ToListAsync(ct).ConfigureAwait(false);
        return await EngineRulesAsync(groups, rules, ct).ConfigureAwait(false);
    }

    /// <summary>The engine form of <paramref name="rules"/> (all of them rules of <paramref name="groups"/>), every reference resolved in a few queries.</summary>
    internal async Task<List<(EngineRule Engine, SecurityGroupRule Stored)>> EngineRulesAsync(IReadOnlyList<SecurityGroup> groups, List<SecurityGroupRule> rules,
        CancellationToken ct)
    {
        var references = new RuleReferences(db);
        await references.LoadAsync(rules, ct).ConfigureAwait(false);
        return Resolve(groups, rules, references);
    }

    /// <summary>The engine form of <paramref name="rules"/> (all of them rules of <paramref name="groups"/>), from references already read.</summary>
    internal static List<(EngineRule Engine, SecurityGroupRule Stored)> Resolve(IReadOnlyList<SecurityGroup> groups, IReadOnlyList<SecurityGroupRule> rules,
        RuleReferences references)
    {
        var vpcOf = groups.ToDictionary(g => g.SecurityGroupId, g => g.VpcId, StringComparer.Ordinal);
        var resolver = new PeerResolver(references);
        return rules.Select(rule => (ToEngine(rule, vpcOf[rule.SecurityGroupId], resolver), rule)).ToList();
    }

    /// <summary>
    /// A stored rule with only the fields the engine, the findings and the matrix read (no description, owners or
    /// creation time): the region-wide loads materialise every rule of the region, and those columns would be read for nothing.
    /// Never render one as a rule's full view (its Description, owner and CreatedAt fields are left empty).
    /// </summary>
    internal static readonly System.Linq.Expressions.Expression<Func<SecurityGroupRule, SecurityGroupRule>> ForEngine = r => new SecurityGroupRule
    {
        SecurityGroupRuleId = r.SecurityGroupRuleId,
        SecurityGroupId = r.SecurityGroupId,
        AccountId = r.AccountId,
        Direction = r.Direction,
        Policy = r.Policy,
        Priority = r.Priority,
        IpProtocol = r.IpProtocol,
        PortRange = r.PortRange,
        PortRangeListId = r.PortRangeListId,
        SourcePortRange = r.SourcePortRange,
        SourceCidrIp = r.SourceCidrIp,
        Ipv6SourceCidrIp = r.Ipv6SourceCidrIp,
        DestCidrIp = r.DestCidrIp,
        Ipv6DestCidrIp = r.Ipv6DestCidrIp,
        SourceGroupId = r.SourceGroupId,
        DestGroupId = r.DestGroupId,
        SourcePrefixListId = r.SourcePrefixListId,
        DestPrefixListId = r.DestPrefixListId,
    };

    private static EngineRule ToEngine(SecurityGroupRule rule, string vpcId, PeerResolver peerResolver)
    {
        var ingress = rule.Direction == Directions.Ingress;
        IpProtocol.TryParse(rule.IpProtocol, out var protocol);
        IReadOnlyList<PortRange> ports = rule.PortRangeListId.Length > 0 ? peerResolver.PortList(rule.PortRangeListId)
            : PortRange.TryParse(rule.PortRange, out var range) ? [range] : [];
        PortRange? sourcePorts = PortRange.TryParse(rule.SourcePortRange, out var source) ? source : null;
        var (cidr, ipv6, prefixList) = ingress ? (rule.SourceCidrIp, rule.Ipv6SourceCidrIp, rule.SourcePrefixListId) : (rule.DestCidrIp, rule.Ipv6DestCidrIp, rule.DestPrefixListId);
        var (localV4, localV6) = ingress ? (rule.DestCidrIp, rule.Ipv6DestCidrIp) : (rule.SourceCidrIp, rule.Ipv6SourceCidrIp);
        IReadOnlyList<IPNetwork> peers =
            cidr.Length > 0 ? [peerResolver.Network(cidr)]
            : ipv6.Length > 0 ? [peerResolver.Network(ipv6)]
            : rule.ReferencedGroupId.Length > 0 ? peerResolver.Members(rule.ReferencedGroupId, vpcId)
            : peerResolver.PrefixList(prefixList);
        var local = localV4.Length > 0 ? peerResolver.Network(localV4) : localV6.Length > 0 ? peerResolver.Network(localV6) : (IPNetwork?)null;
        return new EngineRule(rule.SecurityGroupRuleId, rule.SecurityGroupId, ingress ? TrafficDirection.Ingress : TrafficDirection.Egress,
            rule.Priority, rule.Policy == "Drop", protocol, ports, sourcePorts, peers, local, rule);
    }

    /// <summary>
    /// Resolves the peers and port lists of one load's rules, each distinct text parsed once: a region's rules repeat the same
    /// CIDRs, and every rule referencing a group shares that group's member list (immutable, so one list serves them all).
    /// </summary>
    private sealed class PeerResolver(RuleReferences references)
    {
        private readonly Dictionary<string, IPNetwork> _networks = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Group, string Vpc), IReadOnlyList<IPNetwork>> _members = [];
        private readonly Dictionary<string, IReadOnlyList<IPNetwork>> _prefixLists = new(StringComparer.Ordinal);
        private readonly Dictionary<string, IReadOnlyList<PortRange>> _portLists = new(StringComparer.Ordinal);

        public IPNetwork Network(string text)
        {
            if (!_networks.TryGetValue(text, out var network))
            {
                _networks[text] = network = TrafficService.Network(text);
            }

            return network;
        }

        /// <summary>The private IPs (as /32 or /128) of a referenced group's members in the same VPC.</summary>
        public IReadOnlyList<IPNetwork> Members(string groupId, string vpcId)
        {
            if (!_members.TryGetValue((groupId, vpcId), out var list))
            {
                var prefix = vpcId + " ";
                _members[(groupId, vpcId)] = list = references.Group(groupId).Items.Where(m => m.StartsWith(prefix, StringComparison.Ordinal))
                    .Select(m => Network(m[prefix.Length..])).ToList();
            }

            return list;
        }

        public IReadOnlyList<IPNetwork> PrefixList(string prefixListId)
        {
            if (!_prefixLists.TryGetValue(prefixListId, out var list))
            {
                _prefixLists[prefixListId] = list = references.PrefixList(prefixListId).Items.Select(Network).ToList();
            }

            return list;
        }

        public IReadOnlyList<PortRange> PortList(string portRangeListId)
        {
            if (!_portLists.TryGetValue(portRangeListId, out var list))
            {
                _portLists[portRangeListId] = list = references.PortList(portRangeListId).Items
                    .Select(text => PortRange.TryParse(text, out var range) ? range : default).ToList();
            }

            return list;
        }
    }

    private static IPNetwork Network(string text) => IpCidr.TryParse(text, out var cidr) ? cidr.Network : throw new AcsException(AcsErrors.InvalidParameter, text);

    /// <summary>The tables <see cref="VpcAddressesAsync"/> reads: its cache's key (ADR-012).</summary>
    public static readonly TableSet VpcAddressReads = TableSet.Of("PrivateIpAddresses", "NetworkInterfaces", "NetworkInterfaceGroups");

    /// <summary>
    /// Every private IP in the VPC with its ENI and that ENI's groups: read once per version of the tables it reads (a rule
    /// or group write keeps it) and shared by every model of the VPC.
    /// </summary>
    private Task<VpcAddresses> VpcAddressesAsync(string vpcId, CancellationToken ct)
    {
        var account = caller.AccountId;
        return vpcAddresses.GetAsync(account + "|" + vpcId, async c =>
        {
            var rows = await (from p in db.PrivateIpAddresses.AsNoTracking()
                              join e in db.NetworkInterfaces.AsNoTracking() on p.OwnerId equals e.NetworkInterfaceId
                              join m in db.NetworkInterfaceGroups.AsNoTracking() on e.NetworkInterfaceId equals m.NetworkInterfaceId
                              where e.VpcId == vpcId && e.AccountId == account
                              select new { p.Address, e.NetworkInterfaceId, m.SecurityGroupId }).ToListAsync(c).ConfigureAwait(false);
            return new VpcAddresses(rows.GroupBy(r => r.Address, StringComparer.Ordinal).ToDictionary(a => a.Key,
                a => a.GroupBy(r => r.NetworkInterfaceId, StringComparer.Ordinal)
                    .Select(e => new AddressHolder(e.Key, e.Select(r => r.SecurityGroupId).ToHashSet(StringComparer.Ordinal))).ToArray(), StringComparer.Ordinal));
        }, ct);
    }

    /// <summary>The ephemeral source port assumed when a TCP or UDP packet gives none.</summary>
    internal const int DefaultSourcePort = 40000;

    private static Packet Parse(PacketInput input, string? primaryIp)
    {
        var direction = ParseDirection(input.Direction);
        var protocol = ParseProtocol(input.IpProtocol);
        var source = Address(input.SourceIp ?? (direction == TrafficDirection.Egress ? primaryIp : null), "SourceIp");
        var destination = Address(input.DestinationIp ?? (direction == TrafficDirection.Ingress ? primaryIp : null), "DestinationIp");
        if (source.AddressFamily != destination.AddressFamily)
        {
            throw new AcsException(AcsErrors.InvalidParameterConflictFamily);
        }

        var ports = protocol.HasPorts;
        var destinationPort = ports ? ValidPort(input.DestinationPort, "DestinationPort") : -1;
        var sourcePort = ports ? input.SourcePort is null ? DefaultSourcePort : ValidPort(input.SourcePort, "SourcePort") : -1;
        return new Packet(direction, protocol.Number, source, sourcePort, destination, destinationPort);
    }

    private static TrafficDirection ParseDirection(string? text) => text?.ToLowerInvariant() switch
    {
        "ingress" => TrafficDirection.Ingress,
        "egress" => TrafficDirection.Egress,
        null => throw new AcsException(AcsErrors.MissingParameter, "Direction"),
        _ => throw new AcsException(AcsErrors.InvalidDirectionMalformed),
    };

    /// <summary>A packet's protocol: a name or number, not ALL (a packet has one protocol).</summary>
    private static IpProtocol ParseProtocol(string? text) =>
        IpProtocol.TryParse(text, out var protocol) && protocol.Number != IpProtocol.AllNumber
            ? protocol
            : throw new AcsException(text is null ? AcsErrors.MissingParameter : AcsErrors.InvalidIpProtocolValueNotSupported, "IpProtocol");

    private static int ValidPort(int? port, string name) =>
        port is >= 1 and <= 65535 ? port.Value : throw new AcsException(AcsErrors.InvalidParameter, name);

    /// <summary>A CIDR given in a request (an IPv4 or IPv6 block; a bare address is not a CIDR).</summary>
    private static IPNetwork Cidr(string text, string name) =>
        IpCidr.TryParse(text, out var cidr) ? cidr.Network : throw new AcsException(AcsErrors.InvalidParameter, name);

    /// <summary>An address given in a request, read by the one strict parser (no inet_aton forms, zones or ports).</summary>
    private static IPAddress Address(string? text, string name) =>
        IpCidr.TryParseAddress(text, out var address)
            ? address
            : throw new AcsException(text is null ? AcsErrors.MissingParameter : AcsErrors.InvalidParameter, name);
}
