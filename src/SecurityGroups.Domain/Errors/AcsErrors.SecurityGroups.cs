namespace SecurityGroups.Domain.Errors;

public static partial class AcsErrors
{
    // Security group lifecycle (alibaba-wire.md 6.2).
    public static readonly AcsErrorCode InvalidSecurityGroupIdNotFound = new("InvalidSecurityGroupId.NotFound", 404, "The specified SecurityGroupId does not exist.");
    public static readonly AcsErrorCode InvalidSecurityGroupNotFound = new("InvalidSecurityGroup.NotFound", 404, "The specified security group is not found.");
    public static readonly AcsErrorCode InvalidSecurityGroupIdMalformed = new("InvalidSecurityGroupId.Malformed", 400, "The specified parameter \"{0}\" is not valid.");
    public static readonly AcsErrorCode DependencyViolationInstances = new("DependencyViolation", 403, "There is still instance(s) in the specified security group.");
    public static readonly AcsErrorCode DependencyViolationReferenced = new("DependencyViolation", 403, "The specified security group has been authorized in another one.");
    public static readonly AcsErrorCode InvalidOperationDeletionProtection = new("InvalidOperation.DeletionProtection", 400,
        "The operation is not allowed due to \"SecurityGroup\" is protected by ACK deletion protection.");
    public static readonly AcsErrorCode ResourceManagedByCloudProduct = new("InvalidOperation.ResourceManagedByCloudProduct", 403,
        "The security group {0} is managed by a cloud product and cannot be changed.");
    public static readonly AcsErrorCode QuotaExceedSecurityGroup = new("QuotaExceed.SecurityGroup", 403, "The maximum number of security groups is reached.");
    public static readonly AcsErrorCode InvalidVpcIdEmpty = new("InvalidVpcId.NotFound", 403, "The VpcId must not empty when only support vpc vm.");
    public static readonly AcsErrorCode InvalidSecurityGroupNameMalformed = new("InvalidSecurityGroupName.Malformed", 400, "The specified parameter SecurityGroupName is not valid.");
    public static readonly AcsErrorCode InvalidSecurityGroupDescriptionMalformed = new("InvalidSecurityGroupDiscription.Malformed", 400, "Specified security group description is not valid.");
    public static readonly AcsErrorCode InvalidParamsGroupType = new("InvalidParams.GroupType", 400, "The specified SecurityGroupType is not valid.");
    public static readonly AcsErrorCode InvalidParamsVpcIdGroupType = new("InvalidParams.VpcIdGroupType", 400, "Only VPC instance supports enterprise level security group.");
    public static readonly AcsErrorCode InvalidParameterSecurityGroupType = new("InvalidParameter.SecurityGroupType", 400, "The specified SecurityGroupType is not valid.");
    public static readonly AcsErrorCode InvalidNetworkTypeMalformed = new("InvalidNetworkType.Malformed", 400, "The specified NetworkType is not valid, it should be vpc or classic.");
    public static readonly AcsErrorCode NotSupportedPageNumberAndPageSize = new("NotSupported.PageNumberAndPageSize", 400,
        "PageNumber and PageSize cannot be used together with MaxResults and NextToken.");
    public static readonly AcsErrorCode InvalidParameterNextToken = new("InValidParameter.NextToken", 400, "The specified parameter NextToken is not valid.");
    public static readonly AcsErrorCode InvalidParameterMaxResults = new("InvalidParameter.MaxResults", 400, "The specified parameter MaxResults is not valid.");
    public static readonly AcsErrorCode InvalidParameterAttributeNotSupported = new("InvalidParameter.AttributeNotSupported", 400, "The specified Attribute is not supported.");
    public static readonly AcsErrorCode InvalidDirectionMalformed = new("InvalidDirection.Malformed", 400, "The specified parameter Direction is not valid.");
    public static readonly AcsErrorCode InvalidNicTypeValueNotSupported = new("InvalidNicType.ValueNotSupported", 400, "The specified NicType does not exist.");
    public static readonly AcsErrorCode InvalidInnerAccessPolicyMalformed = new("InvalidPolicy.Malformed", 400, "Only 'Accept' and 'Drop' are supported. Ignore case.");
    public static readonly AcsErrorCode InvalidParameterInnerAccessPolicy = new("InvalidParameter.InnerAccessPolicy", 404,
        "The InnerAccessPolicy attribute of enterprise level security group can't be modified.");
    public static readonly AcsErrorCode MissingParamterRegionId = new("MissingParamter.RegionId", 400, "The RegionId should not be null.");
    public static readonly AcsErrorCode MissingSecurityGroupId = new("MissingParameter.SecurityGroupId", 400,
        "The input parameter SecurityGroupId that is mandatory for processing this request is not supplied.");
    public static readonly AcsErrorCode QuotaExceedTags = new("QuotaExceed.Tags", 403, "The maximum number of tags is reached.");
}
