// Terraform alicloud provider's compute code paths, re-enacted call for call (resource_alicloud_instance.go,
// service_alicloud_ecs.go, data_source_alicloud_{zones,instance_types,images}.go). Calls the provider makes through
// `client.RpcPost` go through `rpcPost`; those it makes through the older alibaba-cloud-sdk-go (`client.WithEcsClient`)
// through `rpcGet` (query-only, as that SDK sends them). Each helper asserts what the Go code type-asserts on the
// answer, so a missing container, a null object or a float where `formatInt` wants an integer fails here, not in Go.
import assert from 'node:assert/strict';
import { ECS_VERSION, retryOn, waitFor } from './tf-client.mjs';

export const REGION = 'cn-hangzhou';

/** The provider's NotFoundError: any 404 (InvalidAction.NotFound included) or one of EcsNotFound's codes. */
export const isGone = (error) => error.statusCode === 404 || ['InvalidInstanceId.NotFound', 'Forbidden.InstanceNotFound'].includes(error.code);

export const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
export const assertObject = (v, label) => assert.ok(isObject(v), `${label} must be an object, got ${JSON.stringify(v)}`);
export const assertList = (v, label) => assert.ok(Array.isArray(v), `${label} must be a list, got ${JSON.stringify(v)}`);
/** `formatInt` on a json.Number: strconv.Atoi of its text, so "2.0" panics. */
export const assertInt = (v, label) => assert.ok(Number.isInteger(v) && !String(v).includes('.'), `${label} must be an integer, got ${JSON.stringify(v)}`);

/** `ecsService.DescribeInstance`: old SDK, InstanceIds JSON, AdditionalAttributes; empty list = not found. */
export async function describeInstance(c, id) {
  const { body } = await c.rpcGet('DescribeInstances', ECS_VERSION, {
    RegionId: REGION, InstanceIds: JSON.stringify([id]),
    AdditionalAttributes: ['META_OPTIONS', 'NETWORK_PRIMARY_ENI_IP', 'LOGIN_AS_NON_ROOT', 'DISK_HIGH_DENSITY_MODE'],
  });
  assertObject(body.Instances, 'Instances');
  assertList(body.Instances.Instance, 'Instances.Instance');
  return body.Instances.Instance[0] ?? null;
}

/** `InstanceStateRefreshFunc` as a wait: polls DescribeInstance until Status is one of `targets` (null = gone). */
export async function waitForInstance(c, id, targets) {
  return waitFor(async () => ({ body: await describeInstance(c, id) }), (i) => (i ? i.Status : null), targets);
}

/** resourceAliCloudInstanceCreate: RunInstances (RpcPost, ClientToken, retried on IncorrectVSwitchStatus), then wait Running. */
export async function createInstance(c, config) {
  const request = {
    RegionId: REGION, ClientToken: `RunInstances-${Date.now()}-${Math.random()}`,
    InstanceType: config.instance_type, ImageId: config.image_id,
    'SystemDisk.Category': config.system_disk_category ?? 'cloud_efficiency',
    ...(config.system_disk_size ? { 'SystemDisk.Size': config.system_disk_size } : {}),
    InstanceName: config.instance_name, Description: config.description,
    InternetChargeType: 'PayByTraffic', InternetMaxBandwidthOut: 0, InstanceChargeType: 'PostPaid',
    UserData: config.user_data ? Buffer.from(config.user_data).toString('base64') : undefined,
    SecurityEnhancementStrategy: 'Active', VSwitchId: config.vswitch_id, SecurityGroupIds: config.security_groups,
    ...Object.fromEntries(Object.entries(config.tags ?? {}).flatMap(([k, v], i) => [[`Tag.${i + 1}.Key`, k], [`Tag.${i + 1}.Value`, v]])),
  };
  const { body } = await retryOn(['IncorrectVSwitchStatus', 'Throttling'], () => c.rpcPost('RunInstances', ECS_VERSION, request));
  assertObject(body.InstanceIdSets, 'InstanceIdSets');
  assertList(body.InstanceIdSets.InstanceIdSet, 'InstanceIdSets.InstanceIdSet');
  const id = String(body.InstanceIdSets.InstanceIdSet[0]);
  assert.equal(await waitForInstance(c, id, ['Running']), 'Running');
  return id;
}

/**
 * resourceAliCloudInstanceRead: every call it makes, in order, with the assertions its Go code makes.
 * `isNew` is d.IsNewResource() (DescribeInstanceRamRole is skipped right after create).
 * Returns the state Terraform would store.
 */
