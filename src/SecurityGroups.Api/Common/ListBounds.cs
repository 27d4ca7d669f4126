using SecurityGroups.Domain.Instances;
using SecurityGroups.Domain.Lists;
using SecurityGroups.Domain.Rules;
using SecurityGroups.Domain.Tags;

namespace SecurityGroups.Api.Common;

/// <summary>
/// The most items one request may carry in each kind of flattened list (Alibaba's documented ranges of N). Each Action's
/// validator checks its lists against these first, with the list's own count code (docs/decisions/ADR-004). Lists bound
/// by a quota (a resource's tags, an ENI's groups) read <see cref="Domain.Quotas.QuotaOptions"/> instead.
/// </summary>
internal static class ListBounds
{
    /// <summary><c>DataDisk.N</c> and <c>Arn.N</c> of RunInstances / CreateInstance (accepted, no effect).</summary>
    public const int DataDisks = 16;

    /// <summary><c>NetworkInterface.N</c> of RunInstances (the primary and up to 7 secondary ENIs).</summary>
    public const int LaunchNetworkInterfaces = 8;

    /// <summary><c>Permissions.N</c> and <c>SecurityGroupRuleId.N</c> of rule Actions.</summary>
    public const int Rules = RuleService.MaxPermissionsPerRequest;

    /// <summary><c>SecurityGroupId.N</c> of DescribeSecurityGroupReferences.</summary>
    public const int ReferencedGroups = 10;

    /// <summary><c>ResourceId.N</c> of the tag Actions.</summary>
    public const int ResourceIds = TagService.MaxResourceIds;

    /// <summary><c>Tag.N</c> of the tag Actions and of Describe* filters, <c>TagKey.N</c> of UntagResources.</summary>
    public const int Tags = TagService.MaxTagsPerRequest;

    /// <summary><c>TagFilter.N</c> of ListTagResources, and <c>TagFilter.N.TagValues.M</c> of each.</summary>
    public const int TagFilters = 5;

    /// <summary>ID lists of Describe* and DeleteInstances: <c>PrefixListId.N</c>, <c>PortRangeListId.N</c>, <c>InstanceId.N</c>, <c>NetworkInterfaceId.N</c>.</summary>
    public const int Ids = 100;

    /// <summary><c>AdditionalAttributes.N</c> of DescribeInstances.</summary>
    public const int AdditionalAttributes = 20;

    /// <summary><c>InstanceTypes.N</c> of DescribeInstanceTypes (Alibaba: up to 10).</summary>
    public const int InstanceTypes = 10;

    /// <summary>The other list filters of DescribeInstanceTypes (<c>CpuArchitectures.N</c>, <c>GpuSpecs.N</c>, <c>InstanceCategories.N</c>,
    /// <c>InstanceTypeFamilies.N</c>, <c>LocalStorageCategories.N</c>, <c>PhysicalProcessorModels.N</c>; Alibaba: up to 10 each).</summary>
    public const int InstanceTypeFilters = 10;

    /// <summary><c>Ipv4Prefix.N</c> of Assign/UnassignPrivateIpAddresses (Alibaba: up to 10).</summary>
    public const int Ipv4Prefixes = 10;

    /// <summary><c>Filter.N</c> of DescribeDisks and DescribeImages (their documented keys are two creation-time bounds; 10 chosen).</summary>
    public const int Filters = 10;

    /// <summary><c>InstanceId.N</c> of DescribeInstanceMaintenanceAttributes.</summary>
    public const int MaintenanceInstanceIds = 100;

    /// <summary><c>PrivateIpAddress.N</c> of an ENI.</summary>
    public const int PrivateIps = NetworkInterfaceService.MaxPrivateIps;

    /// <summary><c>Entry.N</c>, <c>AddEntry.N</c>, <c>RemoveEntry.N</c> of a prefix list.</summary>
    public const int PrefixListEntries = PrefixListService.MaxEntriesLimit;

    /// <summary><c>AddEntry.N</c>, <c>RemoveEntry.N</c> of one ModifyPortRangeList call.</summary>
    public const int PortRangeEntriesPerCall = PortRangeListService.MaxEntriesPerCall;

    /// <summary><c>Entry.N</c> of CreatePortRangeList: at most its MaxEntries (when valid), never past the largest MaxEntries.</summary>
    public static int PortRangeEntries(int? maxEntries) =>
        maxEntries is >= 1 and <= PortRangeListService.MaxEntriesLimit ? maxEntries.Value : PortRangeListService.MaxEntriesLimit;
}
