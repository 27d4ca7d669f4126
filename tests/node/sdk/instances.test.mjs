// ECS 2014-05-26: instances (RunInstances, CreateInstance, DescribeInstances, Start/Stop/DeleteInstance(s),
// ModifyInstanceAttribute), elastic network interfaces (Create/Describe/Attach/Detach/Delete/ModifyNetworkInterface*,
// Assign/UnassignPrivateIpAddresses) and group membership (Join/LeaveSecurityGroup) through the official SDKs, with
// their effect on DescribeSecurityGroups and on deleting groups, vSwitches and VPCs.
import { test, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACCOUNTS, REGION, UUID, assertAcsError, cleanup, drivers, rawFetch, resetEmulator, resourceId, sdk, strictEndpoint, uniqueName,
} from './clients.mjs';

before(resetEmulator);

const ZONE = 'cn-hangzhou-h';
const OTHER_ZONE = 'cn-hangzhou-i';
const UNKNOWN_INSTANCE = 'i-doesnotexist00000000';
const UNKNOWN_ENI = 'eni-doesnotexist00000000';
const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;
/** DescribeInstances' CreationTime: minutes, no seconds. */
const MINUTES = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/;
const STILL_INSTANCES = 'There is still instance(s) in the specified security group.';

// ---------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------

/**
 * Creates a VPC `10.<n>.0.0/16` with a vSwitch `10.<n>.1.0/24` in ZONE through `driver` (both deleted after the test);
 * returns {VpcId, VSwitchId, ip(k)} where ip(k) is the k-th address of the vSwitch.
 */
async function network(clean, n, driver = sdk) {
  const vpc = await driver.createVpc({ RegionId: REGION, CidrBlock: `10.${n}.0.0/16`, VpcName: uniqueName('inst-vpc') });
  clean.vpc(vpc.VpcId);
  const VSwitchId = await vSwitch(clean, vpc.VpcId, `10.${n}.1.0/24`, ZONE, driver);
  return { VpcId: vpc.VpcId, VSwitchId, ip: (k) => `10.${n}.1.${k}` };
}

/** Creates a vSwitch (deleted after the test) and returns its ID. */
async function vSwitch(clean, VpcId, CidrBlock, ZoneId, driver = sdk) {
  const created = await driver.createVSwitch({ RegionId: REGION, VpcId, ZoneId, CidrBlock, VSwitchName: uniqueName('inst-vsw') });
  clean.vSwitch(created.VSwitchId);
  return created.VSwitchId;
}

/** Creates a security group (basic unless SecurityGroupType says otherwise; deleted after the test) and returns its ID. */
async function newGroup(clean, VpcId, params = {}, driver = sdk) {
  const created = await driver.createSecurityGroup({ RegionId: REGION, VpcId, SecurityGroupName: uniqueName('inst-sg'), ...params });
  assert.match(created.SecurityGroupId, resourceId('sg'));
  clean.securityGroup(created.SecurityGroupId);
  return created.SecurityGroupId;
}

/** RunInstances (instances deleted after the test); returns the new instance IDs, checked for form. */
async function run(clean, params, driver = sdk) {
  const body = await driver.runInstances({ RegionId: REGION, ...params });
  assert.match(body.RequestId, UUID);
  const ids = body.InstanceIdSets?.InstanceIdSet;
  assert.ok(Array.isArray(ids), `InstanceIdSets.InstanceIdSet: ${JSON.stringify(body)}`);
  for (const id of ids) {
    assert.match(id, resourceId('i'));
    clean.instance(id);
  }
  assert.equal(new Set(ids).size, ids.length, 'distinct instance IDs');
  return ids;
}

/** CreateNetworkInterface (deleted after the test); returns the response body. */
async function newEni(clean, params, driver = sdk) {
  const body = await driver.createNetworkInterface({ RegionId: REGION, ...params });
  assert.match(body.NetworkInterfaceId ?? '', resourceId('eni'), JSON.stringify(body));
  clean.networkInterface(body.NetworkInterfaceId);
  return body;
}

/** DescribeInstances for exactly these IDs (one JSON array string); returns the instances keyed by ID. */
async function instancesById(driver, ids) {
  const body = await driver.describeInstances({ RegionId: REGION, InstanceIds: JSON.stringify(ids), PageSize: 100 });
  assert.match(body.RequestId, UUID);
  const list = body.Instances.Instance;
  assert.deepEqual(list.map((i) => i.InstanceId).sort(), [...ids].sort(), 'DescribeInstances lists exactly the asked instances');
  assert.equal(body.TotalCount, ids.length);
  return Object.fromEntries(list.map((i) => [i.InstanceId, i]));
}

const describeInstance = async (driver, id) => (await instancesById(driver, [id]))[id];

/** The sorted instance IDs DescribeInstances lists for `params` (one page of up to 100). */
async function instanceIds(driver, params) {
  const body = await driver.describeInstances({ RegionId: REGION, PageSize: 100, ...params });
  const ids = body.Instances.Instance.map((i) => i.InstanceId).sort();
  assert.equal(body.TotalCount, ids.length, `TotalCount for ${JSON.stringify(params)}`);
  return ids;
}

/** The ENI as DescribeNetworkInterfaces lists it (asserts exactly one). */
async function describeEni(driver, NetworkInterfaceId) {
  const body = await driver.describeNetworkInterfaces({ RegionId: REGION, NetworkInterfaceId: [NetworkInterfaceId] });
  assert.match(body.RequestId, UUID);
  assert.equal(body.TotalCount, 1, `one ENI ${NetworkInterfaceId}: ${JSON.stringify(body).slice(0, 300)}`);
  assert.equal(body.NetworkInterfaceSets.NetworkInterfaceSet.length, 1);
  return body.NetworkInterfaceSets.NetworkInterfaceSet[0];
}

/** The sorted ENI IDs DescribeNetworkInterfaces lists for `params` (one page of up to 500). */
async function eniIds(driver, params) {
  const body = await driver.describeNetworkInterfaces({ RegionId: REGION, PageSize: 500, ...params });
  const ids = body.NetworkInterfaceSets.NetworkInterfaceSet.map((e) => e.NetworkInterfaceId).sort();
  assert.equal(body.TotalCount, ids.length, `TotalCount for ${JSON.stringify(params)}`);
  return ids;
}

/** The group's entry in DescribeSecurityGroups. */
async function groupEntry(driver, SecurityGroupId) {
  const body = await driver.describeSecurityGroups({ RegionId: REGION, SecurityGroupId });
  assert.equal(body.SecurityGroups.SecurityGroup.length, 1, `group ${SecurityGroupId} listed`);
  return body.SecurityGroups.SecurityGroup[0];
}

/** {EcsCount, AvailableInstanceAmount} of a group. */
async function capacity(driver, SecurityGroupId) {
  const g = await groupEntry(driver, SecurityGroupId);
  return { EcsCount: g.EcsCount, AvailableInstanceAmount: g.AvailableInstanceAmount };
}

/** A PrivateIpSet list in a stable order: the primary first, then by address. */
const ipSet = (list) => [...(list ?? [])].map((p) => ({ PrivateIpAddress: p.PrivateIpAddress, Primary: p.Primary }))
  .sort((a, b) => (a.Primary !== b.Primary ? (a.Primary ? -1 : 1) : ipOrder(a.PrivateIpAddress, b.PrivateIpAddress)));
const ipOrder = (a, b) => {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
};
const sortedTags = (list) => [...(list ?? [])].sort((a, b) => (a.TagKey < b.TagKey ? -1 : a.TagKey > b.TagKey ? 1 : 0));
const sorted = (list) => [...(list ?? [])].sort();

/** The instance's groups, sorted. */
const groupsOf = (instance) => sorted(instance.SecurityGroupIds?.SecurityGroupId);

/** The instance's ENIs as {Type, PrimaryIpAddress, PrivateIpSet} (primary first), each ID and MAC checked for form. */
function enisOf(instance) {
  const list = instance.NetworkInterfaces?.NetworkInterface;
  assert.ok(Array.isArray(list), `NetworkInterfaces.NetworkInterface of ${instance.InstanceId}: ${JSON.stringify(instance.NetworkInterfaces)}`);
  for (const n of list) {
    assert.match(n.NetworkInterfaceId, resourceId('eni'));
    assert.match(n.MacAddress, MAC);
  }
  return list.map((n) => ({ Type: n.Type, PrimaryIpAddress: n.PrimaryIpAddress, PrivateIpSet: ipSet(n.PrivateIpSets?.PrivateIpSet) }))
    .sort((a, b) => (a.Type < b.Type ? -1 : a.Type > b.Type ? 1 : ipOrder(a.PrimaryIpAddress, b.PrimaryIpAddress)));
}

/** The ID of the instance's primary ENI. */
function primaryEniOf(instance) {
  const primaries = instance.NetworkInterfaces.NetworkInterface.filter((n) => n.Type === 'Primary');
  assert.equal(primaries.length, 1, `one primary ENI on ${instance.InstanceId}`);
  return primaries[0].NetworkInterfaceId;
}

/** Asserts a DescribeInstances CreationTime: YYYY-MM-DDTHH:mmZ within a few minutes of now. */
function assertCreationMinutes(value) {
  assert.match(value, MINUTES);
  const delta = Math.abs(Date.parse(value) - Date.now()) / 1000;
  assert.ok(delta <= 300, `CreationTime ${value} is ${delta}s away from now`);
}

