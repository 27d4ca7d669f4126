// Every served Action's response against the official v7 SDK's response model (issue 13 item 3).
//
// The list of Actions comes from the server itself (its Swagger document: one path '/?Action=X&Version=V' per served
// Action), so a newly served Action fails here until it has a recipe below (or sits in PENDING_ACTIONS with a reason).
// Each recipe calls the Action through the v7 SDK client's typed method (the SDK's own request and response models do
// the casting) via a recording proxy that keeps the raw JSON body; the walker (response-model-walker.mjs) then checks
// that body against the SDK's response model:
//   - every container (a field whose type is an array, or a model class with a list inside) is present, not null, of
//     the right JSON kind, and is walked into; Terraform's provider type-asserts these in Go and panics on a missing one;
//   - option objects (model classes of scalars only, e.g. SecurityOptions) are present, never null;
//   - every scalar the model declares is present, with the model's JSON kind (a number is a number, a boolean a boolean,
//     a string a string), and no integer is written as a float (2.0);
//   - no field the model does not declare is sent;
//   - except the fields response-model-exceptions.mjs lists as knowingly absent, each with its reason.
// Actions served later (by any branch) are covered as soon as they have a recipe: the served list comes from the server.
// A recipe may have a second, "empty" call whose lists are empty: the containers must still be there, empty.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  ECS_VERSION, Ecs, ENDPOINT, REGION, VPC_VERSION, Vpc, ecsClient, resetEmulator, vpcClient,
} from './clients.mjs';
import { integralFloats, requestFromWire, startRecorder, walkResponse } from './response-model-walker.mjs';
import { ABSENT_FIELDS, PENDING_ACTIONS } from './response-model-exceptions.mjs';

const EMPTY_REGION = 'cn-shanghai'; // nothing is ever created there by this suite: lists come back empty
const RG = 'rg-acfmresponsemodels01';

/** Unsigned GET (the Relaxed server's default account) for building state; fails on anything but 200. */
async function wire(action, version, params = {}) {
  const query = new URLSearchParams({ Action: action, Version: version, RegionId: REGION });
  for (const [k, v] of Object.entries(params)) if (v !== undefined) query.set(k, String(v));
  const response = await fetch(`http://${ENDPOINT}/?${query}`);
  const body = await response.json();
  assert.equal(response.status, 200, `${action} ${JSON.stringify(params)}: ${JSON.stringify(body)}`);
  return body;
}
const ecs = (action, params) => wire(action, ECS_VERSION, params);
const vpc = (action, params) => wire(action, VPC_VERSION, params);

// ---------------------------------------------------------------------------------------------------------------
// State, built once. `s` holds the IDs the recipes use.
// ---------------------------------------------------------------------------------------------------------------
const s = {};

