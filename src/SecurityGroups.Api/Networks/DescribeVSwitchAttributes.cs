using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Networks;

namespace SecurityGroups.Api.Networks;

public sealed class DescribeVSwitchAttributesRequest : CommonParameters
{
    /// <summary>Region; optional (the vSwitch is found by ID in the caller's account).</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The vSwitch. Required.</summary>
    /// <example>vsw-bp1jqwp2ys6kp7tc9t983</example>
    public string? VSwitchId { get; set; }

    /// <summary>Check only: <c>DryRunOperation</c> when the request would succeed.</summary>
    public bool? DryRun { get; set; }
}

public sealed class DescribeVSwitchAttributesValidator : AcsValidator<DescribeVSwitchAttributesRequest>
{
    public DescribeVSwitchAttributesValidator() => RuleFor(r => r.VSwitchId).Required();
}

/// <summary>DescribeVSwitchAttributes: DescribeVSwitches' item at the top level, with the RequestId.</summary>
public sealed class DescribeVSwitchAttributesResponse : AcsResponse
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

    public static DescribeVSwitchAttributesResponse From(VSwitchView view)
    {
        var item = VSwitchItem.From(view);
        return new()
        {
            VSwitchId = item.VSwitchId,
            VpcId = item.VpcId,
            Status = item.Status,
            CidrBlock = item.CidrBlock,
            Ipv6CidrBlock = item.Ipv6CidrBlock,
            EnabledIpv6 = item.EnabledIpv6,
            ZoneId = item.ZoneId,
            AvailableIpAddressCount = item.AvailableIpAddressCount,
            Description = item.Description,
            VSwitchName = item.VSwitchName,
            CreationTime = item.CreationTime,
            IsDefault = item.IsDefault,
            ResourceGroupId = item.ResourceGroupId,
            OwnerId = item.OwnerId,
            RouteTable = item.RouteTable,
            Tags = item.Tags,
        };
    }
}
