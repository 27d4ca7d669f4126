namespace SecurityGroups.Domain.Common;

/// <summary>Who is calling: the account every query and every new resource is scoped to.</summary>
public interface ICaller
{
    string AccountId { get; }
}
