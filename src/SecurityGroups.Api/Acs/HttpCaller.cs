using SecurityGroups.Domain.Common;

namespace SecurityGroups.Api.Acs;

/// <summary>The domain's view of the current request: the authenticated account.</summary>
internal sealed class HttpCaller(IHttpContextAccessor accessor) : ICaller
{
    public string AccountId => (accessor.HttpContext ?? throw new InvalidOperationException("No current request.")).AccountId();
}
