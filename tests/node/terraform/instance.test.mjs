// alicloud_instance (a PostPaid VPC instance): apply, refresh, update (security_groups, instance_name, description,
// user_data) and destroy, as the provider sends them, over HTTP and (when SG_HTTPS_ENDPOINT is set) HTTPS.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ECS_VERSION, VPC_VERSION, tfClient } from './tf-client.mjs';
import {
  REGION, createInstance, describeInstance, destroyInstance, modifyInstanceAttribute, readInstance, updateSecurityGroups,
} from './compute-provider.mjs';

const targets = [['http', process.env.SG_ENDPOINT]];
if (process.env.SG_HTTPS_ENDPOINT) targets.push(['https', process.env.SG_HTTPS_ENDPOINT]);

async function network(c) {
  const vpc = (await c.rpcPost('CreateVpc', VPC_VERSION, { RegionId: REGION, CidrBlock: '172.16.0.0/12', VpcName: 'tf-compute' })).body.VpcId;
  const vsw = (await c.rpcPost('CreateVSwitch', VPC_VERSION, { RegionId: REGION, VpcId: vpc, ZoneId: 'cn-hangzhou-h', CidrBlock: '172.16.0.0/24' })).body.VSwitchId;
  const group = async (name) => (await c.rpcPost('CreateSecurityGroup', ECS_VERSION, { RegionId: REGION, VpcId: vpc, SecurityGroupName: name })).body.SecurityGroupId;
  return { vpc, vsw, sgA: await group('tf-sg-a'), sgB: await group('tf-sg-b') };
}

for (const [protocol, endpoint] of targets) {
  describe(`terraform alicloud_instance over ${protocol}`, () => {
    const c = tfClient({ endpoint, protocol });

    it('apply, refresh, update security_groups / name / description / user_data, destroy', async () => {
      const net = await network(c);
      const config = {
        instance_type: 'ecs.g7.large', image_id: 'aliyun_3_x64_20G_alibase_20240528.vhd', system_disk_category: 'cloud_essd', system_disk_size: 40,
        instance_name: 'tf-web', description: 'made by terraform', vswitch_id: net.vsw, security_groups: [net.sgA], user_data: '#!/bin/sh\necho hi\n',
        tags: { env: 'test' },
      };

      // apply: create, then Update (nothing to do for a new resource), then Read with IsNewResource
      const id = await createInstance(c, config);
      const created = await readInstance(c, id, { isNew: true });
      assert.deepEqual({
        instance_name: created.instance_name, description: created.description, status: created.status, instance_type: created.instance_type,
        image_id: created.image_id, vswitch_id: created.vswitch_id, vpc_id: created.vpc_id, security_groups: created.security_groups, tags: created.tags,
        instance_charge_type: created.instance_charge_type, system_disk_category: created.system_disk_category, system_disk_size: created.system_disk_size,
        user_data: created.user_data, availability_zone: created.availability_zone, cpu: created.cpu, memory: created.memory,
      }, {
        instance_name: 'tf-web', description: 'made by terraform', status: 'Running', instance_type: 'ecs.g7.large',
        image_id: 'aliyun_3_x64_20G_alibase_20240528.vhd', vswitch_id: net.vsw, vpc_id: net.vpc, security_groups: [net.sgA], tags: { env: 'test' },
        instance_charge_type: 'PostPaid', system_disk_category: 'cloud_essd', system_disk_size: 40,
        user_data: Buffer.from(config.user_data).toString('base64'), availability_zone: 'cn-hangzhou-h', cpu: 2, memory: 8192,
      });
      assert.match(created.system_disk_id, /^d-[a-z0-9]{20}$/);
      assert.equal(created.private_ip, '172.16.0.1');
      assert.equal(created.maintenance_action, 'AutoRecover');
      assert.deepEqual(created.maintenance_time, []);
      assert.equal(created.private_pool_options_match_criteria, 'Open');
      assert.equal(created.enable_jumbo_frame, false);

      // refresh: the same state, now with the RAM role read (none)
      const refreshed = await readInstance(c, id);
      assert.equal(refreshed.role_name, '');
      assert.deepEqual({ ...refreshed, role_name: undefined }, { ...created, role_name: undefined });

      // update: add sgB ([A] -> [A, B]); then drop sgA ([A, B] -> [B])
      assert.deepEqual(await updateSecurityGroups(c, id, [net.sgA], [net.sgA, net.sgB]), [['JoinSecurityGroup', net.sgB, 'ok']]);
      assert.deepEqual((await readInstance(c, id)).security_groups, [net.sgA, net.sgB].sort());
      assert.deepEqual(await updateSecurityGroups(c, id, [net.sgA, net.sgB], [net.sgB]), [['LeaveSecurityGroup', net.sgA, 'ok']]);
      assert.deepEqual((await readInstance(c, id)).security_groups, [net.sgB]);

      // replacing the only group ([B] -> [A]): Leave B is refused (InstanceLastSecurityGroup), the provider drops that
      // error, joins A, and the next refresh shows both: the same plan-diff Alibaba gives
      assert.deepEqual(await updateSecurityGroups(c, id, [net.sgB], [net.sgA]),
        [['LeaveSecurityGroup', net.sgB, 'InstanceLastSecurityGroup'], ['JoinSecurityGroup', net.sgA, 'ok']]);
      assert.deepEqual((await readInstance(c, id)).security_groups, [net.sgA, net.sgB].sort());

      // update name, description and user_data through ModifyInstanceAttribute
      await modifyInstanceAttribute(c, id, { InstanceName: 'tf-web-2', Description: 'changed', UserData: Buffer.from('echo bye').toString('base64') });
      const modified = await readInstance(c, id);
      assert.deepEqual([modified.instance_name, modified.description, modified.user_data], ['tf-web-2', 'changed', Buffer.from('echo bye').toString('base64')]);

      // destroy, then a refresh finds it gone, and a second destroy tolerates the 404
      await destroyInstance(c, id);
      assert.equal(await readInstance(c, id), null);
      await destroyInstance(c, id);
      const { body } = await c.rpcPost('DescribeDisks', ECS_VERSION, { RegionId: REGION, InstanceId: id, DiskType: 'system' });
      assert.deepEqual(body.Disks.Disk, []);
    });

    it('RunInstances refusals the provider surfaces', async () => {
      const net = await network(c);
      const base = { instance_type: 'ecs.g7.large', image_id: 'aliyun_3_x64_20G_alibase_20240528.vhd', vswitch_id: net.vsw, security_groups: [net.sgA] };
      await assert.rejects(createInstance(c, { ...base, image_id: 'm-doesnotexist' }), (e) => e.code === 'InvalidImageId.NotFound' && e.statusCode === 404);
      await assert.rejects(createInstance(c, { ...base, instance_type: 'ecs.nope.large' }),
        (e) => e.code === 'InvalidInstanceType.ValueNotSupported' && e.statusCode === 400);
      await assert.rejects(createInstance(c, { ...base, system_disk_category: 'cloud_nope' }),
        (e) => e.code === 'InvalidSystemDiskCategory.ValueNotSupported' && e.statusCode === 400);
      assert.equal(await describeInstance(c, 'i-doesnotexist'), null);
    });
  });
}
