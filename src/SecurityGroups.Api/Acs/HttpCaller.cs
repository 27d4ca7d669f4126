using System.Security.Cryptography;
using System.Text;
using SecurityGroups.Domain.Common;

namespace SecurityGroups.Api.Acs;

/// <summary>The domain's view of the current request: the authenticated account, the Action, and a fingerprint of its
/// business parameters (everything but signature, format and token parameters) for ClientToken retries.</summary>
internal sealed class HttpCaller(IHttpContextAccessor accessor) : ICaller
{
    private static readonly HashSet<string> NotBusiness = new(StringComparer.Ordinal)
    {
        "Action", "Version", "Format", "AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion", "SignatureNonce",
        "SignatureType", "Timestamp", "SecurityToken", "ClientToken", "OwnerId", "OwnerAccount", "ResourceOwnerId", "ResourceOwnerAccount",
    };

    private string? _fingerprint;

    private AcsRequestContext Acs => (accessor.HttpContext ?? throw new InvalidOperationException("No current request.")).Acs();

    public string AccountId => Acs.AccountId ?? throw new InvalidOperationException("The request was not authenticated.");

    public string Action => Acs.Action ?? accessor.HttpContext!.Request.Path.Value ?? "";

    public string RequestFingerprint => _fingerprint ??= Fingerprint(Acs.Parameters);

    private static string Fingerprint(AcsParameters parameters)
    {
        var canonical = new StringBuilder();
        foreach (var (key, value) in parameters.Values.Where(p => !NotBusiness.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            canonical.Append(key).Append('=').Append(value).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }
}
