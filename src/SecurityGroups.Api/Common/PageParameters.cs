using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Api.Common;

/// <summary>Legacy paging (<c>PageNumber</c> from 1, <c>PageSize</c> from 1 to the Action's maximum, default 10).</summary>
public static class PageParameters
{
    public const int DefaultPageSize = 10;

    public static PageRequest From(int? pageNumber, int? pageSize, int maxPageSize)
    {
        if (pageNumber is < 1)
        {
            throw new AcsException(AcsErrors.InvalidPageNumberMalformed);
        }

        if (pageSize is < 1 || pageSize > maxPageSize)
        {
            throw new AcsException(AcsErrors.InvalidPageSizeMalformed);
        }

        return new PageRequest(pageNumber ?? 1, pageSize ?? DefaultPageSize);
    }

    /// <summary>Splits a comma-separated ID list (<c>VpcId=vpc-a,vpc-b</c>), dropping blanks.</summary>
    public static IReadOnlyList<string> SplitIds(string? ids) =>
        string.IsNullOrWhiteSpace(ids) ? [] : ids.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
