// alicloud_instance `system_disk_*` and `queue_pair_number`, re-enacted from resource_alicloud_instance.go (the
// SystemDisk.* request of resourceAliCloudInstanceCreate, the DescribeEcsSystemDisk part of Read, the system-disk block of
// Update: ModifyDiskSpec, ResizeDisk, ApplyAutoSnapshotPolicy, ModifyDiskAttribute) and service_alicloud_ecs.go
// (DescribeEcsSystemDisk, DescribeEcsDisk): create with every system_disk_* argument and queue_pair_number set, refresh
// (the same state, no diff), update each system_disk_* argument (the calls the provider makes, the state it stores),
// refresh after each, destroy.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tfClient } from './tf-client.mjs';
import {
  REGION, applyInstance, assertSteady, applyInstanceUpdate, destroyInstance, instanceNetwork, readInstance, recording,
} from './compute-provider.mjs';

const targets = [['http', process.env.SG_ENDPOINT]];
if (process.env.SG_HTTPS_ENDPOINT) targets.push(['https', process.env.SG_HTTPS_ENDPOINT]);

/** The calls of one apply, without the reads (the refresh checks cover those). */
const writes = (calls) => calls.filter(([a]) => !/^Describe/.test(a));

/** The system-disk arguments as they are stored, for exact comparison (planDiff leaves size and category to the suites). */
const disk = (s) => ({
  category: s.system_disk_category, size: s.system_disk_size, name: s.system_disk_name, description: s.system_disk_description,
  performance_level: s.system_disk_performance_level, auto_snapshot_policy_id: s.system_disk_auto_snapshot_policy_id,
  provisioned_iops: s.system_disk_provisioned_iops, bursting_enabled: s.system_disk_bursting_enabled, encrypted: s.system_disk_encrypted,
});