export async function readInstance(c, id, { isNew = false, prePaid = false } = {}) {
  const instance = await describeInstance(c, id);
  if (!instance) return null; // !IsNewResource && NotFound: d.SetId("")

  // DescribeEcsSystemDisk: RpcPost, jsonpath $.Disks.Disk, [0].InstanceId.(string)
  const { body: disks } = await c.rpcPost('DescribeDisks', ECS_VERSION, { RegionId: REGION, InstanceId: id, DiskType: 'system' });
  assertObject(disks.Disks, 'Disks');
  assertList(disks.Disks.Disk, 'Disks.Disk');
  const disk = disks.Disks.Disk[0];
  assert.equal(typeof disk.InstanceId, 'string');
  assert.equal(disk.InstanceId, id);
  if ('Tags' in disk) assertObject(disk.Tags, 'Disk.Tags');

  const state = {
    instance_name: instance.InstanceName, description: instance.Description, status: instance.Status, availability_zone: instance.ZoneId,
    image_id: instance.ImageId, instance_type: instance.InstanceType, instance_charge_type: instance.InstanceChargeType,
    internet_max_bandwidth_out: instance.InternetMaxBandwidthOut, vpc_id: instance.VpcAttributes.VpcId, vswitch_id: instance.VpcAttributes.VSwitchId,
    private_ip: instance.VpcAttributes.PrivateIpAddress.IpAddress[0], public_ip: instance.PublicIpAddress.IpAddress[0] ?? '',
    security_groups: [...instance.SecurityGroupIds.SecurityGroupId].sort(), tags: Object.fromEntries(instance.Tags.Tag.map((t) => [t.TagKey, t.TagValue])),
    http_tokens: instance.MetadataOptions.HttpTokens, cpu: instance.Cpu, memory: instance.Memory, os_type: instance.OSType,
    dedicated_host_id: instance.DedicatedHostAttribute.DedicatedHostId, enable_high_density_mode: instance.AdditionalInfo.EnableHighDensityMode,
    login_as_non_root: instance.ImageOptions.LoginAsNonRoot,
    system_disk_category: disk.Category, system_disk_size: disk.Size, system_disk_id: disk.DiskId, system_disk_performance_level: disk.PerformanceLevel,
  };

  // DescribeUserData (old SDK)
  const { body: userData } = await c.rpcGet('DescribeUserData', ECS_VERSION, { RegionId: REGION, InstanceId: id });
  assert.equal(typeof userData.UserData, 'string');
  state.user_data = userData.UserData;

  // DescribeInstanceRamRole (old SDK), only when not new
  if (!isNew) {
    const { body: ram } = await c.rpcGet('DescribeInstanceRamRole', ECS_VERSION, { RegionId: REGION, InstanceIds: JSON.stringify([id]) });
    assertList(ram.InstanceRamRoleSets.InstanceRamRoleSet, 'InstanceRamRoleSets.InstanceRamRoleSet');
    state.role_name = ram.InstanceRamRoleSets.InstanceRamRoleSet[0]?.RamRoleName ?? '';
  }

  // The primary ENI, read twice through DescribeEcsNetworkInterface (RpcPost DescribeNetworkInterfaces)
  for (const eni of instance.NetworkInterfaces.NetworkInterface) {
    const { body } = await c.rpcPost('DescribeNetworkInterfaces', ECS_VERSION, { RegionId: REGION, NetworkInterfaceId: [eni.NetworkInterfaceId] });
    const object = body.NetworkInterfaceSets.NetworkInterfaceSet[0];
    assert.equal(object.NetworkInterfaceId, eni.NetworkInterfaceId);
    if ('Attachment' in object) assertObject(object.Attachment, 'Attachment');
    if (eni.Type === 'Primary') {
      state.network_interface_id = eni.NetworkInterfaceId;
      if (isObject(object.PrivateIpSets)) {
        for (const ip of object.PrivateIpSets.PrivateIpSet) assert.equal(typeof ip.Primary, 'boolean');
      }
    }
  }

  // DescribeInstanceMaintenanceAttribute: RpcPost, InstanceId.1, $.MaintenanceAttributes.MaintenanceAttribute
  const { body: maintenance } = await c.rpcPost('DescribeInstanceMaintenanceAttributes', ECS_VERSION, { RegionId: REGION, InstanceId: [id] });
  assertList(maintenance.MaintenanceAttributes.MaintenanceAttribute, 'MaintenanceAttributes.MaintenanceAttribute');
  const attr = maintenance.MaintenanceAttributes.MaintenanceAttribute[0];
  assert.equal(String(attr.InstanceId), id);
  if ('ActionOnMaintenance' in attr) assertObject(attr.ActionOnMaintenance, 'ActionOnMaintenance');
  state.maintenance_action = attr.ActionOnMaintenance.Value;
  state.maintenance_time = attr.MaintenanceWindows.MaintenanceWindow.map((w) => ({ start_time: w.StartTime, end_time: w.EndTime }));

  // DescribeInstanceAttribute (old SDK): InstanceId must echo
  const { body: attribute } = await c.rpcGet('DescribeInstanceAttribute', ECS_VERSION, { RegionId: REGION, InstanceId: id });
  assert.equal(attribute.InstanceId, id);
  state.enable_jumbo_frame = attribute.EnableJumboFrame;

  if (prePaid) {
    const { body: renew } = await c.rpcGet('DescribeInstanceAutoRenewAttribute', ECS_VERSION, { RegionId: REGION, InstanceId: id });
    state.renewal_status = renew.InstanceRenewAttributes.InstanceRenewAttribute[0]?.RenewalStatus;
  }

  // DescribeInstanceAttachmentAttributes: RpcPost, $.Instances.Instance[*]
  const { body: attachment } = await c.rpcPost('DescribeInstanceAttachmentAttributes', ECS_VERSION, { InstanceIds: `["${id}"]`, RegionId: REGION });
  assertList(attachment.Instances.Instance, 'Instances.Instance');
  state.private_pool_options_match_criteria = attachment.Instances.Instance[0].PrivatePoolOptionsMatchCriteria;

  // DescribeEcsInstance: RpcPost DescribeInstances; CpuOptions, when present, .(map[string]interface{})
  const { body: again } = await c.rpcPost('DescribeInstances', ECS_VERSION, {
    RegionId: REGION, InstanceIds: JSON.stringify([id]),
    AdditionalAttributes: ['META_OPTIONS', 'NETWORK_PRIMARY_ENI_IP', 'LOGIN_AS_NON_ROOT', 'LOGIN_AS_NON_ROOT', 'CPU_OPTIONS_TOPOLOGY_TYPE'],
  });
  const ecsInstance = again.Instances.Instance[0];
  if ('CpuOptions' in ecsInstance) assertObject(ecsInstance.CpuOptions, 'CpuOptions');
  state.spot_interruption_behavior = ecsInstance.SpotInterruptionBehavior;
  return state;
}

