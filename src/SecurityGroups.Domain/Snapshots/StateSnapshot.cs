namespace SecurityGroups.Domain.Snapshots;

/// <summary>
/// A saved state of one account's region (<c>POST /_emulator/snapshots</c>): its security groups with their rules and
/// tags, and which ENIs were in them, as compressed JSON (<see cref="SnapshotCodec"/>). The newest
/// <see cref="SnapshotService.KeptPerAccount"/> of an account are kept.
/// </summary>
public sealed class StateSnapshot
{
    /// <summary>Assigned by the database, increasing.</summary>
    public long SnapshotId { get; init; }

    public required string AccountId { get; init; }

    public required string RegionId { get; init; }

    public string Name { get; init; } = "";

    public DateTime CreatedAt { get; init; }

    public int GroupCount { get; init; }

    public int RuleCount { get; init; }

    /// <summary>The state, gzip-compressed JSON of <see cref="SnapshotState"/>.</summary>
    public required byte[] Data { get; init; }
}
