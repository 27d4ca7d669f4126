namespace SecurityGroups.Api.WebConsole;

/// <summary>Every console page and query is a URL: <c>/console/{region}/{section}[/{id}]?query</c>.</summary>
internal static class ConsoleLinks
{
    public const string DefaultRegion = "cn-hangzhou";

    public static readonly string[] Sections = ["security-groups", "lists", "why", "matrix", "exposure", "graph", "findings", "snapshots"];

    public static string Section(string region, string? section) =>
        $"/console/{Uri.EscapeDataString(region)}/{(section is not null && Sections.Contains(section) ? section : Sections[0])}";

    public static string Group(string region, string groupId, string? direction = null) =>
        Section(region, "security-groups") + "/" + Uri.EscapeDataString(groupId) + (direction is null ? "" : "?direction=" + direction);

    /// <summary>A URL with its query: empty values are left out, so a link is as short as the question it asks.</summary>
    public static string With(string path, params (string Key, string? Value)[] query)
    {
        var parts = query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value!)).ToList();
        return parts.Count == 0 ? path : path + "?" + string.Join("&", parts);
    }

    /// <summary>Only a path inside the console may be returned to (no open redirect).</summary>
    public static string Local(string? returnUrl) =>
        returnUrl is not null && returnUrl.StartsWith("/console", StringComparison.Ordinal) && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.Contains('\\', StringComparison.Ordinal)
            ? returnUrl
            : "/console";
}
