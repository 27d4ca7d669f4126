using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Domain.Persistence;

/// <summary><c>POST /_emulator/reset</c>: empties the caller's account, or every account, in one transaction under the
/// write gate. Rows of other accounts that refer to the emptied account's groups (cross-account rules) are kept, as a
/// deleted group's references are.</summary>
public sealed class StateReset(EmulatorDbContext db, WriteGate gate, ICaller caller)
{
    public const string AccountColumn = "AccountId";

    /// <summary>Empties the caller's account; with <paramref name="allAccounts"/>, every account (a caller that may act
    /// beyond its account only, else <c>Forbidden.RAM</c>).</summary>
    public Task ResetAsync(bool allAccounts, CancellationToken ct)
    {
        if (allAccounts && !caller.MayActBeyondAccount)
        {
            throw new AcsException(AcsErrors.ForbiddenRam, "Only an Admin account may reset all accounts in Strict mode.");
        }

        var account = caller.AccountId;
        return gate.RunAsync(db, async c =>
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys=ON;", c).ConfigureAwait(false);
            foreach (var entity in db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null).DistinctBy(t => t.GetTableName()))
            {
                var table = entity.GetTableName()!;
#pragma warning disable EF1002 // table and column names come from the EF model, not from input
                if (allAccounts)
                {
                    await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{table}\";", c).ConfigureAwait(false);
                }
                else if (entity.FindProperty(AccountColumn) is not null)
                {
                    // Rows without an account column (list entries, memberships) belong to a row that has one and go with it (cascade).
                    await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{table}\" WHERE \"{AccountColumn}\" = {{0}};", [account], c).ConfigureAwait(false);
                }
#pragma warning restore EF1002
            }
        }, ct);
    }
}
