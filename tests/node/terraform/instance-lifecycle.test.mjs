// alicloud_instance `status`, `stopped_mode`, reboots, and `vswitch_id` / `private_ip` changes, re-enacted from
// resource_alicloud_instance.go (the stop / ModifyInstanceVpcAttribute / start block of resourceAliCloudInstanceUpdate,
// modifyVpcAttribute, WaitForVpcAttributesChanged) and service_alicloud_ecs.go (RebootEcsInstance, StartEcsInstance):
// apply, refresh (no diff), update, destroy, asserting the calls the provider makes and the state it stores.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tfClient } from './tf-client.mjs';
import {
  REGION, applyInstance, assertSteady, instanceNetwork, applyInstanceUpdate, destroyInstance, readInstance, rebootEcsInstance, recording, startEcsInstance,
} from './compute-provider.mjs';

const targets = [['http', process.env.SG_ENDPOINT]];
if (process.env.SG_HTTPS_ENDPOINT) targets.push(['https', process.env.SG_HTTPS_ENDPOINT]);

const network = (c) => instanceNetwork(c, { name: 'tf-lifecycle', cidrs: ['172.16.0.0/24', '172.16.1.0/24'], groups: 1 });

const base = (net) => ({
  instance_type: 'ecs.g7.large', image_id: 'aliyun_3_x64_20G_alibase_20240528.vhd', system_disk_category: 'cloud_essd',
  instance_name: 'tf-lifecycle', vswitch_id: net.vsw1, security_groups: [net.sg],
});

/** The calls of one apply, without the reads the provider's Read makes afterwards (which the refresh checks cover). */
const writes = (calls) => calls.filter(([a]) => !/^Describe/.test(a)).map(([a, p]) => [a, p]);

