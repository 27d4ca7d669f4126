namespace SecurityGroups.Domain.Compute;

/// <summary>The catalogues used when configuration names none: a few of Alibaba's public images and current instance types.</summary>
internal static class DefaultCompute
{
    public static IReadOnlyList<ImageDefinition> Images { get; } =
    [
        Image("aliyun_3_x64_20G_alibase_20240528.vhd", "acs:alibaba_cloud_linux_3_2104_lts_x64", "Alibaba Cloud Linux  3.2104 LTS 64位",
            "Alibaba Cloud Linux  3.2104 LTS 64 bit", "Aliyun", "linux", 20, "2024-05-28T00:00:00Z"),
        Image("ubuntu_22_04_x64_20G_alibase_20240530.vhd", "acs:ubuntu_22_04_x64", "Ubuntu  22.04 64位", "Ubuntu  22.04 64 bit", "Ubuntu",
            "linux", 20, "2024-05-30T00:00:00Z"),
        Image("ubuntu_22_04_x64_20G_alibase_20240101.vhd", "acs:ubuntu_22_04_x64", "Ubuntu  22.04 64位", "Ubuntu  22.04 64 bit", "Ubuntu",
            "linux", 20, "2024-01-01T00:00:00Z"),
        Image("centos_7_9_x64_20G_alibase_20240101.vhd", "acs:centos_7_9_x64", "CentOS  7.9 64位", "CentOS  7.9 64 bit", "CentOS",
            "linux", 20, "2024-01-01T00:00:00Z"),
        Image("debian_12_5_x64_20G_alibase_20240527.vhd", "acs:debian_12_x64", "Debian  12.5 64位", "Debian  12.5 64 bit", "Debian",
            "linux", 20, "2024-05-27T00:00:00Z"),
        Image("win2022_21H2_x64_dtc_en-us_40G_alibase_20240515.vhd", "acs:windows_server_2022_x64_en", "Windows Server  2022 数据中心版 64位英文版",
            "Windows Server  2022 DataCenter Edition 64bit English Edition", "Windows Server 2022", "windows", 40, "2024-05-15T00:00:00Z"),
    ];

    public static IReadOnlyList<InstanceTypeDefinition> InstanceTypes { get; } =
    [
        Type("ecs.g7.large", 2, 8, 3, 6),
        Type("ecs.g7.xlarge", 4, 16, 4, 15),
        Type("ecs.c7.large", 2, 4, 3, 6),
        Type("ecs.c7.xlarge", 4, 8, 4, 15),
        Type("ecs.r7.large", 2, 16, 3, 6),
        Type("ecs.t6-c1m1.large", 2, 2, 2, 2, initialCredit: 60, baselineCredit: 10),
        Type("ecs.t6-c1m2.large", 2, 4, 2, 2, initialCredit: 60, baselineCredit: 10),
    ];

    public static IReadOnlyList<string> DiskCategories { get; } = ["cloud_essd", "cloud_auto", "cloud_efficiency", "cloud_ssd"];

    private static ImageDefinition Image(string id, string family, string osName, string osNameEn, string platform, string osType, int size,
        string created) => new()
        {
            ImageId = id,
            ImageName = id,
            ImageFamily = family,
            OSName = osName,
            OSNameEn = osNameEn,
            Platform = platform,
            OSType = osType,
            Size = size,
            CreationTime = created,
        };

    private static InstanceTypeDefinition Type(string id, int cpu, double memory, int enis, int ipsPerEni, int initialCredit = 0, int baselineCredit = 0) =>
        new()
        {
            InstanceTypeId = id,
            CpuCoreCount = cpu,
            MemorySize = memory,
            EniQuantity = enis,
            EniPrivateIpAddressQuantity = ipsPerEni,
            EniIpv6AddressQuantity = ipsPerEni,
            InitialCredit = initialCredit,
            BaselineCredit = baselineCredit,
        };
}
