using Microsoft.Extensions.Options;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Lists;
using SecurityGroups.Domain.Quotas;

namespace SecurityGroups.Api.Lists;

public sealed class CreatePrefixListRequest : ListRequest
{
    /// <summary><c>IPv4</c> or <c>IPv6</c>. Required.</summary>
    /// <example>IPv4</example>
    public string? AddressFamily { get; set; }

    /// <summary>1-200, immutable. Required.</summary>
    /// <example>10</example>
    public int? MaxEntries { get; set; }

    /// <summary>2-128 characters, starting with a letter. Required.</summary>
    /// <example>office-networks</example>
    public string? PrefixListName { get; set; }

    public string? Description { get; set; }

    public string? ResourceGroupId { get; set; }

    public string? ClientToken { get; set; }

    /// <summary>Entries, <c>Entry.N.Cidr</c> (a bare address becomes /32) and <c>Entry.N.Description</c>.</summary>
    public List<PrefixListEntryParameter>? Entry { get; set; }

    public List<TagParameter>? Tag { get; set; }
}

public sealed class CreatePrefixListResponse : AcsResponse
{
    public string PrefixListId { get; init; } = "";
}

public sealed class CreatePrefixListValidator : AcsValidator<CreatePrefixListRequest>
{
    public CreatePrefixListValidator(IOptions<QuotaOptions> quotas)
    {
        RuleFor(r => r.Entry).MaxItems(ListBounds.PrefixListEntries, AcsErrors.LimitExceedEntry);
        RuleFor(r => r.Tag).MaxItems(_ => quotas.Value.TagsPerResource, AcsErrors.NumberExceedTags);
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.AddressFamily).Required();
        RuleFor(r => r.MaxEntries).Required();
        RuleFor(r => r.PrefixListName).Required();
    }
}

public sealed class DescribePrefixListsRequest : ListRequest
{
    /// <summary>Up to 100 IDs, <c>PrefixListId.N</c>.</summary>
    public List<string>? PrefixListId { get; set; }

    public string? PrefixListName { get; set; }

    /// <summary><c>IPv4</c> or <c>IPv6</c>.</summary>
    public string? AddressFamily { get; set; }

    public string? ResourceGroupId { get; set; }

    /// <summary>1-100, default 10.</summary>
    public int? MaxResults { get; set; }

    public string? NextToken { get; set; }

    public List<TagParameter>? Tag { get; set; }
}

public sealed class DescribePrefixListsResponse : AcsResponse
{
    public string NextToken { get; init; } = "";

    public required PrefixListList PrefixLists { get; init; }

    public static DescribePrefixListsResponse From(ListPage<ListView<PrefixList>> page) => new()
    {
        NextToken = page.NextToken ?? "",
        PrefixLists = new PrefixListList(page.Items.Select(v => new PrefixListItem(v.List.PrefixListId, v.List.PrefixListName, v.List.AddressFamily,
            v.List.MaxEntries, v.List.Description, AcsTime.Minutes(v.List.CreatedAt), v.AssociationCount, v.List.ResourceGroupId, EcsTags.From(v.Tags))).ToList()),
    };
}

public sealed record PrefixListList(IReadOnlyList<PrefixListItem> PrefixList);

public sealed record PrefixListItem(string PrefixListId, string PrefixListName, string AddressFamily, int MaxEntries, string Description,
    string CreationTime, int AssociationCount, string ResourceGroupId, EcsTags Tags);

public sealed class DescribePrefixListsValidator : AcsValidator<DescribePrefixListsRequest>
{
    public DescribePrefixListsValidator()
    {
        RuleFor(r => r.PrefixListId).MaxItems(ListBounds.Ids, AcsErrors.LimitExceedPrefixListId);
        RuleFor(r => r.Tag).MaxItems(ListBounds.Tags, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.RegionId).Required();
    }
}

public sealed class PrefixListIdRequest : ListRequest
{
    /// <summary>The prefix list (<c>pl-…</c>). Required.</summary>
    public string? PrefixListId { get; set; }
}

public sealed class PrefixListIdValidator : AcsValidator<PrefixListIdRequest>
{
    public PrefixListIdValidator()
    {
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.PrefixListId).Required();
    }
}

public sealed class DescribePrefixListAttributesResponse : AcsResponse
{
    public required string PrefixListId { get; init; }
    public required string PrefixListName { get; init; }
    public required string AddressFamily { get; init; }
    public required int MaxEntries { get; init; }
    public required string Description { get; init; }
    public required string CreationTime { get; init; }
    public required PrefixListEntryList Entries { get; init; }

    public static DescribePrefixListAttributesResponse From(PrefixList list, IReadOnlyList<PrefixListEntry> entries) => new()
    {
        PrefixListId = list.PrefixListId,
        PrefixListName = list.PrefixListName,
        AddressFamily = list.AddressFamily,
        MaxEntries = list.MaxEntries,
        Description = list.Description,
        CreationTime = AcsTime.Minutes(list.CreatedAt),
        Entries = new PrefixListEntryList(entries.Select(e => new PrefixListEntryItem(e.Cidr, e.Description)).ToList()),
    };
}

public sealed record PrefixListEntryList(IReadOnlyList<PrefixListEntryItem> Entry);

public sealed record PrefixListEntryItem(string Cidr, string Description);

public sealed class ModifyPrefixListRequest : ListRequest
{
    /// <summary>The prefix list. Required.</summary>
    public string? PrefixListId { get; set; }

    public string? PrefixListName { get; set; }

    public string? Description { get; set; }

    /// <summary>Entries to add (an existing CIDR gets the new description), <c>AddEntry.N.Cidr</c>.</summary>
    public List<PrefixListEntryParameter>? AddEntry { get; set; }

    /// <summary>Entries to remove, <c>RemoveEntry.N.Cidr</c>.</summary>
    public List<PrefixListEntryParameter>? RemoveEntry { get; set; }
}

public sealed class ModifyPrefixListValidator : AcsValidator<ModifyPrefixListRequest>
{
    public ModifyPrefixListValidator()
    {
        RuleFor(r => r.AddEntry).MaxItems(ListBounds.PrefixListEntries, AcsErrors.LimitExceedEntry);
        RuleFor(r => r.RemoveEntry).MaxItems(ListBounds.PrefixListEntries, AcsErrors.LimitExceedEntry);
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.PrefixListId).Required();
    }
}

public sealed class DescribePrefixListAssociationsRequest : ListRequest
{
    /// <summary>The prefix list. Required.</summary>
    public string? PrefixListId { get; set; }

    /// <summary>1-100, default 10.</summary>
    public int? MaxResults { get; set; }

    public string? NextToken { get; set; }
}

public sealed class DescribePrefixListAssociationsValidator : AcsValidator<DescribePrefixListAssociationsRequest>
{
    public DescribePrefixListAssociationsValidator()
    {
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.PrefixListId).Required();
    }
}

public sealed class DescribePrefixListAssociationsResponse : AcsResponse
{
    public string NextToken { get; init; } = "";

    public required PrefixListAssociationList PrefixListAssociations { get; init; }
}

public sealed record PrefixListAssociationList(IReadOnlyList<ListAssociation> PrefixListAssociation);
