using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Instances;

namespace SecurityGroups.Api.Instances;

/// <summary>AttachInstanceRamRole / DetachInstanceRamRole. RAM is not modelled: any role name of at most 64 characters is taken
/// as existing.</summary>
public class InstanceRamRoleRequest : CommonParameters
{
    /// <summary>Region of the instances. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The instance RAM role. Required to attach; to detach, only instances holding it (absent: whichever they hold).</summary>
    public string? RamRoleName { get; set; }

    /// <summary>1 to 100 instances as one JSON array string, e.g. <c>["i-a"]</c>. Required.</summary>
    public string? InstanceIds { get; set; }

    internal IReadOnlyList<string> Ids()
    {
        JsonIdList.TryParse(InstanceIds, InstanceRamRoleValidator.MaxIds, out var ids);
        return ids;
    }
}

/// <summary>AttachInstanceRamRole: DetachInstanceRamRole's parameters, plus an extra policy.</summary>
public sealed class AttachInstanceRamRoleRequest : InstanceRamRoleRequest
{
    /// <summary>Accepted, no effect (1-1024 characters).</summary>
    public string? Policy { get; set; }
}

/// <summary>The rules both Actions share: the region, 1 to 100 instance IDs, a role name that fits.</summary>
public abstract class InstanceRamRoleRules<T> : AcsValidator<T>
    where T : InstanceRamRoleRequest
{
    /// <summary>Missing parameters first (<paramref name="roleRequired"/>: RamRoleName too), then their forms.</summary>
    protected InstanceRamRoleRules(bool roleRequired)
    {
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.InstanceIds).Required();
        if (roleRequired)
        {
            RuleFor(r => r.RamRoleName).Required();
        }

        RuleFor(r => r.InstanceIds).Must(ids => JsonIdList.TryParse(ids, InstanceRamRoleValidator.MaxIds, out var list) && list.Count > 0)
            .Raises(AcsErrors.InvalidInstanceIdsMalformed);
        RuleFor(r => r.RamRoleName).Must(name => name is null || name.Length <= 64).Raises(AcsErrors.InvalidRamRoleNotFound);
    }
}

public sealed class InstanceRamRoleValidator() : InstanceRamRoleRules<InstanceRamRoleRequest>(roleRequired: false)
{
    public const int MaxIds = 100;
}

public sealed class AttachInstanceRamRoleValidator : InstanceRamRoleRules<AttachInstanceRamRoleRequest>
{
    public AttachInstanceRamRoleValidator()
        : base(roleRequired: true)
    {
        RuleFor(r => r.Policy).Must(p => p is null || p.Length is >= 1 and <= 1024).Raises(AcsErrors.InvalidParameter);
    }
}

public sealed class AttachInstanceRamRoleResponse : AcsResponse
{
    public required string RamRoleName { get; init; }

    public required int TotalCount { get; init; }

    public required int FailCount { get; init; }

    public required AttachInstanceRamRoleResultList AttachInstanceRamRoleResults { get; init; }

    public static AttachInstanceRamRoleResponse From(string ramRoleName, IReadOnlyList<InstanceBatchResult> results) => new()
    {
        RamRoleName = ramRoleName,
        TotalCount = results.Count,
        FailCount = results.Count(r => r.Error is not null),
        AttachInstanceRamRoleResults = new AttachInstanceRamRoleResultList(results.Select(r =>
            new AttachInstanceRamRoleResult(r.InstanceId, r.Error?.Code ?? "200", r.Error?.Message ?? "success", r.Error is null)).ToList()),
    };
}

public sealed record AttachInstanceRamRoleResult(string InstanceId, string Code, string Message, bool Success);

public sealed record AttachInstanceRamRoleResultList(IReadOnlyList<AttachInstanceRamRoleResult> AttachInstanceRamRoleResult);

public sealed class DetachInstanceRamRoleResponse : AcsResponse
{
    public required string RamRoleName { get; init; }

    public required int TotalCount { get; init; }

    public required int FailCount { get; init; }

    public required DetachInstanceRamRoleResultList DetachInstanceRamRoleResults { get; init; }

    /// <summary>Each result lists the role the instance held (empty when it held none).</summary>
    public static DetachInstanceRamRoleResponse From(string? ramRoleName, IReadOnlyList<InstanceBatchResult> results) => new()
    {
        RamRoleName = ramRoleName ?? "",
        TotalCount = results.Count,
        FailCount = results.Count(r => r.Error is not null),
        DetachInstanceRamRoleResults = new DetachInstanceRamRoleResultList(results.Select(r =>
            new DetachInstanceRamRoleResult(r.InstanceId, r.Error?.Code ?? "200", r.Error?.Message ?? "success", r.Error is null,
                new InstanceRamRoleSetList(r.Previous.Length == 0 ? [] : [new InstanceRamRoleSet(r.InstanceId, r.Previous)]))).ToList()),
    };
}

public sealed record DetachInstanceRamRoleResult(string InstanceId, string Code, string Message, bool Success, InstanceRamRoleSetList InstanceRamRoleSets);

public sealed record DetachInstanceRamRoleResultList(IReadOnlyList<DetachInstanceRamRoleResult> DetachInstanceRamRoleResult);
