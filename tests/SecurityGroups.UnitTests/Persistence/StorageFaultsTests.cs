using Microsoft.AspNetCore.Connections;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Persistence;

namespace SecurityGroups.UnitTests.Persistence;

/// <summary>Which exceptions are storage faults (503 ServiceUnavailable) and which stay bugs (500 InternalError).</summary>
public sealed class StorageFaultsTests
{
    [Theory]
    [InlineData(5, StorageFaultKind.Locked)] // SQLITE_BUSY
    [InlineData(6, StorageFaultKind.Locked)] // SQLITE_LOCKED
    [InlineData(8, StorageFaultKind.ReadOnly)] // SQLITE_READONLY
    [InlineData(10, StorageFaultKind.IoError)] // SQLITE_IOERR
    [InlineData(778, StorageFaultKind.IoError)] // SQLITE_IOERR_WRITE (extended)
    [InlineData(11, StorageFaultKind.Corrupt)] // SQLITE_CORRUPT
    [InlineData(13, StorageFaultKind.Full)] // SQLITE_FULL
    [InlineData(14, StorageFaultKind.CannotOpen)] // SQLITE_CANTOPEN
    [InlineData(26, StorageFaultKind.Corrupt)] // SQLITE_NOTADB
    public void SqliteStorageErrors_AreFaults_AlsoInsideDbUpdateException(int code, StorageFaultKind kind)
    {
        var sqlite = new SqliteException("SQLite Error", code, code);
        Assert.Equal(kind, StorageFaults.Classify(sqlite)?.Kind);
        Assert.Equal(kind, StorageFaults.Classify(new DbUpdateException("update failed", sqlite))?.Kind);
        Assert.Equal(kind, StorageFaults.Classify(new InvalidOperationException("outer", new DbUpdateException("update failed", sqlite)))?.Kind);
    }

    [Theory]
    [InlineData(1)] // SQLITE_ERROR: bad SQL, missing table (a bug)
    [InlineData(19)] // SQLITE_CONSTRAINT (a bug)
    [InlineData(21)] // SQLITE_MISUSE (a bug)
    public void OtherSqliteErrors_AreNotFaults(int code) =>
        Assert.Null(StorageFaults.Classify(new DbUpdateException("update failed", new SqliteException("SQLite Error", code, code))));

    [Fact]
    public void FileSystemRefusals_AreFaults_ButAClientHangingUpIsNot()
    {
        Assert.Equal(StorageFaultKind.Full, StorageFaults.Classify(new IOException("No space left on device", 28))?.Kind);
        Assert.Equal(StorageFaultKind.ReadOnly, StorageFaults.Classify(new IOException("Read-only file system", 30))?.Kind);
        Assert.Null(StorageFaults.Classify(new ConnectionResetException("The client reset the request stream.")));
        Assert.Null(StorageFaults.Classify(new IOException("Unexpected end of request content.")));
        Assert.Null(StorageFaults.Classify(new InvalidOperationException("a bug")));
    }
}
