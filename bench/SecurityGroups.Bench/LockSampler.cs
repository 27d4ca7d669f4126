using Npgsql;

namespace SecurityGroups.Bench;

/// <summary>
/// Where a writer's time goes on PostgreSQL (ADR-008: every mutation first updates the one "WriteVersion" row, so at
/// most one transaction holds its lock). Samples pg_stat_activity of one database every few milliseconds while a phase
/// runs: the holder is the backend whose transaction has written (an xid) and is not waiting on a lock; it is either
/// executing a statement, flushing WAL at commit, or idle in its transaction while the replica works between two
/// statements (network round trip, EF Core, the domain). The others in a transaction wait on the row lock.
/// </summary>
internal sealed class LockSampler : IAsyncDisposable
{
    private const string Query = """
        SELECT count(*) FILTER (WHERE wait_event_type = 'Lock'),
               count(*) FILTER (WHERE backend_xid IS NOT NULL AND wait_event_type IS DISTINCT FROM 'Lock' AND state = 'idle in transaction'),
               count(*) FILTER (WHERE backend_xid IS NOT NULL AND wait_event_type IS DISTINCT FROM 'Lock' AND state = 'active' AND wait_event LIKE 'WAL%'),
               count(*) FILTER (WHERE backend_xid IS NOT NULL AND wait_event_type IS DISTINCT FROM 'Lock' AND state = 'active' AND (wait_event IS NULL OR wait_event NOT LIKE 'WAL%'))
        FROM pg_stat_activity WHERE datname = @db AND pid <> pg_backend_pid()
        """;

    private readonly NpgsqlConnection _connection;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _samples;
    private int _held;
    private int _betweenStatements;
    private int _flushing;
    private int _executing;
    private long _waiting;

    private LockSampler(NpgsqlConnection connection, string database)
    {
        _connection = connection;
        _loop = Task.Run(() => LoopAsync(database));
    }

    public static async Task<LockSampler> StartAsync(string server, string database)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return new LockSampler(connection, database);
    }

    /// <summary>Stops sampling and returns the profile.</summary>
    public async Task<LockProfile> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        return new LockProfile(_samples, _held, _executing, _flushing, _betweenStatements, _samples == 0 ? 0 : (double)_waiting / _samples);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        try
        {
            await _loop;
        }
        finally
        {
            await _connection.DisposeAsync();
            _stop.Dispose();
        }
    }

    private async Task LoopAsync(string database)
    {
        await using var command = new NpgsqlCommand(Query, _connection);
        command.Parameters.AddWithValue("db", database);
        await command.PrepareAsync();
        while (!_stop.IsCancellationRequested)
        {
            await using (var reader = await command.ExecuteReaderAsync())
            {
                await reader.ReadAsync();
                var waiting = reader.GetInt64(0);
                var between = reader.GetInt64(1);
                var flushing = reader.GetInt64(2);
                var executing = reader.GetInt64(3);
                _samples++;
                _waiting += waiting;
                if (between + flushing + executing > 0)
                {
                    _held++;
                    _betweenStatements += between > 0 ? 1 : 0;
                    _flushing += between == 0 && flushing > 0 ? 1 : 0;
                    _executing += between == 0 && flushing == 0 ? 1 : 0;
                }
            }

            try
            {
                await Task.Delay(5, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}

/// <summary>Samples taken; how many found the row lock held, and by a holder doing what; the mean number of writers waiting.</summary>
internal sealed record LockProfile(int Samples, int Held, int Executing, int Flushing, int BetweenStatements, double MeanWaiting)
{
    public double Percent(int count) => Samples == 0 ? 0 : 100.0 * count / Samples;

    public double PercentOfHeld(int count) => Held == 0 ? 0 : 100.0 * count / Held;
}
