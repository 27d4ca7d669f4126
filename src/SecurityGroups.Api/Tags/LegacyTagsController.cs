using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Tags;

namespace SecurityGroups.Api.Tags;

/// <summary>ECS 2014-05-26: the legacy tag Actions, over the same tags as TagResources / ListTagResources.</summary>
[AcsProduct(AcsProductAttribute.Ecs, AcsProductAttribute.EcsVersion)]
public sealed class LegacyTagsController(LegacyTagService tags) : AcsController
{
    /// <summary>Adds tags to one resource (an existing key gets the new value); at most 20 tags per resource.</summary>
    [AcsAction]
    public async Task<AcsResponse> AddTags([FromQuery] AddTagsRequest request, CancellationToken ct)
    {
        await tags.AddAsync(request.RegionId!, request.ResourceType!, request.ResourceId!, TagParameter.ToInputs(request.Tag), ct);
        return new AcsResponse();
    }

    /// <summary>Removes tags from one resource: by key, and by value too when one is given.</summary>
    [AcsAction]
    public async Task<AcsResponse> RemoveTags([FromQuery] RemoveTagsRequest request, CancellationToken ct)
    {
        await tags.RemoveAsync(request.RegionId!, request.ResourceType!, request.ResourceId!, TagParameter.ToInputs(request.Tag), ct);
        return new AcsResponse();
    }

    /// <summary>Lists the distinct tags of a region's resources, with how many resources of each type carry each (PageNumber/PageSize).</summary>
    [AcsAction]
    public async Task<DescribeTagsResponse> DescribeTags([FromQuery] DescribeTagsRequest request, CancellationToken ct) =>
        new(await tags.DescribeTagsAsync(request.RegionId!, request.ResourceType, request.ResourceId,
            TagParameter.ToInputs(request.Tag), Page(request.PageNumber, request.PageSize), ct));

    /// <summary>Lists the resources carrying every given tag (PageNumber/PageSize).</summary>
    [AcsAction]
    public async Task<DescribeResourceByTagsResponse> DescribeResourceByTags([FromQuery] DescribeResourceByTagsRequest request, CancellationToken ct) =>
        new(await tags.DescribeResourcesAsync(request.RegionId!, request.ResourceType, TagParameter.ToInputs(request.Tag),
            Page(request.PageNumber, request.PageSize), ct));

    private static Domain.Common.PageRequest Page(int? pageNumber, int? pageSize) =>
        PageParameters.From(pageNumber, pageSize ?? LegacyTagService.DefaultPageSize, LegacyTagService.MaxPageSize);
}
