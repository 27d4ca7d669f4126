using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Idempotency;
using SecurityGroups.Domain.Persistence;

namespace SecurityGroups.Api.Acs;

/// <summary>Marks a mutating Action that honours <c>ClientToken</c>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class AcsIdempotentAttribute : Attribute;

/// <summary>
/// <c>ClientToken</c> for every <see cref="AcsIdempotentAttribute"/> Action: under the write gate, in one transaction,
/// a token seen before with the same business parameters replays the first response byte for byte; with other
/// parameters it is <c>IdempotentParameterMismatch</c>; a new token runs the Action and stores its response in the
/// Action's own transaction, so the record exists exactly when the mutation does (restarts included).
/// </summary>
internal sealed class AcsIdempotencyFilter(WriteGate gate, EmulatorDbContext db, IdempotencyStore store, TimeProvider clock) : IAsyncActionFilter
{
    /// <summary>Parameters that do not count in a retry's fingerprint, in any letter case (as binding reads names).</summary>
    private static readonly HashSet<string> NotBusiness = new(StringComparer.OrdinalIgnoreCase)
    {
        "Action", "Version", "Format", "AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion", "SignatureNonce",
        "SignatureType", "Timestamp", "SecurityToken", "ClientToken", "OwnerId", "OwnerAccount", "ResourceOwnerId", "ResourceOwnerAccount",
    };

    private static readonly string[] ResourceParameters =
        ["SecurityGroupId", "PrefixListId", "PortRangeListId", "NetworkInterfaceId", "InstanceId", "VSwitchId", "VpcId"];

    private static readonly HashSet<string> NotResourceFields = new(StringComparer.Ordinal)
        { "RequestId", "ResourceGroupId", "VRouterId", "RouteTableId" };

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var acs = context.HttpContext.Acs();
        var token = acs.Parameters.Bound("ClientToken");
        if (string.IsNullOrEmpty(token) || context.ActionDescriptor is not ControllerActionDescriptor descriptor
            || !descriptor.MethodInfo.IsDefined(typeof(AcsIdempotentAttribute), false))
        {
            await next();
            return;
        }

        if (token.Length > 64 || token.Any(c => c > 127 || char.IsControl(c)))
        {
            throw new AcsException(AcsErrors.InvalidClientTokenMalformed);
        }

        var account = context.HttpContext.AccountId();
        var action = acs.Action!;
        var fingerprint = Fingerprint(acs.Parameters);
        var ct = context.HttpContext.RequestAborted;
        await using var scope = await gate.BeginAsync(db, ct);
        var previous = await store.FindAsync(account, action, token, ct);
        if (previous is not null)
        {
            context.Result = previous.Fingerprint == fingerprint
                ? new ReplayResult(previous.ResponseJson, action + "Response")
                : throw new AcsException(AcsErrors.IdempotentParameterMismatch);
            return;
        }

        var executed = await next();
        if (executed.Exception is not null && !executed.ExceptionHandled)
        {
            return;
        }

        if (executed.Result is ObjectResult { Value: AcsResponse response })
        {
            response.RequestId = acs.RequestId;
            var json = JsonSerializer.Serialize(response, response.GetType(), AcsResponseWriter.JsonOptions);
            store.Add(new IdempotencyRecord
            {
                AccountId = account,
                Action = action,
                ClientToken = token,
                Fingerprint = fingerprint,
                ResponseJson = json,
                ResourceId = ResourceOf(json, acs.Parameters),
                CreatedAt = AcsTime.Now(clock),
            });
            await scope.CommitAsync();
            executed.Result = new ReplayResult(json, action + "Response");
        }
    }

    internal static string Fingerprint(AcsParameters parameters)
    {
        var canonical = new StringBuilder();
        foreach (var (key, value) in parameters.Values.Where(p => !NotBusiness.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            canonical.Append(key).Append('=').Append(value).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    private static string ResourceOf(string json, AcsParameters parameters)
    {
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Name.EndsWith("Id", StringComparison.Ordinal) && !NotResourceFields.Contains(property.Name)
                && property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() is { Length: > 0 } id)
            {
                return id;
            }
        }

        return ResourceParameters.Select(p => parameters[p]).FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? "";
    }

    /// <summary>A stored response: the JSON text as first sent, or its XML rendering under <c>Format=XML</c>.</summary>
    private sealed class ReplayResult(string json, string xmlRoot) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var http = context.HttpContext;
            http.Response.StatusCode = StatusCodes.Status200OK;
            if (http.Acs().Xml)
            {
                using var document = JsonDocument.Parse(json);
                http.Response.ContentType = AcsResponseWriter.XmlContentType;
                await http.Response.Body.WriteAsync(AcsXml.Render(xmlRoot, document.RootElement));
                return;
            }

            http.Response.ContentType = AcsResponseWriter.JsonContentType;
            await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(json));
        }
    }
}
