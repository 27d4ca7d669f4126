using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Tags;

namespace SecurityGroups.Domain.Networks;

public sealed record CreateVpcCommand(string RegionId, string? CidrBlock, string? VpcName, string? Description,
    string? ResourceGroupId, IReadOnlyList<TagInput> Tags, bool DryRun)
{
    /// <summary>Give the VPC an IPv6 /56.</summary>
    public bool EnableIpv6 { get; init; }
}

public sealed record CreatedVpc(string VpcId, string VRouterId, string RouteTableId, string ResourceGroupId);

public sealed record VpcQuery(string RegionId, IReadOnlyList<string> VpcIds, string? VpcName, bool? IsDefault,
    string? ResourceGroupId, IReadOnlyList<TagInput> Tags, PageRequest Page, bool DryRun)
{
    /// <summary>DescribeVpcs <c>EnableIpv6</c>: only VPCs with (true) or without (false) an IPv6 block.</summary>
    public bool? EnableIpv6 { get; init; }
}

/// <summary>A VPC with what DescribeVpcs shows beside it.</summary>
public sealed record VpcView(Vpc Vpc, IReadOnlyList<string> VSwitchIds, IReadOnlyList<ResourceTag> Tags);

public sealed record CreateVSwitchCommand(string? RegionId, string VpcId, string ZoneId, string CidrBlock, string? VSwitchName,
    string? Description, IReadOnlyList<TagInput> Tags, bool DryRun)
{
    /// <summary>The number (0-255) of the vSwitch's IPv6 /64 inside its VPC's /56; null: no IPv6.</summary>
    public int? Ipv6CidrBlock { get; init; }
}

public sealed record VSwitchQuery(string? RegionId, string? VpcId, IReadOnlyList<string> VSwitchIds, string? VSwitchName, string? ZoneId,
    bool? IsDefault, string? ResourceGroupId, IReadOnlyList<TagInput> Tags, PageRequest Page, bool DryRun)
{
    /// <summary>DescribeVSwitches <c>EnableIpv6</c>.</summary>
    public bool? EnableIpv6 { get; init; }
}

/// <summary>A vSwitch with its free address count and tags.</summary>
public sealed record VSwitchView(VSwitch VSwitch, long AvailableIpAddressCount, string RouteTableId, IReadOnlyList<ResourceTag> Tags);

public sealed record RouteTableQuery(string RegionId, string? VpcId, string? RouteTableId, string? RouterId, string? RouteTableName,
    string? RouteTableType, string? ResourceGroupId, PageRequest Page);

/// <summary>A VPC's system route table (one per VPC, created with it; its ID is the VPC's <c>RouteTableId</c>).</summary>
public sealed record RouteTableView(Vpc Vpc, IReadOnlyList<string> VSwitchIds)
{
    public const string SystemType = "System";
}