/** POST /_emulator/traffic/<path> with a JSON body on the Relaxed server; asserts 200 and returns the body. */
async function traffic(path, body) {
  const r = await rawFetch(`/_emulator/traffic/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal(r.status, 200, `${path}: ${r.text}`);
  assert.match(r.json.RequestId, UUID);
  return r.json;
}

/** Picks `keys` of `object` (absent ones as undefined, so a missing field fails a deepEqual). */
const pick = (object, keys) => Object.fromEntries(keys.map((k) => [k, object?.[k]]));

// ---------------------------------------------------------------------------------------------------------------
// The provisioning script
// ---------------------------------------------------------------------------------------------------------------

describe('provisioning script: network, groups, rules, instances, an extra ENI, then teardown in order', () => {
  for (const driver of drivers()) {
    test(`provisioning script with ${driver.name}`, async (t) => {
      const clean = cleanup(t, driver);
      const tag = [{ Key: 'app', Value: 'web' }, { Key: 'client', Value: driver.kind }];

      // Network: a VPC and a vSwitch (VPC 2016-04-28).
      const vpc = await driver.createVpc({ RegionId: REGION, CidrBlock: '10.70.0.0/16', VpcName: uniqueName('prov-vpc') });
      clean.vpc(vpc.VpcId);
      const VpcId = vpc.VpcId;
      const vsw = await driver.createVSwitch({ RegionId: REGION, VpcId, ZoneId: ZONE, CidrBlock: '10.70.1.0/24', VSwitchName: uniqueName('prov-vsw') });
      clean.vSwitch(vsw.VSwitchId);
      const VSwitchId = vsw.VSwitchId;
      const ip = (k) => `10.70.1.${k}`;

      // Two basic groups with SSH in from 10.0.0.0/8 and everything out.
      const A = await newGroup(clean, VpcId, { SecurityGroupType: 'normal', Description: 'web' }, driver);
      const B = await newGroup(clean, VpcId, { SecurityGroupType: 'normal', Description: 'data' }, driver);
      for (const G of [A, B]) {
        await driver.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: G, Permissions: [
          { IpProtocol: 'TCP', PortRange: '22/22', SourceCidrIp: '10.0.0.0/8', Policy: 'accept', Description: 'ssh' },
        ] });
        await driver.authorizeSecurityGroupEgress({ RegionId: REGION, SecurityGroupId: G, Permissions: [
          { IpProtocol: 'ALL', PortRange: '-1/-1', DestCidrIp: '0.0.0.0/0', Policy: 'accept', Description: 'all out' },
        ] });
        const entry = await groupEntry(driver, G);
        assert.equal(entry.RuleCount, 2, `rules of ${G}`);
        assert.equal(entry.SecurityGroupType, 'normal');
        assert.deepEqual(pick(entry, ['EcsCount', 'AvailableInstanceAmount']), { EcsCount: 0, AvailableInstanceAmount: 6000 }, 'an empty basic group');
      }

      // Two instances into A.
      const InstanceName = uniqueName('web');
      const launched = await driver.runInstances({
        RegionId: REGION, VSwitchId, ZoneId: ZONE, SecurityGroupId: A, Amount: 2, InstanceName, Description: 'web tier',
        HostName: 'web', InstanceType: 'ecs.g7.large', ImageId: 'ubuntu_22_04_x64_20G_alibase_20240101.vhd', Tag: tag,
        ClientToken: uniqueName('run'),
      });
      assert.match(launched.RequestId, UUID);
      const ids = launched.InstanceIdSets.InstanceIdSet;
      assert.equal(ids.length, 2, JSON.stringify(launched));
      for (const id of ids) {
        assert.match(id, resourceId('i'));
        clean.instance(id);
      }
      assert.notEqual(ids[0], ids[1]);
      assert.equal(typeof launched.OrderId, 'string', 'OrderId');
      assert.equal(typeof launched.TradePrice, 'number', 'TradePrice');
      const [web1, web2] = ids;

      const listed = await instancesById(driver, ids);
      for (const [id, k] of [[web1, 1], [web2, 2]]) {
        const i = listed[id];
        assert.deepEqual(pick(i, ['InstanceId', 'InstanceName', 'Description', 'HostName', 'Status', 'RegionId', 'ZoneId', 'InstanceType', 'ImageId']), {
          InstanceId: id, InstanceName, Description: 'web tier', HostName: 'web', Status: 'Running', RegionId: REGION, ZoneId: ZONE,
          InstanceType: 'ecs.g7.large', ImageId: 'ubuntu_22_04_x64_20G_alibase_20240101.vhd',
        }, id);
        assertCreationMinutes(i.CreationTime);
        const { NatIpAddress, ...vpcAttributes } = i.VpcAttributes;
        assert.equal(typeof NatIpAddress, 'string', 'VpcAttributes.NatIpAddress');
        assert.deepEqual(vpcAttributes, { VpcId, VSwitchId, PrivateIpAddress: { IpAddress: [ip(k)] } },
          `${id}: the ${k === 1 ? 'first' : 'second'} instance gets the lowest free address .${k}`);
        assert.deepEqual(i.SecurityGroupIds, { SecurityGroupId: [A] });
        assert.deepEqual(enisOf(i), [{ Type: 'Primary', PrimaryIpAddress: ip(k), PrivateIpSet: [{ PrivateIpAddress: ip(k), Primary: true }] }]);
        assert.deepEqual(sortedTags(i.Tags.Tag), [{ TagKey: 'app', TagValue: 'web' }, { TagKey: 'client', TagValue: driver.kind }]);
      }
      const primaryOfWeb1 = primaryEniOf(listed[web1]);

      // A secondary ENI in B (a primary and one secondary address), attached to the first instance.
      const eniName = uniqueName('data-nic');
      const eni = await driver.createNetworkInterface({
        RegionId: REGION, VSwitchId, SecurityGroupId: B, NetworkInterfaceName: eniName, Description: 'data plane',
        SecondaryPrivateIpAddressCount: 1, Tag: tag, ClientToken: uniqueName('eni'),
      });
      assert.match(eni.RequestId, UUID);
      assert.match(eni.NetworkInterfaceId, resourceId('eni'));
      clean.networkInterface(eni.NetworkInterfaceId);
      const ENI = eni.NetworkInterfaceId;
      assert.deepEqual(pick(eni, ['Status', 'Type', 'VpcId', 'VSwitchId', 'ZoneId', 'PrivateIpAddress', 'NetworkInterfaceName', 'Description']), {
        Status: 'Available', Type: 'Secondary', VpcId, VSwitchId, ZoneId: ZONE, PrivateIpAddress: ip(3), NetworkInterfaceName: eniName,
        Description: 'data plane',
      });
      assert.match(eni.MacAddress, MAC);
      assert.deepEqual(eni.SecurityGroupIds, { SecurityGroupId: [B] });
      assert.deepEqual(ipSet(eni.PrivateIpSets.PrivateIpSet), [{ PrivateIpAddress: ip(3), Primary: true }, { PrivateIpAddress: ip(4), Primary: false }]);
      assert.deepEqual(sortedTags(eni.Tags.Tag), [{ TagKey: 'app', TagValue: 'web' }, { TagKey: 'client', TagValue: driver.kind }]);

      assert.match((await driver.attachNetworkInterface({ RegionId: REGION, NetworkInterfaceId: ENI, InstanceId: web1 })).RequestId, UUID);
      const attached = await describeEni(driver, ENI);
      assert.deepEqual(pick(attached, ['NetworkInterfaceId', 'Status', 'InstanceId', 'Type', 'PrivateIpAddress', 'MacAddress']), {
        NetworkInterfaceId: ENI, Status: 'InUse', InstanceId: web1, Type: 'Secondary', PrivateIpAddress: ip(3), MacAddress: eni.MacAddress,
      });
      assert.deepEqual(enisOf(await describeInstance(driver, web1)), [
        { Type: 'Primary', PrimaryIpAddress: ip(1), PrivateIpSet: [{ PrivateIpAddress: ip(1), Primary: true }] },
        { Type: 'Secondary', PrimaryIpAddress: ip(3), PrivateIpSet: [{ PrivateIpAddress: ip(3), Primary: true }, { PrivateIpAddress: ip(4), Primary: false }] },
      ], 'the first instance shows both ENIs');
      assert.deepEqual(await eniIds(driver, { InstanceId: web1 }), sorted([primaryOfWeb1, ENI]), 'DescribeNetworkInterfaces InstanceId');

      // Move the first instance into [A, B] and the ENI into [A, B].
      assert.match((await driver.modifyInstanceAttribute({ InstanceId: web1, SecurityGroupIds: [A, B] })).RequestId, UUID);
      assert.match((await driver.modifyNetworkInterfaceAttribute({ RegionId: REGION, NetworkInterfaceId: ENI, SecurityGroupId: [A, B] })).RequestId, UUID);
      const moved = await instancesById(driver, ids);
      assert.deepEqual(groupsOf(moved[web1]), sorted([A, B]), 'ModifyInstanceAttribute replaced the groups of the first instance');
      assert.deepEqual(groupsOf(moved[web2]), [A], 'the second instance is untouched');
      assert.deepEqual(sorted((await describeEni(driver, ENI)).SecurityGroupIds.SecurityGroupId), sorted([A, B]), 'the ENI is in A and B');
      assert.deepEqual(sorted((await describeEni(driver, primaryOfWeb1)).SecurityGroupIds.SecurityGroupId), sorted([A, B]),
        'the instance\'s groups are its primary ENI\'s');
      assert.deepEqual(await instanceIds(driver, { SecurityGroupId: B }), [web1], 'DescribeInstances SecurityGroupId=B');
      assert.deepEqual(await instanceIds(driver, { SecurityGroupId: A }), sorted(ids), 'DescribeInstances SecurityGroupId=A');

      // The traffic engine over this SDK-built fixture (/_emulator/traffic, JSON over HTTP).
      const ssh = await traffic('evaluate', { RegionId: REGION, InstanceId: web1, Direction: 'ingress', IpProtocol: 'TCP', SourceIp: '10.200.0.9', DestinationPort: 22 });
      assert.deepEqual(pick(ssh, ['Decision', 'Reason']), { Decision: 'Accept', Reason: 'Rule' }, 'SSH from 10/8 is accepted by a rule');
      assert.ok([A, B].includes(ssh.MatchedRule.SecurityGroupId));
      assert.deepEqual(pick(ssh.MatchedRule, ['Description', 'SourceCidrIp', 'PortRange', 'Policy']),
        { Description: 'ssh', SourceCidrIp: '10.0.0.0/8', PortRange: '22/22', Policy: 'Accept' });
      assert.deepEqual(pick(await traffic('evaluate', { RegionId: REGION, InstanceId: web1, Direction: 'ingress', IpProtocol: 'TCP', SourceIp: '8.8.8.8',
        DestinationPort: 22 }), ['Decision', 'Reason']), { Decision: 'Drop', Reason: 'Default' }, 'SSH from outside 10/8 falls to the default');
      assert.deepEqual(pick(await traffic('evaluate', { RegionId: REGION, InstanceId: web1, Direction: 'ingress', IpProtocol: 'TCP', SourceIp: ip(2),
        DestinationPort: 8080 }), ['Decision', 'Reason']), { Decision: 'Accept', Reason: 'InnerAccess' }, 'the second instance shares group A');
      assert.deepEqual(pick(await traffic('evaluate', { RegionId: REGION, NetworkInterfaceId: ENI, Direction: 'ingress', IpProtocol: 'TCP', SourceIp: '10.1.1.1',
        DestinationIp: ip(4), DestinationPort: 22 }), ['Decision', 'Reason']), { Decision: 'Accept', Reason: 'Rule' }, 'the ENI\'s secondary address');
      const batch = await traffic('evaluate', { RegionId: REGION, InstanceId: web2, Packets: [
        { Direction: 'egress', IpProtocol: 'UDP', DestinationIp: '1.1.1.1', DestinationPort: 53 },
        { Direction: 'ingress', IpProtocol: 'ICMP', SourceIp: '8.8.8.8' },
      ] });
      assert.deepEqual(batch.Results.map((r) => `${r.Decision}/${r.Reason}`), ['Accept/Rule', 'Drop/Default']);
      const reach = await traffic('reachability', { RegionId: REGION, Source: { InstanceId: web2 }, Destination: { InstanceId: web1 }, IpProtocol: 'TCP',
        DestinationPort: 22 });
      assert.equal(reach.Reachable, true, JSON.stringify(reach));
      assert.equal(reach.Egress.Decision, 'Accept');
      const diagnosis = await traffic('diagnose', { RegionId: REGION, InstanceId: web1, SourceIp: '203.0.113.7' });
      const sshCheck = diagnosis.Results.find((r) => r.IpProtocol === 'TCP' && r.Port === 22);
      assert.equal(sshCheck.Decision, 'Drop');
      assert.equal(sshCheck.Suggestion.Action, 'AuthorizeSecurityGroup');
      assert.equal(sshCheck.Suggestion.Parameters['Permissions.1.SourceCidrIp'], '203.0.113.7/32');
      const exposure = await traffic('exposure', { RegionId: REGION, InstanceId: web1, Direction: 'ingress', IpProtocol: 'TCP', Port: 22 });
      assert.deepEqual(exposure.AcceptedCidrs, ['10.0.0.0/8'], 'only 10/8 reaches SSH');
      assert.deepEqual(exposure.DroppedCidrs, ['0.0.0.0/5', '8.0.0.0/7', '11.0.0.0/8', '12.0.0.0/6', '16.0.0.0/4', '32.0.0.0/3', '64.0.0.0/2', '128.0.0.0/1']);
      const findings = await rawFetch(`/_emulator/findings?RegionId=${REGION}`);
      assert.equal(findings.status, 200, findings.text);
      const mine = findings.json.Findings.filter((f) => f.SecurityGroupId === A || f.SecurityGroupId === B);
      assert.ok(!mine.some((f) => f.Severity === 'High'), `no high finding for SSH from 10/8: ${JSON.stringify(mine)}`);

      // A: both primaries (.1, .2) and the ENI (.3, .4); B: the first primary (.1) and the ENI (.3, .4).
      assert.deepEqual(await capacity(driver, A), { EcsCount: 2, AvailableInstanceAmount: 6000 - 4 });
      assert.deepEqual(await capacity(driver, B), { EcsCount: 1, AvailableInstanceAmount: 6000 - 3 });

      // Teardown in order: the ENI, the instances, the groups, the vSwitch, the VPC.
      assert.match((await driver.detachNetworkInterface({ RegionId: REGION, NetworkInterfaceId: ENI, InstanceId: web1 })).RequestId, UUID);
      const detached = await describeEni(driver, ENI);
      assert.equal(detached.Status, 'Available');
      assert.ok(!detached.InstanceId, `a detached ENI has no InstanceId: ${detached.InstanceId}`);
      assert.deepEqual(enisOf(await describeInstance(driver, web1)).map((n) => n.Type), ['Primary']);
      assert.match((await driver.deleteNetworkInterface({ RegionId: REGION, NetworkInterfaceId: ENI })).RequestId, UUID);
      assert.deepEqual(await eniIds(driver, { NetworkInterfaceId: [ENI] }), [], 'the ENI is gone');
      assert.deepEqual(await capacity(driver, A), { EcsCount: 2, AvailableInstanceAmount: 6000 - 2 });
      assert.deepEqual(await capacity(driver, B), { EcsCount: 1, AvailableInstanceAmount: 6000 - 1 });

      assert.match((await driver.deleteInstances({ RegionId: REGION, InstanceId: ids, Force: true })).RequestId, UUID);
      assert.deepEqual(await instanceIds(driver, { VpcId }), [], 'no instance left in the VPC');
      assert.deepEqual(await eniIds(driver, { VpcId }), [], 'the primary ENIs went with their instances');
      assert.deepEqual(await capacity(driver, A), { EcsCount: 0, AvailableInstanceAmount: 6000 });
      assert.deepEqual(await capacity(driver, B), { EcsCount: 0, AvailableInstanceAmount: 6000 });

      for (const G of [A, B]) assert.match((await driver.deleteSecurityGroup({ RegionId: REGION, SecurityGroupId: G })).RequestId, UUID);
      assert.equal((await driver.describeSecurityGroups({ RegionId: REGION, VpcId })).SecurityGroups.SecurityGroup.length, 0);
      assert.match((await driver.deleteVSwitch({ RegionId: REGION, VSwitchId })).RequestId, UUID);
      assert.match((await driver.deleteVpc({ RegionId: REGION, VpcId })).RequestId, UUID);
      assert.equal((await driver.describeVpcs({ RegionId: REGION, VpcId })).TotalCount, 0, 'the VPC is gone');
    });
  }
});

describe('teardown in the wrong order is refused step by step, then succeeds in the right order', () => {
  for (const driver of drivers()) {
    test(driver.name, async (t) => {
      const clean = cleanup(t, driver);
      const { VpcId, VSwitchId } = await network(clean, 71, driver);
      const A = await newGroup(clean, VpcId, {}, driver);
      const B = await newGroup(clean, VpcId, {}, driver);
      const [web1, web2] = await run(clean, { VSwitchId, SecurityGroupId: A, Amount: 2 }, driver);
      const created = await driver.createInstance({ RegionId: REGION, VSwitchId, SecurityGroupId: A, InstanceName: uniqueName('stopped') });
      assert.match(created.InstanceId, resourceId('i'));
      clean.instance(created.InstanceId);
      const stopped = created.InstanceId;
      const eni = await newEni(clean, { VSwitchId, SecurityGroupId: B }, driver);
      const ENI = eni.NetworkInterfaceId;
      await driver.attachNetworkInterface({ RegionId: REGION, NetworkInterfaceId: ENI, InstanceId: web1 });
      const before = await instancesById(driver, [web1, web2, stopped]);
      assert.deepEqual([web1, web2, stopped].map((id) => before[id].Status), ['Running', 'Running', 'Stopped']);
      const primary = primaryEniOf(before[web1]);

      // The VPC still has its vSwitch, the vSwitch still has instances, the groups still have members.
      await assertAcsError(driver.deleteVpc({ RegionId: REGION, VpcId }), 'DependencyViolation.VSwitch', 400, 'DeleteVpc');
      await assertAcsError(driver.deleteVSwitch({ RegionId: REGION, VSwitchId }), 'DependencyViolation', 400, 'DeleteVSwitch');
      for (const G of [A, B]) {
        const error = await assertAcsError(driver.deleteSecurityGroup({ RegionId: REGION, SecurityGroupId: G }), 'DependencyViolation', 403,
          `DeleteSecurityGroup ${G}`);
        assert.equal(error.data.Message, STILL_INSTANCES);
      }
      // An attached ENI cannot be deleted; a primary ENI can be neither detached nor deleted.
      await assertAcsError(driver.deleteNetworkInterface({ RegionId: REGION, NetworkInterfaceId: ENI }), 'InvalidOperation.InvalidEniState', 403,
        'DeleteNetworkInterface of an attached ENI');
      await assertAcsError(driver.detachNetworkInterface({ RegionId: REGION, NetworkInterfaceId: primary, InstanceId: web1 }),
        'InvalidOperation.DetachPrimaryEniNotAllowed', 403, 'DetachNetworkInterface of a primary ENI');
      await assertAcsError(driver.deleteNetworkInterface({ RegionId: REGION, NetworkInterfaceId: primary }),
        'InvalidOperation.DetachPrimaryEniNotAllowed', 403, 'DeleteNetworkInterface of a primary ENI');
      // A running instance needs Force, and DeleteInstances is all or none.
      await assertAcsError(driver.deleteInstance({ InstanceId: web1 }), 'IncorrectInstanceStatus', 403, 'DeleteInstance of a running instance');
      await assertAcsError(driver.deleteInstance({ InstanceId: web1, Force: false }), 'IncorrectInstanceStatus', 403, 'Force=false');
      await assertAcsError(driver.deleteInstances({ RegionId: REGION, InstanceId: [stopped, web2] }), 'IncorrectInstanceStatus', 403,
        'DeleteInstances of a stopped and a running instance');

      // Nothing was deleted.
      assert.deepEqual(await instanceIds(driver, { VpcId }), sorted([web1, web2, stopped]), 'all three instances remain');
      assert.deepEqual(pick(await describeEni(driver, ENI), ['Status', 'InstanceId']), { Status: 'InUse', InstanceId: web1 });
      assert.deepEqual(await eniIds(driver, { VpcId }), sorted([ENI, primary, primaryEniOf(before[web2]), primaryEniOf(before[stopped])]));
      assert.deepEqual(await capacity(driver, A), { EcsCount: 3, AvailableInstanceAmount: 6000 - 3 });
      assert.deepEqual(await capacity(driver, B), { EcsCount: 1, AvailableInstanceAmount: 6000 - 1 });
      assert.equal((await driver.describeVSwitches({ RegionId: REGION, VSwitchId })).TotalCount, 1);
      assert.equal((await driver.describeVpcs({ RegionId: REGION, VpcId })).TotalCount, 1);

      // A detached ENI is still a member of B: B stays undeletable until the ENI is gone.
      await driver.detachNetworkInterface({ RegionId: REGION, NetworkInterfaceId: ENI, InstanceId: web1 });
      assert.deepEqual(await capacity(driver, B), { EcsCount: 0, AvailableInstanceAmount: 6000 - 1 }, 'B holds the detached ENI, no instance');
      const error = await assertAcsError(driver.deleteSecurityGroup({ RegionId: REGION, SecurityGroupId: B }), 'DependencyViolation', 403,
        'DeleteSecurityGroup of a group holding a detached ENI');
      assert.equal(error.data.Message, STILL_INSTANCES);
      await driver.deleteNetworkInterface({ RegionId: REGION, NetworkInterfaceId: ENI });
      await driver.deleteSecurityGroup({ RegionId: REGION, SecurityGroupId: B });

      // A stopped instance goes without Force; the running ones with it.
      await driver.deleteInstance({ InstanceId: stopped });
      await assertAcsError(driver.deleteSecurityGroup({ RegionId: REGION, SecurityGroupId: A }), 'DependencyViolation', 403, 'A still holds two');
      await driver.deleteInstance({ InstanceId: web1, Force: true });
      await assertAcsError(driver.deleteVSwitch({ RegionId: REGION, VSwitchId }), 'DependencyViolation', 400, 'the vSwitch still holds one');
      await driver.deleteInstances({ RegionId: REGION, InstanceId: [web2], Force: true });
      assert.deepEqual(await instanceIds(driver, { VpcId }), []);
      assert.deepEqual(await capacity(driver, A), { EcsCount: 0, AvailableInstanceAmount: 6000 });

      await driver.deleteSecurityGroup({ RegionId: REGION, SecurityGroupId: A });
      await assertAcsError(driver.deleteVpc({ RegionId: REGION, VpcId }), 'DependencyViolation.VSwitch', 400, 'the vSwitch is still there');
      await driver.deleteVSwitch({ RegionId: REGION, VSwitchId });
      await driver.deleteVpc({ RegionId: REGION, VpcId });
      assert.equal((await driver.describeVpcs({ RegionId: REGION, VpcId })).TotalCount, 0);
    });
  }
});

// ---------------------------------------------------------------------------------------------------------------
// Instances
// ---------------------------------------------------------------------------------------------------------------

describe('instances', () => {
  test('RunInstances: SecurityGroupIds.N, a fixed PrivateIpAddress, the lowest free address, ClientToken replay, DryRun', async (t) => {
    const clean = cleanup(t);
    const { VpcId, VSwitchId, ip } = await network(clean, 72);
    const A = await newGroup(clean, VpcId);
    const B = await newGroup(clean, VpcId);
    for (const [i, driver] of drivers().entries()) {
      const label = driver.name;
      // Two groups through SecurityGroupIds.N.
      const [both] = await run(clean, { VSwitchId, SecurityGroupIds: [A, B], Amount: 1 }, driver);
      assert.deepEqual(groupsOf(await describeInstance(driver, both)), sorted([A, B]), `${label}: SecurityGroupIds.N`);
      // A fixed address (Amount 1).
      const fixed = ip(200 + i);
      const [pinned] = await run(clean, { VSwitchId, SecurityGroupId: A, PrivateIpAddress: fixed }, driver);
      const pinnedView = await describeInstance(driver, pinned);
      assert.deepEqual(pinnedView.VpcAttributes.PrivateIpAddress, { IpAddress: [fixed] }, `${label}: PrivateIpAddress`);
      assert.deepEqual(await instanceIds(driver, { PrivateIpAddresses: JSON.stringify([fixed]) }), [pinned], `${label}: by the fixed address`);
      await driver.deleteInstance({ InstanceId: both, Force: true });
      await driver.deleteInstance({ InstanceId: pinned, Force: true });
    }

    // The lowest free address: .1 .2 .3, then .2 again once it is released.
    const three = await run(clean, { VSwitchId, SecurityGroupId: A, Amount: 3 });
    const first = await instancesById(sdk, three);
    assert.deepEqual(three.map((id) => first[id].VpcAttributes.PrivateIpAddress.IpAddress[0]), [ip(1), ip(2), ip(3)], 'in launch order');
    await sdk.deleteInstance({ InstanceId: three[1], Force: true });
    const [again] = await run(clean, { VSwitchId, SecurityGroupId: A });
    assert.deepEqual((await describeInstance(sdk, again)).VpcAttributes.PrivateIpAddress.IpAddress, [ip(2)], 'the freed .2 is reused');
    const eni = await newEni(clean, { VSwitchId, SecurityGroupId: A });
    assert.equal(eni.PrivateIpAddress, ip(4), 'an ENI takes the next free address too');

    // ClientToken: a replay answers the first InstanceIdSet and launches nothing.
    for (const driver of drivers()) {
      const ClientToken = uniqueName('token');
      const params = { VSwitchId, SecurityGroupId: B, Amount: 2, ClientToken, InstanceName: uniqueName('idem') };
      const ids = await run(clean, params, driver);
      const replay = await run(clean, params, driver);
      assert.deepEqual(replay, ids, `${driver.name}: the replay answers the same instances`);
      assert.deepEqual(await instanceIds(driver, { InstanceName: params.InstanceName }), sorted(ids), `${driver.name}: nothing more was launched`);
    }

    // DryRun checks only.
    for (const driver of drivers()) {
      const InstanceName = uniqueName('dry');
      await assertAcsError(driver.runInstances({ RegionId: REGION, VSwitchId, SecurityGroupId: A, InstanceName, DryRun: true }),
        'DryRunOperation', 400, driver.name);
      assert.deepEqual(await instanceIds(driver, { InstanceName }), [], `${driver.name}: DryRun launched nothing`);
    }
  });

  test('RunInstances refuses Amount outside 1-100 and PrivateIpAddress with Amount above 1, launching nothing', async (t) => {
    const clean = cleanup(t);
    const { VpcId, VSwitchId, ip } = await network(clean, 73);
    const A = await newGroup(clean, VpcId);
    for (const driver of drivers()) {
      for (const params of [{ Amount: 0 }, { Amount: 101 }, { Amount: 2, PrivateIpAddress: ip(10) }]) {
        const InstanceName = uniqueName('bad');
        const label = `${driver.name} ${JSON.stringify(params)}`;
        let error;
        try {
          const body = await driver.runInstances({ RegionId: REGION, VSwitchId, SecurityGroupId: A, InstanceName, ...params });
          assert.fail(`${label}: expected a 400 error, got ${JSON.stringify(body)}`);
        } catch (e) {
          if (e instanceof assert.AssertionError) throw e;
          error = e;
        }
        assert.equal(typeof error.data?.Code, 'string', `${label}: an Alibaba error body (${error.message})`);
        assert.equal(error.entry ? error.entry.response.statusCode : error.statusCode, 400, `${label}: HTTP 400 (${error.data?.Code})`);
        assert.deepEqual(await instanceIds(driver, { InstanceName }), [], `${label}: nothing launched`);
      }
    }
  });

  test('CreateInstance makes one Stopped instance; StartInstance/StopInstance refuse the state it is already in (IncorrectInstanceStatus, 403)', async (t) => {
    const clean = cleanup(t);
    const { VpcId, VSwitchId } = await network(clean, 74);
    const A = await newGroup(clean, VpcId);
    for (const driver of drivers()) {
      const InstanceName = uniqueName('single');
      const created = await driver.createInstance({
        RegionId: REGION, VSwitchId, ZoneId: ZONE, SecurityGroupId: A, InstanceName, Description: 'one', HostName: 'db',
        InstanceType: 'ecs.c7.xlarge', ImageId: 'centos_7_9_x64_20G_alibase_20240101.vhd', Tag: [{ Key: 'role', Value: 'db' }],
        ClientToken: uniqueName('create'),
      });
      assert.match(created.RequestId, UUID);
      assert.match(created.InstanceId, resourceId('i'));
      clean.instance(created.InstanceId);
      const id = created.InstanceId;
      const view = await describeInstance(driver, id);
      assert.deepEqual(pick(view, ['InstanceName', 'Description', 'HostName', 'Status', 'ZoneId', 'InstanceType', 'ImageId']), {
        InstanceName, Description: 'one', HostName: 'db', Status: 'Stopped', ZoneId: ZONE, InstanceType: 'ecs.c7.xlarge',
        ImageId: 'centos_7_9_x64_20G_alibase_20240101.vhd',
      }, driver.name);
      assertCreationMinutes(view.CreationTime);
      assert.deepEqual(view.SecurityGroupIds, { SecurityGroupId: [A] });
      assert.equal(enisOf(view).length, 1, 'a primary ENI');
      assert.deepEqual(view.Tags.Tag, [{ TagKey: 'role', TagValue: 'db' }]);

      const status = async () => (await describeInstance(driver, id)).Status;
      await assertAcsError(driver.stopInstance({ InstanceId: id }), 'IncorrectInstanceStatus', 403, `${driver.name}: stop a stopped instance`);
      assert.match((await driver.startInstance({ InstanceId: id })).RequestId, UUID);
      assert.equal(await status(), 'Running');
      await assertAcsError(driver.startInstance({ InstanceId: id }), 'IncorrectInstanceStatus', 403, `${driver.name}: start a running instance`);
      assert.match((await driver.stopInstance({ InstanceId: id })).RequestId, UUID);
      assert.equal(await status(), 'Stopped');
      await driver.startInstance({ InstanceId: id });
      assert.equal(await status(), 'Running');
      await assertAcsError(driver.startInstance({ InstanceId: UNKNOWN_INSTANCE }), 'InvalidInstanceId.NotFound', 404, driver.name);
      await assertAcsError(driver.stopInstance({ InstanceId: UNKNOWN_INSTANCE }), 'InvalidInstanceId.NotFound', 404, driver.name);
    }
  });

  test('DeleteInstance and DeleteInstances: Force for running instances, all or none, InvalidInstanceId.NotFound (404)', async (t) => {
    const clean = cleanup(t);
    const { VpcId, VSwitchId } = await network(clean, 75);
    const A = await newGroup(clean, VpcId);
    for (const driver of drivers()) {
      const [running1, running2] = await run(clean, { VSwitchId, SecurityGroupId: A, Amount: 2 });
      const stopped = (await sdk.createInstance({ RegionId: REGION, VSwitchId, SecurityGroupId: A })).InstanceId;
      clean.instance(stopped);
      const all = sorted([running1, running2, stopped]);

      await assertAcsError(driver.deleteInstance({ InstanceId: running1 }), 'IncorrectInstanceStatus', 403, driver.name);
      await assertAcsError(driver.deleteInstances({ RegionId: REGION, InstanceId: [stopped, running1] }), 'IncorrectInstanceStatus', 403, driver.name);
      await assertAcsError(driver.deleteInstances({ RegionId: REGION, InstanceId: [stopped, UNKNOWN_INSTANCE], Force: true }),
        'InvalidInstanceId.NotFound', 404, driver.name);
      await assertAcsError(driver.deleteInstance({ InstanceId: UNKNOWN_INSTANCE, Force: true }), 'InvalidInstanceId.NotFound', 404, driver.name);
      assert.deepEqual(await instanceIds(driver, { VpcId }), all, `${driver.name}: nothing was deleted`);

      assert.match((await driver.deleteInstance({ InstanceId: stopped })).RequestId, UUID, 'a stopped instance needs no Force');
      assert.match((await driver.deleteInstances({ RegionId: REGION, InstanceId: [running1, running2], Force: true })).RequestId, UUID);
      assert.deepEqual(await instanceIds(driver, { VpcId }), [], `${driver.name}: all deleted`);
      assert.deepEqual(await eniIds(driver, { VpcId }), [], `${driver.name}: with their primary ENIs`);
      await assertAcsError(driver.deleteInstance({ InstanceId: stopped }), 'InvalidInstanceId.NotFound', 404, `${driver.name}: deleted twice`);
    }
  });

  test('ModifyInstanceAttribute: name, description, the whole set of groups; SecurityGroupIdRepeated and NotBelongToOneVpc (404)', async (t) => {
    const clean = cleanup(t);
    const net = await network(clean, 76);
    const other = await network(clean, 77);
    const A = await newGroup(clean, net.VpcId);
    const B = await newGroup(clean, net.VpcId);
    const C = await newGroup(clean, net.VpcId);
    const foreign = await newGroup(clean, other.VpcId);
    const [id] = await run(clean, { VSwitchId: net.VSwitchId, SecurityGroupId: A, InstanceName: 'before', Description: 'old' });
    for (const driver of drivers()) {
      const name = uniqueName('renamed');
      await driver.modifyInstanceAttribute({ InstanceId: id, InstanceName: name, Description: `by ${driver.kind}` });
      let view = await describeInstance(driver, id);
      assert.deepEqual(pick(view, ['InstanceName', 'Description']), { InstanceName: name, Description: `by ${driver.kind}` });
      assert.deepEqual(groupsOf(view), [A], 'groups unchanged without SecurityGroupIds');

      await driver.modifyInstanceAttribute({ InstanceId: id, SecurityGroupIds: [B, C] });
      assert.deepEqual(groupsOf(await describeInstance(driver, id)), sorted([B, C]), `${driver.name}: replaced by [B, C]`);
      assert.deepEqual(await instanceIds(driver, { SecurityGroupId: A }), [], 'no longer in A');
      await driver.modifyInstanceAttribute({ InstanceId: id, SecurityGroupIds: [A] });
      assert.deepEqual(groupsOf(await describeInstance(driver, id)), [A], `${driver.name}: replaced by [A]`);

      await assertAcsError(driver.modifyInstanceAttribute({ InstanceId: id, SecurityGroupIds: [B, B] }),
        'InvalidParameter.SecurityGroupIdRepeated', 404, driver.name);
      await assertAcsError(driver.modifyInstanceAttribute({ InstanceId: id, SecurityGroupIds: [A, foreign] }),
        'InvalidSecurityGroupVpc.NotBelongToOneVpc', 404, driver.name);
      await assertAcsError(driver.modifyInstanceAttribute({ InstanceId: id, SecurityGroupIds: [foreign] }),
        'InvalidSecurityGroupVpc.NotBelongToOneVpc', 404, driver.name);
      await assertAcsError(driver.modifyInstanceAttribute({ InstanceId: UNKNOWN_INSTANCE, InstanceName: 'xy' }), 'InvalidInstanceId.NotFound', 404, driver.name);
      view = await describeInstance(driver, id);
      assert.deepEqual(groupsOf(view), [A], `${driver.name}: a refused change changes nothing`);
      assert.equal(view.InstanceName, name);
    }
  });

  test('DescribeInstances filters and both paging styles', async (t) => {
    const clean = cleanup(t);
    const { VpcId, VSwitchId, ip } = await network(clean, 78);
    const vsw2 = await vSwitch(clean, VpcId, '10.78.2.0/24', OTHER_ZONE);
    const A = await newGroup(clean, VpcId);
    const B = await newGroup(clean, VpcId);
    const alpha = uniqueName('alpha');
    const beta = uniqueName('beta');
    const [i1, i2] = await run(clean, { VSwitchId, SecurityGroupId: A, Amount: 2, InstanceName: alpha, Tag: [{ Key: 'env', Value: 'prod' }] });
    const i3 = (await sdk.createInstance({ RegionId: REGION, VSwitchId: vsw2, SecurityGroupId: B, InstanceName: beta, Tag: [{ Key: 'env', Value: 'dev' }] }))
      .InstanceId;
    clean.instance(i3);
    const [i4, i5] = await run(clean, { VSwitchId: vsw2, SecurityGroupId: B, Amount: 2, InstanceName: beta });
    const all = sorted([i1, i2, i3, i4, i5]);

    for (const driver of drivers()) {
      const label = driver.name;
      const ids = (params) => instanceIds(driver, { VpcId, ...params });
      assert.deepEqual(await ids({}), all, `${label}: VpcId`);
      assert.deepEqual(await instanceIds(driver, { InstanceIds: JSON.stringify([i3, i1]) }), sorted([i1, i3]), `${label}: InstanceIds`);
      assert.deepEqual(await ids({ VSwitchId: vsw2 }), sorted([i3, i4, i5]), `${label}: VSwitchId`);
      assert.deepEqual(await ids({ ZoneId: ZONE }), sorted([i1, i2]), `${label}: ZoneId`);
      assert.deepEqual(await ids({ SecurityGroupId: B }), sorted([i3, i4, i5]), `${label}: SecurityGroupId`);
      assert.deepEqual(await ids({ Status: 'Stopped' }), [i3], `${label}: Status Stopped`);
      assert.deepEqual(await ids({ Status: 'Running' }), sorted([i1, i2, i4, i5]), `${label}: Status Running`);
      assert.deepEqual(await instanceIds(driver, { InstanceName: alpha }), sorted([i1, i2]), `${label}: InstanceName`);
      assert.deepEqual(await ids({ PrivateIpAddresses: JSON.stringify([ip(2), '10.78.2.1']) }), sorted([i2, i3]), `${label}: PrivateIpAddresses`);
      assert.deepEqual(await ids({ Tag: [{ Key: 'env', Value: 'dev' }] }), [i3], `${label}: Tag`);
      assert.deepEqual(await ids({ Tag: [{ Key: 'env', Value: 'prod' }], SecurityGroupId: A, Status: 'Running' }), sorted([i1, i2]), `${label}: AND`);
      assert.deepEqual(await ids({ VSwitchId: vsw2, ZoneId: ZONE }), [], `${label}: no match`);

      // Legacy paging.
      const seen = [];
      for (let PageNumber = 1; PageNumber <= 3; PageNumber++) {
        const page = await driver.describeInstances({ RegionId: REGION, VpcId, PageNumber, PageSize: 2 });
        assert.deepEqual(pick(page, ['TotalCount', 'PageNumber', 'PageSize']), { TotalCount: 5, PageNumber, PageSize: 2 }, `${label}: page ${PageNumber}`);
        assert.equal(page.Instances.Instance.length, PageNumber < 3 ? 2 : 1);
        seen.push(...page.Instances.Instance.map((i) => i.InstanceId));
      }
      assert.deepEqual(sorted(seen), all, `${label}: the pages cover every instance once`);
      const defaults = await driver.describeInstances({ RegionId: REGION, VpcId });
      assert.deepEqual(pick(defaults, ['TotalCount', 'PageNumber', 'PageSize']), { TotalCount: 5, PageNumber: 1, PageSize: 10 }, `${label}: defaults`);

      // Token paging.
      const tokens = [];
      let NextToken;
      for (let pages = 0; ; pages++) {
        assert.ok(pages < 5, `${label}: too many pages`);
        const page = await driver.describeInstances({ RegionId: REGION, VpcId, MaxResults: 2, NextToken });
        assert.ok(page.Instances.Instance.length <= 2);
        tokens.push(...page.Instances.Instance.map((i) => i.InstanceId));
        if (!page.NextToken) break;
        NextToken = page.NextToken;
      }
      assert.deepEqual(sorted(tokens), all, `${label}: MaxResults/NextToken cover every instance once`);
      assert.equal(tokens.length, 5);
    }
  });

  test('TagResources and ListTagResources take ResourceType instance and eni; DescribeInstances shows the tags', async (t) => {
    const clean = cleanup(t);
    const { VpcId, VSwitchId } = await network(clean, 79);
    const A = await newGroup(clean, VpcId);
    const [i1, i2] = await run(clean, { VSwitchId, SecurityGroupId: A, Amount: 2, Tag: [{ Key: 'env', Value: 'test' }] });
    const eni = (await newEni(clean, { VSwitchId, SecurityGroupId: A, Tag: [{ Key: 'env', Value: 'test' }] })).NetworkInterfaceId;
    const row = (ResourceType) => (ResourceId, TagKey, TagValue) => ({ ResourceId, ResourceType, TagKey, TagValue });
    const instanceRow = row('instance');
    const eniRow = row('eni');
    const ordered = (rows) => [...rows].sort((x, y) => (x.ResourceId < y.ResourceId ? -1 : x.ResourceId > y.ResourceId ? 1
      : x.TagKey < y.TagKey ? -1 : 1));
    for (const driver of drivers()) {
      const tagged = await driver.tagResources({
        RegionId: REGION, ResourceType: 'instance', ResourceId: [i1, i2], Tag: [{ Key: 'client', Value: driver.kind }],
      });
      assert.match(tagged.RequestId, UUID);
      await driver.tagResources({ RegionId: REGION, ResourceType: 'eni', ResourceId: [eni], Tag: [{ Key: 'client', Value: driver.kind }] });

      const instances = await driver.listTagResources({ RegionId: REGION, ResourceType: 'instance', ResourceId: [i2, i1] });
      assert.deepEqual(ordered(instances.TagResources.TagResource), ordered([
        instanceRow(i1, 'client', driver.kind), instanceRow(i1, 'env', 'test'), instanceRow(i2, 'client', driver.kind), instanceRow(i2, 'env', 'test'),
      ]), `${driver.name}: instance tags`);
      const enis = await driver.listTagResources({ RegionId: REGION, ResourceType: 'eni', ResourceId: [eni] });
      assert.deepEqual(ordered(enis.TagResources.TagResource), [eniRow(eni, 'client', driver.kind), eniRow(eni, 'env', 'test')], `${driver.name}: eni tags`);

      assert.deepEqual(sortedTags((await describeInstance(driver, i1)).Tags.Tag),
        [{ TagKey: 'client', TagValue: driver.kind }, { TagKey: 'env', TagValue: 'test' }], `${driver.name}: DescribeInstances Tags`);
      assert.deepEqual(sortedTags((await describeEni(driver, eni)).Tags.Tag),
        [{ TagKey: 'client', TagValue: driver.kind }, { TagKey: 'env', TagValue: 'test' }], `${driver.name}: DescribeNetworkInterfaces Tags`);
      assert.deepEqual(await instanceIds(driver, { VpcId, Tag: [{ Key: 'client', Value: driver.kind }] }), sorted([i1, i2]), `${driver.name}: Tag filter`);
      assert.deepEqual(await eniIds(driver, { VpcId, Tag: [{ Key: 'client', Value: driver.kind }] }), [eni], `${driver.name}: ENI Tag filter`);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Group membership
// ---------------------------------------------------------------------------------------------------------------

describe('JoinSecurityGroup and LeaveSecurityGroup', () => {
  test('join and leave by instance and by ENI', async (t) => {
    const clean = cleanup(t);
    const { VpcId, VSwitchId } = await network(clean, 80);
    const A = await newGroup(clean, VpcId);
    const B = await newGroup(clean, VpcId);
    const [id] = await run(clean, { VSwitchId, SecurityGroupId: A });
    const eni = (await newEni(clean, { VSwitchId, SecurityGroupId: A })).NetworkInterfaceId;
    for (const driver of drivers()) {
      const label = driver.name;
      assert.match((await driver.joinSecurityGroup({ SecurityGroupId: B, InstanceId: id })).RequestId, UUID);
      assert.deepEqual(groupsOf(await describeInstance(driver, id)), sorted([A, B]), `${label}: the instance joined B`);
      assert.deepEqual(await capacity(driver, B), { EcsCount: 1, AvailableInstanceAmount: 5999 }, label);
      assert.match((await driver.leaveSecurityGroup({ SecurityGroupId: A, InstanceId: id, RegionId: REGION })).RequestId, UUID);
      assert.deepEqual(groupsOf(await describeInstance(driver, id)), [B], `${label}: the instance left A`);

      assert.match((await driver.joinSecurityGroup({ RegionId: REGION, SecurityGroupId: B, NetworkInterfaceId: eni })).RequestId, UUID);
      assert.deepEqual(sorted((await describeEni(driver, eni)).SecurityGroupIds.SecurityGroupId), sorted([A, B]), `${label}: the ENI joined B`);
      assert.deepEqual(await capacity(driver, B), { EcsCount: 1, AvailableInstanceAmount: 5998 }, `${label}: an unattached ENI is no instance`);
      assert.match((await driver.leaveSecurityGroup({ RegionId: REGION, SecurityGroupId: B, NetworkInterfaceId: eni })).RequestId, UUID);
      assert.deepEqual((await describeEni(driver, eni)).SecurityGroupIds.SecurityGroupId, [A], `${label}: the ENI left B`);

      // Back to the start for the next client.
      await driver.joinSecurityGroup({ SecurityGroupId: A, InstanceId: id });
      await driver.leaveSecurityGroup({ SecurityGroupId: B, InstanceId: id });
      assert.deepEqual(groupsOf(await describeInstance(driver, id)), [A]);
    }
  });

  test('the refusals of JoinSecurityGroup and LeaveSecurityGroup', async (t) => {
    const clean = cleanup(t);
    const { VpcId, VSwitchId } = await network(clean, 81);
    const other = await network(clean, 82);
    const A = await newGroup(clean, VpcId);
    const B = await newGroup(clean, VpcId);
    const E = await newGroup(clean, VpcId, { SecurityGroupType: 'enterprise' });
    const foreign = await newGroup(clean, other.VpcId);
    const [id] = await run(clean, { VSwitchId, SecurityGroupId: A });
    const eni = (await newEni(clean, { VSwitchId, SecurityGroupId: A })).NetworkInterfaceId;
    const ten = [A];
    for (let i = 0; i < 9; i++) ten.push(await newGroup(clean, VpcId));
    const eleventh = await newGroup(clean, VpcId);

    for (const driver of drivers()) {
      const label = driver.name;
      const err = (call, code, status, what) => assertAcsError(call, code, status, `${label}: ${what}`);
      await err(driver.joinSecurityGroup({ RegionId: REGION, SecurityGroupId: B, InstanceId: id, NetworkInterfaceId: eni }),
        'InvalidParam.EniIdAndInstanceId.Conflict', 403, 'join with both InstanceId and NetworkInterfaceId');
      await err(driver.leaveSecurityGroup({ RegionId: REGION, SecurityGroupId: A, InstanceId: id, NetworkInterfaceId: eni }),
        'InvalidParam.EniIdAndInstanceId.Conflict', 403, 'leave with both');
      await err(driver.joinSecurityGroup({ SecurityGroupId: A, InstanceId: id }), 'InvalidInstanceId.AlreadyExists', 403, 'join a group again');
      await err(driver.joinSecurityGroup({ RegionId: REGION, SecurityGroupId: A, NetworkInterfaceId: eni }), 'InvalidInstanceId.AlreadyExists', 403,
        'ENI joins a group again');
      await err(driver.joinSecurityGroup({ SecurityGroupId: E, InstanceId: id }), 'InvalidOperation.MultiGroupType', 400, 'basic + enterprise');
      await err(driver.joinSecurityGroup({ RegionId: REGION, SecurityGroupId: E, NetworkInterfaceId: eni }), 'InvalidOperation.MultiGroupType', 400,
        'ENI: basic + enterprise');
      await err(driver.joinSecurityGroup({ SecurityGroupId: foreign, InstanceId: id }), 'InvalidInstanceId.Mismatch', 400, 'a group of another VPC');
      await err(driver.joinSecurityGroup({ RegionId: REGION, SecurityGroupId: foreign, NetworkInterfaceId: eni }), 'InvalidInstanceId.Mismatch', 400,
        'ENI: a group of another VPC');
      await err(driver.leaveSecurityGroup({ SecurityGroupId: A, InstanceId: id }), 'InstanceLastSecurityGroup', 403, 'leave the last group');
      await err(driver.leaveSecurityGroup({ RegionId: REGION, SecurityGroupId: A, NetworkInterfaceId: eni }), 'InstanceLastSecurityGroup', 403,
        'ENI leaves the last group');
      await err(driver.leaveSecurityGroup({ SecurityGroupId: B, InstanceId: id }), 'InvalidSecurityGroupAssociation.NotFound', 400, 'leave a group not in');
      await err(driver.leaveSecurityGroup({ RegionId: REGION, SecurityGroupId: B, NetworkInterfaceId: eni }), 'InvalidSecurityGroupAssociation.NotFound', 400,
        'ENI leaves a group not in');
      await err(driver.joinSecurityGroup({ SecurityGroupId: A, InstanceId: UNKNOWN_INSTANCE }), 'InvalidInstanceId.NotFound', 404, 'unknown instance');
      await err(driver.leaveSecurityGroup({ SecurityGroupId: A, InstanceId: UNKNOWN_INSTANCE }), 'InvalidInstanceId.NotFound', 404, 'unknown instance');
      await err(driver.joinSecurityGroup({ RegionId: REGION, SecurityGroupId: A, NetworkInterfaceId: UNKNOWN_ENI }), 'InvalidEniId.NotFound', 404,
        'unknown ENI');
      await err(driver.leaveSecurityGroup({ RegionId: REGION, SecurityGroupId: A, NetworkInterfaceId: UNKNOWN_ENI }), 'InvalidEniId.NotFound', 404,
        'unknown ENI');
      assert.deepEqual(groupsOf(await describeInstance(driver, id)), [A], `${label}: the instance is only in A`);
      assert.deepEqual((await describeEni(driver, eni)).SecurityGroupIds.SecurityGroupId, [A], `${label}: the ENI is only in A`);
    }

    // More than 10 groups.
    await sdk.modifyInstanceAttribute({ InstanceId: id, SecurityGroupIds: ten });
    await sdk.modifyNetworkInterfaceAttribute({ RegionId: REGION, NetworkInterfaceId: eni, SecurityGroupId: ten });
    assert.equal(groupsOf(await describeInstance(sdk, id)).length, 10);
    for (const driver of drivers()) {
      await assertAcsError(driver.joinSecurityGroup({ SecurityGroupId: eleventh, InstanceId: id }), 'InstanceSecurityGroupLimitExceeded', 403,
        `${driver.name}: an 11th group for the instance`);
      await assertAcsError(driver.joinSecurityGroup({ RegionId: REGION, SecurityGroupId: eleventh, NetworkInterfaceId: eni }),
        'InstanceSecurityGroupLimitExceeded', 403, `${driver.name}: an 11th group for the ENI`);
    }
    assert.deepEqual(groupsOf(await describeInstance(sdk, id)), sorted(ten), 'still the same 10 groups');
    // Room again after leaving one.
    await sdk.leaveSecurityGroup({ SecurityGroupId: ten[9], InstanceId: id });
    await sdk.joinSecurityGroup({ SecurityGroupId: eleventh, InstanceId: id });
    assert.deepEqual(groupsOf(await describeInstance(sdk, id)), sorted([...ten.slice(0, 9), eleventh]));
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Network interfaces
// ---------------------------------------------------------------------------------------------------------------

describe('network interfaces', () => {
  test('CreateNetworkInterface with fixed addresses and SecurityGroupIds.N; attach, detach, delete with every client', async (t) => {
    const clean = cleanup(t);
    const { VpcId, VSwitchId, ip } = await network(clean, 83);
    const A = await newGroup(clean, VpcId);
    const B = await newGroup(clean, VpcId);
    const [id] = await run(clean, { VSwitchId, SecurityGroupId: A });
    for (const [n, driver] of drivers().entries()) {
      const label = driver.name;
      const name = uniqueName('nic');
      const primaryIp = ip(100 + 10 * n);
      const created = await newEni(clean, {
        VSwitchId, SecurityGroupIds: [A, B], PrimaryIpAddress: primaryIp, PrivateIpAddress: [ip(101 + 10 * n), ip(102 + 10 * n)],
        NetworkInterfaceName: name, Description: 'fixed', Tag: [{ Key: 'k', Value: 'v' }], ClientToken: uniqueName('nic'),
      }, driver);
      const ENI = created.NetworkInterfaceId;
      const expected = {
        NetworkInterfaceId: ENI, NetworkInterfaceName: name, Description: 'fixed', Status: 'Available', Type: 'Secondary', VpcId, VSwitchId,
        ZoneId: ZONE, PrivateIpAddress: primaryIp,
      };
      assert.deepEqual(pick(created, Object.keys(expected)), expected, `${label}: CreateNetworkInterface`);
      assert.match(created.MacAddress, MAC);
      assert.deepEqual(sorted(created.SecurityGroupIds.SecurityGroupId), sorted([A, B]));
      const ips = [{ PrivateIpAddress: primaryIp, Primary: true }, { PrivateIpAddress: ip(101 + 10 * n), Primary: false },
        { PrivateIpAddress: ip(102 + 10 * n), Primary: false }];
      assert.deepEqual(ipSet(created.PrivateIpSets.PrivateIpSet), ips);
      assert.deepEqual(created.Tags.Tag, [{ TagKey: 'k', TagValue: 'v' }]);

      const listed = await describeEni(driver, ENI);
      assert.deepEqual(pick(listed, Object.keys(expected)), expected, `${label}: DescribeNetworkInterfaces`);
      assert.equal(listed.MacAddress, created.MacAddress);
      assert.ok(!listed.InstanceId, `${label}: no InstanceId while Available`);
      assert.deepEqual(ipSet(listed.PrivateIpSets.PrivateIpSet), ips);

      await driver.attachNetworkInterface({ RegionId: REGION, NetworkInterfaceId: ENI, InstanceId: id });
      assert.deepEqual(pick(await describeEni(driver, ENI), ['Status', 'InstanceId']), { Status: 'InUse', InstanceId: id }, `${label}: attached`);
      await assertAcsError(driver.attachNetworkInterface({ RegionId: REGION, NetworkInterfaceId: ENI, InstanceId: id }),
        'InvalidOperation.InvalidEniState', 403, `${label}: attach an attached ENI`);
      await assertAcsError(driver.deleteNetworkInterface({ RegionId: REGION, NetworkInterfaceId: ENI }), 'InvalidOperation.InvalidEniState', 403,
        `${label}: delete an attached ENI`);
      await driver.detachNetworkInterface({ RegionId: REGION, NetworkInterfaceId: ENI, InstanceId: id });
      assert.equal((await describeEni(driver, ENI)).Status, 'Available', `${label}: detached`);
      await driver.deleteNetworkInterface({ RegionId: REGION, NetworkInterfaceId: ENI });
      assert.deepEqual(await eniIds(driver, { NetworkInterfaceId: [ENI] }), [], `${label}: deleted`);
      await assertAcsError(driver.deleteNetworkInterface({ RegionId: REGION, NetworkInterfaceId: ENI }), 'InvalidEniId.NotFound', 404,
        `${label}: deleted twice`);
      await assertAcsError(driver.attachNetworkInterface({ RegionId: REGION, NetworkInterfaceId: UNKNOWN_ENI, InstanceId: id }),
        'InvalidEniId.NotFound', 404, `${label}: attach an unknown ENI`);
      await assertAcsError(driver.detachNetworkInterface({ RegionId: REGION, NetworkInterfaceId: UNKNOWN_ENI, InstanceId: id }),
        'InvalidEniId.NotFound', 404, `${label}: detach an unknown ENI`);
    }

    // The primary ENI of an instance can be neither detached nor deleted.
    const primary = primaryEniOf(await describeInstance(sdk, id));
    const primaryView = await describeEni(sdk, primary);
    assert.deepEqual(pick(primaryView, ['Type', 'Status', 'InstanceId', 'PrivateIpAddress']),
      { Type: 'Primary', Status: 'InUse', InstanceId: id, PrivateIpAddress: ip(1) });
    for (const driver of drivers()) {
      await assertAcsError(driver.detachNetworkInterface({ RegionId: REGION, NetworkInterfaceId: primary, InstanceId: id }),
        'InvalidOperation.DetachPrimaryEniNotAllowed', 403, driver.name);
      await assertAcsError(driver.deleteNetworkInterface({ RegionId: REGION, NetworkInterfaceId: primary }),
        'InvalidOperation.DetachPrimaryEniNotAllowed', 403, driver.name);
    }
    assert.deepEqual(pick(await describeEni(sdk, primary), ['Type', 'Status', 'InstanceId']), { Type: 'Primary', Status: 'InUse', InstanceId: id });
  });

  test('AssignPrivateIpAddresses and UnassignPrivateIpAddresses; UnassignPrimaryIp and IpUnassigned (403)', async (t) => {
    const clean = cleanup(t);
    const { VpcId, VSwitchId, ip } = await network(clean, 84);
    const A = await newGroup(clean, VpcId);
    for (const [n, driver] of drivers().entries()) {
      const label = driver.name;
      const base = 10 + 20 * n;
      const created = await newEni(clean, { VSwitchId, SecurityGroupId: A, PrimaryIpAddress: ip(base) }, driver);
      const ENI = created.NetworkInterfaceId;
      const named = await driver.assignPrivateIpAddresses({
        RegionId: REGION, NetworkInterfaceId: ENI, PrivateIpAddress: [ip(base + 5), ip(base + 6)], ClientToken: uniqueName('assign'),
      });
      assert.match(named.RequestId, UUID);
      assert.equal(named.AssignedPrivateIpAddressesSet.NetworkInterfaceId, ENI, label);
      assert.deepEqual(sorted(named.AssignedPrivateIpAddressesSet.PrivateIpSet.PrivateIpAddress), sorted([ip(base + 5), ip(base + 6)]), label);
      // A count takes the lowest free addresses of the vSwitch.
      const counted = await driver.assignPrivateIpAddresses({ RegionId: REGION, NetworkInterfaceId: ENI, SecondaryPrivateIpAddressCount: 2 });
      const fresh = counted.AssignedPrivateIpAddressesSet.PrivateIpSet.PrivateIpAddress;
      assert.equal(fresh.length, 2, `${label}: two addresses`);
      const lowest = [1, 2, 3, 4, 5, 6, 7, 8].map((k) => `10.84.1.${k}`).slice(2 * n, 2 * n + 2);
      assert.deepEqual(sorted(fresh), sorted(lowest), `${label}: the lowest free addresses`);
      assert.deepEqual(ipSet((await describeEni(driver, ENI)).PrivateIpSets.PrivateIpSet), ipSet([
        { PrivateIpAddress: ip(base), Primary: true }, ...[ip(base + 5), ip(base + 6), ...fresh].map((a) => ({ PrivateIpAddress: a, Primary: false })),
      ]), `${label}: the ENI's addresses`);
      assert.equal((await capacity(driver, A)).AvailableInstanceAmount, 6000 - 5 * (n + 1), `${label}: secondary addresses count against the group`);

      await assertAcsError(driver.unassignPrivateIpAddresses({ RegionId: REGION, NetworkInterfaceId: ENI, PrivateIpAddress: [ip(base)] }),
        'InvalidOperation.UnassignPrimaryIp', 403, `${label}: the primary address`);
      await assertAcsError(driver.unassignPrivateIpAddresses({ RegionId: REGION, NetworkInterfaceId: ENI, PrivateIpAddress: [ip(250)] }),
        'InvalidIp.IpUnassigned', 403, `${label}: an address not assigned`);
      await assertAcsError(driver.unassignPrivateIpAddresses({ RegionId: REGION, NetworkInterfaceId: ENI, PrivateIpAddress: [ip(base + 5), ip(249)] }),
        'InvalidIp.IpUnassigned', 403, `${label}: one of two not assigned`);
      assert.equal((await describeEni(driver, ENI)).PrivateIpSets.PrivateIpSet.length, 5, `${label}: the refused unassign changed nothing`);
      assert.match((await driver.unassignPrivateIpAddresses({ RegionId: REGION, NetworkInterfaceId: ENI, PrivateIpAddress: [ip(base + 5), ...fresh] }))
        .RequestId, UUID);
      assert.deepEqual(ipSet((await describeEni(driver, ENI)).PrivateIpSets.PrivateIpSet),
        [{ PrivateIpAddress: ip(base), Primary: true }, { PrivateIpAddress: ip(base + 6), Primary: false }], `${label}: after unassign`);
      assert.equal((await capacity(driver, A)).AvailableInstanceAmount, 6000 - 5 * n - 2, label);
      // The freed addresses are free again; the unassigned ones stay on the ENI for the next round.
      await driver.assignPrivateIpAddresses({ RegionId: REGION, NetworkInterfaceId: ENI, PrivateIpAddress: fresh });
      await driver.assignPrivateIpAddresses({ RegionId: REGION, NetworkInterfaceId: ENI, PrivateIpAddress: [ip(base + 5)] });
      assert.equal((await describeEni(driver, ENI)).PrivateIpSets.PrivateIpSet.length, 5, label);
      await assertAcsError(driver.assignPrivateIpAddresses({ RegionId: REGION, NetworkInterfaceId: UNKNOWN_ENI, SecondaryPrivateIpAddressCount: 1 }),
        'InvalidEniId.NotFound', 404, label);
    }
  });

  test('CreateNetworkInterface and AssignPrivateIpAddresses are idempotent per ClientToken', async (t) => {
    const clean = cleanup(t);
    const { VpcId, VSwitchId } = await network(clean, 90);
    const A = await newGroup(clean, VpcId);
    for (const [n, driver] of drivers().entries()) {
      const label = driver.name;
      const NetworkInterfaceName = uniqueName('idem');
      const params = { VSwitchId, SecurityGroupId: A, NetworkInterfaceName, ClientToken: uniqueName('token') };
      const first = await newEni(clean, params, driver);
      const replay = await newEni(clean, params, driver);
      assert.equal(replay.NetworkInterfaceId, first.NetworkInterfaceId, `${label}: the replay answers the same ENI`);
      assert.equal(replay.PrivateIpAddress, first.PrivateIpAddress);
      assert.deepEqual(await eniIds(driver, { NetworkInterfaceName }), [first.NetworkInterfaceId], `${label}: one ENI was created`);

      const assign = { RegionId: REGION, NetworkInterfaceId: first.NetworkInterfaceId, SecondaryPrivateIpAddressCount: 2, ClientToken: uniqueName('token') };
      const assigned = await driver.assignPrivateIpAddresses(assign);
      const again = await driver.assignPrivateIpAddresses(assign);
      assert.deepEqual(again.AssignedPrivateIpAddressesSet, assigned.AssignedPrivateIpAddressesSet, `${label}: the replay answers the same addresses`);
      assert.equal((await describeEni(driver, first.NetworkInterfaceId)).PrivateIpSets.PrivateIpSet.length, 3, `${label}: two addresses were assigned, once`);
      assert.equal((await capacity(driver, A)).AvailableInstanceAmount, 6000 - 3 * (n + 1), label);
    }
  });

  test('ModifyNetworkInterfaceAttribute: name, description, the whole set of groups; VpcMismatch (403)', async (t) => {
    const clean = cleanup(t);
    const { VpcId, VSwitchId } = await network(clean, 85);
    const other = await network(clean, 86);
    const A = await newGroup(clean, VpcId);
    const B = await newGroup(clean, VpcId);
    const foreign = await newGroup(clean, other.VpcId);
    const ENI = (await newEni(clean, { VSwitchId, SecurityGroupId: A })).NetworkInterfaceId;
    for (const driver of drivers()) {
      const label = driver.name;
      const name = uniqueName('nic');
      const modified = await driver.modifyNetworkInterfaceAttribute({
        RegionId: REGION, NetworkInterfaceId: ENI, NetworkInterfaceName: name, Description: driver.kind,
      });
      assert.match(modified.RequestId, UUID);
      let view = await describeEni(driver, ENI);
      assert.deepEqual(pick(view, ['NetworkInterfaceName', 'Description']), { NetworkInterfaceName: name, Description: driver.kind }, label);
      assert.deepEqual(view.SecurityGroupIds.SecurityGroupId, [A], `${label}: groups unchanged without SecurityGroupId.N`);
      assert.deepEqual(await eniIds(driver, { NetworkInterfaceName: name }), [ENI], `${label}: NetworkInterfaceName filter`);

      await driver.modifyNetworkInterfaceAttribute({ RegionId: REGION, NetworkInterfaceId: ENI, SecurityGroupId: [B] });
      assert.deepEqual((await describeEni(driver, ENI)).SecurityGroupIds.SecurityGroupId, [B], `${label}: replaced by [B]`);
      await driver.modifyNetworkInterfaceAttribute({ RegionId: REGION, NetworkInterfaceId: ENI, SecurityGroupId: [A, B] });
      assert.deepEqual(sorted((await describeEni(driver, ENI)).SecurityGroupIds.SecurityGroupId), sorted([A, B]), `${label}: replaced by [A, B]`);
      await driver.modifyNetworkInterfaceAttribute({ RegionId: REGION, NetworkInterfaceId: ENI, SecurityGroupId: [A] });

      await assertAcsError(driver.modifyNetworkInterfaceAttribute({ RegionId: REGION, NetworkInterfaceId: ENI, SecurityGroupId: [foreign] }),
        'InvalidOperation.VpcMismatch', 403, `${label}: a group of another VPC`);
      await assertAcsError(driver.modifyNetworkInterfaceAttribute({ RegionId: REGION, NetworkInterfaceId: ENI, SecurityGroupId: [B, foreign] }),
        'InvalidOperation.VpcMismatch', 403, `${label}: one group of another VPC`);
      await assertAcsError(driver.modifyNetworkInterfaceAttribute({ RegionId: REGION, NetworkInterfaceId: UNKNOWN_ENI, NetworkInterfaceName: 'xx' }),
        'InvalidEniId.NotFound', 404, label);
      view = await describeEni(driver, ENI);
      assert.deepEqual(view.SecurityGroupIds.SecurityGroupId, [A], `${label}: a refused change changes nothing`);
    }
  });

  test('DescribeNetworkInterfaces filters and both paging styles', async (t) => {
    const clean = cleanup(t);
    const { VpcId, VSwitchId, ip } = await network(clean, 87);
    const vsw2 = await vSwitch(clean, VpcId, '10.87.2.0/24', OTHER_ZONE);
    const A = await newGroup(clean, VpcId);
    const B = await newGroup(clean, VpcId);
    const [i1, i2] = await run(clean, { VSwitchId, SecurityGroupId: A, Amount: 2 });
    const listed = await instancesById(sdk, [i1, i2]);
    const p1 = primaryEniOf(listed[i1]);
    const p2 = primaryEniOf(listed[i2]);
    const name = uniqueName('e1');
    const e1 = (await newEni(clean, { VSwitchId, SecurityGroupId: B, NetworkInterfaceName: name })).NetworkInterfaceId; // .3
    await sdk.attachNetworkInterface({ RegionId: REGION, NetworkInterfaceId: e1, InstanceId: i1 });
    const e2 = (await newEni(clean, { VSwitchId: vsw2, SecurityGroupId: B, Tag: [{ Key: 'spare', Value: 'yes' }] })).NetworkInterfaceId;
    const all = sorted([p1, p2, e1, e2]);

    for (const driver of drivers()) {
      const label = driver.name;
      const ids = (params) => eniIds(driver, { VpcId, ...params });
      assert.deepEqual(await ids({}), all, `${label}: VpcId`);
      assert.deepEqual(await eniIds(driver, { NetworkInterfaceId: [e2, e1] }), sorted([e1, e2]), `${label}: NetworkInterfaceId.N`);
      assert.deepEqual(await ids({ InstanceId: i1 }), sorted([p1, e1]), `${label}: InstanceId`);
      assert.deepEqual(await ids({ VSwitchId: vsw2 }), [e2], `${label}: VSwitchId`);
      assert.deepEqual(await ids({ SecurityGroupId: B }), sorted([e1, e2]), `${label}: SecurityGroupId`);
      assert.deepEqual(await ids({ Type: 'Primary' }), sorted([p1, p2]), `${label}: Type Primary`);
      assert.deepEqual(await ids({ Type: 'Secondary' }), sorted([e1, e2]), `${label}: Type Secondary`);
      assert.deepEqual(await ids({ Status: 'Available' }), [e2], `${label}: Status Available`);
      assert.deepEqual(await ids({ Status: 'InUse' }), sorted([p1, p2, e1]), `${label}: Status InUse`);
      assert.deepEqual(await ids({ PrimaryIpAddress: ip(2) }), [p2], `${label}: PrimaryIpAddress`);
      assert.deepEqual(await ids({ PrimaryIpAddress: ip(3) }), [e1], `${label}: PrimaryIpAddress of a secondary ENI`);
      assert.deepEqual(await ids({ NetworkInterfaceName: name }), [e1], `${label}: NetworkInterfaceName`);
      assert.deepEqual(await ids({ Tag: [{ Key: 'spare', Value: 'yes' }] }), [e2], `${label}: Tag`);
      assert.deepEqual(await ids({ Type: 'Secondary', Status: 'InUse', SecurityGroupId: B }), [e1], `${label}: AND`);

      const inUse = await describeEni(driver, e1);
      assert.deepEqual(pick(inUse, ['Status', 'InstanceId', 'Type']), { Status: 'InUse', InstanceId: i1, Type: 'Secondary' }, label);
      const primary = await describeEni(driver, p1);
      assert.deepEqual(pick(primary, ['Status', 'InstanceId', 'Type', 'PrivateIpAddress', 'VpcId', 'VSwitchId', 'ZoneId']), {
        Status: 'InUse', InstanceId: i1, Type: 'Primary', PrivateIpAddress: ip(1), VpcId, VSwitchId, ZoneId: ZONE,
      }, label);
      assert.deepEqual(primary.SecurityGroupIds.SecurityGroupId, [A]);

      // Legacy paging.
      const seen = [];
      for (const PageNumber of [1, 2, 3]) {
        const page = await driver.describeNetworkInterfaces({ RegionId: REGION, VpcId, PageNumber, PageSize: 3 });
        assert.deepEqual(pick(page, ['TotalCount', 'PageNumber', 'PageSize']), { TotalCount: 4, PageNumber, PageSize: 3 }, `${label}: page ${PageNumber}`);
        assert.equal(page.NetworkInterfaceSets.NetworkInterfaceSet.length, [3, 1, 0][PageNumber - 1]);
        seen.push(...page.NetworkInterfaceSets.NetworkInterfaceSet.map((e) => e.NetworkInterfaceId));
      }
      assert.deepEqual(sorted(seen), all, `${label}: the pages cover every ENI once`);

      // Token paging.
      const tokens = [];
      let NextToken;
      for (let pages = 0; ; pages++) {
        assert.ok(pages < 5, `${label}: too many pages`);
        const page = await driver.describeNetworkInterfaces({ RegionId: REGION, VpcId, MaxResults: 3, NextToken });
        assert.ok(page.NetworkInterfaceSets.NetworkInterfaceSet.length <= 3);
        tokens.push(...page.NetworkInterfaceSets.NetworkInterfaceSet.map((e) => e.NetworkInterfaceId));
        if (!page.NextToken) break;
        NextToken = page.NextToken;
      }
      assert.deepEqual(sorted(tokens), all, `${label}: MaxResults/NextToken cover every ENI once`);
      assert.equal(tokens.length, 4);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Accounts and Strict mode
// ---------------------------------------------------------------------------------------------------------------

test('another account sees none of the instances and ENIs and cannot touch them (NotFound, 404)', async (t) => {
  const clean = cleanup(t);
  const { VpcId, VSwitchId } = await network(clean, 88);
  const A = await newGroup(clean, VpcId);
  const [id] = await run(clean, { VSwitchId, SecurityGroupId: A, InstanceName: 'mine' });
  const eni = (await newEni(clean, { VSwitchId, SecurityGroupId: A })).NetworkInterfaceId;
  for (const driver of drivers(ACCOUNTS.test2)) {
    const label = driver.name;
    assert.deepEqual(await instanceIds(driver, { InstanceIds: JSON.stringify([id]) }), [], `${label}: DescribeInstances`);
    assert.deepEqual(await eniIds(driver, { NetworkInterfaceId: [eni] }), [], `${label}: DescribeNetworkInterfaces`);
    await assertAcsError(driver.stopInstance({ InstanceId: id }), 'InvalidInstanceId.NotFound', 404, label);
    await assertAcsError(driver.deleteInstance({ InstanceId: id, Force: true }), 'InvalidInstanceId.NotFound', 404, label);
    await assertAcsError(driver.deleteInstances({ RegionId: REGION, InstanceId: [id], Force: true }), 'InvalidInstanceId.NotFound', 404, label);
    await assertAcsError(driver.modifyInstanceAttribute({ InstanceId: id, InstanceName: 'stolen' }), 'InvalidInstanceId.NotFound', 404, label);
    await assertAcsError(driver.leaveSecurityGroup({ SecurityGroupId: A, InstanceId: id }), 'InvalidInstanceId.NotFound', 404, label);
    await assertAcsError(driver.deleteNetworkInterface({ RegionId: REGION, NetworkInterfaceId: eni }), 'InvalidEniId.NotFound', 404, label);
    await assertAcsError(driver.modifyNetworkInterfaceAttribute({ RegionId: REGION, NetworkInterfaceId: eni, Description: 'xx' }),
      'InvalidEniId.NotFound', 404, label);
  }
  const view = await describeInstance(sdk, id);
  assert.deepEqual(pick(view, ['Status', 'InstanceName']), { Status: 'Running', InstanceName: 'mine' }, 'untouched');
});

test('instances and ENIs on the Strict-mode server through every client (signed requests only)', async (t) => {
  const endpoint = strictEndpoint();
  for (const driver of drivers(ACCOUNTS.test, endpoint)) {
    await t.test(driver.name, async (st) => {
      const clean = cleanup(st, driver);
      const { VpcId, VSwitchId, ip } = await network(clean, 89, driver);
      const A = await newGroup(clean, VpcId, {}, driver);
      const B = await newGroup(clean, VpcId, {}, driver);
      const [id] = await run(clean, { VSwitchId, SecurityGroupId: A }, driver);
      const view = await describeInstance(driver, id);
      assert.equal(view.Status, 'Running');
      assert.deepEqual(view.VpcAttributes.PrivateIpAddress.IpAddress, [ip(1)]);
      const eni = (await newEni(clean, { VSwitchId, SecurityGroupId: B }, driver)).NetworkInterfaceId;
      await driver.attachNetworkInterface({ RegionId: REGION, NetworkInterfaceId: eni, InstanceId: id });
      await driver.joinSecurityGroup({ SecurityGroupId: B, InstanceId: id });
      assert.deepEqual(await capacity(driver, B), { EcsCount: 1, AvailableInstanceAmount: 6000 - 2 });
      await assertAcsError(driver.deleteSecurityGroup({ RegionId: REGION, SecurityGroupId: B }), 'DependencyViolation', 403, driver.name);
      await driver.detachNetworkInterface({ RegionId: REGION, NetworkInterfaceId: eni, InstanceId: id });
      await driver.deleteNetworkInterface({ RegionId: REGION, NetworkInterfaceId: eni });
      await driver.deleteInstance({ InstanceId: id, Force: true });
      assert.deepEqual(await instanceIds(driver, { VpcId }), []);
    });
  }
});
