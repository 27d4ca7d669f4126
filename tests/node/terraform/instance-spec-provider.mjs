// Terraform's alicloud provider changing an alicloud_instance in place for `instance_type`, `image_id`,
// `instance_charge_type`, `key_name` and `role_name`, re-enacted call for call from resource_alicloud_instance.go
// (resourceAliCloudInstanceUpdate: modifyInstanceChargeType before the stop block; the stop / modifyInstanceImage /
// modifyInstanceType / start block; the key pair and RAM role sections) and service_alicloud_ecs.go (AttachKeyPair,
// DescribeInstanceSystemDisk, RebootEcsInstance, StartEcsInstance). Calls the provider makes with the old
// alibaba-cloud-sdk-go go through `rpcGet`, those through `client.RpcPost` through `rpcPost` (compute-provider.mjs says why).
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { ECS_VERSION, retryOn, waitFor } from './tf-client.mjs';
import {
  REGION, assertList, describeInstance, readInstance, rebootEcsInstance, startEcsInstance, waitForInstanceState,
} from './compute-provider.mjs';

/** d.HasChange for a planned value (set in the plan and different from the state). */
const hasChange = (prior, plan, key) => plan[key] !== undefined && !isDeepStrictEqual(plan[key], prior[key]);
/** d.Get: the planned value, else the state's; `fallback` is the schema default. */
const planned = (prior, plan, key, fallback) => plan[key] ?? prior[key] ?? fallback;
const clientToken = (action) => `${action}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

/** ecsService.DescribeInstanceSystemDisk(id, "", diskId): old-SDK DescribeDisks by DiskIds (JSON) with RegionId; Disks.Disk[0]. */
async function describeInstanceSystemDisk(c, diskId) {
  const { body } = await c.rpcGet('DescribeDisks', ECS_VERSION, { DiskIds: JSON.stringify([diskId]), RegionId: REGION });
  assertList(body.Disks.Disk, 'Disks.Disk');
  assert.ok(body.Disks.Disk.length > 0, `system disk ${diskId} not found`);
  return body.Disks.Disk[0];
}

/** ecsService.AttachKeyPair: old SDK, RegionId, KeyPairName, InstanceIds (JSON), retried on ServiceUnavailable. */
async function attachKeyPairService(c, keyPairName, id) {
  await retryOn(['ServiceUnavailable'], () => c.rpcGet('AttachKeyPair', ECS_VERSION, {
    RegionId: REGION, KeyPairName: keyPairName, InstanceIds: JSON.stringify([id]),
  }));
}

/** modifyInstanceChargeType: old SDK ModifyInstanceChargeType (InstanceIds JSON, IncludeDataDisks, AutoPay=true, DryRun, ClientToken;
 * Period and PeriodUnit only to PrePaid), retried on InternalError, then DescribeInstance until the method shows. */
async function modifyInstanceChargeType(c, id, prior, plan) {
  const chargeType = planned(prior, plan, 'instance_charge_type');
  const request = {
    InstanceIds: JSON.stringify([id]), IncludeDataDisks: planned(prior, plan, 'include_data_disks', true), AutoPay: true,
    DryRun: planned(prior, plan, 'dry_run', false), ClientToken: clientToken('ModifyInstanceChargeType'),
  };
  if (chargeType === 'PrePaid') {
    const period = planned(prior, plan, 'period');
    if (period) request.Period = period; // d.GetOk("period")
    request.PeriodUnit = planned(prior, plan, 'period_unit', 'Month');
  }
  request.InstanceChargeType = chargeType;
  await retryOn(['InternalError', 'Throttling'], () => c.rpcGet('ModifyInstanceChargeType', ECS_VERSION, request));
  await waitFor(async () => ({ body: await describeInstance(c, id) }), (i) => i.InstanceChargeType, [chargeType]);
}

/** modifyInstanceImage (run): DescribeInstance for its key pair; old-SDK ReplaceSystemDisk (SystemDisk.Size from d.Get, the
 * optional ones only when set, ClientToken); d.Set("system_disk_id", DiskId); DescribeInstance + DescribeInstanceSystemDisk until the
 * image and size show; then AttachKeyPair of the key pair it had. Returns the new system_disk_id. */
async function modifyInstanceImage(c, id, prior, plan) {
  const { KeyPairName: keyPairName } = await describeInstance(c, id);
  const request = { InstanceId: id, ImageId: plan.image_id, 'SystemDisk.Size': planned(prior, plan, 'system_disk_size') };
  for (const [key, wire] of [['security_enhancement_strategy', 'SecurityEnhancementStrategy'], ['password', 'Password']]) {
    if (plan[key]) request[wire] = plan[key];
  }
  request.ClientToken = clientToken('ReplaceSystemDisk');
  const { body } = await c.rpcGet('ReplaceSystemDisk', ECS_VERSION, request);
  assert.equal(typeof body.DiskId, 'string', 'ReplaceSystemDiskResponse.DiskId');
  const systemDiskId = body.DiskId;
  await waitFor(async () => ({ body: [await describeInstance(c, id), await describeInstanceSystemDisk(c, systemDiskId)] }),
    ([instance, disk]) => instance.ImageId === plan.image_id && disk.Size === request['SystemDisk.Size'], [true]);
  if (keyPairName !== '') await attachKeyPairService(c, keyPairName, id);
  return systemDiskId;
}

/** modifyInstanceType (run): by the OLD charge type, old-SDK ModifyPrepayInstanceSpec (InstanceId, InstanceType, OperatorType when
 * set) or ModifyInstanceSpec (InstanceId, InstanceType, ClientToken), retried on Throttling; then DescribeInstance until it shows. */
async function modifyInstanceType(c, id, prior, plan) {
  const type = plan.instance_type;
  if (prior.instance_charge_type === 'PrePaid') {
    await retryOn(['Throttling'], () => c.rpcGet('ModifyPrepayInstanceSpec', ECS_VERSION, {
      InstanceId: id, InstanceType: type, ...(plan.operator_type ? { OperatorType: plan.operator_type } : {}),
    }));
  } else {
    const token = clientToken('ModifyInstanceSpec');
    await retryOn(['Throttling'], () => c.rpcGet('ModifyInstanceSpec', ECS_VERSION, { InstanceId: id, InstanceType: type, ClientToken: token }));
  }
  await waitFor(async () => ({ body: await describeInstance(c, id) }), (i) => i.InstanceType, [type]);
}

/** The key pair section: DescribeInstance; RpcPost DetachKeyPair of the old name, AttachKeyPair of the new (RegionId, InstanceIds
 * JSON, KeyPairName); then StartEcsInstance when it was Stopped, RebootEcsInstance when Running; the Running wait. */
async function updateKeyPair(c, id, prior, plan) {
  const instance = await describeInstance(c, id);
  const [oldName, newName] = [prior.key_name ?? '', plan.key_name];
  for (const [action, name] of [['DetachKeyPair', oldName], ['AttachKeyPair', newName]]) {
    if (name === '') continue;
    const { body } = await retryOn(['Throttling'], () => c.rpcPost(action, ECS_VERSION, {
      RegionId: REGION, InstanceIds: JSON.stringify([id]), KeyPairName: name,
    }));
    assert.equal(body.FailCount, '0', `${action}: ${JSON.stringify(body)}`); // the provider ignores the results; a failure here is the emulator's
  }
  if (instance.Status === 'Stopped') await startEcsInstance(c, id);
  if (instance.Status === 'Running') await rebootEcsInstance(c, id);
  await waitForInstanceState(c, id, [], ['Running']);
}

/** The RAM role section: RpcPost DetachInstanceRamRole of the old role, AttachInstanceRamRole of the new; the Running wait. */
async function updateRamRole(c, id, prior, plan) {
  const [oldName, newName] = [prior.role_name ?? '', plan.role_name];
  for (const [action, name] of [['DetachInstanceRamRole', oldName], ['AttachInstanceRamRole', newName]]) {
    if (name === '') continue;
    const { body } = await retryOn(['Throttling'], () => c.rpcPost(action, ECS_VERSION, {
      RegionId: REGION, InstanceIds: JSON.stringify([id]), RamRoleName: name,
    }));
    assert.equal(body.FailCount, 0, `${action}: ${JSON.stringify(body)}`);
  }
  await waitForInstanceState(c, id, [], ['Running']);
}

/**
 * resourceAliCloudInstanceUpdate for these arguments, in its order: modifyInstanceChargeType; then, when the image or the type
 * changes, StopInstance (old SDK, ForceStop=false, StoppedMode from the state) of a Running instance and the Stopped wait,
 * modifyInstanceImage, modifyInstanceType, StartInstance and the Running wait (the target status is Running); then key_name,
 * then role_name. Returns the state the following Read stores (system_disk_id included).
 */
export async function applySpecUpdate(c, id, prior, plan) {
  const imageUpdate = hasChange(prior, plan, 'image_id');
  const typeUpdate = hasChange(prior, plan, 'instance_type');
  if (hasChange(prior, plan, 'instance_charge_type')) await modifyInstanceChargeType(c, id, prior, plan);
  if (imageUpdate || typeUpdate) {
    const instance = await describeInstance(c, id);
    if (instance.Status === 'Running') {
      const stoppedMode = planned(prior, plan, 'stopped_mode');
      await retryOn(['IncorrectInstanceStatus'], () => c.rpcGet('StopInstance', ECS_VERSION, {
        RegionId: REGION, InstanceId: id, ForceStop: false, ...(stoppedMode ? { StoppedMode: stoppedMode } : {}),
      }));
      await waitForInstanceState(c, id, ['Pending', 'Running', 'Stopping'], ['Stopped']);
    }
    if (imageUpdate) await modifyInstanceImage(c, id, prior, plan);
    if (typeUpdate) await modifyInstanceType(c, id, prior, plan);
    if (planned(prior, plan, 'status') === 'Running') {
      await retryOn(['IncorrectInstanceStatus', 'InvalidOperation.Conflict', 'Throttling'],
        () => c.rpcGet('StartInstance', ECS_VERSION, { InstanceId: id }));
      await waitForInstanceState(c, id, ['Pending', 'Starting', 'Stopped'], ['Running']);
    }
  }
  if (hasChange(prior, plan, 'key_name')) await updateKeyPair(c, id, prior, plan);
  if (hasChange(prior, plan, 'role_name')) await updateRamRole(c, id, prior, plan);
  return readInstance(c, id, { prePaid: planned(prior, plan, 'instance_charge_type') === 'PrePaid' });
}
