using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.SecurityGroups;

namespace SecurityGroups.Domain.Rules;

/// <summary>
/// Whether a group already holds a rule with the same <see cref="RuleKey"/>. Only the stored rules that share the rule's
/// direction, port range and priority are read (usually none), by a query compiled once; the key decides.
/// </summary>
internal static class RuleTwins
{
    private static readonly Func<EmulatorDbContext, string, string, string, int, IAsyncEnumerable<SecurityGroupRule>> Candidates =
        EF.CompileAsyncQuery((EmulatorDbContext db, string securityGroupId, string direction, string portRange, int priority) =>
            db.SecurityGroupRules.AsNoTracking().Where(r => r.SecurityGroupId == securityGroupId && r.Direction == direction
                && r.PortRange == portRange && r.Priority == priority));

    public static async Task<bool> ExistAsync(EmulatorDbContext db, SecurityGroupRule rule, CancellationToken ct)
    {
        var key = RuleKey.Of(rule);
        await foreach (var stored in Candidates(db, rule.SecurityGroupId, rule.Direction, rule.PortRange, rule.Priority).WithCancellation(ct).ConfigureAwait(false))
        {
            if (RuleKey.Of(stored) == key)
            {
                return true;
            }
        }

        return false;
    }
}
