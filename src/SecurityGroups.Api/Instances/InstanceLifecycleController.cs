using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Instances;

namespace SecurityGroups.Api.Instances;

/// <summary>ECS 2014-05-26: instance status. Every transition completes at once (docs/actions.md, "Instance status").</summary>
[AcsProduct(AcsProductAttribute.Ecs, AcsProductAttribute.EcsVersion)]
public sealed class InstanceLifecycleController(InstanceLifecycleService lifecycle) : AcsController
{
    /// <summary>Starts a stopped instance.</summary>
    [AcsAction]
    public Task<AcsResponse> StartInstance([FromQuery] InstanceIdRequest request, CancellationToken ct) => One(request, InstanceOperation.Start, ct);

    /// <summary>Stops a running instance.</summary>
    [AcsAction]
    public Task<AcsResponse> StopInstance([FromQuery] InstanceIdRequest request, CancellationToken ct) => One(request, InstanceOperation.Stop, ct);

    /// <summary>Reboots a running instance (it stays Running).</summary>
    [AcsAction]
    public Task<AcsResponse> RebootInstance([FromQuery] InstanceIdRequest request, CancellationToken ct) => One(request, InstanceOperation.Reboot, ct);

    /// <summary>Starts up to 100 stopped instances.</summary>
    [AcsAction]
    public async Task<InstancesOperationResponse> StartInstances([FromQuery] InstancesOperationRequest request, CancellationToken ct) =>
        InstancesOperationResponse.From(await lifecycle.RunAsync(request.Command(InstanceOperation.Start), ct));

    /// <summary>Stops up to 100 running instances.</summary>
    [AcsAction]
    public async Task<InstancesOperationResponse> StopInstances([FromQuery] InstancesOperationRequest request, CancellationToken ct) =>
        InstancesOperationResponse.From(await lifecycle.RunAsync(request.Command(InstanceOperation.Stop), ct));

    /// <summary>Reboots up to 100 running instances.</summary>
    [AcsAction]
    public async Task<InstancesOperationResponse> RebootInstances([FromQuery] InstancesOperationRequest request, CancellationToken ct) =>
        InstancesOperationResponse.From(await lifecycle.RunAsync(request.Command(InstanceOperation.Reboot), ct));

    /// <summary>Lists the status of the region's instances, a page at a time.</summary>
    [AcsAction]
    public async Task<DescribeInstanceStatusResponse> DescribeInstanceStatus([FromQuery] DescribeInstanceStatusRequest request, CancellationToken ct)
    {
        var page = PageParameters.From(request.PageNumber, request.PageSize, 50);
        return DescribeInstanceStatusResponse.From(await lifecycle.StatusesAsync(request.RegionId!, request.InstanceId ?? [], request.ZoneId, page, ct), page);
    }

    private async Task<AcsResponse> One(InstanceIdRequest request, InstanceOperation operation, CancellationToken ct)
    {
        await lifecycle.RunAsync(new InstanceOperationCommand(null, [request.InstanceId!], operation, request.DryRun == true, SuccessFirst: false,
            request.StoppedMode), ct);
        return new AcsResponse();
    }
}
