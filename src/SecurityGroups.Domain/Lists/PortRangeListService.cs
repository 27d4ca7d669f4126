using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Idempotency;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Quotas;
using SecurityGroups.Domain.Regions;
using SecurityGroups.Domain.Tags;
using SecurityGroups.RuleEngine;

namespace SecurityGroups.Domain.Lists;

/// <summary>Port range lists: non-overlapping TCP/UDP port ranges, referenced by rules through <c>PortRangeListId</c>.</summary>
public sealed class PortRangeListService(EmulatorDbContext db, WriteGate gate, ICaller caller, RegionCatalog regions, TagStore tags,
    IdempotencyStore idempotency, IOptions<QuotaOptions> quotas, TimeProvider clock)
{
    public const string ResourceType = "portrangelist";
    public const int MaxEntriesLimit = 2000;
    public const int MaxEntriesPerCall = 200;
    private const string TokenKind = "prl";

    public Task<string> CreateAsync(CreatePortRangeListCommand command, CancellationToken ct)
    {
        regions.Require(command.RegionId);
        if (command.MaxEntries is < 1 or > MaxEntriesLimit)
        {
            throw new AcsException(AcsErrors.MaxEntriesCountExceed);
        }

        CheckName(command.PortRangeListName);
        CheckDescription(command.Description);
        var entries = Normalize(command.Entries, []);
        if (entries.Count > command.MaxEntries)
        {
            throw new AcsException(AcsErrors.EntryCountExceedMaxEntries);
        }

        tags.Validate(command.Tags);
        return gate.RunAsync(db, async c =>
        {
            if (await db.PortRangeLists.CountAsync(l => l.AccountId == caller.AccountId && l.RegionId == command.RegionId, c).ConfigureAwait(false)
                >= quotas.Value.PortRangeListsPerRegion)
            {
                throw new AcsException(AcsErrors.QuotaExceedPortRangeList);
            }

            var list = new PortRangeList
            {
                PortRangeListId = ResourceIds.New("prl"),
                AccountId = caller.AccountId,
                RegionId = command.RegionId,
                MaxEntries = command.MaxEntries,
                PortRangeListName = command.PortRangeListName,
                Description = command.Description ?? "",
                ResourceGroupId = command.ResourceGroupId ?? "",
                CreatedAt = AcsTime.Now(clock),
            };
            db.PortRangeLists.Add(list);
            db.PortRangeListEntries.AddRange(entries.Select(e => new PortRangeListEntry { PortRangeListId = list.PortRangeListId, PortRange = e.Value, Description = e.Description ?? "" }));
            tags.AddAll(list.AccountId, list.RegionId, ResourceType, list.PortRangeListId, command.Tags);
            return list.PortRangeListId;
        }, ct);
    }

    public async Task<ListPage<ListView<PortRangeList>>> DescribeAsync(ListQuery query, CancellationToken ct)
    {
        regions.Require(query.RegionId);
        if (query.Ids.Count > 100)
        {
            throw new AcsException(AcsErrors.InvalidParameterPortRangeListIds);
        }

        var offset = ListRules.Offset(TokenKind, query.NextToken);
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct).ConfigureAwait(false);
        var tagged = tags.Matching(caller.AccountId, ResourceType, query.Tags);
        var lists = db.PortRangeLists.AsNoTracking().Where(l => l.AccountId == caller.AccountId && l.RegionId == query.RegionId)
            .WhereIf(query.Ids.Count > 0, l => query.Ids.Contains(l.PortRangeListId))
            .WhereIf(!string.IsNullOrEmpty(query.Name), l => l.PortRangeListName == query.Name)
            .WhereIf(!string.IsNullOrEmpty(query.ResourceGroupId), l => l.ResourceGroupId == query.ResourceGroupId)
            .WhereIf(query.Tags.Count > 0, l => tagged.Contains(l.PortRangeListId));

        var window = await lists.OrderBy(l => l.CreatedAt).ThenBy(l => l.PortRangeListId).Skip(offset).Take(query.MaxResults + 1).ToListAsync(ct).ConfigureAwait(false);
        var page = ListRules.Page(TokenKind, window, offset, query.MaxResults);
        var ids = page.Items.Select(l => l.PortRangeListId).ToList();
        var counts = (await db.SecurityGroupRules.AsNoTracking().Where(r => ids.Contains(r.PortRangeListId))
            .Select(r => new { r.PortRangeListId, r.SecurityGroupId }).Distinct().ToListAsync(ct).ConfigureAwait(false))
            .GroupBy(p => p.PortRangeListId).ToDictionary(g => g.Key, g => g.Count());
        var tagLookup = await tags.ForAsync(ids, ct).ConfigureAwait(false);
        return new ListPage<ListView<PortRangeList>>(page.Items.Select(l => new ListView<PortRangeList>(l, counts.GetValueOrDefault(l.PortRangeListId),
            tagLookup[l.PortRangeListId].ToList())).ToList(), page.NextToken);
    }

    public async Task<IReadOnlyList<PortRangeListEntry>> EntriesAsync(string regionId, string portRangeListId, CancellationToken ct)
    {
        regions.Require(regionId);
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct).ConfigureAwait(false);
        var list = await FindAsync(regionId, portRangeListId, ct).ConfigureAwait(false);
        return await db.PortRangeListEntries.AsNoTracking().Where(e => e.PortRangeListId == list.PortRangeListId).OrderBy(e => e.PortRange)
            .ToListAsync(ct).ConfigureAwait(false);
    }

    public Task ModifyAsync(ModifyListCommand command, CancellationToken ct)
    {
        regions.Require(command.RegionId);
        if (command.Add.Count > MaxEntriesPerCall || command.Remove.Count > MaxEntriesPerCall)
        {
            throw new AcsException(AcsErrors.LimitExceedEntry);
        }

        if (command.Name is not null)
        {
            CheckName(command.Name);
        }

        CheckDescription(command.Description);
        var removed = Distinct(command.Remove.Select(Canonical));
        var adds = Normalize(command.Add, []);
        if (adds.FirstOrDefault(a => removed.Contains(a.Value)) is { } both)
        {
            throw new AcsException(AcsErrors.InvalidParameterEntryConflict, both.Value);
        }

        return gate.RunAsync(db, async c =>
        {
            var list = await db.PortRangeLists.FirstOrDefaultAsync(l => l.AccountId == caller.AccountId && l.RegionId == command.RegionId
                && l.PortRangeListId == command.ListId, c).ConfigureAwait(false) ?? throw new AcsException(AcsErrors.InvalidPortRangeListIdNotFound);
            var entries = await db.PortRangeListEntries.Where(e => e.PortRangeListId == list.PortRangeListId).ToListAsync(c).ConfigureAwait(false);
            foreach (var range in removed)
            {
                db.PortRangeListEntries.Remove(entries.FirstOrDefault(e => e.PortRange == range) ?? throw new AcsException(AcsErrors.InvalidParameterEntryNotFound, range));
            }

            var kept = entries.Where(e => !removed.Contains(e.PortRange)).ToList();
            var added = new List<EntryInput>();
            foreach (var add in adds)
            {
                // AddEntry "adds or modifies": an entry with the same range takes the new description.
                if (kept.FirstOrDefault(e => e.PortRange == add.Value) is { } same)
                {
                    same.Description = add.Description ?? same.Description;
                }
                else
                {
                    added.Add(add);
                }
            }

            Normalize(added, kept.Select(e => e.PortRange).ToList());
            db.PortRangeListEntries.AddRange(added.Select(e => new PortRangeListEntry { PortRangeListId = list.PortRangeListId, PortRange = e.Value, Description = e.Description ?? "" }));
            if (kept.Count + added.Count > list.MaxEntries)
            {
                throw new AcsException(AcsErrors.EntryCountExceedMaxEntries);
            }

            list.PortRangeListName = command.Name ?? list.PortRangeListName;
            list.Description = command.Description ?? list.Description;
        }, ct);
    }

    public Task DeleteAsync(string regionId, string portRangeListId, CancellationToken ct)
    {
        regions.Require(regionId);
        return gate.RunAsync(db, async c =>
        {
            var list = await db.PortRangeLists.FirstOrDefaultAsync(l => l.AccountId == caller.AccountId && l.RegionId == regionId
                && l.PortRangeListId == portRangeListId, c).ConfigureAwait(false) ?? throw new AcsException(AcsErrors.InvalidPortRangeListIdNotFound);
            if (await db.SecurityGroupRules.AnyAsync(r => r.PortRangeListId == list.PortRangeListId, c).ConfigureAwait(false))
            {
                throw new AcsException(AcsErrors.InvalidPortRangeListIdAssociationExist);
            }

            await tags.RemoveAllAsync(list.PortRangeListId, c).ConfigureAwait(false);
            await idempotency.ForgetAsync(list.PortRangeListId, c).ConfigureAwait(false);
            db.PortRangeLists.Remove(list);
        }, ct);
    }

    public async Task<ListPage<ListAssociation>> AssociationsAsync(string regionId, string portRangeListId, int maxResults, string? nextToken, CancellationToken ct)
    {
        regions.Require(regionId);
        var offset = ListRules.Offset("prla", nextToken);
        var list = await FindAsync(regionId, portRangeListId, ct).ConfigureAwait(false);
        return await ListRules.AssociatedGroupsAsync(db.SecurityGroupRules.AsNoTracking().Where(r => r.PortRangeListId == list.PortRangeListId),
            "prla", offset, maxResults, ct).ConfigureAwait(false);
    }

    private async Task<PortRangeList> FindAsync(string regionId, string portRangeListId, CancellationToken ct) =>
        await db.PortRangeLists.AsNoTracking().FirstOrDefaultAsync(l => l.AccountId == caller.AccountId && l.RegionId == regionId
            && l.PortRangeListId == portRangeListId, ct).ConfigureAwait(false)
        ?? throw new AcsException(AcsErrors.InvalidPortRangeListIdNotFound);

    private static void CheckName(string name)
    {
        if (!ListRules.IsValidName(name))
        {
            throw new AcsException(AcsErrors.InvalidParameterPortRangeListName);
        }
    }

    private static void CheckDescription(string? description)
    {
        if (!ListRules.IsValidDescription(description, 2, 256))
        {
            throw new AcsException(AcsErrors.InvalidDescriptionMalformed);
        }
    }

    /// <summary>
    /// Canonical port ranges that overlap neither each other nor <paramref name="existing"/>: the same range twice is
    /// <c>InvalidParameter.PortRangeDuplicated</c>, two ranges that overlap <c>InvalidParameter.PortRangeOverlapped</c>.
    /// </summary>
    private static List<EntryInput> Normalize(IReadOnlyList<EntryInput> entries, IReadOnlyList<string> existing)
    {
        var ranges = existing.Select(e => PortRange.TryParse(e, out var r) ? r : default).ToList();
        var result = new List<EntryInput>(entries.Count);
        foreach (var entry in entries)
        {
            var text = Canonical(entry.Value);
            PortRange.TryParse(text, out var range);
            if (ranges.Contains(range))
            {
                throw new AcsException(AcsErrors.InvalidParameterPortRangeDuplicated);
            }

            if (ranges.Any(r => r.From <= range.To && range.From <= r.To))
            {
                throw new AcsException(AcsErrors.InvalidPortRangeEntryOverlapped, text);
            }

            if (!ListRules.IsValidDescription(entry.Description, 2, 32))
            {
                throw new AcsException(AcsErrors.InvalidEntryDescriptionMalformed);
            }

            ranges.Add(range);
            result.Add(entry with { Value = text });
        }

        return result;
    }

    /// <summary>The ranges to remove, each once (<c>InvalidParameter.PortRangeDuplicated</c> when one is given twice).</summary>
    private static HashSet<string> Distinct(IEnumerable<string> ranges)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var range in ranges)
        {
            if (!set.Add(range))
            {
                throw new AcsException(AcsErrors.InvalidParameterPortRangeDuplicated);
            }
        }

        return set;
    }

    private static string Canonical(string text) =>
        PortRange.TryParse(text, out var range) && !range.IsAny ? range.ToString() : throw new AcsException(AcsErrors.InvalidParameterPortRange);
}