for (const [protocol, endpoint] of targets) {
  describe(`terraform alicloud_instance system disk and queue pairs over ${protocol}`, () => {
    const plain = tfClient({ endpoint, protocol });

    it('create with system_disk_* and queue_pair_number, refresh, update each system_disk_* argument, destroy', async () => {
      const net = await instanceNetwork(plain, { name: 'tf-disk', cidrs: ['172.16.0.0/24'] });
      let config = {
        instance_type: 'ecs.g7.large', image_id: 'aliyun_3_x64_20G_alibase_20240528.vhd', instance_name: 'tf-disk',
        vswitch_id: net.vsw1, security_groups: [net.sg],
        system_disk_category: 'cloud_essd', system_disk_size: 40, system_disk_name: 'tf-root', system_disk_description: 'the root disk',
        system_disk_performance_level: 'PL1', system_disk_auto_snapshot_policy_id: 'sp-tfdisk1', queue_pair_number: 8,
      };
      const create = recording(plain);
      const { id, state: created } = await applyInstance(create.client, config);
      const run = create.calls.find(([a]) => a === 'RunInstances')[1];
      assert.deepEqual([run['SystemDisk.DiskName'], run['SystemDisk.Description'], run['SystemDisk.PerformanceLevel'], run['SystemDisk.AutoSnapshotPolicyId']],
        ['tf-root', 'the root disk', 'PL1', 'sp-tfdisk1']);
      // queue_pair_number puts the primary ENI into NetworkInterface.1 (InstanceType=Primary) with QueuePairNumber
      assert.deepEqual([run.NetworkInterface[0].InstanceType, run.NetworkInterface[0].QueuePairNumber], ['Primary', 8]);
      assert.deepEqual(disk(created), {
        category: 'cloud_essd', size: 40, name: 'tf-root', description: 'the root disk', performance_level: 'PL1',
        auto_snapshot_policy_id: 'sp-tfdisk1', provisioned_iops: 0, bursting_enabled: false, encrypted: false,
      });
      assert.equal(created.queue_pair_number, 8);
      assert.match(created.system_disk_id, /^d-/);
      let state = await assertSteady(plain, id, created, config);

      // system_disk_performance_level: ModifyDiskSpec with the new level only, then the disk-status wait
      config = { ...config, system_disk_performance_level: 'PL2' };
      let r = recording(plain);
      state = await applyInstanceUpdate(r.client, id, state, config);
      assert.deepEqual(writes(r.calls), [['ModifyDiskSpec', { RegionId: REGION, DiskId: state.system_disk_id, PerformanceLevel: 'PL2' }]]);
      assert.equal(state.system_disk_performance_level, 'PL2');
      state = await assertSteady(plain, id, state, config);

      // system_disk_size: ResizeDisk (old SDK), online for a Running instance
      config = { ...config, system_disk_size: 80 };
      r = recording(plain);
      state = await applyInstanceUpdate(r.client, id, state, config);
      assert.deepEqual(writes(r.calls), [['ResizeDisk', { RegionId: REGION, NewSize: 80, Type: 'online', DiskId: state.system_disk_id }]]);
      assert.equal(state.system_disk_size, 80);
      state = await assertSteady(plain, id, state, config);

      // system_disk_auto_snapshot_policy_id: ApplyAutoSnapshotPolicy with Alibaba's lower-case names and diskIds as JSON
      config = { ...config, system_disk_auto_snapshot_policy_id: 'sp-tfdisk2' };
      r = recording(plain);
      state = await applyInstanceUpdate(r.client, id, state, config);
      assert.deepEqual(writes(r.calls), [['ApplyAutoSnapshotPolicy',
        { RegionId: REGION, autoSnapshotPolicyId: 'sp-tfdisk2', diskIds: JSON.stringify([state.system_disk_id]) }]]);
      assert.equal(state.system_disk_auto_snapshot_policy_id, 'sp-tfdisk2');
      state = await assertSteady(plain, id, state, config);

      // system_disk_name: ModifyDiskAttribute (no RegionId) with the name and the description it holds
      config = { ...config, system_disk_name: 'tf-root-2' };
      r = recording(plain);
      state = await applyInstanceUpdate(r.client, id, state, config);
      assert.deepEqual(writes(r.calls), [['ModifyDiskAttribute', { DiskId: state.system_disk_id, DiskName: 'tf-root-2', Description: 'the root disk' }]]);
      assert.equal(state.system_disk_name, 'tf-root-2');
      state = await assertSteady(plain, id, state, config);

      // system_disk_description
      config = { ...config, system_disk_description: 'still the root disk' };
      state = await applyInstanceUpdate(plain, id, state, config);
      assert.deepEqual([state.system_disk_name, state.system_disk_description], ['tf-root-2', 'still the root disk']);
      state = await assertSteady(plain, id, state, config);

      // several at once, in the provider's order: spec, size, policy, attribute
      config = { ...config, system_disk_performance_level: 'PL3', system_disk_size: 100, system_disk_auto_snapshot_policy_id: 'sp-tfdisk3',
        system_disk_name: 'tf-root-3' };
      r = recording(plain);
      state = await applyInstanceUpdate(r.client, id, state, config);
      assert.deepEqual(writes(r.calls).map(([a]) => a), ['ModifyDiskSpec', 'ResizeDisk', 'ApplyAutoSnapshotPolicy', 'ModifyDiskAttribute']);
      assert.deepEqual(disk(state), {
        category: 'cloud_essd', size: 100, name: 'tf-root-3', description: 'still the root disk', performance_level: 'PL3',
        auto_snapshot_policy_id: 'sp-tfdisk3', provisioned_iops: 0, bursting_enabled: false, encrypted: false,
      });
      state = await assertSteady(plain, id, state, config);

      // a smaller size is refused as Alibaba refuses it, and the provider surfaces the error; nothing changes
      await assert.rejects(applyInstanceUpdate(plain, id, state, { ...config, system_disk_size: 60 }),
        (e) => e.code === 'InvalidDiskSize.TooSmall' && e.statusCode === 403);
      assert.equal((await readInstance(plain, id)).system_disk_size, 100);
      assert.equal(state.queue_pair_number, 8);

      await destroyInstance(plain, id);
      assert.equal(await readInstance(plain, id), null);
      await net.destroy();
    });

    it('queue_pair_number of network_interfaces entries reads back per ENI, with no diff', async () => {
      const net = await instanceNetwork(plain, { name: 'tf-qp', cidrs: ['172.16.0.0/24', '172.16.1.0/24'] });
      const config = {
        instance_type: 'ecs.g7.large', image_id: 'aliyun_3_x64_20G_alibase_20240528.vhd', instance_name: 'tf-qp',
        vswitch_id: net.vsw1, security_groups: [net.sg], queue_pair_number: 4,
        network_interfaces: [{ vswitch_id: net.vsw2, queue_pair_number: 2, network_interface_traffic_mode: 'Standard', source_dest_check: false,
          security_group_ids: [net.sg] }],
      };
      const { id, state } = await applyInstance(plain, config);
      assert.equal(state.queue_pair_number, 4);
      assert.deepEqual(state.network_interfaces.map((n) => n.queue_pair_number), [2]);
      await assertSteady(plain, id, state, config);
      await destroyInstance(plain, id);
      await net.destroy();
    });
  });
}
