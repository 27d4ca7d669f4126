// The system disks' own Actions through the official clients (v7 ACS3 and HMAC-SHA1, pop-core GET and POST):
// ModifyDiskAttribute, ResizeDisk, ModifyDiskSpec, ApplyAutoSnapshotPolicy / CancelAutoSnapshotPolicy (whose model spells
// its parameters regionId, autoSnapshotPolicyId, diskIds), each read back with DescribeDisks; and the ENI QueuePairNumber
// through RunInstances, CreateNetworkInterface, ModifyNetworkInterfaceAttribute and both ENI reads.
import { test, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACCOUNTS, ECS_VERSION, Ecs, REGION, UUID, assertAcsError, cleanup, ecsClient, popClient, resetEmulator, sdk, uniqueName,
} from './clients.mjs';

before(resetEmulator);

const ZONE = 'cn-hangzhou-h';

async function network(clean, n) {
  const vpc = await sdk.createVpc({ RegionId: REGION, CidrBlock: `10.${n}.0.0/16`, VpcName: uniqueName('disk-vpc') });
  clean.vpc(vpc.VpcId);
  const vsw = await sdk.createVSwitch({ RegionId: REGION, VpcId: vpc.VpcId, ZoneId: ZONE, CidrBlock: `10.${n}.1.0/24` });
  clean.vSwitch(vsw.VSwitchId);
  const group = await sdk.createSecurityGroup({ RegionId: REGION, VpcId: vpc.VpcId, SecurityGroupName: uniqueName('disk-sg') });
  clean.securityGroup(group.SecurityGroupId);
  return { VSwitchId: vsw.VSwitchId, GroupId: group.SecurityGroupId };
}

/** The v7 clients (ACS3 and HMAC-SHA1) and pop-core (GET and POST), each as `call(action, wireParams)` returning the body. */
function callers() {
  const v7 = (signature) => {
    const client = ecsClient({ signature });
    return async (action, params) => {
      const Request = Ecs[`${action}Request`];
      const byWire = new Map(Object.entries(Request.names()).map(([field, wire]) => [wire, field]));
      const map = {};
      for (const [wire, value] of Object.entries(params)) {
        assert.ok(byWire.has(wire), `${action}: the SDK model has no parameter ${wire}`);
        map[byWire.get(wire)] = value;
      }
      const method = action.charAt(0).toLowerCase() + action.slice(1);
      return (await client[method](new Request(map))).body.toMap();
    };
  };
  const pop = (method) => {
    const client = popClient({ account: ACCOUNTS.test, apiVersion: ECS_VERSION });
    return async (action, params) => client.request(action, params, { method });
  };
  return [['v7 ACS3', v7('acs3')], ['v7 HMAC-SHA1', v7('v2')], ['pop-core GET', pop('GET')], ['pop-core POST', pop('POST')]];
}

async function systemDisk(instanceId) {
  const body = await sdk.describeInstances({ RegionId: REGION, InstanceIds: JSON.stringify([instanceId]) });
  assert.equal(body.Instances.Instance.length, 1);
  const client = ecsClient();
  const disks = (await client.describeDisks(new Ecs.DescribeDisksRequest({ regionId: REGION, instanceId, diskType: 'system' }))).body;
  assert.equal(disks.disks.disk.length, 1);
  return disks.disks.disk[0];
}

