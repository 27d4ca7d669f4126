namespace SecurityGroups.Domain.Errors;

public static partial class AcsErrors
{
    // What Terraform's network resources call besides the core Actions (issue 13): DescribeVpcAttribute, ModifyVpcAttribute,
    // DescribeRouteTableList, ModifyRouteTableAttributes, DescribeVSwitchAttributes, ModifyVSwitchAttribute, MoveResourceGroup,
    // JoinResourceGroup, the VPC tag Actions and the stored ENI options. Codes Alibaba's pages do not list are recorded in docs/terraform.md.
    public static readonly AcsErrorCode InvalidRouteTableIdNotFound = new("InvalidRouteTableId.NotFound", 404, "The specified route table does not exist.");
    public static readonly AcsErrorCode InvalidRouteTableNameMalformed = new("InvalidRouteTableName.Malformed", 400, "The specified route table name is not valid.");
    public static readonly AcsErrorCode InvalidRouteTableDescriptionMalformed = new("InvalidDescription.Malformed", 400, "The specified description is not valid.");
    public static readonly AcsErrorCode InvalidVpcCidrBlockShrink = new("InvalidCidrBlock.Malformed", 400,
        "Specified CIDR block is not valid: it must contain every vSwitch of the VPC.");
    public static readonly AcsErrorCode InvalidQueueNumber = new("InvalidParameter.QueueNumber", 400, "The specified QueueNumber is out of range (1-256).");
    public static readonly AcsErrorCode InvalidQueuePairNumber = new("InvalidParameter.QueuePairNumber", 400, "The specified QueuePairNumber is out of range (0-256).");
    public static readonly AcsErrorCode InvalidNetworkInterfaceTrafficMode = new("InvalidParameter.NetworkInterfaceTrafficMode", 400,
        "The specified NetworkInterfaceTrafficMode is not valid.");
}
