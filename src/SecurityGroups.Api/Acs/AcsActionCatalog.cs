using System.Collections.Frozen;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace SecurityGroups.Api.Acs;

/// <summary>Every Action the controllers serve, with its product and version; built once from MVC's action descriptors.</summary>
internal sealed class AcsActionCatalog(IActionDescriptorCollectionProvider provider)
{
    // One Action name may exist in several products (TagResources: ECS 2014-05-26 and VPC 2016-04-28).
    private readonly Lazy<FrozenDictionary<string, AcsProductAttribute[]>> _actions = new(() =>
        provider.ActionDescriptors.Items
            .OfType<ControllerActionDescriptor>()
            .Where(d => d.MethodInfo.IsDefined(typeof(AcsActionAttribute), false))
            .GroupBy(d => d.ActionName, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(d => AcsProductAttribute.Of(d)
                ?? throw new InvalidOperationException($"{d.ControllerName} has Actions but no [AcsProduct].")).Distinct().ToArray(), StringComparer.Ordinal));

    private FrozenDictionary<string, string>? _names;

    public IReadOnlyDictionary<string, AcsProductAttribute[]> Actions => _actions.Value;

    /// <summary>The product serving <paramref name="action"/> in <paramref name="version"/>, else its first product (the caller then answers InvalidVersion).</summary>
    public AcsProductAttribute? Find(string action, string? version) =>
        _actions.Value.GetValueOrDefault(action) is { } products ? products.FirstOrDefault(p => p.Version == version) ?? products[0] : null;

    /// <summary>The catalog's own string for a served Action name (the <c>action</c> label of the metrics), null for any other
    /// name: what a caller types never becomes a label.</summary>
    public string? Canonical(string action) =>
        (_names ??= _actions.Value.Keys.ToFrozenDictionary(k => k, k => k, StringComparer.Ordinal)).GetValueOrDefault(action);
}
