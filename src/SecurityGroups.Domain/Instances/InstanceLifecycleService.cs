using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Regions;

namespace SecurityGroups.Domain.Instances;

public enum InstanceOperation
{
    Start,
    Stop,
    Reboot,
}

/// <summary>One StartInstances / StopInstances / RebootInstances call. <paramref name="SuccessFirst"/>: <c>BatchOptimization=SuccessFirst</c>
/// (each instance succeeds or fails alone) instead of <c>AllTogether</c> (all or none).</summary>
public sealed record InstanceOperationCommand(string? RegionId, IReadOnlyList<string> InstanceIds, InstanceOperation Operation, bool DryRun,
    bool SuccessFirst, string? StoppedMode = null);

/// <summary>What one instance of a batch reports: <c>Code</c> <c>200</c> and <c>Message</c> <c>success</c>, or the error's.</summary>
public sealed record InstanceOperationResult(string InstanceId, string Code, string Message, string PreviousStatus, string CurrentStatus);

/// <summary>Instance status changes. Transitions complete at once (docs/actions.md, "Instance status"): a started instance is
/// <c>Running</c> when the call returns, a stopped one <c>Stopped</c>; the call reports the intermediate status Alibaba reports
/// (<c>Starting</c> / <c>Stopping</c>) as <c>CurrentStatus</c>. A reboot keeps the instance <c>Running</c>.</summary>
public sealed class InstanceLifecycleService(EmulatorDbContext db, WriteGate gate, ICaller caller, RegionCatalog regions, TimeProvider clock)
{
    public const string DryRunSuccessCode = "DRYRUN.SUCCESS";

    /// <summary>DescribeInstances' <c>StoppedMode</c> of an instance that is not stopped; accepted by a stop as the default mode.</summary>
    public const string NotApplicableStoppedMode = "Not-applicable";

    public Task<IReadOnlyList<InstanceOperationResult>> RunAsync(InstanceOperationCommand command, CancellationToken ct)
    {
        if (command.RegionId is not null)
        {
            regions.Require(command.RegionId);
        }

        // "Not-applicable" is what DescribeInstances shows for a running instance; Terraform's alicloud provider sends that value
        // back (d.GetOk("stopped_mode") from its state) on the StopInstance of every vswitch_id / private_ip change: the default mode.
        if (command.StoppedMode is not (null or "" or NotApplicableStoppedMode or "KeepCharging" or "StopCharging"))
        {
            throw new AcsException(AcsErrors.InvalidParameter, "StoppedMode");
        }

        return gate.RunAsync<IReadOnlyList<InstanceOperationResult>>(db, async c =>
        {
            var ids = command.InstanceIds.Distinct(StringComparer.Ordinal).ToList();
            var found = await db.Instances.Where(i => i.AccountId == caller.AccountId && ids.Contains(i.InstanceId)
                && (command.RegionId == null || i.RegionId == command.RegionId)).ToDictionaryAsync(i => i.InstanceId, c).ConfigureAwait(false);
            var results = new List<InstanceOperationResult>(ids.Count);
            foreach (var id in ids)
            {
                var error = Refusal(found.GetValueOrDefault(id), command.Operation);
                if (error is not null && !command.SuccessFirst)
                {
                    throw new AcsException(error);
                }

                var instance = found.GetValueOrDefault(id);
                var status = instance?.Status ?? "";
                if (error is not null)
                {
                    results.Add(new InstanceOperationResult(id, error.Code, error.Message, status, status));
                }
                else if (command.DryRun)
                {
                    results.Add(new InstanceOperationResult(id, DryRunSuccessCode, AcsErrors.DryRunOperation.Message, status, status));
                }
                else
                {
                    results.Add(new InstanceOperationResult(id, "200", "success", status, Apply(instance!, command)));
                }
            }

            if (command.DryRun && !command.SuccessFirst)
            {
                throw new AcsException(AcsErrors.DryRunOperation);
            }

            return results;
        }, ct);
    }

    /// <summary>DescribeInstanceStatus: the caller's instances of a region, by creation, one page.</summary>
    public async Task<Listing<Instance>> StatusesAsync(string regionId, IReadOnlyList<string> instanceIds, string? zoneId, PageRequest page, CancellationToken ct)
    {
        regions.Require(regionId);
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct).ConfigureAwait(false);
        var instances = db.Instances.AsNoTracking().Where(i => i.AccountId == caller.AccountId && i.RegionId == regionId)
            .WhereIf(instanceIds.Count > 0, i => instanceIds.Contains(i.InstanceId))
            .WhereIf(!string.IsNullOrEmpty(zoneId), i => i.ZoneId == zoneId);

        var total = await instances.CountAsync(ct).ConfigureAwait(false);
        var items = await instances.OrderBy(i => i.CreatedAt).ThenBy(i => i.InstanceId).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct).ConfigureAwait(false);
        return new Listing<Instance>(items, total, page, null);
    }

    private static AcsErrorCode? Refusal(Instance? instance, InstanceOperation operation) => instance switch
    {
        null => AcsErrors.InvalidInstanceIdNotFound,
        { Status: InstanceStatus.Stopped } when operation == InstanceOperation.Start => null,
        { Status: InstanceStatus.Running } when operation != InstanceOperation.Start => null,
        _ => AcsErrors.IncorrectInstanceStatus,
    };

    /// <summary>Applies the change; returns the status the call reports.</summary>
    private string Apply(Instance instance, InstanceOperationCommand command)
    {
        switch (command.Operation)
        {
            case InstanceOperation.Start:
                instance.Status = InstanceStatus.Running;
                instance.StartedAt = AcsTime.Now(clock);
                instance.NetworkChangedSinceStart = false;
                return InstanceStatus.Starting;
            case InstanceOperation.Stop:
                instance.Status = InstanceStatus.Stopped;
                instance.StoppedMode = command.StoppedMode is null or "" or NotApplicableStoppedMode ? "KeepCharging" : command.StoppedMode;
                return InstanceStatus.Stopping;
            default:
                instance.StartedAt = AcsTime.Now(clock);
                return InstanceStatus.Stopping;
        }
    }
}
