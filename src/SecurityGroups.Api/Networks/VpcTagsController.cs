using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Api.Tags;
using SecurityGroups.Domain.Tags;

namespace SecurityGroups.Api.Networks;

/// <summary>
/// VPC 2016-04-28 tag Actions (<c>ResourceType</c> <c>VPC</c> or <c>VSWITCH</c>): the same tag store, parameters and limits as
/// ECS's TagResources / UntagResources / ListTagResources, under the VPC API's names (note <c>UnTagResources</c>).
/// </summary>
[AcsProduct(AcsProductAttribute.Vpc, AcsProductAttribute.VpcVersion)]
public sealed class VpcTagsController(TagService tags) : AcsController
{
    /// <summary>Adds or overwrites tags on VPCs or vSwitches.</summary>
    [AcsAction]
    public async Task<AcsResponse> TagResources([FromQuery] TagResourcesRequest request, CancellationToken ct)
    {
        await tags.TagAsync(request.RegionId!, request.ResourceType!, request.ResourceId!, TagParameter.ToInputs(request.Tag), ct,
            TagService.VpcResourceTypes);
        return new AcsResponse();
    }

    /// <summary>Removes tags (by key, or <c>All</c>) from VPCs or vSwitches.</summary>
    [AcsAction]
    public async Task<AcsResponse> UnTagResources([FromQuery] UntagResourcesRequest request, CancellationToken ct)
    {
        await tags.UntagAsync(request.RegionId!, request.ResourceType!, request.ResourceId!, request.TagKey ?? [], request.All == true, ct,
            TagService.VpcResourceTypes);
        return new AcsResponse();
    }

    /// <summary>Lists the tags of VPCs or vSwitches.</summary>
    [AcsAction]
    public async Task<ListTagResourcesResponse> ListTagResources([FromQuery] VpcListTagResourcesRequest request, CancellationToken ct)
    {
        var filters = (request.TagFilter ?? []).Select(f => new TagFilterInput(f.TagKey!, f.TagValues ?? [])).ToList();
        var listing = await tags.ListAsync(request.RegionId!, request.ResourceType!, request.ResourceId ?? [], TagParameter.ToInputs(request.Tag),
            filters, request.NextToken, ct, TagService.VpcResourceTypes);
        return ListTagResourcesResponse.From(listing);
    }
}
