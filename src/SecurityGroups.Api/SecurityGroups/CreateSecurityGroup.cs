using Microsoft.Extensions.Options;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Quotas;
using SecurityGroups.Domain.SecurityGroups;

namespace SecurityGroups.Api.SecurityGroups;

public sealed class CreateSecurityGroupRequest : CommonParameters
{
    /// <summary>Region of the group. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The VPC (required for enterprise groups; without it a basic group is a classic-network group).</summary>
    /// <example>vpc-bp15zckdt37pq72zv0000</example>
    public string? VpcId { get; set; }

    /// <summary>2-128 characters, starting with a letter, not http:// or https://.</summary>
    /// <example>web-servers</example>
    public string? SecurityGroupName { get; set; }

    /// <summary>2-256 characters, not starting with http:// or https://.</summary>
    public string? Description { get; set; }

    /// <summary><c>normal</c> (basic, default) or <c>enterprise</c>.</summary>
    /// <example>normal</example>
    public string? SecurityGroupType { get; set; }

    public string? ResourceGroupId { get; set; }

    /// <summary>Not public at Alibaba: creates a group managed by a cloud product (read-only to the API).</summary>
    public bool? ServiceManaged { get; set; }

    /// <summary>Idempotency token (ASCII, at most 64 characters): a retry returns the first response.</summary>
    public string? ClientToken { get; set; }

    /// <summary>Tags, <c>Tag.N.Key</c> / <c>Tag.N.Value</c>, N = 1..20.</summary>
    public List<TagParameter>? Tag { get; set; }
}

public sealed class CreateSecurityGroupResponse : AcsResponse
{
    public string SecurityGroupId { get; init; } = "";
}

public sealed class CreateSecurityGroupValidator : AcsValidator<CreateSecurityGroupRequest>
{
    public CreateSecurityGroupValidator(IOptions<QuotaOptions> quotas)
    {
        RuleFor(r => r.Tag).MaxItems(_ => quotas.Value.TagsPerResource, AcsErrors.QuotaExceedTags);
        RuleFor(r => r.RegionId).Required(AcsErrors.MissingRegionId);
        RuleFor(r => r.SecurityGroupType).OneOf(SecurityGroupTypes.Normal, SecurityGroupTypes.Enterprise).Raises(AcsErrors.InvalidParamsGroupType);
        RuleFor(r => r.SecurityGroupName).SecurityGroupName();
        RuleFor(r => r.Description).SecurityGroupDescription();
        // Longer than any resource group ID (rg-…, 64 at most): names no group.
        RuleFor(r => r.ResourceGroupId).Must(v => v is null || v.Length <= 64).Raises(AcsErrors.InvalidResourceGroupNotFound);
    }
}

/// <summary>
/// A security group's name and description rules, once: CreateSecurityGroup, ModifySecurityGroupAttribute and the
/// emulator's clone all run these, so every write path refuses the same values with the same code.
/// </summary>
public static class SecurityGroupFieldRules
{
    /// <summary>2-128 characters, starting with a letter, not http(s)://, no control characters: InvalidSecurityGroupName.Malformed.</summary>
    public static IRuleBuilderOptions<T, string?> SecurityGroupName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.AcsName(2, 128).Raises(AcsErrors.InvalidSecurityGroupNameMalformed);

    /// <summary>2-256 characters, not http(s)://, no control characters: InvalidSecurityGroupDiscription.Malformed.</summary>
    public static IRuleBuilderOptions<T, string?> SecurityGroupDescription<T>(this IRuleBuilder<T, string?> rule) =>
        rule.AcsText(2, 256).Raises(AcsErrors.InvalidSecurityGroupDescriptionMalformed);
}
