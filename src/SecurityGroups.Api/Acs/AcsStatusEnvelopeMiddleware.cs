using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Api.Acs;

/// <summary>
/// Gives the emulator endpoints' bodiless refusals from routing and MVC the Alibaba error envelope, keeping the status: an
/// unknown path under <c>/_emulator/</c> (404, <c>InvalidApi.NotFound</c>), a method the path does not serve (405,
/// <c>MethodNotAllowed</c>, with routing's <c>Allow</c> header) and a body that is not JSON (415, <c>InvalidParameter</c>).
/// <c>/metrics</c> is enveloped the same way (404 when <c>Metrics:Enabled</c> is false, 405 for any method but GET and HEAD).
/// Requests on <c>/</c> pass straight through (their errors are <see cref="AcsException"/>s).
/// </summary>
internal sealed class AcsStatusEnvelopeMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http) =>
        http.Request.Path.StartsWithSegments(AcsGatewayMiddleware.EmulatorPrefix, StringComparison.OrdinalIgnoreCase)
        || http.Request.Path.Equals(AcsGatewayMiddleware.MetricsPath, StringComparison.OrdinalIgnoreCase) ? EnvelopeAsync(http) : next(http);

    private async Task EnvelopeAsync(HttpContext http)
    {
        await next(http);
        var response = http.Response;
        if (response.HasStarted || response.ContentLength is not null || !string.IsNullOrEmpty(response.ContentType))
        {
            return;
        }

        switch (response.StatusCode)
        {
            case StatusCodes.Status404NotFound:
                await AcsResponseWriter.WriteErrorAsync(http, AcsErrors.InvalidApiNotFound, AcsErrors.InvalidApiNotFound.Message);
                break;
            case StatusCodes.Status405MethodNotAllowed:
                await AcsResponseWriter.WriteErrorAsync(http, AcsErrors.MethodNotAllowed, AcsErrors.MethodNotAllowed.Message);
                break;
            case StatusCodes.Status415UnsupportedMediaType:
                var error = new AcsException(AcsErrors.UnsupportedMediaType, AcsParameterParser.Printable(http.Request.ContentType ?? ""));
                await AcsResponseWriter.WriteErrorAsync(http, error.Error, error.Message);
                break;
        }
    }
}
