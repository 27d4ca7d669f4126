using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Instances;

namespace SecurityGroups.Api.Instances;

/// <summary>ECS 2014-05-26: elastic network interfaces.</summary>
[AcsProduct(AcsProductAttribute.Ecs, AcsProductAttribute.EcsVersion)]
public sealed class NetworkInterfacesController(NetworkInterfaceService enis) : AcsController
{
    /// <summary>Creates a secondary ENI in a vSwitch and groups, with a primary and optional secondary private IPs.</summary>
    [AcsAction]
    [AcsIdempotent]
    public async Task<CreateNetworkInterfaceResponse> CreateNetworkInterface([FromQuery] CreateNetworkInterfaceRequest request, CancellationToken ct) =>
        CreateNetworkInterfaceResponse.From(await enis.CreateAsync(new CreateNetworkInterfaceCommand(request.RegionId!, request.VSwitchId!,
            request.Groups(), request.PrimaryIpAddress, request.PrivateIpAddress ?? [], request.SecondaryPrivateIpAddressCount ?? 0,
            request.NetworkInterfaceName, request.Description, request.ResourceGroupId, TagParameter.ToInputs(request.Tag), request.Options())
        {
            Ipv6Addresses = request.Ipv6Address ?? [],
            Ipv6AddressCount = request.Ipv6AddressCount ?? 0,
        }, ct));

    /// <summary>Lists ENIs with their groups and private IPs.</summary>
    [AcsAction]
    public async Task<DescribeNetworkInterfacesResponse> DescribeNetworkInterfaces([FromQuery] DescribeNetworkInterfacesRequest request, CancellationToken ct)
    {
        var token = request.MaxResults is not null || !string.IsNullOrEmpty(request.NextToken);
        return DescribeNetworkInterfacesResponse.From(await enis.DescribeAsync(new NetworkInterfaceQuery(request.RegionId!, request.NetworkInterfaceId ?? [],
            request.InstanceId, request.VpcId, request.VSwitchId, request.SecurityGroupId, request.Type, request.Status, request.PrimaryIpAddress,
            request.NetworkInterfaceName, TagParameter.ToInputs(request.Tag), token ? null : PageParameters.From(request.PageNumber, request.PageSize, 500),
            request.MaxResults ?? 10, request.NextToken)
        {
            PrivateIpAddresses = request.PrivateIpAddress ?? [],
            Ipv6Addresses = request.Ipv6Address ?? [],
            ResourceGroupId = request.ResourceGroupId,
            ServiceManaged = request.ServiceManaged,
        }, ct));
    }

    /// <summary>One ENI with every attribute the SDK model declares.</summary>
    [AcsAction]
    public async Task<DescribeNetworkInterfaceAttributeResponse> DescribeNetworkInterfaceAttribute([FromQuery] DescribeNetworkInterfaceAttributeRequest request,
        CancellationToken ct) =>
        DescribeNetworkInterfaceAttributeResponse.From(await enis.DescribeOneAsync(request.RegionId!, request.NetworkInterfaceId!, ct));

    /// <summary>Assigns IPv6 addresses of its vSwitch's /64 to an ENI (named, or a count of random ones).</summary>
    [AcsAction]
    public async Task<AssignIpv6AddressesResponse> AssignIpv6Addresses([FromQuery] Ipv6AddressesRequest request, CancellationToken ct) => new()
    {
        NetworkInterfaceId = request.NetworkInterfaceId!,
        Ipv6Sets = new AssignedIpv6Sets(await enis.AssignIpv6Async(request.RegionId!, request.NetworkInterfaceId!, request.Ipv6Address ?? [],
            request.Ipv6AddressCount ?? 0, ct)),
    };

    /// <summary>Returns IPv6 addresses of an ENI to its vSwitch.</summary>
    [AcsAction]
    public async Task<AcsResponse> UnassignIpv6Addresses([FromQuery] Ipv6AddressesRequest request, CancellationToken ct)
    {
        await enis.UnassignIpv6Async(request.RegionId!, request.NetworkInterfaceId!, request.Ipv6Address ?? [], ct);
        return new AcsResponse();
    }

    /// <summary>Attaches an available ENI to an instance of the same VPC.</summary>
    [AcsAction]
    public async Task<AcsResponse> AttachNetworkInterface([FromQuery] AttachNetworkInterfaceRequest request, CancellationToken ct)
    {
        await enis.AttachAsync(request.RegionId!, request.NetworkInterfaceId!, request.InstanceId ?? "", ct);
        return new AcsResponse();
    }

    /// <summary>Detaches a secondary ENI from its instance.</summary>
    [AcsAction]
    public async Task<AcsResponse> DetachNetworkInterface([FromQuery] DetachNetworkInterfaceRequest request, CancellationToken ct)
    {
        await enis.DetachAsync(request.RegionId!, request.NetworkInterfaceId!, request.InstanceId ?? "", ct);
        return new AcsResponse();
    }

    /// <summary>Deletes a detached secondary ENI with its IPs and memberships.</summary>
    [AcsAction]
    public async Task<AcsResponse> DeleteNetworkInterface([FromQuery] NetworkInterfaceIdRequest request, CancellationToken ct)
    {
        await enis.DeleteAsync(request.RegionId!, request.NetworkInterfaceId!, ct);
        return new AcsResponse();
    }

    /// <summary>Assigns secondary private IPs to an ENI.</summary>
    [AcsAction]
    [AcsIdempotent]
    public async Task<AssignPrivateIpAddressesResponse> AssignPrivateIpAddresses([FromQuery] PrivateIpAddressesRequest request, CancellationToken ct)
    {
        var assigned = await enis.AssignAsync(request.RegionId!, request.NetworkInterfaceId!, request.PrivateIpAddress ?? [], request.SecondaryPrivateIpAddressCount ?? 0, ct);
        return new() { AssignedPrivateIpAddressesSet = new AssignedPrivateIpAddressesSet(request.NetworkInterfaceId!, new AssignedPrivateIpSet(assigned)) };
    }

    /// <summary>Returns secondary private IPs of an ENI to its vSwitch.</summary>
    [AcsAction]
    public async Task<AcsResponse> UnassignPrivateIpAddresses([FromQuery] PrivateIpAddressesRequest request, CancellationToken ct)
    {
        await enis.UnassignAsync(request.RegionId!, request.NetworkInterfaceId!, request.PrivateIpAddress ?? [], ct);
        return new AcsResponse();
    }

    /// <summary>Changes an ENI's name and description; <c>SecurityGroupId.N</c> replaces its whole set of groups.</summary>
    [AcsAction]
    public async Task<AcsResponse> ModifyNetworkInterfaceAttribute([FromQuery] ModifyNetworkInterfaceAttributeRequest request, CancellationToken ct)
    {
        await enis.ModifyAsync(request.RegionId!, request.NetworkInterfaceId!, request.SecurityGroupId, request.NetworkInterfaceName, request.Description, ct,
            request.Options());
        return new AcsResponse();
    }
}
