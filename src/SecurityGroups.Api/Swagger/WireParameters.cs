using System.Collections;
using System.Reflection;
using SecurityGroups.Api.Common;

namespace SecurityGroups.Api.Swagger;

/// <summary>
/// Every parameter a request model binds, under its name on the wire, found by reflection: scalars by name
/// (<c>RegionId</c>), objects by dotted path (<c>SystemDisk.Category</c>), lists by their first flattened key
/// (<c>SecurityGroupIds.1</c>, <c>Tag.1.Key</c>, <c>TagFilter.1.TagValues.1</c>). The owner parameters every Action accepts
/// and ignores are left out. A property added to a request model appears in Swagger without any other edit.
/// </summary>
internal static class WireParameters
{
    private const int MaxDepth = 4;

    internal static readonly HashSet<string> Ignored = typeof(CommonParameters).GetProperties().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>One wire parameter: its name, its scalar type, the top-level property it belongs to, and the list it is an item of (if any).</summary>
    internal sealed record WireParameter(string Name, Type Type, PropertyInfo TopLevel, string? ListName);

    public static IReadOnlyList<WireParameter> Of(Type model)
    {
        var found = new List<WireParameter>();
        foreach (var property in Properties(model))
        {
            Walk(property, property.Name, property, null, found, 0);
        }

        return found;
    }

    private static void Walk(PropertyInfo property, string name, PropertyInfo topLevel, string? listName, List<WireParameter> found, int depth)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (IsScalar(type))
        {
            found.Add(new WireParameter(name, type, topLevel, listName));
            return;
        }

        if (depth >= MaxDepth)
        {
            return;
        }

        if (ItemType(type) is { } item)
        {
            item = Nullable.GetUnderlyingType(item) ?? item;
            var first = name + ".1";
            if (IsScalar(item))
            {
                found.Add(new WireParameter(first, item, topLevel, listName ?? name));
                return;
            }

            foreach (var child in Properties(item))
            {
                Walk(child, $"{first}.{child.Name}", topLevel, listName ?? name, found, depth + 1);
            }

            return;
        }

        foreach (var child in Properties(type))
        {
            Walk(child, $"{name}.{child.Name}", topLevel, listName, found, depth + 1);
        }
    }

    /// <summary>A base class's properties before a derived one's (reflection lists the derived first), each in declaration order.</summary>
    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.SetMethod is not null && !Ignored.Contains(p.Name))
            .OrderBy(p => Depth(p.DeclaringType));

    private static int Depth(Type? type) => type is null ? 0 : 1 + Depth(type.BaseType);

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(DateTimeOffset);

    private static Type? ItemType(Type type) =>
        type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type) ? null
        : type.IsArray ? type.GetElementType()
        : type.IsGenericType ? type.GetGenericArguments()[0]
        : typeof(string);
}
