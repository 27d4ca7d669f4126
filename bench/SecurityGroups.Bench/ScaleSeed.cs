using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SecurityGroups.Domain.Common;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Rules;
using SecurityGroups.Domain.SecurityGroups;

namespace SecurityGroups.Bench;

/// <summary>
/// Writes the scale groups' rules straight into the stopped server's database: each rule is built by the domain's own
/// <see cref="RuleBuilder"/> (every check and every stored column as AuthorizeSecurityGroup makes them), then inserted
/// by one prepared statement whose columns and value conversions come from the EF model, 10,000 rules per transaction.
/// What this skips against the API: one transaction per 100 rules, the duplicate lookup (the generator makes none) and
/// the quota sums (100 rules a group, at most 500 an ENI, within the defaults). The 500,000 rules of the largest size
/// take many minutes through the API on 2 shared cores, well under one here.
/// </summary>
internal static class ScaleSeed
{
    private const int RulesPerTransaction = 10_000;

    public static async Task RulesAsync(string databasePath, ScaleRegion region, int rulesPerGroup)
    {
        var options = new DbContextOptionsBuilder<EmulatorDbContext>().UseSqlite($"Data Source={databasePath}").Options;
        await using var db = new EmulatorDbContext(options);
        var groups = await db.SecurityGroups.AsNoTracking().Where(g => g.VpcId == region.VpcId).ToDictionaryAsync(g => g.SecurityGroupId);
        var builder = new RuleBuilder(db, new SeedCaller(groups.Values.First().AccountId), TimeProvider.System);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var insert = Insert<SecurityGroupRule>(db, connection);
        DbTransaction? transaction = null;
        var pending = 0;
        for (var g = 0; g < region.Groups.Count; g++)
        {
            var group = groups[region.Groups[g]];
            foreach (var rule in region.RulesOf(g, rulesPerGroup))
            {
                var built = await builder.BuildAsync(group, rule.Direction, rule.Input(), modify: false, CancellationToken.None);
                if (transaction is null)
                {
                    transaction = await connection.BeginTransactionAsync();
                    insert.Command.Transaction = transaction;
                }

                insert.Run(built.Rule);
                if (++pending == RulesPerTransaction)
                {
                    await transaction.CommitAsync();
                    await transaction.DisposeAsync();
                    (transaction, pending) = (null, 0);
                }
            }
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync();
            await transaction.DisposeAsync();
        }

        insert.Command.Dispose();
    }

    /// <summary>A prepared INSERT of every mapped column of <typeparamref name="T"/>, with EF's conversion of each value.</summary>
    private static PreparedInsert<T> Insert<T>(EmulatorDbContext db, DbConnection connection)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException(typeof(T).Name);
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToList();
        var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\""))}) " +
            $"VALUES ({string.Join(", ", properties.Select((_, i) => $"@p{i}"))})";
        foreach (var i in Enumerable.Range(0, properties.Count))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
        }

        return new PreparedInsert<T>(command, properties);
    }

    private sealed record PreparedInsert<T>(DbCommand Command, IReadOnlyList<IProperty> Properties)
    {
        public void Run(T row)
        {
            for (var i = 0; i < Properties.Count; i++)
            {
                var property = Properties[i];
                var value = property.PropertyInfo!.GetValue(row);
                if (property.GetTypeMapping().Converter is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }

                Command.Parameters[i].Value = value ?? DBNull.Value;
            }

            Command.ExecuteNonQuery();
        }
    }

    private sealed class SeedCaller(string accountId) : ICaller
    {
        public string AccountId => accountId;

        public bool MayActBeyondAccount => false;
    }
}
