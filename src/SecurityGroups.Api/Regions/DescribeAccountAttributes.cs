using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Quotas;

namespace SecurityGroups.Api.Regions;

public sealed class DescribeAccountAttributesRequest : CommonParameters
{
    /// <summary>Region. Required (else <c>Invalid.Parameter</c>, 403, as Alibaba answers).</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>
    /// Only these attributes, <c>AttributeName.N</c>, N = 1..8: <c>max-security-groups</c> (<c>Quotas:SecurityGroupsPerRegion</c>),
    /// <c>instance-network-type</c>, <c>real-name-authentication</c>, <c>supported-postpaid-instance-types</c>. Alibaba's other names
    /// (vCPU, disk, dedicated-host and Cloud Assistant quotas) are accepted and return nothing here. Absent: all.
    /// </summary>
    /// <example>max-security-groups</example>
    public List<string>? AttributeName { get; set; }

    /// <summary>Only this zone's instance types (<c>supported-postpaid-instance-types</c>); unknown: <c>InvalidZoneId.NotFound</c>.</summary>
    public string? ZoneId { get; set; }
}

public sealed class DescribeAccountAttributesValidator : AcsValidator<DescribeAccountAttributesRequest>
{
    public DescribeAccountAttributesValidator()
    {
        RuleFor(r => r.AttributeName).MaxItems(AccountAttributeService.MaxAttributeNames, AcsErrors.InvalidParameterTooManyItems);
        RuleFor(r => r.RegionId).Required(AcsErrors.InvalidParameterRegionIdNull);
    }
}

public sealed record AccountAttributeValueItem(string Value, int Count, string ZoneId, string InstanceType, string InstanceChargeType, string DiskCategory,
    string ExpiredTime);

public sealed record AccountAttributeValues(IReadOnlyList<AccountAttributeValueItem> ValueItem);

public sealed record AccountAttributeItem(string AttributeName, AccountAttributeValues AttributeValues);

public sealed record AccountAttributeItems(IReadOnlyList<AccountAttributeItem> AccountAttributeItem);

public sealed class DescribeAccountAttributesResponse : AcsResponse
{
    public required AccountAttributeItems AccountAttributeItems { get; init; }

    public static DescribeAccountAttributesResponse From(IReadOnlyList<AccountAttribute> attributes) => new()
    {
        AccountAttributeItems = new AccountAttributeItems(attributes.Select(a => new AccountAttributeItem(a.AttributeName,
            new AccountAttributeValues(a.Values.Select(v => new AccountAttributeValueItem(v.Value, v.Count, v.ZoneId, v.InstanceType, v.InstanceChargeType,
                "", "")).ToList()))).ToList()),
    };
}
