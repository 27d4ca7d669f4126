using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Networks;

namespace SecurityGroups.Api.Networks;

public sealed class DescribeVSwitchesRequest : CommonParameters
{
    /// <summary>Region; give this or VpcId.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>Only this VPC's vSwitches; give this or RegionId.</summary>
    public string? VpcId { get; set; }

    /// <summary>One vSwitch ID (a comma-separated list is accepted too). Unknown IDs are simply not listed.</summary>
    public string? VSwitchId { get; set; }

    public string? VSwitchName { get; set; }

    public string? ZoneId { get; set; }

    public bool? IsDefault { get; set; }

    /// <summary>true: only vSwitches with an IPv6 /64; false: only those without.</summary>
    public bool? EnableIpv6 { get; set; }

    /// <summary>Accepted, no effect (every vSwitch uses its VPC's system route table).</summary>
    public string? RouteTableId { get; set; }

    /// <summary>Accepted, no effect (no shared VPCs here).</summary>
    public long? VSwitchOwnerId { get; set; }

    public string? ResourceGroupId { get; set; }

    /// <summary>From 1, default 1.</summary>
    /// <example>1</example>
    public int? PageNumber { get; set; }

    /// <summary>1-50, default 10.</summary>
    /// <example>10</example>
    public int? PageSize { get; set; }

    /// <summary>Check only: <c>DryRunOperation</c>.</summary>
    public bool? DryRun { get; set; }

    public List<TagParameter>? Tag { get; set; }
}

public sealed class DescribeVSwitchesResponse : AcsResponse
{
    public int TotalCount { get; init; }

    public int PageNumber { get; init; }

    public int PageSize { get; init; }

    public VSwitchList VSwitches { get; init; } = new([]);

    public static DescribeVSwitchesResponse From(Page<VSwitchView> page) => new()
    {
        TotalCount = page.TotalCount,
        PageNumber = page.PageNumber,
        PageSize = page.PageSize,
        VSwitches = new VSwitchList(page.Items.Select(VSwitchItem.From).ToList()),
    };
}

public sealed record VSwitchList(IReadOnlyList<VSwitchItem> VSwitch);

public sealed record VSwitchItem
{
    public required string VSwitchId { get; init; }
    public required string VpcId { get; init; }
    public required string Status { get; init; }
    public required string CidrBlock { get; init; }
    public string Ipv6CidrBlock { get; init; } = "";
    public required string ZoneId { get; init; }
    public required long AvailableIpAddressCount { get; init; }
    public required string Description { get; init; }
    public required string VSwitchName { get; init; }
    public required string CreationTime { get; init; }
    public required bool IsDefault { get; init; }
    public required string ResourceGroupId { get; init; }
    public required long OwnerId { get; init; }
    public bool EnabledIpv6 { get; init; }
    public string NetworkAclId { get; init; } = "";
    public string ShareType { get; init; } = "";
    public required RouteTableRef RouteTable { get; init; }
    public required VpcTags Tags { get; init; }

    public static VSwitchItem From(VSwitchView view) => new()
    {
        VSwitchId = view.VSwitch.VSwitchId,
        VpcId = view.VSwitch.VpcId,
        Status = view.VSwitch.Status,
        CidrBlock = view.VSwitch.CidrBlock,
        Ipv6CidrBlock = view.VSwitch.Ipv6CidrBlock,
        EnabledIpv6 = view.VSwitch.Ipv6CidrBlock.Length > 0,
        ZoneId = view.VSwitch.ZoneId,
        AvailableIpAddressCount = view.AvailableIpAddressCount,
        Description = view.VSwitch.Description,
        VSwitchName = view.VSwitch.VSwitchName,
        CreationTime = AcsTime.Seconds(view.VSwitch.CreatedAt),
        IsDefault = view.VSwitch.IsDefault,
        ResourceGroupId = view.VSwitch.ResourceGroupId,
        OwnerId = long.TryParse(view.VSwitch.AccountId, out var owner) ? owner : 0,
        RouteTable = new RouteTableRef(view.RouteTableId, "System"),
        Tags = VpcTags.From(view.Tags),
    };
}

public sealed record RouteTableRef(string RouteTableId, string RouteTableType);

public sealed class DescribeVSwitchesValidator : AcsValidator<DescribeVSwitchesRequest>
{
    public DescribeVSwitchesValidator()
    {
        RuleFor(r => r.Tag).MaxItems(ListBounds.Tags, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.RegionId).Required().When(r => string.IsNullOrEmpty(r.VpcId));
    }
}
