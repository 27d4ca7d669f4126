using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using SecurityGroups.Api.Common;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SecurityGroups.Api.Swagger;

/// <summary>
/// Shapes each Action's operation for Alibaba's wire: its parameters are exactly the request model's, under their wire
/// names (<see cref="WireParameters"/>: <c>Tag.1.Key</c>, <c>SecurityGroupIds.1</c>, <c>SystemDisk.Category</c>), those its
/// validator always requires are marked required (<see cref="ValidatorRequirements"/>), examples that would name a resource
/// the caller does not have are shown in the description instead of being pre-filled (<see cref="ParameterExamples"/>), and
/// errors show an example Alibaba envelope.
/// </summary>
internal sealed class AcsOperationFilter(IServiceProvider services) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var action = AcsSwagger.AcsAction(context.ApiDescription);
        if (action is null)
        {
            return;
        }

        var model = context.MethodInfo.GetParameters().FirstOrDefault(p => p.IsDefined(typeof(FromQueryAttribute), false))?.ParameterType;
        if (model is not null)
        {
            operation.Parameters = Parameters(model, operation.Parameters ?? [], context);
        }

        operation.Responses ??= [];
        if (!operation.Responses.ContainsKey("200") && Unwrap(context.MethodInfo.ReturnType) is { } success)
        {
            var schema = context.SchemaGenerator.GenerateSchema(success, context.SchemaRepository);
            operation.Responses["200"] = new OpenApiResponse
            {
                Description = "Success: RequestId and the Action's fields.",
                Content = new Dictionary<string, IOpenApiMediaType>
                {
                    ["application/json"] = new OpenApiMediaType { Schema = schema },
                    ["text/xml"] = new OpenApiMediaType { Schema = schema },
                },
            };
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (status.StartsWith('4') && response.Content is not null)
            {
                foreach (var media in response.Content.Values.OfType<OpenApiMediaType>())
                {
                    media.Example = ErrorExample(status, action.Version == "2016-04-28" ? "Vpc" : "Ecs");
                }
            }
        }
    }

    /// <summary>The model's wire parameters in declaration order, reusing what Swashbuckle made of a top-level property (its description and example).</summary>
    private List<IOpenApiParameter> Parameters(Type model, IList<IOpenApiParameter> generated, OperationFilterContext context)
    {
        var byName = generated.Where(p => p.Name is not null).GroupBy(p => p.Name!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var required = ValidatorRequirements.Of(services, model);
        var parameters = new List<IOpenApiParameter>();
        foreach (var wire in WireParameters.Of(model))
        {
            var parameter = byName.TryGetValue(wire.Name, out var own) && wire.ListName is null && own is OpenApiParameter ownParameter
                ? ownParameter
                : Flattened(wire, byName.GetValueOrDefault(wire.ListName ?? wire.TopLevel.Name)?.Description, context);
            parameter.Name = wire.Name;
            parameter.In = ParameterLocation.Query;
            // A required list of values needs its first element (InstanceId.1).
            var topLevel = wire.Name == wire.TopLevel.Name || wire.Name == wire.TopLevel.Name + ".1";
            // a field of a nested object (not a list) the validator requires by its dotted name: PrivatePoolOptions.MatchCriteria
            parameter.Required = (topLevel && required.Always.Contains(wire.TopLevel.Name)) || (wire.ListName is null && required.Always.Contains(wire.Name));
            var unless = wire.TopLevel.GetCustomAttributes(typeof(RequiredUnlessAttribute), true).OfType<RequiredUnlessAttribute>().FirstOrDefault();
            var condition = !topLevel ? (wire.ListName == wire.TopLevel.Name && wire.Name.StartsWith(wire.ListName + ".1.", StringComparison.Ordinal)
                    && required.Always.Contains(wire.ListName) ? $"at least one {wire.ListName}.N is required" : null) // a required list of objects
                : unless is not null ? $"{unless.Other} is not given"
                : required.Conditional.Contains(wire.TopLevel.Name) ? "see the description"
                : null;
            if (condition is not null)
            {
                parameter.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                parameter.Extensions[ValidatorRequirements.ConditionalExtension] = new JsonNodeExtension(JsonValue.Create(condition));
            }

            ParameterExamples.Apply(parameter);
            parameters.Add(parameter);
        }

        return parameters;
    }

    private static OpenApiParameter Flattened(WireParameters.WireParameter wire, string? description, OperationFilterContext context) => new()
    {
        Name = wire.Name,
        In = ParameterLocation.Query,
        Description = wire.ListName is null ? description
            : $"{description} First element; repeat with {wire.ListName}.2{wire.Name[(wire.ListName.Length + 2)..]}, …".TrimStart(),
        Schema = context.SchemaGenerator.GenerateSchema(wire.Type, context.SchemaRepository),
    };

    private static Type? Unwrap(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>) ? type.GetGenericArguments()[0]
        : type == typeof(Task) ? null
        : type;

    private static JsonNode ErrorExample(string status, string product)
    {
        const string requestId = "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E";
        var (code, message) = status switch
        {
            "404" => ("InvalidRegionId.NotFound", "The specified RegionId does not exist."),
            "403" => ("Forbidden.RAM", "User not authorized to operate on the specified resource, or this API doesn't support RAM."),
            _ => ("MissingParameter", "The input parameter \"RegionId\" that is mandatory for processing this request is not supplied."),
        };
        return new JsonObject
        {
            ["RequestId"] = requestId,
            ["HostId"] = "127.0.0.1:8080",
            ["Code"] = code,
            ["Message"] = message,
            ["Recommend"] = $"https://api.aliyun.com/troubleshoot?q={code}&product={product}&requestId={requestId}",
        };
    }
}
