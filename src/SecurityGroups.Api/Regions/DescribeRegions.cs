using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Regions;

namespace SecurityGroups.Api.Regions;

public sealed class DescribeRegionsRequest : CommonParameters
{
    /// <summary>Language of LocalName: <c>zh-CN</c> (default), <c>en-US</c> or <c>ja</c>.</summary>
    /// <example>en-US</example>
    public string? AcceptLanguage { get; set; }

    /// <summary>Accepted: PrePaid, PostPaid, SpotWithPriceLimit, SpotAsPriceGo.</summary>
    public string? InstanceChargeType { get; set; }

    /// <summary>Accepted: instance (default), disk, reservedinstance, scu.</summary>
    public string? ResourceType { get; set; }
}

public sealed class DescribeRegionsResponse : AcsResponse
{
    public RegionList Regions { get; init; } = new([]);

    public static DescribeRegionsResponse From(IEnumerable<RegionDefinition> regions, string language) => new()
    {
        Regions = new RegionList(regions.Select(r => new RegionItem(r.RegionId, LocalName(r, language), r.RegionEndpoint, "available")).ToList()),
    };

    /// <summary>A region's name in <c>AcceptLanguage</c>: <c>zh-CN</c> (default), <c>en-US</c>, <c>ja</c> (English when unset).</summary>
    public static string LocalName(RegionDefinition region, string language) => language switch
    {
        "en-US" => region.EnglishName,
        "ja" => region.JapaneseName ?? region.EnglishName,
        _ => region.LocalName,
    };
}

public sealed record RegionList(IReadOnlyList<RegionItem> Region);

public sealed record RegionItem(string RegionId, string LocalName, string RegionEndpoint, string Status);

public sealed class DescribeRegionsValidator : AcsValidator<DescribeRegionsRequest>
{
    private static readonly string[] Languages = ["zh-CN", "en-US", "ja"];
    private static readonly string[] ResourceTypes = ["instance", "disk", "reservedinstance", "scu"];

    public DescribeRegionsValidator()
    {
        RuleFor(r => r.AcceptLanguage).Must(l => l is null || Languages.Contains(l)).Raises(AcsErrors.InvalidAcceptLanguageNotFound);
        RuleFor(r => r.ResourceType).Must(t => t is null || ResourceTypes.Contains(t)).Raises(AcsErrors.InvalidResourceTypeNotFound);
    }
}
