using System.Reflection;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.OpenApi;
using SecurityGroups.Api.Acs;

namespace SecurityGroups.Api.Swagger;

/// <summary>
/// Swagger for an RPC API: every Action is its own path item <c>/?Action=X&amp;Version=V</c> (Swagger UI's request builder
/// merges that query with the operation's parameters, so "Try it out" works). Describe/List Actions are documented as
/// GET, the others as POST; both methods work on the wire.
/// </summary>
internal static class AcsSwagger
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddAcsSwagger(this IServiceCollection services) =>
        services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "SecurityGroups: Alibaba Cloud ECS security-group emulator",
                Version = "v1",
                Description = "Alibaba RPC Actions on path / (ECS 2014-05-26, VPC 2016-04-28) and the emulator's own endpoints under /_emulator/. "
                    + "Unsigned requests act as the default account (Auth:Mode Relaxed). Errors use Alibaba's envelope "
                    + "{RequestId, HostId, Code, Message, Recommend}.",
            });
            swagger.SwaggerGeneratorOptions.PathGroupSelector = description =>
                AcsAction(description) is { } action ? $"?Action={action.Name}&Version={action.Version}" : description.RelativePath ?? "";
            swagger.DocInclusionPredicate((_, description) =>
                AcsAction(description) is not { } action || string.Equals(description.HttpMethod, action.DocumentedMethod, StringComparison.OrdinalIgnoreCase));
            swagger.CustomOperationIds(description => AcsAction(description) is { } action
                ? action.Version == AcsProductAttribute.VpcVersion && action.Name is "TagResources" or "ListTagResources" or "DescribeRegions" or "DescribeZones" ? "Vpc" + action.Name : action.Name
                : (description.ActionDescriptor as ControllerActionDescriptor)?.ActionName);
            swagger.TagActionsBy(description => [WorkflowTags.TagOf(description)]);
            swagger.OrderActionsBy(WorkflowTags.SortKey);
            var xml = Path.Combine(AppContext.BaseDirectory, "SecurityGroups.Api.xml");
            if (File.Exists(xml))
            {
                swagger.IncludeXmlComments(xml);
            }

            // After the XML comments' filters, so what they set (descriptions, examples) is there to be shaped.
            swagger.OperationFilter<AcsOperationFilter>();
            swagger.OperationFilter<EmulatorOperationFilter>();
            swagger.DocumentFilter<WorkflowTags>();
        });

    public static WebApplication UseAcsSwagger(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(ui =>
        {
            ui.SwaggerEndpoint($"/swagger/{DocumentName}/swagger.json", "SecurityGroups v1");
            ui.DocumentTitle = "SecurityGroups emulator";
            ui.EnableTryItOutByDefault();
            ui.DisplayOperationId();
        });
        return app;
    }

    internal sealed record AcsActionInfo(string Name, string Version, string DocumentedMethod);

    internal static AcsActionInfo? AcsAction(ApiDescription description)
    {
        if (description.ActionDescriptor is not ControllerActionDescriptor descriptor || !descriptor.MethodInfo.IsDefined(typeof(AcsActionAttribute)))
        {
            return null;
        }

        var name = descriptor.ActionName;
        var read = name.StartsWith("Describe", StringComparison.Ordinal) || name.StartsWith("List", StringComparison.Ordinal);
        return new AcsActionInfo(name, AcsProductAttribute.Of(descriptor)?.Version ?? "", read ? "GET" : "POST");
    }
}
