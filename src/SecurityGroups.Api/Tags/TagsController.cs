using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Tags;

namespace SecurityGroups.Api.Tags;

/// <summary>ECS 2014-05-26: tags of ECS resources.</summary>
[AcsProduct(AcsProductAttribute.Ecs, AcsProductAttribute.EcsVersion)]
public sealed class TagsController(TagService tags) : AcsController
{
    /// <summary>Adds tags to resources (an existing key gets the new value); at most 20 tags per resource.</summary>
    [AcsAction]
    public async Task<AcsResponse> TagResources([FromQuery] TagResourcesRequest request, CancellationToken ct)
    {
        await tags.TagAsync(request.RegionId!, request.ResourceType!, request.ResourceId!, TagParameter.ToInputs(request.Tag), ct);
        return new AcsResponse();
    }

    /// <summary>Removes the named tag keys, or all tags with <c>All=true</c>, from resources.</summary>
    [AcsAction]
    public async Task<AcsResponse> UntagResources([FromQuery] UntagResourcesRequest request, CancellationToken ct)
    {
        await tags.UntagAsync(request.RegionId!, request.ResourceType!, request.ResourceId!, request.TagKey ?? [], request.All == true, ct);
        return new AcsResponse();
    }

    /// <summary>Lists resources' tags, by resource IDs and/or tags, 50 per page.</summary>
    [AcsAction]
    public async Task<ListTagResourcesResponse> ListTagResources([FromQuery] ListTagResourcesRequest request, CancellationToken ct)
    {
        var filters = (request.TagFilter ?? []).Select(f => new TagFilterInput(f.TagKey!, f.TagValues ?? [])).ToList();
        var listing = await tags.ListAsync(request.RegionId!, request.ResourceType!, request.ResourceId ?? [], TagParameter.ToInputs(request.Tag),
            filters, request.NextToken, ct);
        return ListTagResourcesResponse.From(listing);
    }
}
