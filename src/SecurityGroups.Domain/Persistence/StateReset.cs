using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Common;

namespace SecurityGroups.Domain.Persistence;

/// <summary><c>POST /_emulator/reset</c>: empties every table in one transaction, under the write gate.</summary>
public sealed class StateReset(EmulatorDbContext db, WriteGate gate)
{
    public Task ResetAsync(CancellationToken ct) =>
        gate.RunAsync(db, async c =>
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys=ON;", c).ConfigureAwait(false);
            foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct())
            {
#pragma warning disable EF1002 // table names come from the EF model, not from input
                await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{table}\";", c).ConfigureAwait(false);
#pragma warning restore EF1002
            }
        }, ct);
}
