using SecurityGroups.Api.Emulator;
using SecurityGroups.Domain.Traffic;

namespace SecurityGroups.Api.WebConsole;

/// <summary>
/// The API call that fixes a finding: revoke the rule (in its direction), or delete the empty group. A list that eats the
/// ENI rule quota is fixed by revoking the rule that uses it too: a list's MaxEntries cannot be lowered (ModifyPrefixList
/// has no MaxEntries, a port list's is immutable), so the one-call fix is to stop counting it; the other way, a smaller
/// list re-pointed by ModifySecurityGroupRule, takes several calls and is shown as a note (<see cref="Note"/>).
/// </summary>
internal sealed record ConsoleFix(string Action, IReadOnlyList<(string Key, string Value)> Parameters)
{
    public const string Version = "2014-05-26";

    public static ConsoleFix? For(string region, FindingView finding, string? ruleDirection) => finding.Code switch
    {
        FindingCodes.EmptyGroup => new("DeleteSecurityGroup", [("RegionId", region), ("SecurityGroupId", finding.SecurityGroupId)]),
        _ when finding.SecurityGroupRuleId is { } rule && ruleDirection is not null =>
            new(ruleDirection == "egress" ? "RevokeSecurityGroupEgress" : "RevokeSecurityGroup",
                [("RegionId", region), ("SecurityGroupId", finding.SecurityGroupId), ("SecurityGroupRuleId.1", rule)]),
        _ => null,
    };

    /// <summary>What else fixes a finding, where the shown call is not the only choice.</summary>
    public static string? Note(FindingView finding) => finding.Code == FindingCodes.ListEatsEniRuleQuota
        ? "Or keep the access: create a list with a smaller MaxEntries (CreatePrefixList / CreatePortRangeList), point the rule at it (ModifySecurityGroupRule), then delete the big list."
        : null;

    /// <summary>The call as a URL on this server (unsigned: Relaxed mode; sign it in Strict mode).</summary>
    public string Url => "/?" + string.Join("&", new[] { ("Action", Action), ("Version", Version) }.Concat(Parameters)
        .Select(p => Uri.EscapeDataString(p.Item1) + "=" + Uri.EscapeDataString(p.Item2)));
}
