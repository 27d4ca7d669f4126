namespace SecurityGroups.Domain.Compute;

/// <summary>
/// Section <c>Compute</c>: what instances are launched from. The image and instance-type catalogues answer DescribeImages,
/// DescribeInstanceTypes, DescribeZones and DescribeAvailableResource, and RunInstances / CreateInstance check
/// <c>ImageId</c> and <c>InstanceType</c> against them. An empty list means the built-in defaults
/// (<see cref="DefaultCompute"/>); a configured list replaces them.
/// </summary>
public sealed class ComputeOptions
{
    public List<ImageDefinition> Images { get; set; } = [];

    public List<InstanceTypeDefinition> InstanceTypes { get; set; } = [];

    /// <summary>Disk categories every zone offers (system disks); the first is the default system disk category.</summary>
    public List<string> DiskCategories { get; set; } = [];

    /// <summary>Default system disk size in GiB when RunInstances names none (at least the image's size).</summary>
    public int SystemDiskSize { get; set; } = 40;

    /// <summary>Largest system disk in GiB (Alibaba: 2048 for cloud disks).</summary>
    public int MaxSystemDiskSize { get; set; } = 2048;
}

/// <summary>One public image.</summary>
public sealed class ImageDefinition
{
    public string ImageId { get; set; } = "";

    /// <summary>Defaults to the ImageId.</summary>
    public string ImageName { get; set; } = "";

    public string ImageFamily { get; set; } = "";

    public string ImageVersion { get; set; } = "";

    public string Description { get; set; } = "";

    public string OSName { get; set; } = "";

    public string OSNameEn { get; set; } = "";

    /// <summary><c>linux</c> or <c>windows</c>.</summary>
    public string OSType { get; set; } = "linux";

    /// <summary>e.g. Aliyun, Ubuntu, CentOS, Debian, Windows Server 2022.</summary>
    public string Platform { get; set; } = "";

    /// <summary><c>x86_64</c> or <c>arm64</c>.</summary>
    public string Architecture { get; set; } = "x86_64";

    /// <summary>Image size in GiB: the smallest system disk it fits.</summary>
    public int Size { get; set; } = 20;

    /// <summary>Release date shown as CreationTime (UTC, <c>yyyy-MM-ddTHH:mm:ssZ</c>).</summary>
    public string CreationTime { get; set; } = "2024-01-01T00:00:00Z";

    /// <summary>Regions that offer it; empty: every region.</summary>
    public List<string> Regions { get; set; } = [];
}

/// <summary>One instance type.</summary>
public sealed class InstanceTypeDefinition
{
    public string InstanceTypeId { get; set; } = "";

    /// <summary>Defaults to the ID without its last dotted part (<c>ecs.g7.large</c> → <c>ecs.g7</c>).</summary>
    public string InstanceTypeFamily { get; set; } = "";

    public int CpuCoreCount { get; set; } = 2;

    /// <summary>GiB (may be fractional, e.g. 0.5).</summary>
    public double MemorySize { get; set; } = 8;

    public int EniQuantity { get; set; } = 3;

    public int EniPrivateIpAddressQuantity { get; set; } = 6;

    public int EniIpv6AddressQuantity { get; set; } = 1;

    public int GPUAmount { get; set; }

    public string GPUSpec { get; set; } = "";

    /// <summary>Burstable types (ecs.t6, ecs.t5): CPU credits; 0 for the others.</summary>
    public int InitialCredit { get; set; }

    public int BaselineCredit { get; set; }

    /// <summary><c>X86</c> or <c>ARM</c>.</summary>
    public string CpuArchitecture { get; set; } = "X86";

    /// <summary>Zones that offer it; empty: every zone of every region.</summary>
    public List<string> Zones { get; set; } = [];
}
