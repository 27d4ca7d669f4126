using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Networks;

namespace SecurityGroups.Api.Networks;

public sealed class DescribeVpcAttributeRequest : CommonParameters
{
    /// <summary>Region of the VPC. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The VPC. Required.</summary>
    /// <example>vpc-bp1qpo0kug3a20qqe****</example>
    public string? VpcId { get; set; }

    /// <summary>Accepted; this emulator has no default VPCs of its own.</summary>
    public bool? IsDefault { get; set; }

    /// <summary>Check only: <c>DryRunOperation</c> when the request would succeed.</summary>
    public bool? DryRun { get; set; }
}

public sealed class DescribeVpcAttributeValidator : AcsValidator<DescribeVpcAttributeRequest>
{
    public DescribeVpcAttributeValidator()
    {
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.VpcId).Required();
    }
}

/// <summary>DescribeVpcAttribute: one VPC with every container the SDK model declares (empty where nothing is emulated).</summary>
public sealed class DescribeVpcAttributeResponse : AcsResponse
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
    public bool ClassicLinkEnabled { get; init; }
    public required string ResourceGroupId { get; init; }
    public required long OwnerId { get; init; }
    public string DhcpOptionsSetId { get; init; } = "";
    public string DhcpOptionsSetStatus { get; init; } = "";
    public string DnsHostnameStatus { get; init; } = "DISABLED";
    public bool EnabledIpv6 { get; init; }
    public string Ipv4GatewayId { get; init; } = "";
    public bool SupportIpv4Gateway { get; init; }
    public required VSwitchIdList VSwitchIds { get; init; }
    public UserCidrList UserCidrs { get; init; } = new([]);
    public SecondaryCidrBlockList SecondaryCidrBlocks { get; init; } = new([]);
    public Ipv6CidrBlockList Ipv6CidrBlocks { get; init; } = new([]);
    public AssociatedCenList AssociatedCens { get; init; } = new([]);
    public AssociatedPropagationSourceList AssociatedPropagationSources { get; init; } = new([]);
    public CloudResourceList CloudResources { get; init; } = new([]);
    public required VpcTags Tags { get; init; }

    public static DescribeVpcAttributeResponse From(VpcView view) => new()
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
        CloudResources = new CloudResourceList([new CloudResourceItem("VSwitch", view.VSwitchIds.Count)]),
        Tags = VpcTags.From(view.Tags),
    };
}

public sealed record AssociatedCenList(IReadOnlyList<object> AssociatedCen);

public sealed record AssociatedPropagationSourceList(IReadOnlyList<object> AssociatedPropagationSources);

public sealed record CloudResourceItem(string ResourceType, int ResourceCount);

public sealed record CloudResourceList(IReadOnlyList<CloudResourceItem> CloudResourceSetType);
