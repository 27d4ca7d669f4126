using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Routing;

namespace SecurityGroups.Api.Acs;

/// <summary>
/// Marks a controller method as an Alibaba Action named after the method. It is served on <c>/</c> by any usual method (SDKs use GET and POST), and
/// selected when the gateway resolved that Action (from <c>x-acs-action</c> or <c>Action</c>) for the controller's product.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class AcsActionAttribute : Attribute, IRouteTemplateProvider, IActionHttpMethodProvider, IActionConstraint
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH"];

    public string Template => "/";

    public int? Order => null;

    public string? Name => null;

    public IEnumerable<string> HttpMethods => Methods;

    int IActionConstraint.Order => 0;

    public bool Accept(ActionConstraintContext context)
    {
        var acs = context.RouteContext.HttpContext.Features.Get<AcsRequestContext>();
        return acs?.Action is not null
            && context.CurrentCandidate.Action is ControllerActionDescriptor descriptor
            && string.Equals(descriptor.ActionName, acs.Action, StringComparison.Ordinal)
            && string.Equals(AcsProductAttribute.Of(descriptor)?.Version, acs.Version, StringComparison.Ordinal);
    }
}

/// <summary>The Alibaba product and API version of a controller's Actions.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class AcsProductAttribute(string product, string version) : Attribute
{
    public const string Ecs = "Ecs";
    public const string EcsVersion = "2014-05-26";
    public const string Vpc = "Vpc";
    public const string VpcVersion = "2016-04-28";

    public string Product { get; } = product;

    public string Version { get; } = version;

    /// <summary>The product as the <c>product</c> label of the request metrics: <c>ecs</c>, <c>vpc</c>.</summary>
    public string MetricLabel { get; } = product.ToLowerInvariant();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, AcsProductAttribute?> ByController = new();

    /// <summary>The product of a controller's Actions (cached: the action constraint asks on every request).</summary>
    public static AcsProductAttribute? Of(ControllerActionDescriptor descriptor) =>
        ByController.GetOrAdd(descriptor.ControllerTypeInfo, static type =>
            type.GetCustomAttributes(typeof(AcsProductAttribute), true).OfType<AcsProductAttribute>().FirstOrDefault());
}
