using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.SecurityGroups;

namespace SecurityGroups.Domain.Traffic;

/// <summary>
/// Each group's rule findings, kept across writes (ADR-011): an answer holds while the group's
/// <see cref="SecurityGroup.RulesStamp"/> is the one it was computed at (no rule of the group added, changed or deleted)
/// and everything its rules refer to (referenced groups' members, prefix lists, port lists) reads the same. So after a
/// write, a region's findings re-read and re-analyse only the groups the write could have changed.
/// <para>One immutable map per account and region, replaced whole by each analysis (groups deleted since drop out);
/// capped at <c>maxBytes</c> (<see cref="PerGroupEntries{T}"/>).</para>
/// </summary>
/// <remarks>Each group looked up counts in <c>securitygroups_cache_lookups_total{cache="group_findings"}</c>.</remarks>
public sealed class GroupFindingsCache(EmulatorMetrics? metrics, long maxBytes)
{
    internal PerGroupEntries<GroupFindingsEntry> Entries { get; } = new("group_findings", metrics, maxBytes);
}

/// <summary>A group's rule findings, computed at <see cref="RulesStamp"/> with <see cref="Dependencies"/> as they read then.</summary>
internal sealed record GroupFindingsEntry(long RulesStamp, IReadOnlyList<Finding> Findings, Dependency[] Dependencies, long MembersCheckedAt) : IGroupEntry
{
    /// <summary>A rough size: the findings' strings and each dependency's items.</summary>
    public long Bytes { get; } = 256 + (Findings.Count * 512L) + RuleDependencies.Bytes(Dependencies);
}
