namespace SecurityGroups.Domain.Errors;

public static partial class AcsErrors
{
    // Instances, ENIs and membership (alibaba-wire.md 6.4, alibaba-semantics.md 3 and 5.2).
    public static readonly AcsErrorCode InvalidInstanceIdNotFound = new("InvalidInstanceId.NotFound", 404, "The specified InstanceId does not exist.");
    public static readonly AcsErrorCode InvalidEniIdNotFound = new("InvalidEniId.NotFound", 404, "The specified NetworkInterfaceId does not exist.");
    public static readonly AcsErrorCode InvalidVSwitchIdNotFoundEcs = new("InvalidVSwitchId.NotFound", 404, "The specified VSwitchId does not exist.");
    public static readonly AcsErrorCode EniIdAndInstanceIdConflict = new("InvalidParam.EniIdAndInstanceId.Conflict", 403, "InstanceId and NetworkInterfaceId cannot be specified at the same time.");
    public static readonly AcsErrorCode MissingInstanceOrEni = new("MissingParameter", 400, "The input parameter \"InstanceId\" or \"NetworkInterfaceId\" that is mandatory for processing this request is not supplied.");
    public static readonly AcsErrorCode InvalidInstanceIdAlreadyExists = new("InvalidInstanceId.AlreadyExists", 403, "The specified instance already exists in the specified security group.");
    public static readonly AcsErrorCode InstanceSecurityGroupLimitExceeded = new("InstanceSecurityGroupLimitExceeded", 403, "Exceeding the allowed amount of security groups that an instance can be in.");
    public static readonly AcsErrorCode SecurityGroupInstanceLimitExceeded = new("SecurityGroupInstanceLimitExceeded", 403, "The maximum number of instances in a security group is exceeded.");
    public static readonly AcsErrorCode InvalidOperationMultiGroupType = new("InvalidOperation.MultiGroupType", 400, "The specified instance can't join different types of security group.");
    public static readonly AcsErrorCode InvalidInstanceIdMismatch = new("InvalidInstanceId.Mismatch", 400, "Specified instance and security group are not in the same VPC.");
    public static readonly AcsErrorCode InvalidSecurityGroupVpcNotBelongToOneVpc = new("InvalidSecurityGroupVpc.NotBelongToOneVpc", 404, "The specified SecurityGroupIds are belong to different vpc.");
    public static readonly AcsErrorCode InvalidSecurityGroupTypeNotSupportClassic = new("InvalidSecurityGroupType.NotSupportClassic", 404, "The specified SecurityGroupIds have classic group type.");
    public static readonly AcsErrorCode EnterpriseGroupLimitedMutliGroupType = new("EnterpriseGroupLimited.MutliGroupType", 403, "The specified instance can not join multi SecurityGroup types.");
    public static readonly AcsErrorCode SecurityGroupIdRepeatedModify = new("InvalidParameter.SecurityGroupIdRepeated", 404, "The specified security group ids has repeated.");
    public static readonly AcsErrorCode InvalidOperationMultiGroupTypeEni = new("InvalidOperation.MultiGroupType", 403, "The specified instance can't join different types of security group.");
    public static readonly AcsErrorCode InvalidSecurityGroupIdNotVpc = new("InvalidSecurityGroupId.NotVpc", 403, "The specified security group is not of the VPC type.");
    public static readonly AcsErrorCode InvalidPermissionValueNotSupported = new("InvalidPermission.ValueNotSupported", 400, "The specified Permission is not supported, it should be InstanceAttach.");
    public static readonly AcsErrorCode InvalidAccountIdMalformed = new("InvalidAccountId.Malformed", 400, "The specified AccountId is not valid.");
    public static readonly AcsErrorCode NetworkInterfacePermissionExists = new("InvalidOperation.PermissionExists", 400, "The account already has this permission on the network interface.");
    public static readonly AcsErrorCode InvalidNetworkInterfacePermissionIdNotFound = new("InvalidNetworkInterfacePermissionId.NotFound", 404, "The specified NetworkInterfacePermissionId does not exist.");
    public static readonly AcsErrorCode InvalidParamsNetworkInterfaceName = new("InvalidParams.NetworkInterfaceName", 403, "The specified NetworkInterfaceName is not valid.");
    public static readonly AcsErrorCode InvalidOperationVpcMismatch = new("InvalidOperation.VpcMismatch", 403, "The specified security group and the network interface are not in the same VPC.");
    public static readonly AcsErrorCode InvalidParameterVpcMismatch = new("InvalidParameter.Mismatch", 400, "Specified security group and vswitch are not in the same vpc.");
    public static readonly AcsErrorCode InstanceLastSecurityGroup = new("InstanceLastSecurityGroup", 403, "The instance must belong to at least one security group.");
    public static readonly AcsErrorCode InvalidSecurityGroupAssociationNotFound = new("InvalidSecurityGroupAssociation.NotFound", 400, "The instance or network interface is not in the specified security group.");
    public static readonly AcsErrorCode IncorrectInstanceStatus = new("IncorrectInstanceStatus", 403, "The current status of the resource does not support this operation.");
    public static readonly AcsErrorCode AclLimitExceed = new("AclLimitExceed", 403, "The number of security group rules that act on the network interface has reached the upper limit.");
    public static readonly AcsErrorCode SecurityGroupIdRepeated = new("InvalidParameter.SecurityGroupIdRepeated", 400, "The specified SecurityGroupIds contain duplicates.");
    public static readonly AcsErrorCode InvalidEniStateOperation = new("InvalidOperation.InvalidEniState", 403, "The current status of the network interface does not support this operation.");
    public static readonly AcsErrorCode DetachPrimaryEniNotAllowed = new("InvalidOperation.DetachPrimaryEniNotAllowed", 403, "The primary network interface of an instance cannot be detached or deleted.");
    public static readonly AcsErrorCode InvalidIpIpUnassigned = new("InvalidIp.IpUnassigned", 403, "The specified IP address {0} is not assigned to the network interface.");
    public static readonly AcsErrorCode InvalidOperationPrimaryIp = new("InvalidOperation.UnassignPrimaryIp", 403, "The primary private IP address of a network interface cannot be unassigned.");
    public static readonly AcsErrorCode InvalidAmountMalformed = new("InvalidParameter.Amount", 400, "The parameter Amount must be between 1 and 100, and PrivateIpAddress requires Amount 1.");
    public static readonly AcsErrorCode InvalidZoneIdMismatch = new("InvalidParameter.ZoneId", 400, "The specified ZoneId does not match the zone of the vSwitch.");
    public static readonly AcsErrorCode InvalidInstanceIdsMalformed = new("InvalidInstanceIds.Malformed", 400, "The specified parameter InstanceIds is not valid.");
    public static readonly AcsErrorCode InstanceDeletionProtection = new("InvalidOperation.DeletionProtection", 403, "The instance is protected by deletion protection.");
    public static readonly AcsErrorCode InvalidPrivateIpCount = new("InvalidParameter.SecondaryPrivateIpAddressCount", 400, "The number of private IP addresses of a network interface must be at most 50.");

