using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.SecurityGroups;

namespace SecurityGroups.Domain.Rules;

/// <summary>
/// Which of a request's rules a group already holds (same <see cref="RuleKey"/>). One compiled query reads only
/// the stored rules of that group and direction that share a port range and a priority with one of them (usually none);
/// the key decides.
/// </summary>
internal static class RuleTwins
{
    // One port range and priority (every single-permission request): plain parameters, which SQLite matches faster than
    // the JSON array a list parameter becomes (measured: 1,440-1,470 authorizations/s against 1,180-1,290).
    private static readonly PerModel<Func<EmulatorDbContext, string, string, string, int, IAsyncEnumerable<SecurityGroupRule>>> CandidatesOfOne = new(() =>
        EF.CompileAsyncQuery((EmulatorDbContext db, string securityGroupId, string direction, string portRange, int priority) =>
            db.SecurityGroupRules.AsNoTracking().Where(r => r.SecurityGroupId == securityGroupId && r.Direction == direction
                && r.PortRange == portRange && r.Priority == priority)));

    private static readonly PerModel<Func<EmulatorDbContext, string, string, IReadOnlyList<string>, IReadOnlyList<int>, IAsyncEnumerable<SecurityGroupRule>>> Candidates = new(() =>
        EF.CompileAsyncQuery((EmulatorDbContext db, string securityGroupId, string direction, IReadOnlyList<string> portRanges, IReadOnlyList<int> priorities) =>
            db.SecurityGroupRules.AsNoTracking().Where(r => r.SecurityGroupId == securityGroupId && r.Direction == direction
                && portRanges.Contains(r.PortRange) && priorities.Contains(r.Priority))));

    /// <summary>The keys of <paramref name="rules"/> (all of one group and direction) that are already stored.</summary>
    public static async Task<HashSet<RuleKey>> StoredAsync(EmulatorDbContext db, IReadOnlyList<SecurityGroupRule> rules, CancellationToken ct)
    {
        var stored = new HashSet<RuleKey>();
        if (rules.Count == 0)
        {
            return stored;
        }

        var wanted = rules.Select(RuleKey.Of).ToHashSet();
        var portRanges = rules.Select(r => r.PortRange).Distinct().ToList();
        var priorities = rules.Select(r => r.Priority).Distinct().ToList();
        var candidates = portRanges.Count == 1 && priorities.Count == 1
            ? CandidatesOfOne.For(db)(db, rules[0].SecurityGroupId, rules[0].Direction, portRanges[0], priorities[0])
            : Candidates.For(db)(db, rules[0].SecurityGroupId, rules[0].Direction, portRanges, priorities);
        await foreach (var candidate in candidates.WithCancellation(ct).ConfigureAwait(false))
        {
            var key = RuleKey.Of(candidate);
            if (wanted.Contains(key))
            {
                stored.Add(key);
            }
        }

        return stored;
    }
}
