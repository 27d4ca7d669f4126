namespace SecurityGroups.Domain.Errors;

public static partial class AcsErrors
{
    // The emulator's snapshots (/_emulator/snapshots, not an Alibaba API; docs/console.md "Snapshot and diff").
    public static readonly AcsErrorCode InvalidSnapshotIdNotFound = new("InvalidSnapshotId.NotFound", 404,
        "The specified snapshot does not exist.");
    public static readonly AcsErrorCode InvalidSnapshotNameMalformed = new("InvalidSnapshotName.Malformed", 400,
        "The specified snapshot name is not valid: at most 128 characters, no control characters.");
    public static readonly AcsErrorCode SnapshotTooLarge = new("QuotaExceed.SnapshotSize", 400,
        "The region's state takes {0} bytes compressed; a snapshot holds at most {1}.");
}
