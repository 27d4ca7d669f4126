using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecurityGroups.Domain.Tags;

namespace SecurityGroups.Domain.Persistence.Configurations;

internal sealed class ResourceTagConfiguration : IEntityTypeConfiguration<ResourceTag>
{
    public void Configure(EntityTypeBuilder<ResourceTag> builder)
    {
        builder.ToTable("ResourceTags");
        builder.HasKey(t => new { t.ResourceId, t.TagKey });
        builder.Property(t => t.ResourceId).HasMaxLength(64);
        builder.Property(t => t.TagKey).HasMaxLength(128);
        builder.Property(t => t.TagValue).HasMaxLength(128);
        builder.Property(t => t.AccountId).HasMaxLength(32);
        builder.Property(t => t.RegionId).HasMaxLength(64);
        builder.Property(t => t.ResourceType).HasMaxLength(32);
        builder.HasIndex(t => new { t.AccountId, t.RegionId, t.ResourceType, t.TagKey });
    }
}
