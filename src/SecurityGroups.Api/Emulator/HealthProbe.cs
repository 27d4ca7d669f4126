namespace SecurityGroups.Api.Emulator;

/// <summary>
/// <c>SecurityGroups.Api --healthcheck [url]</c>: asks a running server for <c>/_emulator/health</c> and exits 0 when it
/// answers 200 (the container image has no curl; Docker's HEALTHCHECK uses this). Without a URL it asks the address the
/// server listens on, from the same settings the server reads: <c>ASPNETCORE_URLS</c> (its first <c>http://</c> address; a
/// wildcard host is asked on 127.0.0.1), else <c>ASPNETCORE_HTTP_PORTS</c>, else port 8080.
/// </summary>
internal static class HealthProbe
{
    public const string Flag = "--healthcheck";

    private const string DefaultUrl = "http://127.0.0.1:8080";

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
            using var response = await http.GetAsync(new Uri(new Uri(BaseUrl(args, Environment.GetEnvironmentVariable)), "/_emulator/health"));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (HttpRequestException)
        {
            return 1;
        }
        catch (TaskCanceledException)
        {
            return 1;
        }
    }

    /// <summary>The server address to ask: the URL after the flag, else the one the settings give the server.</summary>
    internal static string BaseUrl(string[] args, Func<string, string?> environment)
    {
        var index = Array.IndexOf(args, Flag);
        if (index >= 0 && index + 1 < args.Length)
        {
            return args[index + 1];
        }

        var http = (environment("ASPNETCORE_URLS") ?? environment("DOTNET_URLS") ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
        if (http is not null)
        {
            var authority = http["http://".Length..].Split('/')[0];
            var colon = authority.LastIndexOf(':');
            var host = colon > 0 && !authority.EndsWith(']') ? authority[..colon] : authority;
            var port = colon > 0 && !authority.EndsWith(']') ? authority[(colon + 1)..] : "80";
            host = host is "0.0.0.0" or "*" or "+" or "[::]" ? "127.0.0.1" : host;
            return $"http://{host}:{port}";
        }

        var ports = (environment("ASPNETCORE_HTTP_PORTS") ?? environment("DOTNET_HTTP_PORTS"))?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return ports is [var first, ..] ? $"http://127.0.0.1:{first}" : DefaultUrl;
    }
}
