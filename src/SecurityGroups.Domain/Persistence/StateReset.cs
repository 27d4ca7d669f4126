using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Snapshots;

namespace SecurityGroups.Domain.Persistence;

/// <summary><c>POST /_emulator/reset</c>: empties the caller's account (but for its snapshots), or every account, in one
/// transaction under the write gate. Rows of other accounts that refer to the emptied account's groups (cross-account rules) are kept, as a
/// deleted group's references are.</summary>
public sealed class StateReset(EmulatorDbContext db, WriteGate gate, ICaller caller)
{
    public const string AccountColumn = "AccountId";

    /// <summary>Empties the caller's account; with <paramref name="allAccounts"/>, every account (a caller that may act
    /// beyond its account only, else <c>Forbidden.RAM</c>).</summary>
    public Task ResetAsync(bool allAccounts, CancellationToken ct)
    {
        if (allAccounts && !caller.MayActBeyondAccount)
        {
            throw new AcsException(AcsErrors.ForbiddenRam, "Only an Admin account may reset all accounts in Strict mode.");
        }

        var account = caller.AccountId;
        return gate.RunAsync(db, async c =>
        {
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys=ON;", c).ConfigureAwait(false);
            }

            // Dependents before what they refer to, so that no foreign key is ever broken (PostgreSQL checks each statement).
            foreach (var entity in DependentsFirst(db.Model))
            {
                if (!allAccounts && entity.ClrType == typeof(StateSnapshot))
                {
                    continue; // an account's snapshots outlive its reset: the diff shows what the reset removed
                }

                var table = entity.GetTableName()!;
#pragma warning disable EF1002 // table and column names come from the EF model, not from input
                if (allAccounts)
                {
                    await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{table}\";", c).ConfigureAwait(false);
                }
                else if (entity.FindProperty(AccountColumn) is not null)
                {
                    await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{table}\" WHERE \"{AccountColumn}\" = {{0}};", [account], c).ConfigureAwait(false);
                }
                else if (OwnerOf(entity) is { } owner)
                {
                    // Rows without an account column (list entries, memberships) belong to a row that has one: they go first.
                    var column = owner.Properties[0].GetColumnName();
                    var principal = owner.PrincipalEntityType;
                    await db.Database.ExecuteSqlRawAsync(
                        $"DELETE FROM \"{table}\" WHERE \"{column}\" IN (SELECT \"{owner.PrincipalKey.Properties[0].GetColumnName()}\" FROM \"{principal.GetTableName()}\" WHERE \"{AccountColumn}\" = {{0}});",
                        [account], c).ConfigureAwait(false);
                }
#pragma warning restore EF1002
            }
        }, ct);
    }

    /// <summary>The single-column foreign key through which a row without an account column belongs to one that has it.</summary>
    private static IForeignKey? OwnerOf(IEntityType entity) =>
        entity.GetForeignKeys().FirstOrDefault(fk => fk.DeleteBehavior == DeleteBehavior.Cascade && fk.Properties.Count == 1
            && fk.PrincipalEntityType.FindProperty(AccountColumn) is not null);

    /// <summary>Every mapped table once, each after every table whose foreign keys refer to it.</summary>
    internal static List<IEntityType> DependentsFirst(IModel model)
    {
        var tables = model.GetEntityTypes().Where(t => t.GetTableName() is not null).DistinctBy(t => t.GetTableName()).ToList();
        var ordered = new List<IEntityType>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        void Visit(IEntityType entity)
        {
            if (!visited.Add(entity.GetTableName()!))
            {
                return;
            }

            foreach (var dependent in tables.Where(t => t.GetForeignKeys().Any(fk => fk.PrincipalEntityType.GetTableName() == entity.GetTableName()
                && t.GetTableName() != entity.GetTableName())))
            {
                Visit(dependent);
            }

            ordered.Add(entity);
        }

        foreach (var table in tables)
        {
            Visit(table);
        }

        return ordered;
    }
}
