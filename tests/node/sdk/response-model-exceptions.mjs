// Response fields (containers, option objects, scalars) the official SDK model declares but the emulator knowingly does
// not send, each with the reason. response-models.test.mjs fails on any other missing field, and on any field the model
// does not declare. Keys are walker paths: '<Action>@<Version>' then the wire path, with '[]' for "each item of the
// list". Keep this short and honest: prefer making the server send the field.
//
// A field here must be one Alibaba itself omits in the same situation (documented or observed), or one for a feature
// the emulator does not model at all; never one Terraform's provider or another client type-asserts.
export const ABSENT_FIELDS = new Map([
  ['DescribeInstances@2014-05-26.NextToken',
    'sent only with token paging (MaxResults/NextToken) and only while more pages follow; legacy PageNumber paging and the last page carry none (docs/actions.md, paging)'],
  ['DescribeNetworkInterfaces@2014-05-26.NextToken',
    'sent only with token paging (MaxResults/NextToken) and only while more pages follow; legacy PageNumber paging and the last page carry none (docs/actions.md, paging)'],
  ['DescribeSecurityGroups@2014-05-26.NextToken',
    'sent only with token paging (MaxResults/NextToken) and only while more pages follow; legacy PageNumber paging and the last page carry none (docs/actions.md, paging)'],
  ['DescribeSecurityGroupAttribute@2014-05-26.NextToken',
    'sent only with token paging (MaxResults/NextToken) and only while more pages follow; legacy PageNumber paging and the last page carry none (docs/actions.md, paging)'],
  ['DescribeNetworkInterfaces@2014-05-26.NetworkInterfaceSets.NetworkInterfaceSet[].ServiceID',
    'the ID of the cloud service managing the resource: Alibaba sends it only for service-managed ENIs and groups, and none are managed here'],
  ['DescribeNetworkInterfaceAttribute@2014-05-26.ServiceID',
    'the ID of the cloud service managing the resource: Alibaba sends it only for service-managed ENIs and groups, and none are managed here'],
  ['CreateNetworkInterface@2014-05-26.ServiceID',
    'the ID of the cloud service managing the resource: Alibaba sends it only for service-managed ENIs and groups, and none are managed here'],
  ['DescribeSecurityGroups@2014-05-26.SecurityGroups.SecurityGroup[].ServiceID',
    'the ID of the cloud service managing the resource: Alibaba sends it only for service-managed ENIs and groups, and none are managed here'],
  ['DescribeAvailableResource@2014-05-26.AvailableZones.AvailableZone[].AvailableResources.AvailableResource[].SupportedResources.SupportedResource[].Min',
    'minimum, maximum and unit describe sizes of disk categories; Alibaba leaves them out for instance types, the only resource this recipe asks for'],
  ['DescribeAvailableResource@2014-05-26.AvailableZones.AvailableZone[].AvailableResources.AvailableResource[].SupportedResources.SupportedResource[].Max',
    'minimum, maximum and unit describe sizes of disk categories; Alibaba leaves them out for instance types, the only resource this recipe asks for'],
  ['DescribeAvailableResource@2014-05-26.AvailableZones.AvailableZone[].AvailableResources.AvailableResource[].SupportedResources.SupportedResource[].Unit',
    'minimum, maximum and unit describe sizes of disk categories; Alibaba leaves them out for instance types, the only resource this recipe asks for'],
  ['DescribeSecurityGroupAttribute@2014-05-26.SnapshotPolicyIds',
    'a disk-snapshot field in the SDK model of a security-group read; the API reference of DescribeSecurityGroupAttribute does not list it and groups have no snapshot policies'],
]);

/** Actions the server serves that response-models.test.mjs has no call recipe for yet, each with the reason. */
export const PENDING_ACTIONS = new Map([
]);
