using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Auth;

namespace SecurityGroups.Api.WebConsole;

/// <summary>
/// Who a <c>/console</c> request acts as: the account named by the console's session cookie. The cookie is issued by
/// <see cref="Issue"/> only after the AccessKey pair was verified (Strict) or an account was chosen (Relaxed); it is
/// data-protected (authenticated encryption), HttpOnly, SameSite=Strict, expires after <see cref="Lifetime"/>, and binds a
/// hash of the secret, so a changed secret ends the session. Without a valid cookie: the default account in Relaxed
/// mode; in Strict mode every console page but sign-in and the assets redirects to sign-in (docs/security.md).
/// </summary>
internal sealed class ConsoleSessions(AccountDirectory accounts, IOptions<AuthOptions> auth, IDataProtectionProvider protection, TimeProvider clock)
{
    public const string Prefix = "/console";
    public const string SignInPath = "/console/signin";
    public const string AssetsPrefix = "/console/assets";
    public const string CookieName = "sg-console";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private readonly IDataProtector _protector = protection.CreateProtector("SecurityGroups.Console.Session.v1");

    public bool IsStrict => auth.Value.IsStrict;

    public static bool Owns(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Pages anyone may open without a session: the sign-in page itself and one asset file. Exact, not a prefix:
    /// <c>/console/signin/security-groups</c> would route to a page with the region "signin", and must not run unauthenticated.</summary>
    public static bool IsPublic(PathString path) =>
        path.Equals(SignInPath, StringComparison.OrdinalIgnoreCase) || path.Equals(SignInPath + "/", StringComparison.OrdinalIgnoreCase)
        || (path.StartsWithSegments(AssetsPrefix, StringComparison.OrdinalIgnoreCase, out var rest) && rest.Value is ['/', .. var name]
            && name.Length > 0 && !name.Contains('/', StringComparison.Ordinal));

    /// <summary>The gateway's step for <c>/console</c>: sets the account, or (Strict, no session) answers with a redirect to sign-in.
    /// Returns false when the request was answered.</summary>
    public bool Authenticate(HttpContext http, AcsRequestContext acs)
    {
        if (Read(http) is { } account)
        {
            acs.Authenticate(new Authentication(account.AccountId, AuthScheme.ConsoleSession, account.Admin));
            return true;
        }

        if (!IsStrict)
        {
            acs.Authenticate(new Authentication(accounts.Default.AccountId, AuthScheme.Unsigned, accounts.Default.Admin));
            return true;
        }

        if (IsPublic(http.Request.Path))
        {
            return true;
        }

        var back = http.Request.Path + http.Request.QueryString;
        http.Response.Redirect(SignInPath + "?ReturnUrl=" + Uri.EscapeDataString(back));
        return false;
    }

    /// <summary>The account of the request's session cookie, when it is valid, unexpired and its key and secret unchanged.</summary>
    public AccountCredentials? Read(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var cookie) || string.IsNullOrEmpty(cookie))
        {
            return null;
        }

        string plain;
        try
        {
            plain = _protector.Unprotect(cookie);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = plain.Split('\n');
        if (parts.Length != 3 || !long.TryParse(parts[1], out var expires) || clock.GetUtcNow().ToUnixTimeSeconds() > expires)
        {
            return null;
        }

        var account = accounts.Find(parts[0]);
        return account is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(SecretHash(account)), Encoding.ASCII.GetBytes(parts[2]))
            ? account
            : null;
    }

    /// <summary>Strict sign-in: the account when the AccessKey pair is right (compared in constant time), else null.</summary>
    public AccountCredentials? Verify(string? accessKeyId, string? accessKeySecret)
    {
        if (string.IsNullOrEmpty(accessKeyId) || string.IsNullOrEmpty(accessKeySecret) || accounts.Find(accessKeyId) is not { } account)
        {
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(account.AccessKeySecret), Encoding.UTF8.GetBytes(accessKeySecret)) ? account : null;
    }

    /// <summary>Relaxed account switch: any configured key may be chosen (unsigned API requests may name it too).</summary>
    public AccountCredentials? Choose(string? accessKeyId) =>
        IsStrict || string.IsNullOrEmpty(accessKeyId) ? null : accounts.Find(accessKeyId);

    /// <summary>The keys the Relaxed account switch offers (AccessKeyId and account, never a secret).</summary>
    public IEnumerable<AccountCredentials> Switchable => IsStrict ? [] : accounts.All;

    public void Issue(HttpContext http, AccountCredentials account)
    {
        var expires = clock.GetUtcNow().Add(Lifetime);
        var value = _protector.Protect($"{account.AccessKeyId}\n{expires.ToUnixTimeSeconds()}\n{SecretHash(account)}");
        http.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = Prefix,
            Expires = expires,
            IsEssential = true,
        });
    }

    public static void End(HttpContext http) => http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = Prefix });

    private static string SecretHash(AccountCredentials account) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(account.AccessKeyId + "\n" + account.AccessKeySecret)));
}
