namespace SecurityGroups.Domain.Persistence;

/// <summary>Section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    /// <summary><c>Sqlite</c> (default: one process on one file) or <c>Postgres</c> (any number of replicas on one
    /// database; <c>ConnectionStrings:SecurityGroups</c> is then an Npgsql connection string). ADR-008.</summary>
    public string Provider { get; set; } = StorageProviders.Sqlite;

    /// <summary>SQLite <c>synchronous</c>: <c>Normal</c> (default; survives kill -9, WAL) or <c>Full</c> (survives power loss).</summary>
    public string Synchronous { get; set; } = "Normal";

    /// <summary>Apply migrations at start (default true). A failure stops start-up.</summary>
    public bool ApplyMigrations { get; set; } = true;

    /// <summary>This replica's name in <c>/_emulator/health</c> (default: host name and process id).</summary>
    public string? ReplicaId { get; set; }

    /// <summary>The provider's canonical name, or null when it names none known.</summary>
    public string? ProviderName => StorageProviders.Canonical(Provider);

    /// <summary>True on PostgreSQL: state, write order, versions, nonces and throttling live in the database (ADR-008).</summary>
    public bool IsPostgres => ProviderName == StorageProviders.Postgres;

    public string ReplicaName => string.IsNullOrWhiteSpace(ReplicaId) ? $"{Environment.MachineName}:{Environment.ProcessId}" : ReplicaId;
}

/// <summary>The storage providers <c>Storage:Provider</c> accepts (names match case-insensitively).</summary>
public static class StorageProviders
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>The Postgres migrations live in their own assembly (their own snapshot); SQLite's in the domain.</summary>
    public const string PostgresMigrationsAssembly = "SecurityGroups.Migrations.Postgres";

    public static string? Canonical(string? name) =>
        string.Equals(name, Sqlite, StringComparison.OrdinalIgnoreCase) ? Sqlite
        : string.Equals(name, Postgres, StringComparison.OrdinalIgnoreCase) || string.Equals(name, "PostgreSQL", StringComparison.OrdinalIgnoreCase) ? Postgres
        : null;
}
