using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Regions;
using SecurityGroups.Domain.SecurityGroups;
using SecurityGroups.Domain.Tags;

namespace SecurityGroups.Domain.Rules;

public sealed record CloneCommand(string RegionId, string SecurityGroupId, string TargetRegionId, string? TargetVpcId, string? SecurityGroupName,
    bool KeepRules, bool CopyTags);

/// <summary>A rule of the source group that could not be cloned, and why.</summary>
public sealed record SkippedRule(string SecurityGroupRuleId, string Reason);

public sealed record CloneResult(string SecurityGroupId, IReadOnlyList<SkippedRule> SkippedRules);

/// <summary>One row of an import file: its direction and fields.</summary>
public sealed record ImportRow(int Row, string? Direction, PermissionInput Input);

/// <summary>The outcome of one row: <c>Imported</c>, <c>Duplicate</c>, <c>Ignored</c> or <c>Failed</c> (with Authorize's error).</summary>
public sealed record ImportOutcome(int Row, string Status, string? Code, string? Message);

/// <summary>The console's clone, export and import of rules (alibaba-semantics.md 6), under the usual quotas and checks.</summary>
public sealed class RuleTransferService(EmulatorDbContext db, WriteGate gate, RegionCatalog regions, SecurityGroupService groups,
    RuleService rules, TagStore tags)
{
    public const int MaxImportRows = 200;

    /// <summary>Clones a group (into another region or VPC too), in one transaction.</summary>
    public Task<CloneResult> CloneAsync(CloneCommand command, CancellationToken ct)
    {
        regions.Require(command.RegionId);
        regions.Require(command.TargetRegionId);
        return gate.RunAsync(db, async c =>
        {
            var source = await groups.FindAsync(command.RegionId, command.SecurityGroupId, AcsErrors.InvalidSecurityGroupIdNotFound, c).ConfigureAwait(false);
            var sameRegion = command.TargetRegionId == source.RegionId;
            var targetVpc = command.TargetVpcId ?? (sameRegion ? source.VpcId : null);
            var sourceTags = command.CopyTags
                ? (await tags.ForAsync([source.SecurityGroupId], c).ConfigureAwait(false))[source.SecurityGroupId].Select(t => new TagInput(t.TagKey, t.TagValue)).ToList()
                : [];
            var id = await groups.CreateAsync(new CreateSecurityGroupCommand(command.TargetRegionId, string.IsNullOrEmpty(targetVpc) ? null : targetVpc,
                command.SecurityGroupName ?? source.SecurityGroupName, source.Description, source.SecurityGroupType, source.ResourceGroupId, false,
                sourceTags), c).ConfigureAwait(false);
            var skipped = new List<SkippedRule>();
            if (!command.KeepRules)
            {
                return new CloneResult(id, skipped);
            }

            var sourceRules = await db.SecurityGroupRules.AsNoTracking().Where(r => r.SecurityGroupId == source.SecurityGroupId)
                .OrderBy(r => r.CreatedAt).ThenBy(r => r.SecurityGroupRuleId).ToListAsync(c).ConfigureAwait(false);
            foreach (var direction in new[] { Directions.Ingress, Directions.Egress })
            {
                var kept = new List<PermissionInput>();
                foreach (var rule in sourceRules.Where(r => r.Direction == direction))
                {
                    var reason = rule.ReferencedGroupId.Length > 0 && (!sameRegion || targetVpc != source.VpcId)
                        ? "The referenced security group cannot be used in the target region or VPC."
                        : !sameRegion && (rule.SourcePrefixListId.Length > 0 || rule.DestPrefixListId.Length > 0)
                            ? "The referenced prefix list does not exist in the target region."
                            : !sameRegion && rule.PortRangeListId.Length > 0 ? "The referenced port range list does not exist in the target region." : null;
                    if (reason is not null)
                    {
                        skipped.Add(new SkippedRule(rule.SecurityGroupRuleId, reason));
                        continue;
                    }

                    kept.Add(RuleMerge.From(rule) with { Priority = Math.Min(rule.Priority, 100).ToString(System.Globalization.CultureInfo.InvariantCulture) });
                }

                foreach (var batch in kept.Chunk(RuleService.MaxPermissionsPerRequest))
                {
                    await rules.AuthorizeAsync(command.TargetRegionId, id, direction, batch, c).ConfigureAwait(false);
                }
            }

            return new CloneResult(id, skipped);
        }, ct);
    }

    /// <summary>Every rule of the group (ingress then egress, oldest first), with the names of what they reference.</summary>
    public async Task<SecurityGroupDetails> ExportAsync(string regionId, string securityGroupId, CancellationToken ct) =>
        await groups.DescribeAttributeAsync(new SecurityGroupRuleQuery(regionId, securityGroupId, null, null, int.MaxValue - 1, null), ct).ConfigureAwait(false);

    /// <summary>Imports rows one by one, each atomically; past the rule quota the rest fail with <c>AuthorizationLimitExceed</c>.</summary>
    public async Task<IReadOnlyList<ImportOutcome>> ImportAsync(string regionId, string securityGroupId, string sourceRegionId, IReadOnlyList<ImportRow> rows,
        CancellationToken ct)
    {
        regions.Require(regionId);
        if (rows.Count > MaxImportRows)
        {
            throw new AcsException(AcsErrors.InvalidImportFile, $"A file may hold at most {MaxImportRows} rules; this one has {rows.Count}.");
        }

        await using (await ReadSnapshot.BeginAsync(db, ct).ConfigureAwait(false))
        {
            await groups.FindMutableAsync(regionId, securityGroupId, AcsErrors.InvalidSecurityGroupIdNotFound, ct).ConfigureAwait(false);
        }

        var outcomes = new List<ImportOutcome>(rows.Count);
        AcsErrorCode? quotaReached = null;
        foreach (var row in rows)
        {
            outcomes.Add(await ImportRowAsync(regionId, securityGroupId, sourceRegionId, row, quotaReached, ct).ConfigureAwait(false));
            if (outcomes[^1].Code == AcsErrors.AuthorizationLimitExceed.Code)
            {
                quotaReached = AcsErrors.AuthorizationLimitExceed;
            }
        }

        return outcomes;
    }

    private async Task<ImportOutcome> ImportRowAsync(string regionId, string securityGroupId, string sourceRegionId, ImportRow row, AcsErrorCode? quotaReached,
        CancellationToken ct)
    {
        var input = row.Input;
        if (IsAboveRange(input.Priority))
        {
            return new ImportOutcome(row.Row, "Ignored", null, "Priorities above 100 are not imported.");
        }

        if (quotaReached is not null)
        {
            return new ImportOutcome(row.Row, "Failed", quotaReached.Code, quotaReached.Message);
        }

        if (sourceRegionId != regionId && new[] { input.SourceGroupId, input.DestGroupId, input.SourcePrefixListId, input.DestPrefixListId, input.PortRangeListId }
                .Any(v => !string.IsNullOrEmpty(v)))
        {
            return Failed(row, new AcsException(AcsErrors.CrossRegionReferenceNotSupported));
        }

        if (row.Direction is not (Directions.Ingress or Directions.Egress))
        {
            return Failed(row, new AcsException(AcsErrors.InvalidDirectionMalformed));
        }

        try
        {
            var added = await rules.AuthorizeAsync(regionId, securityGroupId, row.Direction, [input], ct).ConfigureAwait(false);
            return new ImportOutcome(row.Row, added == 0 ? "Duplicate" : "Imported", null, null);
        }
        catch (AcsException ex)
        {
            return Failed(row, ex);
        }
    }

    /// <summary>
    /// A priority the console ignores rather than refuses: plain decimal digits (no sign, space or leading zero, as
    /// AuthorizeSecurityGroup reads them) above 100. Anything else goes to Authorize and fails as it would there.
    /// </summary>
    private static bool IsAboveRange(string? priority) =>
        priority is { Length: > 0 and <= 9 } && priority[0] != '0' && priority.All(char.IsAsciiDigit)
        && int.Parse(priority, System.Globalization.CultureInfo.InvariantCulture) > 100;

    private static ImportOutcome Failed(ImportRow row, AcsException ex) => new(row.Row, "Failed", ex.Code, ex.Message);
}
