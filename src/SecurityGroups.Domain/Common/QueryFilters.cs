using System.Linq.Expressions;

namespace SecurityGroups.Domain.Common;

/// <summary>The optional filters of the Describe* Actions, as one query.</summary>
public static class QueryFilters
{
    /// <summary>
    /// The query narrowed by <paramref name="predicate"/> when <paramref name="given"/> (a filter the caller set), else as it
    /// is: <c>q.WhereIf(!string.IsNullOrEmpty(query.VpcId), g =&gt; g.VpcId == query.VpcId)</c>. The predicate goes to the
    /// database as a <c>Where</c> would; when the filter is not given it is not part of the SQL at all.
    /// </summary>
    public static IQueryable<T> WhereIf<T>(this IQueryable<T> source, bool given, Expression<Func<T, bool>> predicate) =>
        given ? source.Where(predicate) : source;
}
