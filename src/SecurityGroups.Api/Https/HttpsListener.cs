using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using SecurityGroups.Api.Startup;
using SecurityGroups.RuleEngine;

namespace SecurityGroups.Api.Https;

/// <summary>
/// The HTTPS listener beside HTTP. It is one more address in Kestrel's list (the <c>--urls</c> / <c>ASPNETCORE_URLS</c>
/// addresses stay as given, the default <c>http://127.0.0.1:8080</c> without them), not a <c>Listen</c> call: Kestrel
/// ignores the address list as soon as one endpoint is configured in code. Every HTTPS address, this one and any
/// <c>https://</c> address the user lists, presents <see cref="ServerCertificates.Server"/>.
/// </summary>
internal static partial class HttpsListener
{
    /// <summary>Sets the addresses: the HTTP ones (or <paramref name="defaultHttpUrl"/>) and, unless <c>Https:Enabled</c>
    /// is false, <c>https://{host}:{Https:Port}</c>, where the host follows the HTTP addresses (<see cref="HttpsUrl"/>).</summary>
    public static void AddHttpsListener(this WebApplicationBuilder builder, string defaultHttpUrl)
    {
        var config = builder.Configuration;
        var https = OptionsValidation.ReadHttps(config);
        var kestrelUrls = config.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>().ToList();
        var urls = config["urls"];
        if (kestrelUrls.Count > 0)
        {
            // Endpoints from the Kestrel section replace the address list (Kestrel's rule): HTTPS joins them there.
            if (https.Enabled)
            {
                config["Kestrel:Endpoints:EmulatorHttps:Url"] = HttpsUrl(kestrelUrls, https.Port);
            }
        }
        else
        {
            urls = string.IsNullOrWhiteSpace(urls) ? defaultHttpUrl : urls;
            builder.WebHost.UseUrls(https.Enabled ? $"{urls};{HttpsUrl(Split(urls), https.Port)}" : urls);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(tls =>
            tls.ServerCertificate = kestrel.ApplicationServices.GetRequiredService<ServerCertificates>().Server));
    }

    /// <summary>The HTTPS address for these HTTP addresses: on 127.0.0.1 while they are all on loopback (or a Unix
    /// socket); on the one other host they use when there is one (<c>0.0.0.0</c>, <c>*</c>, an address); on every
    /// interface (<c>*</c>) when they use several.</summary>
    public static string HttpsUrl(IEnumerable<string> httpUrls, int port)
    {
        var hosts = httpUrls.Select(Parse).OfType<BindingAddress>().Where(a => !a.IsUnixPipe).Select(a => a.Host)
            .Where(h => !IsLoopback(h)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var host = hosts.Count switch { 0 => "127.0.0.1", 1 => hosts[0], _ => "*" };
        return $"https://{host}:{port}";
    }

    /// <summary>Creates or loads the certificate before the listener starts, so a problem is a one-line start-up failure.</summary>
    public static void Prepare(WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<HttpsOptions>>().Value.Enabled)
        {
            return;
        }

        try
        {
            _ = app.Services.GetRequiredService<ServerCertificates>().Server;
        }
        catch (InvalidOperationException ex)
        {
            throw new StartupException(ex.Message, ex);
        }
    }

    /// <summary>Logs where HTTPS listens (the real port when <c>Https:Port</c> is 0) and which CA clients should trust.</summary>
    public static void Report(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<HttpsOptions>>().Value;
        if (options.Enabled && Address(app.Services.GetRequiredService<IServer>()) is { } address)
        {
            LogListening(app.Logger, address, app.Services.GetRequiredService<ServerCertificates>().CaFile ?? options.CertificatePath ?? "");
        }
    }

    /// <summary>The first HTTPS address the server listens on (after start: with the real port); null without one.</summary>
    public static string? Address(IServer server) =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTPS on {HttpsAddress}; clients trust {CaCertificate} (also served at GET /_emulator/ca.pem)")]
    private static partial void LogListening(ILogger logger, string httpsAddress, string caCertificate);

    private static IEnumerable<string> Split(string urls) => urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static BindingAddress? Parse(string url)
    {
        try
        {
            return BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return null; // Kestrel reports it when it binds
        }
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IpCidr.TryParseAddress(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)); // ADR-007: one parser
}
