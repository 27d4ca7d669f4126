using System.Text.RegularExpressions;
using SecurityGroups.UnitTests.Architecture;

namespace SecurityGroups.UnitTests.Repository;

/// <summary>The Docker files agree with each other and keep local state out of the build context.</summary>
public sealed partial class DockerFilesTests
{
    private static readonly string Root = DependencyRulesTests.RepositoryRoot();

    private static string Read(string file) => File.ReadAllText(Path.Combine(Root, file));

    [Fact]
    public void DockerIgnore_KeepsLocalDataBuildOutputAndTestOutputOut()
    {
        var ignored = Read(".dockerignore").Split('\n').Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        foreach (var pattern in new[] { "**/bin/", "**/obj/", "**/data/", "**/*.db", "**/node_modules/", ".test-artifacts/", ".git/" })
        {
            Assert.Contains(pattern, ignored);
        }
    }

    [Fact]
    public void ComposeVolume_IsTheOneTheDocumentedDockerRunUses()
    {
        var compose = Read("docker-compose.yml");
        var named = ComposeVolumeName().Match(compose);
        Assert.True(named.Success, "docker-compose.yml names its volume (name: ...), else Compose prefixes it with the project name");
        var volume = named.Groups[1].Value;
        Assert.Contains($"- {volume}:/app/data", compose, StringComparison.Ordinal);
        foreach (var file in new[] { "Dockerfile", "README.md" })
        {
            var runs = DockerRunVolume().Matches(Read(file)).Select(m => m.Groups[1].Value).ToList();
            Assert.NotEmpty(runs);
            Assert.All(runs, v => Assert.Equal(volume, v));
        }
    }

    [Fact]
    public void HealthCheck_TakesNoFixedAddress()
    {
        // The probe reads ASPNETCORE_URLS itself (HealthProbeTests); an address here would not follow a changed port.
        var healthCheck = Read("Dockerfile").Split("HEALTHCHECK")[1].Split('\n', 3)[1];
        Assert.Contains("\"--healthcheck\"]", healthCheck, StringComparison.Ordinal);
        Assert.DoesNotContain("8080", healthCheck, StringComparison.Ordinal);
        Assert.DoesNotContain("healthcheck", Read("docker-compose.yml"), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?m)^volumes:\s*\n\s+[\w-]+:\s*\n\s+name:\s*([\w-]+)")]
    private static partial Regex ComposeVolumeName();

    [GeneratedRegex(@"docker run [^\n`]*-v ([\w-]+):/app/data")]
    private static partial Regex DockerRunVolume();
}
