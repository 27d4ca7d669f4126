using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Lists;

namespace SecurityGroups.Api.Lists;

/// <summary>One <c>Entry.N</c> / <c>AddEntry.N</c> of a prefix list: <c>Cidr</c> and <c>Description</c>.</summary>
public sealed class PrefixListEntryParameter
{
    public string? Cidr { get; set; }

    public string? Description { get; set; }
}

/// <summary>One <c>Entry.N</c> / <c>AddEntry.N</c> / <c>RemoveEntry.N</c> of a port range list.</summary>
public sealed class PortRangeEntryParameter
{
    public string? PortRange { get; set; }

    public string? Description { get; set; }
}

/// <summary>Conversions of list entries and the common paging bound of list Actions.</summary>
internal static class ListParameters
{
    public static IReadOnlyList<EntryInput> Entries(List<PrefixListEntryParameter>? entries) =>
        (entries ?? []).Select(e => new EntryInput(e.Cidr ?? "", e.Description)).ToList();

    public static IReadOnlyList<EntryInput> Entries(List<PortRangeEntryParameter>? entries) =>
        (entries ?? []).Select(e => new EntryInput(e.PortRange ?? "", e.Description)).ToList();

    /// <summary>MaxResults of list Actions: 1-100, default 10.</summary>
    public static int MaxResults(int? value) =>
        value is null ? 10 : value is >= 1 and <= 100 ? value.Value : throw new AcsException(AcsErrors.InvalidParameterMaxResults);
}

/// <summary>The fields every list Action names: region and list.</summary>
public abstract class ListRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }
}
