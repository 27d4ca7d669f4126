using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecurityGroups.Domain.Networks;

namespace SecurityGroups.Domain.Persistence.Configurations;

internal sealed class VpcConfiguration : IEntityTypeConfiguration<Vpc>
{
    public void Configure(EntityTypeBuilder<Vpc> builder)
    {
        builder.ToTable("Vpcs");
        builder.HasKey(v => v.VpcId);
        builder.Property(v => v.VpcId).HasMaxLength(64);
        builder.Property(v => v.AccountId).HasMaxLength(32);
        builder.Property(v => v.RegionId).HasMaxLength(64);
        builder.Property(v => v.CidrBlock).HasMaxLength(64);
        builder.Property(v => v.VpcName).HasMaxLength(128);
        builder.Property(v => v.Description).HasMaxLength(256);
        builder.Property(v => v.Ipv6CidrBlock).HasMaxLength(64);
        builder.HasIndex(v => new { v.AccountId, v.RegionId, v.CreatedAt });
    }
}
