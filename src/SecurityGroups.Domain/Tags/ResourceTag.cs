namespace SecurityGroups.Domain.Tags;

/// <summary>One tag on one resource (any type: vpc, vswitch, securitygroup, ...).</summary>
public sealed class ResourceTag
{
    public required string ResourceId { get; init; }

    public required string TagKey { get; init; }

    public string TagValue { get; set; } = "";

    public required string AccountId { get; init; }

    public required string RegionId { get; init; }

    public required string ResourceType { get; init; }
}

/// <summary>A tag as given in a request (<c>Tag.N.Key</c>, <c>Tag.N.Value</c>).</summary>
public sealed record TagInput(string Key, string Value);
