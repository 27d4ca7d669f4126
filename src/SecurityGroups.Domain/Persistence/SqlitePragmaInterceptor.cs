using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SecurityGroups.Domain.Persistence;

/// <summary>
/// Sets the per-connection SQLite pragmas each time a connection is opened: a pooled native connection may be new, and
/// <c>foreign_keys</c> and <c>synchronous</c> must hold on every one of them. <c>busy_timeout</c> is the connection
/// string's <c>Default Timeout</c> (see <c>DependencyInjection.WithLockWait</c>).
/// </summary>
internal sealed class SqlitePragmaInterceptor(string synchronous, int lockWaitSeconds) : DbConnectionInterceptor
{
    private readonly string _pragmas =
        $"PRAGMA foreign_keys=ON; PRAGMA synchronous={synchronous}; PRAGMA busy_timeout={lockWaitSeconds * 1000L};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }
}
