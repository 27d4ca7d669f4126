using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Api.Instances;

public sealed class DescribeInstanceAutoRenewAttributeRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>Up to 100 instance IDs, comma-separated.</summary>
    public string? InstanceId { get; set; }

    /// <summary>Only this status: <c>AutoRenewal</c>, <c>Normal</c> or <c>NotRenewal</c>.</summary>
    public string? RenewalStatus { get; set; }

    /// <summary>From 1.</summary>
    public int? PageNumber { get; set; }

    /// <summary>1-100 (default 10).</summary>
    public int? PageSize { get; set; }
}

public sealed class DescribeInstanceAutoRenewAttributeValidator : AcsValidator<DescribeInstanceAutoRenewAttributeRequest>
{
    public DescribeInstanceAutoRenewAttributeValidator()
    {
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.InstanceId).Must(ids => PageParameters.SplitIds(ids).Count <= 100).Raises(AcsErrors.InvalidInstanceIdsMalformed);
        RuleFor(r => r.RenewalStatus).OneOf("AutoRenewal", "Normal", "NotRenewal").Raises(AcsErrors.InvalidParameter);
    }
}

/// <summary>Renewal is not modelled: every instance is <c>Normal</c> (manual renewal), auto-renew off.</summary>
public sealed class DescribeInstanceAutoRenewAttributeResponse : AcsResponse
{
    public required int TotalCount { get; init; }

    public required int PageNumber { get; init; }

    public required int PageSize { get; init; }

    public required InstanceRenewAttributeList InstanceRenewAttributes { get; init; }
}

public sealed record InstanceRenewAttribute(string InstanceId, bool AutoRenewEnabled, int Duration, string PeriodUnit, string RenewalStatus)
{
    /// <summary>Renewal on an expected day: off here.</summary>
    public bool EnableExpectedRenewDay { get; init; }
}

public sealed record InstanceRenewAttributeList(IReadOnlyList<InstanceRenewAttribute> InstanceRenewAttribute);
