using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;

namespace SecurityGroups.Api.Instances;

public sealed class DescribeUserDataRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>The instance. Required.</summary>
    public string? InstanceId { get; set; }
}

public sealed class DescribeUserDataValidator : AcsValidator<DescribeUserDataRequest>
{
    public DescribeUserDataValidator()
    {
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.InstanceId).Required();
    }
}

/// <summary>The instance's user data, Base64 as it was given (empty when none).</summary>
public sealed class DescribeUserDataResponse : AcsResponse
{
    public required string RegionId { get; init; }

    public required string InstanceId { get; init; }

    public required string UserData { get; init; }
}
