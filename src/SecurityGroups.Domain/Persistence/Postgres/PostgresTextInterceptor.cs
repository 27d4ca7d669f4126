using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SecurityGroups.Domain.Persistence.Postgres;

/// <summary>
/// PostgreSQL's text cannot hold U+0000 (SQLSTATE 22021), SQLite's can: a request carrying a NUL (a fuzzed id, name or
/// tag) would fail with a 500 on PostgreSQL where SQLite answers it. Every string parameter therefore has its NULs
/// replaced by U+FFFD before it is sent: a lookup then finds nothing, as on SQLite (no stored id holds a NUL), and a
/// stored free text keeps a visible replacement character where SQLite would keep the NUL (ADR-008).
/// </summary>
internal sealed class PostgresTextInterceptor : DbCommandInterceptor
{
    public static PostgresTextInterceptor Instance { get; } = new();

    public static string Clean(string text) => text.Contains('\0', StringComparison.Ordinal) ? text.Replace('\0', '\uFFFD') : text;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        CleanParameters(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        CleanParameters(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        CleanParameters(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        CleanParameters(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        CleanParameters(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        CleanParameters(command);
        return ValueTask.FromResult(result);
    }

    private static void CleanParameters(DbCommand command)
    {
        foreach (DbParameter parameter in command.Parameters)
        {
            parameter.Value = parameter.Value switch
            {
                string text when text.Contains('\0', StringComparison.Ordinal) => Clean(text),
                string[] texts when texts.Any(t => t is not null && t.Contains('\0', StringComparison.Ordinal)) => texts.Select(t => t is null ? t : Clean(t)).ToArray(),
                List<string> texts when texts.Any(t => t is not null && t.Contains('\0', StringComparison.Ordinal)) => texts.Select(t => t is null ? t : Clean(t)).ToList(),
                var other => other,
            };
        }
    }
}
