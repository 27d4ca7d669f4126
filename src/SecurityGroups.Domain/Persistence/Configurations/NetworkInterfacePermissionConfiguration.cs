using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecurityGroups.Domain.Instances;

namespace SecurityGroups.Domain.Persistence.Configurations;

internal sealed class NetworkInterfacePermissionConfiguration : IEntityTypeConfiguration<NetworkInterfacePermission>
{
    public void Configure(EntityTypeBuilder<NetworkInterfacePermission> builder)
    {
        builder.ToTable("NetworkInterfacePermissions");
        builder.HasKey(p => p.NetworkInterfacePermissionId);
        builder.Property(p => p.NetworkInterfacePermissionId).HasMaxLength(64);
        builder.Property(p => p.AccountId).HasMaxLength(32);
        builder.Property(p => p.RegionId).HasMaxLength(64);
        builder.Property(p => p.NetworkInterfaceId).HasMaxLength(64);
        builder.Property(p => p.Permission).HasMaxLength(32);
        builder.Property(p => p.PermissionState).HasMaxLength(32);
        // Deleting an ENI deletes the permissions on it.
        builder.HasOne<NetworkInterface>().WithMany().HasForeignKey(p => p.NetworkInterfaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.AccountId, p.RegionId, p.CreatedAt });
    }
}