async function buildState() {
  await resetEmulator();
  const zones = await ecs('DescribeZones');
  s.zone = zones.Zones.Zone[0].ZoneId;
  const images = await ecs('DescribeImages');
  s.image = images.Images.Image[0].ImageId;
  const types = await ecs('DescribeInstanceTypes');
  s.type = types.InstanceTypes.InstanceType[0].InstanceTypeId;

  const newVpc = async (cidr, EnableIpv6) => (await vpc('CreateVpc', { CidrBlock: cidr, VpcName: 'model-vpc', EnableIpv6 })).VpcId;
  const newVsw = async (vpcId, cidr, Ipv6CidrBlock) => (await vpc('CreateVSwitch', { VpcId: vpcId, ZoneId: s.zone, CidrBlock: cidr, Ipv6CidrBlock })).VSwitchId;
  const newGroup = async (vpcId = s.vpc) => (await ecs('CreateSecurityGroup', { VpcId: vpcId, SecurityGroupName: 'model-sg' })).SecurityGroupId;
  const newPrefixList = async () => (await ecs('CreatePrefixList', {
    AddressFamily: 'IPv4', MaxEntries: 5, PrefixListName: 'model-pl',
    'Entry.1.Cidr': '10.1.0.0/16', 'Entry.1.Description': 'one',
  })).PrefixListId;
  const newPortRangeList = async () => (await ecs('CreatePortRangeList', {
    MaxEntries: 5, PortRangeListName: 'model-prl', 'Entry.1.PortRange': '80/80', 'Entry.1.Description': 'web',
  })).PortRangeListId;
  const newInstance = async (extra = {}) => (await ecs('RunInstances', {
    ImageId: s.image, InstanceType: s.type, SecurityGroupId: s.group, VSwitchId: s.vsw, Amount: 1, ...extra,
  })).InstanceIdSets.InstanceIdSet[0];
  const newEni = async () => (await ecs('CreateNetworkInterface', { VSwitchId: s.vsw, SecurityGroupId: s.group })).NetworkInterfaceId;

  s.vpc = await newVpc('10.0.0.0/16', true);
  s.vsw = await newVsw(s.vpc, '10.0.1.0/24', 1);
  s.vsw2 = await newVsw(s.vpc, '10.0.3.0/24', 3);
  s.group = await newGroup();
  s.peerGroup = await newGroup();
  s.emptyGroup = await newGroup();
  s.prefixList = await newPrefixList();
  s.portRangeList = await newPortRangeList();
  await ecs('AuthorizeSecurityGroup', { SecurityGroupId: s.group, 'Permissions.1.IpProtocol': 'TCP', 'Permissions.1.PortRange': '22/22', 'Permissions.1.SourceCidrIp': '0.0.0.0/0', 'Permissions.1.Description': 'ssh' });
  await ecs('AuthorizeSecurityGroup', { SecurityGroupId: s.group, 'Permissions.1.IpProtocol': 'TCP', 'Permissions.1.PortRange': '443/443', 'Permissions.1.SourceGroupId': s.peerGroup });
  await ecs('AuthorizeSecurityGroup', { SecurityGroupId: s.group, 'Permissions.1.IpProtocol': 'TCP', 'Permissions.1.PortRange': '8080/8080', 'Permissions.1.SourcePrefixListId': s.prefixList });
  await ecs('AuthorizeSecurityGroup', { SecurityGroupId: s.group, 'Permissions.1.IpProtocol': 'TCP', 'Permissions.1.PortRangeListId': s.portRangeList, 'Permissions.1.SourceCidrIp': '10.9.0.0/16' });
  await ecs('AuthorizeSecurityGroupEgress', { SecurityGroupId: s.group, 'Permissions.1.IpProtocol': 'UDP', 'Permissions.1.PortRange': '53/53', 'Permissions.1.DestCidrIp': '10.0.0.0/8' });
  const rules = await ecs('DescribeSecurityGroupAttribute', { SecurityGroupId: s.group, Direction: 'all' });
  s.ingressRule = rules.Permissions.Permission.find((p) => p.Direction === 'ingress').SecurityGroupRuleId;
  s.egressRule = rules.Permissions.Permission.find((p) => p.Direction === 'egress').SecurityGroupRuleId;

  s.instance = await newInstance({ 'Tag.1.Key': 'env', 'Tag.1.Value': 'model', InternetMaxBandwidthOut: 5, KeyPairName: 'model-key', Ipv6AddressCount: 1 });
  s.eni = await newEni();
  await ecs('AttachNetworkInterface', { NetworkInterfaceId: s.eni, InstanceId: s.instance });
  await ecs('AssignPrivateIpAddresses', { NetworkInterfaceId: s.eni, SecondaryPrivateIpAddressCount: 1 });
  s.ipv6 = (await ecs('AssignIpv6Addresses', { NetworkInterfaceId: s.eni, Ipv6AddressCount: 1 })).Ipv6Sets.Ipv6Address[0];
  s.mover = await newInstance();
  await ecs('StopInstance', { InstanceId: s.mover });
  for (const [type, id] of [['securitygroup', s.group], ['instance', s.instance], ['eni', s.eni]]) {
    await ecs('TagResources', { ResourceType: type, 'ResourceId.1': id, 'Tag.1.Key': 'env', 'Tag.1.Value': 'model' });
  }
  await vpc('TagResources', { ResourceType: 'VPC', 'ResourceId.1': s.vpc, 'Tag.1.Key': 'env', 'Tag.1.Value': 'model' });
  await vpc('TagResources', { ResourceType: 'VSWITCH', 'ResourceId.1': s.vsw, 'Tag.1.Key': 'env', 'Tag.1.Value': 'model' });

  // Spares the mutating recipes change or delete.
  s.spareVpc = await newVpc('172.16.0.0/16');
  s.spareVsw = await newVsw(s.spareVpc, '172.16.1.0/24');
  s.spareGroup = await newGroup();
  s.spareEni = await newEni();
  s.detachEni = await newEni();
  await ecs('AttachNetworkInterface', { NetworkInterfaceId: s.detachEni, InstanceId: s.instance });
  s.spareInstance = await newInstance();
  s.disk = (await ecs('DescribeDisks', { InstanceId: s.spareInstance })).Disks.Disk[0].DiskId;
  s.spareInstances = [await newInstance(), await newInstance()];
  s.stoppable = await newInstance();
  s.specInstance = await newInstance();
  await ecs('StopInstance', { InstanceId: s.specInstance });
  s.prepaidInstance = await newInstance({ InstanceChargeType: 'PrePaid' });
  s.sparePrefixList = await newPrefixList();
  s.sparePortRangeList = await newPortRangeList();
  const tables = await vpc('DescribeRouteTableList', { VpcId: s.vpc });
  s.routeTable = tables.RouterTableList.RouterTableListType[0].RouteTableId;
  const eni = await ecs('DescribeNetworkInterfaces', { 'NetworkInterfaceId.1': s.eni });
  s.secondaryIp = eni.NetworkInterfaceSets.NetworkInterfaceSet[0].PrivateIpSets.PrivateIpSet.find((p) => !p.Primary).PrivateIpAddress;
  s.eniPermission = (await ecs('CreateNetworkInterfacePermission', { NetworkInterfaceId: s.eni, AccountId: 1111111111, Permission: 'InstanceAttach' }))
    .NetworkInterfacePermission.NetworkInterfacePermissionId;
}

