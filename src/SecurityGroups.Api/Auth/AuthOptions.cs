namespace SecurityGroups.Api.Auth;

/// <summary>Section <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Relaxed = "Relaxed";
    public const string Strict = "Strict";

    /// <summary><c>Relaxed</c> (default): unsigned requests act as the first account; signed ones are verified.
    /// <c>Strict</c>: every request but health and Swagger must be signed.</summary>
    public string Mode { get; set; } = Relaxed;

    /// <summary>The accounts and their keys. Empty means one account <c>1234567890123456</c> with key <c>test</c>/<c>test</c>.</summary>
    public List<AccountCredentials> Accounts { get; set; } = [];

    /// <summary>How far a request's timestamp may be from the server clock, in minutes.</summary>
    public int TimestampWindowMinutes { get; set; } = 15;

    public bool IsStrict => string.Equals(Mode, Strict, StringComparison.OrdinalIgnoreCase);
}

public sealed class AccountCredentials
{
    public string AccountId { get; set; } = "";

    public string AccessKeyId { get; set; } = "";

    public string AccessKeySecret { get; set; } = "";

    /// <summary>May act beyond its own account (e.g. <c>POST /_emulator/reset</c> with <c>{"AllAccounts": true}</c> in Strict mode).</summary>
    public bool Admin { get; set; }
}
