using System.Text.RegularExpressions;

namespace SecurityGroups.UnitTests.Architecture;

/// <summary>
/// Every address and CIDR is read by the rule engine's <c>IpCidr</c> (ADR-007): .NET's own parsers accept inet_aton forms
/// (<c>010.0.0.1</c> is 8.0.0.1), zones, brackets and ports, so they may appear nowhere else in <c>src/</c>.
/// </summary>
public sealed partial class OneAddressParserTests
{
    [GeneratedRegex(@"\b(IPAddress|IPNetwork)\s*\.\s*(Try)?Parse\s*\(")]
    private static partial Regex FrameworkParse();

    [Fact]
    public void OnlyIpCidrCallsTheFrameworkAddressParsers()
    {
        var source = Path.Combine(DependencyRulesTests.RepositoryRoot(), "src");
        var offenders = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !f.EndsWith(Path.Combine("SecurityGroups.RuleEngine", "IpCidr.cs"), StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(source, f), Line: i + 1, Text: line)))
            .Where(l => FrameworkParse().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.Empty(offenders);
    }
}