// ---------------------------------------------------------------------------------------------------------------
// Recipes: '<Action>@<Version>' -> { phase, call: () => wire params, empty?: () => wire params }. Phases run in order
// (1 reads, 2 creates and changes, 3 deletes) so the reads see the whole state and deletes come last.
// ---------------------------------------------------------------------------------------------------------------
const E = ECS_VERSION;
const V = VPC_VERSION;
const inEmptyRegion = { RegionId: EMPTY_REGION };
const R = (action, version, phase, call, empty) => [`${action}@${version}`, { action, version, phase, call, empty }];

const RECIPES = new Map([
  // reads
  R('DescribeRegions', E, 1, () => ({})),
  R('DescribeZones', E, 1, () => ({ RegionId: REGION })),
  R('DescribeAccountAttributes', E, 1, () => ({ RegionId: REGION }), () => ({ RegionId: REGION, AttributeName: ['max-spot-instance-vcpu-count'] })),
  R('DescribeTags', E, 1, () => ({ RegionId: REGION, ResourceType: 'securitygroup' }), () => inEmptyRegion),
  R('DescribeResourceByTags', E, 1, () => ({ RegionId: REGION, Tag: [{ Key: 'env', Value: 'model' }] }), () => inEmptyRegion),
  R('DescribeAvailableResource', E, 1, () => ({ RegionId: REGION, DestinationResource: 'InstanceType' })),
  R('DescribeInstanceTypes', E, 1, () => ({})),
  R('DescribeImages', E, 1, () => ({ RegionId: REGION }), () => ({ RegionId: REGION, ImageId: 'm-nosuchimage0000000' })),
  R('DescribeDisks', E, 1, () => ({ RegionId: REGION, InstanceId: s.instance }), () => inEmptyRegion),
  R('DescribeUserData', E, 1, () => ({ RegionId: REGION, InstanceId: s.instance })),
  R('DescribeInstanceAttribute', E, 1, () => ({ InstanceId: s.instance })),
  R('DescribeInstanceRamRole', E, 1, () => ({ RegionId: REGION, InstanceIds: JSON.stringify([s.instance]) })),
  R('DescribeInstanceMaintenanceAttributes', E, 1, () => ({ RegionId: REGION, InstanceId: [s.instance] })),
  R('DescribeInstanceAttachmentAttributes', E, 1, () => ({ RegionId: REGION, InstanceIds: JSON.stringify([s.instance]) })),
  R('DescribeInstanceAutoRenewAttribute', E, 1, () => ({ RegionId: REGION, InstanceId: s.instance })),
  R('DescribeInstances', E, 1, () => ({ RegionId: REGION, InstanceIds: JSON.stringify([s.instance]) }), () => inEmptyRegion),
  R('DescribeNetworkInterfaces', E, 1, () => ({ RegionId: REGION, NetworkInterfaceId: [s.eni] }), () => inEmptyRegion),
  R('DescribeNetworkInterfacePermissions', E, 1, () => ({ RegionId: REGION, NetworkInterfaceId: s.eni }), () => inEmptyRegion),
  R('DescribeNetworkInterfaceAttribute', E, 1, () => ({ RegionId: REGION, NetworkInterfaceId: s.eni })),
  R('DescribeInstanceStatus', E, 1, () => ({ RegionId: REGION, InstanceId: [s.instance] }), () => inEmptyRegion),
  R('DescribePortRangeLists', E, 1, () => ({ RegionId: REGION }), () => inEmptyRegion),
  R('DescribePortRangeListEntries', E, 1, () => ({ RegionId: REGION, PortRangeListId: s.portRangeList })),
  R('DescribePortRangeListAssociations', E, 1, () => ({ RegionId: REGION, PortRangeListId: s.portRangeList }),
    () => ({ RegionId: REGION, PortRangeListId: s.sparePortRangeList })),
  R('DescribePrefixLists', E, 1, () => ({ RegionId: REGION }), () => inEmptyRegion),
  R('DescribePrefixListAttributes', E, 1, () => ({ RegionId: REGION, PrefixListId: s.prefixList })),
  R('DescribePrefixListAssociations', E, 1, () => ({ RegionId: REGION, PrefixListId: s.prefixList }),
    () => ({ RegionId: REGION, PrefixListId: s.sparePrefixList })),
  R('DescribeSecurityGroupReferences', E, 1, () => ({ RegionId: REGION, SecurityGroupId: [s.peerGroup] }),
    () => ({ RegionId: REGION, SecurityGroupId: [s.emptyGroup] })),
  R('DescribeSecurityGroups', E, 1, () => ({ RegionId: REGION, SecurityGroupIds: JSON.stringify([s.group]) }), () => inEmptyRegion),
  R('DescribeSecurityGroupAttribute', E, 1, () => ({ RegionId: REGION, SecurityGroupId: s.group, Direction: 'all' }),
    () => ({ RegionId: REGION, SecurityGroupId: s.emptyGroup })),
  R('ListTagResources', E, 1, () => ({ RegionId: REGION, ResourceType: 'securitygroup', ResourceId: [s.group] }),
    () => ({ RegionId: REGION, ResourceType: 'securitygroup', ResourceId: [s.emptyGroup] })),
  R('DescribeVpcs', V, 1, () => ({ RegionId: REGION, VpcId: s.vpc }), () => inEmptyRegion),
  R('DescribeVpcAttribute', V, 1, () => ({ RegionId: REGION, VpcId: s.vpc })),
  R('DescribeVSwitches', V, 1, () => ({ RegionId: REGION, VSwitchId: s.vsw }), () => inEmptyRegion),
  R('DescribeVSwitchAttributes', V, 1, () => ({ RegionId: REGION, VSwitchId: s.vsw })),
  R('DescribeRouteTableList', V, 1, () => ({ RegionId: REGION, VpcId: s.vpc }), () => inEmptyRegion),
  R('DescribeRegions', V, 1, () => ({})),
  R('DescribeZones', V, 1, () => ({ RegionId: REGION }), () => ({ RegionId: REGION, ZoneType: 'EdgeZone' })),
  R('ListTagResources', V, 1, () => ({ RegionId: REGION, ResourceType: 'VPC', ResourceId: [s.vpc] }),
    () => ({ RegionId: REGION, ResourceType: 'VPC', ResourceId: [s.spareVpc] })),

  // creates and changes
  R('CreateVpc', V, 2, () => ({ RegionId: REGION, CidrBlock: '192.168.0.0/16' })),
  R('CreateVSwitch', V, 2, () => ({ RegionId: REGION, VpcId: s.vpc, ZoneId: s.zone, CidrBlock: '10.0.2.0/24' })),
  R('CreateSecurityGroup', E, 2, () => ({ RegionId: REGION, VpcId: s.vpc })),
  R('CreatePrefixList', E, 2, () => ({ RegionId: REGION, AddressFamily: 'IPv4', MaxEntries: 2, PrefixListName: 'model-pl-new' })),
  R('CreatePortRangeList', E, 2, () => ({ RegionId: REGION, MaxEntries: 2, PortRangeListName: 'model-prl-new' })),
  R('CreateNetworkInterface', E, 2, () => ({ RegionId: REGION, VSwitchId: s.vsw, SecurityGroupId: s.group })),
  R('RunInstances', E, 2, () => ({ RegionId: REGION, ImageId: s.image, InstanceType: s.type, SecurityGroupId: s.group, VSwitchId: s.vsw, Amount: 1 })),
  R('CreateInstance', E, 2, () => ({ RegionId: REGION, ImageId: s.image, InstanceType: s.type, SecurityGroupId: s.group, VSwitchId: s.vsw })),
  R('AuthorizeSecurityGroup', E, 2, () => ({ RegionId: REGION, SecurityGroupId: s.spareGroup, Permissions: [{ IpProtocol: 'TCP', PortRange: '3389/3389', SourceCidrIp: '10.0.0.0/8' }] })),
  R('AuthorizeSecurityGroupEgress', E, 2, () => ({ RegionId: REGION, SecurityGroupId: s.spareGroup, Permissions: [{ IpProtocol: 'TCP', PortRange: '25/25', DestCidrIp: '10.0.0.0/8' }] })),
  R('ModifySecurityGroupRule', E, 2, () => ({ RegionId: REGION, SecurityGroupId: s.group, SecurityGroupRuleId: s.ingressRule, Description: 'changed' })),
  R('ModifySecurityGroupEgressRule', E, 2, () => ({ RegionId: REGION, SecurityGroupId: s.group, SecurityGroupRuleId: s.egressRule, Description: 'changed' })),
  R('ModifySecurityGroupAttribute', E, 2, () => ({ RegionId: REGION, SecurityGroupId: s.group, Description: 'changed' })),
  R('ModifySecurityGroupPolicy', E, 2, () => ({ RegionId: REGION, SecurityGroupId: s.group, InnerAccessPolicy: 'Accept' })),
  R('ModifyPrefixList', E, 2, () => ({ RegionId: REGION, PrefixListId: s.prefixList, Description: 'changed' })),
  R('ModifyPortRangeList', E, 2, () => ({ RegionId: REGION, PortRangeListId: s.portRangeList, PortRangeListName: 'model-prl-changed' })),
  R('ModifyInstanceAttribute', E, 2, () => ({ InstanceId: s.instance, Description: 'changed' })),
  R('CreateNetworkInterfacePermission', E, 2, () => ({ RegionId: REGION, NetworkInterfaceId: s.eni, AccountId: 2222222222, Permission: 'InstanceAttach' })),
  R('ModifyNetworkInterfaceAttribute', E, 2, () => ({ RegionId: REGION, NetworkInterfaceId: s.eni, Description: 'changed' })),
  R('JoinSecurityGroup', E, 2, () => ({ RegionId: REGION, InstanceId: s.instance, SecurityGroupId: s.peerGroup })),
  R('LeaveSecurityGroup', E, 2, () => ({ RegionId: REGION, InstanceId: s.instance, SecurityGroupId: s.peerGroup })),
  R('AssignPrivateIpAddresses', E, 2, () => ({ RegionId: REGION, NetworkInterfaceId: s.eni, SecondaryPrivateIpAddressCount: 1 })),
  R('UnassignPrivateIpAddresses', E, 2, () => ({ RegionId: REGION, NetworkInterfaceId: s.eni, PrivateIpAddress: [s.secondaryIp] })),
  R('AttachNetworkInterface', E, 2, () => ({ RegionId: REGION, NetworkInterfaceId: s.spareEni, InstanceId: s.instance })),
  R('DetachNetworkInterface', E, 2, () => ({ RegionId: REGION, NetworkInterfaceId: s.detachEni, InstanceId: s.instance })),
  R('StopInstance', E, 2, () => ({ InstanceId: s.stoppable })),
  R('StartInstance', E, 2, () => ({ InstanceId: s.stoppable })),
  R('StopInstances', E, 2, () => ({ RegionId: REGION, InstanceId: [s.stoppable] })),
  R('StartInstances', E, 2, () => ({ RegionId: REGION, InstanceId: [s.stoppable] })),
  R('RebootInstance', E, 2, () => ({ InstanceId: s.stoppable })),
  R('RebootInstances', E, 2, () => ({ RegionId: REGION, InstanceId: [s.stoppable] })),
  R('ModifyInstanceVpcAttribute', E, 2, () => ({ InstanceId: s.mover, VSwitchId: s.vsw2 })),
  R('ModifyDiskAttribute', E, 2, () => ({ DiskId: s.disk, DiskName: 'model-disk', Description: 'changed' })),
  R('ResizeDisk', E, 2, () => ({ DiskId: s.disk, NewSize: 80, Type: 'online' })),
  R('ModifyDiskSpec', E, 2, () => ({ DiskId: s.disk, PerformanceLevel: 'PL2' })),
  R('ApplyAutoSnapshotPolicy', E, 2, () => ({ regionId: REGION, autoSnapshotPolicyId: 'sp-model', diskIds: JSON.stringify([s.disk]) })),
  R('CancelAutoSnapshotPolicy', E, 2, () => ({ regionId: REGION, diskIds: JSON.stringify([s.disk]) })),
  R('ModifyInstanceMetadataOptions', E, 2, () => ({ RegionId: REGION, InstanceId: s.instance, HttpEndpoint: 'enabled', HttpTokens: 'required' })),
  R('ModifyInstanceAutoReleaseTime', E, 2, () => ({ RegionId: REGION, InstanceId: s.instance })),
  R('ModifyInstanceMaintenanceAttributes', E, 2, () => ({ RegionId: REGION, InstanceId: [s.instance], ActionOnMaintenance: 'Stop',
    MaintenanceWindow: [{ StartTime: '02:00:00', EndTime: '04:00:00' }] })),
  R('ModifyInstanceDeployment', E, 2, () => ({ RegionId: REGION, InstanceId: s.instance, DeploymentSetId: 'ds-model' })),
  R('ModifyInstanceAttachmentAttributes', E, 2, () => ({ RegionId: REGION, InstanceId: s.instance, PrivatePoolOptions: { MatchCriteria: 'None' } })),
  R('ModifyInstanceSpec', E, 2, () => ({ InstanceId: s.specInstance, InstanceType: 'ecs.g7.xlarge' })),
  R('ReplaceSystemDisk', E, 2, () => ({ InstanceId: s.specInstance, ImageId: s.image })),
  // to PostPaid with fee details (FeeOfInstance items walked), then back to PrePaid (an empty FeeOfInstance list)
  R('ModifyInstanceChargeType', E, 2, () => ({ RegionId: REGION, InstanceIds: JSON.stringify([s.prepaidInstance]), InstanceChargeType: 'PostPaid', IsDetailFee: true }),
    () => ({ RegionId: REGION, InstanceIds: JSON.stringify([s.prepaidInstance]), InstanceChargeType: 'PrePaid', Period: 1, PeriodUnit: 'Month' })),
  R('ModifyPrepayInstanceSpec', E, 2, () => ({ RegionId: REGION, InstanceId: s.prepaidInstance, InstanceType: 'ecs.g7.xlarge' })),
  R('AttachKeyPair', E, 2, () => ({ RegionId: REGION, InstanceIds: JSON.stringify([s.specInstance]), KeyPairName: 'model-key' })),
  R('DetachKeyPair', E, 2, () => ({ RegionId: REGION, InstanceIds: JSON.stringify([s.specInstance]), KeyPairName: 'model-key' })),
  R('AttachInstanceRamRole', E, 2, () => ({ RegionId: REGION, InstanceIds: JSON.stringify([s.specInstance]), RamRoleName: 'model-role' })),
  R('DetachInstanceRamRole', E, 2, () => ({ RegionId: REGION, InstanceIds: JSON.stringify([s.specInstance]), RamRoleName: 'model-role' })),
  R('AssignIpv6Addresses', E, 2, () => ({ RegionId: REGION, NetworkInterfaceId: s.eni, Ipv6AddressCount: 1 })),
  R('UnassignIpv6Addresses', E, 2, () => ({ RegionId: REGION, NetworkInterfaceId: s.eni, Ipv6Address: [s.ipv6] })),
  R('JoinResourceGroup', E, 2, () => ({ RegionId: REGION, ResourceType: 'securitygroup', ResourceId: s.spareGroup, ResourceGroupId: RG })),
  R('TagResources', E, 2, () => ({ RegionId: REGION, ResourceType: 'securitygroup', ResourceId: [s.spareGroup], Tag: [{ Key: 'k', Value: 'v' }] })),
  R('UntagResources', E, 2, () => ({ RegionId: REGION, ResourceType: 'securitygroup', ResourceId: [s.spareGroup], TagKey: ['k'] })),
  R('AddTags', E, 2, () => ({ RegionId: REGION, ResourceType: 'securitygroup', ResourceId: s.spareGroup, Tag: [{ Key: 'legacy', Value: 'v' }] })),
  R('RemoveTags', E, 2, () => ({ RegionId: REGION, ResourceType: 'securitygroup', ResourceId: s.spareGroup, Tag: [{ Key: 'legacy' }] })),
  R('ModifyVpcAttribute', V, 2, () => ({ RegionId: REGION, VpcId: s.vpc, Description: 'changed' })),
  R('ModifyVSwitchAttribute', V, 2, () => ({ RegionId: REGION, VSwitchId: s.vsw, Description: 'changed' })),
  R('ModifyRouteTableAttributes', V, 2, () => ({ RegionId: REGION, RouteTableId: s.routeTable, Description: 'changed' })),
  R('MoveResourceGroup', V, 2, () => ({ RegionId: REGION, ResourceType: 'vpc', ResourceId: s.spareVpc, NewResourceGroupId: RG })),
  R('TagResources', V, 2, () => ({ RegionId: REGION, ResourceType: 'VPC', ResourceId: [s.spareVpc], Tag: [{ Key: 'k', Value: 'v' }] })),
  R('UnTagResources', V, 2, () => ({ RegionId: REGION, ResourceType: 'VPC', ResourceId: [s.spareVpc], TagKey: ['k'] })),
  R('RevokeSecurityGroup', E, 2, () => ({ RegionId: REGION, SecurityGroupId: s.spareGroup, Permissions: [{ IpProtocol: 'TCP', PortRange: '3389/3389', SourceCidrIp: '10.0.0.0/8' }] })),
  R('RevokeSecurityGroupEgress', E, 2, () => ({ RegionId: REGION, SecurityGroupId: s.spareGroup, Permissions: [{ IpProtocol: 'TCP', PortRange: '25/25', DestCidrIp: '10.0.0.0/8' }] })),

  // deletes
  R('DeleteInstance', E, 3, () => ({ InstanceId: s.spareInstance, Force: true })),
  R('DeleteInstances', E, 3, () => ({ RegionId: REGION, InstanceId: s.spareInstances, Force: true })),
  R('DeleteNetworkInterface', E, 3, () => ({ RegionId: REGION, NetworkInterfaceId: s.detachEni })),
  R('DeleteNetworkInterfacePermission', E, 3, () => ({ RegionId: REGION, NetworkInterfacePermissionId: s.eniPermission })),
  R('DeleteSecurityGroup', E, 3, () => ({ RegionId: REGION, SecurityGroupId: s.emptyGroup })),
  R('DeletePrefixList', E, 3, () => ({ RegionId: REGION, PrefixListId: s.sparePrefixList })),
  R('DeletePortRangeList', E, 3, () => ({ RegionId: REGION, PortRangeListId: s.sparePortRangeList })),
  R('DeleteVSwitch', V, 3, () => ({ RegionId: REGION, VSwitchId: s.spareVsw })),
  R('DeleteVpc', V, 4, () => ({ RegionId: REGION, VpcId: s.spareVpc })),
]);

