// Issue 18 through the official clients (v7 ACS3 and HMAC-SHA1, pop-core GET and POST): StartInstances, StopInstances,
// RebootInstance(s), DescribeInstanceStatus, ModifyInstanceVpcAttribute, DescribeNetworkInterfaceAttribute,
// Assign/UnassignIpv6Addresses, and the RunInstances / DescribeInstances fields and filters the SDK models declare.
import { test, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { REGION, UUID, assertAcsError, cleanup, drivers, resetEmulator, sdk, uniqueName } from './clients.mjs';

before(resetEmulator);

const ZONE = 'cn-hangzhou-h';

async function network(clean, n, ipv6 = false) {
  const vpc = await sdk.createVpc({ RegionId: REGION, CidrBlock: `10.${n}.0.0/16`, VpcName: uniqueName('model-vpc'), EnableIpv6: ipv6 || undefined });
  clean.vpc(vpc.VpcId);
  const vsw = await sdk.createVSwitch({ RegionId: REGION, VpcId: vpc.VpcId, ZoneId: ZONE, CidrBlock: `10.${n}.1.0/24`, Ipv6CidrBlock: ipv6 ? 1 : undefined });
  clean.vSwitch(vsw.VSwitchId);
  const group = await sdk.createSecurityGroup({ RegionId: REGION, VpcId: vpc.VpcId, SecurityGroupName: uniqueName('model-sg') });
  clean.securityGroup(group.SecurityGroupId);
  return { VpcId: vpc.VpcId, VSwitchId: vsw.VSwitchId, GroupId: group.SecurityGroupId };
}

async function launch(clean, net, params = {}) {
  const body = await sdk.runInstances({ RegionId: REGION, VSwitchId: net.VSwitchId, SecurityGroupId: net.GroupId, ...params });
  for (const id of body.InstanceIdSets.InstanceIdSet) clean.instance(id);
  return body.InstanceIdSets.InstanceIdSet;
}

const statusOf = async (driver, id) =>
  (await driver.describeInstanceStatus({ RegionId: REGION, InstanceId: [id] })).InstanceStatuses.InstanceStatus[0].Status;

describe('instance status', () => {
  test('StopInstances, StartInstances, RebootInstances and RebootInstance through every client: codes, statuses, refusals', async (t) => {
    const clean = cleanup(t);
    const net = await network(clean, 181);
    const [id] = await launch(clean, net);
    for (const driver of drivers()) {
      const stopped = await driver.stopInstances({ RegionId: REGION, InstanceId: [id] });
      assert.match(stopped.RequestId, UUID);
      assert.deepEqual(stopped.InstanceResponses.InstanceResponse, [{ InstanceId: id, Code: '200', Message: 'success', PreviousStatus: 'Running', CurrentStatus: 'Stopping' }], driver.name);
      assert.equal(await statusOf(driver, id), 'Stopped');
      await assertAcsError(driver.stopInstances({ RegionId: REGION, InstanceId: [id] }), 'IncorrectInstanceStatus', 403, driver.name);
      await assertAcsError(driver.rebootInstance({ InstanceId: id }), 'IncorrectInstanceStatus', 403, driver.name);
      const started = await driver.startInstances({ RegionId: REGION, InstanceId: [id, 'i-doesnotexist00000000'], BatchOptimization: 'SuccessFirst' });
      assert.deepEqual(started.InstanceResponses.InstanceResponse.map((r) => r.Code), ['200', 'InvalidInstanceId.NotFound'], driver.name);
      assert.equal(await statusOf(driver, id), 'Running');
      await assertAcsError(driver.rebootInstances({ RegionId: REGION, InstanceId: [id], DryRun: true }), 'DryRunOperation', 400, driver.name);
      const rebooted = await driver.rebootInstances({ RegionId: REGION, InstanceId: [id] });
      assert.equal(rebooted.InstanceResponses.InstanceResponse[0].CurrentStatus, 'Stopping');
      assert.match((await driver.rebootInstance({ InstanceId: id })).RequestId, UUID);
      assert.equal(await statusOf(driver, id), 'Running');
    }
  });

  test('ModifyInstanceVpcAttribute moves a stopped instance to another vSwitch and IP, refuses a running one, and wants a start between two changes', async (t) => {
    const clean = cleanup(t);
    const net = await network(clean, 182);
    const other = await sdk.createVSwitch({ RegionId: REGION, VpcId: net.VpcId, ZoneId: ZONE, CidrBlock: '10.182.2.0/24' });
    clean.vSwitch(other.VSwitchId);
    const [id] = await launch(clean, net);
    await assertAcsError(sdk.modifyInstanceVpcAttribute({ InstanceId: id, VSwitchId: other.VSwitchId }), 'IncorrectInstanceStatus', 403);
    await sdk.stopInstance({ InstanceId: id });
    for (const [i, driver] of drivers().entries()) {
      const ip = `10.182.${i % 2 === 0 ? 2 : 1}.${50 + i}`;
      const VSwitchId = i % 2 === 0 ? other.VSwitchId : net.VSwitchId;
      assert.match((await driver.modifyInstanceVpcAttribute({ InstanceId: id, VSwitchId, PrivateIpAddress: ip })).RequestId, UUID);
      const view = (await driver.describeInstances({ RegionId: REGION, InstanceIds: JSON.stringify([id]) })).Instances.Instance[0];
      assert.deepEqual([view.VpcAttributes.VSwitchId, view.VpcAttributes.PrivateIpAddress.IpAddress], [VSwitchId, [ip]], driver.name);
      // Alibaba: after a change of IP or vSwitch the instance must be started again before the next change.
      await assertAcsError(driver.modifyInstanceVpcAttribute({ InstanceId: id, VSwitchId, PrivateIpAddress: `10.182.${i % 2 === 0 ? 2 : 1}.${150 + i}` }),
        'IncorrectInstanceStatus', 403, `${driver.name}: a second change without a start`);
      await sdk.startInstance({ InstanceId: id });
      await sdk.stopInstance({ InstanceId: id });
    }
  });
});

describe('ENIs and IPv6', () => {
  test('AssignIpv6Addresses, DescribeNetworkInterfaceAttribute, UnassignIpv6Addresses through every client', async (t) => {
    const clean = cleanup(t);
    const net = await network(clean, 183, true);
    const eni = await sdk.createNetworkInterface({ RegionId: REGION, VSwitchId: net.VSwitchId, SecurityGroupId: net.GroupId });
    clean.networkInterface(eni.NetworkInterfaceId);
    for (const driver of drivers()) {
      const assigned = await driver.assignIpv6Addresses({ RegionId: REGION, NetworkInterfaceId: eni.NetworkInterfaceId, Ipv6AddressCount: 2 });
      assert.equal(assigned.NetworkInterfaceId, eni.NetworkInterfaceId);
      const [a, b] = assigned.Ipv6Sets.Ipv6Address;
      const attribute = await driver.describeNetworkInterfaceAttribute({ RegionId: REGION, NetworkInterfaceId: eni.NetworkInterfaceId });
      assert.deepEqual(attribute.Ipv6Sets.Ipv6Set.map((s) => s.Ipv6Address).sort(), [a, b].sort(), driver.name);
      assert.deepEqual(attribute.SecurityGroupIds.SecurityGroupId, [net.GroupId]);
      await assertAcsError(driver.assignIpv6Addresses({ RegionId: REGION, NetworkInterfaceId: eni.NetworkInterfaceId, Ipv6Address: ['2001:db8::1'] }),
        'InvalidIp.Address', 403, driver.name);
      await driver.unassignIpv6Addresses({ RegionId: REGION, NetworkInterfaceId: eni.NetworkInterfaceId, Ipv6Address: [a, b] });
      await assertAcsError(driver.unassignIpv6Addresses({ RegionId: REGION, NetworkInterfaceId: eni.NetworkInterfaceId, Ipv6Address: [a] }),
        'InvalidIp.IpUnassigned', 403, driver.name);
    }
    await assertAcsError(sdk.describeNetworkInterfaceAttribute({ RegionId: REGION, NetworkInterfaceId: 'eni-doesnotexist00000000' }), 'InvalidEniId.NotFound', 404);
  });

  test('IPv6 is refused on a vSwitch without it (InvalidVSwitch.Ipv6NotTurnOn, 403)', async (t) => {
    const clean = cleanup(t);
    const net = await network(clean, 184);
    await assertAcsError(sdk.createNetworkInterface({ RegionId: REGION, VSwitchId: net.VSwitchId, SecurityGroupId: net.GroupId, Ipv6AddressCount: 1 }),
      'InvalidVSwitch.Ipv6NotTurnOn', 403);
  });
});

describe('RunInstances and DescribeInstances fields and filters', () => {
  test('a public IP with InternetMaxBandwidthOut, UniqueSuffix names, and the filters that find them', async (t) => {
    const clean = cleanup(t);
    const net = await network(clean, 185);
    const prefix = uniqueName('api');
    const ids = await launch(clean, net, { Amount: 2, InstanceName: `${prefix}-`, UniqueSuffix: true, InternetMaxBandwidthOut: 10, KeyPairName: 'ops' });
    for (const driver of drivers()) {
      const found = await driver.describeInstances({ RegionId: REGION, InstanceName: `${prefix}-*`, KeyPairName: 'ops', InstanceNetworkType: 'vpc' });
      const names = found.Instances.Instance.map((i) => i.InstanceName).sort();
      assert.deepEqual(names, [`${prefix}-001`, `${prefix}-002`], driver.name);
      const ip = found.Instances.Instance[0].PublicIpAddress.IpAddress[0];
      assert.match(ip, /^47\./);
      const byIp = await driver.describeInstances({ RegionId: REGION, PublicIpAddresses: JSON.stringify([ip]) });
      assert.deepEqual(byIp.Instances.Instance.map((i) => i.InstanceId), [found.Instances.Instance[0].InstanceId]);
      assert.equal((await driver.describeInstances({ RegionId: REGION, InstanceName: `${prefix}-*`, InstanceNetworkType: 'classic' })).Instances.Instance.length, 0);
    }
    assert.equal(ids.length, 2);
  });
});
