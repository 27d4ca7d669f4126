using System.Globalization;

namespace SecurityGroups.Domain.Errors;

/// <summary>
/// One Alibaba Cloud error: its code (spelled exactly as Alibaba spells it, typos included), its HTTP status and its
/// message template (<c>{0}</c>, <c>{1}</c> are filled by <see cref="AcsException"/>). Every instance lives in <see cref="AcsErrors"/>.
/// </summary>
public sealed record AcsErrorCode(string Code, int HttpStatus, string Message)
{
    internal string Format(object?[] args) =>
        args.Length == 0 ? Message : string.Format(CultureInfo.InvariantCulture, Message, args);
}
