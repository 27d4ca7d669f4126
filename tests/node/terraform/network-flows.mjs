// Shared pieces of the network provider-flow suites (issue 13): the transports each flow runs over, the provider's own
// reads (service_alicloud_vpc_v2.go, service_alicloud_ecs.go) with the type assertions its Go code makes, and its waits.
// The compute suites use tf-client.mjs directly; this module only adds to it.
import assert from 'node:assert/strict';
import { ENDPOINT } from '../sdk/clients.mjs';
import { ECS_VERSION, VPC_VERSION, retryOn, tfClient, waitFor } from './tf-client.mjs';

export { ECS_VERSION, VPC_VERSION, retryOn, waitFor };

/** HTTP always; HTTPS too when SG_HTTPS_ENDPOINT is set (the lead's run-all sets it and NODE_EXTRA_CA_CERTS). */
export function transports() {
  const list = [{ name: 'http', client: tfClient({ endpoint: ENDPOINT, protocol: 'http' }) }];
  const https = process.env.SG_HTTPS_ENDPOINT?.trim().replace(/^https?:\/\//, '').replace(/\/+$/, '');
  if (https) list.push({ name: 'https', client: tfClient({ endpoint: https, protocol: 'https' }) });
  return list;
}

/** Go's `x.(map[string]interface{})`: a JSON object, never null, an array or a scalar. */
export function asMap(value, what) {
  assert.ok(value !== null && typeof value === 'object' && !Array.isArray(value), `${what} must be an object, got ${JSON.stringify(value)}`);
  return value;
}

/** Go's `x.([]interface{})`. */
export function asList(value, what) {
  assert.ok(Array.isArray(value), `${what} must be an array, got ${JSON.stringify(value)}`);
  return value;
}

/** The provider's `formatInt`: a JSON number (float64 in Go) holding an integer; a string would have to parse. */
export function asInt(value, what) {
  assert.equal(typeof value, 'number', `${what} must be a number, got ${JSON.stringify(value)}`);
  assert.ok(Number.isInteger(value), `${what} must be an integer, got ${value}`);
  return value;
}

/** The provider's NotFoundError: any 404 (InvalidAction.NotFound included) or a NotFound code. */
export const isNotFound = (error) => error?.statusCode === 404 || /NotFound/.test(error?.code ?? '');

/** DescribeVpcVpc: DescribeVpcAttribute, `VpcId` must be set. */
export async function describeVpc(c, regionId, vpcId) {
  const { body } = await c.rpcPost('DescribeVpcAttribute', VPC_VERSION, { VpcId: vpcId, RegionId: regionId });
  assert.equal(body.VpcId, vpcId);
  return body;
}

/** DescribeVpcDescribeRouteTableList: the `System` table of the VPC in `$.RouterTableList.RouterTableListType[*]`. */
export async function describeSystemRouteTable(c, regionId, vpcId) {
  const { body } = await c.rpcPost('DescribeRouteTableList', VPC_VERSION, { VpcId: vpcId, RegionId: regionId });
  const tables = asList(asMap(body.RouterTableList, 'RouterTableList').RouterTableListType, 'RouterTableListType');
  const table = tables.find((t) => t.RouteTableType === 'System' && t.VpcId === vpcId);
  assert.ok(table, `no System route table for ${vpcId}`);
  return table;
}

/** DescribeVpcVswitch: DescribeVSwitchAttributes with the VSwitchId in the query (the provider's `query` map). */
export async function describeVSwitch(c, regionId, vSwitchId) {
  const { body } = await c.rpcPost('DescribeVSwitchAttributes', VPC_VERSION, { VSwitchId: vSwitchId, RegionId: regionId });
  assert.equal(body.VSwitchId, vSwitchId);
  return body;
}

/** alicloud_vpc create: CreateVpc, wait Available, Update (tags only when set), Read. */
export async function applyVpc(c, regionId, { cidr = '10.0.0.0/8', name, tags } = {}) {
  const params = { RegionId: regionId, ClientToken: `tf-${Date.now()}-${Math.random()}`, CidrBlock: cidr, VpcName: name };
  if (tags) Object.entries(tags).forEach(([Key, Value], i) => Object.assign(params, { [`Tag.${i + 1}.Key`]: Key, [`Tag.${i + 1}.Value`]: Value }));
  const { body } = await retryOn(['TaskConflict', 'UnknownError'], () => c.rpcPost('CreateVpc', VPC_VERSION, params));
  await waitFor(() => c.rpcPost('DescribeVpcAttribute', VPC_VERSION, { VpcId: body.VpcId, RegionId: regionId }), (b) => b.Status, ['Available']);
  return body.VpcId;
}

/** alicloud_vswitch create: CreateVSwitch, wait Available. */
export async function applyVSwitch(c, regionId, vpcId, zoneId, cidr, name) {
  const { body } = await c.rpcPost('CreateVSwitch', VPC_VERSION, {
    RegionId: regionId, ClientToken: `tf-${Date.now()}-${Math.random()}`, CidrBlock: cidr, VpcId: vpcId, VSwitchName: name, ZoneId: zoneId,
  });
  await waitFor(() => c.rpcPost('DescribeVSwitchAttributes', VPC_VERSION, { VSwitchId: body.VSwitchId, RegionId: regionId }),
    (b) => b.Status, ['Available']);
  return body.VSwitchId;
}

/** alicloud_vswitch destroy: DeleteVSwitch retried on DependencyViolation, then wait until the read is gone. */
export async function destroyVSwitch(c, regionId, vSwitchId) {
  await retryOn(['DependencyViolation', 'IncorrectVSwitchStatus'], () => c.rpcPost('DeleteVSwitch', VPC_VERSION, { VSwitchId: vSwitchId, RegionId: regionId }));
  await assert.rejects(describeVSwitch(c, regionId, vSwitchId), (e) => isNotFound(e));
}

/** alicloud_vpc destroy: DeleteVpc retried on DependencyViolation.VSwitch / .SecurityGroup, then wait until the read is gone. */
export async function destroyVpc(c, regionId, vpcId) {
  await retryOn(['DependencyViolation.VSwitch', 'DependencyViolation.SecurityGroup', 'IncorrectVpcStatus'],
    () => c.rpcPost('DeleteVpc', VPC_VERSION, { VpcId: vpcId, RegionId: regionId, ClientToken: `tf-${Date.now()}` }));
  await assert.rejects(describeVpc(c, regionId, vpcId), (e) => isNotFound(e));
}

/** EcsServiceV2.DescribeEcsSecurityGroup: DescribeSecurityGroups with SecurityGroupId, first of `$.SecurityGroups.SecurityGroup[*]`. */
export async function describeSecurityGroup(c, regionId, id) {
  const { body } = await c.rpcPost('DescribeSecurityGroups', ECS_VERSION, { SecurityGroupId: id, RegionId: regionId });
  const groups = asList(asMap(body.SecurityGroups, 'SecurityGroups').SecurityGroup, 'SecurityGroup');
  if (groups.length === 0) return undefined;
  return groups[0];
}

/**
 * EcsService.DescribeEcsNetworkInterface plus the resource's Read: DescribeNetworkInterfaces with NetworkInterfaceId.1, then every
 * assertion the Go code makes (resource_alicloud_ecs_network_interface.go Read). Returns the item, or undefined when gone.
 */
export async function readNetworkInterface(c, regionId, id) {
  const { body } = await c.rpcPost('DescribeNetworkInterfaces', ECS_VERSION, { RegionId: regionId, NetworkInterfaceId: [id] });
  const set = asList(asMap(body.NetworkInterfaceSets, 'NetworkInterfaceSets').NetworkInterfaceSet, 'NetworkInterfaceSet');
  if (set.length < 1) return undefined;
  const eni = set[0];
  assert.equal(typeof eni.NetworkInterfaceId, 'string');
  assert.equal(eni.NetworkInterfaceId, id);
  for (const ip of asList(asMap(eni.PrivateIpSets, 'PrivateIpSets').PrivateIpSet, 'PrivateIpSet')) {
    assert.equal(typeof asMap(ip, 'PrivateIpSet[]').Primary, 'boolean', 'Primary is type-asserted as bool');
  }
  for (const v of asList(asMap(eni.Ipv6Sets, 'Ipv6Sets').Ipv6Set, 'Ipv6Set')) asMap(v, 'Ipv6Set[]');
  for (const v of asList(asMap(eni.Ipv4PrefixSets, 'Ipv4PrefixSets').Ipv4PrefixSet, 'Ipv4PrefixSet')) asMap(v, 'Ipv4PrefixSet[]');
  asInt(eni.QueueNumber, 'QueueNumber');
  asList(asMap(eni.SecurityGroupIds, 'SecurityGroupIds').SecurityGroupId, 'SecurityGroupId');
  if ('Attachment' in eni) asMap(eni.Attachment, 'Attachment');
  return eni;
}

/** EcsService.ListTagResources(id, type): `$.TagResources.TagResource` of ECS ListTagResources. */
export async function listEcsTags(c, regionId, resourceType, id) {
  const { body } = await c.rpcPost('ListTagResources', ECS_VERSION, { RegionId: regionId, ResourceType: resourceType, 'ResourceId.1': id });
  const tags = asList(asMap(body.TagResources, 'TagResources').TagResource, 'TagResource');
  return Object.fromEntries(tags.map((t) => [t.TagKey, t.TagValue]));
}

/** tagsToMap over `$.Tags.Tag` of a VPC API read (Key/Value). */
export function vpcTags(body) {
  return Object.fromEntries(asList(asMap(body.Tags, 'Tags').Tag, 'Tag').map((t) => [t.Key, t.Value]));
}
