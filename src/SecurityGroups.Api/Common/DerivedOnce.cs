using System.Runtime.CompilerServices;

namespace SecurityGroups.Api.Common;

/// <summary>
/// A response part mapped from a domain result that is cached under the write version (ADR-005): mapped once per result
/// object and dropped with it, so repeated reads of an unchanged group neither re-map nor re-allocate hundreds of rules.
/// The mapped value must be immutable: every request shares it.
/// </summary>
internal static class DerivedOnce<TSource, TValue>
    where TSource : class
    where TValue : class
{
    private static readonly ConditionalWeakTable<TSource, TValue> Values = new();

    public static TValue Get(TSource source, Func<TSource, TValue> derive) =>
        Values.TryGetValue(source, out var value) ? value : Values.GetValue(source, s => derive(s));
}
