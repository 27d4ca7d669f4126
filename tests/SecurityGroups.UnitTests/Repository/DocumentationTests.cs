using System.Text.RegularExpressions;
using SecurityGroups.UnitTests.Architecture;

namespace SecurityGroups.UnitTests.Repository;

/// <summary>The documentation stands alone: every file it links to is in the repository, and it names no file outside it.</summary>
public sealed partial class DocumentationTests
{
    private static readonly string Root = DependencyRulesTests.RepositoryRoot();

    public static TheoryData<string> Documents() =>
        [.. new[] { Path.Combine(Root, "README.md") }.Concat(Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(Root, f))];

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryRelativeLink_IsAFileOfTheRepository(string document)
    {
        var folder = Path.GetDirectoryName(Path.Combine(Root, document))!;
        foreach (Match link in Link().Matches(File.ReadAllText(Path.Combine(Root, document))))
        {
            var target = link.Groups[1].Value.Split('#')[0];
            if (target.Length == 0 || target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var full = Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(target)));
            Assert.True(full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal), $"{document} links outside the repository: {target}");
            Assert.True(File.Exists(full) || Directory.Exists(full), $"{document} links to a missing file: {target}");
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void NamesNoFileOutsideTheRepository(string document)
    {
        var text = File.ReadAllText(Path.Combine(Root, document));
        // The workspace this project was written in (its shared references and briefs) is not part of the repository.
        foreach (var outside in new[] { "/work/", "shared/reference", "PRODUCT.md", "HELPERS", "alibaba-wire.md", "alibaba-semantics.md", "style-anchors.md" })
        {
            Assert.DoesNotContain(outside, text, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();
}
