using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Persistence;

namespace SecurityGroups.UnitTests.Persistence;

/// <summary>
/// Each provider keeps its own migrations of the one model: a schema change made for one and forgotten for the other
/// (or a model snapshot merged by hand from two branches) fails here, before any database is started.
/// </summary>
public sealed class MigrationsMatchModelTests
{
    [Fact]
    public void Sqlite_HasNoModelChangeWithoutAMigration()
    {
        using var db = new EmulatorDbContext(new DbContextOptionsBuilder<EmulatorDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void Postgres_HasNoModelChangeWithoutAMigration()
    {
        using var db = new EmulatorDbContext(new DbContextOptionsBuilder<EmulatorDbContext>()
            .UseNpgsql("Host=localhost;Database=none", o => o.MigrationsAssembly(StorageProviders.PostgresMigrationsAssembly)).Options);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges());
    }
}
