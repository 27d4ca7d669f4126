using Microsoft.Extensions.Options;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Domain.Regions;

/// <summary>The regions and zones this emulator serves; every RegionId and ZoneId parameter is checked here.</summary>
public sealed class RegionCatalog
{
    private readonly Dictionary<string, RegionDefinition> _byId;

    public RegionCatalog(IOptions<List<RegionDefinition>> options)
    {
        var configured = options.Value.Where(r => !string.IsNullOrWhiteSpace(r.RegionId)).ToList();
        Regions = configured.Count > 0 ? configured : DefaultRegions.All;
        _byId = Regions.ToDictionary(r => r.RegionId, StringComparer.Ordinal);
    }

    public IReadOnlyList<RegionDefinition> Regions { get; }

    /// <summary>Returns the region or raises <c>InvalidRegionId.NotFound</c>.</summary>
    public RegionDefinition Require(string regionId) =>
        _byId.TryGetValue(regionId, out var region) ? region : throw new AcsException(AcsErrors.InvalidRegionIdNotFound);

    public bool Contains(string regionId) => _byId.ContainsKey(regionId);

    public bool HasZone(string regionId, string zoneId) =>
        _byId.TryGetValue(regionId, out var region) && region.Zones.Contains(zoneId, StringComparer.Ordinal);
}
