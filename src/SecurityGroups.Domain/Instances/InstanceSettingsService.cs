using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Regions;

namespace SecurityGroups.Domain.Instances;

/// <summary>ModifyInstanceMetadataOptions (null: unchanged, but <paramref name="HttpEndpoint"/> is required).</summary>
public sealed record ModifyMetadataOptionsCommand(string RegionId, string InstanceId, string HttpEndpoint, string? HttpTokens, int? HttpPutResponseHopLimit,
    string? InstanceMetadataTags);

/// <summary>ModifyInstanceMaintenanceAttributes: every instance gets the given values (null: unchanged; a window needs both ends).</summary>
public sealed record ModifyMaintenanceCommand(string RegionId, IReadOnlyList<string> InstanceIds, string? ActionOnMaintenance, bool? NotifyOnMaintenance,
    string? WindowStart, string? WindowEnd, bool WindowGiven);

/// <summary>ModifyInstanceDeployment: <paramref name="DeploymentSetId"/> (null or empty: unchanged), or removal from it.</summary>
public sealed record ModifyDeploymentCommand(string RegionId, string InstanceId, string? DeploymentSetId, bool RemoveFromDeploymentSet);

/// <summary>
/// The instance settings Terraform's alicloud_instance updates in place: metadata options, automatic release time, maintenance
/// attributes, deployment set and private-pool matching. Each call is one transaction on the caller's own instances (another
/// account's instance is <c>InvalidInstanceId.NotFound</c>, as an unknown one).
/// </summary>
public sealed class InstanceSettingsService(EmulatorDbContext db, WriteGate gate, ICaller caller, RegionCatalog regions, TimeProvider clock)
{
    public Task ModifyMetadataOptionsAsync(ModifyMetadataOptionsCommand command, CancellationToken ct)
    {
        InstanceSettings.CheckMetadata(command.HttpEndpoint, command.HttpTokens, command.HttpPutResponseHopLimit, command.InstanceMetadataTags);
        return ChangeAsync(command.RegionId, command.InstanceId, instance =>
        {
            instance.HttpEndpoint = command.HttpEndpoint;
            instance.HttpTokens = command.HttpTokens ?? instance.HttpTokens;
            instance.HttpPutResponseHopLimit = command.HttpPutResponseHopLimit ?? instance.HttpPutResponseHopLimit;
            instance.InstanceMetadataTags = command.InstanceMetadataTags ?? instance.InstanceMetadataTags;
        }, ct);
    }

    /// <summary>Sets (or, with none, cancels) the automatic release time of a pay-as-you-go instance; a subscription instance is
    /// <c>ChargeTypeViolation</c>.</summary>
    public Task ModifyAutoReleaseTimeAsync(string? regionId, string instanceId, string? autoReleaseTime, CancellationToken ct)
    {
        var releaseTime = InstanceSettings.ReleaseTime(autoReleaseTime, AcsTime.Now(clock));
        return ChangeAsync(regionId, instanceId, instance =>
        {
            if (instance.InstanceChargeType == "PrePaid")
            {
                throw new AcsException(AcsErrors.ChargeTypeViolation);
            }

            instance.AutoReleaseTime = releaseTime;
        }, ct);
    }

    public Task ModifyMaintenanceAsync(ModifyMaintenanceCommand command, CancellationToken ct)
    {
        regions.Require(command.RegionId);
        if (command.ActionOnMaintenance is not null && !InstanceSettings.MaintenanceActions.Contains(command.ActionOnMaintenance, StringComparer.Ordinal))
        {
            throw new AcsException(AcsErrors.InvalidParameter, "ActionOnMaintenance");
        }

        if (command.WindowGiven)
        {
            InstanceSettings.CheckWindow(command.WindowStart, command.WindowEnd);
        }

        return gate.RunAsync(db, async c =>
        {
            foreach (var id in command.InstanceIds.Distinct())
            {
                var instance = await FindAsync(command.RegionId, id, c).ConfigureAwait(false);
                instance.MaintenanceAction = command.ActionOnMaintenance ?? instance.MaintenanceAction;
                instance.NotifyOnMaintenance = command.NotifyOnMaintenance ?? instance.NotifyOnMaintenance;
                if (command.WindowGiven)
                {
                    instance.MaintenanceStartTime = command.WindowStart!;
                    instance.MaintenanceEndTime = command.WindowEnd!;
                }
            }
        }, ct);
    }

    /// <summary>Adds the instance to a deployment set (or moves it to another); with <c>RemoveFromDeploymentSet</c>, removes it from
    /// the set named, which must be its own (else <c>InvalidParameter</c>). Deployment sets are not modelled: any ID is taken.</summary>
    public Task ModifyDeploymentAsync(ModifyDeploymentCommand command, CancellationToken ct) =>
        ChangeAsync(command.RegionId, command.InstanceId, instance =>
        {
            if (command.RemoveFromDeploymentSet)
            {
                instance.DeploymentSetId = command.DeploymentSetId == instance.DeploymentSetId && instance.DeploymentSetId.Length > 0
                    ? ""
                    : throw new AcsException(AcsErrors.InvalidParameter, "DeploymentSetId");
            }
            else if (!string.IsNullOrEmpty(command.DeploymentSetId))
            {
                instance.DeploymentSetId = command.DeploymentSetId;
            }
        }, ct);

    /// <summary>The private pool the instance matches: <c>Open</c>, <c>Target</c> (with <paramref name="poolId"/>) or <c>None</c>.
    /// Pools are not modelled: a Target ID is stored as given.</summary>
    public Task ModifyAttachmentAsync(string regionId, string instanceId, string matchCriteria, string? poolId, CancellationToken ct)
    {
        var storedId = InstanceSettings.PrivatePool(matchCriteria, poolId);
        return ChangeAsync(regionId, instanceId, instance =>
        {
            instance.PrivatePoolMatchCriteria = matchCriteria;
            instance.PrivatePoolId = storedId;
        }, ct);
    }

    /// <summary>One instance of the caller (in the region when given) changed in one transaction.</summary>
    private Task ChangeAsync(string? regionId, string instanceId, Action<Instance> change, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(regionId))
        {
            regions.Require(regionId);
        }

        return gate.RunAsync(db, async c => change(await FindAsync(regionId, instanceId, c).ConfigureAwait(false)), ct);
    }

    private async Task<Instance> FindAsync(string? regionId, string instanceId, CancellationToken ct) =>
        await db.Instances.FirstOrDefaultAsync(i => i.AccountId == caller.AccountId && i.InstanceId == instanceId
            && (string.IsNullOrEmpty(regionId) || i.RegionId == regionId), ct).ConfigureAwait(false)
        ?? throw new AcsException(AcsErrors.InvalidInstanceIdNotFound);
}
