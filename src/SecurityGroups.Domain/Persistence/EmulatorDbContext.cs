using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Idempotency;
using SecurityGroups.Domain.Instances;
using SecurityGroups.Domain.Lists;
using SecurityGroups.Domain.Networks;
using SecurityGroups.Domain.SecurityGroups;
using SecurityGroups.Domain.Snapshots;
using SecurityGroups.Domain.Tags;

namespace SecurityGroups.Domain.Persistence;

/// <summary>The emulator's state. Every row carries its account (and region where it has one).</summary>
public sealed class EmulatorDbContext(DbContextOptions<EmulatorDbContext> options) : DbContext(options)
{
    public DbSet<Vpc> Vpcs => Set<Vpc>();

    public DbSet<VSwitch> VSwitches => Set<VSwitch>();

    public DbSet<PrivateIpAddress> PrivateIpAddresses => Set<PrivateIpAddress>();

    public DbSet<ResourceTag> ResourceTags => Set<ResourceTag>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<SecurityGroup> SecurityGroups => Set<SecurityGroup>();

    public DbSet<SecurityGroupRule> SecurityGroupRules => Set<SecurityGroupRule>();

    public DbSet<PrefixList> PrefixLists => Set<PrefixList>();

    public DbSet<PrefixListEntry> PrefixListEntries => Set<PrefixListEntry>();

    public DbSet<PortRangeList> PortRangeLists => Set<PortRangeList>();

    public DbSet<PortRangeListEntry> PortRangeListEntries => Set<PortRangeListEntry>();

    public DbSet<Instance> Instances => Set<Instance>();

    public DbSet<NetworkInterface> NetworkInterfaces => Set<NetworkInterface>();

    public DbSet<NetworkInterfaceGroup> NetworkInterfaceGroups => Set<NetworkInterfaceGroup>();

    public DbSet<NetworkInterfacePermission> NetworkInterfacePermissions => Set<NetworkInterfacePermission>();
    public DbSet<NetworkInterfaceIpv6Address> NetworkInterfaceIpv6Addresses => Set<NetworkInterfaceIpv6Address>();

    public DbSet<StateSnapshot> StateSnapshots => Set<StateSnapshot>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EmulatorDbContext).Assembly);
}
