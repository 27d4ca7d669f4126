// ECS 2014-05-26 through the official SDKs: the Actions Terraform's alicloud_instance uses to change an instance in place
// (ModifyInstanceSpec, ModifyPrepayInstanceSpec, ModifyInstanceChargeType, ReplaceSystemDisk, Attach/DetachKeyPair,
// Attach/DetachInstanceRamRole), each called through the v7 SDK's typed method (its request and response models do the
// casting) and through pop-core (HMAC-SHA1), with what DescribeInstances / DescribeDisks / DescribeInstanceRamRole show after.
import { test, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACCOUNTS, ECS_VERSION, Ecs, REGION, UUID, assertAcsError, cleanup, ecsClient, popClient, resetEmulator, resourceId, sdk, uniqueName,
} from './clients.mjs';

before(resetEmulator);

const UBUNTU = 'ubuntu_22_04_x64_20G_alibase_20240530.vhd';
const ORDER = /^\d{15}$/;

/** The v7 SDK's typed method for `action`, its request model built from camelCase `fields`; resolves to the typed body. */
async function v7(action, fields, account = ACCOUNTS.test) {
  const method = action.charAt(0).toLowerCase() + action.slice(1);
  const response = await ecsClient({ account })[method](new Ecs[`${action}Request`](fields));
  assert.equal(response.statusCode, 200, action);
  assert.match(response.body.requestId, UUID);
  return response.body;
}

/** pop-core, HMAC-SHA1, GET with query parameters; resolves to the plain JSON body. */
const pop = (action, params) => popClient({ apiVersion: ECS_VERSION }).request(action, params, { method: 'GET' });

async function instance(id) {
  const body = await sdk.describeInstances({ RegionId: REGION, InstanceIds: JSON.stringify([id]) });
  return body.Instances.Instance[0];
}

/** A VPC, vSwitch and group, and `count` running instances (all deleted after the test). */
async function launch(t, count = 1, extra = {}) {
  const clean = cleanup(t);
  const vpc = await sdk.createVpc({ RegionId: REGION, CidrBlock: '10.60.0.0/16', VpcName: uniqueName('spec-vpc') });
  clean.vpc(vpc.VpcId);
  const vsw = await sdk.createVSwitch({ RegionId: REGION, VpcId: vpc.VpcId, ZoneId: 'cn-hangzhou-h', CidrBlock: '10.60.1.0/24' });
  clean.vSwitch(vsw.VSwitchId);
  const group = await sdk.createSecurityGroup({ RegionId: REGION, VpcId: vpc.VpcId, SecurityGroupName: uniqueName('spec-sg') });
  clean.securityGroup(group.SecurityGroupId);
  const body = await sdk.runInstances({
    RegionId: REGION, VSwitchId: vsw.VSwitchId, SecurityGroupId: group.SecurityGroupId, Amount: count, InstanceType: 'ecs.g7.large', ...extra,
  });
  const ids = body.InstanceIdSets.InstanceIdSet;
  for (const id of ids) clean.instance(id);
  return ids;
}

