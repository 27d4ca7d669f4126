using System.Globalization;

namespace SecurityGroups.Api.Common;

/// <summary>
/// One <c>Filter.N</c> of DescribeInstances / DescribeDisks / DescribeImages: <c>Filter.N.Key</c> and <c>Filter.N.Value</c>.
/// The keys Alibaba defines bound the creation time: <c>CreationStartTime</c> (created at or after) and <c>CreationEndTime</c>
/// (created at or before), the value in UTC as <c>yyyy-MM-ddTHH:mmZ</c> (or with seconds); other keys have no effect.
/// </summary>
public sealed class FilterParameter
{
    public const string CreationStartTime = "CreationStartTime";
    public const string CreationEndTime = "CreationEndTime";

    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'"];

    public string? Key { get; set; }

    public string? Value { get; set; }

    /// <summary>Whether every creation-time filter holds a time (a malformed one is <c>InvalidParameter</c>).</summary>
    public static bool AreValid(List<FilterParameter>? filters) =>
        filters is null || filters.All(f => f is null || f.Key is not (CreationStartTime or CreationEndTime) || TryTime(f.Value, out _));

    /// <summary>The time of the (last) filter with <paramref name="key"/>, or null when there is none.</summary>
    public static DateTime? Time(List<FilterParameter>? filters, string key) =>
        filters?.LastOrDefault(f => f?.Key == key) is { } filter && TryTime(filter.Value, out var time) ? time : null;

    private static bool TryTime(string? value, out DateTime utc) =>
        DateTime.TryParseExact(value, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out utc);
}
