using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;

namespace SecurityGroups.FunctionalTests.Startup;

/// <summary>Configuration is read once and validated at start: an edited appsettings.json is never reloaded behind the
/// validation (it could switch Auth:Mode), and no file watchers are held (many test hosts once ran out of inotify instances).</summary>
public sealed class ConfigurationReloadTests(EmulatorFactory factory) : IClassFixture<EmulatorFactory>
{
    [Fact]
    public void JsonSettingsFiles_AreNotReloadedOnChange()
    {
        using var client = factory.CreateClient(); // builds the host
        var root = (IConfigurationRoot)factory.Services.GetRequiredService<IConfiguration>();

        var json = root.Providers.OfType<JsonConfigurationProvider>().ToList();

        Assert.NotEmpty(json);
        Assert.All(json, p => Assert.False(p.Source.ReloadOnChange, p.Source.Path));
    }
}
