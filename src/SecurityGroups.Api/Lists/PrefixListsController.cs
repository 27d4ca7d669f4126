using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Lists;

namespace SecurityGroups.Api.Lists;

/// <summary>ECS 2014-05-26: prefix lists (CIDR blocks used as a rule's authorization object).</summary>
[AcsProduct(AcsProductAttribute.Ecs, AcsProductAttribute.EcsVersion)]
public sealed class PrefixListsController(PrefixListService lists) : AcsController
{
    /// <summary>Creates a prefix list of one address family with at most MaxEntries entries.</summary>
    [AcsAction]
    [AcsIdempotent]
    public async Task<CreatePrefixListResponse> CreatePrefixList([FromQuery] CreatePrefixListRequest request, CancellationToken ct) =>
        new()
        {
            PrefixListId = await lists.CreateAsync(new CreatePrefixListCommand(request.RegionId!, request.AddressFamily!, request.MaxEntries!.Value,
                request.PrefixListName!, request.Description, request.ResourceGroupId, ListParameters.Entries(request.Entry), TagParameter.ToInputs(request.Tag)), ct),
        };

    /// <summary>Lists prefix lists with their association counts.</summary>
    [AcsAction]
    public async Task<DescribePrefixListsResponse> DescribePrefixLists([FromQuery] DescribePrefixListsRequest request, CancellationToken ct) =>
        DescribePrefixListsResponse.From(await lists.DescribeAsync(new ListQuery(request.RegionId!, request.PrefixListId ?? [], request.PrefixListName,
            request.AddressFamily, request.ResourceGroupId, TagParameter.ToInputs(request.Tag), ListParameters.MaxResults(request.MaxResults), request.NextToken), ct));

    /// <summary>A prefix list with its entries.</summary>
    [AcsAction]
    public async Task<DescribePrefixListAttributesResponse> DescribePrefixListAttributes([FromQuery] PrefixListIdRequest request, CancellationToken ct)
    {
        var (list, entries) = await lists.DescribeAttributesAsync(request.RegionId!, request.PrefixListId!, ct);
        return DescribePrefixListAttributesResponse.From(list, entries);
    }

    /// <summary>Adds and removes entries, renames; every rule using the list sees the change at once.</summary>
    [AcsAction]
    public async Task<AcsResponse> ModifyPrefixList([FromQuery] ModifyPrefixListRequest request, CancellationToken ct)
    {
        await lists.ModifyAsync(new ModifyListCommand(request.RegionId!, request.PrefixListId!, request.PrefixListName, request.Description,
            ListParameters.Entries(request.AddEntry), (request.RemoveEntry ?? []).Select(e => e.Cidr ?? "").ToList()), ct);
        return new AcsResponse();
    }

    /// <summary>Deletes a prefix list; refused while a rule uses it.</summary>
    [AcsAction]
    public async Task<AcsResponse> DeletePrefixList([FromQuery] PrefixListIdRequest request, CancellationToken ct)
    {
        await lists.DeleteAsync(request.RegionId!, request.PrefixListId!, ct);
        return new AcsResponse();
    }

    /// <summary>The security groups whose rules use the prefix list.</summary>
    [AcsAction]
    public async Task<DescribePrefixListAssociationsResponse> DescribePrefixListAssociations([FromQuery] DescribePrefixListAssociationsRequest request, CancellationToken ct)
    {
        var page = await lists.AssociationsAsync(request.RegionId!, request.PrefixListId!, ListParameters.MaxResults(request.MaxResults), request.NextToken, ct);
        return new DescribePrefixListAssociationsResponse { NextToken = page.NextToken ?? "", PrefixListAssociations = new PrefixListAssociationList(page.Items) };
    }
}
