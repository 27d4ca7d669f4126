using Microsoft.Extensions.Options;

namespace SecurityGroups.Api.Auth;

/// <summary>The configured accounts, found by AccessKeyId (validated at start: Startup/OptionsValidation).</summary>
internal sealed class AccountDirectory
{
    public const string DefaultAccountId = "1234567890123456";

    private readonly Dictionary<string, AccountCredentials> _byKey;

    public AccountDirectory(IOptions<AuthOptions> options)
    {
        var accounts = options.Value.Accounts.Where(a => !string.IsNullOrEmpty(a.AccessKeyId)).ToList();
        if (accounts.Count == 0)
        {
            accounts.Add(new AccountCredentials { AccountId = DefaultAccountId, AccessKeyId = "test", AccessKeySecret = "test" });
        }

        _byKey = accounts.ToDictionary(a => a.AccessKeyId, StringComparer.Ordinal);
        Default = accounts[0];
    }

    /// <summary>The account that unsigned requests act as in Relaxed mode (the first configured).</summary>
    public AccountCredentials Default { get; }

    /// <summary>Every configured account, in configuration order.</summary>
    public IReadOnlyCollection<AccountCredentials> All => _byKey.Values;

    public AccountCredentials? Find(string accessKeyId) => _byKey.GetValueOrDefault(accessKeyId);
}
