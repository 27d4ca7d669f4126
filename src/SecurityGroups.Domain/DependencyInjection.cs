using System.Diagnostics.Metrics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Idempotency;
using SecurityGroups.Domain.Instances;
using SecurityGroups.Domain.Lists;
using SecurityGroups.Domain.Networks;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Persistence.Postgres;
using SecurityGroups.Domain.Regions;
using SecurityGroups.Domain.Rules;
using SecurityGroups.Domain.SecurityGroups;
using SecurityGroups.Domain.Tags;

namespace SecurityGroups.Domain;

public static class DependencyInjection
{
    public const string ConnectionStringName = "SecurityGroups";
    public const string DefaultConnectionString = "Data Source=data/securitygroups.db";

    /// <summary>Registers storage (EF Core on SQLite, or on PostgreSQL: ADR-008), the write gate, the region catalog and the
    /// domain services. The caller binds <c>QuotaOptions</c>, <see cref="StorageOptions"/> and the region list from configuration.</summary>
    public static IServiceCollection AddDomain(this IServiceCollection services, string? connectionString, StorageOptions storage)
    {
        if (storage.IsPostgres)
        {
            services.AddPostgresStorage(connectionString ?? throw new InvalidOperationException(
                $"Storage:Provider 'Postgres' needs ConnectionStrings:{ConnectionStringName} (an Npgsql connection string)."));
        }
        else
        {
            services.AddSqliteStorage(connectionString, storage);
        }

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<StorageFaultMonitor>();
        // The instruments behind /metrics (ADR-010): on the host's meter factory; none where the container has no factory.
        services.AddSingleton(sp => new EmulatorMetrics(sp.GetRequiredService<IMeterFactory>(), storage.ReplicaName, storage.ProviderName ?? storage.Provider));
        services.AddSingleton(sp => new WriteGate(sp.GetRequiredService<StorageFaultMonitor>(), sp.GetService<SharedWriteVersion>(),
            sp.GetService<IMeterFactory>() is null ? null : sp.GetRequiredService<EmulatorMetrics>(), // the monitor health and the error middleware read
            sp.GetRequiredService<TableVersions>()));
        return services.AddDomainServices();
    }

    private static void AddSqliteStorage(this IServiceCollection services, string? connectionString, StorageOptions storage)
    {
        var synchronous = storage.Synchronous.ToUpperInvariant() switch
        {
            "NORMAL" => "NORMAL",
            "FULL" => "FULL",
            _ => throw new InvalidOperationException($"Storage:Synchronous '{storage.Synchronous}' must be 'Normal' or 'Full'."),
        };
        var sqlite = WithLockWait(connectionString ?? DefaultConnectionString);
        var pragmas = new SqlitePragmaInterceptor(synchronous, sqlite.DefaultTimeout);
        services.AddSingleton(TableVersions.Sqlite(sqlite.ConnectionString));
        services.AddDbContextPool<EmulatorDbContext>(options => options
            .UseSqlite(sqlite.ConnectionString)
            .AddInterceptors(pragmas));
    }