describe('instance type, billing method and image through the official SDKs', () => {
  test('ModifyInstanceSpec (v7) and ModifyPrepayInstanceSpec (pop-core): the type, its vCPUs and memory', async (t) => {
    const [id] = await launch(t);
    await assertAcsError(v7('ModifyInstanceSpec', { instanceId: id, instanceType: 'ecs.c7.xlarge' }), 'IncorrectInstanceStatus', 403);
    await sdk.stopInstance({ InstanceId: id });
    await assertAcsError(v7('ModifyInstanceSpec', { instanceId: 'i-doesnotexist00000000', instanceType: 'ecs.c7.xlarge' }), 'InvalidInstanceId.NotFound', 404);
    await assertAcsError(v7('ModifyInstanceSpec', { instanceId: id, instanceType: 'ecs.nope' }), 'InvalidInstanceType.ValueNotSupported', 400);

    await v7('ModifyInstanceSpec', {
      instanceId: id, instanceType: 'ecs.c7.xlarge', clientToken: `spec-${Date.now()}`, allowMigrateAcrossZone: false, async: false,
      systemDisk: new Ecs.ModifyInstanceSpecRequestSystemDisk({ category: 'cloud_essd' }),
    });
    let shown = await instance(id);
    assert.deepEqual([shown.InstanceType, shown.InstanceTypeFamily, shown.Cpu, shown.Memory], ['ecs.c7.xlarge', 'ecs.c7', 4, 8192]);

    await assertAcsError(pop('ModifyPrepayInstanceSpec', { InstanceId: id, InstanceType: 'ecs.g7.xlarge' }), 'ChargeTypeViolation', 403);
    const charged = await v7('ModifyInstanceChargeType', { regionId: REGION, instanceIds: JSON.stringify([id]), period: 1, periodUnit: 'Month' });
    assert.match(charged.orderId, ORDER);
    await assertAcsError(v7('ModifyInstanceSpec', { instanceId: id, instanceType: 'ecs.g7.xlarge' }), 'ChargeTypeViolation', 403);

    const prepay = await pop('ModifyPrepayInstanceSpec', { RegionId: REGION, InstanceId: id, InstanceType: 'ecs.g7.xlarge', OperatorType: 'upgrade' });
    assert.match(prepay.OrderId, ORDER);
    const typed = await v7('ModifyPrepayInstanceSpec', { regionId: REGION, instanceId: id, instanceType: 'ecs.r7.large', autoPay: true });
    assert.match(typed.orderId, ORDER);
    shown = await instance(id);
    assert.deepEqual([shown.InstanceType, shown.Cpu, shown.Memory], ['ecs.r7.large', 2, 16384]);
  });

  test('ModifyInstanceChargeType: PrePaid for a period, then PostPaid with fee details; refusals', async (t) => {
    const ids = await launch(t, 2);
    const body = await v7('ModifyInstanceChargeType', {
      regionId: REGION, instanceIds: JSON.stringify(ids), instanceChargeType: 'PrePaid', period: 2, periodUnit: 'Week', autoPay: true,
      includeDataDisks: false, dryRun: false, clientToken: `charge-${Date.now()}`,
    });
    assert.match(body.orderId, ORDER);
    assert.deepEqual(body.feeOfInstances.feeOfInstance, []);
    for (const id of ids) {
      const shown = await instance(id);
      assert.equal(shown.InstanceChargeType, 'PrePaid');
      const days = (Date.parse(shown.ExpiredTime) - Date.now()) / 86_400_000;
      assert.ok(days > 13.9 && days <= 14, `ExpiredTime ${shown.ExpiredTime}`);
    }

    await assertAcsError(v7('ModifyInstanceChargeType', { regionId: REGION, instanceIds: JSON.stringify(ids) }), 'ChargeTypeViolation', 403);
    await assertAcsError(v7('ModifyInstanceChargeType', { regionId: REGION, instanceIds: '["i-1"', instanceChargeType: 'PostPaid' }),
      'InvalidInstanceIds.Malformed', 400);
    await assertAcsError(pop('ModifyInstanceChargeType', { InstanceIds: JSON.stringify(ids), InstanceChargeType: 'PostPaid', DryRun: true }),
      'DryRunOperation', 400);

    const back = await pop('ModifyInstanceChargeType', { InstanceIds: JSON.stringify(ids), InstanceChargeType: 'PostPaid', IsDetailFee: true });
    assert.match(back.OrderId, ORDER);
    assert.deepEqual(back.FeeOfInstances.FeeOfInstance.map((f) => [f.InstanceId, f.Fee, f.Currency]), ids.map((id) => [id, '0', 'CNY']));
    assert.equal((await instance(ids[0])).InstanceChargeType, 'PostPaid');
  });

  test('ReplaceSystemDisk: a new DiskId, which DescribeDisks and DescribeInstances read', async (t) => {
    const [id] = await launch(t, 1, { KeyPairName: 'first' });
    const oldDisk = await pop('DescribeDisks', { RegionId: REGION, InstanceId: id });
    const oldId = oldDisk.Disks.Disk[0].DiskId;
    await assertAcsError(v7('ReplaceSystemDisk', { instanceId: id, imageId: UBUNTU }), 'IncorrectInstanceStatus', 403);
    await sdk.stopInstance({ InstanceId: id });
    await assertAcsError(v7('ReplaceSystemDisk', { instanceId: id, imageId: 'm-nope' }), 'InvalidImageId.NotFound', 404);

    const body = await v7('ReplaceSystemDisk', {
      instanceId: id, imageId: UBUNTU, systemDisk: new Ecs.ReplaceSystemDiskRequestSystemDisk({ size: 60 }), keyPairName: 'second',
      passwordInherit: false, securityEnhancementStrategy: 'Active', clientToken: `replace-${Date.now()}`,
    });
    assert.match(body.diskId, resourceId('d'));
    assert.notEqual(body.diskId, oldId);
    const disks = await pop('DescribeDisks', { RegionId: REGION, InstanceId: id, DiskType: 'system' });
    assert.deepEqual(disks.Disks.Disk.map((d) => [d.DiskId, d.ImageId, d.Size]), [[body.diskId, UBUNTU, 60]]);
    const shown = await instance(id);
    assert.deepEqual([shown.ImageId, shown.KeyPairName, shown.OSName], [UBUNTU, 'second', 'Ubuntu  22.04 64位']);
  });
});

