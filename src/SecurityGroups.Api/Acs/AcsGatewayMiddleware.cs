using System.Text;
using Microsoft.Extensions.Options;
using SecurityGroups.Api.Auth;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Api.Acs;

/// <summary>
/// The Alibaba RPC gateway, before routing. On <c>/</c>: merges query and form parameters, reads <c>Format</c>, the
/// Action and Version (headers first), authenticates, and checks the Action and Version against the catalog. Under
/// <c>/_emulator/</c> it only authenticates. It knows no business rule.
/// </summary>
internal sealed class AcsGatewayMiddleware(RequestDelegate next, RequestAuthenticator authenticator, AcsActionCatalog catalog,
    IOptions<AcsLimits> limits)
{
    public const string EmulatorPrefix = "/_emulator";
    public const string HealthPath = "/_emulator/health";

    public async Task InvokeAsync(HttpContext http)
    {
        var acs = http.Acs();
        var path = http.Request.Path;
        if (path == "/")
        {
            await HandleRpcAsync(http, acs);
        }
        else if (path.StartsWithSegments(EmulatorPrefix, StringComparison.Ordinal) && path != HealthPath)
        {
            http.Request.EnableBuffering();
            var body = await ReadBodyAsync(http.Request, limits.Value);
            http.Request.Body.Position = 0;
            acs.Parameters = AcsParameterParser.Parse(http.Request.QueryString.Value, null, limits.Value);
            acs.AccountId = authenticator.Authenticate(http.Request, acs.Parameters, body);
        }

        await next(http);
    }

    private async Task HandleRpcAsync(HttpContext http, AcsRequestContext acs)
    {
        var request = http.Request;
        var body = await ReadBodyAsync(request, limits.Value);
        var form = IsForm(request.ContentType) && body.Length > 0 ? Encoding.UTF8.GetString(body) : null;
        var parameters = AcsParameterParser.Parse(request.QueryString.Value, form, limits.Value);
        acs.Parameters = parameters;
        acs.Xml = string.Equals(parameters["Format"], "XML", StringComparison.OrdinalIgnoreCase);

        var action = Header(request, "x-acs-action") ?? parameters["Action"];
        acs.Action = string.IsNullOrEmpty(action) ? null : action;
        if (acs.Action is null)
        {
            throw new AcsException(AcsErrors.MissingParameter, "Action");
        }

        var product = catalog.Find(acs.Action);
        acs.Product = product?.Product ?? acs.Product;

        var version = Header(request, "x-acs-version") ?? parameters["Version"];
        if (string.IsNullOrEmpty(version))
        {
            throw new AcsException(AcsErrors.MissingParameter, "Version");
        }

        acs.Version = version;
        acs.AccountId = authenticator.Authenticate(request, parameters, body);
        if (product is null)
        {
            throw new AcsException(AcsErrors.InvalidActionNotFound);
        }

        if (product.Version != version)
        {
            throw new AcsException(AcsErrors.InvalidVersion);
        }
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

    private static bool IsForm(string? contentType) =>
        contentType is not null && contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, AcsLimits limits)
    {
        if (request.ContentLength is 0)
        {
            return [];
        }

        if (request.ContentLength > limits.MaxBodyBytes)
        {
            throw TooLarge(limits);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limits.MaxBodyBytes)
            {
                throw TooLarge(limits);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static AcsException TooLarge(AcsLimits limits) =>
        new(AcsErrors.InvalidParameterDetail, $"The request body is larger than {limits.MaxBodyBytes} bytes.");
}
