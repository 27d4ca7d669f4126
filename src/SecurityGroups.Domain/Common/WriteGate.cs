using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Idempotency;
using SecurityGroups.Domain.Persistence;

namespace SecurityGroups.Domain.Common;

/// <summary>
/// One writer at a time (SQLite allows one anyway; serialising here keeps quota checks and inserts atomic), and each
/// mutation in one transaction: either everything it changed is committed, or nothing is. With a ClientToken the first
/// result is stored in that same transaction, and a retry gets it back without running the mutation again.
/// </summary>
public sealed class WriteGate(TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);

    public async Task<T> RunAsync<T>(EmulatorDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            try
            {
                var result = await work(ct).ConfigureAwait(false);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                await tx.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                return result;
            }
            catch
            {
                db.ChangeTracker.Clear();
                throw;
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    public Task RunAsync(EmulatorDbContext db, Func<CancellationToken, Task> work, CancellationToken ct) =>
        RunAsync(db, async c => { await work(c).ConfigureAwait(false); return true; }, ct);

    /// <summary>Like <see cref="RunAsync{T}"/>; with a non-empty <paramref name="clientToken"/> the result is remembered.</summary>
    public Task<T> RunIdempotentAsync<T>(EmulatorDbContext db, ICaller caller, string? clientToken, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(clientToken))
        {
            return RunAsync(db, work, ct);
        }

        if (clientToken.Length > 64 || clientToken.Any(c => c > 127 || char.IsControl(c)))
        {
            throw new AcsException(AcsErrors.InvalidClientTokenMalformed);
        }

        return RunAsync(db, async c =>
        {
            var previous = await db.IdempotencyRecords.AsNoTracking()
                .FirstOrDefaultAsync(r => r.AccountId == caller.AccountId && r.Action == caller.Action && r.ClientToken == clientToken, c)
                .ConfigureAwait(false);
            if (previous is not null)
            {
                return previous.Fingerprint == caller.RequestFingerprint
                    ? JsonSerializer.Deserialize<T>(previous.ResultJson)!
                    : throw new AcsException(AcsErrors.IdempotentParameterMismatch);
            }

            var result = await work(c).ConfigureAwait(false);
            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                AccountId = caller.AccountId,
                Action = caller.Action,
                ClientToken = clientToken,
                Fingerprint = caller.RequestFingerprint,
                ResultJson = JsonSerializer.Serialize(result),
                CreatedAt = AcsTime.Now(clock),
            });
            return result;
        }, ct);
    }

    public void Dispose() => _lock.Dispose();
}
