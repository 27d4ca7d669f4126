// alicloud_instance `instance_type`, `image_id`, `instance_charge_type`, `key_name` and `role_name` changed in place, re-enacted
// from resource_alicloud_instance.go (instance-spec-provider.mjs): apply, refresh (the same state, no diff), each update as the
// provider makes it (the calls, their parameters and the stop / start around them), refresh again, destroy.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tfClient } from './tf-client.mjs';
import { REGION, applyInstance, destroyInstance, instanceNetwork, planDiff, readInstance, recording } from './compute-provider.mjs';
import { applySpecUpdate } from './instance-spec-provider.mjs';

const UBUNTU = 'ubuntu_22_04_x64_20G_alibase_20240530.vhd';
const ALIYUN = 'aliyun_3_x64_20G_alibase_20240528.vhd';
const targets = [['http', process.env.SG_ENDPOINT]];
if (process.env.SG_HTTPS_ENDPOINT) targets.push(['https', process.env.SG_HTTPS_ENDPOINT]);

/** The calls of one apply, without the reads (the refresh checks cover them); ClientTokens replaced by their Action prefix. */
const writes = (calls) => calls.filter(([a]) => !/^Describe/.test(a))
  .map(([a, p]) => [a, p.ClientToken ? { ...p, ClientToken: p.ClientToken.split('-')[0] } : p]);

/** Refresh: a second Read gives the same state, and the configuration shows no diff. `period` and `period_unit` are left out of
 * the diff: the provider's Read keeps their configured values (d.Set("period_unit", d.Get(...)); period is not read back). */
async function assertSteady(c, id, state, config, prePaid = false) {
  const refreshed = await readInstance(c, id, { prePaid });
  assert.deepEqual(refreshed, state);
  const { period, period_unit: unit, ...compared } = config;
  assert.deepEqual(planDiff(refreshed, compared), {});
  return refreshed;
}