    // Instance lifecycle and VPC attributes (Start/Stop/RebootInstance(s), ModifyInstanceVpcAttribute).
    public static readonly AcsErrorCode InvalidVSwitchIdZoneMismatch = new("InvalidVSwitchId.Mismatch", 400, "Specified instance and virtual switch are not in the same zone.");
    public static readonly AcsErrorCode InvalidVSwitchIdNotInVpc = new("InvalidVSwitchId.NotFound", 404, "Specified virtual switch is not found in current VPC.");
    public static readonly AcsErrorCode InvalidVpcIdNotFoundEcs = new("InvalidVpcId.NotFound", 404, "The specified VpcId does not exist.");
    public static readonly AcsErrorCode InstanceVpcChangeDenied = new("InvalidOperation.VpcChangeDenied", 403, "The VPC of an instance with {0} cannot be changed.");
    public static readonly AcsErrorCode PublicIpPoolExhausted = new("InvalidParameter.InternetMaxBandwidthOut", 400, "The emulator's public IP pool has no free address.");

    // IPv6 of ENIs (AssignIpv6Addresses / UnassignIpv6Addresses, Ipv6AddressCount at launch and creation).
    public static readonly AcsErrorCode InvalidVSwitchIpv6NotTurnOn = new("InvalidVSwitch.Ipv6NotTurnOn", 403, "The specified VSwitch \"{0}\" ipv6 function not turn on.");
    public static readonly AcsErrorCode InvalidIpIpRepeated = new("InvalidIp.IpRepeated", 403, "The specified ipAddress \"{0}\" is(are) repeated.");
    public static readonly AcsErrorCode InvalidIpAddress = new("InvalidIp.Address", 403, "The specified ipAddress \"{0}\" is invalid.");
    public static readonly AcsErrorCode InvalidIpIpAssigned = new("InvalidIp.IpAssigned", 403, "The specified ipAddress \"{0}\" is already assigned.");
    public static readonly AcsErrorCode Ipv6CountExceeded = new("InvalidOperation.Ipv6CountExceeded", 403, "The number of eni {0} ipv6 address exceeds the limit({1}).");
    public static readonly AcsErrorCode Ipv6AddressAndCountConflict = new("InvalidParameter", 400, "Ipv6Address.N and Ipv6AddressCount cannot be specified at the same time.");
    public static readonly AcsErrorCode InvalidInstanceNameMalformed = new("InvalidInstanceName.Malformed", 400, "The specified parameter \"InstanceName\" is not valid.");
    public static readonly AcsErrorCode InvalidDiskDescriptionMalformed = new("InvalidDiskDescription.Malformed", 400, "The specified disk description is not valid.");
    public static readonly AcsErrorCode InvalidNetworkInterfaceNameMalformed = new("InvalidNetworkInterfaceName.Malformed", 400, "The specified parameter \"NetworkInterfaceName\" is not valid.");
    public static readonly AcsErrorCode InvalidDeploymentSetIdNotFound = new("InvalidDeploymentSetId.NotFound", 404, "The specified DeploymentSetId does not exist.");

    /// <summary>The storage refused a value no validator caught (PostgreSQL: longer than its column, or a character text cannot hold):
    /// the safety net of <c>AcsErrorMiddleware</c>, so that such a value is a client error, never a 500.</summary>
    public static readonly AcsErrorCode InvalidParameterStorageRefused = new("InvalidParameter", 400, "A parameter value is too long or holds a character that cannot be stored.");
    public static readonly AcsErrorCode MissingIpv6Address = new("MissingParameter", 400, "The input parameter \"Ipv6Address\" or \"Ipv6AddressCount\" that is mandatory for processing this request is not supplied.");
}
