using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Api.Instances;

public sealed class DescribeInstanceRamRoleRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>Up to 100 instance IDs as one JSON array string, e.g. <c>["i-a"]</c>.</summary>
    public string? InstanceIds { get; set; }

    /// <summary>Only instances with this role.</summary>
    public string? RamRoleName { get; set; }

    /// <summary>From 1.</summary>
    public int? PageNumber { get; set; }

    /// <summary>1-100 (default 10).</summary>
    public int? PageSize { get; set; }
}

public sealed class DescribeInstanceRamRoleValidator : AcsValidator<DescribeInstanceRamRoleRequest>
{
    public DescribeInstanceRamRoleValidator()
    {
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.InstanceIds).Must(ids => JsonIdList.TryParse(ids, 100, out _)).Raises(AcsErrors.InvalidInstanceIdsMalformed);
    }
}

/// <summary>The RAM roles of the instances that have one (an instance without a role is not listed).</summary>
public sealed class DescribeInstanceRamRoleResponse : AcsResponse
{
    public required string RegionId { get; init; }

    public required int TotalCount { get; init; }

    public required InstanceRamRoleSetList InstanceRamRoleSets { get; init; }
}

public sealed record InstanceRamRoleSet(string InstanceId, string RamRoleName);

public sealed record InstanceRamRoleSetList(IReadOnlyList<InstanceRamRoleSet> InstanceRamRoleSet);
