namespace SecurityGroups.Domain.Persistence;

/// <summary>Section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c> (not yet supported: start-up refuses it loudly).</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>SQLite <c>synchronous</c>: <c>Normal</c> (default; survives kill -9, WAL) or <c>Full</c> (survives power loss).</summary>
    public string Synchronous { get; set; } = "Normal";

    /// <summary>Apply migrations at start (default true). A failure stops start-up.</summary>
    public bool ApplyMigrations { get; set; } = true;
}
