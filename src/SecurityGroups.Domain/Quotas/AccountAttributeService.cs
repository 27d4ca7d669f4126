using Microsoft.Extensions.Options;
using SecurityGroups.Domain.Compute;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Regions;

namespace SecurityGroups.Domain.Quotas;

/// <summary>One value of an account attribute (DescribeAccountAttributes <c>ValueItem</c>).</summary>
public sealed record AccountAttributeValue(string Value, int Count = 0, string ZoneId = "", string InstanceType = "", string InstanceChargeType = "");

/// <summary>An account attribute and its values.</summary>
public sealed record AccountAttribute(string AttributeName, IReadOnlyList<AccountAttributeValue> Values);

/// <summary>
/// DescribeAccountAttributes: the account's limits in a region, from the configured <c>Quotas</c> (security groups) and
/// the <c>Compute</c> catalogue (instance types). Only the attributes the emulator has a value for are served; the
/// others of Alibaba's list (vCPU and disk quotas, dedicated hosts, Cloud Assistant) are ignored when asked for.
/// </summary>
public sealed class AccountAttributeService(RegionCatalog regions, ComputeCatalog compute, IOptions<QuotaOptions> quotas)
{
    public const int MaxAttributeNames = 8;

    /// <summary>The served attribute names, in the order they are listed.</summary>
    public static readonly IReadOnlyList<string> Names =
        ["max-security-groups", "instance-network-type", "real-name-authentication", "supported-postpaid-instance-types"];

    public IReadOnlyList<AccountAttribute> Describe(string regionId, IReadOnlyList<string> attributeNames, string? zoneId)
    {
        var region = regions.Require(regionId);
        if (!string.IsNullOrEmpty(zoneId) && !region.Zones.Contains(zoneId, StringComparer.Ordinal))
        {
            throw new AcsException(AcsErrors.InvalidZoneIdNotFound);
        }

        var zones = string.IsNullOrEmpty(zoneId) ? region.Zones : [zoneId];
        return Names.Where(n => attributeNames.Count == 0 || attributeNames.Contains(n, StringComparer.Ordinal)).Select(name => new AccountAttribute(name, name switch
        {
            "max-security-groups" => [new AccountAttributeValue(quotas.Value.SecurityGroupsPerRegion.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            "instance-network-type" => [new AccountAttributeValue("vpc")],
            "real-name-authentication" => [new AccountAttributeValue("yes")],
            _ => zones.SelectMany(zone => compute.InstanceTypes.Where(t => ComputeCatalog.Offers(t, zone))
                .Select(t => new AccountAttributeValue(t.InstanceTypeId, 0, zone, t.InstanceTypeId, "PostPaid"))).ToList(),
        })).ToList();
    }
}
