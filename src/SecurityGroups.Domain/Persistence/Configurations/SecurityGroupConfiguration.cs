using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecurityGroups.Domain.SecurityGroups;

namespace SecurityGroups.Domain.Persistence.Configurations;

internal sealed class SecurityGroupConfiguration : IEntityTypeConfiguration<SecurityGroup>
{
    public void Configure(EntityTypeBuilder<SecurityGroup> builder)
    {
        builder.ToTable("SecurityGroups");
        builder.HasKey(g => g.SecurityGroupId);
        builder.Property(g => g.SecurityGroupId).HasMaxLength(64);
        builder.Property(g => g.AccountId).HasMaxLength(32);
        builder.Property(g => g.RegionId).HasMaxLength(64);
        builder.Property(g => g.VpcId).HasMaxLength(64);
        builder.Property(g => g.SecurityGroupName).HasMaxLength(128);
        builder.Property(g => g.Description).HasMaxLength(256);
        builder.Property(g => g.SecurityGroupType).HasMaxLength(16);
        builder.Property(g => g.InnerAccessPolicy).HasMaxLength(8);
        builder.Property(g => g.ResourceGroupId).HasMaxLength(64);
        builder.Ignore(g => g.IsEnterprise);
        builder.Ignore(g => g.NetworkType);
        builder.HasIndex(g => new { g.AccountId, g.RegionId, g.SecurityGroupId });
        builder.HasIndex(g => g.VpcId);
    }
}
