using System.Globalization;

namespace SecurityGroups.RuleEngine;

/// <summary>
/// A port range as Alibaba writes it: <c>start/end</c> with 1 ≤ start ≤ end ≤ 65535, or <c>-1/-1</c> (no ports: ICMP,
/// GRE, ALL). <see cref="Any"/> matches every port.
/// </summary>
public readonly record struct PortRange(int From, int To)
{
    public static readonly PortRange Any = new(-1, -1);

    public bool IsAny => From == -1 && To == -1;

    public static bool TryParse(string? text, out PortRange range)
    {
        range = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !TryPort(text.AsSpan(0, slash), out var from) || !TryPort(text.AsSpan(slash + 1), out var to))
        {
            return false;
        }

        if (from == -1 && to == -1)
        {
            range = Any;
            return true;
        }

        if (from < 1 || to > 65535 || from > to)
        {
            return false;
        }

        range = new PortRange(from, to);
        return true;
    }

    public bool Contains(int port) => IsAny || (port >= From && port <= To);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{From}/{To}");

    private static bool TryPort(ReadOnlySpan<char> text, out int port)
    {
        port = 0;
        if (text is "-1")
        {
            port = -1;
            return true;
        }

        return text.Length is > 0 and <= 5 && !text.ContainsAnyExcept("0123456789")
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port);
    }
}
