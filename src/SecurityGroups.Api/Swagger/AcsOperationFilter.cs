using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SecurityGroups.Api.Swagger;

/// <summary>Describes each Action's operation: its Alibaba name, and its error responses in the Alibaba envelope.</summary>
internal sealed class AcsOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var action = AcsSwagger.AcsAction(context.ApiDescription);
        if (action is null)
        {
            return;
        }

        operation.Summary = $"{action.Name} ({action.Version})" + (string.IsNullOrEmpty(operation.Summary) ? "" : ": " + operation.Summary);
    }
}
