using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;
using SecurityGroups.Domain.Instances;

namespace SecurityGroups.Api.Instances;

/// <summary>ECS 2014-05-26: the instance settings Terraform's alicloud_instance changes in place (stored and shown; no machine acts on them).</summary>
[AcsProduct(AcsProductAttribute.Ecs, AcsProductAttribute.EcsVersion)]
public sealed class InstanceSettingsController(InstanceSettingsService settings) : AcsController
{
    /// <summary>Changes an instance's metadata options: access channel, security-hardened mode, hop limit, metadata tags.</summary>
    [AcsAction]
    public async Task<AcsResponse> ModifyInstanceMetadataOptions([FromQuery] ModifyInstanceMetadataOptionsRequest request, CancellationToken ct)
    {
        await settings.ModifyMetadataOptionsAsync(new ModifyMetadataOptionsCommand(request.RegionId!, request.InstanceId!, request.HttpEndpoint!,
            request.HttpTokens, request.HttpPutResponseHopLimit, request.InstanceMetadataTags), ct);
        return new AcsResponse();
    }

    /// <summary>Sets or cancels a pay-as-you-go instance's automatic release time (shown by DescribeInstances; never acted on).</summary>
    [AcsAction]
    public async Task<AcsResponse> ModifyInstanceAutoReleaseTime([FromQuery] ModifyInstanceAutoReleaseTimeRequest request, CancellationToken ct)
    {
        await settings.ModifyAutoReleaseTimeAsync(request.RegionId, request.InstanceId!, request.AutoReleaseTime, ct);
        return new AcsResponse();
    }

    /// <summary>Changes the maintenance window, action and notification of up to 100 instances, all or none.</summary>
    [AcsAction]
    public async Task<AcsResponse> ModifyInstanceMaintenanceAttributes([FromQuery] ModifyInstanceMaintenanceAttributesRequest request, CancellationToken ct)
    {
        var window = request.MaintenanceWindow?.FirstOrDefault();
        await settings.ModifyMaintenanceAsync(new ModifyMaintenanceCommand(request.RegionId!, request.InstanceId!, request.ActionOnMaintenance,
            request.NotifyOnMaintenance, window?.StartTime, window?.EndTime, window is not null), ct);
        return new AcsResponse();
    }

    /// <summary>Puts an instance in a deployment set, moves it to another, or takes it out.</summary>
    [AcsAction]
    public async Task<AcsResponse> ModifyInstanceDeployment([FromQuery] ModifyInstanceDeploymentRequest request, CancellationToken ct)
    {
        await settings.ModifyDeploymentAsync(new ModifyDeploymentCommand(request.RegionId!, request.InstanceId!, request.DeploymentSetId,
            request.RemoveFromDeploymentSet == true), ct);
        return new AcsResponse();
    }

    /// <summary>Changes the private pool an instance matches (<c>Open</c>, <c>Target</c> with an ID, <c>None</c>).</summary>
    [AcsAction]
    public async Task<AcsResponse> ModifyInstanceAttachmentAttributes([FromQuery] ModifyInstanceAttachmentAttributesRequest request, CancellationToken ct)
    {
        await settings.ModifyAttachmentAsync(request.RegionId!, request.InstanceId!, request.PrivatePoolOptions!.MatchCriteria!, request.PrivatePoolOptions.Id, ct);
        return new AcsResponse();
    }
}
