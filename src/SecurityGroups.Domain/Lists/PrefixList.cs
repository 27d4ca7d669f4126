namespace SecurityGroups.Domain.Lists;

/// <summary>A prefix list (<c>pl-…</c>): up to <see cref="MaxEntries"/> CIDR blocks of one address family, referenced by rules.</summary>
public sealed class PrefixList
{
    public required string PrefixListId { get; init; }

    public required string AccountId { get; init; }

    public required string RegionId { get; init; }

    /// <summary><c>IPv4</c> or <c>IPv6</c>; immutable.</summary>
    public required string AddressFamily { get; init; }

    /// <summary>1-200; immutable. A rule using the list counts as this many rules.</summary>
    public required int MaxEntries { get; init; }

    public string PrefixListName { get; set; } = "";

    public string Description { get; set; } = "";

    public string ResourceGroupId { get; set; } = "";

    public DateTime CreatedAt { get; init; }
}

/// <summary>One CIDR block of a prefix list.</summary>
public sealed class PrefixListEntry
{
    public required string PrefixListId { get; init; }

    public required string Cidr { get; init; }

    public string Description { get; set; } = "";
}

/// <summary>A port range list (<c>prl-…</c>): up to <see cref="MaxEntries"/> port ranges, usable by TCP and UDP rules.</summary>
public sealed class PortRangeList
{
    public required string PortRangeListId { get; init; }

    public required string AccountId { get; init; }

    public required string RegionId { get; init; }

    /// <summary>1-2000; immutable. A rule using the list counts as this many rules.</summary>
    public required int MaxEntries { get; init; }

    public string PortRangeListName { get; set; } = "";

    public string Description { get; set; } = "";

    public string ResourceGroupId { get; set; } = "";

    public DateTime CreatedAt { get; init; }
}

/// <summary>One port range of a port range list.</summary>
public sealed class PortRangeListEntry
{
    public required string PortRangeListId { get; init; }

    public required string PortRange { get; init; }

    public string Description { get; set; } = "";
}