describe('system disks', () => {
  test('every client changes a system disk and DescribeDisks shows each change', async (t) => {
    const clean = cleanup(t);
    const net = await network(clean, 191);
    const run = await sdk.runInstances({ RegionId: REGION, VSwitchId: net.VSwitchId, SecurityGroupId: net.GroupId,
      SystemDisk: { Category: 'cloud_essd', Size: 40, PerformanceLevel: 'PL1' } });
    const id = run.InstanceIdSets.InstanceIdSet[0];
    clean.instance(id);
    const diskId = (await systemDisk(id)).diskId;
    let size = 40;
    for (const [name, call] of callers()) {
      const named = `disk-${name.replace(/[^a-z0-9]/gi, '')}`;
      assert.match((await call('ModifyDiskAttribute', { DiskId: diskId, DiskName: named, Description: `by ${name}` })).RequestId, UUID, name);
      size += 10;
      const resized = await call('ResizeDisk', { DiskId: diskId, NewSize: size, Type: 'online' });
      assert.equal(resized.OrderId, '', name);
      const spec = await call('ModifyDiskSpec', { DiskId: diskId, PerformanceLevel: name.startsWith('v7') ? 'PL2' : 'PL3' });
      assert.deepEqual([spec.OrderId, spec.TaskId], ['', ''], name);
      await call('ApplyAutoSnapshotPolicy', { regionId: REGION, autoSnapshotPolicyId: 'sp-sdkpolicy1', diskIds: JSON.stringify([diskId]) });
      let disk = await systemDisk(id);
      assert.deepEqual([disk.diskName, disk.description, disk.size, disk.performanceLevel, disk.autoSnapshotPolicyId, disk.enableAutomatedSnapshotPolicy],
        [named, `by ${name}`, size, name.startsWith('v7') ? 'PL2' : 'PL3', 'sp-sdkpolicy1', true], name);
      await call('CancelAutoSnapshotPolicy', { regionId: REGION, diskIds: JSON.stringify([diskId]) });
      disk = await systemDisk(id);
      assert.deepEqual([disk.autoSnapshotPolicyId, disk.enableAutomatedSnapshotPolicy], ['', false], name);
    }
    const call = callers()[0][1];
    await call('ModifyDiskSpec', { DiskId: diskId, DiskCategory: 'cloud_ssd' });
    assert.deepEqual([(await systemDisk(id)).category, (await systemDisk(id)).performanceLevel], ['cloud_ssd', '']);
  });

  test('refusals: Alibaba codes and HTTP statuses through every client', async (t) => {
    const clean = cleanup(t);
    const net = await network(clean, 192);
    const run = await sdk.runInstances({ RegionId: REGION, VSwitchId: net.VSwitchId, SecurityGroupId: net.GroupId });
    clean.instance(run.InstanceIdSets.InstanceIdSet[0]);
    const diskId = (await systemDisk(run.InstanceIdSets.InstanceIdSet[0])).diskId;
    for (const [name, call] of callers()) {
      await assertAcsError(call('ModifyDiskAttribute', { DiskId: 'd-doesnotexist', DiskName: 'abc' }), 'InvalidDiskId.NotFound', 404, name);
      await assertAcsError(call('ModifyDiskAttribute', { DiskId: diskId, DiskName: '-bad' }), 'InvalidDiskName.Malformed', 400, name);
      await assertAcsError(call('ModifyDiskAttribute', { DiskId: diskId, DeleteWithInstance: false }), 'DiskTypeViolation', 403, name);
      await assertAcsError(call('ResizeDisk', { DiskId: diskId, NewSize: 30 }), 'InvalidDiskSize.TooSmall', 403, name);
      await assertAcsError(call('ResizeDisk', { DiskId: diskId, NewSize: 5000 }), 'InvalidParameter', 403, name);
      await assertAcsError(call('ResizeDisk', { DiskId: diskId, NewSize: 100, Type: 'sideways' }), 'InvalidResizeType.ValueNotSupported', 400, name);
      await assertAcsError(call('ModifyDiskSpec', { DiskId: diskId, PerformanceLevel: 'PL7' }), 'InvalidPerformanceLevel.Malformed', 400, name);
      await assertAcsError(call('ModifyDiskSpec', { DiskId: 'd-doesnotexist', PerformanceLevel: 'PL2' }), 'InvalidDiskId.NotFound', 404, name);
      await assertAcsError(call('ApplyAutoSnapshotPolicy', { regionId: REGION, autoSnapshotPolicyId: 'bad', diskIds: JSON.stringify([diskId]) }), 'ParameterInvalid', 403, name);
      await assertAcsError(call('ApplyAutoSnapshotPolicy', { regionId: REGION, autoSnapshotPolicyId: 'sp-x', diskIds: JSON.stringify(['d-doesnotexist']) }), 'ParameterInvalid', 403, name);
    }
    const disk = await systemDisk(run.InstanceIdSets.InstanceIdSet[0]);
    assert.deepEqual([disk.size, disk.diskName, disk.autoSnapshotPolicyId], [40, '', '']);
  });
});

describe('ENI queue pairs', () => {
  test('QueuePairNumber round-trips through RunInstances, CreateNetworkInterface and ModifyNetworkInterfaceAttribute', async (t) => {
    const clean = cleanup(t);
    const net = await network(clean, 193);
    const client = ecsClient();
    const run = (await client.runInstances(new Ecs.RunInstancesRequest({ regionId: REGION, securityGroupId: net.GroupId, networkInterface: [
      new Ecs.RunInstancesRequestNetworkInterface({ instanceType: 'Primary', vSwitchId: net.VSwitchId, securityGroupId: net.GroupId, queuePairNumber: 8 }),
      new Ecs.RunInstancesRequestNetworkInterface({ instanceType: 'Secondary', vSwitchId: net.VSwitchId, queuePairNumber: 2 }),
    ] }))).body;
    const id = run.instanceIdSets.instanceIdSet[0];
    clean.instance(id);
    const instance = (await sdk.describeInstances({ RegionId: REGION, InstanceIds: JSON.stringify([id]) })).Instances.Instance[0];
    const byType = Object.fromEntries(instance.NetworkInterfaces.NetworkInterface.map((e) => [e.Type, e.NetworkInterfaceId]));
    const listed = async (eni) => (await client.describeNetworkInterfaces(new Ecs.DescribeNetworkInterfacesRequest({ regionId: REGION, networkInterfaceId: [eni] })))
      .body.networkInterfaceSets.networkInterfaceSet[0].queuePairNumber;
    const attribute = async (eni) => (await client.describeNetworkInterfaceAttribute(new Ecs.DescribeNetworkInterfaceAttributeRequest({ regionId: REGION, networkInterfaceId: eni }))).body;
    assert.equal(await listed(byType.Primary), 8);
    assert.equal(await listed(byType.Secondary), 2);
    const primary = await attribute(byType.Primary);
    assert.deepEqual([primary.queuePairNumber, primary.networkInterfaceTrafficConfig.queuePairNumber], [8, 8]);

    const eni = await sdk.createNetworkInterface({ RegionId: REGION, VSwitchId: net.VSwitchId, SecurityGroupId: net.GroupId, QueuePairNumber: 22 });
    clean.networkInterface(eni.NetworkInterfaceId);
    assert.equal(await listed(eni.NetworkInterfaceId), 22);
    // the ModifyNetworkInterfaceAttribute model has it only inside NetworkInterfaceTrafficConfig
    const modify = (queuePairNumber) => client.modifyNetworkInterfaceAttribute(new Ecs.ModifyNetworkInterfaceAttributeRequest({ regionId: REGION,
      networkInterfaceId: eni.NetworkInterfaceId, networkInterfaceTrafficConfig: new Ecs.ModifyNetworkInterfaceAttributeRequestNetworkInterfaceTrafficConfig({ queuePairNumber }) }));
    await modify(4);
    assert.equal((await attribute(eni.NetworkInterfaceId)).queuePairNumber, 4);
    await assertAcsError(modify(257), 'InvalidParameter.QueuePairNumber', 400);
    assert.equal(await listed(eni.NetworkInterfaceId), 4);
  });
});
