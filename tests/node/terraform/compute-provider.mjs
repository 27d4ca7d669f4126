// Terraform alicloud provider's compute code paths, re-enacted call for call (resource_alicloud_instance.go,
// service_alicloud_ecs.go, data_source_alicloud_{zones,instance_types,images}.go). Calls the provider makes through
// `client.RpcPost` go through `rpcPost`; those it makes through the older alibaba-cloud-sdk-go (`client.WithEcsClient`)
// through `rpcGet` (query-only, as that SDK sends them). Each helper asserts what the Go code type-asserts on the
// answer, so a missing container, a null object or a float where `formatInt` wants an integer fails here, not in Go.
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { ECS_VERSION, VPC_VERSION, retryOn, waitFor } from './tf-client.mjs';

export const REGION = 'cn-hangzhou';

/** The provider's NotFoundError: any 404 (InvalidAction.NotFound included) or one of EcsNotFound's codes. */
export const isGone = (error) => error.statusCode === 404 || ['InvalidInstanceId.NotFound', 'Forbidden.InstanceNotFound'].includes(error.code);

export const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** tagsToMap: `Tags.Tag[{TagKey, TagValue}]` to a map, dropping Alibaba's own keys (tagIgnored / ecsTagIgnored). */
export const tagIgnored = (key) => /^(aliyun|acs:|http:\/\/|https:\/\/)/.test(key);
export function tagsToMap(tags) {
  assertList(tags, 'Tags.Tag');
  return Object.fromEntries(tags.filter((t) => !tagIgnored(t.TagKey ?? t.Key)).map((t) => [t.TagKey ?? t.Key, t.TagValue ?? t.Value]));
}

/** `ecsService.DescribeEcsNetworkInterface`: RpcPost DescribeNetworkInterfaces `NetworkInterfaceId.1`; the first item must echo the ID. */
export async function describeEcsNetworkInterface(c, id) {
  const { body } = await c.rpcPost('DescribeNetworkInterfaces', ECS_VERSION, { RegionId: REGION, NetworkInterfaceId: [id] });
  assertList(body.NetworkInterfaceSets.NetworkInterfaceSet, 'NetworkInterfaceSets.NetworkInterfaceSet');
  const object = body.NetworkInterfaceSets.NetworkInterfaceSet[0];
  assert.ok(object, `ENI ${id} not found`);
  assert.equal(object.NetworkInterfaceId, id);
  if ('Attachment' in object) assertObject(object.Attachment, 'Attachment'); // attachment.(map[string]interface{})
  return object;
}
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

/**
 * `resource.StateChangeConf` over `InstanceStateRefreshFunc`: polls until Status is one of `targets`; a status in neither
 * `pending` nor `targets` is the provider's "unexpected state" error (an empty `pending` accepts anything while waiting).
 */
export async function waitForInstanceState(c, id, pending, targets) {
  return waitFor(async () => ({ body: await describeInstance(c, id) }), (i) => {
    const status = i ? i.Status : '';
    if (pending.length > 0 && !pending.includes(status) && !targets.includes(status)) {
      assert.fail(`unexpected state '${status}', wanted target '${targets.join(', ')}'`);
    }
    return status;
  }, targets);
}

/** A client that records every call (`[Action, params]`), to assert the provider's sequence and what it sends. */
export function recording(c) {
  const calls = [];
  const wrap = (fn) => (action, version, params = {}) => {
    calls.push([action, params]);
    return fn(action, version, params);
  };
  return { calls, client: { ...c, rpcPost: wrap(c.rpcPost), rpcGet: wrap(c.rpcGet) } };
}

/** The secondary `NetworkInterface.N` maps resourceAliCloudInstanceCreate builds from `network_interfaces` (every schema key is
 * present in each element, zero when not configured, so VSwitchId, NetworkInterfaceTrafficMode and SourceDestCheck always go). */
