using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Compute;
using SecurityGroups.Domain.Instances;

namespace SecurityGroups.Api.Instances;

/// <summary>ECS 2014-05-26: instances (a faithful model without machines) and their security groups.</summary>
[AcsProduct(AcsProductAttribute.Ecs, AcsProductAttribute.EcsVersion)]
public sealed class InstancesController(InstanceService instances, NetworkInterfaceService enis, ComputeCatalog compute, InstanceVpcService vpcAttributes)
    : AcsController
{
    /// <summary>Launches 1-100 running instances into a vSwitch and groups, each with a primary ENI and private IP.</summary>
    [AcsAction]
    [AcsIdempotent]
    public async Task<RunInstancesResponse> RunInstances([FromQuery] RunInstancesRequest request, CancellationToken ct) =>
        new() { InstanceIdSets = new InstanceIdSets(await instances.RunAsync(RunCommand(request), ct)) };

    /// <summary>Creates one instance in the Stopped state.</summary>
    [AcsAction]
    [AcsIdempotent]
    public async Task<CreateInstanceResponse> CreateInstance([FromQuery] CreateInstanceRequest request, CancellationToken ct)
    {
        var groups = string.IsNullOrEmpty(request.SecurityGroupId) ? [] : new[] { request.SecurityGroupId };
        return new() { InstanceId = (await instances.RunAsync(Command(request, groups, 1, stopped: true), ct))[0] };
    }

    /// <summary>Lists instances with their VPC attributes, groups and ENIs.</summary>
    [AcsAction]
    public async Task<DescribeInstancesResponse> DescribeInstances([FromQuery] DescribeInstancesRequest request, CancellationToken ct)
    {
        JsonIdList.TryParse(request.InstanceIds, 100, out var ids);
        JsonIdList.TryParse(request.PrivateIpAddresses, 100, out var ips);
        JsonIdList.TryParse(request.PublicIpAddresses, 100, out var publicIps);
        var token = request.MaxResults is not null || !string.IsNullOrEmpty(request.NextToken);
        var listing = await instances.DescribeAsync(new InstanceQuery(request.RegionId!, ids, request.VpcId, request.VSwitchId, request.ZoneId,
            request.SecurityGroupId, request.Status, request.InstanceName, ips, TagParameter.ToInputs(request.Tag),
            token ? null : PageParameters.From(request.PageNumber, request.PageSize, 100), request.MaxResults ?? 10, request.NextToken)
        {
            InstanceType = request.InstanceType,
            InstanceTypeFamily = request.InstanceTypeFamily,
            ImageId = request.ImageId,
            ResourceGroupId = request.ResourceGroupId,
            InstanceNetworkType = request.InstanceNetworkType,
            KeyPairName = request.KeyPairName,
            InstanceChargeType = request.InstanceChargeType,
            InternetChargeType = request.InternetChargeType,
            PublicIpAddresses = publicIps,
            Ipv6Addresses = request.Ipv6Address ?? [],
            MatchesNothing = request.MatchesNothing(),
            CreatedFrom = FilterParameter.Time(request.Filter, FilterParameter.CreationStartTime),
            CreatedTo = FilterParameter.Time(request.Filter, FilterParameter.CreationEndTime),
            DryRun = request.DryRun == true,
            HttpEndpoint = request.HttpEndpoint,
            HttpTokens = request.HttpTokens,
            HttpPutResponseHopLimit = request.HttpPutResponseHopLimit,
        }, ct);
        return DescribeInstancesResponse.From(listing, compute);
    }

    /// <summary>Deletes an instance (a running one with Force=true), releasing its primary ENI, IPs and memberships.</summary>
    [AcsAction]
    public async Task<AcsResponse> DeleteInstance([FromQuery] DeleteInstanceRequest request, CancellationToken ct)
    {
        await instances.DeleteAsync(null, [request.InstanceId!], request.Force == true, request.DryRun == true, ct);
        return new AcsResponse();
    }

    /// <summary>Deletes up to 100 instances, all or none.</summary>
    [AcsAction]
    [AcsIdempotent]
    public async Task<AcsResponse> DeleteInstances([FromQuery] DeleteInstancesRequest request, CancellationToken ct)
    {
        await instances.DeleteAsync(request.RegionId, request.InstanceId!, request.Force == true, request.DryRun == true, ct);
        return new AcsResponse();
    }

    /// <summary>Changes an instance's attributes; <c>SecurityGroupIds.N</c> replaces its whole set of groups.</summary>
    [AcsAction]
    public async Task<AcsResponse> ModifyInstanceAttribute([FromQuery] ModifyInstanceAttributeRequest request, CancellationToken ct)
    {
        await instances.ModifyAsync(request.InstanceId!, request.SecurityGroupIds, request.InstanceName, request.Description, request.HostName,
            request.DeletionProtection, ct, request.UserData, request.CreditSpecification);
        return new AcsResponse();
    }

    /// <summary>Moves a stopped instance to another vSwitch (of the same zone; with VpcId, of another VPC) or changes its private IP.</summary>
    [AcsAction]
    public async Task<AcsResponse> ModifyInstanceVpcAttribute([FromQuery] ModifyInstanceVpcAttributeRequest request, CancellationToken ct)
    {
        await vpcAttributes.ModifyAsync(new ModifyInstanceVpcCommand(request.InstanceId!, request.VSwitchId!, request.PrivateIpAddress,
            request.SecurityGroupId ?? [], request.VpcId), ct);
        return new AcsResponse();
    }

    /// <summary>Adds an instance (its primary ENI) or an ENI to a group.</summary>
    [AcsAction]
    public async Task<AcsResponse> JoinSecurityGroup([FromQuery] SecurityGroupMembershipRequest request, CancellationToken ct)
    {
        await enis.JoinOrLeaveAsync(request.RegionId, request.InstanceId, request.NetworkInterfaceId, request.SecurityGroupId!, join: true, ct);
        return new AcsResponse();
    }

    /// <summary>Removes an instance or an ENI from a group (never from its last one).</summary>
    [AcsAction]
    public async Task<AcsResponse> LeaveSecurityGroup([FromQuery] SecurityGroupMembershipRequest request, CancellationToken ct)
    {
        await enis.JoinOrLeaveAsync(request.RegionId, request.InstanceId, request.NetworkInterfaceId, request.SecurityGroupId!, join: false, ct);
        return new AcsResponse();
    }

    /// <summary>RunInstances: the launch, with the primary ENI entry of <c>NetworkInterface.N</c> standing in for the top-level
    /// vSwitch, private IP, name and description when those are absent, and the secondary entries as launch ENIs.</summary>
    private static RunInstancesCommand RunCommand(RunInstancesRequest r)
    {
        var primary = r.PrimaryNetworkInterface;
        var vSwitchId = string.IsNullOrEmpty(r.VSwitchId) ? primary?.VSwitchId : r.VSwitchId;
        var privateIp = string.IsNullOrEmpty(r.PrivateIpAddress) ? primary?.PrimaryIpAddress : r.PrivateIpAddress;
        var secondaries = (r.NetworkInterface ?? []).Where(n => n.InstanceType != "Primary")
            .Select(n => new LaunchNetworkInterface(n.NetworkInterfaceId, n.VSwitchId, n.Groups(), n.PrimaryIpAddress, n.NetworkInterfaceName,
                n.Description, new NetworkInterfaceOptions(n.QueueNumber, n.SourceDestCheck, n.DeleteOnRelease, n.NetworkInterfaceTrafficMode)
                {
                    QueuePairNumber = n.QueuePairNumber,
                })).ToList();
        var amount = r.Amount ?? 1;
        return Command(r, r.Groups(), amount, stopped: false, vSwitchId, privateIp) with
        {
            UniqueSuffix = r.UniqueSuffix == true,
            HostNames = r.HostNames ?? [],
            Settings = Settings(r) with { AutoReleaseTime = r.AutoReleaseTime },
            // the primary entry's IPv6 addresses and options stand in for the top-level ones too (Terraform's alicloud_instance
            // sends them there once network_interface_traffic_mode, queue_pair_number or source_dest_check is set)
            Ipv6Addresses = r.Ipv6Address ?? primary?.Ipv6Address ?? [],
            Ipv6AddressCount = r.Ipv6AddressCount ?? primary?.Ipv6AddressCount ?? 0,
            SecondaryNetworkInterfaces = secondaries,
            PrimaryOptions = new NetworkInterfaceOptions(primary?.QueueNumber ?? r.NetworkInterfaceQueueNumber, primary?.SourceDestCheck,
                NetworkInterfaceTrafficMode: primary?.NetworkInterfaceTrafficMode)
            {
                QueuePairNumber = primary?.QueuePairNumber,
            },
        };
    }

    private static RunInstancesCommand Command(LaunchRequest r, IReadOnlyList<string> groups, int amount, bool stopped, string? vSwitchId = null,
        string? privateIp = null) =>
        new(r.RegionId!, vSwitchId ?? r.VSwitchId!, r.ZoneId, groups, amount, privateIp ?? r.PrivateIpAddress, r.InstanceName, r.Description, r.HostName,
            r.InstanceType, r.ImageId, r.ResourceGroupId, TagParameter.ToInputs(r.Tag), r.DryRun == true, stopped)
        {
            InternetMaxBandwidthOut = r.InternetMaxBandwidthOut ?? 0,
            InternetMaxBandwidthIn = r.InternetMaxBandwidthIn,
            InternetChargeType = r.InternetChargeType,
            KeyPairName = r.KeyPairName,
            DeletionProtection = r.DeletionProtection == true,
            UserData = r.UserData,
            RamRoleName = r.RamRoleName,
            InstanceChargeType = r.InstanceChargeType,
            SystemDisk = new SystemDiskInput(r.SystemDisk?.Category, r.SystemDisk?.Size, r.SystemDisk?.DiskName, r.SystemDisk?.Description,
                r.SystemDisk?.PerformanceLevel) { AutoSnapshotPolicyId = r.SystemDisk?.AutoSnapshotPolicyId },
            Settings = Settings(r),
        };

    private static LaunchSettings Settings(LaunchRequest r) => new(r.HttpEndpoint, r.HttpTokens, r.HttpPutResponseHopLimit, null, r.DeploymentSetId,
        r.PrivatePoolOptions?.MatchCriteria, r.PrivatePoolOptions?.Id, r.CreditSpecification);
}
