using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SecurityGroups.Domain.Persistence;

namespace SecurityGroups.Migrations.Postgres;

/// <summary>For <c>dotnet ef migrations add</c> only: the model on Npgsql (no connection is opened to generate a migration).</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<EmulatorDbContext>
{
    public EmulatorDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<EmulatorDbContext>()
            .UseNpgsql("Host=localhost;Database=securitygroups", o => o.MigrationsAssembly(StorageProviders.PostgresMigrationsAssembly))
            .Options);
}