async function launchNetworkInterfaces(c, config) {
  // isSupportedNetworkCardIndex: RpcPost DescribeInstanceTypes InstanceTypes.1; supported when the type lists NetworkCards
  const { body } = await c.rpcPost('DescribeInstanceTypes', ECS_VERSION, { InstanceTypes: [config.instance_type] });
  assertList(body.InstanceTypes.InstanceType, 'InstanceTypes.InstanceType');
  const cardIndexSupported = body.InstanceTypes.InstanceType.some((t) => t.InstanceTypeId === config.instance_type && 'NetworkCards' in t);
  return config.network_interfaces.map((ni) => {
    const arg = { network_interface_id: '', vswitch_id: '', network_interface_traffic_mode: '', network_card_index: 0, queue_pair_number: 0,
      source_dest_check: false, security_group_ids: [], ...ni };
    if (arg.network_interface_id !== '') return { NetworkInterfaceId: arg.network_interface_id };
    return {
      InstanceType: 'Secondary', VSwitchId: arg.vswitch_id, NetworkInterfaceTrafficMode: arg.network_interface_traffic_mode,
      ...(cardIndexSupported ? { NetworkCardIndex: arg.network_card_index } : {}),
      ...(arg.queue_pair_number !== 0 ? { QueuePairNumber: arg.queue_pair_number } : {}),
      SourceDestCheck: arg.source_dest_check, SecurityGroupIds: arg.security_group_ids,
    };
  });
}

