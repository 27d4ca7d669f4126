using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Networks;

namespace SecurityGroups.Api.Networks;

public sealed class DescribeVpcsRequest : CommonParameters
{
    /// <summary>Region, e.g. <c>cn-hangzhou</c>. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>Up to 20 VPC IDs, comma-separated. Unknown IDs are simply not listed.</summary>
    public string? VpcId { get; set; }

    /// <summary>Exact name.</summary>
    /// <example>my-vpc</example>
    public string? VpcName { get; set; }

    /// <summary>Only default (true) or only non-default (false) VPCs; absent: all.</summary>
    public bool? IsDefault { get; set; }

    /// <summary>true: only VPCs with an IPv6 block; false: only those without.</summary>
    public bool? EnableIpv6 { get; set; }

    /// <summary>Accepted, no effect (no DHCP option sets here).</summary>
    public string? DhcpOptionsSetId { get; set; }

    /// <summary>Accepted, no effect (no shared VPCs here).</summary>
    public long? VpcOwnerId { get; set; }

    public string? ResourceGroupId { get; set; }

    /// <summary>From 1, default 1.</summary>
    /// <example>1</example>
    public int? PageNumber { get; set; }

    /// <summary>1-50, default 10.</summary>
    /// <example>10</example>
    public int? PageSize { get; set; }

    /// <summary>Check only: <c>DryRunOperation</c>.</summary>
    public bool? DryRun { get; set; }

    /// <summary>Only VPCs with every one of these tags.</summary>
    public List<TagParameter>? Tag { get; set; }
}

public sealed class DescribeVpcsResponse : AcsResponse
{
    public int TotalCount { get; init; }

    public int PageNumber { get; init; }

    public int PageSize { get; init; }

    public VpcList Vpcs { get; init; } = new([]);

    public static DescribeVpcsResponse From(Page<VpcView> page) => new()
    {
        TotalCount = page.TotalCount,
        PageNumber = page.PageNumber,
        PageSize = page.PageSize,
        Vpcs = new VpcList(page.Items.Select(VpcItem.From).ToList()),
    };
}

public sealed record VpcList(IReadOnlyList<VpcItem> Vpc);

public sealed record VpcItem
{
    public required string VpcId { get; init; }
    public required string RegionId { get; init; }
    public required string Status { get; init; }
    public required string VpcName { get; init; }
    public required string CreationTime { get; init; }
    public required string CidrBlock { get; init; }
    public string Ipv6CidrBlock { get; init; } = "";
    public required string VRouterId { get; init; }
    public required string Description { get; init; }
    public required bool IsDefault { get; init; }
    public required string ResourceGroupId { get; init; }
    public required long OwnerId { get; init; }
    public string CenStatus { get; init; } = "Detached";
    public string DhcpOptionsSetId { get; init; } = "";
    public string DhcpOptionsSetStatus { get; init; } = "";
    public string DnsHostnameStatus { get; init; } = "DISABLED";
    public bool EnabledIpv6 { get; init; }
    public required VSwitchIdList VSwitchIds { get; init; }
    public UserCidrList UserCidrs { get; init; } = new([]);
    public NatGatewayIdList NatGatewayIds { get; init; } = new([]);
    public required RouterTableIdList RouterTableIds { get; init; }
    public SecondaryCidrBlockList SecondaryCidrBlocks { get; init; } = new([]);
    public Ipv6CidrBlockList Ipv6CidrBlocks { get; init; } = new([]);
    public required VpcTags Tags { get; init; }

    public static VpcItem From(VpcView view) => new()
    {
        VpcId = view.Vpc.VpcId,
        RegionId = view.Vpc.RegionId,
        Status = view.Vpc.Status,
        VpcName = view.Vpc.VpcName,
        CreationTime = AcsTime.Seconds(view.Vpc.CreatedAt),
        CidrBlock = view.Vpc.CidrBlock,
        Ipv6CidrBlock = view.Vpc.Ipv6CidrBlock,
        EnabledIpv6 = view.Vpc.Ipv6CidrBlock.Length > 0,
        Ipv6CidrBlocks = Ipv6CidrBlockList.Of(view.Vpc.Ipv6CidrBlock),
        VRouterId = view.Vpc.VRouterId,
        Description = view.Vpc.Description,
        IsDefault = view.Vpc.IsDefault,
        ResourceGroupId = view.Vpc.ResourceGroupId,
        OwnerId = long.TryParse(view.Vpc.AccountId, out var owner) ? owner : 0,
        VSwitchIds = new VSwitchIdList(view.VSwitchIds),
        RouterTableIds = new RouterTableIdList([view.Vpc.RouteTableId]),
        Tags = VpcTags.From(view.Tags),
    };
}

public sealed record VSwitchIdList(IReadOnlyList<string> VSwitchId);
public sealed record UserCidrList(IReadOnlyList<string> UserCidr);
public sealed record NatGatewayIdList(IReadOnlyList<string> NatGatewayIds);
public sealed record RouterTableIdList(IReadOnlyList<string> RouterTableIds);
public sealed record SecondaryCidrBlockList(IReadOnlyList<string> SecondaryCidrBlock);
/// <summary>A VPC's IPv6 blocks: its one /56 (BGP) when IPv6 is enabled, else empty.</summary>
public sealed record Ipv6CidrBlockList(IReadOnlyList<Ipv6CidrBlockItem> Ipv6CidrBlock)
{
    public static Ipv6CidrBlockList Of(string block) => new(block.Length == 0 ? [] : [new Ipv6CidrBlockItem(block, "BGP")]);
}

public sealed record Ipv6CidrBlockItem(string Ipv6CidrBlock, string Ipv6Isp);

public sealed class DescribeVpcsValidator : AcsValidator<DescribeVpcsRequest>
{
    public DescribeVpcsValidator()
    {
        RuleFor(r => r.Tag).MaxItems(ListBounds.Tags, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => PageParameters.SplitIds(r.VpcId).Count).LessThanOrEqualTo(20).OverridePropertyName("VpcId").Raises(AcsErrors.InvalidVpcIdsTooMany);
    }
}
