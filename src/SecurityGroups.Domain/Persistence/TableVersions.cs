using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace SecurityGroups.Domain.Persistence;

/// <summary>
/// Per-table change counters (ADR-012): the <c>"TableVersions"</c> table, one row per tracked table, which database
/// triggers on that table bump whenever a statement inserts, updates or deletes any of its rows (EF changes,
/// <c>ExecuteUpdate</c>/<c>ExecuteDelete</c>, raw SQL, cascades alike), in the writing statement's own transaction. It is
/// created by the migrations of both providers and is kept out of the EF model. A read cache keyed by the counters of the
/// tables it reads (<see cref="TableSet"/>) survives a write that touched none of them.
/// <para>SQLite (one process, every write through its <see cref="Common.WriteGate"/>): the gate reads the counters inside
/// each mutation's transaction, just before the commit, and publishes them here once committed; a lookup is then a sum of
/// a few numbers in memory. PostgreSQL (replicas): one query per lookup, as the shared write version was (ADR-008), so a
/// write acknowledged through one replica is seen by the next read through any other.</para>
/// </summary>
public sealed class TableVersions
{
    public const string Table = "TableVersions";

    /// <summary>The tables whose writes are counted (the migrations create a trigger on each; a new one needs a migration).</summary>
    public static readonly IReadOnlyList<string> Tracked =
    [
        "SecurityGroups", "SecurityGroupRules", "Instances", "NetworkInterfaces", "NetworkInterfaceGroups", "PrivateIpAddresses",
        "NetworkInterfaceIpv6Addresses", "ResourceTags",
    ];

    private const string ReadAll = $"SELECT \"Name\", \"Version\" FROM \"{Table}\"";
    private const string SumOf = $"SELECT COALESCE(SUM(\"Version\"), 0) FROM \"{Table}\" WHERE \"Name\" = ANY($1)";

    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqlite;
    private long[]? _known;
    private long _uncertain;

    private TableVersions(NpgsqlDataSource? postgres, string? sqlite)
    {
        _postgres = postgres;
        _sqlite = sqlite;
    }

    /// <summary>Counters read per lookup from the database every replica shares.</summary>
    public static TableVersions Postgres(NpgsqlDataSource source) => new(source, null);

    /// <summary>Counters kept in this process, published by the write gate after each commit (read from
    /// <paramref name="connectionString"/> once, at the first lookup).</summary>
    public static TableVersions Sqlite(string connectionString) => new(null, connectionString);

    /// <summary>The version of <paramref name="tables"/>: the sum of their counters, which only grow, so it changes exactly
    /// when one of them is written (and, on SQLite, when a commit's outcome was unknown).</summary>
    public async ValueTask<long> VersionAsync(TableSet tables, CancellationToken ct)
    {
        if (_postgres is not null)
        {
            await using var command = _postgres.CreateCommand(SumOf);
            command.Parameters.Add(new NpgsqlParameter { Value = tables.Names });
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }

        var known = Volatile.Read(ref _known) ?? await LoadAsync(ct).ConfigureAwait(false);
        return tables.Sum(known) + Interlocked.Read(ref _uncertain);
    }

    /// <summary>SQLite: the counters as the mutation's open transaction leaves them (null on PostgreSQL, which reads per lookup).</summary>
    internal async Task<long[]?> ReadInTransactionAsync(EmulatorDbContext db, CancellationToken ct)
    {
        if (_postgres is not null)
        {
            return null;
        }

        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = ReadAll;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return await ReadAsync(command, ct).ConfigureAwait(false);
    }

    /// <summary>After a commit: the counters it left (every counter only grows, so the larger of two readings is the newer).</summary>
    internal void Publish(long[]? counters)
    {
        if (counters is null)
        {
            return;
        }

        while (true)
        {
            var known = Volatile.Read(ref _known);
            var merged = known is null ? counters : Max(known, counters);
            if (Interlocked.CompareExchange(ref _known, merged, known) == known)
            {
                return;
            }
        }
    }

    /// <summary>A commit whose outcome is unknown: every table's version moves, so every cached read is dropped.</summary>
    internal void Uncertain() => Interlocked.Increment(ref _uncertain);

    private async Task<long[]> LoadAsync(CancellationToken ct)
    {
        await using var connection = new SqliteConnection(_sqlite);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = ReadAll;
        Publish(await ReadAsync(command, ct).ConfigureAwait(false));
        return Volatile.Read(ref _known)!;
    }

    private static async Task<long[]> ReadAsync(DbCommand command, CancellationToken ct)
    {
        var counters = new long[Tracked.Count];
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var index = IndexOf(reader.GetString(0));
            if (index >= 0)
            {
                counters[index] = reader.GetInt64(1);
            }
        }

        return counters;
    }

    private static long[] Max(long[] a, long[] b)
    {
        var max = new long[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            max[i] = Math.Max(a[i], b[i]);
        }

        return max;
    }

    internal static int IndexOf(string table)
    {
        for (var i = 0; i < Tracked.Count; i++)
        {
            if (string.Equals(Tracked[i], table, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>The tables a cached read depends on: every table its loader reads, through any filter (ADR-012).</summary>
public sealed class TableSet
{
    private readonly int[] _indices;

    private TableSet(string[] names, int[] indices)
    {
        Names = names;
        _indices = indices;
    }

    public string[] Names { get; }

    /// <summary>A set of tracked tables; an untracked name is a programming error, found at start-up.</summary>
    public static TableSet Of(params string[] names)
    {
        var indices = names.Select(n => TableVersions.IndexOf(n) is var i and >= 0 ? i
            : throw new ArgumentException($"\"{n}\" has no change counter (TableVersions.Tracked).", nameof(names))).ToArray();
        return new TableSet(names, indices);
    }

    internal long Sum(long[] counters)
    {
        var sum = 0L;
        foreach (var index in _indices)
        {
            sum += counters[index];
        }

        return sum;
    }
}
