using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Persistence;

namespace SecurityGroups.Domain.Idempotency;

/// <summary>ClientToken records: found before a mutation, added in its transaction, removed with the resource they name.</summary>
public sealed class IdempotencyStore(EmulatorDbContext db)
{
    public Task<IdempotencyRecord?> FindAsync(string accountId, string action, string clientToken, CancellationToken ct) =>
        db.IdempotencyRecords.AsNoTracking()
            .FirstOrDefaultAsync(r => r.AccountId == accountId && r.Action == action && r.ClientToken == clientToken, ct);

    public void Add(IdempotencyRecord record) => db.IdempotencyRecords.Add(record);

    /// <summary>Forgets every token tied to a deleted resource, so a retry after the delete creates anew.</summary>
    public Task<int> ForgetAsync(string resourceId, CancellationToken ct) =>
        db.IdempotencyRecords.Where(r => r.ResourceId == resourceId).ExecuteDeleteAsync(ct);
}
