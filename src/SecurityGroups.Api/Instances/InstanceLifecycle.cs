using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Instances;

namespace SecurityGroups.Api.Instances;

/// <summary>StartInstance / StopInstance / RebootInstance: one instance, found by ID.</summary>
public sealed class InstanceIdRequest : CommonParameters
{
    /// <summary>The instance. Required.</summary>
    public string? InstanceId { get; set; }

    /// <summary>true: check only; a request that passes answers <c>DryRunOperation</c> (400) and changes nothing.</summary>
    public bool? DryRun { get; set; }

    /// <summary>StopInstance / RebootInstance: accepted, no effect here (every stop is immediate).</summary>
    public bool? ForceStop { get; set; }

    /// <summary>StopInstance: <c>KeepCharging</c> (default) or <c>StopCharging</c>; stored and shown as DescribeInstances <c>StoppedMode</c>.</summary>
    public string? StoppedMode { get; set; }

    /// <summary>StopInstance: accepted, no effect (deprecated by Alibaba).</summary>
    public bool? ConfirmStop { get; set; }

    /// <summary>StopInstance: accepted, no effect (no hibernation here).</summary>
    public bool? Hibernate { get; set; }

    /// <summary>StartInstance: accepted, no effect (no local disks here).</summary>
    public bool? InitLocalDisk { get; set; }
}

public sealed class InstanceIdValidator : AcsValidator<InstanceIdRequest>
{
    public InstanceIdValidator() => RuleFor(r => r.InstanceId).Required();
}

/// <summary>StartInstances / StopInstances / RebootInstances: up to 100 instances of one region.</summary>
public sealed class InstancesOperationRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>Instances, <c>InstanceId.N</c>, N = 1..100. Required.</summary>
    public List<string>? InstanceId { get; set; }

    /// <summary><c>AllTogether</c> (default: all change or none, the first refusal is the answer) or <c>SuccessFirst</c> (each instance
    /// alone; refusals are reported per instance in <c>InstanceResponses</c> with HTTP 200).</summary>
    public string? BatchOptimization { get; set; }

    /// <summary>true: check only. AllTogether: <c>DryRunOperation</c> (400) when every instance passes; SuccessFirst: 200 with
    /// <c>DRYRUN.SUCCESS</c> for each instance that passes.</summary>
    public bool? DryRun { get; set; }

    /// <summary>StopInstances: accepted, no effect here (every stop is immediate).</summary>
    public bool? ForceStop { get; set; }

    /// <summary>RebootInstances: accepted, no effect here.</summary>
    public bool? ForceReboot { get; set; }

    /// <summary>StopInstances: <c>KeepCharging</c> (default) or <c>StopCharging</c>; stored and shown as DescribeInstances <c>StoppedMode</c>.</summary>
    public string? StoppedMode { get; set; }

    /// <summary>The domain's command. Binding turns a blank <c>InstanceId.N</c> into null: it is an ID that names nothing (<c>InvalidInstanceId.NotFound</c>).</summary>
    internal InstanceOperationCommand Command(InstanceOperation operation) =>
        new(RegionId, InstanceId?.Select(id => id ?? "").ToList() ?? [], operation, DryRun == true, BatchOptimization == "SuccessFirst", StoppedMode);
}

public sealed class InstancesOperationValidator : AcsValidator<InstancesOperationRequest>
{
    public InstancesOperationValidator()
    {
        RuleFor(r => r.InstanceId).MaxItems(ListBounds.Ids, AcsErrors.InvalidInstanceIdsMalformed);
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.InstanceId).Required();
        RuleFor(r => r.BatchOptimization).Must(b => b is null or "AllTogether" or "SuccessFirst").Raises(AcsErrors.InvalidParameter);
    }
}

public sealed class InstancesOperationResponse : AcsResponse
{
    public required InstanceResponseList InstanceResponses { get; init; }

    public static InstancesOperationResponse From(IReadOnlyList<InstanceOperationResult> results) => new()
    {
        InstanceResponses = new InstanceResponseList(results.Select(r =>
            new InstanceResponseItem(r.InstanceId, r.Code, r.Message, r.PreviousStatus, r.CurrentStatus)).ToList()),
    };
}

public sealed record InstanceResponseItem(string InstanceId, string Code, string Message, string PreviousStatus, string CurrentStatus);

public sealed record InstanceResponseList(IReadOnlyList<InstanceResponseItem> InstanceResponse);

public sealed class DescribeInstanceStatusRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>Instances, <c>InstanceId.N</c>, N = 1..100.</summary>
    public List<string>? InstanceId { get; set; }

    public string? ZoneId { get; set; }

    /// <summary>Accepted, no effect (no clusters here).</summary>
    public string? ClusterId { get; set; }

    /// <summary>From 1.</summary>
    public int? PageNumber { get; set; }

    /// <summary>1-50 (default 10).</summary>
    public int? PageSize { get; set; }
}

public sealed class DescribeInstanceStatusValidator : AcsValidator<DescribeInstanceStatusRequest>
{
    public DescribeInstanceStatusValidator()
    {
        RuleFor(r => r.InstanceId).MaxItems(ListBounds.Ids, AcsErrors.InvalidInstanceIdsMalformed);
        RuleFor(r => r.RegionId).Required();
    }
}

public sealed class DescribeInstanceStatusResponse : AcsResponse
{
    public required int TotalCount { get; init; }

    public required int PageNumber { get; init; }

    public required int PageSize { get; init; }

    public required InstanceStatusList InstanceStatuses { get; init; }

    public static DescribeInstanceStatusResponse From(Listing<Instance> listing, PageRequest page) => new()
    {
        TotalCount = listing.TotalCount ?? 0,
        PageNumber = page.PageNumber,
        PageSize = page.PageSize,
        InstanceStatuses = new InstanceStatusList(listing.Items.Select(i => new InstanceStatusItem(i.InstanceId, i.Status)).ToList()),
    };
}

public sealed record InstanceStatusItem(string InstanceId, string Status);

public sealed record InstanceStatusList(IReadOnlyList<InstanceStatusItem> InstanceStatus);
