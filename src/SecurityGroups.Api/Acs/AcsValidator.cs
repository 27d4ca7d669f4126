using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Api.Acs;

/// <summary>
/// Base of every Action's syntactic validator: stops at the first failure (Alibaba reports one error) and carries the
/// catalogued error of each rule in its state. Validators never read the database; business rules live in the domain.
/// </summary>
public abstract class AcsValidator<T> : AbstractValidator<T>
{
    protected AcsValidator()
    {
        ClassLevelCascadeMode = CascadeMode.Stop;
        RuleLevelCascadeMode = CascadeMode.Stop;
    }
}

public static class AcsRuleExtensions
{
    /// <summary>Absent or empty: <c>MissingParameter</c> naming the parameter.</summary>
    public static IRuleBuilderOptions<T, TProperty> Required<T, TProperty>(this IRuleBuilder<T, TProperty> rule) =>
        rule.NotEmpty().WithState(_ => AcsErrors.MissingParameter);

    /// <summary>Absent or empty: the given catalogued error (e.g. <c>MissingParameter.RegionId</c>).</summary>
    public static IRuleBuilderOptions<T, TProperty> Required<T, TProperty>(this IRuleBuilder<T, TProperty> rule, AcsErrorCode error) =>
        rule.NotEmpty().WithState(_ => error);

    /// <summary>The catalogued error this rule raises when it fails.</summary>
    public static IRuleBuilderOptions<T, TProperty> Raises<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, AcsErrorCode error) =>
        rule.WithState(_ => error);

    /// <summary>Alibaba's name and description rule: length within bounds, not starting with http:// or https://, no control characters.</summary>
    public static IRuleBuilderOptions<T, string?> AcsText<T>(this IRuleBuilder<T, string?> rule, int min, int max) =>
        rule.Must(v => v is null || Acs.AcsText.IsText(v, min, max));

    /// <summary>Alibaba's naming rule: length within bounds, starting with a letter (any script), not http(s)://, no control characters.</summary>
    public static IRuleBuilderOptions<T, string?> AcsName<T>(this IRuleBuilder<T, string?> rule, int min, int max) =>
        rule.Must(v => v is null || Acs.AcsText.IsName(v, min, max));

    /// <summary>
    /// A flattened list of at most <paramref name="max"/> items (absent is fine); past it, <paramref name="error"/> (the
    /// list's own count code) naming the list and the bound. Validators declare these rules first: a list's length is
    /// checked before anything else about the request.
    /// </summary>
    public static IRuleBuilderOptions<T, List<TItem>?> MaxItems<T, TItem>(this IRuleBuilder<T, List<TItem>?> rule, int max, AcsErrorCode error) =>
        rule.MaxItems(_ => max, error);

    /// <summary>A flattened list of at most the request-dependent (or configured) <paramref name="max"/> items.</summary>
    public static IRuleBuilderOptions<T, List<TItem>?> MaxItems<T, TItem>(this IRuleBuilder<T, List<TItem>?> rule, Func<T, int> max, AcsErrorCode error) =>
        rule.Must((request, list) => list is null || list.Count <= max(request)).WithState(request => new AcsListBound(error, max(request)));

    /// <summary>One of the given values (ordinal), or absent.</summary>
    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, params string[] values) =>
        rule.Must(v => v is null || values.Contains(v, StringComparer.Ordinal));
}

/// <summary>The state of a failed <see cref="AcsRuleExtensions.MaxItems{T, TItem}(IRuleBuilder{T, List{TItem}?}, int, AcsErrorCode)"/> rule: the count error and the bound it names.</summary>
internal sealed record AcsListBound(AcsErrorCode Error, int Max);

/// <summary>Alibaba's rules for names and descriptions, as predicates (the rule extensions above and composite rules use them).</summary>
public static class AcsText
{
    /// <summary>Length within bounds, not starting with http:// or https://, no control characters.</summary>
    public static bool IsText(string value, int min, int max) =>
        value.Length >= min && value.Length <= max && !value.Any(char.IsControl)
        && !value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !value.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>As <see cref="IsText"/>, and starting with a letter (any script).</summary>
    public static bool IsName(string value, int min, int max) => IsText(value, min, max) && char.IsLetter(value[0]);
}
