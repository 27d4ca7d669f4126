using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Rules;

namespace SecurityGroups.Api.Rules;

/// <summary>
/// The fields of one rule, as a <c>Permissions.N</c> entry or as the deprecated flat parameters of a request. Ingress
/// rules read the Source* authorization object (and Dest* quintuple address); egress rules the Dest* ones.
/// </summary>
public class RuleFields : CommonParameters
{
    /// <summary><c>accept</c> (default) or <c>drop</c>.</summary>
    public string? Policy { get; set; }

    /// <summary>1-100, smaller first (default 1).</summary>
    public string? Priority { get; set; }

    /// <summary>TCP, UDP, ICMP, ICMPv6, GRE, ALL (any case) or an IANA number.</summary>
    /// <example>TCP</example>
    public string? IpProtocol { get; set; }

    /// <summary><c>start/end</c>, 1-65535 for TCP/UDP; <c>-1/-1</c> for the others.</summary>
    /// <example>22/22</example>
    public string? PortRange { get; set; }

    /// <summary>A port range list (<c>prl-…</c>) instead of PortRange (TCP/UDP only).</summary>
    public string? PortRangeListId { get; set; }

    /// <summary>Source ports of a quintuple rule.</summary>
    public string? SourcePortRange { get; set; }

    /// <summary>IPv4 CIDR or address (ingress: the source; egress: the quintuple source).</summary>
    /// <example>10.0.0.0/8</example>
    public string? SourceCidrIp { get; set; }

    public string? Ipv6SourceCidrIp { get; set; }

    /// <summary>Ingress: a security group of the same VPC as the source.</summary>
    public string? SourceGroupId { get; set; }

    public string? SourceGroupOwnerAccount { get; set; }

    public string? SourceGroupOwnerId { get; set; }

    /// <summary>Ingress: a prefix list (<c>pl-…</c>) as the source.</summary>
    public string? SourcePrefixListId { get; set; }

    /// <summary>IPv4 CIDR or address (egress: the destination; ingress: the quintuple destination).</summary>
    public string? DestCidrIp { get; set; }

    public string? Ipv6DestCidrIp { get; set; }

    /// <summary>Egress: a security group of the same VPC as the destination.</summary>
    public string? DestGroupId { get; set; }

    public string? DestGroupOwnerAccount { get; set; }

    public string? DestGroupOwnerId { get; set; }

    /// <summary>Egress: a prefix list as the destination.</summary>
    public string? DestPrefixListId { get; set; }

    /// <summary><c>intranet</c> (VPC groups always) or <c>internet</c>.</summary>
    public string? NicType { get; set; }

    /// <summary>1-512 characters.</summary>
    public string? Description { get; set; }

    /// <summary>True when any rule field is set (the deprecated flat form).</summary>
    internal bool HasAny() =>
        new[]
        {
            Policy, Priority, IpProtocol, PortRange, PortRangeListId, SourcePortRange, SourceCidrIp, Ipv6SourceCidrIp, SourceGroupId,
            SourceGroupOwnerAccount, SourceGroupOwnerId, SourcePrefixListId, DestCidrIp, Ipv6DestCidrIp, DestGroupId, DestGroupOwnerAccount,
            DestGroupOwnerId, DestPrefixListId, NicType, Description,
        }.Any(v => v is not null);

    internal PermissionInput ToInput() => new()
    {
        Policy = Policy,
        Priority = Priority,
        IpProtocol = IpProtocol,
        PortRange = PortRange,
        PortRangeListId = PortRangeListId,
        SourcePortRange = SourcePortRange,
        SourceCidrIp = SourceCidrIp,
        Ipv6SourceCidrIp = Ipv6SourceCidrIp,
        SourceGroupId = SourceGroupId,
        SourceGroupOwnerAccount = SourceGroupOwnerAccount,
        SourceGroupOwnerId = SourceGroupOwnerId,
        SourcePrefixListId = SourcePrefixListId,
        DestCidrIp = DestCidrIp,
        Ipv6DestCidrIp = Ipv6DestCidrIp,
        DestGroupId = DestGroupId,
        DestGroupOwnerAccount = DestGroupOwnerAccount,
        DestGroupOwnerId = DestGroupOwnerId,
        DestPrefixListId = DestPrefixListId,
        NicType = NicType,
        Description = Description,
    };
}

/// <summary>One <c>Permissions.N</c> entry.</summary>
public sealed class PermissionParameter : RuleFields;

/// <summary>A rule request: the group, an idempotency token, and rules as <c>Permissions.N</c> or the flat fields (never both).</summary>
public class RuleRequest : RuleFields
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The group whose rules change. Required.</summary>
    public string? SecurityGroupId { get; set; }

    /// <summary>Idempotency token: a retry returns the first response.</summary>
    public string? ClientToken { get; set; }

    /// <summary>The rules, <c>Permissions.N.*</c>, N = 1..100.</summary>
    public List<PermissionParameter>? Permissions { get; set; }

    /// <summary>The request's rules: the Permissions.N entries, or the one rule of the flat fields.</summary>
    internal IReadOnlyList<PermissionInput> Inputs() =>
        Permissions is { Count: > 0 } ? Permissions.Select(p => p.ToInput()).ToList() : HasAny() ? [ToInput()] : [];
}

/// <summary>The shared validation of rule requests, subclassed once per request type.</summary>
public abstract class RuleRequestValidator<T> : AcsValidator<T>
    where T : RuleRequest
{
    /// <param name="ruleIds">The request's <c>SecurityGroupRuleId.N</c> list (Revoke Actions), bounded with the other lists first.</param>
    protected RuleRequestValidator(System.Linq.Expressions.Expression<Func<T, List<string>?>>? ruleIds = null)
    {
        RuleFor(r => r.Permissions).MaxItems(ListBounds.Rules, AcsErrors.InvalidParamPermissionsCount);
        if (ruleIds is not null)
        {
            RuleFor(ruleIds).MaxItems(ListBounds.Rules, AcsErrors.InvalidParamSecurityGroupRuleIdCount);
        }

        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.SecurityGroupId).Required();
        RuleFor(r => r).Must(r => r.Permissions is not { Count: > 0 } || !r.HasAny()).OverridePropertyName("Permissions")
            .Raises(AcsErrors.InvalidParamPermissions);
    }
}
