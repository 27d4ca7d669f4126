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

    /// <summary>Reads, in one query per kind, what <paramref name="dependencies"/> name.</summary>
    public static Task LoadAsync(IEnumerable<Dependency[]> dependencies, RuleReferences references, CancellationToken ct)
    {
        var all = dependencies.SelectMany(d => d).ToList();
        return references.LoadAsync(Ids(all, ReferenceKind.Group), Ids(all, ReferenceKind.PrefixList), Ids(all, ReferenceKind.PortList), ct);

        static IEnumerable<string> Ids(List<Dependency> all, ReferenceKind kind) => all.Where(d => d.Kind == kind).Select(d => d.Id);
    }

    /// <summary>Whether everything still reads as it did (<paramref name="references"/> must hold them: <see cref="LoadAsync"/>).</summary>
    public static bool StillHold(Dependency[] dependencies, RuleReferences references) =>
        Array.TrueForAll(dependencies, d => d.Content.SameAs(references.Content(d.Kind, d.Id)));

    /// <summary>A rough size of what the dependencies hold.</summary>
    public static long Bytes(Dependency[] dependencies) => dependencies.Sum(d => 64 + (d.Content.Items.Length * 48L));
}
