using System.Buffers;
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
        http.Response.ContentType = xml ? XmlContentType : JsonContentType;
        if (body is AcsResponse { RenderedFrom: { } from } response && AcsRenderCache.IsPlain(response.RequestId)
            && AcsRenderCache.Get(response, from, xml ? "xml " + xmlRoot : "json", r => xml ? RenderXml(r, xmlRoot) : JsonSerializer.SerializeToUtf8Bytes(r, r.GetType(), JsonOptions)) is { } template)
        {
            return WriteTemplateAsync(http, template, response.RequestId!);
        }

        return xml ? http.Response.Body.WriteAsync(RenderXml(body, xmlRoot)).AsTask() : WriteJsonAsync(http, body);
    }

    private static byte[] RenderXml(object body, string xmlRoot) => AcsXml.Render(xmlRoot, JsonSerializer.SerializeToElement(body, body.GetType(), JsonOptions));

    /// <summary>A cached rendering with this request's RequestId spliced in, copied into the response pipe and flushed once.</summary>
    private static async Task WriteTemplateAsync(HttpContext http, AcsRenderCache.Template template, string requestId)
    {
        var pipe = http.Response.BodyWriter;
        http.Response.ContentLength = template.Prefix.Length + requestId.Length + template.Suffix.Length;
        pipe.Write(template.Prefix);
        pipe.Write(System.Text.Encoding.ASCII.GetBytes(requestId));
        pipe.Write(template.Suffix);
        await pipe.FlushAsync(http.RequestAborted).ConfigureAwait(false);
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
        acs?.Error = error;
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
