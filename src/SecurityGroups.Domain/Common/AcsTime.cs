using System.Globalization;

namespace SecurityGroups.Domain.Common;

/// <summary>Alibaba's time formats: <c>2021-08-31T03:12:29Z</c> (seconds) and <c>2021-02-20T07:11Z</c> (minutes).</summary>
public static class AcsTime
{
    public static string Seconds(DateTime utc) =>
        utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Minutes(DateTime utc) =>
        utc.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    /// <summary>Truncates to whole seconds so a stored time round-trips exactly through SQLite.</summary>
    public static DateTime Now(TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }
}
