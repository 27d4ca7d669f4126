using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Api.Instances;

public sealed class DescribeInstanceAttachmentAttributesRequest : CommonParameters
{
    /// <summary>Region. Required.</summary>
    /// <example>cn-hangzhou</example>
    public string? RegionId { get; set; }

    /// <summary>Up to 100 instance IDs as one JSON array string. Required.</summary>
    public string? InstanceIds { get; set; }

    /// <summary>From 1.</summary>
    public int? PageNumber { get; set; }

    /// <summary>1-100 (default 10).</summary>
    public int? PageSize { get; set; }
}

public sealed class DescribeInstanceAttachmentAttributesValidator : AcsValidator<DescribeInstanceAttachmentAttributesRequest>
{
    public DescribeInstanceAttachmentAttributesValidator()
    {
        RuleFor(r => r.RegionId).Required();
        RuleFor(r => r.InstanceIds).Required();
        RuleFor(r => r.InstanceIds).Must(ids => JsonIdList.TryParse(ids, 100, out _)).Raises(AcsErrors.InvalidInstanceIdsMalformed);
    }
}

/// <summary>The private pool each instance matches (RunInstances / ModifyInstanceAttachmentAttributes; default <c>Open</c>, no ID).</summary>
public sealed class DescribeInstanceAttachmentAttributesResponse : AcsResponse
{
    public required int TotalCount { get; init; }

    public required int PageNumber { get; init; }

    public required int PageSize { get; init; }

    public required InstanceAttachmentList Instances { get; init; }
}

public sealed record InstanceAttachment(string InstanceId, string PrivatePoolOptionsMatchCriteria, string PrivatePoolOptionsId);

public sealed record InstanceAttachmentList(IReadOnlyList<InstanceAttachment> Instance);