/** resourceAliCloudInstanceCreate: RunInstances (RpcPost, ClientToken, retried on IncorrectVSwitchStatus), then wait Running. */
export async function createInstance(c, config) {
  const request = {
    RegionId: REGION, ClientToken: `RunInstances-${Date.now()}-${Math.random()}`,
    InstanceType: config.instance_type, ImageId: config.image_id,
    'SystemDisk.Category': config.system_disk_category ?? 'cloud_efficiency',
    ...(config.system_disk_size ? { 'SystemDisk.Size': config.system_disk_size } : {}),
    // d.GetOk: only set, non-zero values go
    ...Object.fromEntries([['system_disk_name', 'SystemDisk.DiskName'], ['system_disk_description', 'SystemDisk.Description'],
      ['system_disk_performance_level', 'SystemDisk.PerformanceLevel'], ['system_disk_auto_snapshot_policy_id', 'SystemDisk.AutoSnapshotPolicyId']]
      .filter(([key]) => config[key]).map(([key, wire]) => [wire, config[key]])),
    InstanceName: config.instance_name, Description: config.description,
    InternetChargeType: 'PayByTraffic', InternetMaxBandwidthOut: 0, InstanceChargeType: 'PostPaid',
    UserData: config.user_data ? Buffer.from(config.user_data).toString('base64') : undefined,
    SecurityEnhancementStrategy: 'Active',
    ...Object.fromEntries(Object.entries(config.tags ?? {}).flatMap(([k, v], i) => [[`Tag.${i + 1}.Key`, k], [`Tag.${i + 1}.Value`, v]])),
  };
  const primaryOptions = ['network_interface_id', 'network_interface_traffic_mode', 'network_card_index', 'queue_pair_number', 'source_dest_check'];
  const networkInterfaces = [];
  if (primaryOptions.some((k) => config[k] !== undefined)) {
    // a primary-ENI block, NetworkInterface.1 with InstanceType=Primary, carries the vSwitch, groups, address and IPv6 instead
    networkInterfaces.push(config.network_interface_id ? { InstanceType: 'Primary', NetworkInterfaceId: config.network_interface_id } : {
      InstanceType: 'Primary', SecurityGroupIds: config.security_groups, VSwitchId: config.vswitch_id,
      ...(config.vswitch_id && config.private_ip ? { PrimaryIpAddress: config.private_ip } : {}),
      Ipv6Address: config.ipv6_addresses, Ipv6AddressCount: config.ipv6_address_count,
      NetworkInterfaceTrafficMode: config.network_interface_traffic_mode, NetworkCardIndex: config.network_card_index,
      QueuePairNumber: config.queue_pair_number, SourceDestCheck: config.source_dest_check,
    });
  } else {
    Object.assign(request, {
      VSwitchId: config.vswitch_id,
      // only with a vSwitch: request["PrivateIpAddress"] = d.GetOk("private_ip")
      ...(config.vswitch_id && config.private_ip ? { PrivateIpAddress: config.private_ip } : {}),
      SecurityGroupIds: config.security_groups, Ipv6Address: config.ipv6_addresses, Ipv6AddressCount: config.ipv6_address_count,
    });
  }
  if (config.network_interfaces?.length) networkInterfaces.push(...await launchNetworkInterfaces(c, config));
  if (networkInterfaces.length > 0) request.NetworkInterface = networkInterfaces;
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
    system_disk_name: disk.DiskName, system_disk_description: disk.Description, system_disk_auto_snapshot_policy_id: disk.AutoSnapshotPolicyId,
    system_disk_storage_cluster_id: disk.StorageClusterId, system_disk_encrypted: disk.Encrypted, system_disk_kms_key_id: disk.KMSKeyId,
    system_disk_provisioned_iops: disk.ProvisionedIops,
    ...(disk.BurstingEnabled !== undefined && disk.BurstingEnabled !== null ? { system_disk_bursting_enabled: disk.BurstingEnabled } : {}),
    // `if v, ok := sysDisk["Tags"].(map[string]interface{}); ok { d.Set("volume_tags", tagsToMap(v["Tag"])) }`
    ...(isObject(disk.Tags) ? { volume_tags: tagsToMap(disk.Tags.Tag) } : {}),
    stopped_mode: instance.StoppedMode, key_name: instance.KeyPairName,
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

  // Each ENI of DescribeInstances' NetworkInterfaces through DescribeEcsNetworkInterface (RpcPost DescribeNetworkInterfaces,
  // NetworkInterfaceId.1): the primary's attributes, the secondaries as `network_interfaces`; then the primary again for its
  // secondary private IPs and IPv6 addresses.
  let primaryId = '';
  const secondaries = [];
  for (const eni of instance.NetworkInterfaces.NetworkInterface) {
    const object = await describeEcsNetworkInterface(c, eni.NetworkInterfaceId);
    const cardIndex = 'Attachment' in object ? object.Attachment.NetworkCardIndex : undefined;
    if (eni.Type === 'Primary') {
      primaryId = eni.NetworkInterfaceId;
      Object.assign(state, {
        primary_ip_address: eni.PrimaryIpAddress, network_interface_traffic_mode: object.NetworkInterfaceTrafficMode,
        queue_pair_number: object.QueuePairNumber, source_dest_check: object.SourceDestCheck,
        ...(cardIndex !== undefined ? { network_card_index: cardIndex } : {}),
      });
    } else {
      const map = {
        network_interface_id: eni.NetworkInterfaceId, vswitch_id: object.VSwitchId, network_interface_traffic_mode: object.NetworkInterfaceTrafficMode,
        queue_pair_number: object.QueuePairNumber, source_dest_check: object.SourceDestCheck,
      };
      if ('SecurityGroupIds' in object) {
        assertObject(object.SecurityGroupIds, 'SecurityGroupIds'); // securityGroupIds.(map[string]interface{})
        if ('SecurityGroupId' in object.SecurityGroupIds) map.security_group_ids = object.SecurityGroupIds.SecurityGroupId;
      }
      if (cardIndex !== undefined) map.network_card_index = cardIndex;
      secondaries.push(map);
    }
  }
  state.network_interfaces = secondaries;
  if (primaryId) {
    state.network_interface_id = primaryId;
    const object = await describeEcsNetworkInterface(c, primaryId);
    if (isObject(object.PrivateIpSets) && Array.isArray(object.PrivateIpSets.PrivateIpSet)) {
      const secondary = [];
      for (const ip of object.PrivateIpSets.PrivateIpSet) {
        if (!isObject(ip)) continue;
        assert.equal(typeof ip.Primary, 'boolean', 'PrivateIpSet.Primary is .(bool)'); // panics otherwise
        if (!ip.Primary) secondary.push(ip.PrivateIpAddress);
      }
      state.secondary_private_ips = secondary.sort(); // a Set
      state.secondary_private_ip_address_count = secondary.length;
    }
    if (isObject(object.Ipv6Sets) && Array.isArray(object.Ipv6Sets.Ipv6Set)) {
      state.ipv6_addresses = object.Ipv6Sets.Ipv6Set.map((s) => s.Ipv6Address).sort(); // a Set
      state.ipv6_address_count = state.ipv6_addresses.length;
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

const sorted = (v) => (Array.isArray(v) ? [...v].sort() : v);
/** d.HasChange(key) for a planned value: set in the plan and different from the prior state (sets compared unordered). */
const hasChange = (prior, plan, key) => plan[key] !== undefined && !isDeepStrictEqual(sorted(plan[key]), sorted(prior[key]));
/** d.Get / d.GetOk: the planned value, else the prior state's. */
const planned = (prior, plan, key) => (plan[key] !== undefined ? plan[key] : prior[key]);

/** d.GetChange of a Set: [old minus new, new minus old]. */
function setChange(prior, plan, key) {
  const before = prior[key] ?? [];
  const after = plan[key];
  return [before.filter((v) => !after.includes(v)), after.filter((v) => !before.includes(v))];
}

async function primaryNetworkInterfaceId(c, id) {
  const instance = await describeInstance(c, id);
  return instance.NetworkInterfaces.NetworkInterface.find((n) => n.Type === 'Primary')?.NetworkInterfaceId ?? '';
}

/** setVolumeTags (tags.go): old SDK DescribeDisks by InstanceId (every disk), then updateTags with ResourceType=disk on all of them. */
async function setVolumeTags(c, id, prior, plan, isNew) {
  if (!hasChange(prior, plan, 'volume_tags')) return;
  const { body } = await c.rpcGet('DescribeDisks', ECS_VERSION, { RegionId: REGION, InstanceId: id });
  assertList(body.Disks.Disk, 'Disks.Disk');
  assert.ok(body.Disks.Disk.length > 0, 'the system disk cannot be queried in this instance');
  const ids = body.Disks.Disk.map((d) => d.DiskId);
  const systemDiskTag = {};
  for (const disk of body.Disks.Disk.filter((d) => d.Type === 'system')) {
    for (const t of disk.Tags.Tag) if (!tagIgnored(t.TagKey)) systemDiskTag[t.TagKey] = t.TagValue;
  }
  await updateTags(c, ids, 'disk', isNew ? systemDiskTag : prior.volume_tags ?? {}, plan.volume_tags);
}

/** updateTags (tags.go, old SDK): UntagResources of the old tags whose key is gone or whose value changed, then TagResources of
 * every new tag (diffTags re-creates them all). */
async function updateTags(c, ids, resourceType, oldTags, newTags) {
  const remove = Object.keys(oldTags).filter((k) => newTags[k] !== oldTags[k]);
  if (remove.length > 0) {
    await c.rpcGet('UntagResources', ECS_VERSION, { RegionId: REGION, ResourceType: resourceType, ResourceId: ids, TagKey: remove });
  }
  const create = Object.entries(newTags).map(([Key, Value]) => ({ Key, Value }));
  if (create.length > 0) {
    await c.rpcGet('TagResources', ECS_VERSION, { RegionId: REGION, ResourceType: resourceType, ResourceId: ids, Tag: create });
  }
}

/**
 * The stop / change / start block of resourceAliCloudInstanceUpdate, for `vswitch_id` / `private_ip` (modifyVpcAttribute) and
 * `status`: old-SDK StopInstance (ForceStop=false, StoppedMode from d.GetOk("stopped_mode"), retried on IncorrectInstanceStatus),
 * the Stopped wait, ModifyInstanceVpcAttribute (retried on OperationConflict) and WaitForVpcAttributesChanged, then StartInstance
 * (retried on IncorrectInstanceStatus / InvalidOperation.Conflict) and the Running wait when the target status is Running.
 */
async function stopChangeStart(c, id, prior, plan, isNew) {
  const vpcUpdate = !isNew && (hasChange(prior, plan, 'vswitch_id') || hasChange(prior, plan, 'private_ip'));
  const target = planned(prior, plan, 'status');
  let statusUpdate = hasChange(prior, plan, 'status');
  if (isNew && target === 'Running') statusUpdate = false;
  if (!vpcUpdate && !statusUpdate) return;

  const instance = await describeInstance(c, id);
  if ((statusUpdate && target === 'Stopped') || instance.Status === 'Running') {
    const stoppedMode = planned(prior, plan, 'stopped_mode');
    await retryOn(['IncorrectInstanceStatus'], () => c.rpcGet('StopInstance', ECS_VERSION, {
      RegionId: REGION, InstanceId: id, ForceStop: false, ...(stoppedMode ? { StoppedMode: stoppedMode } : {}),
    }));
    await waitForInstanceState(c, id, ['Pending', 'Running', 'Stopping'], ['Stopped']);
  }
  if (vpcUpdate) {
    const request = { RegionId: REGION, InstanceId: id, VSwitchId: planned(prior, plan, 'vswitch_id') };
    if (hasChange(prior, plan, 'private_ip')) request.PrivateIpAddress = plan.private_ip;
    await retryOn(['OperationConflict'], () => c.rpcGet('ModifyInstanceVpcAttribute', ECS_VERSION, request));
    // WaitForVpcAttributesChanged: DescribeInstance until the primary IP (when one was asked for) and the vSwitch match
    await waitFor(async () => ({ body: await describeInstance(c, id) }), (i) =>
      (!request.PrivateIpAddress || i.VpcAttributes.PrivateIpAddress.IpAddress[0] === request.PrivateIpAddress)
      && i.VpcAttributes.VSwitchId === request.VSwitchId, [true]);
  }
  if (target === 'Running') {
    await retryOn(['IncorrectInstanceStatus', 'InvalidOperation.Conflict', 'Throttling'],
      () => c.rpcGet('StartInstance', ECS_VERSION, { RegionId: REGION, InstanceId: id }));
    await waitForInstanceState(c, id, ['Pending', 'Starting', 'Stopped'], ['Running']);
  }
}

/** Assign / UnassignPrivateIpAddresses on the primary ENI for `secondary_private_ips` (addresses) and `_count` (a count). */
async function updateSecondaryPrivateIps(c, id, prior, plan) {
  const retry = ['OperationConflict', 'Operation.Conflict', 'Throttling'];
  if (hasChange(prior, plan, 'secondary_private_ips')) {
    const eni = await primaryNetworkInterfaceId(c, id);
    const [remove, create] = setChange(prior, plan, 'secondary_private_ips');
    for (const [action, ips] of [['UnassignPrivateIpAddresses', remove], ['AssignPrivateIpAddresses', create]]) {
      if (ips.length === 0) continue;
      await retryOn(retry, () => c.rpcPost(action, ECS_VERSION, {
        RegionId: REGION, NetworkInterfaceId: eni, ClientToken: `${action}-${Date.now()}`,
        ...Object.fromEntries(ips.map((ip, i) => [`PrivateIpAddress.${i + 1}`, ip])),
      }));
    }
  }
  if (hasChange(prior, plan, 'secondary_private_ip_address_count')) {
    const eni = await primaryNetworkInterfaceId(c, id);
    const privateIpList = planned(prior, plan, 'secondary_private_ips') ?? [];
    const oldCount = prior.secondary_private_ip_address_count ?? 0;
    const newCount = plan.secondary_private_ip_address_count;
    if (newCount === privateIpList.length) return;
    const diff = newCount - oldCount;
    if (diff > 0) {
      await retryOn(retry, () => c.rpcPost('AssignPrivateIpAddresses', ECS_VERSION, {
        RegionId: REGION, NetworkInterfaceId: eni, ClientToken: `AssignPrivateIpAddresses-${Date.now()}`, SecondaryPrivateIpAddressCount: diff,
      }));
    } else if (diff < 0) {
      await retryOn(retry, () => c.rpcPost('UnassignPrivateIpAddresses', ECS_VERSION, {
        RegionId: REGION, NetworkInterfaceId: eni, ClientToken: `UnassignPrivateIpAddresses-${Date.now()}`,
        ...Object.fromEntries(privateIpList.slice(0, -diff).map((ip, i) => [`PrivateIpAddress.${i + 1}`, ip])),
      }));
    }
  }
}

/** Unassign- then AssignIpv6Addresses (RpcPost, `Ipv6Address.N`) on the primary ENI, only for an existing instance. */
async function updateIpv6Addresses(c, id, prior, plan, isNew) {
  if (isNew || !hasChange(prior, plan, 'ipv6_addresses')) return;
  const eni = await primaryNetworkInterfaceId(c, id);
  const [removed, added] = setChange(prior, plan, 'ipv6_addresses');
  for (const [action, addresses] of [['UnassignIpv6Addresses', removed], ['AssignIpv6Addresses', added]]) {
    if (addresses.length === 0) continue;
    await retryOn(['Throttling'], () => c.rpcPost(action, ECS_VERSION, {
      RegionId: REGION, ClientToken: `${action}-${Date.now()}`, NetworkInterfaceId: eni, Ipv6Address: addresses,
    }));
  }
}

/** DescribeEcsDisk: RpcPost DescribeDisks by `DiskIds` (a JSON array), the disk or null. */
async function describeEcsDisk(c, diskId) {
  const { body } = await c.rpcPost('DescribeDisks', ECS_VERSION, { RegionId: REGION, DiskIds: JSON.stringify([diskId]) });
  assertList(body.Disks.Disk, 'Disks.Disk');
  return body.Disks.Disk[0] ?? null;
}

/**
 * The system-disk block of resourceAliCloudInstanceUpdate (not for a new resource): DescribeEcsSystemDisk, then ModifyDiskSpec
 * (RpcPost; PerformanceLevel / ProvisionedIops when changed) and the Available / In_use wait over DescribeEcsDisk; ResizeDisk
 * (old SDK: NewSize, Type online unless the instance is Stopped, DiskId); ApplyAutoSnapshotPolicy (RpcPost, Alibaba's
 * lower-case autoSnapshotPolicyId and diskIds as a JSON array); ModifyDiskAttribute (RpcPost without RegionId; DiskName and
 * Description are always sent, as d.Get has them, BurstingEnabled only when changed).
 */
async function updateSystemDisk(c, id, prior, plan) {
  const keys = ['system_disk_size', 'system_disk_auto_snapshot_policy_id', 'system_disk_name', 'system_disk_description',
    'system_disk_performance_level', 'system_disk_provisioned_iops', 'system_disk_bursting_enabled'];
  if (!keys.some((k) => hasChange(prior, plan, k))) return;
  const { body: disks } = await c.rpcPost('DescribeDisks', ECS_VERSION, { RegionId: REGION, InstanceId: id, DiskType: 'system' });
  const disk = disks.Disks.Disk[0];
  assert.equal(typeof disk.DiskId, 'string'); // disk["DiskId"].(string)
  if (hasChange(prior, plan, 'system_disk_performance_level') || hasChange(prior, plan, 'system_disk_provisioned_iops')) {
    const request = { RegionId: REGION, DiskId: disk.DiskId };
    if (hasChange(prior, plan, 'system_disk_performance_level')) request.PerformanceLevel = plan.system_disk_performance_level;
    if (hasChange(prior, plan, 'system_disk_provisioned_iops')) request.ProvisionedIops = plan.system_disk_provisioned_iops;
    await retryOn(['ServiceUnavailable', 'Throttling.ConcurrentLimitExceeded', 'Throttling'], () => c.rpcPost('ModifyDiskSpec', ECS_VERSION, request));
    await waitFor(async () => ({ body: await describeEcsDisk(c, disk.DiskId) }), (d) => (d ? d.Status : null), ['Available', 'In_use']);
  }
  if (hasChange(prior, plan, 'system_disk_size')) {
    const instance = await describeInstance(c, id);
    await c.rpcGet('ResizeDisk', ECS_VERSION, {
      RegionId: REGION, NewSize: plan.system_disk_size, Type: instance.Status === 'Stopped' ? 'offline' : 'online', DiskId: disk.DiskId,
    });
  }
  if (hasChange(prior, plan, 'system_disk_auto_snapshot_policy_id')) {
    await retryOn(['Throttling'], () => c.rpcPost('ApplyAutoSnapshotPolicy', ECS_VERSION, {
      RegionId: REGION, autoSnapshotPolicyId: plan.system_disk_auto_snapshot_policy_id, diskIds: JSON.stringify([disk.DiskId]),
    }));
  }
  if (hasChange(prior, plan, 'system_disk_name') || hasChange(prior, plan, 'system_disk_description') || hasChange(prior, plan, 'system_disk_bursting_enabled')) {
    const request = { DiskId: disk.DiskId, DiskName: planned(prior, plan, 'system_disk_name') ?? '', Description: planned(prior, plan, 'system_disk_description') ?? '' };
    if (hasChange(prior, plan, 'system_disk_bursting_enabled')) request.BurstingEnabled = plan.system_disk_bursting_enabled;
    await retryOn(['Throttling'], () => c.rpcPost('ModifyDiskAttribute', ECS_VERSION, request));
  }
}

/**
 * resourceAliCloudInstanceUpdate for the arguments re-enacted here, in its order: tags, volume_tags, security_groups, the
 * system disk (system_disk_*), the stop / ModifyInstanceVpcAttribute / start block (vswitch_id, private_ip, status), secondary_private_ips(_count), ipv6_addresses.
 * `prior` is the state (empty for a new resource), `plan` the configuration's values. Also run right after create (isNew).
 */
export async function updateInstance(c, id, prior, plan, { isNew = false } = {}) {
  if (!isNew && hasChange(prior, plan, 'tags')) await updateTags(c, [id], 'instance', prior.tags ?? {}, plan.tags); // setTags
  await setVolumeTags(c, id, prior, plan, isNew);
  if (!isNew && hasChange(prior, plan, 'security_groups')) await updateSecurityGroups(c, id, prior.security_groups, plan.security_groups);
  if (!isNew) await updateSystemDisk(c, id, prior, plan);
  await stopChangeStart(c, id, prior, plan, isNew);
  await updateSecondaryPrivateIps(c, id, prior, plan);
  await updateIpv6Addresses(c, id, prior, plan, isNew);
}

/** terraform apply of a new alicloud_instance: Create (RunInstances, the Running wait), Update with IsNewResource, Read. */
export async function applyInstance(c, config) {
  const id = await createInstance(c, config);
  await updateInstance(c, id, {}, config, { isNew: true });
  return { id, state: await readInstance(c, id, { isNew: true }) };
}

/** terraform apply of a changed configuration: Update, then Read. */
export async function applyInstanceUpdate(c, id, prior, plan) {
  await updateInstance(c, id, prior, plan);
  return readInstance(c, id);
}

/**
 * The next plan's diff: every configured argument whose state differs (sets unordered; for `network_interfaces`, each
 * configured key of each element). Empty means no perpetual diff.
 */
const SET_ARGUMENTS = new Set(['security_groups', 'secondary_private_ips', 'ipv6_addresses']); // TypeSet: order-free; lists are not

export function planDiff(state, config) {
  const diff = {};
  for (const [key, want] of Object.entries(config)) {
    if (key === 'network_interfaces') {
      // a TypeList of blocks, compared element by element and, inside, security_group_ids (a TypeList) in order
      const got = state.network_interfaces ?? [];
      if (got.length !== want.length || want.some((ni, i) => Object.entries(ni).some(([k, v]) => !isDeepStrictEqual(got[i][k], v)))) {
        diff[key] = [got, want];
      }
    } else if (['user_data', 'system_disk_category', 'system_disk_size', 'instance_charge_type'].includes(key)) {
      continue; // compared as the suites of instance.test.mjs do (user_data is hashed/encoded by the provider)
    } else if (key === 'tags' || key === 'volume_tags') {
      if (!isDeepStrictEqual(state[key] ?? {}, want)) diff[key] = [state[key], want];
    } else if (SET_ARGUMENTS.has(key) ? !isDeepStrictEqual(sorted(state[key]), sorted(want)) : !isDeepStrictEqual(state[key], want)) {
      diff[key] = [state[key], want];
    }
  }
  return diff;
}

/** Refresh: a second Read gives the same state (`role_name` aside: it is read only when not new), and the configuration shows
 * no diff. */
export async function assertSteady(c, id, state, config) {
  const refreshed = await readInstance(c, id);
  assert.deepEqual({ ...refreshed, role_name: undefined }, { ...state, role_name: undefined });
  assert.deepEqual(planDiff(refreshed, config), {});
  return refreshed;
}

/** RebootEcsInstance (service_alicloud_ecs.go; after a key pair change): RpcPost RebootInstance InstanceId, ForceStop=true, then
 * the Running wait. StartEcsInstance is the same call shape for StartInstance (without ForceStop). */
export async function rebootEcsInstance(c, id) {
  await retryOn(['Throttling', 'ServiceUnavailable'], () => c.rpcPost('RebootInstance', ECS_VERSION, { InstanceId: id, ForceStop: true }));
  await waitForInstanceState(c, id, [], ['Running']);
}

export async function startEcsInstance(c, id) {
  await retryOn(['IncorrectInstanceStatus', 'InvalidOperation.Conflict', 'Throttling'], () => c.rpcPost('StartInstance', ECS_VERSION, { InstanceId: id }));
  await waitForInstanceState(c, id, [], ['Running']);
}

/**
 * The network an instance suite runs in (made directly, as alicloud_vpc / alicloud_vswitch / alicloud_security_group would
 * leave it): a VPC 172.16.0.0/12, vSwitches `vsw1`, `vsw2`, ... in cn-hangzhou-h (the first with IPv6 when `ipv6`), groups
 * `sg`, `sg2`, ...; `destroy()` removes them all (after the suite's instances), so suites do not use up the VPC quota.
 */
export async function instanceNetwork(c, { name, cidrs = ['172.16.0.0/24'], groups = 1, ipv6 = false }) {
  const vpc = (await c.rpcPost('CreateVpc', VPC_VERSION, { RegionId: REGION, CidrBlock: '172.16.0.0/12', VpcName: name, EnableIpv6: ipv6 || undefined })).body.VpcId;
  const net = { vpc };
  for (const [i, cidr] of cidrs.entries()) {
    net[`vsw${i + 1}`] = (await c.rpcPost('CreateVSwitch', VPC_VERSION, {
      RegionId: REGION, VpcId: vpc, ZoneId: 'cn-hangzhou-h', CidrBlock: cidr, Ipv6CidrBlock: ipv6 && i === 0 ? 1 : undefined,
    })).body.VSwitchId;
  }
  for (let i = 0; i < groups; i++) {
    net[i === 0 ? 'sg' : `sg${i + 1}`] = (await c.rpcPost('CreateSecurityGroup', ECS_VERSION, { RegionId: REGION, VpcId: vpc, SecurityGroupName: `${name}-${i + 1}` })).body.SecurityGroupId;
  }
  net.destroy = async () => {
    for (const [key, id] of Object.entries(net)) {
      if (/^sg\d*$/.test(key)) await c.rpcPost('DeleteSecurityGroup', ECS_VERSION, { RegionId: REGION, SecurityGroupId: id });
    }
    for (const [key, id] of Object.entries(net)) {
      if (/^vsw\d+$/.test(key)) await c.rpcPost('DeleteVSwitch', VPC_VERSION, { RegionId: REGION, VSwitchId: id });
    }
    await c.rpcPost('DeleteVpc', VPC_VERSION, { RegionId: REGION, VpcId: vpc });
  };
  return net;
}