for (const [protocol, endpoint] of targets) {
  describe(`terraform alicloud_instance status and VPC attributes over ${protocol}`, () => {
    const plain = tfClient({ endpoint, protocol });

    it('status Running -> Stopped (StopCharging) -> Running, vswitch_id and private_ip changes, a reboot, destroy', async () => {
      const net = await network(plain);
      let config = { ...base(net), status: 'Running' };
      const { id, state: created } = await applyInstance(plain, config);
      assert.equal(created.status, 'Running');
      assert.equal(created.stopped_mode, 'Not-applicable');
      assert.equal(created.private_ip, created.primary_ip_address);
      let state = await assertSteady(plain, id, created, config);

      // status = "Stopped", stopped_mode = "StopCharging": StopInstance (old SDK) with ForceStop=false and the mode, the Stopped wait
      config = { ...config, status: 'Stopped', stopped_mode: 'StopCharging' };
      let r = recording(plain);
      state = await applyInstanceUpdate(r.client, id, state, config);
      assert.deepEqual(writes(r.calls), [['StopInstance', { RegionId: REGION, InstanceId: id, ForceStop: false, StoppedMode: 'StopCharging' }]]);
      assert.deepEqual([state.status, state.stopped_mode], ['Stopped', 'StopCharging']);
      state = await assertSteady(plain, id, state, config);

      // status = "Running" (stopped_mode left to the server): StartInstance and the Running wait; no stop first
      config = { ...base(net), status: 'Running' };
      r = recording(plain);
      state = await applyInstanceUpdate(r.client, id, state, config);
      assert.deepEqual(writes(r.calls), [['StartInstance', { RegionId: REGION, InstanceId: id }]]);
      assert.deepEqual([state.status, state.stopped_mode], ['Running', 'Not-applicable']);
      state = await assertSteady(plain, id, state, config);

      // vswitch_id: stop (the state's stopped_mode "Not-applicable" is what d.GetOk finds, so it is sent), ModifyInstanceVpcAttribute
      // with the new vSwitch only, WaitForVpcAttributesChanged, start
      config = { ...config, vswitch_id: net.vsw2 };
      r = recording(plain);
      state = await applyInstanceUpdate(r.client, id, state, config);
      assert.deepEqual(writes(r.calls), [
        ['StopInstance', { RegionId: REGION, InstanceId: id, ForceStop: false, StoppedMode: 'Not-applicable' }],
        ['ModifyInstanceVpcAttribute', { RegionId: REGION, InstanceId: id, VSwitchId: net.vsw2 }],
        ['StartInstance', { RegionId: REGION, InstanceId: id }],
      ]);
      assert.deepEqual([state.status, state.vswitch_id, state.vpc_id], ['Running', net.vsw2, net.vpc]);
      assert.match(state.private_ip, /^172\.16\.1\.\d+$/);
      assert.equal(state.primary_ip_address, state.private_ip);
      assert.deepEqual(state.security_groups, [net.sg]);
      state = await assertSteady(plain, id, state, config);

      // private_ip alone: the same vSwitch and the new address
      config = { ...config, private_ip: '172.16.1.50' };
      r = recording(plain);
      state = await applyInstanceUpdate(r.client, id, state, config);
      assert.deepEqual(writes(r.calls).map(([a]) => a), ['StopInstance', 'ModifyInstanceVpcAttribute', 'StartInstance']);
      assert.deepEqual(r.calls.find(([a]) => a === 'ModifyInstanceVpcAttribute')[1],
        { RegionId: REGION, InstanceId: id, VSwitchId: net.vsw2, PrivateIpAddress: '172.16.1.50' });
      assert.deepEqual([state.private_ip, state.primary_ip_address, state.vswitch_id], ['172.16.1.50', '172.16.1.50', net.vsw2]);
      state = await assertSteady(plain, id, state, config);

      // both at once, back to the first vSwitch
      config = { ...config, vswitch_id: net.vsw1, private_ip: '172.16.0.20' };
      state = await applyInstanceUpdate(plain, id, state, config);
      assert.deepEqual([state.status, state.vswitch_id, state.private_ip], ['Running', net.vsw1, '172.16.0.20']);
      state = await assertSteady(plain, id, state, config);

      // RebootEcsInstance (the key pair path; RpcPost RebootInstance, ForceStop=true, no RegionId), then the Running wait
      await rebootEcsInstance(plain, id);
      state = await assertSteady(plain, id, state, config);

      await destroyInstance(plain, id);
      assert.equal(await readInstance(plain, id), null);
      await net.destroy();
    });

    it('status = "Stopped" at create; vswitch_id changes while Stopped; StartEcsInstance', async () => {
      const net = await network(plain);
      let config = { ...base(net), status: 'Stopped' };
      const r = recording(plain);
      const { id, state: created } = await applyInstance(r.client, config);
      // Update after create: the target is Stopped, so StopInstance (no stopped_mode in state yet: none sent)
      assert.deepEqual(writes(r.calls).map(([a, p]) => [a, p.StoppedMode]), [['RunInstances', undefined], ['StopInstance', undefined]]);
      assert.deepEqual([created.status, created.stopped_mode], ['Stopped', 'KeepCharging']);
      let state = await assertSteady(plain, id, created, config);

      // a vSwitch change of a Stopped instance that stays Stopped: no stop, no start
      config = { ...config, vswitch_id: net.vsw2 };
      const r2 = recording(plain);
      state = await applyInstanceUpdate(r2.client, id, state, config);
      assert.deepEqual(writes(r2.calls).map(([a]) => a), ['ModifyInstanceVpcAttribute']);
      assert.deepEqual([state.status, state.vswitch_id], ['Stopped', net.vsw2]);
      state = await assertSteady(plain, id, state, config);

      // a second change before a start is refused, as Alibaba refuses it: the provider surfaces the error
      await assert.rejects(applyInstanceUpdate(plain, id, state, { ...config, private_ip: '172.16.1.60' }),
        (e) => e.code === 'IncorrectInstanceStatus' && e.statusCode === 403);

      // StartEcsInstance (the key pair path for a Stopped instance: RpcPost StartInstance, InstanceId only), then the change goes through
      await startEcsInstance(plain, id);
      state = await readInstance(plain, id);
      assert.equal(state.status, 'Running');
      config = { ...config, status: 'Running', private_ip: '172.16.1.60' };
      state = await applyInstanceUpdate(plain, id, state, config);
      assert.deepEqual([state.status, state.private_ip], ['Running', '172.16.1.60']);
      await assertSteady(plain, id, state, config);

      await destroyInstance(plain, id);
      await net.destroy();
    });
  });
}
