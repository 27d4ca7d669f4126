using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;
using SecurityGroups.Domain.Instances;

namespace SecurityGroups.Api.Instances;

/// <summary>ECS 2014-05-26: an instance's type, billing method, image, key pair and RAM role (docs/actions.md, "Instance type,
/// image and billing"), as Terraform's alicloud_instance changes them in place.</summary>
[AcsProduct(AcsProductAttribute.Ecs, AcsProductAttribute.EcsVersion)]
public sealed class InstanceSpecController(InstanceSpecService spec) : AcsController
{
    /// <summary>Changes the type of a stopped pay-as-you-go instance.</summary>
    [AcsAction]
    [AcsIdempotent]
    public async Task<AcsResponse> ModifyInstanceSpec([FromQuery] ModifyInstanceSpecRequest request, CancellationToken ct)
    {
        await spec.ModifySpecAsync(request.Command(), ct);
        return new AcsResponse();
    }

    /// <summary>Changes the type of a subscription instance (a downgrade only while stopped); answers an order ID.</summary>
    [AcsAction]
    [AcsIdempotent]
    public async Task<ModifyPrepayInstanceSpecResponse> ModifyPrepayInstanceSpec([FromQuery] ModifyPrepayInstanceSpecRequest request, CancellationToken ct) =>
        new() { OrderId = await spec.ModifyPrepaySpecAsync(request.Command(), ct) };

    /// <summary>Switches up to 20 instances between pay-as-you-go and subscription.</summary>
    [AcsAction]
    [AcsIdempotent]
    public async Task<ModifyInstanceChargeTypeResponse> ModifyInstanceChargeType([FromQuery] ModifyInstanceChargeTypeRequest request, CancellationToken ct) =>
        ModifyInstanceChargeTypeResponse.From(await spec.ModifyChargeTypeAsync(request.Command(), ct));

    /// <summary>Gives a stopped instance a new system disk (a new DiskId) from another image.</summary>
    [AcsAction]
    [AcsIdempotent]
    public async Task<ReplaceSystemDiskResponse> ReplaceSystemDisk([FromQuery] ReplaceSystemDiskRequest request, CancellationToken ct) =>
        new() { DiskId = await spec.ReplaceSystemDiskAsync(request.Command(), ct) };

    /// <summary>Binds an SSH key pair to up to 50 instances (replacing theirs).</summary>
    [AcsAction]
    public async Task<InstanceKeyPairResponse> AttachKeyPair([FromQuery] InstanceKeyPairRequest request, CancellationToken ct) =>
        InstanceKeyPairResponse.From(request.KeyPairName!, await spec.KeyPairAsync(request.RegionId!, request.Ids(), request.KeyPairName!, attach: true, ct));

    /// <summary>Unbinds an SSH key pair from up to 50 instances.</summary>
    [AcsAction]
    public async Task<InstanceKeyPairResponse> DetachKeyPair([FromQuery] InstanceKeyPairRequest request, CancellationToken ct) =>
        InstanceKeyPairResponse.From(request.KeyPairName!, await spec.KeyPairAsync(request.RegionId!, request.Ids(), request.KeyPairName!, attach: false, ct));

    /// <summary>Attaches an instance RAM role to up to 100 instances that have none.</summary>
    [AcsAction]
    public async Task<AttachInstanceRamRoleResponse> AttachInstanceRamRole([FromQuery] AttachInstanceRamRoleRequest request, CancellationToken ct) =>
        AttachInstanceRamRoleResponse.From(request.RamRoleName!, await spec.RamRoleAsync(request.RegionId!, request.Ids(), request.RamRoleName, attach: true, ct));

    /// <summary>Detaches the instance RAM role of up to 100 instances.</summary>
    [AcsAction]
    public async Task<DetachInstanceRamRoleResponse> DetachInstanceRamRole([FromQuery] InstanceRamRoleRequest request, CancellationToken ct) =>
        DetachInstanceRamRoleResponse.From(request.RamRoleName, await spec.RamRoleAsync(request.RegionId!, request.Ids(), request.RamRoleName, attach: false, ct));
}
