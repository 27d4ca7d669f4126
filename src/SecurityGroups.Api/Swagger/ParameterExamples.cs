using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace SecurityGroups.Api.Swagger;

/// <summary>
/// Swagger UI pre-fills every parameter that has an example, and "Try it out" sends it. An example that names a resource
/// (<c>vpc-…</c>, <c>sg-…</c>, a resource group) would be an ID the caller does not have: such examples are moved into the
/// description (shown, never sent). Examples of what every caller has stay pre-filled: regions and zones of the
/// catalogue, images, and every non-ID value (CIDR blocks, ports, names).
/// </summary>
internal static class ParameterExamples
{
    public static void Apply(OpenApiParameter parameter)
    {
        if (parameter.Name is null || !NamesOwnResource(parameter.Name))
        {
            return;
        }

        var schema = parameter.Schema as OpenApiSchema;
#pragma warning disable CS0618 // Swashbuckle still writes an XML <example> to the schema's Example, which Swagger UI pre-fills too
        var example = parameter.Example ?? schema?.Example;
        if (schema is not null)
        {
            schema.Example = null;
        }
#pragma warning restore CS0618
        parameter.Example = null;
        schema?.Examples?.Clear();

        if (example is not null && example.GetValueKind() != JsonValueKind.Null)
        {
            parameter.Description = $"{parameter.Description} For example `{Text(example)}` (an ID of yours: not pre-filled).".TrimStart();
        }
    }

    /// <summary>An ID of something the caller creates: the name (its last segment, flattened indexes dropped) ends in Id or Ids and is not a region, zone or image.</summary>
    public static bool NamesOwnResource(string name)
    {
        var leaf = name.Split('.').Last(s => !s.All(char.IsAsciiDigit));
        return (leaf.EndsWith("Id", StringComparison.Ordinal) || leaf.EndsWith("Ids", StringComparison.Ordinal))
            && !leaf.EndsWith("RegionId", StringComparison.Ordinal) && !leaf.EndsWith("ZoneId", StringComparison.Ordinal)
            && leaf != "ImageId";
    }

    private static string Text(JsonNode example) => example.GetValueKind() == JsonValueKind.String ? example.GetValue<string>() : example.ToJsonString();
}
