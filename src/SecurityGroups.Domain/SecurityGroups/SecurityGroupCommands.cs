using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Tags;

namespace SecurityGroups.Domain.SecurityGroups;

public sealed record CreateSecurityGroupCommand(string RegionId, string? VpcId, string? SecurityGroupName, string? Description,
    string? SecurityGroupType, string? ResourceGroupId, bool ServiceManaged, IReadOnlyList<TagInput> Tags);

/// <summary>Either legacy paging (<see cref="Page"/>) or token paging (<see cref="MaxResults"/>, <see cref="NextToken"/>).</summary>
public sealed record SecurityGroupPaging(PageRequest? Page, int MaxResults, string? NextToken);

public sealed record SecurityGroupQuery(string RegionId, IReadOnlyList<string> SecurityGroupIds, string? VpcId, string? SecurityGroupName,
    string? SecurityGroupType, string? NetworkType, string? ResourceGroupId, bool? ServiceManaged, IReadOnlyList<TagInput> Tags,
    SecurityGroupPaging Paging, bool DryRun);

/// <summary>A group with the counts DescribeSecurityGroups shows beside it.</summary>
public sealed record SecurityGroupView(SecurityGroup Group, int RuleCount, int GroupToGroupRuleCount, int EcsCount,
    long AvailableInstanceAmount, IReadOnlyList<ResourceTag> Tags);

public sealed record SecurityGroupRuleQuery(string RegionId, string SecurityGroupId, string? Direction, string? NicType, int MaxResults, string? NextToken);

/// <summary>A group and one page of its rules, with the names of the groups and lists they reference.</summary>
public sealed record SecurityGroupDetails(SecurityGroup Group, IReadOnlyList<SecurityGroupRule> Rules, IReadOnlyDictionary<string, string> Names, string? NextToken);

/// <summary>Flags Alibaba sets outside its public API, settable through the emulator.</summary>
public sealed record SecurityGroupFlags(bool? ServiceManaged, long? ServiceId, bool? DeletionProtection);
