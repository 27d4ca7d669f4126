using SecurityGroups.Api.Auth;

namespace SecurityGroups.Api.Acs;

/// <summary>What the gateway learned about one request; an HTTP feature read by binding, filters and the renderer.</summary>
internal sealed class AcsRequestContext
{
    public required string RequestId { get; init; }

    /// <summary>The Alibaba Action (RPC requests only).</summary>
    public string? Action { get; set; }

    public string? Version { get; set; }

    /// <summary>The Action as the catalog spells it, once the gateway found it served (<see cref="AcsActionCatalog.Canonical"/>);
    /// null for an unknown or unresolved name. The metrics label it, never <see cref="Action"/>.</summary>
    public string? CatalogAction { get; set; }

    /// <summary>The served Action's product (set with <see cref="CatalogAction"/>).</summary>
    public AcsProductAttribute? CatalogProduct { get; set; }

    /// <summary>The catalogued error this request was answered with (set by the one renderer), for the error metrics.</summary>
    public Domain.Errors.AcsErrorCode? Error { get; set; }

    /// <summary>Product of the Action (<c>Ecs</c>, <c>Vpc</c>), for <c>HostId</c> and <c>Recommend</c>.</summary>
    public string Product { get; set; } = "Ecs";

    public bool Xml { get; set; }

    /// <summary>The calling account (set once authenticated).</summary>
    public string? AccountId { get; private set; }

    /// <summary>How the caller was authenticated.</summary>
    public AuthScheme Scheme { get; private set; }

    /// <summary>The caller's account is marked <c>Admin</c> in <c>Auth:Accounts</c>.</summary>
    public bool Admin { get; private set; }

    public void Authenticate(Authentication auth)
    {
        AccountId = auth.AccountId;
        Scheme = auth.Scheme;
        Admin = auth.Admin;
    }

    public AcsParameters Parameters { get; set; } = AcsParameters.Empty;
}

internal static class AcsRequestContextExtensions
{
    public static AcsRequestContext Acs(this HttpContext http) =>
        http.Features.Get<AcsRequestContext>() ?? throw new InvalidOperationException("The ACS gateway did not run for this request.");

    /// <summary>The authenticated account of the current request.</summary>
    public static string AccountId(this HttpContext http) =>
        http.Acs().AccountId ?? throw new InvalidOperationException("The request was not authenticated.");
}