/** Update of security_groups: LeaveSecurityGroups then JoinSecurityGroups (old SDK), errors swallowed as the provider does. */
export async function updateSecurityGroups(c, id, oldGroups, newGroups) {
  const calls = [];
  for (const sg of oldGroups.filter((g) => !newGroups.includes(g))) {
    try {
      await c.rpcGet('LeaveSecurityGroup', ECS_VERSION, { RegionId: REGION, InstanceId: id, SecurityGroupId: sg });
      calls.push(['LeaveSecurityGroup', sg, 'ok']);
    } catch (error) {
      // LeaveSecurityGroups returns only InvalidSecurityGroupId.NotFound; any other error is dropped
      if (error.code === 'InvalidSecurityGroupId.NotFound') throw error;
      calls.push(['LeaveSecurityGroup', sg, error.code]);
    }
  }
  for (const sg of newGroups.filter((g) => !oldGroups.includes(g))) {
    try {
      await c.rpcGet('JoinSecurityGroup', ECS_VERSION, { RegionId: REGION, InstanceId: id, SecurityGroupId: sg });
      calls.push(['JoinSecurityGroup', sg, 'ok']);
    } catch (error) {
      if (error.code === 'InvalidInstanceId.AlreadyExists') throw error;
      calls.push(['JoinSecurityGroup', sg, error.code]);
    }
  }
  return calls;
}

/** modifyInstanceAttribute: RpcPost ModifyInstanceAttribute with RegionId and ClientToken. */
export async function modifyInstanceAttribute(c, id, changes) {
  await retryOn(['InvalidChargeType.ValueNotSupported'], () => c.rpcPost('ModifyInstanceAttribute', ECS_VERSION, {
    RegionId: REGION, ClientToken: `ModifyInstanceAttribute-${Date.now()}`, InstanceId: id, ...changes,
  }));
}

/** resourceAliCloudInstanceDelete: DeleteInstance Force=true (old SDK), retried on IncorrectInstanceStatus, EcsNotFound tolerated; then wait gone. */
export async function destroyInstance(c, id) {
  try {
    await retryOn(['IncorrectInstanceStatus', 'DependencyViolation.RouteEntry', 'IncorrectInstanceStatus.Initializing', 'Throttling', 'LastTokenProcessing'],
      () => c.rpcGet('DeleteInstance', ECS_VERSION, { RegionId: REGION, InstanceId: id, Force: true }));
  } catch (error) {
    if (!isGone(error)) throw error;
  }
  assert.equal(await waitForInstance(c, id, [null]), null);
}