describe('key pairs and RAM roles through the official SDKs', () => {
  test('AttachKeyPair / DetachKeyPair: results in the model\'s string fields', async (t) => {
    const ids = await launch(t, 2);
    const attached = await v7('AttachKeyPair', { regionId: REGION, instanceIds: JSON.stringify(ids), keyPairName: 'tf-key' });
    assert.deepEqual([attached.keyPairName, attached.totalCount, attached.failCount], ['tf-key', '2', '0']);
    assert.deepEqual(attached.results.result.map((r) => [r.instanceId, r.code, r.message, r.success]),
      ids.map((id) => [id, '200', 'successful', 'true']));
    assert.equal((await instance(ids[1])).KeyPairName, 'tf-key');

    const detached = await pop('DetachKeyPair', { RegionId: REGION, InstanceIds: JSON.stringify([ids[0]]), KeyPairName: 'tf-key' });
    assert.deepEqual([detached.TotalCount, detached.FailCount, detached.Results.Result[0].Success], ['1', '0', 'true']);
    assert.equal((await instance(ids[0])).KeyPairName, '');

    await assertAcsError(v7('AttachKeyPair', { regionId: REGION, instanceIds: 'nope', keyPairName: 'k' }), 'InvalidInstanceIds.ValueNotSupported', 400);
    await assertAcsError(v7('DetachKeyPair', { regionId: REGION, instanceIds: JSON.stringify(['i-doesnotexist00000000']), keyPairName: 'k' }),
      'InvalidInstanceId.NotFound', 404);
    await assertAcsError(v7('AttachKeyPair', { regionId: REGION, instanceIds: JSON.stringify(ids), keyPairName: 'k' }, ACCOUNTS.test2),
      'InvalidInstanceId.NotFound', 404);
  });

  test('AttachInstanceRamRole / DetachInstanceRamRole: numeric counts, boolean Success; DescribeInstanceRamRole follows', async (t) => {
    const [id] = await launch(t);
    const attached = await v7('AttachInstanceRamRole', { regionId: REGION, instanceIds: JSON.stringify([id]), ramRoleName: 'app-role',
      policy: '{"Statement":[{"Action":["*"],"Effect":"Allow","Resource":["*"]}],"Version":"1"}' });
    assert.deepEqual([attached.ramRoleName, attached.totalCount, attached.failCount], ['app-role', 1, 0]);
    const result = attached.attachInstanceRamRoleResults.attachInstanceRamRoleResult[0];
    assert.deepEqual([result.instanceId, result.code, result.success], [id, '200', true]);

    const roles = await v7('DescribeInstanceRamRole', { regionId: REGION, instanceIds: JSON.stringify([id]) });
    assert.deepEqual(roles.instanceRamRoleSets.instanceRamRoleSet.map((r) => [r.instanceId, r.ramRoleName]), [[id, 'app-role']]);

    const again = await pop('AttachInstanceRamRole', { RegionId: REGION, InstanceIds: JSON.stringify([id]), RamRoleName: 'other' });
    assert.equal(again.FailCount, 1);
    assert.equal(again.AttachInstanceRamRoleResults.AttachInstanceRamRoleResult[0].Success, false);

    const detached = await v7('DetachInstanceRamRole', { regionId: REGION, instanceIds: JSON.stringify([id]), ramRoleName: 'app-role' });
    const item = detached.detachInstanceRamRoleResults.detachInstanceRamRoleResult[0];
    assert.deepEqual([detached.totalCount, detached.failCount, item.success, item.instanceRamRoleSets.instanceRamRoleSet[0].ramRoleName],
      [1, 0, true, 'app-role']);
    const after = await v7('DescribeInstanceRamRole', { regionId: REGION, instanceIds: JSON.stringify([id]) });
    assert.deepEqual(after.instanceRamRoleSets.instanceRamRoleSet, []);

    await assertAcsError(v7('AttachInstanceRamRole', { regionId: REGION, instanceIds: '[', ramRoleName: 'r' }), 'InvalidInstanceIds.Malformed', 400);
    await assertAcsError(v7('DetachInstanceRamRole', { regionId: REGION, instanceIds: JSON.stringify(['i-doesnotexist00000000']) }),
      'InvalidInstanceId.NotFound', 404);
  });
});
