using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.SecurityGroups;

namespace SecurityGroups.Api.SecurityGroups;

public sealed class DescribeSecurityGroupsRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>One group ID. Unknown IDs give an empty list.</summary>
    public string? SecurityGroupId { get; set; }

    /// <summary>Up to 100 IDs as one JSON array string, e.g. <c>["sg-a","sg-b"]</c>.</summary>
    public string? SecurityGroupIds { get; set; }

    public string? VpcId { get; set; }

    /// <summary>Exact name.</summary>
    public string? SecurityGroupName { get; set; }

    /// <summary><c>normal</c> or <c>enterprise</c>; absent: both.</summary>
    public string? SecurityGroupType { get; set; }

    /// <summary><c>vpc</c> or <c>classic</c>.</summary>
    public string? NetworkType { get; set; }

    public string? ResourceGroupId { get; set; }

    public bool? ServiceManaged { get; set; }

    /// <summary>Token paging: 1-100 per page (default 10); the response then has NextToken and no TotalCount.</summary>
    public int? MaxResults { get; set; }

    /// <summary>Token paging: the NextToken of the previous page.</summary>
    public string? NextToken { get; set; }

    /// <summary>Legacy paging: from 1 (default 1).</summary>
    public int? PageNumber { get; set; }

    /// <summary>Legacy paging: 1-50 (default 10).</summary>
    public int? PageSize { get; set; }

    /// <summary>Check only: <c>DryRunOperation</c>.</summary>
    public bool? DryRun { get; set; }

    /// <summary>Deprecated; accepted.</summary>
    public bool? FuzzyQuery { get; set; }

    /// <summary>Deprecated; accepted (counts are always returned).</summary>
    public bool? IsQueryEcsCount { get; set; }

    /// <summary>Only groups with every one of these tags.</summary>
    public List<TagParameter>? Tag { get; set; }
}

public sealed class DescribeSecurityGroupsResponse : AcsResponse
{
    public string RegionId { get; init; } = "";

    public int? TotalCount { get; init; }

    public int? PageNumber { get; init; }

    public int? PageSize { get; init; }

    public string? NextToken { get; init; }

    public SecurityGroupList SecurityGroups { get; init; } = new([]);

    public static DescribeSecurityGroupsResponse From(string regionId, Listing<SecurityGroupView> listing) => new()
    {
        RegionId = regionId,
        TotalCount = listing.TotalCount,
        PageNumber = listing.Page?.PageNumber,
        PageSize = listing.Page?.PageSize,
        NextToken = listing.NextToken,
        SecurityGroups = DerivedOnce<Listing<SecurityGroupView>, SecurityGroupList>.Get(listing, l => new SecurityGroupList(l.Items.Select(SecurityGroupItem.From).ToList())),
        RenderedFrom = new RenderedFrom(listing, regionId),
    };
}

public sealed record SecurityGroupList(IReadOnlyList<SecurityGroupItem> SecurityGroup);

public sealed record SecurityGroupItem
{
    public required string SecurityGroupId { get; init; }
    public required string SecurityGroupName { get; init; }
    public required string Description { get; init; }
    public required string SecurityGroupType { get; init; }
    public required string VpcId { get; init; }
    public required string CreationTime { get; init; }
    public required string ResourceGroupId { get; init; }
    public required bool ServiceManaged { get; init; }
    public long? ServiceID { get; init; }
    public required int RuleCount { get; init; }
    public required int GroupToGroupRuleCount { get; init; }
    public required int EcsCount { get; init; }
    public required long AvailableInstanceAmount { get; init; }
    public required EcsTags Tags { get; init; }

    public static SecurityGroupItem From(SecurityGroupView view) => new()
    {
        SecurityGroupId = view.Group.SecurityGroupId,
        SecurityGroupName = view.Group.SecurityGroupName,
        Description = view.Group.Description,
        SecurityGroupType = view.Group.SecurityGroupType,
        VpcId = view.Group.VpcId,
        CreationTime = AcsTime.Seconds(view.Group.CreatedAt),
        ResourceGroupId = view.Group.ResourceGroupId,
        ServiceManaged = view.Group.ServiceManaged,
        ServiceID = view.Group.ServiceManaged ? view.Group.ServiceId : null,
        RuleCount = view.RuleCount,
        GroupToGroupRuleCount = view.GroupToGroupRuleCount,
        EcsCount = view.EcsCount,
        AvailableInstanceAmount = view.AvailableInstanceAmount,
        Tags = EcsTags.From(view.Tags),
    };
}

public sealed class DescribeSecurityGroupsValidator : AcsValidator<DescribeSecurityGroupsRequest>
{
    public const int MaxIds = 100;

    public DescribeSecurityGroupsValidator()
    {
        RuleFor(r => r.Tag).MaxItems(ListBounds.Tags, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.RegionId).Required(AcsErrors.MissingRegionId);
        RuleFor(r => r.SecurityGroupIds).Must(ids => JsonIdList.TryParse(ids, MaxIds, out _)).Raises(AcsErrors.InvalidSecurityGroupIdMalformed);
        RuleFor(r => r.SecurityGroupType).OneOf(SecurityGroupTypes.Normal, SecurityGroupTypes.Enterprise).Raises(AcsErrors.InvalidParameterSecurityGroupType);
        RuleFor(r => r.NetworkType).OneOf("vpc", "classic").Raises(AcsErrors.InvalidNetworkTypeMalformed);
        RuleFor(r => r.MaxResults).InclusiveBetween(1, 100).Raises(AcsErrors.InvalidParameterMaxResults);
        RuleFor(r => r.PageNumber).GreaterThanOrEqualTo(1).Raises(AcsErrors.InvalidPageNumberMalformed);
        RuleFor(r => r.PageSize).InclusiveBetween(1, 50).Raises(AcsErrors.InvalidPageSizeMalformed);
        RuleFor(r => r).Must(r => (r.MaxResults is null && string.IsNullOrEmpty(r.NextToken)) || (r.PageNumber is null && r.PageSize is null))
            .OverridePropertyName("PageNumber").Raises(AcsErrors.NotSupportedPageNumberAndPageSize);
    }

    /// <summary>The paging mode the request asks for: token paging when MaxResults or NextToken is given.</summary>
    public static SecurityGroupPaging Paging(DescribeSecurityGroupsRequest r) =>
        r.MaxResults is not null || !string.IsNullOrEmpty(r.NextToken)
            ? new SecurityGroupPaging(null, r.MaxResults ?? 10, r.NextToken)
            : new SecurityGroupPaging(PageParameters.From(r.PageNumber, r.PageSize, 50), 0, null);
}
