using SecurityGroups.Domain.Instances;
using SecurityGroups.Domain.SecurityGroups;
using SecurityGroups.RuleEngine;

namespace SecurityGroups.Domain.Traffic;

/// <summary>
/// Everything needed to decide packets at one target, read from one database snapshot and immutable: its groups, its
/// rules with every reference resolved (in evaluation order, for the explaining linear path), their compiled form (for
/// the batch path), and the VPC's private IPs with their holders' groups (for the intra-group policy), shared by every
/// model of the VPC, so a model's size does not grow with the VPC.
/// </summary>
public sealed record TrafficModel(
    IReadOnlyList<SecurityGroup> Groups,
    NetworkInterface? Eni,
    string VpcId,
    string? PrimaryIp,
    IReadOnlyList<EngineGroup> EngineGroups,
    IReadOnlyList<EngineRule> OrderedRules,
    CompiledEni Compiled,
    VpcAddresses Peers)
{
    /// <summary>The groups of the ENI holding <paramref name="address"/> in this VPC (not the target itself), or null.</summary>
    public IReadOnlySet<string>? PeerGroups(string address) => Peers.GroupsOf(address, Eni?.NetworkInterfaceId);
}

/// <summary>A holder of a private IP: the ENI and its groups.</summary>
public sealed record AddressHolder(string NetworkInterfaceId, IReadOnlySet<string> Groups);

/// <summary>Every private IP of a VPC's ENIs (one account) with the ENI holding it and that ENI's groups; immutable.</summary>
public sealed record VpcAddresses(IReadOnlyDictionary<string, AddressHolder[]> Holders)
{
    public static readonly VpcAddresses None = new(new Dictionary<string, AddressHolder[]>());

    /// <summary>The groups of the ENIs holding <paramref name="address"/>, leaving out <paramref name="exceptEni"/>; null for none.</summary>
    public IReadOnlySet<string>? GroupsOf(string address, string? exceptEni) => GroupsOf(HoldersOf(address), exceptEni);

    /// <summary>The holders of <paramref name="address"/>, or null.</summary>
    public AddressHolder[]? HoldersOf(string address) => Holders.GetValueOrDefault(address);

    /// <summary>The groups of <paramref name="holders"/> (of one address), leaving out <paramref name="exceptEni"/>; null for none.</summary>
    public static IReadOnlySet<string>? GroupsOf(AddressHolder[]? holders, string? exceptEni)
    {
        if (holders is null)
        {
            return null;
        }

        if (holders.Length == 1)
        {
            return holders[0].NetworkInterfaceId == exceptEni ? null : holders[0].Groups;
        }

        var groups = holders.Where(h => h.NetworkInterfaceId != exceptEni).SelectMany(h => h.Groups).ToHashSet(StringComparer.Ordinal);
        return groups.Count == 0 ? null : groups;
    }
}
