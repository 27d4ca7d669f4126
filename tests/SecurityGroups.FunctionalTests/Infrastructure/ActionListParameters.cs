using System.Collections;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;

namespace SecurityGroups.FunctionalTests.Infrastructure;

/// <summary>
/// One flattened list parameter of one Action: <see cref="WireName"/> is its name as documented (<c>Permissions</c>,
/// <c>TagFilter.1.TagValues</c>), <see cref="ItemKey"/> the key of its N-th item (<c>Permissions.{0}.IpProtocol</c>), and
/// <see cref="ScalarFields"/> the names of the request model's top-level parameters that are not lists.
/// </summary>
public sealed record ActionListParameter(string Action, string Version, string WireName, string ItemKey, IReadOnlySet<string> ScalarFields)
{
    /// <summary>True when another API version serves an Action of the same name (TagResources: ECS and VPC); its key then names the VPC version.</summary>
    public bool SharedName { get; init; }

    public override string ToString() => SharedName && Version == "2016-04-28" ? $"{Action} {WireName} (VPC)" : $"{Action} {WireName}";
}

/// <summary>
/// Every list parameter of every Action, found by reflection: the controller methods marked <c>[AcsAction]</c>, the
/// request model each binds from the query, and every collection property of it (and lists inside list items). A new
/// Action or list is found without touching the tests.
/// </summary>
public static class ActionListParameters
{
    /// <summary>Which field of a list item is set, in order of preference (else the item's first string property).</summary>
    private static readonly string[] PreferredItemFields = ["Key", "IpProtocol", "Cidr", "PortRange", "TagKey"];

    public static IReadOnlyList<ActionListParameter> All { get; } = Discover();

    private static List<ActionListParameter> Discover()
    {
        var found = new List<ActionListParameter>();
        foreach (var controller in typeof(Program).Assembly.GetTypes())
        {
            var product = controller.GetCustomAttribute<AcsProductAttribute>();
            if (product is null)
            {
                continue;
            }

            foreach (var method in controller.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.IsDefined(typeof(AcsActionAttribute), false)))
            {
                foreach (var parameter in method.GetParameters().Where(p => p.IsDefined(typeof(FromQueryAttribute), false)))
                {
                    var scalars = Properties(parameter.ParameterType).Where(p => ItemType(p.PropertyType) is null).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                    Walk(parameter.ParameterType, "", method.Name, product.Version, scalars, found, depth: 0);
                }
            }
        }

        var shared = found.GroupBy(p => p.Action, StringComparer.Ordinal).Where(g => g.Select(p => p.Version).Distinct().Count() > 1)
            .Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return [.. found.Select(p => shared.Contains(p.Action) ? p with { SharedName = true } : p)
            .OrderBy(p => p.Action, StringComparer.Ordinal).ThenBy(p => p.Version, StringComparer.Ordinal).ThenBy(p => p.WireName, StringComparer.Ordinal)];
    }

    private static void Walk(Type model, string prefix, string action, string version, IReadOnlySet<string> scalars, List<ActionListParameter> found, int depth)
    {
        if (depth > 4)
        {
            return;
        }

        foreach (var property in Properties(model))
        {
            var item = ItemType(property.PropertyType);
            if (item is null)
            {
                continue;
            }

            var wire = prefix + property.Name;
            if (item == typeof(string) || item.IsPrimitive || Nullable.GetUnderlyingType(item) is not null)
            {
                found.Add(new ActionListParameter(action, version, wire, wire + ".{0}", scalars));
                continue;
            }

            var fields = Properties(item).Where(p => p.PropertyType == typeof(string)).Select(p => p.Name).ToList();
            var field = PreferredItemFields.FirstOrDefault(fields.Contains) ?? fields.First();
            found.Add(new ActionListParameter(action, version, wire, wire + ".{0}." + field, scalars));
            Walk(item, wire + ".1.", action, version, scalars, found, depth + 1);
        }
    }

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null);

    private static Type? ItemType(Type type)
    {
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        return type.IsArray ? type.GetElementType() : type.IsGenericType ? type.GetGenericArguments()[0] : typeof(object);
    }
}
