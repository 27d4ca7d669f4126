using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecurityGroups.Domain.Networks;

namespace SecurityGroups.Domain.Persistence.Configurations;

internal sealed class PrivateIpAddressConfiguration : IEntityTypeConfiguration<PrivateIpAddress>
{
    public void Configure(EntityTypeBuilder<PrivateIpAddress> builder)
    {
        builder.ToTable("PrivateIpAddresses");
        builder.HasKey(p => new { p.VSwitchId, p.AddressValue });
        builder.Property(p => p.Address).HasMaxLength(64);
        builder.Property(p => p.AccountId).HasMaxLength(32);
        builder.Property(p => p.OwnerId).HasMaxLength(64);
        builder.HasOne<VSwitch>().WithMany().HasForeignKey(p => p.VSwitchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.OwnerId);
    }
}
