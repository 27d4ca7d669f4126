using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SecurityGroups.Domain.Persistence;

/// <summary>
/// A read-only transaction: every query inside sees one snapshot of the database, so a listing made of several queries
/// never shows half of a concurrent delete. It takes no write lock and blocks no writer: a deferred transaction on SQLite
/// (WAL), REPEATABLE READ on PostgreSQL (one MVCC snapshot).
/// </summary>
public sealed class ReadSnapshot : IAsyncDisposable
{
    private readonly EmulatorDbContext _db;
    private readonly System.Data.Common.DbTransaction _transaction;

    private ReadSnapshot(EmulatorDbContext db, System.Data.Common.DbTransaction transaction)
    {
        _db = db;
        _transaction = transaction;
    }

    public static async Task<ReadSnapshot> BeginAsync(EmulatorDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        var connection = db.Database.GetDbConnection();
        var transaction = connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct).ConfigureAwait(false);
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
