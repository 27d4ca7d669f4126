namespace SecurityGroups.Api.Emulator;

/// <summary>
/// <c>SecurityGroups.Api --healthcheck [url]</c>: asks a running server for <c>/_emulator/health</c> and exits 0 when it
/// answers 200 (the container image has no curl; Docker's HEALTHCHECK uses this).
/// </summary>
internal static class HealthProbe
{
    public const string Flag = "--healthcheck";

    public static async Task<int> RunAsync(string[] args)
    {
        var index = Array.IndexOf(args, Flag);
        var baseUrl = index + 1 < args.Length ? args[index + 1] : "http://127.0.0.1:8080";
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
            using var response = await http.GetAsync(new Uri(new Uri(baseUrl), "/_emulator/health"));
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
}
