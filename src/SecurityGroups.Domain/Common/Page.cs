namespace SecurityGroups.Domain.Common;

/// <summary>One page of a listing with <c>PageNumber</c>/<c>PageSize</c> paging.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int TotalCount, int PageNumber, int PageSize);

/// <summary>
/// One page of a listing that pages either way: <c>PageNumber</c>/<c>PageSize</c> (then <see cref="TotalCount"/> and
/// <see cref="Page"/> are set) or <c>NextToken</c>/<c>MaxResults</c> (then <see cref="NextToken"/> is set while more follow).
/// </summary>
public sealed record Listing<T>(IReadOnlyList<T> Items, int? TotalCount, PageRequest? Page, string? NextToken);

/// <summary>Validated legacy paging parameters.</summary>
public readonly record struct PageRequest(int PageNumber, int PageSize)
{
    /// <summary>Rows before the page; past the last representable row a page is simply empty (no overflow).</summary>
    public int Skip => (int)Math.Min(int.MaxValue, ((long)PageNumber - 1) * PageSize);
}