// ---------------------------------------------------------------------------------------------------------------

let served = [];
let recorder;
const clients = {};

/** The served Actions, from the server's own Swagger document: paths '/?Action=X&Version=V'. */
async function servedActions() {
  const response = await fetch(`http://${ENDPOINT}/swagger/v1/swagger.json`);
  assert.equal(response.status, 200, 'GET /swagger/v1/swagger.json');
  const doc = await response.json();
  const actions = [];
  for (const path of Object.keys(doc.paths)) {
    const m = /^\/\?Action=([A-Za-z0-9]+)&Version=(\d{4}-\d{2}-\d{2})$/.exec(path);
    if (m) actions.push(`${m[1]}@${m[2]}`);
  }
  return actions;
}

before(async () => {
  served = await servedActions();
  recorder = await startRecorder(ENDPOINT);
  clients[E] = { client: ecsClient({ endpoint: recorder.endpoint }), module: Ecs };
  clients[V] = { client: vpcClient({ endpoint: recorder.endpoint }), module: Vpc };
  await buildState();
});
after(() => recorder?.close());

/** Calls one recipe through the SDK's typed method and walks the raw body; returns the problems. */
async function callAndWalk(recipe, params, label) {
  const { client, module } = clients[recipe.version];
  const method = recipe.action.charAt(0).toLowerCase() + recipe.action.slice(1);
  assert.equal(typeof client[method], 'function', `the SDK client has no method ${method}`);
  const Request = module[`${recipe.action}Request`];
  const Body = module[`${recipe.action}ResponseBody`];
  assert.ok(Request && Body, `the SDK has no ${recipe.action}Request / ${recipe.action}ResponseBody`);
  recorder.take();
  const response = await client[method](requestFromWire(Request, params));
  assert.equal(response.statusCode, 200, `${label}: status`);
  const raw = recorder.take();
  assert.ok(raw, `${label}: the recorder saw no response`);
  const key = `${recipe.action}@${recipe.version}`;
  const absent = (path) => ABSENT_FIELDS.has(path);
  const result = walkResponse(Body, JSON.parse(raw.body), key, absent);
  for (const f of integralFloats(raw.body)) result.problems.push(`${key}: integer written as a float: ${f}`);
  for (const path of result.absentOptionObjects) if (!absent(path)) result.problems.push(`${path}: option object missing`);
  for (const path of result.missingScalars) if (!absent(path)) result.problems.push(`${path}: field missing`);
  for (const path of result.extraFields) result.problems.push(`${path}: field not in the SDK model`);
  return result.problems.map((p) => `${label}: ${p}`);
}

