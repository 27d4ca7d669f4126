using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;

namespace SecurityGroups.Api.Acs;

/// <summary>
/// Supplies the gateway's merged parameters (query and form) to MVC binding as the Query source, with flattened list
/// keys translated by <see cref="FlattenedKeys"/>. It replaces MVC's own query and form providers.
/// </summary>
internal sealed class AcsValueProviderFactory : IValueProviderFactory
{
    public Task CreateValueProviderAsync(ValueProviderFactoryContext context)
    {
        var acs = context.ActionContext.HttpContext.Features.Get<AcsRequestContext>();
        if (acs is not null && acs.Parameters.Values.Count > 0)
        {
            // MVC binds "request.X" to a parameter named request when any such key exists: such names are not wire names.
            var modelNames = context.ActionContext.ActionDescriptor.Parameters
                .Where(p => p.BindingInfo?.BinderModelName is null).Select(p => p.Name).ToList();
            var keys = FlattenedKeys.ToBindingKeys(acs.Parameters.Values, modelNames);
            var store = keys.ToDictionary(k => k.Key, k => new StringValues(k.Value), StringComparer.OrdinalIgnoreCase);
            context.ValueProviders.Add(new QueryStringValueProvider(BindingSource.Query, new QueryCollection(store), CultureInfo.InvariantCulture));
        }

        return Task.CompletedTask;
    }
}
