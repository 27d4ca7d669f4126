using Microsoft.Data.Sqlite;
using Npgsql;

namespace SecurityGroups.Domain.Persistence;

/// <summary>What kind of refusal the storage gave.</summary>
public enum StorageFaultKind
{
    /// <summary>Another connection or process holds the lock (<c>SQLITE_BUSY</c>, <c>SQLITE_LOCKED</c>).</summary>
    Locked,

    /// <summary>No room left: full disk, quota, file-size limit (<c>SQLITE_FULL</c>, <c>ENOSPC</c>, <c>EDQUOT</c>, <c>EFBIG</c>).</summary>
    Full,

    /// <summary>The file or its folder cannot be written (<c>SQLITE_READONLY</c>, <c>EROFS</c>).</summary>
    ReadOnly,

    /// <summary>The file cannot be opened (<c>SQLITE_CANTOPEN</c>, <c>SQLITE_NOLFS</c>).</summary>
    CannotOpen,

    /// <summary>A read or write failed at the operating system (<c>SQLITE_IOERR</c>, <c>EIO</c>).</summary>
    IoError,

    /// <summary>The file is damaged or not a database (<c>SQLITE_CORRUPT</c>, <c>SQLITE_NOTADB</c>, <c>SQLITE_PROTOCOL</c>).</summary>
    Corrupt,
}

/// <summary>One storage refusal: its kind and the provider's own words (for logs and health, never for the client).</summary>
public sealed record StorageFault(StorageFaultKind Kind, string Detail);

/// <summary>
/// The one place that decides which exceptions mean "the storage refused" rather than "the code is wrong": such a
/// request is answered <c>ServiceUnavailable</c> (503) and health turns unhealthy; anything else stays
/// <c>InternalError</c>. Constraint violations, SQL errors and misuse are bugs, not faults, and are not matched here.
/// <para>PostgreSQL (Npgsql): <c>PostgresException.SqlState</c> class 53 (insufficient resources, 53100 disk full) →
/// <see cref="StorageFaultKind.Full"/>; 25006 and 57P03 → <see cref="StorageFaultKind.ReadOnly"/>; 55P03 (lock not
/// available) and 57014 (statement timeout) → <see cref="StorageFaultKind.Locked"/>; class 58 →
/// <see cref="StorageFaultKind.IoError"/>; XX001/XX002 → <see cref="StorageFaultKind.Corrupt"/>; class 08, 57P01 and 57P02
/// (connection lost, server shutting down) and any other <c>NpgsqlException</c> that is transient (a refused or broken
/// connection) → <see cref="StorageFaultKind.CannotOpen"/>.</para>
/// </summary>
public static class StorageFaults
{
    // errno values (Linux) and Windows HRESULTs that an IOException from the file system carries in HResult.
    private const int Eio = 5;
    private const int Efbig = 27;
    private const int Enospc = 28;
    private const int Erofs = 30;
    private const int Edquot = 122;
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);
    private const int WindowsWriteProtect = unchecked((int)0x80070013);

    /// <summary>The storage fault this exception (or one it wraps: <c>DbUpdateException</c>, ...) reports; null if none.</summary>
    public static StorageFault? Classify(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var kind = current switch
            {
                SqliteException sqlite => OfSqlite(sqlite.SqliteErrorCode),
                PostgresException postgres => OfPostgres(postgres.SqlState),
                NpgsqlException { IsTransient: true } => StorageFaultKind.CannotOpen,
                IOException io => OfIo(io.HResult),
                _ => null,
            };
            if (kind is not null)
            {
                return new StorageFault(kind.Value, current.Message);
            }
        }

        return null;
    }

    /// <summary>Whether the storage refused a value rather than failed: PostgreSQL 22001 (longer than the column), 22021 and
    /// 22P05 (a character the text type cannot hold, NUL among them). SQLite keeps any length and any character.</summary>
    public static bool IsRefusedValue(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException { SqlState: "22001" or "22021" or "22P05" })
            {
                return true;
            }
        }

        return false;
    }

    // Primary result codes (https://www.sqlite.org/rescode.html); the low byte of an extended code is its primary code.
    private static StorageFaultKind? OfSqlite(int code) => (code & 0xFF) switch
    {
        5 or 6 => StorageFaultKind.Locked, // SQLITE_BUSY, SQLITE_LOCKED
        8 => StorageFaultKind.ReadOnly, // SQLITE_READONLY
        10 => StorageFaultKind.IoError, // SQLITE_IOERR
        11 or 15 or 26 => StorageFaultKind.Corrupt, // SQLITE_CORRUPT, SQLITE_PROTOCOL, SQLITE_NOTADB
        13 => StorageFaultKind.Full, // SQLITE_FULL
        14 or 22 => StorageFaultKind.CannotOpen, // SQLITE_CANTOPEN, SQLITE_NOLFS
        _ => null,
    };

    private static StorageFaultKind? OfPostgres(string state) => state switch
    {
        "25006" or "57P03" => StorageFaultKind.ReadOnly,
        "55P03" or "57014" => StorageFaultKind.Locked,
        "XX001" or "XX002" => StorageFaultKind.Corrupt,
        "57P01" or "57P02" => StorageFaultKind.CannotOpen,
        _ when state.StartsWith("53", StringComparison.Ordinal) => StorageFaultKind.Full,
        _ when state.StartsWith("58", StringComparison.Ordinal) => StorageFaultKind.IoError,
        _ when state.StartsWith("08", StringComparison.Ordinal) => StorageFaultKind.CannotOpen,
        _ => null,
    };

    // Only the file system's own refusals: a client that hangs up also raises IOException, and that is no storage fault.
    private static StorageFaultKind? OfIo(int hresult) => hresult switch
    {
        Enospc or Edquot or Efbig or WindowsDiskFull or WindowsHandleDiskFull => StorageFaultKind.Full,
        Erofs or WindowsWriteProtect => StorageFaultKind.ReadOnly,
        Eio => StorageFaultKind.IoError,
        _ => null,
    };
}

/// <summary>
/// The last storage fault a request met, until a write commits again (<see cref="Common.WriteGate"/> clears it, and so
/// does a successful health probe): what <c>GET /_emulator/health</c> reports as unhealthy in between.
/// </summary>
public sealed class StorageFaultMonitor
{
    private StorageFault? _current;

    public StorageFault? Current => Volatile.Read(ref _current);

    public void Report(StorageFault fault) => Volatile.Write(ref _current, fault);

    /// <summary>Called after every commit: one read when healthy, no write.</summary>
    public void Clear()
    {
        if (Volatile.Read(ref _current) is not null)
        {
            Volatile.Write(ref _current, null);
        }
    }
}
