using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Instances;

namespace SecurityGroups.Api.Instances;

public sealed class CreateNetworkInterfacePermissionRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The caller's ENI. Required.</summary>
    public string? NetworkInterfaceId { get; set; }

    /// <summary>The Alibaba Cloud account (a number) the permission is granted to. Required.</summary>
    /// <example>1234567890</example>
    public long? AccountId { get; set; }

    /// <summary><c>InstanceAttach</c>, the only permission. Required. Recorded and listed; no effect here (only the owner attaches ENIs).</summary>
    /// <example>InstanceAttach</example>
    public string? Permission { get; set; }
}

public sealed class CreateNetworkInterfacePermissionValidator : AcsValidator<CreateNetworkInterfacePermissionRequest>
{
    public CreateNetworkInterfacePermissionValidator()
    {
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.NetworkInterfaceId).Required();
        RuleFor(r => r.AccountId).Required();
        RuleFor(r => r.Permission).Required();
    }
}

public sealed class DescribeNetworkInterfacePermissionsRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>Only these permissions, <c>NetworkInterfacePermissionId.N</c>, N = 1..100.</summary>
    public List<string>? NetworkInterfacePermissionId { get; set; }

    /// <summary>Only the permissions of this ENI.</summary>
    public string? NetworkInterfaceId { get; set; }

    /// <summary>Page, from 1 (default 1).</summary>
    public int? PageNumber { get; set; }

    /// <summary>Permissions per page, 1-100 (default 10).</summary>
    public int? PageSize { get; set; }
}

public sealed class DescribeNetworkInterfacePermissionsValidator : AcsValidator<DescribeNetworkInterfacePermissionsRequest>
{
    public DescribeNetworkInterfacePermissionsValidator()
    {
        RuleFor(r => r.NetworkInterfacePermissionId).MaxItems(NetworkInterfacePermissionService.MaxIds, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.RegionId).Required();
    }
}

public sealed class DeleteNetworkInterfacePermissionRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The permission. Required.</summary>
    public string? NetworkInterfacePermissionId { get; set; }

    /// <summary>Accepted, no effect here: the permission is removed at once (no attached instance depends on it).</summary>
    public bool? Force { get; set; }
}

public sealed class DeleteNetworkInterfacePermissionValidator : AcsValidator<DeleteNetworkInterfacePermissionRequest>
{
    public DeleteNetworkInterfacePermissionValidator()
    {
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.NetworkInterfacePermissionId).Required();
    }
}

/// <summary>A permission as the SDK model shows it (<c>AccountId</c> is a number).</summary>
public sealed record NetworkInterfacePermissionItem(long AccountId, string NetworkInterfaceId, string NetworkInterfacePermissionId, string Permission,
    string PermissionState, string ServiceName)
{
    public static NetworkInterfacePermissionItem From(NetworkInterfacePermission p) =>
        new(p.GrantedAccountId, p.NetworkInterfaceId, p.NetworkInterfacePermissionId, p.Permission, p.PermissionState, "");
}

public sealed class CreateNetworkInterfacePermissionResponse(NetworkInterfacePermission permission) : AcsResponse
{
    public NetworkInterfacePermissionItem NetworkInterfacePermission { get; } = NetworkInterfacePermissionItem.From(permission);
}

public sealed record NetworkInterfacePermissionList(IReadOnlyList<NetworkInterfacePermissionItem> NetworkInterfacePermission);

public sealed class DescribeNetworkInterfacePermissionsResponse(Page<NetworkInterfacePermission> page) : PagedResponse<NetworkInterfacePermission>(page)
{
    public NetworkInterfacePermissionList NetworkInterfacePermissions { get; } = new(page.Items.Select(NetworkInterfacePermissionItem.From).ToList());
}
