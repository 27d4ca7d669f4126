using System.Text;
using System.Text.Json;

namespace SecurityGroups.FunctionalTests.Infrastructure;

public enum AcsStyle
{
    /// <summary><c>GET /?Action=…&amp;Version=…&amp;params</c> (pop-core's default).</summary>
    Query,

    /// <summary><c>POST /</c> with <c>x-acs-action</c>/<c>x-acs-version</c> headers and params in the query (v7 SDK).</summary>
    Header,

    /// <summary><c>POST /</c> with everything in a form body (pop-core POST, Terraform).</summary>
    Form,
}

/// <summary>A small Alibaba RPC client for tests: sends an Action in one of the wire styles and parses the JSON answer.</summary>
public sealed class AcsClient(HttpClient http)
{
    public const string EcsVersion = "2014-05-26";
    public const string VpcVersion = "2016-04-28";

    public HttpClient Http { get; } = http;

    public Task<AcsResult> Ecs(string action, params (string Key, string Value)[] parameters) => Call(action, EcsVersion, AcsStyle.Query, parameters);

    public Task<AcsResult> Vpc(string action, params (string Key, string Value)[] parameters) => Call(action, VpcVersion, AcsStyle.Query, parameters);

    public async Task<AcsResult> Call(string action, string version, AcsStyle style, params (string Key, string Value)[] parameters)
    {
        using var request = Build(action, version, style, parameters);
        return await Send(request);
    }

    public async Task<AcsResult> Send(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new AcsResult(response.StatusCode, text, response.Content.Headers.ContentType?.ToString() ?? "",
            response.Headers.TryGetValues("x-acs-request-id", out var ids) ? ids.First() : null);
    }

    public static HttpRequestMessage Build(string action, string version, AcsStyle style, IEnumerable<(string Key, string Value)> parameters)
    {
        var all = parameters.ToList();
        switch (style)
        {
            case AcsStyle.Query:
                return new HttpRequestMessage(HttpMethod.Get, "/?" + Encode([("Action", action), ("Version", version), .. all]));
            case AcsStyle.Header:
                var message = new HttpRequestMessage(HttpMethod.Post, "/?" + Encode(all));
                message.Headers.Add("x-acs-action", action);
                message.Headers.Add("x-acs-version", version);
                return message;
            default:
                return new HttpRequestMessage(HttpMethod.Post, "/")
                {
                    Content = new StringContent(Encode([("Action", action), ("Version", version), .. all]), Encoding.UTF8, "application/x-www-form-urlencoded"),
                };
        }
    }

    public static string Encode(IEnumerable<(string Key, string Value)> parameters) =>
        string.Join('&', parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
}

/// <summary>An answer: status, raw text and (when JSON) the parsed document.</summary>
public sealed class AcsResult(HttpStatusCode status, string text, string contentType, string? requestIdHeader)
{
    private JsonElement? _json;

    public HttpStatusCode Status { get; } = status;

    public string Text { get; } = text;

    public string ContentType { get; } = contentType;

    public string? RequestIdHeader { get; } = requestIdHeader;

    public JsonElement Json => _json ??= JsonDocument.Parse(Text).RootElement;

    public string? Code => Json.TryGetProperty("Code", out var c) ? c.GetString() : null;

    public string Str(string name) => Json.GetProperty(name).GetString()!;

    /// <summary>Asserts success (200, no Code in the body) and returns the body.</summary>
    public JsonElement Ok()
    {
        Assert.True(Status == HttpStatusCode.OK, $"expected 200, got {(int)Status}: {Text}");
        Assert.False(Json.TryGetProperty("Code", out _), "a success body must not carry Code");
        Assert.Matches("^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$", Str("RequestId"));
        return Json;
    }

    /// <summary>Asserts the Alibaba error envelope with exactly this code and HTTP status.</summary>
    public void Error(string code, int status)
    {
        Assert.True((int)Status == status, $"expected {status} {code}, got {(int)Status}: {Text}");
        Assert.Equal(code, Code);
        foreach (var field in new[] { "RequestId", "HostId", "Code", "Message", "Recommend" })
        {
            Assert.True(Json.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String, $"missing {field}: {Text}");
        }

        Assert.Equal(RequestIdHeader, Str("RequestId"));
    }
}
