using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Compute;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Api.Compute;

public sealed class DescribeInstanceTypesRequest : CommonParameters
{
    /// <summary>Accepted (instance types are the same in every region).</summary>
    public string? RegionId { get; set; }

    /// <summary>Only these types, <c>InstanceTypes.N</c>, N = 1..10.</summary>
    public List<string>? InstanceTypes { get; set; }

    /// <summary>Only this family, e.g. <c>ecs.g7</c>.</summary>
    public string? InstanceTypeFamily { get; set; }

    /// <summary><c>X86</c> or <c>ARM</c>.</summary>
    public string? CpuArchitecture { get; set; }

    public int? MinimumCpuCoreCount { get; set; }

    public int? MaximumCpuCoreCount { get; set; }

    /// <summary>GiB.</summary>
    public float? MinimumMemorySize { get; set; }

    /// <summary>GiB.</summary>
    public float? MaximumMemorySize { get; set; }

    public int? MinimumEniQuantity { get; set; }

    public int? MinimumEniPrivateIpAddressQuantity { get; set; }

    public int? MinimumEniIpv6AddressQuantity { get; set; }

    public string? GPUSpec { get; set; }

    /// <summary>1-1600 (default 1600).</summary>
    public long? MaxResults { get; set; }

    public string? NextToken { get; set; }

    /// <summary><c>AdditionalAttributes.N</c>, N = 1..10: Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public List<string>? AdditionalAttributes { get; set; }

    /// <summary><c>CpuArchitectures.N</c>, N = 1..10: Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public List<string>? CpuArchitectures { get; set; }

    /// <summary><c>GpuSpecs.N</c>, N = 1..10: Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public List<string>? GpuSpecs { get; set; }

    /// <summary><c>InstanceCategories.N</c>, N = 1..10: Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public List<string>? InstanceCategories { get; set; }

    /// <summary><c>InstanceTypeFamilies.N</c>, N = 1..10: Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public List<string>? InstanceTypeFamilies { get; set; }

    /// <summary><c>LocalStorageCategories.N</c>, N = 1..10: Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public List<string>? LocalStorageCategories { get; set; }

    /// <summary><c>PhysicalProcessorModels.N</c>, N = 1..10: Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public List<string>? PhysicalProcessorModels { get; set; }

    /// <summary>Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public string? InstanceCategory { get; set; }

    /// <summary>Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public string? InstanceFamilyLevel { get; set; }

    /// <summary>Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public string? LocalStorageCategory { get; set; }

    /// <summary>Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public int? MaximumCpuSpeedFrequency { get; set; }

    /// <summary>Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public int? MaximumCpuTurboFrequency { get; set; }

    /// <summary>Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public int? MaximumGPUAmount { get; set; }

    /// <summary>Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public int? MinimumBaselineCredit { get; set; }

    /// <summary>Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public int? MinimumCpuSpeedFrequency { get; set; }

    /// <summary>Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public int? MinimumCpuTurboFrequency { get; set; }

    /// <summary>Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public int? MinimumDiskQuantity { get; set; }

    /// <summary>Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public int? MinimumEriQuantity { get; set; }

    /// <summary>Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public int? MinimumGPUAmount { get; set; }

    /// <summary>Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public int? MinimumInitialCredit { get; set; }

    /// <summary>Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public int? MinimumInstanceBandwidthRx { get; set; }

    /// <summary>Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public int? MinimumInstanceBandwidthTx { get; set; }

    /// <summary>Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public int? MinimumInstancePpsRx { get; set; }

    /// <summary>Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public int? MinimumInstancePpsTx { get; set; }

    /// <summary>Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public int? MinimumLocalStorageAmount { get; set; }

    /// <summary>Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public int? MinimumLocalStorageCapacity { get; set; }

    /// <summary>Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public int? MinimumPrimaryEniQueueNumber { get; set; }

    /// <summary>Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public int? MinimumQueuePairNumber { get; set; }

    /// <summary>Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public int? MinimumSecondaryEniQueueNumber { get; set; }

    /// <summary>Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public string? NvmeSupport { get; set; }

    /// <summary>Accepted; no effect here (the catalogue does not model this attribute).</summary>
    public string? PhysicalProcessorModel { get; set; }
}

public sealed class DescribeInstanceTypesValidator : AcsValidator<DescribeInstanceTypesRequest>
{
    public DescribeInstanceTypesValidator()
    {
        RuleFor(r => r.InstanceTypes).MaxItems(ListBounds.InstanceTypes, AcsErrors.InvalidParameter);
        RuleFor(r => r.AdditionalAttributes).MaxItems(ListBounds.InstanceTypeFilters, AcsErrors.InvalidParameter);
        RuleFor(r => r.CpuArchitectures).MaxItems(ListBounds.InstanceTypeFilters, AcsErrors.InvalidParameter);
        RuleFor(r => r.GpuSpecs).MaxItems(ListBounds.InstanceTypeFilters, AcsErrors.InvalidParameter);
        RuleFor(r => r.InstanceCategories).MaxItems(ListBounds.InstanceTypeFilters, AcsErrors.InvalidParameter);
        RuleFor(r => r.InstanceTypeFamilies).MaxItems(ListBounds.InstanceTypeFilters, AcsErrors.InvalidParameter);
        RuleFor(r => r.LocalStorageCategories).MaxItems(ListBounds.InstanceTypeFilters, AcsErrors.InvalidParameter);
        RuleFor(r => r.PhysicalProcessorModels).MaxItems(ListBounds.InstanceTypeFilters, AcsErrors.InvalidParameter);
        RuleFor(r => r.MaxResults).InclusiveBetween(1, 1600).Raises(AcsErrors.InvalidParameterMaxResults);
        RuleFor(r => r.CpuArchitecture).OneOf("X86", "ARM").Raises(AcsErrors.InvalidParameter);
    }
}

