using Microsoft.Extensions.Options;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Auth;
using SecurityGroups.Domain.Compute;
using SecurityGroups.Api.Https;
using SecurityGroups.Api.Metrics;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Quotas;
using SecurityGroups.Domain.Regions;

namespace SecurityGroups.Api.Startup;

/// <summary>
/// Every configuration section of the server, bound strictly (an unknown key such as <c>Auth:Mdoe</c> is an error, not a
/// silent default) and validated at start (<c>ValidateOnStart</c>): a typo can never start a weaker server.
/// </summary>
internal static class OptionsValidation
{
    public const string LoggingFormatKey = "Logging:Format";
    private static readonly string[] LoggingFormats = ["Text", "Json"];

    public static IServiceCollection AddValidatedOptions(this IServiceCollection services, IConfiguration config)
    {
        Bind<AuthOptions>(services, config, ValidateAuth);
        Bind<AcsLimits>(services, config, l => IntegersAtLeast(l, SectionOf<AcsLimits>(), 1));
        Bind<ThrottlingOptions>(services, config, ValidateThrottling);
        Bind<QuotaOptions>(services, config, q => IntegersAtLeast(q, SectionOf<QuotaOptions>(), 0));
        Bind<StorageOptions>(services, config, ValidateStorage);
        Bind<List<RegionDefinition>>(services, config, ValidateRegions);
        Bind<ComputeOptions>(services, config, ValidateCompute);
        Bind<HttpsOptions>(services, config, h => h.Validate());
        Bind<MetricsOptions>(services, config, _ => null);
        return services;
    }

    /// <summary>Checks what is read before the container exists (the log format, the storage section the domain is
    /// registered with): the same one-line errors, thrown as <see cref="OptionsValidationException"/>.</summary>
    public static StorageOptions ReadEarly(IConfiguration config)
    {
        var format = config[LoggingFormatKey];
        if (!string.IsNullOrEmpty(format) && !LoggingFormats.Contains(format, StringComparer.OrdinalIgnoreCase))
        {
            Fail<StorageOptions>($"{LoggingFormatKey} must be 'Text' or 'Json', not '{format}'.");
        }

        return ReadNow<StorageOptions>(config, ValidateStorage);
    }

    /// <summary>The <c>Https</c> section, bound strictly and validated before the container exists (it decides the addresses
    /// Kestrel binds); the same one-line errors.</summary>
    public static HttpsOptions ReadHttps(IConfiguration config) => ReadNow<HttpsOptions>(config, h => h.Validate());

    /// <summary>The <c>Metrics</c> section, bound strictly before the container exists (it decides whether OpenTelemetry is registered).</summary>
    public static MetricsOptions ReadMetrics(IConfiguration config) => ReadNow<MetricsOptions>(config, _ => null);

    /// <summary>Binds a section strictly and validates it at once, for what must be known before the container exists.</summary>
    private static T ReadNow<T>(IConfiguration config, Func<T, string?> validate) where T : class, new()
    {
        var options = config.GetSection(SectionOf<T>()).Get<T>(o => o.ErrorOnUnknownConfiguration = true) ?? new T();
        if (validate(options) is { } error)
        {
            Fail<T>(error);
        }

        return options;
    }

    /// <summary>The binder's "ErrorOnUnknownConfiguration" failure as a line naming the section and the unknown keys; null for other messages.</summary>
    public static string? UnknownSettings(string message)
    {
        const string marker = "were not found on the instance of ";
        var at = message.IndexOf(marker, StringComparison.Ordinal);
        var colon = at < 0 ? -1 : message.IndexOf(": ", at, StringComparison.Ordinal);
        if (colon < 0)
        {
            return null;
        }

        var type = message[(at + marker.Length)..colon];
        var section = Sections.GetValueOrDefault(type, type);
        return $"unknown setting(s) in section {section}: {message[(colon + 2)..]} (check the spelling; known keys are documented in README.md).";
    }

    /// <summary>Every options type and its configuration section (by type full name, as the binder's messages name it).</summary>
    private static readonly Dictionary<string, string> Sections = new(StringComparer.Ordinal)
    {
        [typeof(AuthOptions).FullName!] = "Auth",
        [typeof(AcsLimits).FullName!] = "Limits",
        [typeof(ThrottlingOptions).FullName!] = "Throttling",
        [typeof(QuotaOptions).FullName!] = "Quotas",
        [typeof(StorageOptions).FullName!] = "Storage",
        [typeof(List<RegionDefinition>).FullName!] = "Regions",
        [typeof(ComputeOptions).FullName!] = "Compute",
        [typeof(HttpsOptions).FullName!] = HttpsOptions.Section,
        [typeof(MetricsOptions).FullName!] = "Metrics",
    };

    private static string SectionOf<T>() => Sections[typeof(T).FullName!];

