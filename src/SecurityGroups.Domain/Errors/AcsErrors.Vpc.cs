namespace SecurityGroups.Domain.Errors;

public static partial class AcsErrors
{
    // VPC 2016-04-28: CreateVpc, DescribeVpcs, DeleteVpc, CreateVSwitch, DescribeVSwitches, DeleteVSwitch.
    public static readonly AcsErrorCode InvalidVpcIdNotFound = new("InvalidVpcId.NotFound", 404, "Specified VPC does not exist.");
    public static readonly AcsErrorCode InvalidVSwitchIdNotFound = new("InvalidVSwitchId.NotFound", 404, "VSwitch not exist.");
    public static readonly AcsErrorCode InvalidZoneIdNotFound = new("InvalidZoneId.NotFound", 404, "Specified zone does not exist.");
    public static readonly AcsErrorCode InvalidCidrBlockMalformed = new("InvalidCidrBlock.Malformed", 400, "Specified CIDR block is not valid.");
    public static readonly AcsErrorCode InvalidCidrBlockMaskLength = new("InvalidCirdrBlock.MaskLength", 400, "Specified CIDR block is not valid .");
    public static readonly AcsErrorCode InvalidCidrBlockNotInVpc = new("InvalidParameter", 400, "Specified CIDR block is not valid in VPC.");
    public static readonly AcsErrorCode InvalidCidrBlockOverlapped = new("InvalidCidrBlock.Overlapped", 400, "Specified CIDR block overlapped with other subnets.");
    public static readonly AcsErrorCode InvalidVpcNameMalformed = new("InvalidVpcName.Malformed", 400, "Specified VPC name is not valid.");
    public static readonly AcsErrorCode InvalidVpcDescriptionMalformed = new("InvalidVpcDiscription.Malformed", 400, "Specified VPC description is not valid.");
    public static readonly AcsErrorCode InvalidVSwitchNameMalformed = new("InvalidVSwitchName.Malformed", 400, "Specified virtual switch name is not valid.");
    public static readonly AcsErrorCode InvalidVSwitchDescriptionMalformed = new("InvalidVSwitchDiscription.Malformed", 400, "Specified virtual switch description is not valid.");
    public static readonly AcsErrorCode QuotaExceededVpc = new("QuotaExceeded.Vpc", 400, "VPC quota exceeded.");
    public static readonly AcsErrorCode QuotaExceededVSwitch = new("QuotaExceeded.VSwitch", 400, "Virtual switch quota exceeded.");
    public static readonly AcsErrorCode DependencyViolationVSwitch = new("DependencyViolation.VSwitch", 400, "Specified object has dependent resources");
    public static readonly AcsErrorCode DependencyViolationSecurityGroup = new("DependencyViolation.SecurityGroup", 400, "Specified object has dependent resources SecurityGroup.");
    public static readonly AcsErrorCode DependencyViolation = new("DependencyViolation", 400, "Specified object has dependent resources.");
    public static readonly AcsErrorCode InvalidVpcIdsTooMany = new("InvalidParameter", 400, "The number of VpcId must not exceed 20.");

    // Private IP allocation from a vSwitch (used by instances and ENIs).
    public static readonly AcsErrorCode InvalidPrivateIpAddressMalformed = new("InvalidPrivateIpAddress.Malformed", 400, "Specified private IP address is malformed.");
    public static readonly AcsErrorCode InvalidPrivateIpAddressMismatch = new("InvalidPrivateIpAddress.Mismatch", 400, "Specified private IP address is not in the CIDR block of virtual switch.");
    public static readonly AcsErrorCode InvalidPrivateIpAddressDuplicated = new("InvalidPrivateIpAddress.Duplicated", 400, "Specified private IP address is duplicated.");
    public static readonly AcsErrorCode InvalidVSwitchIdIpNotEnough = new("InvalidVSwitchId.IpNotEnough", 400, "The specified VSwitch has not enough IpAddress.");

    // Tags, shared by every Action that takes Tag.N.
    public static readonly AcsErrorCode InvalidTagKeyMalformed = new("InvalidTagKey.Malformed", 400, "The specified Tag.n.Key is not valid.");
    public static readonly AcsErrorCode InvalidTagValueMalformed = new("InvalidTagValue.Malformed", 400, "The specified Tag.n.Value is not valid.");
    public static readonly AcsErrorCode DuplicateTagKey = new("Duplicate.TagKey", 400, "The Tag.N.Key contain duplicate key.");
    public static readonly AcsErrorCode NumberExceedTags = new("NumberExceed.Tags", 400, "The maximum number of tags is exceeded.");

    // IPv6 of VPCs and vSwitches (the emulator's choice of code where Alibaba's reference names none: docs/actions.md, "IPv6").
    public static readonly AcsErrorCode VpcIpv6NotEnabled = new("OperationFailed.VpcNotEnableIpv6", 400, "The VPC of the vSwitch has no IPv6 CIDR block: create it with EnableIpv6=true.");
    public static readonly AcsErrorCode InvalidIpv6CidrBlock = new("InvalidParam.Ipv6CidrBlock", 400, "The parameter Ipv6CidrBlock must be an integer from 0 to 255.");
    public static readonly AcsErrorCode Ipv6CidrBlockInUse = new("InvalidParam.Ipv6CidrBlock", 400, "The IPv6 CIDR block {0} is already used by another vSwitch of the VPC.");
    public static readonly AcsErrorCode MissingIpv6CidrBlock = new("MissingParam.Ipv6CidrBlock", 400, "The parameter Ipv6CidrBlock is mandatory.");
}
