using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.Filters;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Api.Acs;

/// <summary>
/// Before an Action runs: a value that did not bind (a word where a number belongs) is <c>Invalid&lt;Param&gt;.Malformed</c>
/// when the catalog has that code, else <c>InvalidParameter</c>; then the argument's <see cref="IValidator{T}"/> runs and
/// its first failure is raised as the rule's catalogued error.
/// </summary>
internal sealed class AcsValidationFilter(IServiceProvider services) : IAsyncActionFilter
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Type> ValidatorTypes = new();

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var invalid = context.ModelState.FirstOrDefault(e => e.Value?.Errors.Count > 0);
        if (invalid.Key is not null)
        {
            var wire = FlattenedKeys.ToWireName(invalid.Key);
            var leaf = wire[(wire.LastIndexOf('.') + 1)..];
            throw new AcsException(AcsErrors.Find($"Invalid{leaf}.Malformed") ?? AcsErrors.InvalidParameter, wire);
        }

        foreach (var argument in context.ActionArguments.Values)
        {
            if (argument is null || services.GetService(ValidatorTypes.GetOrAdd(argument.GetType(), static t => typeof(IValidator<>).MakeGenericType(t))) is not IValidator validator)
            {
                continue;
            }

            var result = await validator.ValidateAsync(new ValidationContext<object>(argument), context.HttpContext.RequestAborted);
            if (!result.IsValid)
            {
                throw ToAcs(result.Errors[0]);
            }
        }

        await next();
    }

    /// <summary>A validation failure as the Alibaba error it stands for (the console raises it the same way).</summary>
    internal static AcsException ToAcs(ValidationFailure failure) => failure.CustomState switch
    {
        AcsListBound bound => new(bound.Error, FlattenedKeys.ToWireName(failure.PropertyName), bound.Max),
        var state => new(state as AcsErrorCode ?? AcsErrors.InvalidParameter, FlattenedKeys.ToWireName(failure.PropertyName)),
    };
}
