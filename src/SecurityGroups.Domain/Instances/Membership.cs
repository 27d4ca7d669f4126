using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Quotas;
using SecurityGroups.Domain.Rules;
using SecurityGroups.Domain.SecurityGroups;

namespace SecurityGroups.Domain.Instances;

/// <summary>
/// Which security groups an ENI is in, with every limit Alibaba enforces: groups per ENI, one VPC, one group type,
/// group capacity (private IPs of a basic group, ENIs of an enterprise group) and rules acting on the ENI. Call inside
/// the write gate.
/// </summary>
public sealed class Membership(EmulatorDbContext db, ICaller caller, RuleQuota ruleQuota, IOptions<QuotaOptions> quotas)
{
    /// <summary>The ENI's groups, in the order they were given.</summary>
    public Task<List<string>> GroupsOfAsync(string networkInterfaceId, CancellationToken ct) =>
        db.NetworkInterfaceGroups.Where(m => m.NetworkInterfaceId == networkInterfaceId).OrderBy(m => m.Position)
            .Select(m => m.SecurityGroupId).ToListAsync(ct);

    /// <summary>Replaces the ENI's groups with <paramref name="groupIds"/>; <paramref name="vpcMismatch"/> is the Action's code for a group of another VPC.</summary>
    public Task SetAsync(NetworkInterface eni, IReadOnlyList<string> groupIds, AcsErrorCode vpcMismatch, CancellationToken ct) =>
        SetAsync(eni, groupIds, MembershipErrors.Launch(vpcMismatch), ct);

    /// <summary>Replaces the ENI's groups with <paramref name="groupIds"/>, refusing with the Action's own codes (<paramref name="errors"/>).</summary>
    public async Task SetAsync(NetworkInterface eni, IReadOnlyList<string> groupIds, MembershipErrors errors, CancellationToken ct)
    {
        if (groupIds.Distinct(StringComparer.Ordinal).Count() != groupIds.Count)
        {
            throw new AcsException(errors.Repeated);
        }

        if (groupIds.Count > quotas.Value.SecurityGroupsPerNetworkInterface)
        {
            throw new AcsException(AcsErrors.InstanceSecurityGroupLimitExceeded);
        }

        var groups = await db.SecurityGroups.AsNoTracking().Where(g => g.AccountId == caller.AccountId && g.RegionId == eni.RegionId
            && groupIds.Contains(g.SecurityGroupId)).ToListAsync(ct).ConfigureAwait(false);
        if (groups.Count != groupIds.Count)
        {
            throw new AcsException(AcsErrors.InvalidSecurityGroupIdNotFound);
        }

        var current = await GroupsOfAsync(eni.NetworkInterfaceId, ct).ConfigureAwait(false);
        foreach (var group in groups)
        {
            if (group.VpcId.Length == 0)
            {
                throw new AcsException(errors.Classic);
            }

            if (group.VpcId != eni.VpcId)
            {
                throw new AcsException(errors.OtherVpc);
            }

            if (group.ServiceManaged && !current.Contains(group.SecurityGroupId))
            {
                throw new AcsException(AcsErrors.ResourceManagedByCloudProduct, group.SecurityGroupId);
            }
        }

        if (groups.Select(g => g.IsEnterprise).Distinct().Count() > 1)
        {
            throw new AcsException(errors.MixedTypes);
        }

        var added = groups.Where(g => !current.Contains(g.SecurityGroupId)).ToList();
        var ips = await db.PrivateIpAddresses.CountAsync(p => p.OwnerId == eni.NetworkInterfaceId, ct).ConfigureAwait(false);
        foreach (var group in added)
        {
            await EnsureCapacityAsync(group, group.IsEnterprise ? 1 : ips, ct).ConfigureAwait(false);
        }

        if (await ruleQuota.UnitsOfGroupsAsync(groupIds, null, ct).ConfigureAwait(false) > quotas.Value.RulesPerNetworkInterface)
        {
            throw new AcsException(AcsErrors.AclLimitExceed);
        }

        await db.NetworkInterfaceGroups.Where(m => m.NetworkInterfaceId == eni.NetworkInterfaceId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        for (var i = 0; i < groupIds.Count; i++)
        {
            db.NetworkInterfaceGroups.Add(new NetworkInterfaceGroup
            {
                NetworkInterfaceId = eni.NetworkInterfaceId,
                SecurityGroupId = groupIds[i],
                AccountId = eni.AccountId,
                Position = i,
            });
        }
    }

    /// <summary>Refuses when a group cannot take <paramref name="more"/> more private IPs (basic) or ENIs (enterprise).</summary>
    public async Task EnsureCapacityAsync(SecurityGroup group, int more, CancellationToken ct)
    {
        var used = group.IsEnterprise
            ? await db.NetworkInterfaceGroups.CountAsync(m => m.SecurityGroupId == group.SecurityGroupId, ct).ConfigureAwait(false)
            : await IpsInAsync(group.SecurityGroupId, ct).ConfigureAwait(false);
        var limit = group.IsEnterprise ? quotas.Value.NetworkInterfacesPerEnterpriseSecurityGroup : quotas.Value.PrivateIpsPerBasicSecurityGroup;
        if (used + more > limit)
        {
            throw new AcsException(AcsErrors.SecurityGroupInstanceLimitExceeded);
        }
    }

    /// <summary>Private IPs of all member ENIs of a group.</summary>
    public Task<int> IpsInAsync(string securityGroupId, CancellationToken ct) =>
        db.PrivateIpAddresses.CountAsync(p => db.NetworkInterfaceGroups.Any(m => m.SecurityGroupId == securityGroupId && m.NetworkInterfaceId == p.OwnerId), ct);
}

/// <summary>
/// The codes an Action refuses a new set of groups with: a repeated group, a group of another VPC, a classic group, basic
/// and enterprise groups together. Each Action's error table names its own (docs/reference-check.md).
/// </summary>
public sealed record MembershipErrors(AcsErrorCode Repeated, AcsErrorCode OtherVpc, AcsErrorCode Classic, AcsErrorCode MixedTypes)
{
    public static readonly MembershipErrors ModifyInstanceAttribute = new(AcsErrors.SecurityGroupIdRepeatedModify,
        AcsErrors.InvalidSecurityGroupVpcNotBelongToOneVpc, AcsErrors.InvalidSecurityGroupTypeNotSupportClassic, AcsErrors.EnterpriseGroupLimitedMutliGroupType);

    public static readonly MembershipErrors ModifyNetworkInterfaceAttribute = new(AcsErrors.SecurityGroupIdRepeatedModify,
        AcsErrors.InvalidOperationVpcMismatch, AcsErrors.InvalidSecurityGroupIdNotVpc, AcsErrors.InvalidOperationMultiGroupTypeEni);

    /// <summary>RunInstances, CreateInstance, CreateNetworkInterface: the launch codes, with the Action's code for another VPC.</summary>
    public static MembershipErrors Launch(AcsErrorCode otherVpc) =>
        new(AcsErrors.SecurityGroupIdRepeated, otherVpc, otherVpc, AcsErrors.InvalidOperationMultiGroupType);
}
