namespace SecurityGroups.Domain.Errors;

public static partial class AcsErrors
{
    // Rules: Authorize*, Revoke*, Modify*Rule (alibaba-wire.md 6.3, alibaba-semantics.md 1).
    public static readonly AcsErrorCode AuthorizationLimitExceed = new("AuthorizationLimitExceed", 403, "The limit of authorization records in the security group reaches.");
    public static readonly AcsErrorCode AuthorizationLimitExceedModify = new("AuthorizationLimitExceed", 400, "The limit of authorization records in the security group reaches.");
    public static readonly AcsErrorCode AuthorizedGroupRuleLimitExceed = new("AuthorizedGroupRule.LimitExceed", 400,
        "The number of rules exceeds the limit. When authorization object of rule is security group, the limit is {0}.");
    public static readonly AcsErrorCode InvalidParamPortRange = new("InvalidParam.PortRange", 400,
        "The specified parameter {0} is not valid. It should be two integers less than 65535 in ?/? format.");
    public static readonly AcsErrorCode InvalidPortRangeMalformed = new("InvalidPortRange.Malformed", 400, "The specified parameter PortRange must set.");
    public static readonly AcsErrorCode InvalidSourcePortRangeMalformed = new("InvalidSourcePortRange.Malformed", 400, "The specified parameter SourcePortRange is not valid.");
    public static readonly AcsErrorCode OperationDeniedProtocolPort = new("OperationDenied", 400, "The specified IpProtocol does not exist or IpProtocol and PortRange do not match.");
    public static readonly AcsErrorCode InvalidParamProtocolAndPortRangeMismatch = new("InvalidParam.ProtocolAndPortRangeMismatch", 400, "The specified IpProtocol and PortRange do not match.");
    public static readonly AcsErrorCode InvalidIpProtocolValueNotSupported = new("InvalidIpProtocol.ValueNotSupported", 400,
        "The parameter IpProtocol must be specified with case insensitive TCP, UDP, ICMP, GRE or All.");
    public static readonly AcsErrorCode InvalidPriorityMalformed = new("InvalidPriority.Malformed", 400, "The parameter Priority is invalid.");
    public static readonly AcsErrorCode InvalidRulePolicyMalformed = new("InvalidPolicy.Malformed", 400, "The specified parameter \"Policy\" is not valid.");
    public static readonly AcsErrorCode InvalidSourceCidrIpMalformed = new("InvalidSourceCidrIp.Malformed", 400, "The specified parameter \"SourceCidrIp\" is not valid.");
    public static readonly AcsErrorCode InvalidDestCidrIpMalformed = new("InvalidDestCidrIp.Malformed", 400, "The specified parameter \"DestCidrIp\" is not valid.");
    public static readonly AcsErrorCode InvalidParamIpv6SourceCidrIp = new("InvalidParam.Ipv6SourceCidrIp", 400, "The specified parameter Ipv6SourceCidrIp is not valid.");
    public static readonly AcsErrorCode InvalidParamIpv6DestCidrIp = new("InvalidParam.Ipv6DestCidrIp", 400, "The specified parameter Ipv6DestCidrIp is not valid.");
    public static readonly AcsErrorCode InvalidParamSourceIp = new("InvalidParam.SourceIp", 400, "SourceCidrIp and Ipv6SourceCidrIp cannot be specified at the same time.");
    public static readonly AcsErrorCode InvalidParamDestIp = new("InvalidParam.DestIp", 400, "DestCidrIp and Ipv6DestCidrIp cannot be specified at the same time.");
    public static readonly AcsErrorCode InvalidParameterConflictFamily = new("InvalidParameter.Conflict", 400, "IPv4 and IPv6 addresses cannot be mixed in one rule.");
    public static readonly AcsErrorCode Ipv4ProtocolConflictWithIpv6Address = new("InvalidParam.Ipv4ProtocolConflictWithIpv6Address", 400, "The IPv4 protocol conflicts with the IPv6 address.");
    public static readonly AcsErrorCode Ipv6ProtocolConflictWithIpv4Address = new("InvalidParam.Ipv6ProtocolConflictWithIpv4Address", 400, "The IPv6 protocol conflicts with the IPv4 address.");
    public static readonly AcsErrorCode MissingParameterSource = new("MissingParameter.Source", 400,
        "One of the parameters SourceCidrIp, Ipv6SourceCidrIp, SourceGroupId or SourcePrefixListId must be specified.");
    public static readonly AcsErrorCode MissingParameterDest = new("MissingParameter.Dest", 400,
        "One of the parameters DestCidrIp, Ipv6DestCidrIp, DestGroupId or DestPrefixListId must be specified.");
    public static readonly AcsErrorCode InvalidSourceGroupIdNotFound = new("InvalidSourceGroupId.NotFound", 404, "The specified SourceGroupId does not exist.");
    public static readonly AcsErrorCode InvalidDestGroupIdNotFound = new("InvalidDestGroupId.NotFound", 404, "The specified DestGroupId does not exist.");
    public static readonly AcsErrorCode InvalidSourceGroupIdMismatch = new("InvalidSourceGroupId.Mismatch", 400, "The specified SourceGroupId is not in the same VPC.");
    public static readonly AcsErrorCode InvalidDestGroupIdMismatch = new("InvalidDestGroupId.Mismatch", 400, "The specified DestGroupId is not in the same VPC.");
    public static readonly AcsErrorCode InvalidSourceGroupIdNicType = new("InvalidSourceGroupId.Mismatch", 403, "NicType is required or NicType expects intranet.");
    public static readonly AcsErrorCode InvalidDestGroupIdNicType = new("InvalidDestGroupId.Mismatch", 403, "NicType is required or NicType expects intranet.");
    public static readonly AcsErrorCode InvalidParamterConflictCidr = new("InvalidParamter.Conflict", 400, "The specified SourceCidrIp should be different from the DestCidrIp.");
    public static readonly AcsErrorCode InvalidParamterConflictGroup = new("InvalidParamter.Conflict", 400, "The specified SecurityGroupId should be different from the SourceGroupId.");
    public static readonly AcsErrorCode InvalidSecurityGroupIsSame = new("InvalidSecurityGroup.IsSame", 403, "The authorized security group and the target security group are the same.");
    public static readonly AcsErrorCode InvalidGroupAuthParameterOperationDenied = new("InvalidGroupAuthParameter.OperationDenied", 400,
        "The security group can not authorize to enterprise level security group.");
    public static readonly AcsErrorCode InvalidGroupParameterOperationDenied = new("InvalidGroupParameter.OperationDenied", 400,
        "The attributes SourceGroupId, DestGroupId of enterprise level security groups are not allowed to be set.");
    public static readonly AcsErrorCode InvalidParamPermissions = new("InvalidParam.Permissions", 400,
        "The parameter Permissions cannot coexist with other rule parameters.");
    public static readonly AcsErrorCode InvalidParamPermissionsCount = new("InvalidParam.Permissions", 400,
        "The parameter Permissions must have between 1 and 100 entries.");
    public static readonly AcsErrorCode InvalidParamDuplicatePermissions = new("InvalidParam.DuplicatePermissions", 400,
        "There are duplicate permissions in the specified parameter Permissions.");
    public static readonly AcsErrorCode InvalidRuleDescriptionMalformed = new("InvalidSecurityGroupDiscription.Malformed", 400,
        "The specified security group rule description is not valid.");
    public static readonly AcsErrorCode InvalidPrefixListIdNotFound = new("InvalidPrefixListId.NotFound", 404, "The specified prefix list was not found.");
    public static readonly AcsErrorCode PrefixListAddressFamilyMismatch = new("InvalidParam.PrefixListAddressFamilyMismatch", 400,
        "The address family of the prefix list does not match the rule.");
    public static readonly AcsErrorCode NotSupportedClassicNetworkPrefixList = new("NotSupported.ClassicNetworkPrefixList", 400,
        "Prefix lists are not supported by classic network security groups.");
    public static readonly AcsErrorCode InvalidPortRangeListIdNotFound = new("InvalidPortRangeListId.NotFound", 400, "The specified port range list was not found.");
    public static readonly AcsErrorCode ProtocolNotSupportPortRangeList = new("InvalidParam.ProtocolNotSupportPortRangeList", 400,
        "Port range lists can only be used with TCP and UDP.");
    public static readonly AcsErrorCode InvalidSecurityGroupRuleIdNotFound = new("InvalidSecurityGroupRuleId.NotFound", 404, "The specified SecurityGroupRuleId is not exists.");
    public static readonly AcsErrorCode InvalidParamSecurityGroupRuleIdRepeated = new("InvalidParam.SecurityGroupRuleIdRepeated", 400, "The specified SecurityGroupRuleId is repeated.");
    public static readonly AcsErrorCode InvalidParamSecurityGroupRuleIdCount = new("InvalidParam.SecurityGroupRuleId", 400, "The parameter SecurityGroupRuleId must have between 1 and 100 entries.");
    public static readonly AcsErrorCode RevokeIngressRuleNotExist = new("InvalidParam.SecurityGroupRuleId", 400, "The specified security group rule does not exist.");
    public static readonly AcsErrorCode RevokeEgressRuleNotExist = new("InvalidSecurityGroupRule.RuleNotExist", 400, "The specified security group rule does not exist.");
    public static readonly AcsErrorCode SecurityGroupRuleNotFound = new("SecurityGroupRule.NotFound", 404, "The target security group rule not exist.");
    public static readonly AcsErrorCode InvalidOperationRuleDuplicate = new("InvalidOperation.RuleDuplicate", 400, "The modified rule duplicates an existing rule.");
    public static readonly AcsErrorCode InvalidOperationModifySgRuleEntityType = new("InvalidOperation.ModifySgRuleEntityType", 400,
        "The type of the authorization object of a rule cannot be changed.");
    public static readonly AcsErrorCode InvalidOperationModifyNicType = new("InvalidOperation.ModifyNicType", 400, "The NicType of a rule cannot be changed.");
    public static readonly AcsErrorCode InvalidOperationModifyPortRangeType = new("InvalidOperation.ModifyPortRangeType", 400,
        "A rule cannot switch between a port range and a port range list.");
    public static readonly AcsErrorCode InvalidSecurityGroupIdsTooMany = new("InvalidSecurityGroupId.Malformed", 400,
        "The specified parameter SecurityGroupId is essential and size should less than 10.");
}

public static partial class AcsErrors
{
    // Console features under /_emulator/: clone, export and import of rules (alibaba-semantics.md 6).
    public static readonly AcsErrorCode CrossRegionReferenceNotSupported = new("NotSupported.CrossRegionReference", 400,
        "Rules whose authorization object is a security group or a prefix list, or whose ports are a port list, cannot be imported from another region.");
    public static readonly AcsErrorCode InvalidImportFile = new("InvalidParameter.File", 400, "{0}");
}
