using SecurityGroups.Domain.Instances;
using SecurityGroups.Domain.SecurityGroups;
using SecurityGroups.RuleEngine;

namespace SecurityGroups.Domain.Traffic;

/// <summary>
/// Everything needed to decide packets at one target, read from one database snapshot and immutable: its groups, its
/// rules with every reference resolved (in evaluation order, for the explaining linear path), their compiled form (for
/// the batch path), and the groups of every other private IP in the VPC (for the intra-group policy).
/// </summary>
public sealed record TrafficModel(
    IReadOnlyList<SecurityGroup> Groups,
    NetworkInterface? Eni,
    string VpcId,
    string? PrimaryIp,
    IReadOnlyList<EngineGroup> EngineGroups,
    IReadOnlyList<EngineRule> OrderedRules,
    CompiledEni Compiled,
    IReadOnlyDictionary<string, IReadOnlySet<string>> PeerGroupsByIp)
{
    /// <summary>The groups of the ENI holding <paramref name="address"/> in this VPC (not the target itself), or null.</summary>
    public IReadOnlySet<string>? PeerGroups(string address) => PeerGroupsByIp.GetValueOrDefault(address);
}
