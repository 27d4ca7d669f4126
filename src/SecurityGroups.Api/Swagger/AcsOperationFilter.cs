using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using SecurityGroups.Api.Common;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SecurityGroups.Api.Swagger;

/// <summary>
/// Shapes each Action's operation for Alibaba's wire: list parameters become their flattened keys (<c>Tag.1.Key</c>,
/// <c>SecurityGroupIds.1</c>), the ignored owner parameters are hidden, and errors show an example Alibaba envelope.
/// </summary>
internal sealed class AcsOperationFilter : IOperationFilter
{
    private static readonly HashSet<string> Hidden = typeof(CommonParameters).GetProperties().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var action = AcsSwagger.AcsAction(context.ApiDescription);
        if (action is null || operation.Parameters is null)
        {
            return;
        }

        operation.Summary = $"{action.Name} ({action.Version})" + (string.IsNullOrEmpty(operation.Summary) ? "" : ": " + operation.Summary);
        var expanded = new List<IOpenApiParameter>();
        foreach (var parameter in operation.Parameters)
        {
            if (parameter.Name is null || Hidden.Contains(parameter.Name))
            {
                continue;
            }

            var elementType = context.ApiDescription.ParameterDescriptions
                .FirstOrDefault(p => p.Name == parameter.Name)?.ModelMetadata?.ElementType;
            if (parameter.Schema?.Type is not JsonSchemaType.Array || elementType is null)
            {
                expanded.Add(parameter);
                continue;
            }

            if (elementType == typeof(string))
            {
                expanded.Add(Flattened($"{parameter.Name}.1", $"{parameter.Description} First element; repeat with .2, .3, …", typeof(string)));
                continue;
            }

            foreach (var property in elementType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => !Hidden.Contains(p.Name)))
            {
                expanded.Add(Flattened($"{parameter.Name}.1.{property.Name}",
                    $"{parameter.Description} First element; repeat with {parameter.Name}.2.{property.Name}, …", property.PropertyType));
            }
        }

        operation.Parameters = expanded;
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

    private static Type? Unwrap(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>) ? type.GetGenericArguments()[0]
        : type == typeof(Task) ? null
        : type;

    private static OpenApiParameter Flattened(string name, string? description, Type type) => new()
    {
        Name = name,
        In = ParameterLocation.Query,
        Description = description,
        Schema = new OpenApiSchema { Type = SchemaType(Nullable.GetUnderlyingType(type) ?? type) },
    };

    private static JsonSchemaType SchemaType(Type type) =>
        type == typeof(int) || type == typeof(long) ? JsonSchemaType.Integer
        : type == typeof(bool) ? JsonSchemaType.Boolean
        : JsonSchemaType.String;

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
