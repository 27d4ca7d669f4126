using Microsoft.Extensions.Options;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Lists;
using SecurityGroups.Domain.Quotas;

namespace SecurityGroups.Api.Lists;

public sealed class CreatePortRangeListRequest : ListRequest
{
    /// <summary>1-2000, immutable. Required.</summary>
    /// <example>10</example>
    public int? MaxEntries { get; set; }

    /// <summary>2-128 characters, starting with a letter. Required.</summary>
    /// <example>web-ports</example>
    public string? PortRangeListName { get; set; }

    public string? Description { get; set; }

    public string? ResourceGroupId { get; set; }

    public string? ClientToken { get; set; }

    /// <summary>Entries, <c>Entry.N.PortRange</c> (<c>80/80</c>) and <c>Entry.N.Description</c>; no overlaps.</summary>
    public List<PortRangeEntryParameter>? Entry { get; set; }

    public List<TagParameter>? Tag { get; set; }
}

public sealed class CreatePortRangeListResponse : AcsResponse
{
    public string PortRangeListId { get; init; } = "";
}

public sealed class CreatePortRangeListValidator : AcsValidator<CreatePortRangeListRequest>
{
    public CreatePortRangeListValidator(IOptions<QuotaOptions> quotas)
    {
        RuleFor(r => r.Entry).MaxItems(r => ListBounds.PortRangeEntries(r.MaxEntries), AcsErrors.EntryCountExceedMaxEntries);
        RuleFor(r => r.Tag).MaxItems(_ => quotas.Value.TagsPerResource, AcsErrors.NumberExceedTags);
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.MaxEntries).Required();
        RuleFor(r => r.PortRangeListName).Required();
    }
}

public sealed class DescribePortRangeListsRequest : ListRequest
{
    /// <summary>Up to 100 IDs, <c>PortRangeListId.N</c>.</summary>
    public List<string>? PortRangeListId { get; set; }

    public string? PortRangeListName { get; set; }

    public string? ResourceGroupId { get; set; }

    /// <summary>1-100, default 10.</summary>
    public int? MaxResults { get; set; }

    public string? NextToken { get; set; }

    public List<TagParameter>? Tag { get; set; }
}

public sealed class DescribePortRangeListsValidator : AcsValidator<DescribePortRangeListsRequest>
{
    public DescribePortRangeListsValidator()
    {
        RuleFor(r => r.PortRangeListId).MaxItems(ListBounds.Ids, AcsErrors.InvalidParameterPortRangeListIds);
        RuleFor(r => r.Tag).MaxItems(ListBounds.Tags, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.RegionId).Required();
    }
}

/// <summary>Note the bare arrays: port-list Actions do not use Alibaba's <c>{"Plural":{"Singular":[…]}}</c> wrappers.</summary>
public sealed class DescribePortRangeListsResponse : AcsResponse
{
    public string NextToken { get; init; } = "";

    public required IReadOnlyList<PortRangeListItem> PortRangeLists { get; init; }

    public static DescribePortRangeListsResponse From(ListPage<ListView<PortRangeList>> page) => new()
    {
        NextToken = page.NextToken ?? "",
        PortRangeLists = page.Items.Select(v => new PortRangeListItem(v.List.PortRangeListId, v.List.PortRangeListName, v.List.MaxEntries,
            v.List.Description, AcsTime.Seconds(v.List.CreatedAt), v.AssociationCount, v.List.ResourceGroupId,
            v.Tags.Select(t => new EcsTag(t.TagKey, t.TagValue)).ToList())).ToList(),
    };
}

public sealed record PortRangeListItem(string PortRangeListId, string PortRangeListName, int MaxEntries, string Description, string CreationTime,
    int AssociationCount, string ResourceGroupId, IReadOnlyList<EcsTag> Tags);

public sealed class PortRangeListIdRequest : ListRequest
{
    /// <summary>The port range list (<c>prl-…</c>). Required.</summary>
    public string? PortRangeListId { get; set; }
}

public sealed class PortRangeListIdValidator : AcsValidator<PortRangeListIdRequest>
{
    public PortRangeListIdValidator()
    {
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.PortRangeListId).Required();
    }
}

public sealed class DescribePortRangeListEntriesResponse : AcsResponse
{
    public required IReadOnlyList<PortRangeEntryItem> Entries { get; init; }
}

public sealed record PortRangeEntryItem(string PortRange, string Description);

public sealed class ModifyPortRangeListRequest : ListRequest
{
    /// <summary>The port range list. Required.</summary>
    public string? PortRangeListId { get; set; }

    public string? PortRangeListName { get; set; }

    public string? Description { get; set; }

    public string? ClientToken { get; set; }

    /// <summary>Entries to add, <c>AddEntry.N.PortRange</c>.</summary>
    public List<PortRangeEntryParameter>? AddEntry { get; set; }

    /// <summary>Entries to remove, <c>RemoveEntry.N.PortRange</c>.</summary>
    public List<PortRangeEntryParameter>? RemoveEntry { get; set; }
}

public sealed class ModifyPortRangeListValidator : AcsValidator<ModifyPortRangeListRequest>
{
    public ModifyPortRangeListValidator()
    {
        RuleFor(r => r.AddEntry).MaxItems(ListBounds.PortRangeEntriesPerCall, AcsErrors.LimitExceedEntry);
        RuleFor(r => r.RemoveEntry).MaxItems(ListBounds.PortRangeEntriesPerCall, AcsErrors.LimitExceedEntry);
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.PortRangeListId).Required();
    }
}

public sealed class DescribePortRangeListAssociationsRequest : ListRequest
{
    /// <summary>The port range list. Required.</summary>
    public string? PortRangeListId { get; set; }

    /// <summary>1-100, default 10.</summary>
    public int? MaxResults { get; set; }

    public string? NextToken { get; set; }
}

public sealed class DescribePortRangeListAssociationsValidator : AcsValidator<DescribePortRangeListAssociationsRequest>
{
    public DescribePortRangeListAssociationsValidator()
    {
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.PortRangeListId).Required();
    }
}

public sealed class DescribePortRangeListAssociationsResponse : AcsResponse
{
    public string NextToken { get; init; } = "";

    public required IReadOnlyList<ListAssociation> PortRangeListAssociations { get; init; }
}