for (const [protocol, endpoint] of targets) {
  describe(`terraform alicloud_instance type, image, billing method, key pair and RAM role over ${protocol}`, () => {
    const plain = tfClient({ endpoint, protocol });

    it('create, refresh, key_name, role_name, instance_type, image_id, instance_charge_type (and a type change while PrePaid), destroy', async () => {
      const net = await instanceNetwork(plain, { name: 'tf-spec', groups: 1 });
      let config = {
        instance_type: 'ecs.g7.large', image_id: ALIYUN, system_disk_category: 'cloud_essd', system_disk_size: 40, instance_name: 'tf-spec',
        vswitch_id: net.vsw1, security_groups: [net.sg],
      };
      const { id, state: created } = await applyInstance(plain, config);
      assert.deepEqual([created.instance_type, created.image_id, created.instance_charge_type, created.key_name], ['ecs.g7.large', ALIYUN, 'PostPaid', '']);
      let state = await readInstance(plain, id); // the first refresh also reads role_name (not read right after create)
      assert.equal(state.role_name, '');
      state = await assertSteady(plain, id, state, config);

      // key_name "" -> "tf-key-1": AttachKeyPair only, then RebootEcsInstance (the instance was Running)
      config = { ...config, key_name: 'tf-key-1' };
      let r = recording(plain);
      state = await applySpecUpdate(r.client, id, state, config);
      assert.deepEqual(writes(r.calls), [
        ['AttachKeyPair', { RegionId: REGION, InstanceIds: `["${id}"]`, KeyPairName: 'tf-key-1' }],
        ['RebootInstance', { InstanceId: id, ForceStop: true }],
      ]);
      assert.deepEqual([state.key_name, state.status], ['tf-key-1', 'Running']);
      state = await assertSteady(plain, id, state, config);

      // key_name "tf-key-1" -> "tf-key-2": DetachKeyPair of the old, AttachKeyPair of the new, the reboot
      config = { ...config, key_name: 'tf-key-2' };
      r = recording(plain);
      state = await applySpecUpdate(r.client, id, state, config);
      assert.deepEqual(writes(r.calls).map(([a, p]) => [a, p.KeyPairName]), [['DetachKeyPair', 'tf-key-1'], ['AttachKeyPair', 'tf-key-2'], ['RebootInstance', undefined]]);
      assert.equal(state.key_name, 'tf-key-2');
      state = await assertSteady(plain, id, state, config);

      // role_name "" -> "tf-role-1" -> "tf-role-2": AttachInstanceRamRole; then Detach + Attach; DescribeInstanceRamRole follows
      config = { ...config, role_name: 'tf-role-1' };
      r = recording(plain);
      state = await applySpecUpdate(r.client, id, state, config);
      assert.deepEqual(writes(r.calls), [['AttachInstanceRamRole', { RegionId: REGION, InstanceIds: `["${id}"]`, RamRoleName: 'tf-role-1' }]]);
      assert.equal(state.role_name, 'tf-role-1');
      state = await assertSteady(plain, id, state, config);
      config = { ...config, role_name: 'tf-role-2' };
      r = recording(plain);
      state = await applySpecUpdate(r.client, id, state, config);
      assert.deepEqual(writes(r.calls).map(([a, p]) => [a, p.RamRoleName]), [['DetachInstanceRamRole', 'tf-role-1'], ['AttachInstanceRamRole', 'tf-role-2']]);
      assert.equal(state.role_name, 'tf-role-2');
      state = await assertSteady(plain, id, state, config);

      // instance_type (PostPaid): StopInstance (the state's stopped_mode), ModifyInstanceSpec, StartInstance
      config = { ...config, instance_type: 'ecs.g7.xlarge' };
      r = recording(plain);
      state = await applySpecUpdate(r.client, id, state, config);
      assert.deepEqual(writes(r.calls), [
        ['StopInstance', { RegionId: REGION, InstanceId: id, ForceStop: false, StoppedMode: 'Not-applicable' }],
        ['ModifyInstanceSpec', { InstanceId: id, InstanceType: 'ecs.g7.xlarge', ClientToken: 'ModifyInstanceSpec' }],
        ['StartInstance', { InstanceId: id }],
      ]);
      assert.deepEqual([state.instance_type, state.cpu, state.memory, state.status], ['ecs.g7.xlarge', 4, 16384, 'Running']);
      state = await assertSteady(plain, id, state, config);

      // image_id: StopInstance, ReplaceSystemDisk (SystemDisk.Size from the state), the re-attach of the key pair, StartInstance;
      // the system disk has a new ID, which the Read finds
      const oldDisk = state.system_disk_id;
      config = { ...config, image_id: UBUNTU };
      r = recording(plain);
      state = await applySpecUpdate(r.client, id, state, config);
      assert.deepEqual(writes(r.calls), [
        ['StopInstance', { RegionId: REGION, InstanceId: id, ForceStop: false, StoppedMode: 'Not-applicable' }],
        ['ReplaceSystemDisk', { InstanceId: id, ImageId: UBUNTU, 'SystemDisk.Size': 40, ClientToken: 'ReplaceSystemDisk' }],
        ['AttachKeyPair', { RegionId: REGION, KeyPairName: 'tf-key-2', InstanceIds: `["${id}"]` }],
        ['StartInstance', { InstanceId: id }],
      ]);
      assert.notEqual(state.system_disk_id, oldDisk);
      assert.match(state.system_disk_id, /^d-[a-z0-9]{20}$/);
      assert.deepEqual([state.image_id, state.os_type, state.system_disk_size, state.key_name], [UBUNTU, 'linux', 40, 'tf-key-2']);
      state = await assertSteady(plain, id, state, config);

      // instance_charge_type PostPaid -> PrePaid (period 1 Month): ModifyInstanceChargeType alone, no stop
      config = { ...config, instance_charge_type: 'PrePaid', period: 1, period_unit: 'Month' };
      r = recording(plain);
      state = await applySpecUpdate(r.client, id, state, config);
      assert.deepEqual(writes(r.calls), [['ModifyInstanceChargeType', {
        InstanceIds: `["${id}"]`, IncludeDataDisks: true, AutoPay: true, DryRun: false, ClientToken: 'ModifyInstanceChargeType',
        Period: 1, PeriodUnit: 'Month', InstanceChargeType: 'PrePaid',
      }]]);
      assert.deepEqual([state.instance_charge_type, state.status, state.renewal_status], ['PrePaid', 'Running', 'Normal']);
      state = await assertSteady(plain, id, state, config, true);

      // instance_type while PrePaid: ModifyPrepayInstanceSpec (no RegionId, as the provider sends it) between the stop and the start
      config = { ...config, instance_type: 'ecs.g7.large' };
      r = recording(plain);
      state = await applySpecUpdate(r.client, id, { ...state, period: 1, period_unit: 'Month' }, config);
      assert.deepEqual(writes(r.calls).map(([a]) => a), ['StopInstance', 'ModifyPrepayInstanceSpec', 'StartInstance']);
      assert.deepEqual(r.calls.find(([a]) => a === 'ModifyPrepayInstanceSpec')[1], { InstanceId: id, InstanceType: 'ecs.g7.large' });
      assert.deepEqual([state.instance_type, state.cpu, state.memory], ['ecs.g7.large', 2, 8192]);
      state = await assertSteady(plain, id, state, config, true);

      // back to PostPaid: no Period / PeriodUnit sent
      config = { ...config, instance_charge_type: 'PostPaid' };
      r = recording(plain);
      state = await applySpecUpdate(r.client, id, { ...state, period: 1, period_unit: 'Month' }, config);
      assert.deepEqual(writes(r.calls), [['ModifyInstanceChargeType', {
        InstanceIds: `["${id}"]`, IncludeDataDisks: true, AutoPay: true, DryRun: false, ClientToken: 'ModifyInstanceChargeType', InstanceChargeType: 'PostPaid',
      }]]);
      assert.equal(state.instance_charge_type, 'PostPaid');
      state = await assertSteady(plain, id, state, config);

      // image_id and instance_type in one apply: one stop and one start around ReplaceSystemDisk (and the key pair) and ModifyInstanceSpec
      config = { ...config, image_id: ALIYUN, instance_type: 'ecs.c7.large' };
      r = recording(plain);
      state = await applySpecUpdate(r.client, id, state, config);
      assert.deepEqual(writes(r.calls).map(([a]) => a), ['StopInstance', 'ReplaceSystemDisk', 'AttachKeyPair', 'ModifyInstanceSpec', 'StartInstance']);
      assert.deepEqual([state.image_id, state.instance_type, state.key_name, state.role_name], [ALIYUN, 'ecs.c7.large', 'tf-key-2', 'tf-role-2']);
      await assertSteady(plain, id, state, config);

      await destroyInstance(plain, id);
      assert.equal(await readInstance(plain, id), null);
      await net.destroy();
    });

    it('a refused change surfaces as the provider surfaces it, and changes nothing', async () => {
      const net = await instanceNetwork(plain, { name: 'tf-spec-refused', groups: 1 });
      const config = { instance_type: 'ecs.g7.large', image_id: ALIYUN, system_disk_category: 'cloud_essd', system_disk_size: 40,
        instance_name: 'tf-spec-refused', vswitch_id: net.vsw1, security_groups: [net.sg] };
      const { id } = await applyInstance(plain, config);
      const state = await readInstance(plain, id);

      await assert.rejects(applySpecUpdate(plain, id, state, { ...config, instance_type: 'ecs.nope.large' }),
        (e) => e.code === 'InvalidInstanceType.ValueNotSupported' && e.statusCode === 400);
      await assert.rejects(applySpecUpdate(plain, id, { ...state, status: 'Stopped' }, { ...config, image_id: 'm-nope' }),
        (e) => e.code === 'InvalidImageId.NotFound' && e.statusCode === 404);
      const after = await readInstance(plain, id);
      assert.deepEqual([after.instance_type, after.image_id, after.system_disk_id], [state.instance_type, state.image_id, state.system_disk_id]);

      await destroyInstance(plain, id);
      await net.destroy();
    });
  });
}
