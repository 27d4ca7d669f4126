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

/// <summary>vSwitches: create (zone, CIDR inside the VPC, no overlap, per-VPC quota), list, delete (refused while IPs are taken).</summary>
public sealed class VSwitchService(EmulatorDbContext db, WriteGate gate, ICaller caller, RegionCatalog regions, TagStore tags, IdempotencyStore idempotency,
    IOptions<QuotaOptions> quotas, TimeProvider clock)
{
    public const string ResourceType = "VSWITCH";

    public Task<string> CreateAsync(CreateVSwitchCommand command, CancellationToken ct)
    {
        if (command.RegionId is not null)
        {
            regions.Require(command.RegionId);
        }

        if (!Ipv4Cidr.TryParse(command.CidrBlock, out var network))
        {
            throw new AcsException(AcsErrors.InvalidCidrBlockMalformed);
        }

        if (network.PrefixLength is < 16 or > 29)
        {
            throw new AcsException(AcsErrors.InvalidCidrBlockMaskLength);
        }

        if (command.Ipv6CidrBlock is < 0 or >= Ipv6Blocks.VSwitchBlocks)
        {
            throw new AcsException(AcsErrors.InvalidIpv6CidrBlock);
        }

        tags.Validate(command.Tags);
        return gate.RunAsync(db, async c =>
        {
            var vpc = await db.Vpcs.AsNoTracking().FirstOrDefaultAsync(v => v.AccountId == caller.AccountId && v.VpcId == command.VpcId
                && (command.RegionId == null || v.RegionId == command.RegionId), c).ConfigureAwait(false)
                ?? throw new AcsException(AcsErrors.InvalidVpcIdNotFound);
            if (!regions.HasZone(vpc.RegionId, command.ZoneId))
            {
                throw new AcsException(AcsErrors.InvalidZoneIdNotFound);
            }

            if (!Ipv4Cidr.Contains(Ipv4Cidr.Stored(vpc.CidrBlock), network))
            {
                throw new AcsException(AcsErrors.InvalidCidrBlockNotInVpc);
            }

            var siblings = await db.VSwitches.AsNoTracking().Where(s => s.VpcId == vpc.VpcId).Select(s => s.CidrBlock)
                .ToListAsync(c).ConfigureAwait(false);
            if (siblings.Any(s => Ipv4Cidr.Overlaps(Ipv4Cidr.Stored(s), network)))
            {
                throw new AcsException(AcsErrors.InvalidCidrBlockOverlapped);
            }

            if (siblings.Count >= quotas.Value.VSwitchesPerVpc)
            {
                throw new AcsException(AcsErrors.QuotaExceededVSwitch);
            }

            var ipv6 = command.Ipv6CidrBlock is { } index ? await Ipv6BlockAsync(vpc, index, c).ConfigureAwait(false) : "";
            if (command.DryRun)
            {
                throw new AcsException(AcsErrors.DryRunOperation);
            }

            var vSwitch = new VSwitch
            {
                VSwitchId = ResourceIds.New("vsw"),
                AccountId = caller.AccountId,
                RegionId = vpc.RegionId,
                VpcId = vpc.VpcId,
                ZoneId = command.ZoneId,
                CidrBlock = network.ToString(),
                VSwitchName = command.VSwitchName ?? "",
                Description = command.Description ?? "",
                Ipv6CidrBlock = ipv6,
                CreatedAt = AcsTime.Now(clock),
            };
            db.VSwitches.Add(vSwitch);
            tags.AddAll(vSwitch.AccountId, vSwitch.RegionId, ResourceType, vSwitch.VSwitchId, command.Tags);
            return vSwitch.VSwitchId;
        }, ct);
    }

    public async Task<Page<VSwitchView>> DescribeAsync(VSwitchQuery query, CancellationToken ct)
    {
        if (query.RegionId is not null)
        {
            regions.Require(query.RegionId);
        }

        if (query.DryRun)
        {
            throw new AcsException(AcsErrors.DryRunOperation);
        }

        var tagged = tags.Matching(caller.AccountId, ResourceType, query.Tags);
        var switches = db.VSwitches.AsNoTracking().Where(s => s.AccountId == caller.AccountId)
            .WhereIf(query.RegionId is not null, s => s.RegionId == query.RegionId)
            .WhereIf(!string.IsNullOrEmpty(query.VpcId), s => s.VpcId == query.VpcId)
            .WhereIf(query.VSwitchIds.Count > 0, s => query.VSwitchIds.Contains(s.VSwitchId))
            .WhereIf(!string.IsNullOrEmpty(query.VSwitchName), s => s.VSwitchName == query.VSwitchName)
            .WhereIf(!string.IsNullOrEmpty(query.ZoneId), s => s.ZoneId == query.ZoneId)
            .WhereIf(query.IsDefault.HasValue, s => s.IsDefault == query.IsDefault)
            .WhereIf(query.EnableIpv6.HasValue, s => (s.Ipv6CidrBlock != "") == query.EnableIpv6)
            .WhereIf(!string.IsNullOrEmpty(query.ResourceGroupId), s => s.ResourceGroupId == query.ResourceGroupId)
            .WhereIf(query.Tags.Count > 0, s => tagged.Contains(s.VSwitchId));

        var total = await switches.CountAsync(ct).ConfigureAwait(false);
        var page = await switches.OrderByDescending(s => s.CreatedAt).ThenBy(s => s.VSwitchId)
            .Skip(query.Page.Skip).Take(query.Page.PageSize).ToListAsync(ct).ConfigureAwait(false);
        var ids = page.Select(s => s.VSwitchId).ToList();
        var used = await db.PrivateIpAddresses.AsNoTracking().Where(p => ids.Contains(p.VSwitchId)).GroupBy(p => p.VSwitchId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct).ConfigureAwait(false);
        var vpcIds = page.Select(s => s.VpcId).Distinct().ToList();
        var routeTables = await db.Vpcs.AsNoTracking().Where(v => vpcIds.Contains(v.VpcId))
            .ToDictionaryAsync(v => v.VpcId, v => v.RouteTableId, ct).ConfigureAwait(false);
        var tagLookup = await tags.ForAsync(ids, ct).ConfigureAwait(false);
        var views = page.Select(s => new VSwitchView(s,
            PrivateIpAllocator.UsableCount(Ipv4Cidr.Stored(s.CidrBlock)) - used.GetValueOrDefault(s.VSwitchId),
            routeTables.GetValueOrDefault(s.VpcId, ""), tagLookup[s.VSwitchId].ToList())).ToList();
        return new Page<VSwitchView>(views, total, query.Page.PageNumber, query.Page.PageSize);
    }

    public Task DeleteAsync(string? regionId, string vSwitchId, bool dryRun, CancellationToken ct)
    {
        if (regionId is not null)
        {
            regions.Require(regionId);
        }

        return gate.RunAsync(db, async c =>
        {
            var vSwitch = await db.VSwitches.FirstOrDefaultAsync(s => s.AccountId == caller.AccountId && s.VSwitchId == vSwitchId
                && (regionId == null || s.RegionId == regionId), c).ConfigureAwait(false)
                ?? throw new AcsException(AcsErrors.InvalidVSwitchIdNotFound);
            if (await db.PrivateIpAddresses.AnyAsync(p => p.VSwitchId == vSwitch.VSwitchId, c).ConfigureAwait(false))
            {
                throw new AcsException(AcsErrors.DependencyViolation);
            }

            if (dryRun)
            {
                throw new AcsException(AcsErrors.DryRunOperation);
            }

            await tags.RemoveAllAsync(vSwitch.VSwitchId, c).ConfigureAwait(false);
            await idempotency.ForgetAsync(vSwitch.VSwitchId, c).ConfigureAwait(false);
            db.VSwitches.Remove(vSwitch);
        }, ct);
    }

    /// <summary>DescribeVSwitchAttributes: one vSwitch of the caller (in the region when one is named).</summary>
    public async Task<VSwitchView> DescribeOneAsync(string? regionId, string vSwitchId, bool dryRun, CancellationToken ct)
    {
        var page = await DescribeAsync(new VSwitchQuery(regionId, null, [vSwitchId], null, null, null, null, [], new PageRequest(1, 1), dryRun), ct)
            .ConfigureAwait(false);
        return page.Items.Count == 1 ? page.Items[0] : throw new AcsException(AcsErrors.InvalidVSwitchIdNotFound);
    }

    /// <summary>ModifyVSwitchAttribute: name, description and (<paramref name="enableIpv6"/>) the IPv6 /64 numbered <paramref name="ipv6CidrBlock"/>.</summary>
    public Task ModifyAsync(string? regionId, string vSwitchId, string? name, string? description, CancellationToken ct,
        bool enableIpv6 = false, int? ipv6CidrBlock = null)
    {
        if (ipv6CidrBlock is < 0 or >= Ipv6Blocks.VSwitchBlocks)
        {
            throw new AcsException(AcsErrors.InvalidIpv6CidrBlock);
        }

        if (regionId is not null)
        {
            regions.Require(regionId);
        }

        return gate.RunAsync(db, async c =>
        {
            var vSwitch = await db.VSwitches.FirstOrDefaultAsync(s => s.AccountId == caller.AccountId && s.VSwitchId == vSwitchId
                && (regionId == null || s.RegionId == regionId), c).ConfigureAwait(false) ?? throw new AcsException(AcsErrors.InvalidVSwitchIdNotFound);
            vSwitch.VSwitchName = name ?? vSwitch.VSwitchName;
            vSwitch.Description = description ?? vSwitch.Description;
            if (enableIpv6 && vSwitch.Ipv6CidrBlock.Length == 0)
            {
                var vpc = await db.Vpcs.AsNoTracking().FirstAsync(v => v.VpcId == vSwitch.VpcId, c).ConfigureAwait(false);
                vSwitch.Ipv6CidrBlock = await Ipv6BlockAsync(vpc, ipv6CidrBlock ?? throw new AcsException(AcsErrors.MissingIpv6CidrBlock), c)
                    .ConfigureAwait(false);
            }
        }, ct);
    }

    /// <summary>The /64 numbered <paramref name="index"/> of the VPC's /56, refused when the VPC has no IPv6 or a sibling holds it.</summary>
    private async Task<string> Ipv6BlockAsync(Vpc vpc, int index, CancellationToken ct)
    {
        if (vpc.Ipv6CidrBlock.Length == 0)
        {
            throw new AcsException(AcsErrors.VpcIpv6NotEnabled);
        }

        var block = Ipv6Blocks.VSwitchBlock(vpc.Ipv6CidrBlock, index);
        return await db.VSwitches.AnyAsync(s => s.VpcId == vpc.VpcId && s.Ipv6CidrBlock == block, ct).ConfigureAwait(false)
            ? throw new AcsException(AcsErrors.Ipv6CidrBlockInUse, block)
            : block;
    }
}
