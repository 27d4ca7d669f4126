using System.Globalization;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Domain.Instances;

/// <summary>DescribeInstances' <c>NextToken</c>: the last listed instance's place in creation order (its creation time in ticks
/// and its ID), opaque to the client.</summary>
public sealed record InstancePosition(DateTime CreatedAt, string InstanceId)
{
    private const string Kind = "i";

    public static string Encode(Instance last) =>
        PageTokens.Encode(Kind, last.CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture) + "|" + last.InstanceId);

    /// <summary>The position a token names; <c>InvalidParameter.NextToken</c> for anything that is not one.</summary>
    public static InstancePosition Decode(string token)
    {
        var text = PageTokens.Decode(Kind, token);
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        return bar > 0 && bar < text.Length - 1
            && long.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTime.MaxValue.Ticks
            ? new InstancePosition(new DateTime(ticks, DateTimeKind.Utc), text[(bar + 1)..])
            : throw new AcsException(AcsErrors.InvalidParameterNextToken);
    }
}
