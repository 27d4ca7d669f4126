using Microsoft.EntityFrameworkCore;
using Npgsql;
using SecurityGroups.Domain.Persistence;

namespace SecurityGroups.UnitTests.Persistence;

/// <summary>PostgreSQL's refusals as storage faults, and the order in which reset empties tables (ADR-008).</summary>
public sealed class PostgresStorageTests
{
    [Theory]
    [InlineData("53100", StorageFaultKind.Full)] // disk full
    [InlineData("53200", StorageFaultKind.Full)] // out of memory
    [InlineData("25006", StorageFaultKind.ReadOnly)] // read-only transaction (a standby)
    [InlineData("57P03", StorageFaultKind.ReadOnly)] // cannot connect now (starting, or recovering)
    [InlineData("55P03", StorageFaultKind.Locked)] // lock not available
    [InlineData("57014", StorageFaultKind.Locked)] // statement timeout
    [InlineData("58030", StorageFaultKind.IoError)] // I/O error
    [InlineData("XX001", StorageFaultKind.Corrupt)] // data corrupted
    [InlineData("57P01", StorageFaultKind.CannotOpen)] // admin shutdown
    [InlineData("08006", StorageFaultKind.CannotOpen)] // connection failure
    public void PostgresStorageErrors_AreFaults_AlsoInsideDbUpdateException(string state, StorageFaultKind kind)
    {
        var postgres = new PostgresException("refused", "ERROR", "ERROR", state);
        Assert.Equal(kind, StorageFaults.Classify(postgres)?.Kind);
        Assert.Equal(kind, StorageFaults.Classify(new DbUpdateException("update failed", postgres))?.Kind);
    }

    [Theory]
    [InlineData("23505")] // unique violation (a bug, or a race the code must handle)
    [InlineData("42P01")] // undefined table (a bug)
    [InlineData("22001")] // string too long (a validation gap)
    public void OtherPostgresErrors_AreNotFaults(string state) =>
        Assert.Null(StorageFaults.Classify(new DbUpdateException("update failed", new PostgresException("bug", "ERROR", "ERROR", state))));

    [Theory]
    [InlineData("22001", true)] // string too long for its column
    [InlineData("22021", true)] // a character the encoding cannot hold (NUL)
    [InlineData("22P05", true)] // untranslatable character
    [InlineData("22003", false)] // numeric out of range: a bug to fix where it happens, not a value to refuse
    [InlineData("23505", false)]
    [InlineData("53100", false)] // disk full: a fault (503), not the client's value
    public void RefusedValues_AreTheClientsError_OnlyForLengthAndCharacters(string state, bool refused)
    {
        Assert.Equal(refused, StorageFaults.IsRefusedValue(new DbUpdateException("update failed", new PostgresException("refused", "ERROR", "ERROR", state))));
        Assert.Equal(refused, StorageFaults.IsRefusedValue(new InvalidOperationException("outer", new PostgresException("refused", "ERROR", "ERROR", state))));
    }

    [Fact]
    public void NoSqliteOrOtherError_IsARefusedValue()
    {
        Assert.False(StorageFaults.IsRefusedValue(new DbUpdateException("update failed", new Microsoft.Data.Sqlite.SqliteException("SQLite Error", 19, 19))));
        Assert.False(StorageFaults.IsRefusedValue(new InvalidOperationException("a bug")));
    }

    [Fact]
    public void AConnectionThatCannotBeMade_IsAFault() =>
        Assert.Equal(StorageFaultKind.CannotOpen, StorageFaults.Classify(new NpgsqlException("refused", new System.Net.Sockets.SocketException(111)))?.Kind);

    [Fact]
    public void Reset_EmptiesEveryTableOnce_AfterEveryTableThatRefersToIt()
    {
        using var db = new EmulatorDbContext(new DbContextOptionsBuilder<EmulatorDbContext>().UseNpgsql("Host=unused").Options);
        var order = StateReset.DependentsFirst(db.Model).Select(t => t.GetTableName()!).ToList();

        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).Distinct().ToList();
        Assert.Equal(tables.Count, order.Count);
        Assert.Equal(order.Count, order.Distinct().Count());
        foreach (var entity in db.Model.GetEntityTypes())
        {
            foreach (var key in entity.GetForeignKeys().Where(k => k.PrincipalEntityType.GetTableName() != entity.GetTableName()))
            {
                Assert.True(order.IndexOf(entity.GetTableName()!) < order.IndexOf(key.PrincipalEntityType.GetTableName()!),
                    $"{entity.GetTableName()} refers to {key.PrincipalEntityType.GetTableName()} and must be emptied first");
            }
        }
    }
}
