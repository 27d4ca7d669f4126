using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Auth;
using SecurityGroups.Api.Emulator;
using SecurityGroups.Api.Https;
using SecurityGroups.Api.Metrics;
using SecurityGroups.Api.Startup;
using SecurityGroups.Api.Swagger;
using SecurityGroups.Api.WebConsole;
using SecurityGroups.Domain;
using SecurityGroups.Domain.Common;
using Serilog;
using Serilog.Formatting.Compact;

namespace SecurityGroups.Api;

internal static class DependencyInjection
{
    public const string DefaultUrl = "http://127.0.0.1:8080";

    /// <summary>Registers everything: configuration sections, logging, the ACS gateway, MVC, Swagger, the domain.</summary>
    public static WebApplicationBuilder AddEmulator(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        builder.AddHttpsListener(DefaultUrl); // the HTTP addresses (DefaultUrl without --urls / ASPNETCORE_URLS) and HTTPS beside them

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = 4 * 1024 * 1024;
            k.Limits.MaxRequestLineSize = 256 * 1024;
            k.Limits.MaxRequestHeadersTotalSize = 256 * 1024;
        });

        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(config).ReadFrom.Services(services).Enrich.FromLogContext()
                // A start-up failure is printed once, as one line, by Program (StartupFailure): not again with its stack trace.
                .MinimumLevel.Override("Microsoft.Extensions.Hosting.Internal.Host", Serilog.Events.LogEventLevel.Fatal);
            if (string.Equals(config["Logging:Format"], "Json", StringComparison.OrdinalIgnoreCase))
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
            else
            {
                logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}");
            }
        });

        var services = builder.Services;
        services.AddValidatedOptions(config);
        services.AddAcsThrottling();
        services.AddEmulatorMetrics(OptionsValidation.ReadMetrics(config));
        services.AddDomain(config.GetConnectionString(Domain.DependencyInjection.ConnectionStringName), OptionsValidation.ReadEarly(config));

        services.AddHttpContextAccessor();
        services.AddScoped<ICaller, HttpCaller>();
        services.AddSingleton<AccountDirectory>();
        services.AddSingleton(sp => new NonceCache(sp.GetRequiredService<TimeProvider>(), sp.GetService<Domain.Persistence.Postgres.SharedNonces>()));
        services.AddSingleton<RequestAuthenticator>();
        services.AddSingleton<AcsActionCatalog>();
        services.AddSingleton<ServerCertificates>();

        // A flattened list can hold at most every parameter of the request (Limits:MaxParameters bounds them before any
        // binding), so MVC's own collection bound (1,024, past which binding throws) is lifted to that: an overlong list
        // binds and its Action's validator answers with the list's count error.
        var maxParameters = config.GetSection("Limits").Get<AcsLimits>()?.MaxParameters ?? new AcsLimits().MaxParameters;
        services.AddControllers(mvc =>
            {
                mvc.MaxModelBindingCollectionSize = Math.Max(mvc.MaxModelBindingCollectionSize, maxParameters);
                mvc.ValueProviderFactories.Clear();
                mvc.ValueProviderFactories.Add(new AcsValueProviderFactory());
                mvc.ValueProviderFactories.Add(new RouteValueProviderFactory());
                mvc.Filters.Add<AcsValidationFilter>();
                mvc.Filters.Add<AcsIdempotencyFilter>();
                mvc.Filters.Add<AcsResultFilter>();
            })
            .AddJsonOptions(json =>
            {
                json.JsonSerializerOptions.PropertyNamingPolicy = null;
                // One member, one meaning: {"AllAccounts":false,"allAccounts":true} is refused, not read as its last spelling.
                json.JsonSerializerOptions.AllowDuplicateProperties = false;
            });
        services.Configure<ApiBehaviorOptions>(o => o.SuppressModelStateInvalidFilter = true);
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage").AddCheck<StartedHealthCheck>("started");
        services.AddAcsSwagger();
        services.AddConsole();
        return builder;
    }

    /// <summary>The request pipeline: request log, error envelope, gateway, routing, Swagger, controllers.</summary>
    public static WebApplication UseEmulator(this WebApplication app)
    {
        app.UseSerilogRequestLogging(o => o.MessageTemplate =
            "{RequestMethod} {RequestPath} {AcsAction} {RequestId} account {AccountId} -> {StatusCode} in {Elapsed:0.0} ms");
        var metrics = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        app.UseRequestMetrics(metrics); // around the error envelope: sees every answer's status and error code
        app.UseMiddleware<AcsErrorMiddleware>();
        app.UseMiddleware<AcsStatusEnvelopeMiddleware>(); // emulator 404/405/415 from routing and MVC → the Alibaba envelope
        app.UseMiddleware<AcsGatewayMiddleware>();
        if (app.Services.GetRequiredService<IOptions<ThrottlingOptions>>().Value.Enabled)
        {
            app.UseRateLimiter(); // after the gateway: partitions by the Action and caller it resolved; absent (no cost) when off
        }
        app.UseRouting();
        app.UseAcsSwagger();
        app.MapConsole();
        app.MapMetrics(metrics);
        app.MapControllers();
        return app;
    }
}