public sealed class DescribeInstanceTypesResponse : AcsResponse
{
    /// <summary>Empty on the last page.</summary>
    public required string NextToken { get; init; }

    public required InstanceTypeList InstanceTypes { get; init; }

    public static DescribeInstanceTypesResponse From(DescribeInstanceTypesRequest r, ComputeCatalog compute)
    {
        var matching = compute.InstanceTypes.Where(t =>
            (r.InstanceTypes is not { Count: > 0 } || r.InstanceTypes.Contains(t.InstanceTypeId))
            && (string.IsNullOrEmpty(r.InstanceTypeFamily) || t.InstanceTypeFamily == r.InstanceTypeFamily)
            && (string.IsNullOrEmpty(r.CpuArchitecture) || t.CpuArchitecture == r.CpuArchitecture)
            && (string.IsNullOrEmpty(r.GPUSpec) || t.GPUSpec == r.GPUSpec)
            && t.CpuCoreCount >= (r.MinimumCpuCoreCount ?? 0) && t.CpuCoreCount <= (r.MaximumCpuCoreCount ?? int.MaxValue)
            && t.MemorySize >= (r.MinimumMemorySize ?? 0) && t.MemorySize <= (r.MaximumMemorySize ?? float.MaxValue)
            && t.EniQuantity >= (r.MinimumEniQuantity ?? 0)
            && t.EniPrivateIpAddressQuantity >= (r.MinimumEniPrivateIpAddressQuantity ?? 0)
            && t.EniIpv6AddressQuantity >= (r.MinimumEniIpv6AddressQuantity ?? 0)).ToList();
        var start = 0;
        if (!string.IsNullOrEmpty(r.NextToken))
        {
            var at = matching.FindIndex(t => t.InstanceTypeId == r.NextToken);
            start = at < 0 ? throw new AcsException(AcsErrors.InvalidParameterNextToken) : at;
        }

        var size = (int)(r.MaxResults ?? 1600);
        var page = matching.Skip(start).Take(size).ToList();
        var next = start + size < matching.Count ? matching[start + size].InstanceTypeId : "";
        return new DescribeInstanceTypesResponse { NextToken = next, InstanceTypes = new InstanceTypeList(page.Select(InstanceTypeItem.From).ToList()) };
    }
}

public sealed record InstanceTypeList(IReadOnlyList<InstanceTypeItem> InstanceType);

public sealed record NetworkCardInfo(int NetworkCardIndex);

public sealed record NetworkCardInfoList(IReadOnlyList<NetworkCardInfo> NetworkCardInfo);

public sealed record SupportedBootModeList(IReadOnlyList<string> SupportedBootMode);

public sealed record InstanceTypeAttribute(string Name, string Value);

public sealed record InstanceTypeAttributeList(IReadOnlyList<InstanceTypeAttribute> Attribute)
{
    public static readonly InstanceTypeAttributeList Empty = new([]);
}

public sealed record SupportedTopologyTypeList(IReadOnlyList<string> SupportedTopologyType);

/// <summary>Two threads per physical core (one for a single-vCPU type), as on Alibaba's x86 families; all integers.</summary>
public sealed record InstanceTypeCpuOptions(int Core, int ThreadsPerCore, int CoreFactor, bool HyperThreadingAdjustable,
    string NestedVirtualizationSupport, SupportedTopologyTypeList SupportedTopologyTypes)
{
    public static InstanceTypeCpuOptions For(int vCpus)
    {
        var threads = vCpus >= 2 ? 2 : 1;
        return new(vCpus / threads, threads, 1, false, "unsupported", new([]));
    }
}

public sealed record WeightingInfo(string Name, int VpcBandwidth, int EbsBandwidth, int VpcBurstBandwidth, int EbsBurstBandwidth);

public sealed record WeightingInfoList(IReadOnlyList<WeightingInfo> WeightingInfo);

public sealed record BandwidthWeighting(WeightingInfoList WeightingInfos);

public sealed record InstanceTypeNetworkInfo(BandwidthWeighting BandwidthWeighting)
{
    public static readonly InstanceTypeNetworkInfo Empty = new(new BandwidthWeighting(new WeightingInfoList([])));
}

