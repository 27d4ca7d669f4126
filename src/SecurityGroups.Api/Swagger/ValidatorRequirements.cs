using FluentValidation.Validators;

namespace SecurityGroups.Api.Swagger;

/// <summary>
/// The properties a request model's validator always requires: those with an unconditional <c>NotEmpty</c> or <c>NotNull</c>
/// rule (what <see cref="Acs.AcsRuleExtensions.Required{T, TProperty}(IRuleBuilder{T, TProperty})"/> declares). Swagger marks
/// them <c>required</c>, so the document says what the validator enforces, with no list kept by hand. Those required only
/// under a condition (<c>RegionId</c> unless <c>VpcId</c> is given) are <see cref="Conditional"/>.
/// </summary>
internal sealed record ValidatorRequirements(IReadOnlySet<string> Always, IReadOnlySet<string> Conditional)
{
    /// <summary>The OpenAPI extension that marks a parameter required under a condition its description states.</summary>
    public const string ConditionalExtension = "x-required-when";

    public static ValidatorRequirements Of(IServiceProvider services, Type model)
    {
        if (services.GetService(typeof(IValidator<>).MakeGenericType(model)) is not IValidator validator)
        {
            return new(new HashSet<string>(), new HashSet<string>());
        }

        var rules = validator.CreateDescriptor().GetMembersWithValidators()
            .SelectMany(member => member.Where(v => v.Validator is INotEmptyValidator or INotNullValidator)
                .Select(v => (member.Key, Conditional: v.Options.HasCondition || v.Options.HasAsyncCondition)))
            .ToList();
        var always = rules.Where(r => !r.Conditional).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        return new(always, rules.Where(r => r.Conditional && !always.Contains(r.Key)).Select(r => r.Key).ToHashSet(StringComparer.Ordinal));
    }
}
