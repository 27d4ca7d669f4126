namespace SecurityGroups.Domain.SecurityGroups;

/// <summary>A security group: basic (<c>normal</c>) or <c>enterprise</c>, in one VPC (or classic, basic only).</summary>
public sealed class SecurityGroup
{
    public required string SecurityGroupId { get; init; }

    public required string AccountId { get; init; }

    public required string RegionId { get; init; }

    /// <summary>Empty for a classic-network group.</summary>
    public string VpcId { get; init; } = "";

    public string SecurityGroupName { get; set; } = "";

    public string Description { get; set; } = "";

    public string SecurityGroupType { get; init; } = SecurityGroupTypes.Normal;

    /// <summary><c>Accept</c> (basic default) or <c>Drop</c> (always for enterprise).</summary>
    public string InnerAccessPolicy { get; set; } = InnerAccessPolicies.Accept;

    public string ResourceGroupId { get; set; } = "";

    /// <summary>Managed by a cloud product: readable, never changeable through the API.</summary>
    public bool ServiceManaged { get; set; }

    public long ServiceId { get; set; }

    /// <summary>Deletion protection (set by ACK on Alibaba; here through the emulator's flags endpoint).</summary>
    public bool DeletionProtection { get; set; }

    public DateTime CreatedAt { get; init; }

    /// <summary>
    /// A new unique value whenever the group is inserted and whenever one of its rules is added, changed or deleted, by
    /// any path (database triggers set it: ADR-011; the domain never writes it). Caches of per-group work (the findings)
    /// compare it instead of reading the rules again.
    /// </summary>
    public long RulesStamp { get; private set; }

    public bool IsEnterprise => SecurityGroupType == SecurityGroupTypes.Enterprise;

    public string NetworkType => VpcId.Length > 0 ? "vpc" : "classic";
}

public static class SecurityGroupTypes
{
    public const string Normal = "normal";
    public const string Enterprise = "enterprise";
}

public static class InnerAccessPolicies
{
    public const string Accept = "Accept";
    public const string Drop = "Drop";
}
