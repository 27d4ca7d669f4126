namespace SecurityGroups.Domain.Common;

/// <summary>Who is calling: the account every query and every new resource is scoped to.</summary>
public interface ICaller
{
    string AccountId { get; }

    /// <summary>May act on every account's state (an <c>Admin</c> account, or anyone in Relaxed mode).</summary>
    bool MayActBeyondAccount { get; }
}
