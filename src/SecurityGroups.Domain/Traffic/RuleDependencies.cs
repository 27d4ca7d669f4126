using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.SecurityGroups;

namespace SecurityGroups.Domain.Traffic;

/// <summary>What a group's rules refer to.</summary>
internal enum ReferenceKind
{
    Group,
    PrefixList,
    PortList,
}

/// <summary>One thing a group's rules refer to, with the content it had when the group was last read.</summary>
internal readonly record struct Dependency(ReferenceKind Kind, string Id, ReferenceContent Content);

/// <summary>
/// What a group's rules refer to, as read with them: an answer derived from a group's rules (its findings, its engine
/// rules) still holds while the group's <see cref="SecurityGroup.RulesStamp"/> is unchanged and every dependency reads
/// the same content (ADR-011).
/// </summary>
internal static class RuleDependencies
{
    /// <summary>The dependencies of <paramref name="rules"/> (one group's), with their content as <paramref name="references"/> read it.</summary>
    public static Dependency[] Of(IEnumerable<SecurityGroupRule> rules, RuleReferences references)
    {
        var dependencies = new HashSet<(ReferenceKind, string)>();
        foreach (var rule in rules)
        {
            Add(ReferenceKind.Group, rule.ReferencedGroupId);
            Add(ReferenceKind.PrefixList, rule.SourcePrefixListId);
            Add(ReferenceKind.PrefixList, rule.DestPrefixListId);
            Add(ReferenceKind.PortList, rule.PortRangeListId);
        }

        return dependencies.Select(d => new Dependency(d.Item1, d.Item2, references.Content(d.Item1, d.Item2))).ToArray();

        void Add(ReferenceKind kind, string id)
        {
            if (id.Length > 0)
            {
                dependencies.Add((kind, id));
            }
        }
    }

    /// <summary>
    /// The tables a referenced group's members are read from: while their version is the one an entry was checked at, its
    /// group dependencies still hold without reading them (ADR-012 counters; prefix and port lists are always read).
    /// </summary>
    public static readonly TableSet MemberReads = TableSet.Of("NetworkInterfaceGroups", "NetworkInterfaces", "PrivateIpAddresses");

    /// <summary>The version of <see cref="MemberReads"/> now, or <see cref="UnknownVersion"/> without a gate. Read it before the snapshot begins.</summary>
    public static async ValueTask<long> MembersVersionAsync(WriteGate? gate, CancellationToken ct) =>
        gate is null ? UnknownVersion : await gate.CurrentVersionAsync(MemberReads, ct).ConfigureAwait(false);

    /// <summary>A members version that matches nothing (no entry is ever taken as checked at it).</summary>
    public const long UnknownVersion = long.MinValue;

    /// <summary>Whether an entry checked at <paramref name="checkedAt"/> needs its group dependencies read again at <paramref name="membersVersion"/>.</summary>
    public static bool MembersMayHaveChanged(long checkedAt, long membersVersion) => membersVersion == UnknownVersion || checkedAt != membersVersion;

    /// <summary>
    /// Reads, in one query per kind, what the entries' dependencies name: the lists of every entry, the referenced groups'
    /// members only of entries whose members may have changed since they were checked.
    /// </summary>
    public static Task LoadAsync<T>(IEnumerable<T> entries, long membersVersion, RuleReferences references, CancellationToken ct)
        where T : IGroupEntry
    {
        var all = entries.SelectMany(e => MembersMayHaveChanged(e.MembersCheckedAt, membersVersion)
            ? e.Dependencies : e.Dependencies.Where(d => d.Kind != ReferenceKind.Group)).ToList();
        return references.LoadAsync(Ids(all, ReferenceKind.Group), Ids(all, ReferenceKind.PrefixList), Ids(all, ReferenceKind.PortList), ct);

        static IEnumerable<string> Ids(List<Dependency> all, ReferenceKind kind) => all.Where(d => d.Kind == kind).Select(d => d.Id);
    }

    /// <summary>Whether everything the entry depends on still reads as it did (<paramref name="references"/> loaded by <see cref="LoadAsync"/>).</summary>
    public static bool StillHold(IGroupEntry entry, long membersVersion, RuleReferences references)
    {
        var members = MembersMayHaveChanged(entry.MembersCheckedAt, membersVersion);
        return Array.TrueForAll(entry.Dependencies, d => (d.Kind == ReferenceKind.Group && !members) || d.Content.SameAs(references.Content(d.Kind, d.Id)));
    }

    /// <summary>A rough size of what the dependencies hold.</summary>
    public static long Bytes(Dependency[] dependencies) => dependencies.Sum(d => 64 + (d.Content.Items.Length * 48L));
}
