using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Api.Acs;

/// <summary>The one renderer of Alibaba responses and errors, as JSON (default) or XML (<c>Format=XML</c>).</summary>
internal static class AcsResponseWriter
{
    public const string JsonContentType = "application/json;charset=utf-8";
    public const string XmlContentType = "text/xml;charset=utf-8";

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Task WriteAsync(HttpContext http, int status, object body, string xmlRoot)
    {
        var xml = http.Features.Get<AcsRequestContext>()?.Xml == true;
        http.Response.StatusCode = status;
        if (xml)
        {
            http.Response.ContentType = XmlContentType;
            var bytes = AcsXml.Render(xmlRoot, JsonSerializer.SerializeToElement(body, body.GetType(), JsonOptions));
            return http.Response.Body.WriteAsync(bytes).AsTask();
        }

        http.Response.ContentType = JsonContentType;
        return WriteJsonAsync(http, body);
    }

    /// <summary>
    /// Serializes synchronously into the response pipe's buffer, then flushes once: a 200-rule answer is ~120 KB, and the
    /// streaming serializer's repeated async flushes cost more than the serialization itself (measured, docs/benchmarks.md).
    /// </summary>
    private static async Task WriteJsonAsync(HttpContext http, object body)
    {
        using (var writer = new Utf8JsonWriter(http.Response.BodyWriter, new JsonWriterOptions { Encoder = JsonOptions.Encoder, SkipValidation = true }))
        {
            JsonSerializer.Serialize(writer, body, body.GetType(), JsonOptions);
        }

        await http.Response.BodyWriter.FlushAsync(http.RequestAborted).ConfigureAwait(false);
    }

    public static Task WriteErrorAsync(HttpContext http, AcsErrorCode error, string message)
    {
        var acs = http.Features.Get<AcsRequestContext>();
        var requestId = acs?.RequestId ?? "";
        var host = http.Request.Host.HasValue ? http.Request.Host.Value! : "127.0.0.1";
        var body = new AcsErrorResponse
        {
            RequestId = requestId,
            HostId = host,
            Code = error.Code,
            Message = message,
            Recommend = $"https://api.aliyun.com/troubleshoot?q={Uri.EscapeDataString(error.Code)}&product={acs?.Product ?? "Ecs"}&requestId={requestId}",
        };
        return WriteAsync(http, error.HttpStatus, body, "Error");
    }
}
