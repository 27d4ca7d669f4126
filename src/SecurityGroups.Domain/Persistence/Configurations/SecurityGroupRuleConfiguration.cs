using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecurityGroups.Domain.SecurityGroups;

namespace SecurityGroups.Domain.Persistence.Configurations;

internal sealed class SecurityGroupRuleConfiguration : IEntityTypeConfiguration<SecurityGroupRule>
{
    public void Configure(EntityTypeBuilder<SecurityGroupRule> builder)
    {
        builder.ToTable("SecurityGroupRules");
        builder.HasKey(r => r.SecurityGroupRuleId);
        builder.Property(r => r.SecurityGroupRuleId).HasMaxLength(64);
        builder.Property(r => r.SecurityGroupId).HasMaxLength(64);
        builder.Property(r => r.AccountId).HasMaxLength(32);
        builder.Property(r => r.Direction).HasMaxLength(8);
        builder.Property(r => r.Policy).HasMaxLength(8);
        builder.Property(r => r.IpProtocol).HasMaxLength(8);
        builder.Property(r => r.Description).HasMaxLength(512);
        builder.Ignore(r => r.ReferencedGroupId);
        builder.HasOne<SecurityGroup>().WithMany().HasForeignKey(r => r.SecurityGroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.SecurityGroupId, r.Direction });
        builder.HasIndex(r => r.SourceGroupId);
        builder.HasIndex(r => r.DestGroupId);
        builder.HasIndex(r => r.SourcePrefixListId);
        builder.HasIndex(r => r.DestPrefixListId);
        builder.HasIndex(r => r.PortRangeListId);
    }
}
