using Npgsql;

namespace SecurityGroups.Domain.Persistence.Postgres;

/// <summary>
/// Signature nonces every replica recognises (ADR-008): one row per (access key, nonce) until it expires. Inserting a
/// nonce that is held and unexpired changes no row, which is the refusal; an expired one is taken over. Expired rows are
/// swept every few thousand uses.
/// </summary>
public sealed class SharedNonces(NpgsqlDataSource source, TimeProvider clock)
{
    private const int SweepEvery = 4096;
    private const string Use = """
        INSERT INTO "SignatureNonces" ("Key", "ExpiresAt") VALUES (@key, @expires)
        ON CONFLICT ("Key") DO UPDATE SET "ExpiresAt" = EXCLUDED."ExpiresAt" WHERE "SignatureNonces"."ExpiresAt" <= @now
        """;

    private int _uses;

    /// <summary>Records the nonce; false when it was already used (through any replica) and has not expired.</summary>
    public async ValueTask<bool> TryUseAsync(string key, TimeSpan lifetime, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (Interlocked.Increment(ref _uses) % SweepEvery == 0)
        {
            await using var sweep = source.CreateCommand("DELETE FROM \"SignatureNonces\" WHERE \"ExpiresAt\" <= @now");
            sweep.Parameters.AddWithValue("now", now);
            await sweep.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await using var command = source.CreateCommand(Use);
        command.Parameters.AddWithValue("key", PostgresTextInterceptor.Clean(key));
        command.Parameters.AddWithValue("expires", now + lifetime);
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
    }
}

/// <summary>
/// Flow-control counts every replica shares: one row per (key, clock minute), incremented atomically; the count after
/// the increment decides. Rows of past minutes are swept every few thousand calls.
/// </summary>
public sealed class SharedThrottleCounts(NpgsqlDataSource source)
{
    private const int SweepEvery = 4096;
    private const string Count = """
        INSERT INTO "ThrottleWindows" ("Key", "Minute", "Used") VALUES (@key, @minute, 1)
        ON CONFLICT ("Key", "Minute") DO UPDATE SET "Used" = "ThrottleWindows"."Used" + 1
        RETURNING "Used"
        """;

    private int _calls;

    /// <summary>Counts one call of <paramref name="key"/> in <paramref name="minute"/> (Unix minutes); the count including it.</summary>
    public async ValueTask<int> CountAsync(string key, long minute, CancellationToken ct)
    {
        if (Interlocked.Increment(ref _calls) % SweepEvery == 0)
        {
            await using var sweep = source.CreateCommand("DELETE FROM \"ThrottleWindows\" WHERE \"Minute\" < @minute");
            sweep.Parameters.AddWithValue("minute", minute);
            await sweep.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await using var command = source.CreateCommand(Count);
        command.Parameters.AddWithValue("key", PostgresTextInterceptor.Clean(key));
        command.Parameters.AddWithValue("minute", minute);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }
}
