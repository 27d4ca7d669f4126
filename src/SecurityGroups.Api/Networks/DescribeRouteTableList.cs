using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Networks;

namespace SecurityGroups.Api.Networks;

public sealed class DescribeRouteTableListRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>Only the route table of this VPC.</summary>
    public string? VpcId { get; set; }

    /// <summary>Only this route table.</summary>
    public string? RouteTableId { get; set; }

    /// <summary>Only the route tables of this vRouter.</summary>
    public string? RouterId { get; set; }

    /// <summary><c>VRouter</c> (the only router type here) or <c>VBR</c> (matches nothing).</summary>
    public string? RouterType { get; set; }

    public string? RouteTableName { get; set; }

    /// <summary><c>System</c> (the only type emulated) or <c>Custom</c> (matches nothing).</summary>
    public string? RouteTableType { get; set; }

    public string? ResourceGroupId { get; set; }

    public int? PageNumber { get; set; }

    /// <summary>1-50 (default 10).</summary>
    public int? PageSize { get; set; }

    /// <summary><c>Tag.N.Key</c>/<c>Value</c>, N = 1..20: route tables carry no tags here, so a tag filter matches none.</summary>
    public List<TagParameter>? Tag { get; set; }
}

public sealed class DescribeRouteTableListValidator : AcsValidator<DescribeRouteTableListRequest>
{
    public DescribeRouteTableListValidator()
    {
        RuleFor(r => r.Tag).MaxItems(ListBounds.Tags, AcsErrors.NumberExceedTags);
        RuleFor(r => r.RegionId).Required();
    }
}

public sealed class DescribeRouteTableListResponse : AcsResponse
{
    public int TotalCount { get; init; }
    public int PageNumber { get; init; }
    public int PageSize { get; init; }
    public RouterTableList RouterTableList { get; init; } = new([]);

    public static DescribeRouteTableListResponse From(Page<RouteTableView> page) => new()
    {
        TotalCount = page.TotalCount,
        PageNumber = page.PageNumber,
        PageSize = page.PageSize,
        RouterTableList = new RouterTableList(page.Items.Select(RouterTableListType.From).ToList()),
    };
}

public sealed record RouterTableList(IReadOnlyList<RouterTableListType> RouterTableListType);

public sealed record RouterTableListType
{
    public required string RouteTableId { get; init; }
    public required string RouteTableName { get; init; }
    public required string RouteTableType { get; init; }
    public required string RouterId { get; init; }
    public string RouterType { get; init; } = "VRouter";
    public required string VpcId { get; init; }
    public required string Description { get; init; }
    public required string CreationTime { get; init; }
    public string Status { get; init; } = "Available";
    public string AssociateType { get; init; } = "VSwitch";
    public bool RoutePropagationEnable { get; init; } = true;
    public required string ResourceGroupId { get; init; }
    public required long OwnerId { get; init; }
    public required VSwitchIdList VSwitchIds { get; init; }
    public GatewayIdList GatewayIds { get; init; } = new([]);
    public VpcTags Tags { get; init; } = new([]);

    public static RouterTableListType From(RouteTableView view) => new()
    {
        RouteTableId = view.Vpc.RouteTableId,
        RouteTableName = view.Vpc.RouteTableName,
        RouteTableType = RouteTableView.SystemType,
        RouterId = view.Vpc.VRouterId,
        VpcId = view.Vpc.VpcId,
        Description = view.Vpc.RouteTableDescription,
        CreationTime = AcsTime.Seconds(view.Vpc.CreatedAt),
        ResourceGroupId = view.Vpc.ResourceGroupId,
        OwnerId = long.TryParse(view.Vpc.AccountId, out var owner) ? owner : 0,
        VSwitchIds = new VSwitchIdList(view.VSwitchIds),
    };
}

public sealed record GatewayIdList(IReadOnlyList<string> GatewayIds);
