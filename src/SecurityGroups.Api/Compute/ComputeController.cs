using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;
using SecurityGroups.Domain.Compute;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Regions;

namespace SecurityGroups.Api.Compute;

/// <summary>ECS 2014-05-26: zones, available resources, instance types and images (the catalogues of section <c>Compute</c>).</summary>
[AcsProduct(AcsProductAttribute.Ecs, AcsProductAttribute.EcsVersion)]
public sealed class ComputeController(ComputeCatalog compute, RegionCatalog regions) : AcsController
{
    /// <summary>Lists the zones of a region with the instance types and disk categories each offers.</summary>
    [AcsAction]
    public DescribeZonesResponse DescribeZones([FromQuery] DescribeZonesRequest request) =>
        DescribeZonesResponse.From(regions.Require(request.RegionId!), compute, request.AcceptLanguage ?? "zh-CN");

    /// <summary>What each zone offers: zones, I/O optimization, instance types, system or data disk categories, networks.</summary>
    [AcsAction]
    public DescribeAvailableResourceResponse DescribeAvailableResource([FromQuery] DescribeAvailableResourceRequest request) =>
        DescribeAvailableResourceResponse.From(request.RegionId!, request, compute);

    /// <summary>Lists instance types with their vCPUs, memory and ENI limits (token paging).</summary>
    [AcsAction]
    public DescribeInstanceTypesResponse DescribeInstanceTypes([FromQuery] DescribeInstanceTypesRequest request)
    {
        if (!string.IsNullOrEmpty(request.RegionId))
        {
            regions.Require(request.RegionId);
        }

        return DescribeInstanceTypesResponse.From(request, compute);
    }

    /// <summary>Lists the public images of a region.</summary>
    [AcsAction]
    public DescribeImagesResponse DescribeImages([FromQuery] DescribeImagesRequest request) =>
        request.DryRun == true ? throw new AcsException(AcsErrors.DryRunOperation) : DescribeImagesResponse.From(request, compute);
}
