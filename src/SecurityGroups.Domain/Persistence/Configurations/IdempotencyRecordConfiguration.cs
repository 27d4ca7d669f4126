using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecurityGroups.Domain.Idempotency;

namespace SecurityGroups.Domain.Persistence.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyRecords");
        builder.HasKey(r => new { r.AccountId, r.Action, r.ClientToken });
        builder.Property(r => r.AccountId).HasMaxLength(32);
        builder.Property(r => r.Action).HasMaxLength(64);
        builder.Property(r => r.ClientToken).HasMaxLength(64);
        builder.Property(r => r.Fingerprint).HasMaxLength(64);
        builder.Property(r => r.ResourceId).HasMaxLength(64);
        builder.HasIndex(r => r.ResourceId);
    }
}
