namespace SecurityGroups.Domain.Errors;

/// <summary>The one way to raise an Alibaba error: <c>throw new AcsException(AcsErrors.X, args)</c>.</summary>
public sealed class AcsException(AcsErrorCode error, params object?[] args) : Exception(error.Format(args))
{
    public AcsErrorCode Error { get; } = error;

    public string Code => Error.Code;

    public int HttpStatus => Error.HttpStatus;
}
