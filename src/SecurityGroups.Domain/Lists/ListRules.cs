using System.Globalization;
using SecurityGroups.Domain.Common;
using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.SecurityGroups;

namespace SecurityGroups.Domain.Lists;

/// <summary>Rules shared by prefix lists and port lists: names, descriptions, offset paging.</summary>
internal static class ListRules
{
    private static readonly string[] ForbiddenPrefixes = ["http://", "https://", "com.aliyun", "com.alibabacloud"];

    /// <summary>2-128 characters, starting with a letter; letters, digits, <c>: _ . -</c>; none of the reserved prefixes.</summary>
    public static bool IsValidName(string? name) =>
        name is { Length: >= 2 and <= 128 } && char.IsLetter(name[0])
        && name.All(c => char.IsLetterOrDigit(c) || c is ':' or '_' or '.' or '-')
        && !ForbiddenPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    public static bool IsValidDescription(string? text, int min, int max) =>
        text is null || (text.Length >= min && text.Length <= max && !text.Any(char.IsControl)
            && !text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    public static int Offset(string kind, string? token) =>
        string.IsNullOrEmpty(token) ? 0
        : int.TryParse(PageTokens.Decode(kind, token), NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset
        : throw new AcsException(AcsErrors.InvalidParameterNextToken);

    public static ListPage<T> Page<T>(string kind, List<T> window, int offset, int size) =>
        window.Count > size
            ? new ListPage<T>(window.GetRange(0, size), PageTokens.Encode(kind, (offset + size).ToString(CultureInfo.InvariantCulture)))
            : new ListPage<T>(window, null);

    /// <summary>One page of the groups whose rules are in <paramref name="referencing"/> (the rules that use one list), by group ID.</summary>
    public static async Task<ListPage<ListAssociation>> AssociatedGroupsAsync(IQueryable<SecurityGroupRule> referencing, string kind, int offset, int maxResults,
        CancellationToken ct)
    {
        var window = await referencing.Select(r => r.SecurityGroupId).Distinct().OrderBy(id => id).Skip(offset).Take(maxResults + 1)
            .ToListAsync(ct).ConfigureAwait(false);
        var page = Page(kind, window, offset, maxResults);
        return new ListPage<ListAssociation>(page.Items.Select(id => new ListAssociation(id, SecurityGroupService.ResourceType)).ToList(), page.NextToken);
    }
}
