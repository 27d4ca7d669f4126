using System.Globalization;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Domain.Instances;

/// <summary>
/// The values an instance's settings may take and how they are checked, the same for RunInstances / CreateInstance and for
/// the Modify* Actions that change them (docs/actions.md, "Instance settings"). Nothing here acts on an instance: the
/// emulator stores and shows these settings only.
/// </summary>
public static class InstanceSettings
{
    public const int MinHopLimit = 1;
    public const int MaxHopLimit = 64;
    public static readonly TimeSpan MinReleaseLead = TimeSpan.FromMinutes(30);
    public const int MaxReleaseYears = 3;
    public static readonly string[] HttpEndpoints = ["enabled", "disabled"];
    public static readonly string[] HttpTokenModes = ["optional", "required"];
    public static readonly string[] MetadataTagModes = ["enabled", "disabled"];
    public static readonly string[] MaintenanceActions = ["Stop", "AutoRecover", "AutoRedeploy"];
    public static readonly string[] MatchCriteria = ["Open", "Target", "None"];
    public static readonly string[] CreditModes = ["Standard", "Unlimited"];

    /// <summary>Metadata options; null leaves a value as it is.</summary>
    public static void CheckMetadata(string? httpEndpoint, string? httpTokens, int? hopLimit, string? metadataTags)
    {
        if (httpEndpoint is not null && !HttpEndpoints.Contains(httpEndpoint, StringComparer.Ordinal))
        {
            throw new AcsException(AcsErrors.InvalidHttpEndpointNotSupported);
        }

        if (httpTokens is not null && !HttpTokenModes.Contains(httpTokens, StringComparer.Ordinal))
        {
            throw new AcsException(AcsErrors.InvalidHttpTokensNotSupported);
        }

        if (hopLimit is < MinHopLimit or > MaxHopLimit)
        {
            throw new AcsException(AcsErrors.InvalidHttpPutResponseHopLimitNotSupported);
        }

        if (metadataTags is not null && !MetadataTagModes.Contains(metadataTags, StringComparer.Ordinal))
        {
            throw new AcsException(AcsErrors.InvalidParameter, "InstanceMetadataTags");
        }
    }

    /// <summary>
    /// <c>yyyy-MM-ddTHH:mm:ssZ</c> (or <c>yyyy-MM-ddTHH:mmZ</c>, as DescribeInstances shows it), UTC, at least 30 minutes and at
    /// most 3 years ahead, else <c>InvalidAutoReleaseTime.Malformed</c>; seconds are dropped (Alibaba releases on the minute).
    /// Null or empty: none.
    /// </summary>
    public static DateTime? ReleaseTime(string? value, DateTime now)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!DateTime.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm'Z'"], CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            throw new AcsException(AcsErrors.InvalidAutoReleaseTimeMalformed);
        }

        var minute = new DateTime(parsed.Ticks - (parsed.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
        return minute < now + MinReleaseLead || minute > now.AddYears(MaxReleaseYears)
            ? throw new AcsException(AcsErrors.InvalidAutoReleaseTimeMalformed)
            : minute;
    }

    /// <summary>A maintenance window: both ends on the hour, <c>HH:00:00</c> (UTC+8, as Alibaba takes them), and different (the end
    /// 1 to 23 hours after the start, across midnight too); else <c>InvalidParameter</c>.</summary>
    public static void CheckWindow(string? start, string? end)
    {
        var from = HourOf(start, "MaintenanceWindow.1.StartTime");
        var to = HourOf(end, "MaintenanceWindow.1.EndTime");
        if (from == to)
        {
            throw new AcsException(AcsErrors.InvalidParameter, "MaintenanceWindow.1.EndTime");
        }
    }

    private static int HourOf(string? time, string parameter) =>
        time is { Length: 8 } && time[2] == ':' && time.EndsWith(":00:00", StringComparison.Ordinal)
            && int.TryParse(time.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour < 24
            ? hour
            : throw new AcsException(AcsErrors.InvalidParameter, parameter);

    /// <summary><c>Open</c>, <c>Target</c> (with a pool ID) or <c>None</c>; the ID is kept only for <c>Target</c>. Returns the ID stored.</summary>
    public static string PrivatePool(string matchCriteria, string? poolId)
    {
        if (!MatchCriteria.Contains(matchCriteria, StringComparer.Ordinal))
        {
            throw new AcsException(AcsErrors.InvalidParameter, "PrivatePoolOptions.MatchCriteria");
        }

        if (matchCriteria == "Target" && string.IsNullOrEmpty(poolId))
        {
            throw new AcsException(AcsErrors.MissingParameter, "PrivatePoolOptions.Id");
        }

        return matchCriteria == "Target" ? poolId! : "";
    }

    /// <summary><c>Standard</c> or <c>Unlimited</c>; null or empty: unchanged.</summary>
    public static void CheckCredit(string? creditSpecification)
    {
        if (!string.IsNullOrEmpty(creditSpecification) && !CreditModes.Contains(creditSpecification, StringComparer.Ordinal))
        {
            throw new AcsException(AcsErrors.InvalidParameter, "CreditSpecification");
        }
    }
}

/// <summary>The settings RunInstances / CreateInstance take (null or empty: Alibaba's default, see <see cref="Instance"/>).</summary>
public sealed record LaunchSettings(string? HttpEndpoint = null, string? HttpTokens = null, int? HttpPutResponseHopLimit = null,
    string? AutoReleaseTime = null, string? DeploymentSetId = null, string? PrivatePoolMatchCriteria = null, string? PrivatePoolId = null,
    string? CreditSpecification = null)
{
    /// <summary>Checks every value before anything is written; returns the release time to store.</summary>
    public DateTime? Check(DateTime now)
    {
        InstanceSettings.CheckMetadata(HttpEndpoint, HttpTokens, HttpPutResponseHopLimit, null);
        InstanceSettings.CheckCredit(CreditSpecification);
        if (!string.IsNullOrEmpty(PrivatePoolMatchCriteria))
        {
            InstanceSettings.PrivatePool(PrivatePoolMatchCriteria, PrivatePoolId);
        }

        return InstanceSettings.ReleaseTime(AutoReleaseTime, now);
    }

    public void ApplyTo(Instance instance, DateTime? releaseTime)
    {
        instance.HttpEndpoint = HttpEndpoint ?? instance.HttpEndpoint;
        instance.HttpTokens = HttpTokens ?? instance.HttpTokens;
        instance.HttpPutResponseHopLimit = HttpPutResponseHopLimit ?? instance.HttpPutResponseHopLimit;
        // only a pay-as-you-go instance is released automatically: a subscription keeps none (Terraform suppresses the diff)
        instance.AutoReleaseTime = instance.InstanceChargeType == "PrePaid" ? null : releaseTime;
        instance.DeploymentSetId = DeploymentSetId ?? "";
        if (!string.IsNullOrEmpty(PrivatePoolMatchCriteria))
        {
            instance.PrivatePoolMatchCriteria = PrivatePoolMatchCriteria;
            instance.PrivatePoolId = InstanceSettings.PrivatePool(PrivatePoolMatchCriteria, PrivatePoolId);
        }

        instance.CreditSpecification = CreditSpecification ?? "";
    }
}
