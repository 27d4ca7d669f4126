using SecurityGroups.Api.Acs;
using SecurityGroups.Domain.Common;

namespace SecurityGroups.Api.Common;

/// <summary>A response with legacy paging fields: <c>PageNumber</c>, <c>PageSize</c>, <c>TotalCount</c> (the list is the derived type's).</summary>
public abstract class PagedResponse<TItem>(Page<TItem> page) : AcsResponse
{
    public int PageNumber { get; } = page.PageNumber;

    public int PageSize { get; } = page.PageSize;

    public int TotalCount { get; } = page.TotalCount;
}
