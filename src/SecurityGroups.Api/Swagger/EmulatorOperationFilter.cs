using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SecurityGroups.Api.Swagger;

/// <summary>
/// The emulator's own endpoints: the request bodies of <see cref="RequestExampleAttribute"/> (declaring the body when the
/// endpoint reads it itself, as the rule import does), and a status answered with several shapes (evaluate: one packet
/// or a batch) documented as <c>oneOf</c> those shapes, and a pre-filled, required <c>RegionId</c>.
/// </summary>
internal sealed class EmulatorOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (AcsSwagger.AcsAction(context.ApiDescription) is not null)
        {
            return;
        }

        // Every emulator endpoint that takes a RegionId parameter needs it; the catalogue's first region is pre-filled.
        foreach (var region in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.Name == "RegionId"))
        {
            region.Required = true;
            region.Example = JsonValue.Create("cn-hangzhou");
        }

        var examples = context.MethodInfo.GetCustomAttributes<RequestExampleAttribute>().ToList();
        if (examples.Count > 0)
        {
            operation.RequestBody ??= new OpenApiRequestBody { Required = true };
            var body = (OpenApiRequestBody)operation.RequestBody;
            body.Content ??= new Dictionary<string, IOpenApiMediaType>();
            foreach (var other in body.Content.Keys.Where(k => examples.All(e => e.ContentType != k)).ToList())
            {
                body.Content.Remove(other); // text/json, application/*+json: one pre-filled body per type is clearer
            }

            foreach (var example in examples)
            {
                var json = example.ContentType.Contains("json", StringComparison.Ordinal);
                var media = body.Content.TryGetValue(example.ContentType, out var existing) && existing is OpenApiMediaType m ? m
                    : new OpenApiMediaType { Schema = new OpenApiSchema { Type = json ? JsonSchemaType.Object : JsonSchemaType.String } };
                media.Example = json ? JsonNode.Parse(example.Body) : JsonValue.Create(example.Body);
                body.Content[example.ContentType] = media;
            }
        }

        foreach (var group in context.MethodInfo.GetCustomAttributes<ProducesResponseTypeAttribute>(true).GroupBy(a => a.StatusCode).Where(g => g.Count() > 1))
        {
            if (operation.Responses?.TryGetValue(group.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response) != true
                || response?.Content is null)
            {
                continue;
            }

            var oneOf = new OpenApiSchema
            {
                OneOf = [.. group.Select(a => context.SchemaGenerator.GenerateSchema(a.Type, context.SchemaRepository))],
            };
            foreach (var media in response.Content.Values.OfType<OpenApiMediaType>())
            {
                media.Schema = oneOf;
            }
        }
    }
}
