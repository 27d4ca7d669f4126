using System.Text;
using Microsoft.AspNetCore.Http.Features;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Persistence;
using IDiagnosticContext = Serilog.IDiagnosticContext;

namespace SecurityGroups.Api.Acs;

/// <summary>
/// First in the pipeline: gives every request its RequestId (upper-case UUID, also in <c>x-acs-request-id</c>) and turns
/// every exception into the Alibaba error envelope. A storage fault (<see cref="StorageFaults"/>: locked, full, read-only,
/// I/O error) is <c>ServiceUnavailable</c> (503) and is remembered for health until a write commits again; other unknown
/// exceptions are <c>InternalError</c> (500). Both are logged with the RequestId.
/// </summary>
internal sealed partial class AcsErrorMiddleware(RequestDelegate next, ILogger<AcsErrorMiddleware> logger, IDiagnosticContext diagnostics,
    StorageFaultMonitor storageFaults)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var acs = new AcsRequestContext { RequestId = Guid.NewGuid().ToString("D").ToUpperInvariant() };
        http.Features.Set(acs);
        http.Response.Headers["x-acs-request-id"] = acs.RequestId;
        try
        {
            await next(http);
        }
        catch (AcsException ex) when (!http.Response.HasStarted)
        {
            await Render(http, ex.Error, ex.Message);
        }
        catch (BadHttpRequestException ex) when (!http.Response.HasStarted)
        {
            await Render(http, AcsErrors.InvalidParameterDetail, "The request could not be read: " + ex.Message);
        }
        catch (DecoderFallbackException) when (!http.Response.HasStarted)
        {
            // Only strict decoders throw this, and the server's only strict decoder is the one that reads a body in the
            // charset its Content-Type names (application/json; charset=utf-16 with bytes that are not UTF-16).
            await Render(http, AcsErrors.InvalidParameterDetail, "The request body is not text in the charset its Content-Type names.");
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception ex) when (!http.Response.HasStarted && StorageFaults.IsRefusedValue(ex))
        {
            // A value longer than its column or with a character text cannot hold, that no validator caught: the client's
            // error (nothing was written: the transaction rolled back), logged so that the missing rule gets written.
            LogRefusedValue(logger, ex, acs.RequestId, acs.Action);
            await Render(http, AcsErrors.InvalidParameterStorageRefused, AcsErrors.InvalidParameterStorageRefused.Message);
        }
        catch (Exception ex) when (!http.Response.HasStarted && StorageFaults.Classify(ex) is { } fault)
        {
            // The mutation's transaction was rolled back (WriteGate); nothing of it is kept, its ClientToken included.
            storageFaults.Report(fault);
            LogStorageFault(logger, ex, acs.RequestId, acs.Action, fault.Kind);
            await Render(http, AcsErrors.ServiceUnavailable, AcsErrors.ServiceUnavailable.Message);
        }
        catch (Exception ex) when (!http.Response.HasStarted)
        {
            LogUnhandled(logger, ex, acs.RequestId, acs.Action);
            await Render(http, AcsErrors.InternalError, AcsErrors.InternalError.Message);
        }
        finally
        {
            diagnostics.Set("RequestId", acs.RequestId);
            diagnostics.Set("AcsAction", acs.Action ?? "");
            diagnostics.Set("AccountId", acs.AccountId ?? "");
        }
    }

    private static Task Render(HttpContext http, AcsErrorCode error, string message)
    {
        http.Response.Clear();
        http.Response.Headers["x-acs-request-id"] = http.Features.Get<AcsRequestContext>()!.RequestId;
        http.Features.Get<IHttpResponseFeature>()!.ReasonPhrase = null;
        return AcsResponseWriter.WriteErrorAsync(http, error, message);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage fault ({FaultKind}) in request {RequestId} (Action {AcsAction}): answered ServiceUnavailable")]
    private static partial void LogStorageFault(ILogger logger, Exception ex, string requestId, string? acsAction, StorageFaultKind faultKind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage refused a value no validator caught in request {RequestId} (Action {AcsAction}): answered InvalidParameter")]
    private static partial void LogRefusedValue(ILogger logger, Exception ex, string requestId, string? acsAction);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception in request {RequestId} (Action {AcsAction})")]
    private static partial void LogUnhandled(ILogger logger, Exception ex, string requestId, string? acsAction);
}
