namespace SecurityGroups.Domain.Networks;

/// <summary>A virtual private cloud (VPC 2016-04-28). Owned by one account in one region.</summary>
public sealed class Vpc
{
    public required string VpcId { get; init; }

    public required string AccountId { get; init; }

    public required string RegionId { get; init; }

    public required string CidrBlock { get; set; }

    public string VpcName { get; set; } = "";

    public string Description { get; set; } = "";

    public required string VRouterId { get; init; }

    public required string RouteTableId { get; init; }

    /// <summary>The system route table's name and description (ModifyRouteTableAttributes).</summary>
    public string RouteTableName { get; set; } = "";

    public string RouteTableDescription { get; set; } = "";

    public string ResourceGroupId { get; set; } = "";

    /// <summary>The VPC's IPv6 /56 (CreateVpc <c>EnableIpv6=true</c>); empty: IPv6 not enabled.</summary>
    public string Ipv6CidrBlock { get; set; } = "";

    public bool IsDefault { get; init; }

    public string Status { get; set; } = VpcStatus.Available;

    public DateTime CreatedAt { get; init; }
}

public static class VpcStatus
{
    public const string Available = "Available";
}
