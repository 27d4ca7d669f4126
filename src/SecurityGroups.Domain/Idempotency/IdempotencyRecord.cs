namespace SecurityGroups.Domain.Idempotency;

/// <summary>The first response of a mutation made with a ClientToken, written in the same transaction as the mutation.</summary>
public sealed class IdempotencyRecord
{
    public required string AccountId { get; init; }

    public required string Action { get; init; }

    public required string ClientToken { get; init; }

    /// <summary>SHA-256 of the request's business parameters: a retry with another fingerprint is refused.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>The first response body (JSON), replayed byte for byte.</summary>
    public required string ResponseJson { get; init; }

    /// <summary>The resource the mutation created or changed; deleting that resource deletes the record.</summary>
    public string ResourceId { get; init; } = "";

    public DateTime CreatedAt { get; init; }
}
