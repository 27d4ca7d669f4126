using System.Reflection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Emulator;
using SecurityGroups.Api.WebConsole.Components;
using SecurityGroups.Domain.Regions;

namespace SecurityGroups.Api.WebConsole;

/// <summary>The web console at <c>/console</c> (ADR-009): Razor components rendered on the server (static SSR), plain
/// HTML forms with antiforgery, its CSS and one small script embedded in this assembly.</summary>
internal static class ConsoleSetup
{
    private static readonly Dictionary<string, string> Assets = new(StringComparer.Ordinal)
    {
        ["console.css"] = "text/css; charset=utf-8",
        ["console.js"] = "text/javascript; charset=utf-8",
    };

    public static IServiceCollection AddConsole(this IServiceCollection services)
    {
        services.AddRazorComponents();
        // Keys live in memory: a restart ends console sessions and antiforgery tokens, and nothing is written to disk.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "sg-console-antiforgery";
            o.Cookie.Path = ConsoleSessions.Prefix;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddSingleton<ConsoleSessions>();
        services.AddScoped<ConsoleApi>();
        services.AddScoped<ConsoleContext>();
        services.AddScoped<ConsoleTraffic>();
        services.AddScoped<ConsoleMatrix>();
        services.AddScoped<ConsolePortMatrix>();
        services.AddScoped<ConsoleExposure>();
        return services;
    }

    /// <summary>After routing: antiforgery, the assets, the account switch and sign-out, and the pages.</summary>
    public static WebApplication MapConsole(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapGet(ConsoleSessions.AssetsPrefix + "/{name}", (string name) =>
            Assets.TryGetValue(name, out var type) && Assembly.GetExecutingAssembly().GetManifestResourceStream("console/" + name) is { } stream
                ? Results.Stream(stream, type)
                : Results.NotFound()).ExcludeFromDescription();
        app.MapGet(ConsoleSessions.Prefix + "/region", (string? region, string? section, RegionCatalog regions) =>
            Results.LocalRedirect(ConsoleLinks.Section(region is not null && regions.Contains(region) ? region : ConsoleLinks.DefaultRegion, section)))
            .ExcludeFromDescription();
        app.MapPost(ConsoleSessions.Prefix + "/account", ([FromForm] string? accessKeyId, [FromForm] string? returnUrl, HttpContext http, ConsoleSessions sessions) =>
        {
            if (sessions.Choose(accessKeyId) is { } account)
            {
                sessions.Issue(http, account);
            }

            return Results.LocalRedirect(ConsoleLinks.Local(returnUrl));
        }).ExcludeFromDescription();
        app.MapPost(ConsoleSessions.Prefix + "/signout", ([FromForm] string? returnUrl, HttpContext http) =>
        {
            ConsoleSessions.End(http);
            return Results.LocalRedirect(ConsoleSessions.SignInPath);
        }).ExcludeFromDescription();
        app.MapGet(ConsoleSessions.Prefix + "/{region}/security-groups/{groupId}/export", ExportAsync).ExcludeFromDescription();
        app.MapGet(ConsoleSessions.Prefix, () => Results.LocalRedirect(ConsoleLinks.Section(ConsoleLinks.DefaultRegion, null))).ExcludeFromDescription();
        app.MapRazorComponents<App>();
        return app;
    }

    /// <summary>The export download, with the console's file names (the emulator endpoint's, called through its controller).</summary>
    private static async Task<IResult> ExportAsync(string region, string groupId, string? format, ConsoleApi api)
    {
        var result = await api.RunAsync<RuleTransferController, string, IActionResult>(region, (c, r, ct) => c.Export(groupId, r, format, ct));
        return result.Value is FileContentResult file
            ? Results.File(file.FileContents, file.ContentType, file.FileDownloadName)
            : Results.Text($"{result.Code}: {result.Message}", "text/plain", statusCode: StatusCodes.Status400BadRequest);
    }
}