    /// <summary>One Npgsql data source for EF Core and for the shared write version; migrations from their own assembly.</summary>
    private static void AddPostgresStorage(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        services.AddSingleton(sp => new SharedWriteVersion(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => TableVersions.Postgres(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => new SharedNonces(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new SharedThrottleCounts(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddDbContextPool<EmulatorDbContext>((sp, options) => options
            .UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>(), npgsql => npgsql.MigrationsAssembly(StorageProviders.PostgresMigrationsAssembly))
            .AddInterceptors(PostgresTextInterceptor.Instance));
    }

    private static IServiceCollection AddDomainServices(this IServiceCollection services)
    {
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
        services.AddScoped<LegacyTagService>();
        services.AddSingleton<Quotas.AccountAttributeService>();
        services.AddScoped<RuleBuilder>();
        services.AddScoped<RuleQuota>();
        services.AddScoped<RuleService>();
        services.AddScoped<RuleTransferService>();
        services.AddScoped<Traffic.TrafficService>();
        // Read caches keyed by the write version (ADR-005): compiled traffic models, rule and group listings (a 200-rule
        // DescribeSecurityGroupAttribute spends most of its time reading strings from SQLite), instance and ENI pages, and
        // a region's findings. Caps bound memory by entries and by an estimate of each value's size (its rules, addresses
        // or rows, plus the rendered JSON that hangs off it): a compiled 1,000-rule model is ~0.6 MB, a 500-rule window
        // ~0.5 MB, a page of 100 instances ~0.6 MB; the budgets below add up to ~360 MB at most. The instance and ENI budgets
        // hold every page of 100 of a 10,000-instance region (issue 17: ~60 MB and ~30 MB) with room for filtered pages; past
        // a cap, reads are simply not cached (a walk over more pages than fit reloads the pages that did not).
        services.AddSingleton(sp => new VersionedCache<Traffic.TrafficModel>("traffic_model", sp.GetRequiredService<WriteGate>(), 128, 96L << 20,
            m => 4096 + (m.OrderedRules.Count * 1024L)));
        services.AddSingleton(sp => new VersionedCache<Traffic.ReachabilityMatrix>("reachability_matrix", sp.GetRequiredService<WriteGate>(), 16, 64L << 20,
            m => 4096 + (m.Sources.Count * (long)m.Destinations.Count * 8)));
        // Each group's engine rules for the matrix, kept across writes while its rules and what they refer to are unchanged
        // (ADR-011): ~320 bytes a rule, so 100,000 rules in ~32 MB.
        services.AddSingleton(sp => new Traffic.GroupRulesCache(sp.GetRequiredService<WriteGate>().Metrics, 64L << 20));
        // A VPC's address map is keyed by the tables it reads (ADR-012): a rule or group write keeps it.
        services.AddSingleton(sp => new VersionedCache<Traffic.VpcAddresses>("vpc_addresses", sp.GetRequiredService<WriteGate>(), 64, 32L << 20,
            a => 4096 + (a.Holders.Count * 256L), Traffic.TrafficService.VpcAddressReads));
        services.AddSingleton(sp => new VersionedCache<SecurityGroups.SecurityGroupDetails>("security_group_details", sp.GetRequiredService<WriteGate>(), 64, 48L << 20,
            d => 4096 + (d.Rules.Count * 1024L)));
        // The three listings are keyed by the tables they read (ADR-012): a write elsewhere keeps their pages.
        services.AddSingleton(sp => new VersionedCache<Listing<SecurityGroups.SecurityGroupView>>("security_group_listing", sp.GetRequiredService<WriteGate>(), 256, 32L << 20,
            l => 4096 + (l.Items.Count * 2048L), SecurityGroupService.ListingReads));
        services.AddSingleton(sp => new VersionedCache<Listing<Instances.InstanceView>>("instance_listing", sp.GetRequiredService<WriteGate>(), 256, 96L << 20,
            l => 4096 + (l.Items.Count * 6144L), InstanceService.ListingReads));
        services.AddSingleton(sp => new VersionedCache<Listing<Instances.NetworkInterfaceView>>("network_interface_listing", sp.GetRequiredService<WriteGate>(), 256, 48L << 20,
            l => 4096 + (l.Items.Count * 3072L), NetworkInterfaceService.ListingReads));
        services.AddScoped<Traffic.FindingsService>();
        // Each group's findings, kept across writes while its rules and what they refer to are unchanged (ADR-011).
        services.AddSingleton(sp => new Traffic.GroupFindingsCache(sp.GetRequiredService<WriteGate>().Metrics, 64L << 20));
        services.AddSingleton(sp => new VersionedCache<Traffic.RegionFindings>("region_findings", sp.GetRequiredService<WriteGate>(), 16, 48L << 20,
            f => 4096 + (f.Items.Count * 1024L)));
        services.AddScoped<PrefixListService>();
        services.AddScoped<PortRangeListService>();
        services.AddScoped<Membership>();
        services.AddScoped<InstanceViews>();
        services.AddScoped<InstanceService>();
        services.AddScoped<InstanceLifecycleService>();
        services.AddScoped<InstanceVpcService>();
        services.AddScoped<InstanceSpecService>();
        services.AddScoped<InstanceAttributeService>();
        services.AddScoped<InstanceSettingsService>();
        services.AddScoped<DiskService>();
        services.AddScoped<NetworkInterfaceService>();
        services.AddScoped<NetworkInterfacePermissionService>();
        services.AddScoped<ResourceGroups.ResourceGroupService>();
        services.AddScoped<StateReset>();
        services.AddScoped<Snapshots.SnapshotService>();
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