describe('every served Action against the official SDK response model', () => {
  test('self-check: the walker fails on a planted missing container, a wrong kind, a stringly number and 2.0', async () => {
    const body = await ecs('DescribeSecurityGroups', { SecurityGroupIds: JSON.stringify([s.group]) });
    const key = 'DescribeSecurityGroups@2014-05-26';
    const walk = (b) => walkResponse(Ecs.DescribeSecurityGroupsResponseBody, b, key).problems;
    assert.deepEqual(walk(body), []);
    const group = () => structuredClone(body);
    const noTags = group(); delete noTags.SecurityGroups.SecurityGroup[0].Tags;
    assert.deepEqual(walk(noTags), [`${key}.SecurityGroups.SecurityGroup[].Tags: container missing (undefined), expected an object`]);
    const nullList = group(); nullList.SecurityGroups.SecurityGroup[0].Tags.Tag = null;
    assert.deepEqual(walk(nullList), [`${key}.SecurityGroups.SecurityGroup[].Tags.Tag: container missing (null), expected an array`]);
    const objectForList = group(); objectForList.SecurityGroups.SecurityGroup = {};
    assert.deepEqual(walk(objectForList), [`${key}.SecurityGroups.SecurityGroup: expected an array, got object`]);
    const stringly = group(); stringly.TotalCount = '1';
    assert.deepEqual(walk(stringly), [`${key}.TotalCount: expected a number, got string "1"`]);
    assert.deepEqual(integralFloats('{"TotalCount":2.0,"MemorySize":0.5,"Description":"1.0"}'), ['"TotalCount":2.0']);
    // An option object (scalars only) may be absent, never null.
    const instance = { Instances: { Instance: [{ SecurityOptions: null }] } };
    assert.ok(walkResponse(Ecs.DescribeInstancesResponseBody, instance, 'DescribeInstances').problems
      .includes('DescribeInstances.Instances.Instance[].SecurityOptions: null, expected an object or nothing'));
  });

  test('the served Actions come from the server, and every one has a recipe or a pending reason', () => {
    assert.ok(served.length >= 50, `only ${served.length} Actions found in the Swagger document`);
    const uncovered = served.filter((a) => !RECIPES.has(a) && !PENDING_ACTIONS.has(a));
    assert.deepEqual(uncovered, [], 'served Actions without a recipe in response-models.test.mjs');
    const stale = [...RECIPES.keys(), ...PENDING_ACTIONS.keys()].filter((a) => !served.includes(a));
    assert.deepEqual(stale, [], 'recipes or pending entries for Actions the server does not serve');
    for (const [action, reason] of PENDING_ACTIONS) assert.ok(reason && reason.length > 10, `${action}: pending without a reason`);
  });

  test('every field the model declares is present (or a documented absence), of the right kind, and no other field', async () => {
    const ordered = [...RECIPES.entries()].filter(([key]) => served.includes(key)).sort((a, b) => a[1].phase - b[1].phase);
    const problems = [];
    for (const [key, recipe] of ordered) {
      try {
        problems.push(...await callAndWalk(recipe, recipe.call(), key));
        if (recipe.empty) problems.push(...await callAndWalk(recipe, recipe.empty(), `${key} (empty)`));
      } catch (err) {
        problems.push(`${key}: call failed: ${err.code ?? ''} ${err.message}`);
      }
    }
    const unusedExceptions = [...ABSENT_FIELDS.keys()].filter((p) => !RECIPES.has(p.split('.')[0]));
    assert.deepEqual(unusedExceptions, [], 'absences for Actions without a recipe');
    for (const [path, reason] of ABSENT_FIELDS) assert.ok(reason && reason.length > 20, `${path}: absence without a reason`);
    assert.deepEqual([...new Set(problems)], []);
  });
});
