using System.Diagnostics;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Persistence.Postgres;

namespace SecurityGroups.Domain.Common;

/// <summary>
/// One writer at a time (SQLite allows one anyway; serialising here keeps quota checks and inserts atomic), and each
/// mutation in one transaction: either everything it changed is committed, or nothing is.
/// <para>A caller that must add its own writes to the mutation's transaction (the API's ClientToken records) opens a
/// <see cref="WriteScope"/> first: <see cref="RunAsync{T}"/> then runs inside that scope's transaction.</para>
/// <para>A commit clears the remembered storage fault (<see cref="StorageFaultMonitor"/>): the storage takes writes again.</para>
/// <para>On PostgreSQL (<paramref name="shared"/>), the lock here only orders this process's writers; the database row of
/// <see cref="SharedWriteVersion"/> orders the writers of every replica, and its number is the version (ADR-008).</para>
/// </summary>
/// <para>With <paramref name="tables"/>, caches that name the tables they read (<see cref="TableSet"/>) are keyed by those
/// tables' change counters instead of the one version (ADR-012): on SQLite the gate reads them in each mutation's transaction
/// and publishes them with the commit.</para>
public sealed class WriteGate(StorageFaultMonitor faults, SharedWriteVersion? shared = null, EmulatorMetrics? metrics = null, TableVersions? tables = null) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private long _version;

    public WriteGate() : this(new StorageFaultMonitor())
    {
    }

    /// <summary>
    /// Bumped after every committed mutation, before the mutation's caller is answered: a reader that caches something
    /// derived from the database (the traffic engine's compiled snapshots) is current while this number is unchanged.
    /// A commit that throws bumps it too (see <see cref="CommitUncertain"/>); a rolled-back mutation does not.
    /// </summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>The version read caches are keyed by: <see cref="Version"/> in this process (SQLite: no I/O), or the one every
    /// replica shares (PostgreSQL: one primary-key read, so a write acknowledged by another replica is seen at once).</summary>
    public ValueTask<long> CurrentVersionAsync(CancellationToken ct) => shared is null ? new(Version) : shared.ReadAsync(ct);

    /// <summary>The version of a cache that reads only <paramref name="reads"/>: it moves when a commit wrote one of those
    /// tables (ADR-012); the one version above when no set is given or no counters are kept.</summary>
    public ValueTask<long> CurrentVersionAsync(TableSet? reads, CancellationToken ct) =>
        reads is null || tables is null ? CurrentVersionAsync(ct) : tables.VersionAsync(reads, ct);

    /// <summary>The server's instruments (writer wait here, cache lookups in <see cref="VersionedCache{T}"/>); null when none are kept.</summary>
    public EmulatorMetrics? Metrics => metrics;

    /// <summary>Takes the writer lock and begins a transaction; commit with <see cref="WriteScope.CommitAsync"/>.</summary>
    /// <remarks>The time until the writer may run (this lock, and on PostgreSQL the shared write row) is the
    /// <c>securitygroups_writer_wait_seconds</c> histogram; no clock is read while nobody listens.</remarks>
    public async Task<WriteScope> BeginAsync(EmulatorDbContext db, CancellationToken ct)
    {
        var waitHistogram = metrics?.WriterWait is { Enabled: true } h ? h : null;
        var started = waitHistogram is null ? 0 : Stopwatch.GetTimestamp();
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            if (shared is not null)
            {
                try
                {
                    await shared.EnterAsync(db, ct).ConfigureAwait(false);
                }
                catch
                {
                    await transaction.DisposeAsync().ConfigureAwait(false);
                    throw;
                }
            }

            waitHistogram?.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            return new WriteScope(db, transaction, this);
        }
        catch
        {
            _lock.Release();
            throw;
        }
    }

    /// <summary>Runs one mutation: in the open <see cref="WriteScope"/> of this context if there is one, else in its own.</summary>
    public async Task<T> RunAsync<T>(EmulatorDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await RunInside(db, work, ct).ConfigureAwait(false);
        }

        await using var scope = await BeginAsync(db, ct).ConfigureAwait(false);
        var result = await RunInside(db, work, ct).ConfigureAwait(false);
        await scope.CommitAsync().ConfigureAwait(false);
        return result;
    }

    public Task RunAsync(EmulatorDbContext db, Func<CancellationToken, Task> work, CancellationToken ct) =>
        RunAsync(db, async c => { await work(c).ConfigureAwait(false); return true; }, ct);

    /// <summary>
    /// Runs a write that changes no data (the health probe) under the writer lock, so that it never races a mutation,
    /// without bumping <see cref="Version"/>; false when the lock was not free within <paramref name="wait"/>.
    /// </summary>
    public async Task<bool> ProbeAsync(Func<CancellationToken, Task> probe, TimeSpan wait, CancellationToken ct)
    {
        if (!await _lock.WaitAsync(wait, ct).ConfigureAwait(false))
        {
            return false;
        }

        try
        {
            if (shared is not null)
            {
                await shared.ProbeAsync(wait, ct).ConfigureAwait(false);
            }
            else
            {
                await probe(ct).ConfigureAwait(false);
            }

            faults.Clear();
            return true;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    /// <summary>A commit succeeded: the version moves, and so do the table counters it left (SQLite, <paramref name="counters"/>).</summary>
    internal void Committed(long[]? counters = null)
    {
        tables?.Publish(counters);
        Interlocked.Increment(ref _version);
        faults.Clear();
    }

    /// <summary>A commit failed: whether it reached the file is unknown (an I/O error may strike after the data did), so
    /// every cached read is dropped. This claims no write: a cache simply reloads what the database really holds.</summary>
    internal void CommitUncertain()
    {
        tables?.Uncertain();
        Interlocked.Increment(ref _version);
    }

    /// <summary>SQLite: the table counters as the open transaction of <paramref name="db"/> leaves them; null when not kept here.</summary>
    internal Task<long[]?> TableCountersAsync(EmulatorDbContext db) =>
        tables is null ? Task.FromResult<long[]?>(null) : tables.ReadInTransactionAsync(db, CancellationToken.None);

    internal void Release() => _lock.Release();

    private static async Task<T> RunInside<T>(EmulatorDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        try
        {
            var result = await work(ct).ConfigureAwait(false);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return result;
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }
}

/// <summary>The writer lock and an open transaction. Disposing without committing rolls back.</summary>
public sealed class WriteScope(EmulatorDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, WriteGate gate) : IAsyncDisposable
{
    private bool _disposed;

    public async Task CommitAsync()
    {
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        var counters = await gate.TableCountersAsync(db).ConfigureAwait(false);
        try
        {
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch
        {
            gate.CommitUncertain();
            throw;
        }

        gate.Committed(counters);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }
}
