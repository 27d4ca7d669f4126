using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SecurityGroups.Domain.Persistence;

/// <summary>
/// A deferred (read-only) SQLite transaction: every query inside sees one snapshot of the database, so a listing made
/// of several queries never shows half of a concurrent delete. It takes no write lock and blocks no writer (WAL).
/// </summary>
public sealed class ReadSnapshot : IAsyncDisposable
{
    private readonly EmulatorDbContext _db;
    private readonly SqliteTransaction _transaction;

    private ReadSnapshot(EmulatorDbContext db, SqliteTransaction transaction)
    {
        _db = db;
        _transaction = transaction;
    }

    public static async Task<ReadSnapshot> BeginAsync(EmulatorDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        var transaction = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(transaction, ct).ConfigureAwait(false);
        return new ReadSnapshot(db, transaction);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.Database.UseTransactionAsync(null).ConfigureAwait(false);
        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _db.Database.CloseConnectionAsync().ConfigureAwait(false);
    }
}
