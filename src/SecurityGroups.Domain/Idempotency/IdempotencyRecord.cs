namespace SecurityGroups.Domain.Idempotency;

/// <summary>The first result of a mutation made with a ClientToken, written in the same transaction as the mutation.</summary>
public sealed class IdempotencyRecord
{
    public required string AccountId { get; init; }

    public required string Action { get; init; }

    public required string ClientToken { get; init; }

    public required string Fingerprint { get; init; }

    public required string ResultJson { get; init; }

    public DateTime CreatedAt { get; init; }
}
