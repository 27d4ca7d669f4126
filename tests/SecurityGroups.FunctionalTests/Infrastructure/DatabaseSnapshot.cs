using Microsoft.Data.Sqlite;

namespace SecurityGroups.FunctionalTests.Infrastructure;

/// <summary>Every row of every table of the emulator's database, as text: equal snapshots mean nothing changed.</summary>
public static class DatabaseSnapshot
{
    /// <summary>The server's database, SQLite or PostgreSQL (without the replicas' nonce and throttle bookkeeping).</summary>
    public static string Take(EmulatorFactory factory) =>
        factory.PostgresConnectionString is { } postgres ? TakePostgres(postgres) : Take(factory.DatabasePath);

    public static string Take(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = Names(new SqliteCommand(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory' ORDER BY name",
            connection));
        return Rows(tables, sql => new SqliteCommand(sql, connection));
    }

    private static string TakePostgres(string connectionString)
    {
        using var connection = new Npgsql.NpgsqlConnection(connectionString);
        connection.Open();
        var tables = Names(new Npgsql.NpgsqlCommand("""
            SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
            AND table_name NOT IN ('__EFMigrationsHistory', 'SignatureNonces', 'ThrottleWindows') ORDER BY table_name
            """, connection));
        return Rows(tables, sql => new Npgsql.NpgsqlCommand(sql, connection));
    }

    private static List<string> Names(System.Data.Common.DbCommand list)
    {
        using (list)
        {
            var tables = new List<string>();
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }

            return tables;
        }
    }

    private static string Rows(List<string> tables, Func<string, System.Data.Common.DbCommand> command)
    {
        var text = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            using var rows = command($"SELECT * FROM \"{table}\" ORDER BY 1");
            using var reader = rows.ExecuteReader();
            text.Append('#').Append(table).Append('\n');
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.GetValue(i)).Append('|');
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }
}
