using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Compute;
using SecurityGroups.Domain.Instances;

namespace SecurityGroups.Api.Instances;

public sealed class DescribeInstanceAttributeRequest : CommonParameters
{
    /// <summary>The instance (found by ID in the caller's account). Required.</summary>
    public string? InstanceId { get; set; }

    /// <summary>Accepted (older SDKs send it); when given, the instance must be in it.</summary>
    public string? RegionId { get; set; }
}

public sealed class DescribeInstanceAttributeValidator : AcsValidator<DescribeInstanceAttributeRequest>
{
    public DescribeInstanceAttributeValidator() => RuleFor(r => r.InstanceId).Required();
}

/// <summary>One instance's attributes (Alibaba's flat shape, not DescribeInstances' list item).</summary>
public sealed class DescribeInstanceAttributeResponse : AcsResponse
{
    public required string InstanceId { get; init; }
    public required string InstanceName { get; init; }
    public required string Description { get; init; }
    public required string HostName { get; init; }
    public required string RegionId { get; init; }
    public required string ZoneId { get; init; }
    public required string InstanceType { get; init; }
    public required string ImageId { get; init; }
    public required int Cpu { get; init; }
    public required int Memory { get; init; }
    public required string Status { get; init; }
    public required string CreationTime { get; init; }
    public required string InstanceChargeType { get; init; }
    public required string ExpiredTime { get; init; }
    public required string StoppedMode { get; init; }
    public string InternetChargeType { get; init; } = "PayByTraffic";
    public int InternetMaxBandwidthIn { get; init; }
    public int InternetMaxBandwidthOut { get; init; }
    public string InstanceNetworkType { get; init; } = "vpc";
    public string IoOptimized { get; init; } = "optimized";
    public string VlanId { get; init; } = "";
    public string SerialNumber { get; init; } = "";
    public string CreditSpecification { get; init; } = "";
    public string ClusterId { get; init; } = "";
    public bool EnableJumboFrame { get; init; }
    public required SecurityGroupIdList SecurityGroupIds { get; init; }
    public IpAddressList PublicIpAddress { get; init; } = new([]);
    public IpAddressList InnerIpAddress { get; init; } = new([]);
    public required InstanceVpcAttributes VpcAttributes { get; init; }
    public InstanceEipAddress EipAddress { get; init; } = new("", "", 0, "");
    public InstanceAttributeDedicatedHost DedicatedHostAttribute { get; init; } = new("", "");
    public bool EnableNetworkEncryption { get; init; }
    public InstanceNetworkOptions NetworkOptions { get; init; } = new("", false, false);
    public InstanceSecurityOptions SecurityOptions { get; init; } = new(false);
    public OperationLockList OperationLocks { get; init; } = new([]);

    public static DescribeInstanceAttributeResponse From(InstanceView view, ComputeCatalog compute)
    {
        var item = InstanceItem.From(view, compute);
        return new DescribeInstanceAttributeResponse
        {
            InstanceId = item.InstanceId,
            InstanceName = item.InstanceName,
            Description = item.Description,
            HostName = item.HostName,
            RegionId = item.RegionId,
            ZoneId = item.ZoneId,
            InstanceType = item.InstanceType,
            ImageId = item.ImageId,
            Cpu = item.Cpu,
            Memory = item.Memory,
            Status = item.Status,
            CreationTime = AcsTime.Minutes(view.Instance.CreatedAt),
            InstanceChargeType = item.InstanceChargeType,
            ExpiredTime = item.ExpiredTime,
            StoppedMode = item.StoppedMode,
            InternetChargeType = item.InternetChargeType,
            InternetMaxBandwidthIn = item.InternetMaxBandwidthIn,
            InternetMaxBandwidthOut = item.InternetMaxBandwidthOut,
            PublicIpAddress = item.PublicIpAddress,
            SecurityGroupIds = item.SecurityGroupIds,
            VpcAttributes = item.VpcAttributes,
            CreditSpecification = item.CreditSpecification,
        };
    }
}

public sealed record InstanceAttributeDedicatedHost(string DedicatedHostId, string DedicatedHostName);

public sealed record InstanceNetworkOptions(string BandwidthWeighting, bool EnableJumboFrame, bool EnableNetworkEncryption);
