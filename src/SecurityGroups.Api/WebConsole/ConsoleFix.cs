using SecurityGroups.Api.Emulator;
using SecurityGroups.Domain.Traffic;

namespace SecurityGroups.Api.WebConsole;

/// <summary>The API call that fixes a finding: revoke the rule (in its direction), or delete the empty group; none for a
/// list that eats the ENI rule quota (the fix is a choice: a smaller list, or fewer rules).</summary>
internal sealed record ConsoleFix(string Action, IReadOnlyList<(string Key, string Value)> Parameters)
{
    public const string Version = "2014-05-26";

    public static ConsoleFix? For(string region, FindingView finding, string? ruleDirection) => finding.Code switch
    {
        FindingCodes.EmptyGroup => new("DeleteSecurityGroup", [("RegionId", region), ("SecurityGroupId", finding.SecurityGroupId)]),
        FindingCodes.ListEatsEniRuleQuota => null,
        _ when finding.SecurityGroupRuleId is { } rule && ruleDirection is not null =>
            new(ruleDirection == "egress" ? "RevokeSecurityGroupEgress" : "RevokeSecurityGroup",
                [("RegionId", region), ("SecurityGroupId", finding.SecurityGroupId), ("SecurityGroupRuleId.1", rule)]),
        _ => null,
    };

    /// <summary>The call as a URL on this server (unsigned: Relaxed mode; sign it in Strict mode).</summary>
    public string Url => "/?" + string.Join("&", new[] { ("Action", Action), ("Version", Version) }.Concat(Parameters)
        .Select(p => Uri.EscapeDataString(p.Item1) + "=" + Uri.EscapeDataString(p.Item2)));
}
