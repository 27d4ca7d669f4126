using System.Collections.Frozen;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace SecurityGroups.Api.Acs;

/// <summary>Every Action the controllers serve, with its product and version; built once from MVC's action descriptors.</summary>
internal sealed class AcsActionCatalog(IActionDescriptorCollectionProvider provider)
{
    private readonly Lazy<FrozenDictionary<string, AcsProductAttribute>> _actions = new(() =>
        provider.ActionDescriptors.Items
            .OfType<ControllerActionDescriptor>()
            .Where(d => d.MethodInfo.IsDefined(typeof(AcsActionAttribute), false))
            .ToFrozenDictionary(d => d.ActionName, d => AcsProductAttribute.Of(d)
                ?? throw new InvalidOperationException($"{d.ControllerName} has Actions but no [AcsProduct]."), StringComparer.Ordinal));

    public IReadOnlyDictionary<string, AcsProductAttribute> Actions => _actions.Value;

    public AcsProductAttribute? Find(string action) => _actions.Value.GetValueOrDefault(action);
}
