using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecurityGroups.Domain.Instances;
using SecurityGroups.Domain.SecurityGroups;

namespace SecurityGroups.Domain.Persistence.Configurations;

internal sealed class InstanceConfiguration : IEntityTypeConfiguration<Instance>
{
    public void Configure(EntityTypeBuilder<Instance> builder)
    {
        builder.ToTable("Instances");
        builder.HasKey(i => i.InstanceId);
        builder.Property(i => i.InstanceId).HasMaxLength(64);
        builder.Property(i => i.AccountId).HasMaxLength(32);
        builder.Property(i => i.InstanceName).HasMaxLength(128);
        builder.Property(i => i.Description).HasMaxLength(256);
        builder.Property(i => i.InstanceChargeType).HasMaxLength(16);
        builder.Property(i => i.RamRoleName).HasMaxLength(64);
        builder.Property(i => i.SystemDiskId).HasMaxLength(64);
        builder.Property(i => i.SystemDiskCategory).HasMaxLength(32);
        builder.Property(i => i.SystemDiskName).HasMaxLength(128);
        builder.Property(i => i.SystemDiskDescription).HasMaxLength(256);
        builder.Property(i => i.SystemDiskPerformanceLevel).HasMaxLength(8);
        builder.Property(i => i.PublicIpAddress).HasMaxLength(64);
        builder.Property(i => i.InternetChargeType).HasMaxLength(32);
        builder.Property(i => i.KeyPairName).HasMaxLength(128);
        builder.Property(i => i.StoppedMode).HasMaxLength(32);
        builder.Property(i => i.HttpEndpoint).HasMaxLength(16);
        builder.Property(i => i.HttpTokens).HasMaxLength(16);
        builder.Property(i => i.InstanceMetadataTags).HasMaxLength(16);
        builder.Property(i => i.MaintenanceAction).HasMaxLength(32);
        builder.Property(i => i.MaintenanceStartTime).HasMaxLength(16);
        builder.Property(i => i.MaintenanceEndTime).HasMaxLength(16);
        builder.Property(i => i.DeploymentSetId).HasMaxLength(64);
        builder.Property(i => i.PrivatePoolMatchCriteria).HasMaxLength(16);
        builder.Property(i => i.PrivatePoolId).HasMaxLength(64);
        builder.Property(i => i.CreditSpecification).HasMaxLength(16);
        builder.Property(i => i.SystemDiskAutoSnapshotPolicyId).HasMaxLength(64);
        builder.HasIndex(i => new { i.AccountId, i.RegionId, i.InstanceId });
        // DescribeInstances with PageNumber pages in creation order: a range of this index, no sort of the region's instances.
        builder.HasIndex(i => new { i.AccountId, i.RegionId, i.CreatedAt, i.InstanceId });
        // DescribeInstances with SecurityGroupId: from the group's memberships to their instances, not the other way round.
        builder.HasIndex(i => i.PrimaryNetworkInterfaceId);
        builder.HasIndex(i => i.VSwitchId);
    }
}

internal sealed class NetworkInterfaceConfiguration : IEntityTypeConfiguration<NetworkInterface>
{
    public void Configure(EntityTypeBuilder<NetworkInterface> builder)
    {
        builder.ToTable("NetworkInterfaces");
        builder.HasKey(n => n.NetworkInterfaceId);
        builder.Property(n => n.NetworkInterfaceId).HasMaxLength(64);
        builder.Property(n => n.AccountId).HasMaxLength(32);
        builder.Property(n => n.NetworkInterfaceName).HasMaxLength(128);
        builder.Property(n => n.Description).HasMaxLength(256);
        builder.HasIndex(n => new { n.AccountId, n.RegionId, n.NetworkInterfaceId });
        builder.HasIndex(n => n.InstanceId);
        builder.HasIndex(n => n.VSwitchId);
    }
}

internal sealed class NetworkInterfaceGroupConfiguration : IEntityTypeConfiguration<NetworkInterfaceGroup>
{
    public void Configure(EntityTypeBuilder<NetworkInterfaceGroup> builder)
    {
        builder.ToTable("NetworkInterfaceGroups");
        builder.HasKey(m => new { m.NetworkInterfaceId, m.SecurityGroupId });
        builder.HasOne<NetworkInterface>().WithMany().HasForeignKey(m => m.NetworkInterfaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SecurityGroup>().WithMany().HasForeignKey(m => m.SecurityGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.SecurityGroupId);
    }
}

internal sealed class NetworkInterfaceIpv6AddressConfiguration : IEntityTypeConfiguration<NetworkInterfaceIpv6Address>
{
    public void Configure(EntityTypeBuilder<NetworkInterfaceIpv6Address> builder)
    {
        builder.ToTable("NetworkInterfaceIpv6Addresses");
        builder.HasKey(a => new { a.VSwitchId, a.Address });
        builder.Property(a => a.VSwitchId).HasMaxLength(64);
        builder.Property(a => a.Address).HasMaxLength(64);
        builder.Property(a => a.NetworkInterfaceId).HasMaxLength(64);
        builder.Property(a => a.AccountId).HasMaxLength(32);
        builder.HasOne<NetworkInterface>().WithMany().HasForeignKey(a => a.NetworkInterfaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.NetworkInterfaceId);
    }
}