/// <summary>An instance type; counts are integers (the provider's <c>formatInt</c> refuses "2.0"), MemorySize is GiB.</summary>
public sealed record InstanceTypeItem
{
    public required string InstanceTypeId { get; init; }
    public required string InstanceTypeFamily { get; init; }
    public required int CpuCoreCount { get; init; }
    public required double MemorySize { get; init; }
    public required int EniQuantity { get; init; }
    public required int EniTotalQuantity { get; init; }
    public required int EniPrivateIpAddressQuantity { get; init; }
    public required int EniIpv6AddressQuantity { get; init; }
    public required int GPUAmount { get; init; }
    public required string GPUSpec { get; init; }
    public required int InitialCredit { get; init; }
    public required int BaselineCredit { get; init; }
    public required string CpuArchitecture { get; init; }
    public required int PrimaryEniQueueNumber { get; init; }
    public required int SecondaryEniQueueNumber { get; init; }
    public required int MaximumQueueNumberPerEni { get; init; }
    public required int TotalEniQueueQuantity { get; init; }
    public required int InstanceBandwidthRx { get; init; }
    public required int InstanceBandwidthTx { get; init; }
    public required int InstancePpsRx { get; init; }
    public required int InstancePpsTx { get; init; }
    public required string InstanceCategory { get; init; }
    public double GPUMemorySize { get; init; }
    public string LocalStorageCategory { get; init; } = "";
    public int LocalStorageAmount { get; init; }
    public long LocalStorageCapacity { get; init; }
    public string NvmeSupport { get; init; } = "required";
    public string InstanceFamilyLevel { get; init; } = "EnterpriseLevel";
    public bool EniTrunkSupported { get; init; } = true;
    public int EriQuantity { get; init; }
    public int DiskQuantity { get; init; } = 17;
    public int QueuePairNumber { get; init; }
    public bool JumboFrameSupport { get; init; }
    public bool NetworkEncryptionSupport { get; init; }
    public int NetworkCardQuantity { get; init; } = 1;
    public InstanceTypeClock Clock { get; init; } = new("unsupported");
    public InstanceTypeEnhancedNetwork EnhancedNetwork { get; init; } = new(false, true, false, 0);
    public InstanceTypeSecurityOptions SecurityOptions { get; init; } = new("unsupported");
    public double CpuSpeedFrequency { get; init; } = 2.7;
    public double CpuTurboFrequency { get; init; } = 3.5;
    public string PhysicalProcessorModel { get; init; } = "Intel Xeon (Ice Lake) Platinum 8369B";
    public NetworkCardInfoList NetworkCards { get; init; } = new([new NetworkCardInfo(0)]);
    public SupportedBootModeList SupportedBootModes { get; init; } = new(["BIOS", "UEFI"]);
    /// <summary>Always present, empty: the emulator models no extra type attributes.</summary>
    public InstanceTypeAttributeList Attributes { get; init; } = InstanceTypeAttributeList.Empty;
    public required InstanceTypeCpuOptions CpuOptions { get; init; }
    /// <summary>Always present; no bandwidth weighting options are modelled, so the list is empty.</summary>
    public InstanceTypeNetworkInfo NetworkInfo { get; init; } = InstanceTypeNetworkInfo.Empty;

    public static InstanceTypeItem From(InstanceTypeDefinition t) => new()
    {
        InstanceTypeId = t.InstanceTypeId,
        InstanceTypeFamily = t.InstanceTypeFamily,
        CpuCoreCount = t.CpuCoreCount,
        MemorySize = t.MemorySize,
        EniQuantity = t.EniQuantity,
        EniTotalQuantity = t.EniQuantity,
        EniPrivateIpAddressQuantity = t.EniPrivateIpAddressQuantity,
        EniIpv6AddressQuantity = t.EniIpv6AddressQuantity,
        GPUAmount = t.GPUAmount,
        GPUSpec = t.GPUSpec,
        InitialCredit = t.InitialCredit,
        BaselineCredit = t.BaselineCredit,
        CpuArchitecture = t.CpuArchitecture,
        PrimaryEniQueueNumber = t.CpuCoreCount,
        SecondaryEniQueueNumber = t.CpuCoreCount,
        MaximumQueueNumberPerEni = t.CpuCoreCount,
        TotalEniQueueQuantity = t.CpuCoreCount * t.EniQuantity,
        InstanceBandwidthRx = 1_024_000 * t.CpuCoreCount,
        InstanceBandwidthTx = 1_024_000 * t.CpuCoreCount,
        InstancePpsRx = 450_000 * t.CpuCoreCount,
        InstancePpsTx = 450_000 * t.CpuCoreCount,
        InstanceCategory = t.InitialCredit > 0 ? "Shared" : "General-purpose",
        CpuOptions = InstanceTypeCpuOptions.For(t.CpuCoreCount),
    };
}

public sealed record InstanceTypeClock(string PtpSupport);

public sealed record InstanceTypeEnhancedNetwork(bool SriovSupport, bool RssSupport, bool ExpressSupport, int VfQueueNumberPerEni);

public sealed record InstanceTypeSecurityOptions(string SecureBootSupport);
