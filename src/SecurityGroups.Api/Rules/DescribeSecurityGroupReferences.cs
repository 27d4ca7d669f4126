using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Rules;

namespace SecurityGroups.Api.Rules;

public sealed class DescribeSecurityGroupReferencesRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The groups, <c>SecurityGroupId.N</c>, N = 1..10. Required.</summary>
    public List<string>? SecurityGroupId { get; set; }
}

public sealed class DescribeSecurityGroupReferencesResponse : AcsResponse
{
    public required SecurityGroupReferenceList SecurityGroupReferences { get; init; }

    public static DescribeSecurityGroupReferencesResponse From(IReadOnlyList<GroupReferences> references) => new()
    {
        SecurityGroupReferences = new SecurityGroupReferenceList(references.Select(r => new SecurityGroupReferenceItem(r.SecurityGroupId,
            new ReferencingSecurityGroupList(r.ReferencingGroups.Select(g => new ReferencingSecurityGroupItem(g.AccountId, g.SecurityGroupId)).ToList()))).ToList()),
    };
}

public sealed record SecurityGroupReferenceList(IReadOnlyList<SecurityGroupReferenceItem> SecurityGroupReference);

public sealed record SecurityGroupReferenceItem(string SecurityGroupId, ReferencingSecurityGroupList ReferencingSecurityGroups);

public sealed record ReferencingSecurityGroupList(IReadOnlyList<ReferencingSecurityGroupItem> ReferencingSecurityGroup);

public sealed record ReferencingSecurityGroupItem(string AliUid, string SecurityGroupId);

public sealed class DescribeSecurityGroupReferencesValidator : AcsValidator<DescribeSecurityGroupReferencesRequest>
{
    public DescribeSecurityGroupReferencesValidator()
    {
        RuleFor(r => r.SecurityGroupId).MaxItems(ListBounds.ReferencedGroups, AcsErrors.InvalidSecurityGroupIdsTooMany);
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.SecurityGroupId).Must(ids => ids is { Count: >= 1 and <= 10 } && ids.All(id => !string.IsNullOrEmpty(id)))
            .Raises(AcsErrors.InvalidSecurityGroupIdsTooMany);
    }
}
