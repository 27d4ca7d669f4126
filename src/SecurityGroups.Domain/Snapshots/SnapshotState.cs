using System.IO.Compression;
using System.Text.Json;
using SecurityGroups.Domain.Instances;
using SecurityGroups.Domain.SecurityGroups;
using SecurityGroups.Domain.Tags;

namespace SecurityGroups.Domain.Snapshots;

/// <summary>What a snapshot holds: the region's groups (every stored field, so a restore answers Describe byte for byte)
/// and the ENIs that were in them, each with its groups in order.</summary>
public sealed record SnapshotState(IReadOnlyList<GroupState> Groups, IReadOnlyList<MemberState> Members);

/// <summary>A group as stored, with its tags (key order) and rules (creation order).</summary>
public sealed record GroupState(string SecurityGroupId, string SecurityGroupName, string Description, string VpcId, string SecurityGroupType,
    string InnerAccessPolicy, string ResourceGroupId, bool ServiceManaged, long ServiceId, bool DeletionProtection, DateTime CreatedAt,
    IReadOnlyList<TagInput> Tags, IReadOnlyList<RuleState> Rules)
{
    public static GroupState Of(SecurityGroup g, IEnumerable<ResourceTag> tags, IEnumerable<SecurityGroupRule> rules) =>
        new(g.SecurityGroupId, g.SecurityGroupName, g.Description, g.VpcId, g.SecurityGroupType, g.InnerAccessPolicy, g.ResourceGroupId,
            g.ServiceManaged, g.ServiceId, g.DeletionProtection, g.CreatedAt,
            [.. tags.Select(t => new TagInput(t.TagKey, t.TagValue))], [.. rules.Select(RuleState.Of)]);

    /// <summary>The group's own fields (not its rules, tags or members) that differ from <paramref name="other"/>'s.</summary>
    public IReadOnlyList<FieldChange> AttributesChangedTo(GroupState other)
    {
        var changes = new List<FieldChange>();
        void Compare(string field, string before, string after)
        {
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(field, before, after));
            }
        }

        Compare(nameof(SecurityGroupName), SecurityGroupName, other.SecurityGroupName);
        Compare(nameof(Description), Description, other.Description);
        Compare(nameof(InnerAccessPolicy), InnerAccessPolicy, other.InnerAccessPolicy);
        Compare(nameof(ResourceGroupId), ResourceGroupId, other.ResourceGroupId);
        Compare(nameof(ServiceManaged), ServiceManaged ? "true" : "false", other.ServiceManaged ? "true" : "false");
        Compare(nameof(DeletionProtection), DeletionProtection ? "true" : "false", other.DeletionProtection ? "true" : "false");
        Compare("Tags", TagText(Tags), TagText(other.Tags));
        return changes;
    }

    /// <summary>Same fields, tags and rules (members aside).</summary>
    public bool SameAs(GroupState other) => AttributesChangedTo(other).Count == 0 && Rules.SequenceEqual(other.Rules);

    private static string TagText(IReadOnlyList<TagInput> tags) => string.Join(", ", tags.Select(t => $"{t.Key}={t.Value}"));
}

/// <summary>One rule as stored (the fields of DescribeSecurityGroupAttribute's Permission).</summary>
public sealed record RuleState(string SecurityGroupRuleId, string Direction, string Policy, int Priority, string IpProtocol, string PortRange,
    string PortRangeListId, string SourcePortRange, string SourceCidrIp, string Ipv6SourceCidrIp, string DestCidrIp, string Ipv6DestCidrIp,
    string SourceGroupId, string SourceGroupOwnerAccount, string SourceGroupOwnerId, string DestGroupId, string DestGroupOwnerAccount,
    string DestGroupOwnerId, string SourcePrefixListId, string DestPrefixListId, string NicType, string Description, DateTime CreatedAt)
{
    public static RuleState Of(SecurityGroupRule r) =>
        new(r.SecurityGroupRuleId, r.Direction, r.Policy, r.Priority, r.IpProtocol, r.PortRange, r.PortRangeListId, r.SourcePortRange, r.SourceCidrIp,
            r.Ipv6SourceCidrIp, r.DestCidrIp, r.Ipv6DestCidrIp, r.SourceGroupId, r.SourceGroupOwnerAccount, r.SourceGroupOwnerId, r.DestGroupId,
            r.DestGroupOwnerAccount, r.DestGroupOwnerId, r.SourcePrefixListId, r.DestPrefixListId, r.NicType, r.Description, r.CreatedAt);

    /// <summary>The stored rule again, with its ID and creation time, in the group <paramref name="securityGroupId"/>.</summary>
    public SecurityGroupRule ToRule(string securityGroupId, string accountId) => new()
    {
        SecurityGroupRuleId = SecurityGroupRuleId, SecurityGroupId = securityGroupId, AccountId = accountId, Direction = Direction,
        Policy = Policy, Priority = Priority, IpProtocol = IpProtocol, PortRange = PortRange, PortRangeListId = PortRangeListId,
        SourcePortRange = SourcePortRange, SourceCidrIp = SourceCidrIp, Ipv6SourceCidrIp = Ipv6SourceCidrIp, DestCidrIp = DestCidrIp,
        Ipv6DestCidrIp = Ipv6DestCidrIp, SourceGroupId = SourceGroupId, SourceGroupOwnerAccount = SourceGroupOwnerAccount,
        SourceGroupOwnerId = SourceGroupOwnerId, DestGroupId = DestGroupId, DestGroupOwnerAccount = DestGroupOwnerAccount,
        DestGroupOwnerId = DestGroupOwnerId, SourcePrefixListId = SourcePrefixListId, DestPrefixListId = DestPrefixListId, NicType = NicType,
        Description = Description, CreatedAt = CreatedAt,
    };
}

/// <summary>An ENI (and its instance, if attached) and its groups in order.</summary>
public sealed record MemberState(string NetworkInterfaceId, string InstanceId, IReadOnlyList<string> SecurityGroupIds)
{
    public static MemberState Of(NetworkInterface eni, IEnumerable<string> groups) => new(eni.NetworkInterfaceId, eni.InstanceId, [.. groups]);
}

/// <summary>A group's field before and after.</summary>
public sealed record FieldChange(string Field, string Before, string After);

/// <summary>The stored form: JSON, gzip-compressed (rules repeat the same field names and empty values: about a tenth of the JSON).</summary>
public static class SnapshotCodec
{
    public static byte[] Encode(SnapshotState state)
    {
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            JsonSerializer.Serialize(zip, state);
        }

        return buffer.ToArray();
    }

    public static SnapshotState Decode(byte[] data)
    {
        using var zip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<SnapshotState>(zip) ?? new SnapshotState([], []);
    }
}
