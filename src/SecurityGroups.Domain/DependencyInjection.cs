using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Idempotency;
using SecurityGroups.Domain.Instances;
using SecurityGroups.Domain.Lists;
using SecurityGroups.Domain.Networks;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Regions;
using SecurityGroups.Domain.Rules;
using SecurityGroups.Domain.SecurityGroups;
using SecurityGroups.Domain.Tags;

namespace SecurityGroups.Domain;

public static class DependencyInjection
{
    public const string ConnectionStringName = "SecurityGroups";
    public const string DefaultConnectionString = "Data Source=data/securitygroups.db";

    /// <summary>Registers storage (EF Core on SQLite), the write gate, the region catalog and the domain services. The caller
    /// binds <c>QuotaOptions</c>, <see cref="StorageOptions"/> and the region list from configuration.</summary>
    public static IServiceCollection AddDomain(this IServiceCollection services, string? connectionString, StorageOptions storage)
    {
        if (!string.Equals(storage.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Storage:Provider '{storage.Provider}' is not supported yet; use 'Sqlite'.");
        }

        var synchronous = storage.Synchronous.ToUpperInvariant() switch
        {
            "NORMAL" => "NORMAL",
            "FULL" => "FULL",
            _ => throw new InvalidOperationException($"Storage:Synchronous '{storage.Synchronous}' must be 'Normal' or 'Full'."),
        };
        var sqlite = WithLockWait(connectionString ?? DefaultConnectionString);
        var pragmas = new SqlitePragmaInterceptor(synchronous, sqlite.DefaultTimeout);
        services.AddDbContextPool<EmulatorDbContext>(options => options
            .UseSqlite(sqlite.ConnectionString)
            .AddInterceptors(pragmas));

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<StorageFaultMonitor>();
        services.AddSingleton(sp => new WriteGate(sp.GetRequiredService<StorageFaultMonitor>())); // the monitor health and the error middleware read
        services.AddSingleton<RegionCatalog>();
        services.AddSingleton<Compute.ComputeCatalog>();
        services.AddScoped<TagStore>();
        services.AddScoped<IdempotencyStore>();
        services.AddScoped<PrivateIpAllocator>();
        services.AddScoped<Ipv6Allocator>();
        services.AddScoped<VpcService>();
        services.AddScoped<VSwitchService>();
        services.AddScoped<SecurityGroupService>();
        services.AddScoped<TagService>();
        services.AddScoped<RuleBuilder>();
        services.AddScoped<RuleQuota>();
        services.AddScoped<RuleService>();
        services.AddScoped<RuleTransferService>();
        services.AddScoped<Traffic.TrafficService>();
        // Read caches keyed by the write version (ADR-005): compiled traffic models, and rule and group listings (a 200-rule
        // DescribeSecurityGroupAttribute spends most of its time reading strings from SQLite). Caps bound memory: a compiled
        // 1,000-rule model is ~0.6 MB and a 500-rule window ~0.5 MB, so at most ~80 MB and ~32 MB; past a cap, reads are
        // simply not cached.
        services.AddSingleton(sp => new VersionedCache<Traffic.TrafficModel>(sp.GetRequiredService<WriteGate>(), 128));
        services.AddSingleton(sp => new VersionedCache<SecurityGroups.SecurityGroupDetails>(sp.GetRequiredService<WriteGate>(), 64));
        services.AddSingleton(sp => new VersionedCache<Listing<SecurityGroups.SecurityGroupView>>(sp.GetRequiredService<WriteGate>(), 256));
        services.AddScoped<Traffic.FindingsService>();
        services.AddScoped<PrefixListService>();
        services.AddScoped<PortRangeListService>();
        services.AddScoped<Membership>();
        services.AddScoped<InstanceViews>();
        services.AddScoped<InstanceService>();
        services.AddScoped<InstanceLifecycleService>();
        services.AddScoped<InstanceVpcService>();
        services.AddScoped<InstanceAttributeService>();
        services.AddScoped<NetworkInterfaceService>();
        services.AddScoped<ResourceGroups.ResourceGroupService>();
        services.AddScoped<StateReset>();
        services.AddScoped<StorageHealth>();
        return services;
    }

    /// <summary>
    /// How long a statement waits for a lock another connection or process holds before it fails with
    /// <c>SQLITE_BUSY</c> (then answered <c>ServiceUnavailable</c>): the connection string's <c>Default Timeout</c>
    /// (seconds; 0 waits for ever), or <see cref="DefaultLockWaitSeconds"/> when it names none. Microsoft.Data.Sqlite
    /// retries a busy statement until this timeout, and SQLite's <c>busy_timeout</c> is set to the same value, so one
    /// number bounds the wait (otherwise its 30 s default and the busy timeout would add up).
    /// </summary>
    private static SqliteConnectionStringBuilder WithLockWait(string connectionString)
    {
        var sqlite = new SqliteConnectionStringBuilder(connectionString);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("Default Timeout") && !given.ContainsKey("Command Timeout"))
        {
            sqlite.DefaultTimeout = DefaultLockWaitSeconds;
        }

        return sqlite;
    }

    /// <summary>Seconds a write waits for a lock held elsewhere when the connection string does not say.</summary>
    public const int DefaultLockWaitSeconds = 10;
}
