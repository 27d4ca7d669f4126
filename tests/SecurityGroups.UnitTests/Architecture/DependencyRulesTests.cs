using System.Reflection;

namespace SecurityGroups.UnitTests.Architecture;

/// <summary>The layering is enforced here: the rule engine is a leaf, and the domain knows no HTTP.</summary>
public sealed class DependencyRulesTests
{
    private static readonly Assembly RuleEngine = typeof(SecurityGroups.RuleEngine.RuleEngineAssembly).Assembly;
    private static readonly Assembly Domain = typeof(SecurityGroups.Domain.DependencyInjection).Assembly;

    [Fact]
    public void RuleEngine_ReferencesNoAspNetEfOrLogging()
    {
        var references = RuleEngine.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.Extensions", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Serilog", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("SecurityGroups", StringComparison.Ordinal));
    }

    [Fact]
    public void RuleEngine_ProjectHasNoPackageOrFrameworkReference()
    {
        var project = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "SecurityGroups.RuleEngine", "SecurityGroups.RuleEngine.csproj"));

        Assert.DoesNotContain("PackageReference", project, StringComparison.Ordinal);
        Assert.DoesNotContain("FrameworkReference", project, StringComparison.Ordinal);
        Assert.DoesNotContain("ProjectReference", project, StringComparison.Ordinal);
        Assert.Contains("Sdk=\"Microsoft.NET.Sdk\"", project, StringComparison.Ordinal);
    }

    [Fact]
    public void Domain_ReferencesNoAspNetOrSerilog()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Serilog", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("SecurityGroups.Api", StringComparison.Ordinal));
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SecurityGroups.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("SecurityGroups.sln not found above the test binaries.");
    }
}
