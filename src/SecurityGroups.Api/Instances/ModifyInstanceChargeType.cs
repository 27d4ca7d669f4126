using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Instances;

namespace SecurityGroups.Api.Instances;

public sealed class ModifyInstanceChargeTypeRequest : CommonParameters
{
    /// <summary>Region; when given, the instances must be there (Terraform's provider sends none).</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>1 to 20 instances as one JSON array string, e.g. <c>["i-a"]</c>. Required.</summary>
    public string? InstanceIds { get; set; }

    /// <summary><c>PrePaid</c> (default) or <c>PostPaid</c>: the other method than each instance's.</summary>
    public string? InstanceChargeType { get; set; }

    /// <summary>PrePaid: the subscription's length (default 1): Month 1-9, 12, 24, 36, 48, 60; Week 1-4; Year 1-5.</summary>
    public int? Period { get; set; }

    /// <summary><c>Month</c> (default), <c>Week</c> or <c>Year</c>.</summary>
    public string? PeriodUnit { get; set; }

    /// <summary>To PostPaid: one <c>FeeOfInstances.FeeOfInstance</c> line per instance (fee 0: nothing is billed).</summary>
    public bool? IsDetailFee { get; set; }

    /// <summary>Idempotency token (at most 64 ASCII characters): a retry returns the first response.</summary>
    public string? ClientToken { get; set; }

    /// <summary>true: check only; a request that passes answers <c>DryRunOperation</c> (400) and changes nothing.</summary>
    public bool? DryRun { get; set; }

    /// <summary>Accepted, no effect (nothing is billed).</summary>
    public bool? AutoPay { get; set; }

    /// <summary>Accepted, no effect (data disks are not modelled).</summary>
    public bool? IncludeDataDisks { get; set; }

    internal ModifyChargeTypeCommand Command()
    {
        JsonIdList.TryParse(InstanceIds, ModifyInstanceChargeTypeValidator.MaxIds, out var ids);
        return new(string.IsNullOrEmpty(RegionId) ? null : RegionId, ids, string.IsNullOrEmpty(InstanceChargeType) ? InstanceSpecService.PrePaid : InstanceChargeType,
            Period ?? 1, string.IsNullOrEmpty(PeriodUnit) ? "Month" : PeriodUnit, DryRun == true, IsDetailFee == true);
    }
}

public sealed class ModifyInstanceChargeTypeValidator : AcsValidator<ModifyInstanceChargeTypeRequest>
{
    public const int MaxIds = 20;

    public ModifyInstanceChargeTypeValidator()
    {
        RuleFor(r => r.InstanceIds).Required();
        RuleFor(r => r.InstanceIds).Must(ids => JsonIdList.TryParse(ids, MaxIds, out var list) && list.Count > 0).Raises(AcsErrors.InvalidInstanceIdsMalformed);
    }
}

public sealed class ModifyInstanceChargeTypeResponse : AcsResponse
{
    public required string OrderId { get; init; }

    public required FeeOfInstanceList FeeOfInstances { get; init; }

    public static ModifyInstanceChargeTypeResponse From(ChargeTypeChange change) => new()
    {
        OrderId = change.OrderId,
        FeeOfInstances = new FeeOfInstanceList(change.FeeInstanceIds.Select(id => new FeeOfInstance(id, "0", "CNY")).ToList()),
    };
}

public sealed record FeeOfInstance(string InstanceId, string Fee, string Currency);

public sealed record FeeOfInstanceList(IReadOnlyList<FeeOfInstance> FeeOfInstance);
