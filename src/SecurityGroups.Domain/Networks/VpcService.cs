using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Idempotency;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Quotas;
using SecurityGroups.Domain.Regions;
using SecurityGroups.Domain.Tags;

namespace SecurityGroups.Domain.Networks;

/// <summary>VPCs: create (CIDR rules, per-region quota), list, delete (refused while vSwitches or security groups remain).</summary>
public sealed class VpcService(EmulatorDbContext db, WriteGate gate, ICaller caller, RegionCatalog regions, TagStore tags, IdempotencyStore idempotency,
    IOptions<QuotaOptions> quotas, TimeProvider clock)
{
    public const string ResourceType = "VPC";
    public const string DefaultCidrBlock = "172.16.0.0/12";

    public Task<CreatedVpc> CreateAsync(CreateVpcCommand command, CancellationToken ct)
    {
        regions.Require(command.RegionId);
        var cidr = command.CidrBlock ?? DefaultCidrBlock;
        if (!Ipv4Cidr.TryParse(cidr, out var network) || network.PrefixLength is < 8 or > 28 || Ipv4Cidr.IsForbiddenInVpc(network))
        {
            throw new AcsException(AcsErrors.InvalidCidrBlockMalformed);
        }

        tags.Validate(command.Tags);
        return gate.RunAsync(db, async c =>
        {
            var count = await db.Vpcs.CountAsync(v => v.AccountId == caller.AccountId && v.RegionId == command.RegionId, c).ConfigureAwait(false);
            if (count >= quotas.Value.VpcsPerRegion)
            {
                throw new AcsException(AcsErrors.QuotaExceededVpc);
            }

            if (command.DryRun)
            {
                throw new AcsException(AcsErrors.DryRunOperation);
            }

            var vpc = new Vpc
            {
                VpcId = ResourceIds.New("vpc"),
                AccountId = caller.AccountId,
                RegionId = command.RegionId,
                CidrBlock = network.ToString(),
                VpcName = command.VpcName ?? "",
                Description = command.Description ?? "",
                VRouterId = ResourceIds.New("vrt"),
                RouteTableId = ResourceIds.New("vtb"),
                ResourceGroupId = command.ResourceGroupId ?? "",
                Ipv6CidrBlock = command.EnableIpv6 ? Ipv6Blocks.NewVpcBlock() : "",
                CreatedAt = AcsTime.Now(clock),
            };
            db.Vpcs.Add(vpc);
            tags.AddAll(vpc.AccountId, vpc.RegionId, ResourceType, vpc.VpcId, command.Tags);
            return new CreatedVpc(vpc.VpcId, vpc.VRouterId, vpc.RouteTableId, vpc.ResourceGroupId);
        }, ct);
    }

    public async Task<Page<VpcView>> DescribeAsync(VpcQuery query, CancellationToken ct)
    {
        regions.Require(query.RegionId);
        if (query.DryRun)
        {
            throw new AcsException(AcsErrors.DryRunOperation);
        }

        var tagged = tags.Matching(caller.AccountId, ResourceType, query.Tags);
        var vpcs = db.Vpcs.AsNoTracking().Where(v => v.AccountId == caller.AccountId && v.RegionId == query.RegionId)
            .WhereIf(query.VpcIds.Count > 0, v => query.VpcIds.Contains(v.VpcId))
            .WhereIf(!string.IsNullOrEmpty(query.VpcName), v => v.VpcName == query.VpcName)
            .WhereIf(query.IsDefault.HasValue, v => v.IsDefault == query.IsDefault)
            .WhereIf(!string.IsNullOrEmpty(query.ResourceGroupId), v => v.ResourceGroupId == query.ResourceGroupId)
            .WhereIf(query.Tags.Count > 0, v => tagged.Contains(v.VpcId))
            .WhereIf(query.EnableIpv6.HasValue, v => (v.Ipv6CidrBlock != "") == query.EnableIpv6);

        var total = await vpcs.CountAsync(ct).ConfigureAwait(false);
        var page = await vpcs.OrderByDescending(v => v.CreatedAt).ThenBy(v => v.VpcId)
            .Skip(query.Page.Skip).Take(query.Page.PageSize).ToListAsync(ct).ConfigureAwait(false);
        var ids = page.Select(v => v.VpcId).ToList();
        var vSwitches = (await db.VSwitches.AsNoTracking().Where(s => ids.Contains(s.VpcId)).OrderBy(s => s.CreatedAt)
            .Select(s => new { s.VpcId, s.VSwitchId }).ToListAsync(ct).ConfigureAwait(false)).ToLookup(s => s.VpcId, s => s.VSwitchId);
        var tagLookup = await tags.ForAsync(ids, ct).ConfigureAwait(false);
        var views = page.Select(v => new VpcView(v, vSwitches[v.VpcId].ToList(), tagLookup[v.VpcId].ToList())).ToList();
        return new Page<VpcView>(views, total, query.Page.PageNumber, query.Page.PageSize);
    }

    public Task DeleteAsync(string? regionId, string vpcId, bool dryRun, CancellationToken ct)
    {
        if (regionId is not null)
        {
            regions.Require(regionId);
        }

        return gate.RunAsync(db, async c =>
        {
            var vpc = await db.Vpcs.FirstOrDefaultAsync(v => v.AccountId == caller.AccountId && v.VpcId == vpcId
                && (regionId == null || v.RegionId == regionId), c).ConfigureAwait(false)
                ?? throw new AcsException(AcsErrors.InvalidVpcIdNotFound);
            if (await db.VSwitches.AnyAsync(s => s.VpcId == vpc.VpcId, c).ConfigureAwait(false))
            {
                throw new AcsException(AcsErrors.DependencyViolationVSwitch);
            }

            if (await db.SecurityGroups.AnyAsync(g => g.VpcId == vpc.VpcId, c).ConfigureAwait(false))
            {
                throw new AcsException(AcsErrors.DependencyViolationSecurityGroup);
            }

            if (dryRun)
            {
                throw new AcsException(AcsErrors.DryRunOperation);
            }

            await tags.RemoveAllAsync(vpc.VpcId, c).ConfigureAwait(false);
            await idempotency.ForgetAsync(vpc.VpcId, c).ConfigureAwait(false);
            db.Vpcs.Remove(vpc);
        }, ct);
    }

    /// <summary>DescribeVpcAttribute: one VPC of the caller in the region, with its vSwitches and tags.</summary>
    public async Task<VpcView> DescribeOneAsync(string regionId, string vpcId, bool dryRun, CancellationToken ct)
    {
        var page = await DescribeAsync(new VpcQuery(regionId, [vpcId], null, null, null, [], new PageRequest(1, 1), dryRun), ct).ConfigureAwait(false);
        return page.Items.Count == 1 ? page.Items[0] : throw new AcsException(AcsErrors.InvalidVpcIdNotFound);
    }

    /// <summary>ModifyVpcAttribute: name, description, and a primary CIDR block that still holds every vSwitch.</summary>
    public Task ModifyAsync(string regionId, string vpcId, string? name, string? description, string? cidrBlock, CancellationToken ct,
        bool enableIpv6 = false)
    {
        regions.Require(regionId);
        System.Net.IPNetwork? network = null;
        if (cidrBlock is not null)
        {
            if (!Ipv4Cidr.TryParse(cidrBlock, out var parsed) || parsed.PrefixLength is < 8 or > 28 || Ipv4Cidr.IsForbiddenInVpc(parsed))
            {
                throw new AcsException(AcsErrors.InvalidCidrBlockMalformed);
            }

            network = parsed;
        }

        return gate.RunAsync(db, async c =>
        {
            var vpc = await FindAsync(regionId, vpcId, c).ConfigureAwait(false);
            if (network is { } block && block.ToString() != vpc.CidrBlock)
            {
                var blocks = await db.VSwitches.Where(s => s.VpcId == vpc.VpcId).Select(s => s.CidrBlock).ToListAsync(c).ConfigureAwait(false);
                if (blocks.Any(b => !Ipv4Cidr.Contains(block, Ipv4Cidr.Stored(b))))
                {
                    throw new AcsException(AcsErrors.InvalidVpcCidrBlockShrink);
                }

                vpc.CidrBlock = block.ToString();
            }

            vpc.VpcName = name ?? vpc.VpcName;
            vpc.Description = description ?? vpc.Description;
            if (enableIpv6 && vpc.Ipv6CidrBlock.Length == 0)
            {
                vpc.Ipv6CidrBlock = Ipv6Blocks.NewVpcBlock();
            }
        }, ct);
    }

    /// <summary>DescribeRouteTableList: the system route table of each VPC (the only kind emulated), filtered.</summary>
    public async Task<Page<RouteTableView>> DescribeRouteTablesAsync(RouteTableQuery query, CancellationToken ct)
    {
        regions.Require(query.RegionId);
        var vpcs = db.Vpcs.AsNoTracking().Where(v => v.AccountId == caller.AccountId && v.RegionId == query.RegionId)
            .WhereIf(!string.IsNullOrEmpty(query.VpcId), v => v.VpcId == query.VpcId)
            .WhereIf(!string.IsNullOrEmpty(query.RouteTableId), v => v.RouteTableId == query.RouteTableId)
            .WhereIf(!string.IsNullOrEmpty(query.RouterId), v => v.VRouterId == query.RouterId)
            .WhereIf(!string.IsNullOrEmpty(query.RouteTableName), v => v.RouteTableName == query.RouteTableName)
            .WhereIf(!string.IsNullOrEmpty(query.ResourceGroupId), v => v.ResourceGroupId == query.ResourceGroupId)
            .WhereIf(query.RouteTableType is not null && query.RouteTableType != RouteTableView.SystemType, _ => false);

        var total = await vpcs.CountAsync(ct).ConfigureAwait(false);
        var page = await vpcs.OrderByDescending(v => v.CreatedAt).ThenBy(v => v.VpcId)
            .Skip(query.Page.Skip).Take(query.Page.PageSize).ToListAsync(ct).ConfigureAwait(false);
        var ids = page.Select(v => v.VpcId).ToList();
        var vSwitches = (await db.VSwitches.AsNoTracking().Where(s => ids.Contains(s.VpcId)).OrderBy(s => s.CreatedAt)
            .Select(s => new { s.VpcId, s.VSwitchId }).ToListAsync(ct).ConfigureAwait(false)).ToLookup(s => s.VpcId, s => s.VSwitchId);
        return new Page<RouteTableView>(page.Select(v => new RouteTableView(v, vSwitches[v.VpcId].ToList())).ToList(), total,
            query.Page.PageNumber, query.Page.PageSize);
    }

    /// <summary>ModifyRouteTableAttributes on a system route table: its name and description.</summary>
    public Task ModifyRouteTableAsync(string regionId, string routeTableId, string? name, string? description, CancellationToken ct)
    {
        regions.Require(regionId);
        return gate.RunAsync(db, async c =>
        {
            var vpc = await db.Vpcs.FirstOrDefaultAsync(v => v.AccountId == caller.AccountId && v.RegionId == regionId && v.RouteTableId == routeTableId, c)
                .ConfigureAwait(false) ?? throw new AcsException(AcsErrors.InvalidRouteTableIdNotFound);
            vpc.RouteTableName = name ?? vpc.RouteTableName;
            vpc.RouteTableDescription = description ?? vpc.RouteTableDescription;
        }, ct);
    }

    private async Task<Vpc> FindAsync(string regionId, string vpcId, CancellationToken ct) =>
        await db.Vpcs.FirstOrDefaultAsync(v => v.AccountId == caller.AccountId && v.RegionId == regionId && v.VpcId == vpcId, ct).ConfigureAwait(false)
        ?? throw new AcsException(AcsErrors.InvalidVpcIdNotFound);
}
