namespace SecurityGroups.Domain.Instances;

/// <summary>
/// A permission on an ENI granted to another account (CreateNetworkInterfacePermission). Recorded and listed; it has no
/// effect here: an ENI is attached only by its owner.
/// </summary>
public sealed class NetworkInterfacePermission
{
    public const string InstanceAttach = "InstanceAttach";
    public const string Granted = "Granted";

    public required string NetworkInterfacePermissionId { get; init; }

    /// <summary>The ENI's owner (the caller that granted it).</summary>
    public required string AccountId { get; init; }

    public required string RegionId { get; init; }

    public required string NetworkInterfaceId { get; init; }

    /// <summary>The account the permission is granted to (the request's <c>AccountId</c>).</summary>
    public required long GrantedAccountId { get; init; }

    public string Permission { get; init; } = InstanceAttach;

    public string PermissionState { get; set; } = Granted;

    public DateTime CreatedAt { get; init; }
}
