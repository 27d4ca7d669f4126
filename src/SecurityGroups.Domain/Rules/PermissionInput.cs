namespace SecurityGroups.Domain.Rules;

/// <summary>One rule as a request gives it (a <c>Permissions.N</c> entry or the legacy flat fields), unvalidated.</summary>
public sealed record PermissionInput
{
    public string? Policy { get; init; }
    public string? Priority { get; init; }
    public string? IpProtocol { get; init; }
    public string? PortRange { get; init; }
    public string? PortRangeListId { get; init; }
    public string? SourcePortRange { get; init; }
    public string? SourceCidrIp { get; init; }
    public string? Ipv6SourceCidrIp { get; init; }
    public string? SourceGroupId { get; init; }
    public string? SourceGroupOwnerAccount { get; init; }
    public string? SourceGroupOwnerId { get; init; }
    public string? SourcePrefixListId { get; init; }
    public string? DestCidrIp { get; init; }
    public string? Ipv6DestCidrIp { get; init; }
    public string? DestGroupId { get; init; }
    public string? DestGroupOwnerAccount { get; init; }
    public string? DestGroupOwnerId { get; init; }
    public string? DestPrefixListId { get; init; }
    public string? NicType { get; init; }
    public string? Description { get; init; }
}

public static class Directions
{
    public const string Ingress = "ingress";
    public const string Egress = "egress";
}
