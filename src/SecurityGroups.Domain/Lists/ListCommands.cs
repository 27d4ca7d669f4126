using SecurityGroups.Domain.Tags;

namespace SecurityGroups.Domain.Lists;

/// <summary>An entry as a request gives it: a CIDR block (prefix lists) or a port range (port lists), and a description.</summary>
public sealed record EntryInput(string Value, string? Description);

public sealed record CreatePrefixListCommand(string RegionId, string AddressFamily, int MaxEntries, string PrefixListName, string? Description,
    string? ResourceGroupId, IReadOnlyList<EntryInput> Entries, IReadOnlyList<TagInput> Tags);

public sealed record ModifyListCommand(string RegionId, string ListId, string? Name, string? Description,
    IReadOnlyList<EntryInput> Add, IReadOnlyList<string> Remove);

public sealed record ListQuery(string RegionId, IReadOnlyList<string> Ids, string? Name, string? AddressFamily, string? ResourceGroupId,
    IReadOnlyList<TagInput> Tags, int MaxResults, string? NextToken);

public sealed record CreatePortRangeListCommand(string RegionId, int MaxEntries, string PortRangeListName, string? Description,
    string? ResourceGroupId, IReadOnlyList<EntryInput> Entries, IReadOnlyList<TagInput> Tags);

/// <summary>A list with how many groups use it, and its tags.</summary>
public sealed record ListView<T>(T List, int AssociationCount, IReadOnlyList<ResourceTag> Tags);

public sealed record ListPage<T>(IReadOnlyList<T> Items, string? NextToken);

/// <summary>A resource that uses a list (always a security group here).</summary>
public sealed record ListAssociation(string ResourceId, string ResourceType);
