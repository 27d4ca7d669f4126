using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.SecurityGroups;
using SecurityGroups.Api.Swagger;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Snapshots;

namespace SecurityGroups.Api.Emulator;

/// <summary>
/// Snapshots of the caller's security groups in a region: take one, run a test, see what changed, put it back
/// (docs/console.md, "Snapshot and diff"). Stored in the database (they survive a restart), the newest 10 per account.
/// </summary>
[Route("_emulator/snapshots")]
[Produces("application/json")]
public sealed class SnapshotsController(SnapshotService snapshots) : ControllerBase
{
    /// <summary>Saves the region's groups (fields, tags, rules) and which ENIs are in them; the account's 11th deletes its oldest.</summary>
    [HttpPost]
    [RequestExample("""{"RegionId":"cn-hangzhou","Name":"before-test"}""")]
    [ProducesResponseType<TakeSnapshotResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<AcsErrorResponse>(StatusCodes.Status400BadRequest)]
    public async Task<TakeSnapshotResponse> Take([FromBody] TakeSnapshotRequest request, CancellationToken ct)
    {
        var taken = await snapshots.TakeAsync(request.RegionId!, request.Name, ct);
        return new TakeSnapshotResponse(HttpContext.Acs().RequestId, taken.SnapshotId, SnapshotView.From(taken));
    }

    /// <summary>The caller's snapshots, newest first (of one region with <c>RegionId</c>).</summary>
    [HttpGet]
    [ProducesResponseType<ListSnapshotsResponse>(StatusCodes.Status200OK)]
    public async Task<ListSnapshotsResponse> List([FromQuery(Name = "RegionId")] string? regionId, CancellationToken ct)
    {
        var found = await snapshots.ListAsync(string.IsNullOrEmpty(regionId) ? null : regionId, ct);
        return new ListSnapshotsResponse(HttpContext.Acs().RequestId, found.Count, [.. found.Select(SnapshotView.From)]);
    }

    /// <summary>What changed in the snapshot's region since: groups added, removed or changed; rules added, removed or
    /// changed (matched by rule ID); ENIs that joined or left.</summary>
    [HttpGet("{SnapshotId}/diff")]
    [ProducesResponseType<SnapshotDiffResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<AcsErrorResponse>(StatusCodes.Status404NotFound)]
    public async Task<SnapshotDiffResponse> Diff([FromRoute(Name = "SnapshotId")] string snapshotId, CancellationToken ct)
    {
        var (snapshot, diff) = await snapshots.DiffAsync(IdOf(snapshotId), ct);
        return new SnapshotDiffResponse(HttpContext.Acs().RequestId, SnapshotView.From(snapshot), [.. diff.Groups.Select(GroupChangeView.From)]);
    }

    /// <summary>Puts the region back as the snapshot saw it, in one transaction; refused (the step and its Alibaba code), it changes nothing.</summary>
    /// <remarks>With <c>{"DryRun": true}</c> every step runs and is rolled back: <c>DryRunOperation</c> when it would succeed,
    /// else the refusal it would meet. Groups created since are deleted (DeleteSecurityGroup's refusals apply), groups deleted since come back with
    /// their IDs, rules with their rule IDs, ENIs that still exist get their groups back; quotas and rule checks apply.</remarks>
    [HttpPost("{SnapshotId}/restore")]
    [RequestExample("""{"DryRun":false}""")]
    [ProducesResponseType<RestoreSnapshotResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<AcsErrorResponse>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<AcsErrorResponse>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<AcsErrorResponse>(StatusCodes.Status404NotFound)]
    public async Task<RestoreSnapshotResponse> Restore([FromRoute(Name = "SnapshotId")] string snapshotId,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] RestoreSnapshotRequest? request, CancellationToken ct)
    {
        var id = IdOf(snapshotId);
        var done = await snapshots.RestoreAsync(id, request?.DryRun ?? false, ct);
        return new RestoreSnapshotResponse(HttpContext.Acs().RequestId, id, done.GroupsCreated, done.GroupsDeleted, done.GroupsKept, done.RulesRestored,
            done.NetworkInterfacesRestored, done.MissingNetworkInterfaces);
    }

    private static long IdOf(string snapshotId) =>
        long.TryParse(snapshotId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw new AcsException(AcsErrors.InvalidSnapshotIdNotFound);
}

/// <summary>Body of <c>POST /_emulator/snapshots</c>.</summary>
public sealed record TakeSnapshotRequest(string? RegionId, string? Name);

/// <summary>Body of <c>POST /_emulator/snapshots/{SnapshotId}/restore</c> (optional).</summary>
public sealed record RestoreSnapshotRequest(bool? DryRun);

public sealed class TakeSnapshotRequestValidator : AcsValidator<TakeSnapshotRequest>
{
    public TakeSnapshotRequestValidator()
    {
        RuleFor(r => r.RegionId).Required(AcsErrors.MissingRegionId);
    }
}

/// <summary>A snapshot: <c>CreationTime</c> in UTC, <c>SizeBytes</c> as stored (compressed).</summary>
public sealed record SnapshotView(long SnapshotId, string RegionId, string Name, string CreationTime, int GroupCount, int RuleCount, int SizeBytes)
{
    public static SnapshotView From(SnapshotInfo s) =>
        new(s.SnapshotId, s.RegionId, s.Name, AcsTime.Seconds(s.CreatedAt), s.GroupCount, s.RuleCount, s.SizeBytes);
}

public sealed record TakeSnapshotResponse(string RequestId, long SnapshotId, SnapshotView Snapshot);

public sealed record ListSnapshotsResponse(string RequestId, int TotalCount, IReadOnlyList<SnapshotView> Snapshots);

/// <summary>One group's changes; rules in DescribeSecurityGroupAttribute's Permission shape.</summary>
public sealed record GroupChangeView(string SecurityGroupId, string SecurityGroupName, string Change, IReadOnlyList<FieldChange> Attributes,
    IReadOnlyList<PermissionItem> AddedRules, IReadOnlyList<PermissionItem> RemovedRules, IReadOnlyList<RuleChangeView> ChangedRules,
    IReadOnlyList<string> JoinedNetworkInterfaces, IReadOnlyList<string> LeftNetworkInterfaces)
{
    private static readonly Dictionary<string, string> NoNames = [];

    public static GroupChangeView From(GroupChange g) =>
        new(g.SecurityGroupId, g.SecurityGroupName, g.Change, g.Attributes, [.. g.AddedRules.Select(r => Rule(g, r))], [.. g.RemovedRules.Select(r => Rule(g, r))],
            [.. g.ChangedRules.Select(c => new RuleChangeView(Rule(g, c.Before), Rule(g, c.After)))], g.JoinedNetworkInterfaces, g.LeftNetworkInterfaces);

    public static PermissionItem Rule(GroupChange g, RuleState r) => PermissionItem.From(r.ToRule(g.SecurityGroupId, ""), NoNames);
}

public sealed record RuleChangeView(PermissionItem Before, PermissionItem After);

public sealed record SnapshotDiffResponse(string RequestId, SnapshotView Snapshot, IReadOnlyList<GroupChangeView> Groups);

/// <summary><c>MissingNetworkInterfaces</c>: ENIs of the snapshot that no longer exist (their groups could not be given back).</summary>
public sealed record RestoreSnapshotResponse(string RequestId, long SnapshotId, int GroupsCreated, int GroupsDeleted, int GroupsKept, int RulesRestored,
    int NetworkInterfacesRestored, IReadOnlyList<string> MissingNetworkInterfaces);
