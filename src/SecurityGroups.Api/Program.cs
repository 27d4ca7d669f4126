using SecurityGroups.Api;
using SecurityGroups.Domain.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddEmulator();

var app = builder.Build();
await StorageInitializer.InitializeAsync(app.Services);
app.UseEmulator();
await app.RunAsync();

/// <summary>The server's entry point (public for WebApplicationFactory).</summary>
public partial class Program;
