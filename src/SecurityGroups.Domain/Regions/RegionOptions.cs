namespace SecurityGroups.Domain.Regions;

/// <summary>One configured region (section <c>Regions</c>, a list). An empty list means the built-in defaults.</summary>
public sealed class RegionDefinition
{
    public string RegionId { get; set; } = "";

    /// <summary>Name in Chinese (DescribeRegions with AcceptLanguage zh-CN, the default).</summary>
    public string LocalName { get; set; } = "";

    /// <summary>Name in English (AcceptLanguage en-US).</summary>
    public string EnglishName { get; set; } = "";

    /// <summary>Name in Japanese (AcceptLanguage ja); English when unset.</summary>
    public string? JapaneseName { get; set; }

    public string RegionEndpoint { get; set; } = "";

    public List<string> Zones { get; set; } = [];
}
