using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Networks;
using SecurityGroups.Domain.Persistence;

namespace SecurityGroups.Domain.Instances;

/// <summary>ModifyInstanceVpcAttribute: moves a stopped instance's primary ENI to another vSwitch of the same zone (and, with
/// <c>VpcId</c>, of another VPC, into that VPC's groups), or only changes its primary private IP.</summary>
public sealed record ModifyInstanceVpcCommand(string InstanceId, string VSwitchId, string? PrivateIpAddress, IReadOnlyList<string> SecurityGroupIds,
    string? VpcId);

public sealed class InstanceVpcService(EmulatorDbContext db, WriteGate gate, InstanceService instances, PrivateIpAllocator allocator, Membership membership)
{
    public Task ModifyAsync(ModifyInstanceVpcCommand command, CancellationToken ct) =>
        gate.RunAsync(db, async c =>
        {
            var instance = await instances.FindAsync(command.InstanceId, null, c).ConfigureAwait(false);
            if (instance.Status != InstanceStatus.Stopped)
            {
                throw new AcsException(AcsErrors.IncorrectInstanceStatus);
            }

            var vSwitch = await instances.VSwitchAsync(instance.RegionId, command.VSwitchId, c).ConfigureAwait(false);
            var targetVpc = string.IsNullOrEmpty(command.VpcId) ? instance.VpcId : command.VpcId;
            if (targetVpc != instance.VpcId && !await db.Vpcs.AnyAsync(v => v.AccountId == instance.AccountId && v.RegionId == instance.RegionId
                && v.VpcId == targetVpc, c).ConfigureAwait(false))
            {
                throw new AcsException(AcsErrors.InvalidVpcIdNotFoundEcs);
            }

            if (vSwitch.VpcId != targetVpc)
            {
                throw new AcsException(AcsErrors.InvalidVSwitchIdNotInVpc);
            }

            if (vSwitch.ZoneId != instance.ZoneId)
            {
                throw new AcsException(AcsErrors.InvalidVSwitchIdZoneMismatch);
            }

            var changesVpc = targetVpc != instance.VpcId;
            if (changesVpc && command.SecurityGroupIds.Count == 0)
            {
                throw new AcsException(AcsErrors.MissingSecurityGroupId);
            }

            var eni = await db.NetworkInterfaces.FirstAsync(e => e.NetworkInterfaceId == instance.PrimaryNetworkInterfaceId, c).ConfigureAwait(false);
            if (vSwitch.VSwitchId != instance.VSwitchId || !string.IsNullOrEmpty(command.PrivateIpAddress))
            {
                // Alibaba: a new instance must have been started once, and after each change of IP or vSwitch started again.
                if (instance.StartedAt is null || instance.NetworkChangedSinceStart)
                {
                    throw new AcsException(AcsErrors.IncorrectInstanceStatus);
                }

                await RefuseExtraAddressesAsync(instance, eni, changesVpc, c).ConfigureAwait(false);
                instance.NetworkChangedSinceStart = true;
                await allocator.ReleaseAllAsync(eni.NetworkInterfaceId, c).ConfigureAwait(false);
                await allocator.AllocateAsync(vSwitch, command.PrivateIpAddress, eni.NetworkInterfaceId, isPrimary: true, c).ConfigureAwait(false);
            }

            instance.VpcId = vSwitch.VpcId;
            instance.VSwitchId = vSwitch.VSwitchId;
            eni.VpcId = vSwitch.VpcId;
            eni.VSwitchId = vSwitch.VSwitchId;
            if (command.SecurityGroupIds.Count > 0)
            {
                await membership.SetAsync(eni, command.SecurityGroupIds, AcsErrors.InvalidSecurityGroupVpcNotBelongToOneVpc, c).ConfigureAwait(false);
            }
        }, ct);

    /// <summary>Secondary private IPs and IPv6 addresses belong to the old vSwitch, and secondary ENIs to the old VPC: refused, as
    /// Alibaba refuses a VPC change for them (docs/actions.md, ModifyInstanceVpcAttribute).</summary>
    private async Task RefuseExtraAddressesAsync(Instance instance, NetworkInterface eni, bool changesVpc, CancellationToken ct)
    {
        if (await db.PrivateIpAddresses.CountAsync(p => p.OwnerId == eni.NetworkInterfaceId, ct).ConfigureAwait(false) > 1)
        {
            throw new AcsException(AcsErrors.InstanceVpcChangeDenied, "secondary private IP addresses");
        }

        if (await db.NetworkInterfaceIpv6Addresses.AnyAsync(a => a.NetworkInterfaceId == eni.NetworkInterfaceId, ct).ConfigureAwait(false))
        {
            throw new AcsException(AcsErrors.InstanceVpcChangeDenied, "IPv6 addresses");
        }

        if (changesVpc && await db.NetworkInterfaces.AnyAsync(e => e.InstanceId == instance.InstanceId && e.Type != NetworkInterfaceTypes.Primary, ct)
            .ConfigureAwait(false))
        {
            throw new AcsException(AcsErrors.InstanceVpcChangeDenied, "secondary network interfaces");
        }
    }
}
