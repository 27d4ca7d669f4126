using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Compute;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Idempotency;
using SecurityGroups.Domain.Networks;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Regions;
using SecurityGroups.Domain.Tags;

namespace SecurityGroups.Domain.Instances;

/// <summary>Instances: launched into a vSwitch and groups with a primary ENI; started, stopped, deleted (releasing the
/// primary ENI, its IPs and memberships in the same transaction); their groups changed; joined to or left from groups.</summary>
public sealed class InstanceService(EmulatorDbContext db, WriteGate gate, ICaller caller, RegionCatalog regions, TagStore tags,
    IdempotencyStore idempotency, PrivateIpAllocator allocator, Membership membership, InstanceViews views, TimeProvider clock, ComputeCatalog compute,
    VersionedCache<Listing<InstanceView>> listings,
    Ipv6Allocator ipv6)
{
    public const string ResourceType = "instance";
    public const string EniResourceType = "eni";
    public const int MaxAmount = 100;
    public const int MaxBandwidth = 100;
    public const int MaxBandwidthIn = 100;

    public Task<IReadOnlyList<string>> RunAsync(RunInstancesCommand command, CancellationToken ct)
    {
        regions.Require(command.RegionId);
        if (command.Amount is < 1 or > MaxAmount || (command.Amount > 1 && !string.IsNullOrEmpty(command.PrivateIpAddress)))
        {
            throw new AcsException(AcsErrors.InvalidAmountMalformed);
        }

        if (command.SecurityGroupIds.Count == 0)
        {
            throw new AcsException(AcsErrors.MissingSecurityGroupId);
        }

        if (command.InternetMaxBandwidthOut is < 0 or > MaxBandwidth)
        {
            throw new AcsException(AcsErrors.InvalidParameter, "InternetMaxBandwidthOut");
        }

        if (command.InternetMaxBandwidthIn is < 1 or > MaxBandwidthIn)
        {
            throw new AcsException(AcsErrors.InvalidParameter, "InternetMaxBandwidthIn");
        }

        if (command.InternetChargeType is not (null or "" or "PayByTraffic" or "PayByBandwidth"))
        {
            throw new AcsException(AcsErrors.InvalidParameter, "InternetChargeType");
        }

        if (command.Ipv6Addresses.Count > 0 && (command.Ipv6AddressCount > 0 || command.Amount > 1))
        {
            throw new AcsException(AcsErrors.Ipv6AddressAndCountConflict);
        }

        tags.Validate(command.Tags);
        var launch = Launch.Check(command, compute);
        var releaseTime = command.Settings.Check(AcsTime.Now(clock));
        return gate.RunAsync<IReadOnlyList<string>>(db, async c =>
        {
            var vSwitch = await VSwitchAsync(command.RegionId, command.VSwitchId, c).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(command.ZoneId) && command.ZoneId != vSwitch.ZoneId)
            {
                throw new AcsException(AcsErrors.InvalidZoneIdMismatch);
            }

            compute.RequireType(vSwitch.ZoneId, launch.InstanceType.InstanceTypeId);

            var ids = new List<string>(command.Amount);
            for (var i = 0; i < command.Amount; i++)
            {
                var eni = NewEni(vSwitch, NetworkInterfaceTypes.Primary, "", "");
                eni.ResourceGroupId = command.ResourceGroupId ?? "";
                command.PrimaryOptions.ApplyTo(eni);
                var instanceId = ResourceIds.New("i");
                var suffix = command.UniqueSuffix && command.Amount > 1 ? (i + 1).ToString("000", System.Globalization.CultureInfo.InvariantCulture) : "";
                var instance = new Instance
                {
                    InstanceId = instanceId,
                    AccountId = caller.AccountId,
                    RegionId = vSwitch.RegionId,
                    ZoneId = vSwitch.ZoneId,
                    VpcId = vSwitch.VpcId,
                    VSwitchId = vSwitch.VSwitchId,
                    InstanceName = string.IsNullOrEmpty(command.InstanceName) ? instanceId : command.InstanceName + suffix,
                    Description = command.Description ?? "",
                    HostName = i < command.HostNames.Count ? command.HostNames[i]
                        : string.IsNullOrEmpty(command.HostName) ? DefaultHostName(instanceId) : command.HostName + suffix,
                    InstanceType = launch.InstanceType.InstanceTypeId,
                    ImageId = launch.Image.ImageId,
                    InstanceChargeType = launch.ChargeType,
                    UserData = command.UserData ?? "",
                    RamRoleName = command.RamRoleName ?? "",
                    SystemDiskId = ResourceIds.New("d"),
                    SystemDiskCategory = launch.DiskCategory,
                    SystemDiskSize = launch.DiskSize,
                    SystemDiskName = command.SystemDisk.DiskName ?? "",
                    SystemDiskDescription = command.SystemDisk.Description ?? "",
                    SystemDiskPerformanceLevel = launch.PerformanceLevel,
                    SystemDiskAutoSnapshotPolicyId = command.SystemDisk.AutoSnapshotPolicyId ?? "",
                    Status = command.Stopped ? InstanceStatus.Stopped : InstanceStatus.Running,
                    ResourceGroupId = command.ResourceGroupId ?? "",
                    DeletionProtection = command.DeletionProtection,
                    InternetMaxBandwidthOut = command.InternetMaxBandwidthOut,
                    InternetMaxBandwidthIn = command.InternetMaxBandwidthIn ?? (command.InternetMaxBandwidthOut > 0 ? MaxBandwidthIn : 0),
                    InternetChargeType = string.IsNullOrEmpty(command.InternetChargeType) ? "PayByTraffic" : command.InternetChargeType,
                    KeyPairName = command.KeyPairName ?? "",
                    PublicIpAddress = command.InternetMaxBandwidthOut > 0 ? await PublicIpAsync(c).ConfigureAwait(false) : "",
                    PrimaryNetworkInterfaceId = eni.NetworkInterfaceId,
                    CreatedAt = AcsTime.Now(clock),
                    StartedAt = command.Stopped ? null : AcsTime.Now(clock),
                };
                command.Settings.ApplyTo(instance, releaseTime);
                eni.InstanceId = instance.InstanceId;
                eni.Status = NetworkInterfaceStatus.InUse;
                db.NetworkInterfaces.Add(eni);
                await db.SaveChangesAsync(c).ConfigureAwait(false);
                await allocator.AllocateAsync(vSwitch, command.PrivateIpAddress, eni.NetworkInterfaceId, isPrimary: true, c).ConfigureAwait(false);
                await db.SaveChangesAsync(c).ConfigureAwait(false);
                await membership.SetAsync(eni, command.SecurityGroupIds, AcsErrors.InvalidParameterVpcMismatch, c).ConfigureAwait(false);
                db.Instances.Add(instance);
                // Alibaba: Tag.N tags the instance, its disk and its primary ENI alike.
                tags.AddAll(instance.AccountId, instance.RegionId, ResourceType, instance.InstanceId, command.Tags);
                tags.AddAll(instance.AccountId, instance.RegionId, InstanceAttributeService.DiskResourceType, instance.SystemDiskId, command.Tags);
                tags.AddAll(instance.AccountId, instance.RegionId, EniResourceType, eni.NetworkInterfaceId, command.Tags);
                await db.SaveChangesAsync(c).ConfigureAwait(false);
                if (command.Ipv6Addresses.Count > 0 || command.Ipv6AddressCount > 0)
                {
                    await ipv6.AssignAsync(eni, vSwitch, command.Ipv6Addresses, command.Ipv6AddressCount, c).ConfigureAwait(false);
                }

                for (var n = 0; n < command.SecondaryNetworkInterfaces.Count; n++)
                {
                    await LaunchSecondaryAsync(instance, vSwitch, command, command.SecondaryNetworkInterfaces[n], n + 1, c).ConfigureAwait(false);
                }

                await db.SaveChangesAsync(c).ConfigureAwait(false);
                ids.Add(instance.InstanceId);
            }

            return command.DryRun ? throw new AcsException(AcsErrors.DryRunOperation) : ids;
        }, ct);
    }

    /// <summary>Every table <see cref="LoadAsync"/> and <see cref="InstanceViews"/> read, through any filter: the listing cache's key (ADR-012).</summary>
    public static readonly TableSet ListingReads = TableSet.Of("Instances", "NetworkInterfaces", "NetworkInterfaceGroups", "PrivateIpAddresses",
        "NetworkInterfaceIpv6Addresses", "ResourceTags");

    public async Task<Listing<InstanceView>> DescribeAsync(InstanceQuery query, CancellationToken ct)
    {
        regions.Require(query.RegionId);
        if (query.DryRun)
        {
            throw new AcsException(AcsErrors.DryRunOperation);
        }

        var after = query.NextToken is { Length: > 0 } token ? InstancePosition.Decode(token) : null;

        // The whole query (JSON: unambiguous whatever the values hold) and the caller key the page, kept until the next write.
        var key = caller.AccountId + System.Text.Json.JsonSerializer.Serialize(query);
        return await listings.GetAsync(key, c => LoadAsync(query, after, c), ct).ConfigureAwait(false);
    }

    /// <summary>One page of instances with their ENIs, groups, IPs and tags, from one read snapshot.</summary>
    private async Task<Listing<InstanceView>> LoadAsync(InstanceQuery query, InstancePosition? after, CancellationToken ct)
    {
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct).ConfigureAwait(false);
        var instances = db.Instances.AsNoTracking().Where(i => i.AccountId == caller.AccountId && i.RegionId == query.RegionId);
        instances = await FilterAsync(instances, query, ct).ConfigureAwait(false);
        // IN (the group's members): SQLite starts from the group's memberships (an index on SecurityGroupId) instead of
        // testing every instance of the region against them.
        var members = db.NetworkInterfaceGroups.Where(m => m.SecurityGroupId == query.SecurityGroupId).Select(m => m.NetworkInterfaceId);
        var tagged = tags.Matching(caller.AccountId, ResourceType, query.Tags);
        instances = instances
            .WhereIf(query.InstanceIds.Count > 0, i => query.InstanceIds.Contains(i.InstanceId))
            .WhereIf(!string.IsNullOrEmpty(query.VpcId), i => i.VpcId == query.VpcId)
            .WhereIf(!string.IsNullOrEmpty(query.VSwitchId), i => i.VSwitchId == query.VSwitchId)
            .WhereIf(!string.IsNullOrEmpty(query.ZoneId), i => i.ZoneId == query.ZoneId)
            .WhereIf(!string.IsNullOrEmpty(query.Status), i => i.Status == query.Status)
            .WhereIf(!string.IsNullOrEmpty(query.SecurityGroupId), i => members.Contains(i.PrimaryNetworkInterfaceId))
            .WhereIf(query.PrivateIpAddresses.Count > 0,
                i => db.PrivateIpAddresses.Any(p => p.OwnerId == i.PrimaryNetworkInterfaceId && query.PrivateIpAddresses.Contains(p.Address)))
            .WhereIf(query.Tags.Count > 0, i => tagged.Contains(i.InstanceId));

        if (query.Page is { } page)
        {
            var total = await instances.CountAsync(ct).ConfigureAwait(false);
            var items = await instances.OrderBy(i => i.CreatedAt).ThenBy(i => i.InstanceId).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct).ConfigureAwait(false);
            return new Listing<InstanceView>(await views.InstancesAsync(items, ct).ConfigureAwait(false), total, page, null);
        }

        // The same order as PageNumber paging (creation, then ID), so that both forms list a region alike; the token is the
        // last instance's place in that order.
        if (after is { } position)
        {
            var (createdAt, id) = (position.CreatedAt, position.InstanceId);
            instances = instances.Where(i => i.CreatedAt > createdAt || (i.CreatedAt == createdAt && string.Compare(i.InstanceId, id) > 0));
        }

        var window = await instances.OrderBy(i => i.CreatedAt).ThenBy(i => i.InstanceId).Take(query.MaxResults + 1).ToListAsync(ct).ConfigureAwait(false);
        var more = window.Count > query.MaxResults;
        var shown = more ? window.GetRange(0, query.MaxResults) : window;
        return new Listing<InstanceView>(await views.InstancesAsync(shown, ct).ConfigureAwait(false), null, null,
            more ? InstancePosition.Encode(shown[^1]) : null);
    }

    /// <summary>Deletes instances (all or none): a running one only with <paramref name="force"/>; releases the primary ENI and the
    /// attached secondary ENIs whose DeleteOnRelease is true, detaches the others.</summary>
    public Task DeleteAsync(string? regionId, IReadOnlyList<string> instanceIds, bool force, bool dryRun, CancellationToken ct)
    {
        if (regionId is not null)
        {
            regions.Require(regionId);
        }

        return gate.RunAsync(db, async c =>
        {
            foreach (var id in instanceIds.Distinct())
            {
                var instance = await FindAsync(id, regionId, c).ConfigureAwait(false);
                if (instance.DeletionProtection)
                {
                    throw new AcsException(AcsErrors.InstanceDeletionProtection);
                }

                if (instance.Status == InstanceStatus.Running && !force)
                {
                    throw new AcsException(AcsErrors.IncorrectInstanceStatus);
                }

                if (dryRun)
                {
                    continue;
                }

                // Attached secondary ENIs go with the instance when DeleteOnRelease (the default); the others are detached and kept.
                var released = await db.NetworkInterfaces.Where(e => e.InstanceId == instance.InstanceId && e.Type != NetworkInterfaceTypes.Primary
                    && e.DeleteOnRelease).OrderBy(e => e.NetworkInterfaceId).Select(e => e.NetworkInterfaceId).ToListAsync(c).ConfigureAwait(false);
                foreach (var eniId in released)
                {
                    await ReleaseEniAsync(eniId, c).ConfigureAwait(false);
                }

                await db.NetworkInterfaces.Where(e => e.InstanceId == instance.InstanceId && e.Type != NetworkInterfaceTypes.Primary)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.InstanceId, "").SetProperty(e => e.DeviceIndex, 0).SetProperty(e => e.Status, NetworkInterfaceStatus.Available), c).ConfigureAwait(false);
                await ReleaseEniAsync(instance.PrimaryNetworkInterfaceId, c).ConfigureAwait(false);
                await tags.RemoveAllAsync(instance.InstanceId, c).ConfigureAwait(false);
                await tags.RemoveAllAsync(instance.SystemDiskId, c).ConfigureAwait(false);
                await idempotency.ForgetAsync(instance.InstanceId, c).ConfigureAwait(false);
                db.Instances.Remove(instance);
            }

            if (dryRun)
            {
                throw new AcsException(AcsErrors.DryRunOperation);
            }
        }, ct);
    }

    /// <summary>ModifyInstanceAttribute: name, description, host name, deletion protection and (replacing them) the groups.</summary>
    public Task ModifyAsync(string instanceId, IReadOnlyList<string>? securityGroupIds, string? name, string? description, string? hostName,
        bool? deletionProtection, CancellationToken ct, string? userData = null, string? creditSpecification = null)
    {
        InstanceSettings.CheckCredit(creditSpecification);
        if (userData is not null)
        {
            Launch.CheckUserData(userData);
        }

        return gate.RunAsync(db, async c =>
        {
            var instance = await FindAsync(instanceId, null, c).ConfigureAwait(false);
            instance.UserData = userData ?? instance.UserData;
            instance.InstanceName = name ?? instance.InstanceName;
            instance.Description = description ?? instance.Description;
            instance.HostName = hostName ?? instance.HostName;
            instance.DeletionProtection = deletionProtection ?? instance.DeletionProtection;
            instance.CreditSpecification = string.IsNullOrEmpty(creditSpecification) ? instance.CreditSpecification : creditSpecification;
            if (securityGroupIds is { Count: > 0 })
            {
                var eni = await db.NetworkInterfaces.FirstAsync(e => e.NetworkInterfaceId == instance.PrimaryNetworkInterfaceId, c).ConfigureAwait(false);
                await membership.SetAsync(eni, securityGroupIds, MembershipErrors.ModifyInstanceAttribute, c).ConfigureAwait(false);
            }
        }, ct);
    }

    /// <summary>DescribeInstances' filters beyond IDs, network, status, groups, IPs and tags.</summary>
    private async Task<IQueryable<Instance>> FilterAsync(IQueryable<Instance> instances, InstanceQuery query, CancellationToken ct)
    {
        if (query.MatchesNothing || query.InstanceNetworkType is { Length: > 0 } and not "vpc")
        {
            return instances.Where(i => false);
        }

        if (!string.IsNullOrEmpty(query.InstanceName))
        {
            if (query.InstanceName.Contains('*', StringComparison.Ordinal))
            {
                // '*' matches any run of characters, case-sensitively, the same on every database: matched here, not in SQL.
                var pattern = new System.Text.RegularExpressions.Regex("^" + string.Join(".*", query.InstanceName.Split('*').Select(System.Text.RegularExpressions.Regex.Escape)) + "$",
                    System.Text.RegularExpressions.RegexOptions.Singleline | System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                var named = await instances.Select(i => new { i.InstanceId, i.InstanceName }).ToListAsync(ct).ConfigureAwait(false);
                var matching = named.Where(n => pattern.IsMatch(n.InstanceName)).Select(n => n.InstanceId).ToList();
                instances = instances.Where(i => matching.Contains(i.InstanceId));
            }
            else
            {
                instances = instances.Where(i => i.InstanceName == query.InstanceName);
            }
        }

        var family = query.InstanceTypeFamily + ".";
        var ipv6 = query.Ipv6Addresses.Select(a => Ipv6Blocks.Canonical(a) ?? a).ToList();
        return instances
            .WhereIf(!string.IsNullOrEmpty(query.InstanceType), i => i.InstanceType == query.InstanceType)
            .WhereIf(!string.IsNullOrEmpty(query.InstanceTypeFamily), i => i.InstanceType.StartsWith(family))
            .WhereIf(!string.IsNullOrEmpty(query.ImageId), i => i.ImageId == query.ImageId)
            .WhereIf(!string.IsNullOrEmpty(query.ResourceGroupId), i => i.ResourceGroupId == query.ResourceGroupId)
            .WhereIf(!string.IsNullOrEmpty(query.KeyPairName), i => i.KeyPairName == query.KeyPairName)
            .WhereIf(!string.IsNullOrEmpty(query.InstanceChargeType), i => i.InstanceChargeType == query.InstanceChargeType)
            .WhereIf(!string.IsNullOrEmpty(query.InternetChargeType), i => i.InternetChargeType == query.InternetChargeType)
            .WhereIf(query.PublicIpAddresses.Count > 0, i => query.PublicIpAddresses.Contains(i.PublicIpAddress))
            .WhereIf(query.CreatedFrom.HasValue, i => i.CreatedAt >= query.CreatedFrom)
            .WhereIf(query.CreatedTo.HasValue, i => i.CreatedAt <= query.CreatedTo)
            .WhereIf(!string.IsNullOrEmpty(query.HttpEndpoint), i => i.HttpEndpoint == query.HttpEndpoint)
            .WhereIf(!string.IsNullOrEmpty(query.HttpTokens), i => i.HttpTokens == query.HttpTokens)
            .WhereIf(query.HttpPutResponseHopLimit.HasValue, i => i.HttpPutResponseHopLimit == query.HttpPutResponseHopLimit)
            .WhereIf(query.Ipv6Addresses.Count > 0, i => db.NetworkInterfaceIpv6Addresses.Any(a => ipv6.Contains(a.Address)
                && db.NetworkInterfaces.Any(e => e.NetworkInterfaceId == a.NetworkInterfaceId && e.InstanceId == i.InstanceId)));
    }

    /// <summary>Alibaba's default host name: <c>iZ</c>, the instance ID without <c>i-</c>, <c>Z</c>.</summary>
    public static string DefaultHostName(string instanceId) => "iZ" + instanceId[2..] + "Z";

    /// <summary>A free address of the emulator's public pool, 47.96.0.0/11 (unique across accounts).</summary>
    private async Task<string> PublicIpAsync(CancellationToken ct)
    {
        for (var attempt = 0; attempt < 64; attempt++)
        {
            var bytes = RandomNumberGenerator.GetBytes(3);
            var candidate = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"47.{96 + (bytes[0] & 0x1f)}.{bytes[1]}.{Math.Max((int)bytes[2], 1)}");
            if (!db.Instances.Local.Any(i => i.PublicIpAddress == candidate)
                && !await db.Instances.AnyAsync(i => i.PublicIpAddress == candidate, ct).ConfigureAwait(false))
            {
                return candidate;
            }
        }

        throw new AcsException(AcsErrors.PublicIpPoolExhausted);
    }

    /// <summary>Creates (or attaches) one secondary ENI of RunInstances <c>NetworkInterface.N</c> at device index <paramref name="deviceIndex"/>.</summary>
    private async Task LaunchSecondaryAsync(Instance instance, VSwitch primaryVSwitch, RunInstancesCommand command, LaunchNetworkInterface spec,
        int deviceIndex, CancellationToken ct)
    {
        NetworkInterface eni;
        if (!string.IsNullOrEmpty(spec.NetworkInterfaceId))
        {
            eni = await db.NetworkInterfaces.FirstOrDefaultAsync(e => e.AccountId == caller.AccountId && e.RegionId == instance.RegionId
                && e.NetworkInterfaceId == spec.NetworkInterfaceId, ct).ConfigureAwait(false) ?? throw new AcsException(AcsErrors.InvalidEniIdNotFound);
            if (eni.Status != NetworkInterfaceStatus.Available || command.Amount > 1)
            {
                throw new AcsException(AcsErrors.InvalidEniStateOperation);
            }

            if (eni.VpcId != instance.VpcId)
            {
                throw new AcsException(AcsErrors.InvalidOperationVpcMismatch);
            }
        }
        else
        {
            var vSwitch = string.IsNullOrEmpty(spec.VSwitchId) ? primaryVSwitch : await VSwitchAsync(instance.RegionId, spec.VSwitchId, ct).ConfigureAwait(false);
            if (vSwitch.VpcId != instance.VpcId || vSwitch.ZoneId != instance.ZoneId)
            {
                throw new AcsException(AcsErrors.InvalidVSwitchIdZoneMismatch);
            }

            eni = NewEni(vSwitch, NetworkInterfaceTypes.Secondary, spec.NetworkInterfaceName ?? "", spec.Description ?? "");
            eni.ResourceGroupId = instance.ResourceGroupId;
            spec.Options.ApplyTo(eni);
            db.NetworkInterfaces.Add(eni);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await allocator.AllocateAsync(vSwitch, spec.PrimaryIpAddress, eni.NetworkInterfaceId, isPrimary: true, ct).ConfigureAwait(false);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await membership.SetAsync(eni, spec.SecurityGroupIds.Count > 0 ? spec.SecurityGroupIds : command.SecurityGroupIds,
                AcsErrors.InvalidParameterVpcMismatch, ct).ConfigureAwait(false);
        }

        eni.InstanceId = instance.InstanceId;
        eni.DeviceIndex = deviceIndex;
        eni.Status = NetworkInterfaceStatus.InUse;
    }

    /// <summary>The caller's instance (in the region when given), or <c>InvalidInstanceId.NotFound</c>.</summary>
    internal async Task<Instance> FindAsync(string instanceId, string? regionId, CancellationToken ct) =>
        await db.Instances.FirstOrDefaultAsync(i => i.AccountId == caller.AccountId && i.InstanceId == instanceId
            && (regionId == null || i.RegionId == regionId), ct).ConfigureAwait(false)
        ?? throw new AcsException(AcsErrors.InvalidInstanceIdNotFound);

    internal async Task<VSwitch> VSwitchAsync(string regionId, string vSwitchId, CancellationToken ct) =>
        await db.VSwitches.AsNoTracking().FirstOrDefaultAsync(s => s.AccountId == caller.AccountId && s.RegionId == regionId
            && s.VSwitchId == vSwitchId, ct).ConfigureAwait(false)
        ?? throw new AcsException(AcsErrors.InvalidVSwitchIdNotFoundEcs);

    internal NetworkInterface NewEni(VSwitch vSwitch, string type, string name, string description) => new()
    {
        NetworkInterfaceId = ResourceIds.New("eni"),
        AccountId = caller.AccountId,
        RegionId = vSwitch.RegionId,
        ZoneId = vSwitch.ZoneId,
        VpcId = vSwitch.VpcId,
        VSwitchId = vSwitch.VSwitchId,
        NetworkInterfaceName = name,
        Description = description,
        Type = type,
        MacAddress = "00:16:3e:" + string.Join(':', RandomNumberGenerator.GetBytes(3).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture))),
        CreatedAt = AcsTime.Now(clock),
    };

    /// <summary>Deletes an ENI with its IPs, memberships, tags and ClientToken records.</summary>
    internal async Task ReleaseEniAsync(string networkInterfaceId, CancellationToken ct)
    {
        await allocator.ReleaseAllAsync(networkInterfaceId, ct).ConfigureAwait(false);
        await db.NetworkInterfaceGroups.Where(m => m.NetworkInterfaceId == networkInterfaceId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        await tags.RemoveAllAsync(networkInterfaceId, ct).ConfigureAwait(false);
        await idempotency.ForgetAsync(networkInterfaceId, ct).ConfigureAwait(false);
        await db.NetworkInterfaces.Where(e => e.NetworkInterfaceId == networkInterfaceId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
    }

}
