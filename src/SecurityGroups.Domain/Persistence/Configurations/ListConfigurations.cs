using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecurityGroups.Domain.Lists;

namespace SecurityGroups.Domain.Persistence.Configurations;

internal sealed class PrefixListConfiguration : IEntityTypeConfiguration<PrefixList>
{
    public void Configure(EntityTypeBuilder<PrefixList> builder)
    {
        builder.ToTable("PrefixLists");
        builder.HasKey(p => p.PrefixListId);
        builder.Property(p => p.PrefixListId).HasMaxLength(64);
        builder.Property(p => p.AccountId).HasMaxLength(32);
        builder.Property(p => p.RegionId).HasMaxLength(64);
        builder.Property(p => p.AddressFamily).HasMaxLength(8);
        builder.Property(p => p.PrefixListName).HasMaxLength(128);
        builder.Property(p => p.Description).HasMaxLength(256);
        builder.HasIndex(p => new { p.AccountId, p.RegionId });
    }
}

internal sealed class PrefixListEntryConfiguration : IEntityTypeConfiguration<PrefixListEntry>
{
    public void Configure(EntityTypeBuilder<PrefixListEntry> builder)
    {
        builder.ToTable("PrefixListEntries");
        builder.HasKey(e => new { e.PrefixListId, e.Cidr });
        builder.Property(e => e.Cidr).HasMaxLength(64);
        builder.Property(e => e.Description).HasMaxLength(64);
        builder.HasOne<PrefixList>().WithMany().HasForeignKey(e => e.PrefixListId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PortRangeListConfiguration : IEntityTypeConfiguration<PortRangeList>
{
    public void Configure(EntityTypeBuilder<PortRangeList> builder)
    {
        builder.ToTable("PortRangeLists");
        builder.HasKey(p => p.PortRangeListId);
        builder.Property(p => p.PortRangeListId).HasMaxLength(64);
        builder.Property(p => p.AccountId).HasMaxLength(32);
        builder.Property(p => p.RegionId).HasMaxLength(64);
        builder.Property(p => p.PortRangeListName).HasMaxLength(128);
        builder.Property(p => p.Description).HasMaxLength(256);
        builder.HasIndex(p => new { p.AccountId, p.RegionId });
    }
}

internal sealed class PortRangeListEntryConfiguration : IEntityTypeConfiguration<PortRangeListEntry>
{
    public void Configure(EntityTypeBuilder<PortRangeListEntry> builder)
    {
        builder.ToTable("PortRangeListEntries");
        builder.HasKey(e => new { e.PortRangeListId, e.PortRange });
        builder.Property(e => e.PortRange).HasMaxLength(16);
        builder.Property(e => e.Description).HasMaxLength(64);
        builder.HasOne<PortRangeList>().WithMany().HasForeignKey(e => e.PortRangeListId).OnDelete(DeleteBehavior.Cascade);
    }
}
