using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Api.Instances;

public sealed class ModifyInstanceMaintenanceAttributesRequest : CommonParameters
{
    /// <summary>Region of the instances. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>Instances, <c>InstanceId.N</c>, N = 1..100. Required.</summary>
    public List<string>? InstanceId { get; set; }

    /// <summary>The maintenance window, <c>MaintenanceWindow.1.StartTime</c> / <c>.EndTime</c> (<c>HH:00:00</c>, UTC+8, both ends, 1-23
    /// hours apart); one window at most; absent: unchanged.</summary>
    public List<MaintenanceWindowParameter>? MaintenanceWindow { get; set; }

    /// <summary><c>Stop</c>, <c>AutoRecover</c> or <c>AutoRedeploy</c>; absent: unchanged.</summary>
    public string? ActionOnMaintenance { get; set; }

    /// <summary>Whether an event is notified before maintenance; absent: unchanged.</summary>
    public bool? NotifyOnMaintenance { get; set; }
}

/// <summary><c>MaintenanceWindow.N.*</c> of ModifyInstanceMaintenanceAttributes.</summary>
public sealed class MaintenanceWindowParameter
{
    public string? StartTime { get; set; }

    public string? EndTime { get; set; }
}

public sealed class ModifyInstanceMaintenanceAttributesValidator : AcsValidator<ModifyInstanceMaintenanceAttributesRequest>
{
    public ModifyInstanceMaintenanceAttributesValidator()
    {
        RuleFor(r => r.InstanceId).MaxItems(ListBounds.MaintenanceInstanceIds, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.MaintenanceWindow).MaxItems(1, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.InstanceId).Required();
    }
}
