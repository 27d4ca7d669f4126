using System.Text;
using Microsoft.Extensions.Options;
using SecurityGroups.Api.Auth;
using SecurityGroups.Api.WebConsole;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Api.Acs;

/// <summary>
/// The Alibaba RPC gateway, before routing. On <c>/</c>: merges query and form parameters, reads <c>Format</c>, the
/// Action and Version (headers first), authenticates, and checks the Action and Version against the catalog. Under
/// <c>/_emulator/</c> it only authenticates; under <c>/console</c> the console's session cookie decides (<see cref="ConsoleSessions"/>).
/// It knows no business rule.
/// </summary>
internal sealed class AcsGatewayMiddleware(RequestDelegate next, RequestAuthenticator authenticator, AcsActionCatalog catalog,
    IOptions<AcsLimits> limits, ConsoleSessions console)
{
    public const string EmulatorPrefix = "/_emulator";
    public const string HealthPath = "/_emulator/health";
    public const string CaPath = "/_emulator/ca.pem";
    public const string SwaggerPrefix = "/swagger";
    public const string MetricsPath = "/metrics";
    public const string ActionHeader = "x-acs-action";
    public const string VersionHeader = "x-acs-version";

    public async Task InvokeAsync(HttpContext http)
    {
        var acs = http.Acs();
        var path = http.Request.Path;
        if (path == "/")
        {
            await HandleRpcAsync(http, acs);
        }
        else if (ConsoleSessions.Owns(path))
        {
            if (!console.Authenticate(http, acs))
            {
                return; // Strict mode without a console session: redirected to sign-in
            }
        }
        else if (!IsPublic(path))
        {
            await AuthenticateEmulatorAsync(http, acs);
        }

        await next(http);
    }

    /// <summary>What anyone may read without a signature, in any mode: health, the CA certificate, Swagger, the Prometheus
    /// metrics (scrapers do not sign; they hold no account data: ADR-010). Everything else is authenticated, whatever its
    /// letter case (routing ignores case, so this check must too).</summary>
    internal static bool IsPublic(PathString path) =>
        path.Equals(HealthPath, StringComparison.OrdinalIgnoreCase)
        || path.Equals(CaPath, StringComparison.OrdinalIgnoreCase)
        || path.Equals(MetricsPath, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(SwaggerPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The emulator's own endpoints: authentication only. A request that can change state (any method but GET and
    /// HEAD) needs a signature over method, path and body: ACS3. An HMAC-SHA1 signature covers neither the path nor a JSON body.</summary>
    private async Task AuthenticateEmulatorAsync(HttpContext http, AcsRequestContext acs)
    {
        var request = http.Request;
        request.EnableBuffering();
        var body = await ReadBodyAsync(request, limits.Value);
        request.Body.Position = 0;
        acs.Parameters = AcsParameterParser.Parse(request.QueryString.Value, null, limits.Value);
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && acs.Parameters["Signature"] is not null
            && !RequestAuthenticator.HasAcs3Authorization(request))
        {
            throw new AcsException(AcsErrors.IncompleteSignature,
                "Emulator endpoints that change state need an ACS3-HMAC-SHA256 signature, which covers the method, the path and the body; an HMAC-SHA1 signature covers neither the path nor the body.");
        }

        var auth = authenticator.Authenticate(request, acs.Parameters, body, RequestAuthenticator.EmulatorSignedHeaders);
        await authenticator.ConfirmNonceAsync(auth, http.RequestAborted);
        acs.Authenticate(auth);
    }

    private async Task HandleRpcAsync(HttpContext http, AcsRequestContext acs)
    {
        var request = http.Request;
        var body = await ReadBodyAsync(request, limits.Value);
        var form = IsForm(request.ContentType) && body.Length > 0 ? Encoding.UTF8.GetString(body) : null;
        var parameters = AcsParameterParser.Parse(request.QueryString.Value, form, limits.Value);
        acs.Parameters = parameters;
        acs.Xml = string.Equals(parameters["Format"], "XML", StringComparison.OrdinalIgnoreCase);

        var auth = authenticator.Authenticate(request, parameters, body, RequestAuthenticator.RpcSignedHeaders);
        await authenticator.ConfirmNonceAsync(auth, http.RequestAborted);
        acs.Authenticate(auth);

        // The Action and Version that run are the signed ones: with HMAC-SHA1 only the parameters are signed, so the
        // x-acs-* headers may only repeat them; with ACS3 both the headers and the query are signed, and may not disagree.
        acs.Action = Resolve(request, ActionHeader, parameters, "Action", auth.Scheme);
        acs.Version = Resolve(request, VersionHeader, parameters, "Version", auth.Scheme);
        var product = catalog.Find(acs.Action, acs.Version);
        acs.Product = product?.Product ?? acs.Product;
        if (product is null)
        {
            throw new AcsException(AcsErrors.InvalidActionNotFound);
        }

        acs.CatalogAction = catalog.Canonical(acs.Action);
        acs.CatalogProduct = product;

        if (product.Version != acs.Version)
        {
            throw new AcsException(AcsErrors.InvalidVersion);
        }
    }

    private static string Resolve(HttpRequest request, string headerName, AcsParameters parameters, string parameterName, AuthScheme scheme)
    {
        var values = request.Headers[headerName];
        if (values.Count > 1)
        {
            throw new AcsException(AcsErrors.InvalidParameterDetail, $"The header \"{headerName}\" is sent more than once.");
        }

        var header = values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
        var parameter = parameters[parameterName] is { Length: > 0 } p ? p : null;
        if (header is not null && parameter is not null && !string.Equals(header, parameter, StringComparison.Ordinal))
        {
            throw new AcsException(AcsErrors.InvalidParameterDetail,
                $"The header \"{headerName}\" and the parameter \"{parameterName}\" name different values.");
        }

        var value = scheme == AuthScheme.Rpc ? parameter : header ?? parameter;
        return value ?? throw new AcsException(AcsErrors.MissingParameter, parameterName);
    }

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
