using SecurityGroups.Api.Common;

namespace SecurityGroups.Api.WebConsole;

/// <summary>What a console form field means as an Action parameter.</summary>
internal static class ConsoleForms
{
    /// <summary>An empty field is an absent parameter (as an unset query parameter is on the wire).</summary>
    public static string? Value(string? field) => string.IsNullOrWhiteSpace(field) ? null : field.Trim();

    /// <summary><c>key=value</c> (or just <c>key</c>) as one <c>Tag.N</c>.</summary>
    public static TagParameter? Tag(string? field)
    {
        if (Value(field) is not { } text)
        {
            return null;
        }

        var eq = text.IndexOf('=', StringComparison.Ordinal);
        return eq < 0 ? new TagParameter { Key = text } : new TagParameter { Key = text[..eq], Value = text[(eq + 1)..] };
    }
}
