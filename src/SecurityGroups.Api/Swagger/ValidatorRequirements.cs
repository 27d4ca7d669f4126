using FluentValidation.Validators;

namespace SecurityGroups.Api.Swagger;

/// <summary>
/// The properties a request model's validator always requires: those with an unconditional <c>NotEmpty</c> or <c>NotNull</c>
/// rule (what <see cref="Acs.AcsRuleExtensions.Required{T, TProperty}(IRuleBuilder{T, TProperty})"/> declares). Swagger marks
/// them <c>required</c>, so the document says what the validator enforces, with no list kept by hand.
/// </summary>
internal static class ValidatorRequirements
{
    public static IReadOnlySet<string> Of(IServiceProvider services, Type model)
    {
        if (services.GetService(typeof(IValidator<>).MakeGenericType(model)) is not IValidator validator)
        {
            return new HashSet<string>();
        }

        var descriptor = validator.CreateDescriptor();
        return descriptor.GetMembersWithValidators()
            .Where(member => member.Any(v => v.Validator is INotEmptyValidator or INotNullValidator && !v.Options.HasCondition && !v.Options.HasAsyncCondition))
            .Select(member => member.Key)
            .ToHashSet(StringComparer.Ordinal);
    }
}
