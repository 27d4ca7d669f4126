using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Api.WebConsole;

/// <summary>
/// The console's one way to act: the Action's own request object, validated by the Action's own validator
/// (<see cref="AcsValidationFilter"/>'s rules), then the Action's own controller method, which calls the domain service.
/// A refusal comes back as the same Alibaba code and message the API would answer, for the page to show inline.
/// </summary>
internal sealed class ConsoleApi(IServiceProvider services, IHttpContextAccessor accessor)
{
    /// <summary>Runs one Action (or emulator endpoint) of <typeparamref name="TController"/> as the console's account.</summary>
    public async Task<ConsoleResult<TResponse>> RunAsync<TController, TRequest, TResponse>(TRequest request,
        Func<TController, TRequest, CancellationToken, Task<TResponse>> action)
        where TController : ControllerBase
        where TRequest : class
    {
        var http = accessor.HttpContext ?? throw new InvalidOperationException("No current request.");
        try
        {
            await ValidateAsync(request, http.RequestAborted);
            var controller = ActivatorUtilities.CreateInstance<TController>(http.RequestServices);
            controller.ControllerContext = new ControllerContext { HttpContext = http };
            return ConsoleResult<TResponse>.Ok(await action(controller, request, http.RequestAborted));
        }
        catch (AcsException ex)
        {
            return ConsoleResult<TResponse>.Refused(ex.Code, ex.Message);
        }
    }

    /// <summary>A domain call without a controller in between (the traffic questions, which the API answers the same way).</summary>
    public static async Task<ConsoleResult<T>> TryAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return ConsoleResult<T>.Ok(await call());
        }
        catch (AcsException ex)
        {
            return ConsoleResult<T>.Refused(ex.Code, ex.Message);
        }
    }

    private async Task ValidateAsync<TRequest>(TRequest request, CancellationToken ct)
        where TRequest : class
    {
        if (services.GetService(typeof(IValidator<TRequest>)) is IValidator<TRequest> validator)
        {
            ValidationResult result = await validator.ValidateAsync(request, ct);
            if (!result.IsValid)
            {
                throw AcsValidationFilter.ToAcs(result.Errors[0]);
            }
        }
    }
}

/// <summary>An Action's answer, or its refusal (Alibaba code and message).</summary>
internal sealed record ConsoleResult<T>(T? Value, string? Code, string? Message)
{
    public bool Succeeded => Code is null;

    public static ConsoleResult<T> Ok(T value) => new(value, null, null);

    public static ConsoleResult<T> Refused(string code, string message) => new(default, code, message);
}
