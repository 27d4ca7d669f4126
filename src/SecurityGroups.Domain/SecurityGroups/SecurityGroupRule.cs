namespace SecurityGroups.Domain.SecurityGroups;

/// <summary>One rule of a security group, with Alibaba's fields (<c>DescribeSecurityGroupAttribute</c> Permission).</summary>
public sealed class SecurityGroupRule
{
    public required string SecurityGroupRuleId { get; init; }

    public required string SecurityGroupId { get; init; }

    public required string AccountId { get; init; }

    /// <summary><c>ingress</c> or <c>egress</c>.</summary>
    public required string Direction { get; init; }

    /// <summary><c>Accept</c> or <c>Drop</c>.</summary>
    public string Policy { get; set; } = "Accept";

    public int Priority { get; set; } = 1;

    /// <summary>Upper case: TCP, UDP, ICMP, ICMPV6, GRE, ALL.</summary>
    public string IpProtocol { get; set; } = "ALL";

    public string PortRange { get; set; } = "";

    public string PortRangeListId { get; set; } = "";

    public string SourcePortRange { get; set; } = "";

    public string SourceCidrIp { get; set; } = "";

    public string Ipv6SourceCidrIp { get; set; } = "";

    public string DestCidrIp { get; set; } = "";

    public string Ipv6DestCidrIp { get; set; } = "";

    public string SourceGroupId { get; set; } = "";

    public string SourceGroupOwnerAccount { get; set; } = "";

    public string SourceGroupOwnerId { get; set; } = "";

    public string DestGroupId { get; set; } = "";

    public string DestGroupOwnerAccount { get; set; } = "";

    public string DestGroupOwnerId { get; set; } = "";

    public string SourcePrefixListId { get; set; } = "";

    public string DestPrefixListId { get; set; } = "";

    /// <summary><c>intranet</c> (VPC) or <c>internet</c>.</summary>
    public string NicType { get; set; } = "intranet";

    public string Description { get; set; } = "";

    public DateTime CreatedAt { get; init; }

    /// <summary>The group this rule authorizes (source on ingress, destination on egress), if any.</summary>
    public string ReferencedGroupId => Direction == "ingress" ? SourceGroupId : DestGroupId;
}
