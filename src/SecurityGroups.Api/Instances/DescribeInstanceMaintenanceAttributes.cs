using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Instances;

namespace SecurityGroups.Api.Instances;

public sealed class DescribeInstanceMaintenanceAttributesRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>Instances, <c>InstanceId.N</c>, N = 1..100; none: every instance of the region.</summary>
    public List<string>? InstanceId { get; set; }

    /// <summary>From 1.</summary>
    public int? PageNumber { get; set; }

    /// <summary>1-100 (default 10).</summary>
    public int? PageSize { get; set; }
}

public sealed class DescribeInstanceMaintenanceAttributesValidator : AcsValidator<DescribeInstanceMaintenanceAttributesRequest>
{
    public DescribeInstanceMaintenanceAttributesValidator()
    {
        RuleFor(r => r.InstanceId).MaxItems(ListBounds.MaintenanceInstanceIds, AcsErrors.InvalidParameter);
        RuleFor(r => r.RegionId).Required();
    }
}

/// <summary>Each instance's window, action and notification (ModifyInstanceMaintenanceAttributes; Alibaba's defaults: no window,
/// <c>AutoRecover</c>, no notification).</summary>
public sealed class DescribeInstanceMaintenanceAttributesResponse : AcsResponse
{
    public required int TotalCount { get; init; }

    public required int PageNumber { get; init; }

    public required int PageSize { get; init; }

    public required MaintenanceAttributeList MaintenanceAttributes { get; init; }
}

public sealed record MaintenanceWindow(string StartTime, string EndTime);

public sealed record MaintenanceWindowList(IReadOnlyList<MaintenanceWindow> MaintenanceWindow);

public sealed record SupportedValueList(IReadOnlyList<string> SupportedValue);

public sealed record ActionOnMaintenance(string Value, string DefaultValue, SupportedValueList SupportedValues);

public sealed record MaintenanceAttribute(string InstanceId, MaintenanceWindowList MaintenanceWindows, ActionOnMaintenance ActionOnMaintenance,
    bool NotifyOnMaintenance)
{
    public static MaintenanceAttribute Of(Instance instance) => new(instance.InstanceId,
        new MaintenanceWindowList(instance.MaintenanceStartTime.Length == 0 ? [] : [new MaintenanceWindow(instance.MaintenanceStartTime, instance.MaintenanceEndTime)]),
        new ActionOnMaintenance(instance.MaintenanceAction, "AutoRecover", new SupportedValueList(InstanceSettings.MaintenanceActions)),
        instance.NotifyOnMaintenance);
}

public sealed record MaintenanceAttributeList(IReadOnlyList<MaintenanceAttribute> MaintenanceAttribute);