    private static void Bind<T>(IServiceCollection services, IConfiguration config, Func<T, string?> validate) where T : class
    {
        services.AddOptions<T>().Bind(config.GetSection(SectionOf<T>()), o => o.ErrorOnUnknownConfiguration = true).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new Validator<T>(validate));
    }

    private static string? ValidateAuth(AuthOptions auth)
    {
        if (!string.Equals(auth.Mode, AuthOptions.Relaxed, StringComparison.OrdinalIgnoreCase) && !string.Equals(auth.Mode, AuthOptions.Strict, StringComparison.OrdinalIgnoreCase))
        {
            return $"Auth:Mode must be 'Relaxed' or 'Strict', not '{auth.Mode}'.";
        }

        if (auth.TimestampWindowMinutes is < 1 or > 24 * 60)
        {
            return $"Auth:TimestampWindowMinutes must be between 1 and 1440, not {auth.TimestampWindowMinutes}.";
        }

        for (var i = 0; i < auth.Accounts.Count; i++)
        {
            var a = auth.Accounts[i];
            if (string.IsNullOrWhiteSpace(a.AccountId) || !a.AccountId.All(char.IsAsciiDigit) || a.AccountId.Length > 32)
            {
                return $"Auth:Accounts:{i}:AccountId must be up to 32 digits, not '{a.AccountId}'.";
            }

            if (string.IsNullOrWhiteSpace(a.AccessKeyId) || string.IsNullOrEmpty(a.AccessKeySecret))
            {
                return $"Auth:Accounts:{i} needs an AccessKeyId and an AccessKeySecret.";
            }

            if (auth.Accounts.Take(i).Any(b => b.AccessKeyId == a.AccessKeyId))
            {
                return $"Auth:Accounts:{i}:AccessKeyId '{a.AccessKeyId}' is used by another account.";
            }
        }

        return null;
    }

    private static string? ValidateThrottling(ThrottlingOptions t)
    {
        if (t.RequestsPerMinute < 0)
        {
            return $"Throttling:RequestsPerMinute must be 0 or more, not {t.RequestsPerMinute}.";
        }

        return t.Actions.Where(a => a.Value < 0).Select(a => $"Throttling:Actions:{a.Key} must be 0 or more, not {a.Value}.").FirstOrDefault();
    }

    /// <summary>Every integer property of <paramref name="options"/> is at least <paramref name="min"/>.</summary>
    private static string? IntegersAtLeast(object options, string section, int min) =>
        options.GetType().GetProperties().Where(p => p.PropertyType == typeof(int))
            .Select(p => (p.Name, Value: (int)p.GetValue(options)!))
            .Where(p => p.Value < min)
            .Select(p => $"{section}:{p.Name} must be {min} or more, not {p.Value}.")
            .FirstOrDefault();

    private static string? ValidateStorage(StorageOptions s)
    {
        if (s.ProviderName is null)
        {
            return $"Storage:Provider must be 'Sqlite' or 'Postgres', not '{s.Provider}'.";
        }

        return s.Synchronous.ToUpperInvariant() is "NORMAL" or "FULL" ? null : $"Storage:Synchronous must be 'Normal' or 'Full', not '{s.Synchronous}'.";
    }

    private static string? ValidateRegions(List<RegionDefinition> regions)
    {
        for (var i = 0; i < regions.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(regions[i].RegionId))
            {
                return $"Regions:{i}:RegionId is required.";
            }

            if (regions.Take(i).Any(r => r.RegionId == regions[i].RegionId))
            {
                return $"Regions:{i}:RegionId '{regions[i].RegionId}' is listed twice.";
            }
        }

        return null;
    }

    private static string? ValidateCompute(ComputeOptions c)
    {
        for (var i = 0; i < c.Images.Count; i++)
        {
            var image = c.Images[i];
            if (string.IsNullOrWhiteSpace(image.ImageId))
            {
                return $"Compute:Images:{i}:ImageId is required.";
            }

            if (c.Images.Take(i).Any(o => o.ImageId == image.ImageId))
            {
                return $"Compute:Images:{i}:ImageId '{image.ImageId}' is listed twice.";
            }

            if (image.OSType is not ("linux" or "windows"))
            {
                return $"Compute:Images:{i}:OSType must be 'linux' or 'windows', not '{image.OSType}'.";
            }

            if (image.Size is < 1 or > 2048)
            {
                return $"Compute:Images:{i}:Size must be between 1 and 2048 (GiB), not {image.Size}.";
            }
        }

        for (var i = 0; i < c.InstanceTypes.Count; i++)
        {
            var type = c.InstanceTypes[i];
            if (string.IsNullOrWhiteSpace(type.InstanceTypeId))
            {
                return $"Compute:InstanceTypes:{i}:InstanceTypeId is required.";
            }

            if (c.InstanceTypes.Take(i).Any(o => o.InstanceTypeId == type.InstanceTypeId))
            {
                return $"Compute:InstanceTypes:{i}:InstanceTypeId '{type.InstanceTypeId}' is listed twice.";
            }

            if (type.CpuCoreCount < 1 || type.MemorySize <= 0 || type.EniQuantity < 1 || type.EniPrivateIpAddressQuantity < 1)
            {
                return $"Compute:InstanceTypes:{i} ('{type.InstanceTypeId}') needs CpuCoreCount, MemorySize, EniQuantity and EniPrivateIpAddressQuantity above 0.";
            }
        }

        if (c.DiskCategories.Any(string.IsNullOrWhiteSpace))
        {
            return "Compute:DiskCategories may not hold an empty name.";
        }

        if (c.MaxSystemDiskSize is < 20 or > 65536)
        {
            return $"Compute:MaxSystemDiskSize must be between 20 and 65536, not {c.MaxSystemDiskSize}.";
        }

        return c.SystemDiskSize < 20 || c.SystemDiskSize > c.MaxSystemDiskSize
            ? $"Compute:SystemDiskSize must be between 20 and Compute:MaxSystemDiskSize ({c.MaxSystemDiskSize}), not {c.SystemDiskSize}."
            : null;
    }

    private static void Fail<T>(string message) => throw new OptionsValidationException(typeof(T).Name, typeof(T), [message]);

    private sealed class Validator<T>(Func<T, string?> validate) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            validate(options) is { } error ? ValidateOptionsResult.Fail(error) : ValidateOptionsResult.Success;
    }
}
