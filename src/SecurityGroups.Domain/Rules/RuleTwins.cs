using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.SecurityGroups;

namespace SecurityGroups.Domain.Rules;

/// <summary>
/// Which of a request's rules a group already holds (same <see cref="RuleKey"/>). One query, compiled once, reads only
/// the stored rules of that group and direction that share a port range and a priority with one of them (usually none);
/// the key decides.
/// </summary>
internal static class RuleTwins
{
    private static readonly Func<EmulatorDbContext, string, string, IReadOnlyList<string>, IReadOnlyList<int>, IAsyncEnumerable<SecurityGroupRule>> Candidates =
        EF.CompileAsyncQuery((EmulatorDbContext db, string securityGroupId, string direction, IReadOnlyList<string> portRanges, IReadOnlyList<int> priorities) =>
            db.SecurityGroupRules.AsNoTracking().Where(r => r.SecurityGroupId == securityGroupId && r.Direction == direction
                && portRanges.Contains(r.PortRange) && priorities.Contains(r.Priority)));

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
        await foreach (var candidate in Candidates(db, rules[0].SecurityGroupId, rules[0].Direction, portRanges, priorities).WithCancellation(ct).ConfigureAwait(false))
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
