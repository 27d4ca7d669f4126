using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Lists;

namespace SecurityGroups.Api.Lists;

/// <summary>ECS 2014-05-26: port range lists (port ranges used by TCP/UDP rules).</summary>
[AcsProduct(AcsProductAttribute.Ecs, AcsProductAttribute.EcsVersion)]
public sealed class PortRangeListsController(PortRangeListService lists) : AcsController
{
    /// <summary>Creates a port range list with at most MaxEntries non-overlapping ranges.</summary>
    [AcsAction]
    [AcsIdempotent]
    public async Task<CreatePortRangeListResponse> CreatePortRangeList([FromQuery] CreatePortRangeListRequest request, CancellationToken ct) =>
        new()
        {
            PortRangeListId = await lists.CreateAsync(new CreatePortRangeListCommand(request.RegionId!, request.MaxEntries!.Value, request.PortRangeListName!,
                request.Description, request.ResourceGroupId, ListParameters.Entries(request.Entry), TagParameter.ToInputs(request.Tag)), ct),
        };

    /// <summary>Lists port range lists (a bare <c>PortRangeLists</c> array).</summary>
    [AcsAction]
    public async Task<DescribePortRangeListsResponse> DescribePortRangeLists([FromQuery] DescribePortRangeListsRequest request, CancellationToken ct) =>
        DescribePortRangeListsResponse.From(await lists.DescribeAsync(new ListQuery(request.RegionId!, request.PortRangeListId ?? [], request.PortRangeListName,
            null, request.ResourceGroupId, TagParameter.ToInputs(request.Tag), ListParameters.MaxResults(request.MaxResults), request.NextToken), ct));

    /// <summary>The entries of a port range list (a bare <c>Entries</c> array).</summary>
    [AcsAction]
    public async Task<DescribePortRangeListEntriesResponse> DescribePortRangeListEntries([FromQuery] PortRangeListIdRequest request, CancellationToken ct) =>
        new() { Entries = (await lists.EntriesAsync(request.RegionId!, request.PortRangeListId!, ct)).Select(e => new PortRangeEntryItem(e.PortRange, e.Description)).ToList() };

    /// <summary>Adds and removes entries, renames.</summary>
    [AcsAction]
    [AcsIdempotent]
    public async Task<AcsResponse> ModifyPortRangeList([FromQuery] ModifyPortRangeListRequest request, CancellationToken ct)
    {
        await lists.ModifyAsync(new ModifyListCommand(request.RegionId!, request.PortRangeListId!, request.PortRangeListName, request.Description,
            ListParameters.Entries(request.AddEntry), (request.RemoveEntry ?? []).Select(e => e.PortRange ?? "").ToList()), ct);
        return new AcsResponse();
    }

    /// <summary>Deletes a port range list; refused while a rule uses it.</summary>
    [AcsAction]
    public async Task<AcsResponse> DeletePortRangeList([FromQuery] PortRangeListIdRequest request, CancellationToken ct)
    {
        await lists.DeleteAsync(request.RegionId!, request.PortRangeListId!, ct);
        return new AcsResponse();
    }

    /// <summary>The security groups whose rules use the port range list (a bare array).</summary>
    [AcsAction]
    public async Task<DescribePortRangeListAssociationsResponse> DescribePortRangeListAssociations([FromQuery] DescribePortRangeListAssociationsRequest request, CancellationToken ct)
    {
        var page = await lists.AssociationsAsync(request.RegionId!, request.PortRangeListId!, ListParameters.MaxResults(request.MaxResults), request.NextToken, ct);
        return new DescribePortRangeListAssociationsResponse { NextToken = page.NextToken ?? "", PortRangeListAssociations = page.Items };
    }
}
