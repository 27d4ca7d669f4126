using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Quotas;
using SecurityGroups.Domain.Regions;
using SecurityGroups.Domain.Traffic;

namespace SecurityGroups.FunctionalTests.Emulator;

/// <summary>
/// The region services as the freshness tests' oracle: built over the server's database with EMPTY caches (and no write
/// gate, so nothing is taken as unchanged), acting for the default account. What they answer is computed from scratch.
/// </summary>
internal static class ScratchServices
{
    public const string DefaultAccountId = "1234567890123456";

    public static FindingsService Findings(IServiceProvider services) =>
        new(services.GetRequiredService<EmulatorDbContext>(), new DefaultAccount(), services.GetRequiredService<RegionCatalog>(),
            services.GetRequiredService<IOptions<QuotaOptions>>(), new VersionedCache<RegionFindings>(new WriteGate(), 1), new GroupFindingsCache(null, long.MaxValue));

    public static TrafficService Traffic(IServiceProvider services)
    {
        var gate = new WriteGate();
        return new TrafficService(services.GetRequiredService<EmulatorDbContext>(), new DefaultAccount(), services.GetRequiredService<RegionCatalog>(),
            new VersionedCache<TrafficModel>(gate, 1), new VersionedCache<VpcAddresses>(gate, 1), new VersionedCache<ReachabilityMatrix>(gate, 1),
            new GroupRulesCache(null, long.MaxValue));
    }

    private sealed class DefaultAccount : ICaller
    {
        public string AccountId => DefaultAccountId;

        public bool MayActBeyondAccount => false;
    }
}
