namespace SecurityGroups.Api.Common;

/// <summary>One <c>Filter.N</c> of DescribeDisks / DescribeImages: <c>Filter.N.Key</c> and <c>Filter.N.Value</c>.</summary>
public sealed class FilterParameter
{
    public string? Key { get; set; }

    public string? Value { get; set; }
}
