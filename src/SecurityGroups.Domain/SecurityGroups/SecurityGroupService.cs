using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Idempotency;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Quotas;
using SecurityGroups.Domain.Regions;
using SecurityGroups.Domain.Tags;

namespace SecurityGroups.Domain.SecurityGroups;

/// <summary>Security groups: create (types, VPC, per-region quota), list, attributes, inner-access policy, delete (with
/// Alibaba's refusals), and the emulator-only flags (managed, deletion protection).</summary>
public sealed class SecurityGroupService(EmulatorDbContext db, WriteGate gate, ICaller caller, RegionCatalog regions, TagStore tags,
    IdempotencyStore idempotency, IOptions<QuotaOptions> quotas, TimeProvider clock, VersionedCache<SecurityGroupDetails> details,
    VersionedCache<Listing<SecurityGroupView>> listings)
{
    // The queries every create and delete runs, compiled once (docs/benchmarks.md: EF's per-query translation was most of a write).
    private static readonly PerModel<Func<EmulatorDbContext, string, string, string, CancellationToken, Task<bool>>> VpcExists = new(() =>
        EF.CompileAsyncQuery((EmulatorDbContext db, string accountId, string regionId, string vpcId, CancellationToken ct) =>
            db.Vpcs.Any(v => v.AccountId == accountId && v.RegionId == regionId && v.VpcId == vpcId)));

    private static readonly PerModel<Func<EmulatorDbContext, string, string, CancellationToken, Task<int>>> GroupsInRegion = new(() =>
        EF.CompileAsyncQuery((EmulatorDbContext db, string accountId, string regionId, CancellationToken ct) =>
            db.SecurityGroups.Count(g => g.AccountId == accountId && g.RegionId == regionId)));

    private static readonly PerModel<Func<EmulatorDbContext, string, CancellationToken, Task<bool>>> HasMembers = new(() =>
        EF.CompileAsyncQuery((EmulatorDbContext db, string securityGroupId, CancellationToken ct) =>
            db.NetworkInterfaceGroups.Any(m => m.SecurityGroupId == securityGroupId)));

    private static readonly PerModel<Func<EmulatorDbContext, string, CancellationToken, Task<bool>>> IsReferenced = new(() =>
        EF.CompileAsyncQuery((EmulatorDbContext db, string securityGroupId, CancellationToken ct) =>
            db.SecurityGroupRules.Any(r => r.SecurityGroupId != securityGroupId
                && ((r.Direction == "ingress" && r.SourceGroupId == securityGroupId) || (r.Direction == "egress" && r.DestGroupId == securityGroupId)))));

    /// <summary>The group a mutation changes (tracked), compiled once: every group and rule write starts here.</summary>
    private static readonly PerModel<Func<EmulatorDbContext, string, string, string, CancellationToken, Task<SecurityGroup?>>> FindTracked = new(() =>
        EF.CompileAsyncQuery((EmulatorDbContext db, string accountId, string regionId, string securityGroupId, CancellationToken ct) =>
            db.SecurityGroups.FirstOrDefault(g => g.AccountId == accountId && g.RegionId == regionId && g.SecurityGroupId == securityGroupId)));

    public const string ResourceType = "securitygroup";
    private const string TokenKind = "sg";

    public Task<string> CreateAsync(CreateSecurityGroupCommand command, CancellationToken ct)
    {
        regions.Require(command.RegionId);
        var type = command.SecurityGroupType ?? SecurityGroupTypes.Normal;
        if (type == SecurityGroupTypes.Enterprise && string.IsNullOrEmpty(command.VpcId))
        {
            throw new AcsException(AcsErrors.InvalidParamsVpcIdGroupType);
        }

        tags.Validate(command.Tags, AcsErrors.QuotaExceedTags);
        return gate.RunAsync(db, async c =>
        {
            await RequireVpcAsync(command.RegionId, command.VpcId, c).ConfigureAwait(false);
            await RequireRoomAsync(command.RegionId, 1, c).ConfigureAwait(false);

            var group = new SecurityGroup
            {
                SecurityGroupId = ResourceIds.New("sg"),
                AccountId = caller.AccountId,
                RegionId = command.RegionId,
                VpcId = command.VpcId ?? "",
                SecurityGroupName = command.SecurityGroupName ?? "",
                Description = command.Description ?? "",
                SecurityGroupType = type,
                InnerAccessPolicy = type == SecurityGroupTypes.Enterprise ? InnerAccessPolicies.Drop : InnerAccessPolicies.Accept,
                ResourceGroupId = command.ResourceGroupId ?? "",
                ServiceManaged = command.ServiceManaged,
                CreatedAt = AcsTime.Now(clock),
            };
            db.SecurityGroups.Add(group);
            tags.AddAll(group.AccountId, group.RegionId, ResourceType, group.SecurityGroupId, command.Tags);
            return group.SecurityGroupId;
        }, ct);
    }

    /// <summary>Every table <see cref="LoadListingAsync"/> reads, through any filter: the listing cache's key (ADR-012).</summary>
    public static readonly TableSet ListingReads = TableSet.Of("SecurityGroups", "SecurityGroupRules", "NetworkInterfaceGroups", "NetworkInterfaces",
        "PrivateIpAddresses", "ResourceTags");

    public async Task<Listing<SecurityGroupView>> DescribeAsync(SecurityGroupQuery query, CancellationToken ct)
    {
        regions.Require(query.RegionId);
        var after = query.Paging.NextToken is { Length: > 0 } token ? PageTokens.Decode(TokenKind, token) : null;
        if (query.DryRun)
        {
            throw new AcsException(AcsErrors.DryRunOperation);
        }

        // The whole query (JSON: unambiguous whatever the values hold) and the caller key the cached listing.
        var key = caller.AccountId + System.Text.Json.JsonSerializer.Serialize(query);
        return await listings.GetAsync(key, c => LoadListingAsync(query, after, c), ct).ConfigureAwait(false);
    }

    /// <summary>One page of groups with their counts and tags, from one read snapshot.</summary>
    private async Task<Listing<SecurityGroupView>> LoadListingAsync(SecurityGroupQuery query, string? after, CancellationToken ct)
    {
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct).ConfigureAwait(false);
        var groups = Filter(query);
        if (query.Paging.Page is { } page)
        {
            var total = await groups.CountAsync(ct).ConfigureAwait(false);
            var items = await groups.OrderByDescending(g => g.SecurityGroupId).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct).ConfigureAwait(false);
            return new Listing<SecurityGroupView>(await ViewsAsync(items, ct).ConfigureAwait(false), total, page, null);
        }

        groups = groups.WhereIf(after is not null, g => string.Compare(g.SecurityGroupId, after) < 0);

        var window = await groups.OrderByDescending(g => g.SecurityGroupId).Take(query.Paging.MaxResults + 1).ToListAsync(ct).ConfigureAwait(false);
        var more = window.Count > query.Paging.MaxResults;
        var shown = more ? window.GetRange(0, query.Paging.MaxResults) : window;
        return new Listing<SecurityGroupView>(await ViewsAsync(shown, ct).ConfigureAwait(false), null, null,
            more ? PageTokens.Encode(TokenKind, shown[^1].SecurityGroupId) : null);
    }

    public async Task<SecurityGroupDetails> DescribeAttributeAsync(SecurityGroupRuleQuery query, CancellationToken ct)
    {
        regions.Require(query.RegionId);
        var offset = query.NextToken is { Length: > 0 } token && int.TryParse(PageTokens.Decode("sgr", token), out var o) && o >= 0 ? o
            : query.NextToken is { Length: > 0 } ? throw new AcsException(AcsErrors.InvalidParameterNextToken) : 0;
        var key = string.Join('|', caller.AccountId, query.RegionId, query.SecurityGroupId, query.Direction ?? "", query.NicType ?? "", offset, query.MaxResults);
        return await details.GetAsync(key, c => LoadAttributeAsync(query, offset, c), ct).ConfigureAwait(false);
    }

    /// <summary>The group and one window of its rules, from one read snapshot.</summary>
    private async Task<SecurityGroupDetails> LoadAttributeAsync(SecurityGroupRuleQuery query, int offset, CancellationToken ct)
    {
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct).ConfigureAwait(false);
        var group = await FindAsync(query.RegionId, query.SecurityGroupId, AcsErrors.InvalidSecurityGroupIdNotFound, ct).ConfigureAwait(false);
        db.Entry(group).State = EntityState.Detached; // shared by every reader through the cache: never tracked, never changed
        var rules = db.SecurityGroupRules.AsNoTracking().Where(r => r.SecurityGroupId == group.SecurityGroupId)
            .WhereIf(query.Direction is "ingress" or "egress", r => r.Direction == query.Direction)
            // A VPC group's rules are all intranet, and Alibaba reads NicType=internet (or none) on a VPC group as intranet: no filter.
            .WhereIf(!string.IsNullOrEmpty(query.NicType) && string.IsNullOrEmpty(group.VpcId), r => r.NicType == query.NicType);

        var window = await rules.OrderBy(r => r.CreatedAt).ThenBy(r => r.SecurityGroupRuleId).Skip(offset).Take(query.MaxResults + 1)
            .ToListAsync(ct).ConfigureAwait(false);
        var more = window.Count > query.MaxResults;
        var shown = more ? window.GetRange(0, query.MaxResults) : window;
        var names = await ReferencedNamesAsync(shown, ct).ConfigureAwait(false);
        return new SecurityGroupDetails(group, shown, names, more ? PageTokens.Encode("sgr", (offset + shown.Count).ToString(System.Globalization.CultureInfo.InvariantCulture)) : null);
    }

    public Task ModifyAttributeAsync(string regionId, string securityGroupId, string? name, string? description, CancellationToken ct)
    {
        regions.Require(regionId);
        return gate.RunAsync(db, async c =>
        {
            var group = await FindMutableAsync(regionId, securityGroupId, AcsErrors.InvalidSecurityGroupIdNotFound, c).ConfigureAwait(false);
            group.SecurityGroupName = name ?? group.SecurityGroupName;
            group.Description = description ?? group.Description;
        }, ct);
    }

    public Task ModifyPolicyAsync(string regionId, string securityGroupId, string innerAccessPolicy, CancellationToken ct)
    {
        regions.Require(regionId);
        return gate.RunAsync(db, async c =>
        {
            var group = await FindMutableAsync(regionId, securityGroupId, AcsErrors.InvalidSecurityGroupIdNotFound, c).ConfigureAwait(false);
            if (group.IsEnterprise)
            {
                throw new AcsException(AcsErrors.InvalidParameterInnerAccessPolicy);
            }

            group.InnerAccessPolicy = innerAccessPolicy;
        }, ct);
    }

    public Task DeleteAsync(string regionId, string securityGroupId, CancellationToken ct)
    {
        regions.Require(regionId);
        return gate.RunAsync(db, async c =>
        {
            var group = await FindMutableAsync(regionId, securityGroupId, AcsErrors.InvalidSecurityGroupNotFound, c).ConfigureAwait(false);
            if (group.DeletionProtection)
            {
                throw new AcsException(AcsErrors.InvalidOperationDeletionProtection);
            }

            if (await HasMembers.For(db)(db, group.SecurityGroupId, c).ConfigureAwait(false))
            {
                throw new AcsException(AcsErrors.DependencyViolationInstances);
            }

            if (await IsReferenced.For(db)(db, group.SecurityGroupId, c).ConfigureAwait(false))
            {
                throw new AcsException(AcsErrors.DependencyViolationReferenced);
            }

            await db.SecurityGroupRules.Where(r => r.SecurityGroupId == group.SecurityGroupId).ExecuteDeleteAsync(c).ConfigureAwait(false);
            await tags.RemoveAllAsync(group.SecurityGroupId, c).ConfigureAwait(false);
            await idempotency.ForgetAsync(group.SecurityGroupId, c).ConfigureAwait(false);
            db.SecurityGroups.Remove(group);
        }, ct);
    }

    /// <summary>Sets the flags Alibaba's public API cannot (emulator endpoint); returns the group as it now is.</summary>
    public Task<SecurityGroup> SetFlagsAsync(string? regionId, string securityGroupId, SecurityGroupFlags flags, CancellationToken ct)
    {
        if (regionId is not null)
        {
            regions.Require(regionId);
        }

        return gate.RunAsync(db, async c =>
        {
            var group = await db.SecurityGroups.FirstOrDefaultAsync(g => g.AccountId == caller.AccountId && g.SecurityGroupId == securityGroupId
                && (regionId == null || g.RegionId == regionId), c).ConfigureAwait(false)
                ?? throw new AcsException(AcsErrors.InvalidSecurityGroupIdNotFound);
            group.ServiceManaged = flags.ServiceManaged ?? group.ServiceManaged;
            group.ServiceId = flags.ServiceId ?? group.ServiceId;
            group.DeletionProtection = flags.DeletionProtection ?? group.DeletionProtection;
            return group;
        }, ct);
    }

    /// <summary>A group's VPC (none for a classic group) must be the caller's, in the region (<c>InvalidVpcId.NotFound</c>).</summary>
    internal async Task RequireVpcAsync(string regionId, string? vpcId, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(vpcId) && !await VpcExists.For(db)(db, caller.AccountId, regionId, vpcId, ct).ConfigureAwait(false))
        {
            throw new AcsException(AcsErrors.InvalidVpcIdNotFound);
        }
    }

    /// <summary>The region must have room for <paramref name="adding"/> more of the caller's groups (<c>QuotaExceed.SecurityGroup</c>).</summary>
    internal async Task RequireRoomAsync(string regionId, int adding, CancellationToken ct)
    {
        var count = await GroupsInRegion.For(db)(db, caller.AccountId, regionId, ct).ConfigureAwait(false);
        if (count + adding > quotas.Value.SecurityGroupsPerRegion)
        {
            throw new AcsException(AcsErrors.QuotaExceedSecurityGroup);
        }
    }

    /// <summary>The caller's group in the region, or <paramref name="notFound"/>.</summary>
    internal async Task<SecurityGroup> FindAsync(string regionId, string securityGroupId, AcsErrorCode notFound, CancellationToken ct) =>
        await FindTracked.For(db)(db, caller.AccountId, regionId, securityGroupId, ct).ConfigureAwait(false) ?? throw new AcsException(notFound);

    /// <summary>Like <see cref="FindAsync"/>, refusing a group managed by a cloud product.</summary>
    internal async Task<SecurityGroup> FindMutableAsync(string regionId, string securityGroupId, AcsErrorCode notFound, CancellationToken ct)
    {
        var group = await FindAsync(regionId, securityGroupId, notFound, ct).ConfigureAwait(false);
        return group.ServiceManaged ? throw new AcsException(AcsErrors.ResourceManagedByCloudProduct, group.SecurityGroupId) : group;
    }

    private IQueryable<SecurityGroup> Filter(SecurityGroupQuery query)
    {
        var tagged = tags.Matching(caller.AccountId, ResourceType, query.Tags);
        return db.SecurityGroups.AsNoTracking().Where(g => g.AccountId == caller.AccountId && g.RegionId == query.RegionId)
            .WhereIf(query.SecurityGroupIds.Count > 0, g => query.SecurityGroupIds.Contains(g.SecurityGroupId))
            .WhereIf(!string.IsNullOrEmpty(query.VpcId), g => g.VpcId == query.VpcId)
            .WhereIf(!string.IsNullOrEmpty(query.SecurityGroupName), g => g.SecurityGroupName == query.SecurityGroupName)
            .WhereIf(!string.IsNullOrEmpty(query.SecurityGroupType), g => g.SecurityGroupType == query.SecurityGroupType)
            .WhereIf(query.NetworkType == "vpc", g => g.VpcId != "")
            .WhereIf(query.NetworkType == "classic", g => g.VpcId == "")
            .WhereIf(!string.IsNullOrEmpty(query.ResourceGroupId), g => g.ResourceGroupId == query.ResourceGroupId)
            .WhereIf(query.ServiceManaged.HasValue, g => g.ServiceManaged == query.ServiceManaged)
            .WhereIf(query.Tags.Count > 0, g => tagged.Contains(g.SecurityGroupId));
    }

    private async Task<IReadOnlyList<SecurityGroupView>> ViewsAsync(List<SecurityGroup> groups, CancellationToken ct)
    {
        var ids = groups.Select(g => g.SecurityGroupId).ToList();
        var counts = await db.SecurityGroupRules.AsNoTracking().Where(r => ids.Contains(r.SecurityGroupId))
            .GroupBy(r => r.SecurityGroupId)
            .Select(g => new { g.Key, Rules = g.Count(), GroupRules = g.Count(r => r.SourceGroupId != "" || r.DestGroupId != "") })
            .ToDictionaryAsync(g => g.Key, ct).ConfigureAwait(false);
        var members = await db.NetworkInterfaceGroups.AsNoTracking().Where(m => ids.Contains(m.SecurityGroupId))
            .Join(db.NetworkInterfaces.AsNoTracking(), m => m.NetworkInterfaceId, e => e.NetworkInterfaceId, (m, e) => new { m.SecurityGroupId, e.NetworkInterfaceId, e.InstanceId })
            .ToListAsync(ct).ConfigureAwait(false);
        var eniIds = members.Select(m => m.NetworkInterfaceId).Distinct().ToList();
        var ipCounts = await db.PrivateIpAddresses.AsNoTracking().Where(p => eniIds.Contains(p.OwnerId)).GroupBy(p => p.OwnerId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct).ConfigureAwait(false);
        var tagLookup = await tags.ForAsync(ids, ct).ConfigureAwait(false);
        return groups.Select(g =>
        {
            var count = counts.GetValueOrDefault(g.SecurityGroupId);
            var mine = members.Where(m => m.SecurityGroupId == g.SecurityGroupId).ToList();
            var ecs = mine.Where(m => m.InstanceId.Length > 0).Select(m => m.InstanceId).Distinct().Count();
            long available = g.IsEnterprise
                ? quotas.Value.NetworkInterfacesPerEnterpriseSecurityGroup - mine.Count
                : quotas.Value.PrivateIpsPerBasicSecurityGroup - mine.Sum(m => ipCounts.GetValueOrDefault(m.NetworkInterfaceId));
            return new SecurityGroupView(g, count?.Rules ?? 0, count?.GroupRules ?? 0, ecs, available, tagLookup[g.SecurityGroupId].ToList());
        }).ToList();
    }

    private async Task<IReadOnlyDictionary<string, string>> ReferencedNamesAsync(List<SecurityGroupRule> rules, CancellationToken ct)
    {
        var ids = rules.SelectMany(r => new[] { r.SourceGroupId, r.DestGroupId, r.SourcePrefixListId, r.DestPrefixListId, r.PortRangeListId })
            .Where(id => id.Length > 0).Distinct().ToList();
        var names = new Dictionary<string, string>();
        if (ids.Count == 0)
        {
            return names;
        }

        foreach (var g in await db.SecurityGroups.AsNoTracking().Where(g => ids.Contains(g.SecurityGroupId)).Select(g => new { g.SecurityGroupId, g.SecurityGroupName }).ToListAsync(ct).ConfigureAwait(false))
        {
            names[g.SecurityGroupId] = g.SecurityGroupName;
        }

        foreach (var l in await db.PrefixLists.AsNoTracking().Where(l => ids.Contains(l.PrefixListId)).Select(l => new { l.PrefixListId, l.PrefixListName }).ToListAsync(ct).ConfigureAwait(false))
        {
            names[l.PrefixListId] = l.PrefixListName;
        }

        foreach (var l in await db.PortRangeLists.AsNoTracking().Where(l => ids.Contains(l.PortRangeListId)).Select(l => new { l.PortRangeListId, l.PortRangeListName }).ToListAsync(ct).ConfigureAwait(false))
        {
            names[l.PortRangeListId] = l.PortRangeListName;
        }

        return names;
    }
}
