using SecurityGroups.Api;
using SecurityGroups.Api.Emulator;
using SecurityGroups.Domain.Persistence;

if (args.Contains(HealthProbe.Flag))
{
    return await HealthProbe.RunAsync(args);
}

// --durable: SQLite synchronous=FULL, so acknowledged changes survive power loss too (same as --Storage:Synchronous Full).
var durable = args.Contains(DurableFlag);
args = [.. args.Where(a => a != DurableFlag)];

// appsettings.json is read from the application's folder, whatever the working directory (relative data paths stay relative to it).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
if (durable)
{
    builder.Configuration["Storage:Synchronous"] = "Full";
}

builder.AddEmulator();

var app = builder.Build();
await StorageInitializer.InitializeAsync(app.Services);
app.UseEmulator();
await app.RunAsync();
return 0;

/// <summary>The server's entry point (public for WebApplicationFactory).</summary>
public partial class Program
{
    private const string DurableFlag = "--durable";
}
