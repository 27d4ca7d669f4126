// alicloud_instance's network and disk-tag arguments, re-enacted from resource_alicloud_instance.go and tags.go:
// `secondary_private_ips` / `secondary_private_ip_address_count` (Assign/UnassignPrivateIpAddresses on the primary ENI, read back
// through DescribeNetworkInterfaces), `ipv6_addresses` / `ipv6_address_count` (RunInstances, Assign/UnassignIpv6Addresses),
// `network_interfaces` at launch (RunInstances NetworkInterface.N, the read of the secondary ENIs, their release on destroy) and
// `volume_tags` (setVolumeTags: DescribeDisks, TagResources / UntagResources ResourceType=disk; the system disk's tags read back).
// Each: apply, refresh (the same state, no diff), update, destroy.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ECS_VERSION, VPC_VERSION, tfClient } from './tf-client.mjs';
import {
  REGION, applyInstance, assertSteady, instanceNetwork, applyInstanceUpdate, describeEcsNetworkInterface, destroyInstance, readInstance, recording,
} from './compute-provider.mjs';

const targets = [['http', process.env.SG_ENDPOINT]];
if (process.env.SG_HTTPS_ENDPOINT) targets.push(['https', process.env.SG_HTTPS_ENDPOINT]);

const network = (c, { ipv6 = false } = {}) => instanceNetwork(c, { name: 'tf-instance-net', cidrs: ['172.16.0.0/24', '172.16.1.0/24'], groups: 2, ipv6 });

const base = (net) => ({
  instance_type: 'ecs.g7.large', image_id: 'aliyun_3_x64_20G_alibase_20240528.vhd', system_disk_category: 'cloud_essd',
  instance_name: 'tf-instance-net', vswitch_id: net.vsw1, security_groups: [net.sg],
});

/** The write calls of an apply (Describe* are the provider's reads and waits), with the parameters that matter here. */
const writes = (calls) => calls.filter(([a]) => !/^Describe/.test(a)).map(([a, p]) => {
  const { ClientToken, ...rest } = p;
  if (rest.TagKey) rest.TagKey = [...rest.TagKey].sort(); // the provider walks a Go map: any order
  if (rest.Tag) rest.Tag = [...rest.Tag].sort((x, y) => x.Key.localeCompare(y.Key));
  return [a, a === 'RunInstances' ? undefined : rest];
});

const secondaryIps = async (c, eniId) =>
  (await describeEcsNetworkInterface(c, eniId)).PrivateIpSets.PrivateIpSet.filter((p) => !p.Primary).map((p) => p.PrivateIpAddress).sort();

