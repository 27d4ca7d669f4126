using SecurityGroups.Api.Acs;
using SecurityGroups.Domain.Regions;

namespace SecurityGroups.Api.WebConsole;

/// <summary>The request's console view: its account (set by the gateway from the session) and the regions to switch between.</summary>
internal sealed class ConsoleContext(IHttpContextAccessor accessor, ConsoleSessions sessions, RegionCatalog regions)
{
    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("No current request.");

    public bool IsStrict => sessions.IsStrict;

    public string? AccountId => Http.Features.Get<AcsRequestContext>()?.AccountId;

    /// <summary>The AccessKeyId the console acts with (the session's, or the default account's in Relaxed mode).</summary>
    public string? AccessKeyId => sessions.Read(Http)?.AccessKeyId ?? (IsStrict ? null : sessions.Switchable.FirstOrDefault()?.AccessKeyId);

    public IEnumerable<(string AccessKeyId, string AccountId)> Switchable => sessions.Switchable.Select(a => (a.AccessKeyId, a.AccountId));

    public IReadOnlyList<RegionDefinition> Regions => regions.Regions;

    public bool IsRegion(string? region) => region is not null && regions.Contains(region);

    /// <summary>The current path and query, for forms that come back here.</summary>
    public string Here => Http.Request.Path + Http.Request.QueryString;
}
