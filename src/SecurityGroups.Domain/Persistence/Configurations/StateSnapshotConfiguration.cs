using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecurityGroups.Domain.Snapshots;

namespace SecurityGroups.Domain.Persistence.Configurations;

internal sealed class StateSnapshotConfiguration : IEntityTypeConfiguration<StateSnapshot>
{
    public void Configure(EntityTypeBuilder<StateSnapshot> builder)
    {
        builder.ToTable("StateSnapshots");
        builder.HasKey(s => s.SnapshotId);
        builder.Property(s => s.SnapshotId).ValueGeneratedOnAdd();
        builder.Property(s => s.AccountId).HasMaxLength(32);
        builder.Property(s => s.RegionId).HasMaxLength(64);
        builder.Property(s => s.Name).HasMaxLength(128);
        builder.HasIndex(s => new { s.AccountId, s.SnapshotId });
    }
}
