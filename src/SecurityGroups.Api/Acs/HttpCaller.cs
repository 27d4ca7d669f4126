using Microsoft.Extensions.Options;
using SecurityGroups.Api.Auth;
using SecurityGroups.Domain.Common;

namespace SecurityGroups.Api.Acs;

/// <summary>The domain's view of the current request: the authenticated account, and whether it may act beyond it.</summary>
internal sealed class HttpCaller(IHttpContextAccessor accessor, IOptions<AuthOptions> auth) : ICaller
{
    public string AccountId => Http.AccountId();

    public bool MayActBeyondAccount => !auth.Value.IsStrict || Http.Acs().Admin;

    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("No current request.");
}