for (const [protocol, endpoint] of targets) {
  describe(`terraform alicloud_instance network arguments over ${protocol}`, () => {
    const plain = tfClient({ endpoint, protocol });

    it('secondary_private_ips: assigned after RunInstances, changed, emptied', async () => {
      const net = await network(plain);
      let config = { ...base(net), secondary_private_ips: ['172.16.0.11', '172.16.0.10'] };
      let r = recording(plain);
      const { id, state: created } = await applyInstance(r.client, config);
      const eni = created.network_interface_id;
      assert.match(eni, /^eni-/);
      assert.deepEqual(writes(r.calls), [['RunInstances', undefined], ['AssignPrivateIpAddresses',
        { RegionId: REGION, NetworkInterfaceId: eni, 'PrivateIpAddress.1': '172.16.0.11', 'PrivateIpAddress.2': '172.16.0.10' }]]);
      assert.deepEqual([created.secondary_private_ips, created.secondary_private_ip_address_count], [['172.16.0.10', '172.16.0.11'], 2]);
      let state = await assertSteady(plain, id, created, config);

      config = { ...config, secondary_private_ips: ['172.16.0.11', '172.16.0.12'] };
      r = recording(plain);
      state = await applyInstanceUpdate(r.client, id, state, config);
      assert.deepEqual(writes(r.calls), [
        ['UnassignPrivateIpAddresses', { RegionId: REGION, NetworkInterfaceId: eni, 'PrivateIpAddress.1': '172.16.0.10' }],
        ['AssignPrivateIpAddresses', { RegionId: REGION, NetworkInterfaceId: eni, 'PrivateIpAddress.1': '172.16.0.12' }],
      ]);
      assert.deepEqual([state.secondary_private_ips, state.secondary_private_ip_address_count], [['172.16.0.11', '172.16.0.12'], 2]);
      state = await assertSteady(plain, id, state, config);

      config = { ...config, secondary_private_ips: [] };
      state = await applyInstanceUpdate(plain, id, state, config);
      assert.deepEqual([state.secondary_private_ips, state.secondary_private_ip_address_count], [[], 0]);
      assert.deepEqual(await secondaryIps(plain, eni), []);
      await assertSteady(plain, id, state, config);

      await destroyInstance(plain, id);
      await assert.rejects(describeEcsNetworkInterface(plain, eni), /not found/);
      await net.destroy();
    });

    it('secondary_private_ip_address_count: 2 at create, 3, then 1', async () => {
      const net = await network(plain);
      let config = { ...base(net), secondary_private_ip_address_count: 2 };
      let r = recording(plain);
      const { id, state: created } = await applyInstance(r.client, config);
      const eni = created.network_interface_id;
      assert.deepEqual(writes(r.calls), [['RunInstances', undefined],
        ['AssignPrivateIpAddresses', { RegionId: REGION, NetworkInterfaceId: eni, SecondaryPrivateIpAddressCount: 2 }]]);
      assert.equal(created.secondary_private_ip_address_count, 2);
      assert.equal(created.secondary_private_ips.length, 2);
      for (const ip of created.secondary_private_ips) assert.match(ip, /^172\.16\.0\.\d+$/);
      let state = await assertSteady(plain, id, created, config);

      config = { ...config, secondary_private_ip_address_count: 3 };
      r = recording(plain);
      state = await applyInstanceUpdate(r.client, id, state, config);
      assert.deepEqual(writes(r.calls), [['AssignPrivateIpAddresses', { RegionId: REGION, NetworkInterfaceId: eni, SecondaryPrivateIpAddressCount: 1 }]]);
      assert.equal(state.secondary_private_ip_address_count, 3);
      const three = state.secondary_private_ips;
      state = await assertSteady(plain, id, state, config);

      // down to 1: the first two of the state's addresses are unassigned
      config = { ...config, secondary_private_ip_address_count: 1 };
      r = recording(plain);
      state = await applyInstanceUpdate(r.client, id, state, config);
      assert.deepEqual(writes(r.calls), [['UnassignPrivateIpAddresses',
        { RegionId: REGION, NetworkInterfaceId: eni, 'PrivateIpAddress.1': three[0], 'PrivateIpAddress.2': three[1] }]]);
      assert.deepEqual([state.secondary_private_ips, state.secondary_private_ip_address_count], [[three[2]], 1]);
      await assertSteady(plain, id, state, config);

      await destroyInstance(plain, id);
      await net.destroy();
    });

    it('ipv6_address_count and ipv6_addresses: at launch, then Assign / UnassignIpv6Addresses', async () => {
      const net = await network(plain, { ipv6: true });
      const block = (await plain.rpcPost('DescribeVSwitchAttributes', VPC_VERSION, { RegionId: REGION, VSwitchId: net.vsw1 })).body.Ipv6CidrBlock;
      assert.match(block, /::\/64$/);
      const address = (n) => block.replace('::/64', `::${n.toString(16)}`);

      // ipv6_address_count (ForceNew): RunInstances Ipv6AddressCount; the read fills ipv6_addresses
      const counted = { ...base(net), ipv6_address_count: 2 };
      const { id: first, state: withCount } = await applyInstance(plain, counted);
      assert.equal(withCount.ipv6_address_count, 2);
      assert.equal(withCount.ipv6_addresses.length, 2);
      for (const a of withCount.ipv6_addresses) assert.ok(a.startsWith(block.replace('::/64', ':')), `${a} in ${block}`);
      await assertSteady(plain, first, withCount, counted);
      await destroyInstance(plain, first);

      // ipv6_addresses: RunInstances Ipv6Address.N, then changes through the primary ENI
      let config = { ...base(net), ipv6_addresses: [address(0x10)] };
      let r = recording(plain);
      const { id, state: created } = await applyInstance(r.client, config);
      assert.equal(r.calls.find(([a]) => a === 'RunInstances')[1].Ipv6Address[0], address(0x10));
      assert.deepEqual([created.ipv6_addresses, created.ipv6_address_count], [[address(0x10)], 1]);
      let state = await assertSteady(plain, id, created, config);
      const eni = state.network_interface_id;

      config = { ...config, ipv6_addresses: [address(0x10), address(0x11)] };
      r = recording(plain);
      state = await applyInstanceUpdate(r.client, id, state, config);
      assert.deepEqual(writes(r.calls), [['AssignIpv6Addresses', { RegionId: REGION, NetworkInterfaceId: eni, Ipv6Address: [address(0x11)] }]]);
      assert.deepEqual([state.ipv6_addresses, state.ipv6_address_count], [[address(0x10), address(0x11)].sort(), 2]);
      state = await assertSteady(plain, id, state, config);

      config = { ...config, ipv6_addresses: [address(0x11)] };
      r = recording(plain);
      state = await applyInstanceUpdate(r.client, id, state, config);
      assert.deepEqual(writes(r.calls), [['UnassignIpv6Addresses', { RegionId: REGION, NetworkInterfaceId: eni, Ipv6Address: [address(0x10)] }]]);
      assert.deepEqual([state.ipv6_addresses, state.ipv6_address_count], [[address(0x11)], 1]);
      await assertSteady(plain, id, state, config);

      await destroyInstance(plain, id);
      await net.destroy();
    });

    it('primary ENI options (source_dest_check, network_interface_traffic_mode) move the network arguments into NetworkInterface.1', async () => {
      const net = await network(plain, { ipv6: true });
      const config = { ...base(net), private_ip: '172.16.0.30', source_dest_check: true, network_interface_traffic_mode: 'HighPerformance', ipv6_address_count: 1 };
      const r = recording(plain);
      const { id, state } = await applyInstance(r.client, config);
      const run = r.calls.find(([a]) => a === 'RunInstances')[1];
      assert.equal(run.VSwitchId, undefined);
      assert.deepEqual(run.NetworkInterface, [{
        InstanceType: 'Primary', SecurityGroupIds: [net.sg], VSwitchId: net.vsw1, PrimaryIpAddress: '172.16.0.30', Ipv6Address: undefined,
        Ipv6AddressCount: 1, NetworkInterfaceTrafficMode: 'HighPerformance', NetworkCardIndex: undefined, QueuePairNumber: undefined, SourceDestCheck: true,
      }]);
      assert.deepEqual([state.vswitch_id, state.private_ip, state.security_groups, state.source_dest_check, state.network_interface_traffic_mode,
        state.ipv6_address_count, state.network_interfaces], [net.vsw1, '172.16.0.30', [net.sg], true, 'HighPerformance', 1, []]);
      await assertSteady(plain, id, state, config);
      await destroyInstance(plain, id);
      await net.destroy();
    });

    it('network_interfaces at launch: created and attached ENIs, read back, released on destroy unless DeleteOnRelease=false', async () => {
      const net = await network(plain);
      const kept = (await plain.rpcPost('CreateNetworkInterface', ECS_VERSION, {
        RegionId: REGION, VSwitchId: net.vsw2, SecurityGroupIds: [net.sg2], DeleteOnRelease: false,
      })).body.NetworkInterfaceId;
      const config = {
        ...base(net),
        network_interfaces: [
          { vswitch_id: net.vsw2, security_group_ids: [net.sg2, net.sg], network_interface_traffic_mode: 'Standard', source_dest_check: false },
          { network_interface_id: kept },
          { security_group_ids: [net.sg] }, // no vSwitch, no traffic mode: both sent empty
        ],
      };
      const r = recording(plain);
      const { id, state: created } = await applyInstance(r.client, config);
      const run = r.calls.find(([a]) => a === 'RunInstances')[1];
      assert.deepEqual(run.NetworkInterface, [
        { InstanceType: 'Secondary', VSwitchId: net.vsw2, NetworkInterfaceTrafficMode: 'Standard', NetworkCardIndex: 0, SourceDestCheck: false,
          SecurityGroupIds: [net.sg2, net.sg] },
        { NetworkInterfaceId: kept },
        { InstanceType: 'Secondary', VSwitchId: '', NetworkInterfaceTrafficMode: '', NetworkCardIndex: 0, SourceDestCheck: false, SecurityGroupIds: [net.sg] },
      ]);
      assert.equal(created.network_interfaces.length, 3);
      const [made, attached, defaulted] = created.network_interfaces;
      assert.deepEqual(attached.network_interface_id, kept);
      assert.deepEqual({ ...made, network_interface_id: undefined }, {
        network_interface_id: undefined, vswitch_id: net.vsw2, network_interface_traffic_mode: 'Standard', queue_pair_number: made.queue_pair_number,
        source_dest_check: false, security_group_ids: [net.sg2, net.sg], network_card_index: 0,
      });
      assert.equal(defaulted.vswitch_id, net.vsw1, 'a secondary ENI without a vSwitch is in the instance\'s');
      assert.equal(defaulted.network_interface_traffic_mode, 'Standard');
      assert.deepEqual(defaulted.security_group_ids, [net.sg]);
      assert.equal(created.network_card_index, 0);
      await assertSteady(plain, id, created, config);

      // destroy: the ENIs RunInstances made go with the instance; the attached one (DeleteOnRelease=false) stays, detached
      await destroyInstance(plain, id);
      await assert.rejects(describeEcsNetworkInterface(plain, made.network_interface_id), /not found/);
      await assert.rejects(describeEcsNetworkInterface(plain, defaulted.network_interface_id), /not found/);
      const left = await describeEcsNetworkInterface(plain, kept);
      assert.deepEqual([left.Status, left.InstanceId], ['Available', '']);
      await plain.rpcPost('DeleteNetworkInterface', ECS_VERSION, { RegionId: REGION, NetworkInterfaceId: kept });
      await net.destroy();
    });

    it('volume_tags: launch tags on the system disk, then TagResources / UntagResources (disk)', async () => {
      const net = await network(plain);
      // without volume_tags the system disk's tags (from RunInstances Tag.N) are read into the computed volume_tags
      const plainConfig = { ...base(net), tags: { env: 'test' } };
      const { id: first, state: launched } = await applyInstance(plain, plainConfig);
      assert.deepEqual(launched.volume_tags, { env: 'test' });
      await assertSteady(plain, first, launched, plainConfig);
      await destroyInstance(plain, first);

      let config = { ...base(net), tags: { env: 'test' }, volume_tags: { env: 'test', disk: 'sys' } };
      let r = recording(plain);
      const { id, state: created } = await applyInstance(r.client, config);
      const disk = created.system_disk_id;
      // Update after create: the old volume tags are the system disk's (env=test), so nothing is removed and every new tag is set
      assert.deepEqual(writes(r.calls), [['RunInstances', undefined],
        ['TagResources', { RegionId: REGION, ResourceType: 'disk', ResourceId: [disk], Tag: [{ Key: 'disk', Value: 'sys' }, { Key: 'env', Value: 'test' }] }]]);
      assert.deepEqual(created.volume_tags, { env: 'test', disk: 'sys' });
      assert.deepEqual(created.tags, { env: 'test' });
      let state = await assertSteady(plain, id, created, config);

      config = { ...config, volume_tags: { disk: 'data' } };
      r = recording(plain);
      state = await applyInstanceUpdate(r.client, id, state, config);
      assert.deepEqual(writes(r.calls), [
        ['UntagResources', { RegionId: REGION, ResourceType: 'disk', ResourceId: [disk], TagKey: ['disk', 'env'] }],
        ['TagResources', { RegionId: REGION, ResourceType: 'disk', ResourceId: [disk], Tag: [{ Key: 'disk', Value: 'data' }] }],
      ]);
      assert.deepEqual(state.volume_tags, { disk: 'data' });
      assert.deepEqual(state.tags, { env: 'test' }, 'the instance keeps its own tags');
      state = await assertSteady(plain, id, state, config);

      // the instance's own tags (setTags, ResourceType=instance) leave the disk's alone
      config = { ...config, tags: { env: 'prod', team: 'a' } };
      r = recording(plain);
      state = await applyInstanceUpdate(r.client, id, state, config);
      assert.deepEqual(writes(r.calls), [
        ['UntagResources', { RegionId: REGION, ResourceType: 'instance', ResourceId: [id], TagKey: ['env'] }],
        ['TagResources', { RegionId: REGION, ResourceType: 'instance', ResourceId: [id], Tag: [{ Key: 'env', Value: 'prod' }, { Key: 'team', Value: 'a' }] }],
      ]);
      assert.deepEqual([state.tags, state.volume_tags], [{ env: 'prod', team: 'a' }, { disk: 'data' }]);
      state = await assertSteady(plain, id, state, config);

      config = { ...config, volume_tags: {} };
      state = await applyInstanceUpdate(plain, id, state, config);
      assert.deepEqual(state.volume_tags, {});
      await assertSteady(plain, id, state, config);

      await destroyInstance(plain, id);
      const { body } = await plain.rpcPost('DescribeDisks', ECS_VERSION, { RegionId: REGION, InstanceId: id });
      assert.deepEqual(body.Disks.Disk, []);
      await net.destroy();
    });
  });
}
