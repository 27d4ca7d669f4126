namespace SecurityGroups.Domain.Common;

/// <summary>Who is calling and with what: the account every query is scoped to, and the request's identity for ClientToken.</summary>
public interface ICaller
{
    string AccountId { get; }

    /// <summary>The Action being served (idempotency records are per Action).</summary>
    string Action { get; }

    /// <summary>A hash of the request's business parameters: a ClientToken retry with another fingerprint is refused.</summary>
    string RequestFingerprint { get; }
}
