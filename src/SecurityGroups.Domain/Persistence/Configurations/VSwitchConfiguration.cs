using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecurityGroups.Domain.Networks;

namespace SecurityGroups.Domain.Persistence.Configurations;

internal sealed class VSwitchConfiguration : IEntityTypeConfiguration<VSwitch>
{
    public void Configure(EntityTypeBuilder<VSwitch> builder)
    {
        builder.ToTable("VSwitches");
        builder.HasKey(v => v.VSwitchId);
        builder.Property(v => v.VSwitchId).HasMaxLength(64);
        builder.Property(v => v.AccountId).HasMaxLength(32);
        builder.Property(v => v.RegionId).HasMaxLength(64);
        builder.Property(v => v.VpcId).HasMaxLength(64);
        builder.Property(v => v.ZoneId).HasMaxLength(64);
        builder.Property(v => v.CidrBlock).HasMaxLength(64);
        builder.Property(v => v.VSwitchName).HasMaxLength(128);
        builder.Property(v => v.Description).HasMaxLength(256);
        builder.Property(v => v.Ipv6CidrBlock).HasMaxLength(64);
        builder.HasOne<Vpc>().WithMany().HasForeignKey(v => v.VpcId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.AccountId, v.RegionId, v.CreatedAt });
    }
}
