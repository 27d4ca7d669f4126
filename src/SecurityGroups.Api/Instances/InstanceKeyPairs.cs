using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Instances;

namespace SecurityGroups.Api.Instances;

/// <summary>AttachKeyPair / DetachKeyPair. Key pairs are not modelled: any name of at most 128 characters is taken as existing.</summary>
public sealed class InstanceKeyPairRequest : CommonParameters
{
    /// <summary>Region of the instances. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The SSH key pair. Required.</summary>
    public string? KeyPairName { get; set; }

    /// <summary>1 to 50 instances as one JSON array string, e.g. <c>["i-a"]</c>. Required.</summary>
    public string? InstanceIds { get; set; }

    internal IReadOnlyList<string> Ids()
    {
        JsonIdList.TryParse(InstanceIds, InstanceKeyPairValidation.MaxIds, out var ids);
        return ids;
    }
}

public static class InstanceKeyPairValidation
{
    public const int MaxIds = 50;

    /// <summary>Absent, or a name the instance can hold (128 characters).</summary>
    public static bool Fits(string? keyPairName) => keyPairName is null || keyPairName.Length <= 128;
}

public sealed class InstanceKeyPairValidator : AcsValidator<InstanceKeyPairRequest>
{
    public InstanceKeyPairValidator()
    {
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.KeyPairName).Required();
        RuleFor(r => r.InstanceIds).Required();
        RuleFor(r => r.InstanceIds).Must(ids => JsonIdList.TryParse(ids, InstanceKeyPairValidation.MaxIds, out var list) && list.Count > 0)
            .Raises(AcsErrors.InvalidInstanceIdsValueNotSupported);
        RuleFor(r => r.KeyPairName).Must(InstanceKeyPairValidation.Fits).Raises(AcsErrors.InvalidKeyPairNameNotFound);
    }
}

/// <summary>Alibaba's model spells the counts and <c>Success</c> as strings here (unlike the RAM role Actions).</summary>
public sealed class InstanceKeyPairResponse : AcsResponse
{
    public required string KeyPairName { get; init; }

    public required string TotalCount { get; init; }

    public required string FailCount { get; init; }

    public required KeyPairResultList Results { get; init; }

    public static InstanceKeyPairResponse From(string keyPairName, IReadOnlyList<InstanceBatchResult> results) => new()
    {
        KeyPairName = keyPairName,
        TotalCount = results.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        FailCount = results.Count(r => r.Error is not null).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Results = new KeyPairResultList(results.Select(r => r.Error is null
            ? new KeyPairResult(r.InstanceId, "200", "successful", "true")
            : new KeyPairResult(r.InstanceId, r.Error.Code, r.Error.Message, "false")).ToList()),
    };
}

public sealed record KeyPairResult(string InstanceId, string Code, string Message, string Success);

public sealed record KeyPairResultList(IReadOnlyList<KeyPairResult> Result);
