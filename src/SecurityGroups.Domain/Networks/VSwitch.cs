namespace SecurityGroups.Domain.Networks;

/// <summary>A vSwitch: a subnet of a VPC in one zone; private IPs of instances and ENIs come from its CIDR block.</summary>
public sealed class VSwitch
{
    public required string VSwitchId { get; init; }

    public required string AccountId { get; init; }

    public required string RegionId { get; init; }

    public required string VpcId { get; init; }

    public required string ZoneId { get; init; }

    public required string CidrBlock { get; init; }

    public string VSwitchName { get; set; } = "";

    public string Description { get; set; } = "";

    public string ResourceGroupId { get; set; } = "";

    /// <summary>The vSwitch's IPv6 /64 inside its VPC's /56 (CreateVSwitch <c>Ipv6CidrBlock</c>, 0-255); empty: IPv6 not enabled.</summary>
    public string Ipv6CidrBlock { get; set; } = "";

    public bool IsDefault { get; init; }

    public string Status { get; set; } = VpcStatus.Available;

    public DateTime CreatedAt { get; init; }
}
