using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.SecurityGroups;

namespace SecurityGroups.Api.SecurityGroups;

public sealed class DescribeSecurityGroupAttributeRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The group. Required.</summary>
    public string? SecurityGroupId { get; set; }

    /// <summary><c>ingress</c>, <c>egress</c> or <c>all</c> (default).</summary>
    public string? Direction { get; set; }

    /// <summary><c>intranet</c> or <c>internet</c>; on a VPC group both mean intranet (every rule), as Alibaba reads them.</summary>
    public string? NicType { get; set; }

    /// <summary>Rules per page, 10-1000 (default 500).</summary>
    public int? MaxResults { get; set; }

    public string? NextToken { get; set; }

    /// <summary>Only <c>snapshotPolicyIds</c>.</summary>
    public string? Attribute { get; set; }
}

public sealed class DescribeSecurityGroupAttributeResponse : AcsResponse
{
    public required string RegionId { get; init; }
    public required string SecurityGroupId { get; init; }
    public required string SecurityGroupName { get; init; }
    public required string Description { get; init; }
    public required string VpcId { get; init; }
    public required string InnerAccessPolicy { get; init; }
    public string? NextToken { get; init; }
    public required PermissionList Permissions { get; init; }
    public SnapshotPolicyIdList? SnapshotPolicyIds { get; init; }

    public static DescribeSecurityGroupAttributeResponse From(SecurityGroupDetails details, bool snapshotPolicyIds) => new()
    {
        RegionId = details.Group.RegionId,
        SecurityGroupId = details.Group.SecurityGroupId,
        SecurityGroupName = details.Group.SecurityGroupName,
        Description = details.Group.Description,
        VpcId = details.Group.VpcId,
        InnerAccessPolicy = details.Group.InnerAccessPolicy,
        NextToken = details.NextToken,
        Permissions = DerivedOnce<SecurityGroupDetails, PermissionList>.Get(details, d => new PermissionList(d.Rules.Select(r => PermissionItem.From(r, d.Names)).ToList())),
        SnapshotPolicyIds = snapshotPolicyIds ? new SnapshotPolicyIdList([]) : null,
        RenderedFrom = new RenderedFrom(details, snapshotPolicyIds ? "snapshotPolicyIds" : ""),
    };
}

public sealed record PermissionList(IReadOnlyList<PermissionItem> Permission);

public sealed record SnapshotPolicyIdList(IReadOnlyList<string> SnapshotPolicyId);

/// <summary>One rule as DescribeSecurityGroupAttribute shows it.</summary>
public sealed record PermissionItem
{
    public required string SecurityGroupRuleId { get; init; }
    public required string Direction { get; init; }
    public required string Policy { get; init; }
    public required string Priority { get; init; }
    public required string IpProtocol { get; init; }
    public required string PortRange { get; init; }
    public required string PortRangeListId { get; init; }
    public required string PortRangeListName { get; init; }
    public required string SourcePortRange { get; init; }
    public required string SourceCidrIp { get; init; }
    public required string Ipv6SourceCidrIp { get; init; }
    public required string SourceGroupId { get; init; }
    public required string SourceGroupName { get; init; }
    public required string SourceGroupOwnerAccount { get; init; }
    public required string SourcePrefixListId { get; init; }
    public required string SourcePrefixListName { get; init; }
    public required string DestCidrIp { get; init; }
    public required string Ipv6DestCidrIp { get; init; }
    public required string DestGroupId { get; init; }
    public required string DestGroupName { get; init; }
    public required string DestGroupOwnerAccount { get; init; }
    public required string DestPrefixListId { get; init; }
    public required string DestPrefixListName { get; init; }
    public required string NicType { get; init; }
    public required string Description { get; init; }
    public required string CreateTime { get; init; }

    public static PermissionItem From(SecurityGroupRule rule, IReadOnlyDictionary<string, string> names) => new()
    {
        SecurityGroupRuleId = rule.SecurityGroupRuleId,
        Direction = rule.Direction,
        Policy = rule.Policy,
        Priority = rule.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture),
        IpProtocol = rule.IpProtocol,
        PortRange = rule.PortRange,
        PortRangeListId = rule.PortRangeListId,
        PortRangeListName = names.GetValueOrDefault(rule.PortRangeListId, ""),
        SourcePortRange = rule.SourcePortRange,
        SourceCidrIp = rule.SourceCidrIp,
        Ipv6SourceCidrIp = rule.Ipv6SourceCidrIp,
        SourceGroupId = rule.SourceGroupId,
        SourceGroupName = names.GetValueOrDefault(rule.SourceGroupId, ""),
        SourceGroupOwnerAccount = rule.SourceGroupOwnerAccount,
        SourcePrefixListId = rule.SourcePrefixListId,
        SourcePrefixListName = names.GetValueOrDefault(rule.SourcePrefixListId, ""),
        DestCidrIp = rule.DestCidrIp,
        Ipv6DestCidrIp = rule.Ipv6DestCidrIp,
        DestGroupId = rule.DestGroupId,
        DestGroupName = names.GetValueOrDefault(rule.DestGroupId, ""),
        DestGroupOwnerAccount = rule.DestGroupOwnerAccount,
        DestPrefixListId = rule.DestPrefixListId,
        DestPrefixListName = names.GetValueOrDefault(rule.DestPrefixListId, ""),
        NicType = rule.NicType,
        Description = rule.Description,
        CreateTime = AcsTime.Seconds(rule.CreatedAt),
    };
}

public sealed class DescribeSecurityGroupAttributeValidator : AcsValidator<DescribeSecurityGroupAttributeRequest>
{
    public DescribeSecurityGroupAttributeValidator()
    {
        RuleFor(r => r.RegionId).Required(AcsErrors.MissingRegionId);
        RuleFor(r => r.SecurityGroupId).Required();
        RuleFor(r => r.Direction).OneOf("ingress", "egress", "all").Raises(AcsErrors.InvalidDirectionMalformed);
        RuleFor(r => r.NicType).OneOf("intranet", "internet").Raises(AcsErrors.InvalidNicTypeValueNotSupported);
        RuleFor(r => r.MaxResults).InclusiveBetween(10, 1000).Raises(AcsErrors.InvalidParameterMaxResults);
        RuleFor(r => r.Attribute).OneOf("snapshotPolicyIds").Raises(AcsErrors.InvalidParameterAttributeNotSupported);
    }
}
