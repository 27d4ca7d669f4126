using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Persistence;

namespace SecurityGroups.UnitTests.Persistence;

/// <summary>
/// The change counters of the listing caches (ADR-012) live in triggers outside the EF model. On SQLite a migration that
/// rebuilds a table (EF copies it into a new table, drops the old one and renames) drops that table's triggers with it:
/// a tracked table without its three triggers would leave listings stale, so every migration must leave them all.
/// </summary>
public sealed class TableVersionsTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"sg-table-versions-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task AfterEveryMigration_EachTrackedTableHasACounterAndItsThreeTriggers()
    {
        await using (var db = new EmulatorDbContext(new DbContextOptionsBuilder<EmulatorDbContext>().UseSqlite($"Data Source={_path}").Options))
        {
            await db.Database.MigrateAsync();
        }

        await using var connection = new SqliteConnection($"Data Source={_path}");
        await connection.OpenAsync();
        var triggers = await Rows(connection, "SELECT name || ' ON ' || tbl_name FROM sqlite_master WHERE type = 'trigger'");
        var counters = await Rows(connection, "SELECT \"Name\" FROM \"TableVersions\"");

        Assert.Equal(TableVersions.Tracked.Order(StringComparer.Ordinal), counters.Order(StringComparer.Ordinal));
        foreach (var table in TableVersions.Tracked)
        {
            foreach (var change in new[] { "INSERT", "UPDATE", "DELETE" })
            {
                Assert.Contains($"TableVersions_{table}_{change} ON {table}", triggers);
            }
        }
    }

    private static async Task<List<string>> Rows(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
