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

/// <summary>Prefix lists: CIDR blocks of one family, normalised (bare address → /32 or /128, IPv6 compressed), referenced by rules.</summary>
public sealed class PrefixListService(EmulatorDbContext db, WriteGate gate, ICaller caller, RegionCatalog regions, TagStore tags,
    IdempotencyStore idempotency, IOptions<QuotaOptions> quotas, TimeProvider clock)
{
    public const string ResourceType = "prefixlist";
    public const int MaxEntriesLimit = 200;
    private const string TokenKind = "pl";

    public Task<string> CreateAsync(CreatePrefixListCommand command, CancellationToken ct)
    {
        regions.Require(command.RegionId);
        var family = command.AddressFamily switch
        {
            "IPv4" or "IPv6" => command.AddressFamily,
            _ => throw new AcsException(AcsErrors.InvalidParameterAddressFamily),
        };
        if (command.MaxEntries is < 1 or > MaxEntriesLimit)
        {
            throw new AcsException(AcsErrors.InvalidParameterMaxEntries);
        }

        CheckName(command.PrefixListName);
        CheckDescription(command.Description);
        if (command.Entries.Count > MaxEntriesLimit)
        {
            throw new AcsException(AcsErrors.LimitExceedEntry);
        }

        var entries = Normalize(command.Entries, family);
        if (entries.Count > command.MaxEntries)
        {
            throw new AcsException(AcsErrors.LimitExceedMaxEntries);
        }

        tags.Validate(command.Tags);
        return gate.RunAsync(db, async c =>
        {
            if (await db.PrefixLists.CountAsync(l => l.AccountId == caller.AccountId && l.RegionId == command.RegionId, c).ConfigureAwait(false)
                >= quotas.Value.PrefixListsPerRegion)
            {
                throw new AcsException(AcsErrors.LimitExceedPrefixListPerRegion);
            }

            var list = new PrefixList
            {
                PrefixListId = ResourceIds.New("pl"),
                AccountId = caller.AccountId,
                RegionId = command.RegionId,
                AddressFamily = family,
                MaxEntries = command.MaxEntries,
                PrefixListName = command.PrefixListName,
                Description = command.Description ?? "",
                ResourceGroupId = command.ResourceGroupId ?? "",
                CreatedAt = AcsTime.Now(clock),
            };
            db.PrefixLists.Add(list);
            db.PrefixListEntries.AddRange(entries.Select(e => new PrefixListEntry { PrefixListId = list.PrefixListId, Cidr = e.Value, Description = e.Description ?? "" }));
            tags.AddAll(list.AccountId, list.RegionId, ResourceType, list.PrefixListId, command.Tags);
            return list.PrefixListId;
        }, ct);
    }

    public async Task<ListPage<ListView<PrefixList>>> DescribeAsync(ListQuery query, CancellationToken ct)
    {
        regions.Require(query.RegionId);
        if (query.Ids.Count > 100)
        {
            throw new AcsException(AcsErrors.LimitExceedPrefixListId);
        }

        var offset = ListRules.Offset(TokenKind, query.NextToken);
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct).ConfigureAwait(false);
        var tagged = tags.Matching(caller.AccountId, ResourceType, query.Tags);
        var lists = db.PrefixLists.AsNoTracking().Where(l => l.AccountId == caller.AccountId && l.RegionId == query.RegionId)
            .WhereIf(query.Ids.Count > 0, l => query.Ids.Contains(l.PrefixListId))
            .WhereIf(!string.IsNullOrEmpty(query.Name), l => l.PrefixListName == query.Name)
            .WhereIf(!string.IsNullOrEmpty(query.AddressFamily), l => l.AddressFamily == query.AddressFamily)
            .WhereIf(!string.IsNullOrEmpty(query.ResourceGroupId), l => l.ResourceGroupId == query.ResourceGroupId)
            .WhereIf(query.Tags.Count > 0, l => tagged.Contains(l.PrefixListId));

        var window = await lists.OrderBy(l => l.CreatedAt).ThenBy(l => l.PrefixListId).Skip(offset).Take(query.MaxResults + 1).ToListAsync(ct).ConfigureAwait(false);
        var page = ListRules.Page(TokenKind, window, offset, query.MaxResults);
        var ids = page.Items.Select(l => l.PrefixListId).ToList();
        var counts = await AssociationCountsAsync(ids, ct).ConfigureAwait(false);
        var tagLookup = await tags.ForAsync(ids, ct).ConfigureAwait(false);
        return new ListPage<ListView<PrefixList>>(page.Items.Select(l => new ListView<PrefixList>(l, counts.GetValueOrDefault(l.PrefixListId),
            tagLookup[l.PrefixListId].ToList())).ToList(), page.NextToken);
    }

    public async Task<(PrefixList List, IReadOnlyList<PrefixListEntry> Entries)> DescribeAttributesAsync(string regionId, string prefixListId, CancellationToken ct)
    {
        regions.Require(regionId);
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct).ConfigureAwait(false);
        var list = await FindAsync(regionId, prefixListId, ct).ConfigureAwait(false);
        var entries = await db.PrefixListEntries.AsNoTracking().Where(e => e.PrefixListId == list.PrefixListId).OrderBy(e => e.Cidr)
            .ToListAsync(ct).ConfigureAwait(false);
        return (list, entries);
    }

    public Task ModifyAsync(ModifyListCommand command, CancellationToken ct)
    {
        regions.Require(command.RegionId);
        if (command.Add.Count > MaxEntriesLimit || command.Remove.Count > MaxEntriesLimit)
        {
            throw new AcsException(AcsErrors.LimitExceedEntry);
        }

        if (command.Name is not null)
        {
            CheckName(command.Name);
        }

        CheckDescription(command.Description);

        return gate.RunAsync(db, async c =>
        {
            var list = await db.PrefixLists.FirstOrDefaultAsync(l => l.AccountId == caller.AccountId && l.RegionId == command.RegionId
                && l.PrefixListId == command.ListId, c).ConfigureAwait(false) ?? throw new AcsException(AcsErrors.InvalidPrefixListIdNotFound);
            var added = Normalize(command.Add, list.AddressFamily);
            var removed = command.Remove.Select(r => Canonical(r, list.AddressFamily)).ToList();
            if (added.FirstOrDefault(a => removed.Contains(a.Value)) is { } both)
            {
                throw new AcsException(AcsErrors.InvalidParameterEntryConflict, both.Value);
            }

            var entries = await db.PrefixListEntries.Where(e => e.PrefixListId == list.PrefixListId).ToListAsync(c).ConfigureAwait(false);
            foreach (var cidr in removed)
            {
                db.PrefixListEntries.Remove(entries.FirstOrDefault(e => e.Cidr == cidr) ?? throw new AcsException(AcsErrors.InvalidParameterEntryNotFound, cidr));
            }

            foreach (var entry in added)
            {
                if (entries.FirstOrDefault(e => e.Cidr == entry.Value) is { } existing)
                {
                    existing.Description = entry.Description ?? existing.Description;
                }
                else
                {
                    db.PrefixListEntries.Add(new PrefixListEntry { PrefixListId = list.PrefixListId, Cidr = entry.Value, Description = entry.Description ?? "" });
                }
            }

            if (entries.Count - removed.Count + added.Count(a => entries.All(e => e.Cidr != a.Value)) > list.MaxEntries)
            {
                throw new AcsException(AcsErrors.LimitExceedMaxEntries);
            }

            list.PrefixListName = command.Name ?? list.PrefixListName;
            list.Description = command.Description ?? list.Description;
        }, ct);
    }

    public Task DeleteAsync(string regionId, string prefixListId, CancellationToken ct)
    {
        regions.Require(regionId);
        return gate.RunAsync(db, async c =>
        {
            var list = await db.PrefixLists.FirstOrDefaultAsync(l => l.AccountId == caller.AccountId && l.RegionId == regionId
                && l.PrefixListId == prefixListId, c).ConfigureAwait(false) ?? throw new AcsException(AcsErrors.InvalidPrefixListIdNotFound);
            if (await db.SecurityGroupRules.AnyAsync(r => r.SourcePrefixListId == list.PrefixListId || r.DestPrefixListId == list.PrefixListId, c).ConfigureAwait(false))
            {
                throw new AcsException(AcsErrors.NotAllowedAssociationExist);
            }

            await tags.RemoveAllAsync(list.PrefixListId, c).ConfigureAwait(false);
            await idempotency.ForgetAsync(list.PrefixListId, c).ConfigureAwait(false);
            db.PrefixLists.Remove(list);
        }, ct);
    }

    public async Task<ListPage<ListAssociation>> AssociationsAsync(string regionId, string prefixListId, int maxResults, string? nextToken, CancellationToken ct)
    {
        regions.Require(regionId);
        var offset = ListRules.Offset("pla", nextToken);
        var list = await FindAsync(regionId, prefixListId, ct).ConfigureAwait(false);
        return await ListRules.AssociatedGroupsAsync(db.SecurityGroupRules.AsNoTracking()
            .Where(r => r.SourcePrefixListId == list.PrefixListId || r.DestPrefixListId == list.PrefixListId), "pla", offset, maxResults, ct).ConfigureAwait(false);
    }

    private async Task<PrefixList> FindAsync(string regionId, string prefixListId, CancellationToken ct) =>
        await db.PrefixLists.AsNoTracking().FirstOrDefaultAsync(l => l.AccountId == caller.AccountId && l.RegionId == regionId
            && l.PrefixListId == prefixListId, ct).ConfigureAwait(false)
        ?? throw new AcsException(AcsErrors.InvalidPrefixListIdNotFound);

    private async Task<Dictionary<string, int>> AssociationCountsAsync(List<string> ids, CancellationToken ct)
    {
        var pairs = await db.SecurityGroupRules.AsNoTracking()
            .Where(r => ids.Contains(r.SourcePrefixListId) || ids.Contains(r.DestPrefixListId))
            .Select(r => new { List = r.SourcePrefixListId != "" ? r.SourcePrefixListId : r.DestPrefixListId, r.SecurityGroupId })
            .Distinct().ToListAsync(ct).ConfigureAwait(false);
        return pairs.GroupBy(p => p.List).ToDictionary(g => g.Key, g => g.Count());
    }

    private static void CheckName(string name)
    {
        if (!ListRules.IsValidName(name))
        {
            throw new AcsException(AcsErrors.InvalidParameterPrefixListName);
        }
    }

    private static void CheckDescription(string? description)
    {
        if (!ListRules.IsValidDescription(description, 2, 256))
        {
            throw new AcsException(AcsErrors.InvalidDescriptionMalformed);
        }
    }

    /// <summary>Canonical entries of the list's family: unique, standard form, descriptions 2-32 characters.</summary>
    private static List<EntryInput> Normalize(IReadOnlyList<EntryInput> entries, string family)
    {
        var result = new List<EntryInput>(entries.Count);
        foreach (var entry in entries)
        {
            var cidr = Canonical(entry.Value, family);
            if (result.Any(r => r.Value == cidr))
            {
                throw new AcsException(AcsErrors.InvalidParameterCidrDuplicated, cidr);
            }

            if (!ListRules.IsValidDescription(entry.Description, 2, 32))
            {
                throw new AcsException(AcsErrors.InvalidEntryDescriptionMalformed);
            }

            result.Add(entry with { Value = cidr });
        }

        return result;
    }

    /// <summary>A bare address becomes /32 (/128); the block must be in standard form (no host bits) and of the family.</summary>
    private static string Canonical(string text, string family)
    {
        if (!IpCidr.TryParse(text, out var cidr) || cidr.IsIpv6 != (family == "IPv6")
            || (text.Contains('/', StringComparison.Ordinal) && !string.Equals(cidr.Text, cidr.Network.ToString(), StringComparison.Ordinal)))
        {
            throw new AcsException(AcsErrors.InvalidParameterCidrMalformed, text);
        }

        return cidr.Network.ToString();
    }
}
