namespace SecurityGroups.Domain.Common;

/// <summary>One page of a listing with <c>PageNumber</c>/<c>PageSize</c> paging.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int TotalCount, int PageNumber, int PageSize);

/// <summary>Validated legacy paging parameters.</summary>
public readonly record struct PageRequest(int PageNumber, int PageSize)
{
    public int Skip => (PageNumber - 1) * PageSize;
}
