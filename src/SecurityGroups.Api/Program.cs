using Microsoft.Extensions.Options;
using SecurityGroups.Api;
using SecurityGroups.Api.Emulator;
using SecurityGroups.Api.Https;
using SecurityGroups.Api.Startup;
using SecurityGroups.Domain.Persistence;

if (args.Contains(HealthProbe.Flag))
{
    return await HealthProbe.RunAsync(args);
}

// --durable: SQLite synchronous=FULL, so acknowledged changes survive power loss too (same as --Storage:Synchronous Full).
var durable = args.Contains(DurableFlag);
args = [.. args.Where(a => a != DurableFlag)];

WebApplication app;
try
{
    // appsettings.json is read from the application's folder, whatever the working directory (relative data paths stay relative to it).
    // Configuration is read once and validated at start: no reload on change, so an edited appsettings.json can never
    // switch Auth:Mode or a limit behind the validation (and no file watchers: hosts in tests never run out of inotify).
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = [.. args, "--hostBuilder:reloadConfigOnChange=false"],
        ContentRootPath = AppContext.BaseDirectory,
    });
    if (durable)
    {
        builder.Configuration["Storage:Synchronous"] = "Full";
    }

    builder.AddEmulator();
    app = builder.Build();
    app.Services.GetRequiredService<IStartupValidator>().Validate(); // every option, before anything else runs
    await StartupFailure.StorageAsync(() => StorageInitializer.InitializeAsync(app.Services),
        app.Configuration.GetConnectionString(SecurityGroups.Domain.DependencyInjection.ConnectionStringName) ?? SecurityGroups.Domain.DependencyInjection.DefaultConnectionString);
    HttpsListener.Prepare(app); // the local CA and server certificate, created or renewed, or your own: before anything listens
    app.UseEmulator();
    await app.StartAsync();
    HttpsListener.Report(app);
}
catch (Exception ex) when (StartupFailure.Describe(ex) is { } reason)
{
    // One clear line naming the key or the cause, no stack trace, a non-zero exit code.
    await Console.Error.WriteLineAsync("SecurityGroups did not start: " + reason);
    return 1;
}

await app.WaitForShutdownAsync();
await app.DisposeAsync();
return 0;

/// <summary>The server's entry point (public for WebApplicationFactory).</summary>
public partial class Program
{
    private const string DurableFlag = "--durable";
}
