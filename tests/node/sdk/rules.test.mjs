// ECS 2014-05-26: AuthorizeSecurityGroup(Egress), RevokeSecurityGroup(Egress), ModifySecurityGroup(Egress)Rule,
// DescribeSecurityGroupAttribute with rules, DescribeSecurityGroupReferences through the official SDKs.
import { test, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACCOUNTS, REGION, UUID, assertAcsError, assertRecentTimestamp, cleanup, drivers, resetEmulator, resourceId, sdk,
  setSecurityGroupFlags, strictEndpoint, uniqueName,
} from './clients.mjs';

before(resetEmulator);

const UNKNOWN_SG = 'sg-doesnotexist0000000';
const UNKNOWN_RULE = 'sgr-doesnotexist00000000';
const UNKNOWN_PL = 'pl-doesnotexist00000000';
const UNKNOWN_PRL = 'prl-doesnotexist00000000';

const AUTHORIZE = { ingress: 'authorizeSecurityGroup', egress: 'authorizeSecurityGroupEgress' };
const REVOKE = { ingress: 'revokeSecurityGroup', egress: 'revokeSecurityGroupEgress' };
const MODIFY = { ingress: 'modifySecurityGroupRule', egress: 'modifySecurityGroupEgressRule' };

/** Every field of a listed rule but SecurityGroupRuleId and CreateTime, as an unused field shows it. */
const UNUSED = Object.freeze({
  PortRange: '', PortRangeListId: '', PortRangeListName: '', SourcePortRange: '',
  SourceCidrIp: '', Ipv6SourceCidrIp: '', SourceGroupId: '', SourceGroupName: '', SourceGroupOwnerAccount: '',
  SourcePrefixListId: '', SourcePrefixListName: '',
  DestCidrIp: '', Ipv6DestCidrIp: '', DestGroupId: '', DestGroupName: '', DestGroupOwnerAccount: '',
  DestPrefixListId: '', DestPrefixListName: '', Description: '',
});

/** A listed rule as expected: the defaults of a VPC group's rule (Accept, priority 1, intranet) and `fields`. */
const rule = (Direction, fields) => ({ Direction, Policy: 'Accept', Priority: '1', NicType: 'intranet', ...UNUSED, ...fields });

/** Asserts one listed rule: a well-formed ID and creation time, and every other field exactly as `expected`. */
function assertRule(actual, expected, label) {
  const { SecurityGroupRuleId, CreateTime, ...rest } = actual;
  assert.match(SecurityGroupRuleId, resourceId('sgr'), `${label}: SecurityGroupRuleId`);
  assertRecentTimestamp(CreateTime, 600);
  assert.deepEqual(rest, expected, `${label}: rule ${SecurityGroupRuleId}`);
}

/** Creates a VPC through `driver` (deleted after the test) and returns its ID. */
async function newVpc(clean, { driver = sdk, CidrBlock = '10.90.0.0/16' } = {}) {
  const created = await driver.createVpc({ RegionId: REGION, CidrBlock, VpcName: uniqueName('rules-vpc') });
  clean.vpc(created.VpcId);
  return created.VpcId;
}

/** Creates a security group through `driver` (deleted after the test) and returns its ID. */
async function newGroup(clean, params = {}, driver = sdk) {
  const created = await driver.createSecurityGroup({ RegionId: REGION, SecurityGroupName: uniqueName('rules-sg'), ...params });
  assert.match(created.SecurityGroupId, resourceId('sg'));
  clean.securityGroup(created.SecurityGroupId);
  return created.SecurityGroupId;
}

/** Creates a prefix list through `driver` (deleted after the test); returns {id, name}. */
async function newPrefixList(clean, params, driver = sdk) {
  const name = uniqueName('pl');
  const created = await driver.createPrefixList({ RegionId: REGION, PrefixListName: name, ...params });
  assert.match(created.PrefixListId, resourceId('pl'));
  clean.prefixList(created.PrefixListId);
  return { id: created.PrefixListId, name };
}

/** Creates a port range list through `driver` (deleted after the test); returns {id, name}. */
async function newPortRangeList(clean, params, driver = sdk) {
  const name = uniqueName('prl');
  const created = await driver.createPortRangeList({ RegionId: REGION, PortRangeListName: name, ...params });
  assert.match(created.PortRangeListId, resourceId('prl'));
  clean.portRangeList(created.PortRangeListId);
  return { id: created.PortRangeListId, name };
}

/** The rules of a group as DescribeSecurityGroupAttribute lists them (one page of up to 1000). */
async function rulesOf(driver, SecurityGroupId, params = {}) {
  const body = await driver.describeSecurityGroupAttribute({ RegionId: REGION, SecurityGroupId, MaxResults: 1000, ...params });
  assert.equal(body.SecurityGroupId, SecurityGroupId);
  assert.ok(Array.isArray(body.Permissions?.Permission), `Permissions.Permission: ${JSON.stringify(body).slice(0, 300)}`);
  return body.Permissions.Permission;
}

/** The sorted rule IDs of a group (optionally of one direction). */
async function ruleIds(SecurityGroupId, Direction) {
  return (await rulesOf(sdk, SecurityGroupId, Direction ? { Direction } : {})).map((r) => r.SecurityGroupRuleId).sort();
}

/** Listed rules keyed by Description (which the test makes unique). */
function byDescription(rules) {
  const map = Object.fromEntries(rules.map((r) => [r.Description, r]));
  assert.equal(Object.keys(map).length, rules.length, `descriptions are unique: ${rules.map((r) => r.Description)}`);
  return map;
}

/** The group's entry in DescribeSecurityGroups. */
async function groupEntry(driver, SecurityGroupId) {
  const body = await driver.describeSecurityGroups({ RegionId: REGION, SecurityGroupId });
  assert.equal(body.SecurityGroups.SecurityGroup.length, 1);
  return body.SecurityGroups.SecurityGroup[0];
}

/** DescribeSecurityGroupReferences as {groupId: sorted [AliUid/SecurityGroupId]}; asserts one entry per asked group. */
async function references(driver, ids) {
  const body = await driver.describeSecurityGroupReferences({ RegionId: REGION, SecurityGroupId: ids });
  assert.match(body.RequestId, UUID);
  const list = body.SecurityGroupReferences.SecurityGroupReference;
  assert.deepEqual(list.map((r) => r.SecurityGroupId).sort(), [...ids].sort(), 'one entry per asked group');
  return Object.fromEntries(list.map((r) => [r.SecurityGroupId,
    r.ReferencingSecurityGroups.ReferencingSecurityGroup.map((x) => `${x.AliUid}/${x.SecurityGroupId}`).sort()]));
}

const me = (SecurityGroupId) => `${ACCOUNTS.test.accountId}/${SecurityGroupId}`;

// ---------------------------------------------------------------------------------------------------------------

describe('rule lifecycle with every client: every authorization object, ingress and egress', () => {
  for (const driver of drivers()) {
    test(driver.name, async (t) => {
      const clean = cleanup(t, driver);
      const VpcId = await newVpc(clean, { driver });
      const G = await newGroup(clean, { VpcId }, driver);
      const peerName = uniqueName('peer');
      const P = await newGroup(clean, { VpcId, SecurityGroupName: peerName }, driver);
      const pl4 = await newPrefixList(clean, { AddressFamily: 'IPv4', MaxEntries: 5, Entry: [{ Cidr: '192.168.0.0/16' }] }, driver);
      const pl4b = await newPrefixList(clean, { AddressFamily: 'IPv4', MaxEntries: 2 }, driver);
      const pl6 = await newPrefixList(clean, { AddressFamily: 'IPv6', MaxEntries: 3, Entry: [{ Cidr: '2001:db8:100::/40' }] }, driver);
      const prl = await newPortRangeList(clean, { MaxEntries: 4, Entry: [{ PortRange: '80/80' }, { PortRange: '443/443' }] }, driver);
      const prlb = await newPortRangeList(clean, { MaxEntries: 2, Entry: [{ PortRange: '8080/8080' }] }, driver);
      const group = { RegionId: REGION, SecurityGroupId: G };

      // Authorize one rule of each kind in each direction.
      const ingress = await driver.authorizeSecurityGroup({
        ...group, Permissions: [
          { Policy: 'accept', Priority: '1', IpProtocol: 'TCP', PortRange: '22/22', SourcePortRange: '1024/65535',
            SourceCidrIp: '10.159.6.18/12', Description: 'in-ipv4' },
          { Policy: 'drop', Priority: '5', IpProtocol: 'UDP', PortRange: '53/53', Ipv6SourceCidrIp: '2001:DB8:0:0::/32', Description: 'in-ipv6' },
          { Priority: '10', IpProtocol: 'TCP', PortRange: '3306/3306', SourceGroupId: P, Description: 'in-group' },
          { Policy: 'drop', Priority: '20', IpProtocol: 'ICMP', PortRange: '-1/-1', SourcePrefixListId: pl4.id, Description: 'in-prefix' },
          { IpProtocol: 'TCP', PortRangeListId: prl.id, SourceCidrIp: '172.16.0.0/12', NicType: 'intranet', Description: 'in-ports' },
        ],
      });
      assert.match(ingress.RequestId, UUID);
      const egress = await driver.authorizeSecurityGroupEgress({
        ...group, Permissions: [
          { Policy: 'drop', IpProtocol: 'TCP', PortRange: '25/25', DestCidrIp: '0.0.0.0/0', Description: 'out-ipv4' },
          { Priority: '2', IpProtocol: 'ALL', PortRange: '-1/-1', Ipv6DestCidrIp: '2001:DB8:ABCD:0012:0000::/64', Description: 'out-ipv6' },
          { Priority: '3', IpProtocol: 'UDP', PortRange: '123/123', DestGroupId: P, Description: 'out-group' },
          { Priority: '4', IpProtocol: 'ICMPv6', PortRange: '-1/-1', DestPrefixListId: pl6.id, Description: 'out-prefix' },
          { Priority: '5', IpProtocol: 'UDP', PortRangeListId: prl.id, DestCidrIp: '10.0.0.0/8', Description: 'out-ports' },
        ],
      });
      assert.match(egress.RequestId, UUID);

      const expected = {
        'in-ipv4': rule('ingress', { IpProtocol: 'TCP', PortRange: '22/22', SourcePortRange: '1024/65535', SourceCidrIp: '10.159.6.18/12',
          Description: 'in-ipv4' }),
        'in-ipv6': rule('ingress', { Policy: 'Drop', Priority: '5', IpProtocol: 'UDP', PortRange: '53/53', Ipv6SourceCidrIp: '2001:db8::/32',
          Description: 'in-ipv6' }),
        'in-group': rule('ingress', { Priority: '10', IpProtocol: 'TCP', PortRange: '3306/3306', SourceGroupId: P, SourceGroupName: peerName,
          Description: 'in-group' }),
        'in-prefix': rule('ingress', { Policy: 'Drop', Priority: '20', IpProtocol: 'ICMP', PortRange: '-1/-1', SourcePrefixListId: pl4.id,
          SourcePrefixListName: pl4.name, Description: 'in-prefix' }),
        'in-ports': rule('ingress', { IpProtocol: 'TCP', PortRangeListId: prl.id, PortRangeListName: prl.name, SourceCidrIp: '172.16.0.0/12',
          Description: 'in-ports' }),
        'out-ipv4': rule('egress', { Policy: 'Drop', IpProtocol: 'TCP', PortRange: '25/25', DestCidrIp: '0.0.0.0/0', Description: 'out-ipv4' }),
        'out-ipv6': rule('egress', { Priority: '2', IpProtocol: 'ALL', PortRange: '-1/-1', Ipv6DestCidrIp: '2001:db8:abcd:12::/64',
          Description: 'out-ipv6' }),
        'out-group': rule('egress', { Priority: '3', IpProtocol: 'UDP', PortRange: '123/123', DestGroupId: P, DestGroupName: peerName,
          Description: 'out-group' }),
        'out-prefix': rule('egress', { Priority: '4', IpProtocol: 'ICMPV6', PortRange: '-1/-1', DestPrefixListId: pl6.id,
          DestPrefixListName: pl6.name, Description: 'out-prefix' }),
        'out-ports': rule('egress', { Priority: '5', IpProtocol: 'UDP', PortRangeListId: prl.id, PortRangeListName: prl.name,
          DestCidrIp: '10.0.0.0/8', Description: 'out-ports' }),
      };

      // List: by direction, then all; remember the IDs.
      const listedIn = byDescription(await rulesOf(driver, G, { Direction: 'ingress' }));
      assert.deepEqual(Object.keys(listedIn).sort(), Object.keys(expected).filter((k) => k.startsWith('in-')).sort());
      const listedOut = byDescription(await rulesOf(driver, G, { Direction: 'egress' }));
      assert.deepEqual(Object.keys(listedOut).sort(), Object.keys(expected).filter((k) => k.startsWith('out-')).sort());
      const id = Object.fromEntries(Object.entries({ ...listedIn, ...listedOut }).map(([k, r]) => [k, r.SecurityGroupRuleId]));
      assert.equal(new Set(Object.values(id)).size, 10, 'every rule has its own ID');

      /** Asserts the group holds exactly the rules in `expected`, by the IDs first listed. */
      const assertRules = async (label) => {
        const all = await rulesOf(driver, G);
        assert.deepEqual(all.map((r) => r.SecurityGroupRuleId).sort(), Object.keys(expected).map((k) => id[k]).sort(), `${label}: rule IDs`);
        const byId = new Map(all.map((r) => [r.SecurityGroupRuleId, r]));
        for (const [key, value] of Object.entries(expected)) assertRule(byId.get(id[key]), value, `${label}: ${key}`);
      };
      await assertRules('after authorize');
      for (const key of Object.keys(listedIn)) assertRule(listedIn[key], expected[key], `Direction=ingress: ${key}`);
      for (const key of Object.keys(listedOut)) assertRule(listedOut[key], expected[key], `Direction=egress: ${key}`);

      const entry = await groupEntry(driver, G);
      assert.equal(entry.RuleCount, 10);
      assert.equal(entry.GroupToGroupRuleCount, 2);
      assert.deepEqual(await references(driver, [P]), { [P]: [me(G)] }, 'P is referenced by G (once, for two rules)');
      const plAssociations = await driver.describePrefixListAssociations({ RegionId: REGION, PrefixListId: pl4.id });
      assert.deepEqual(plAssociations.PrefixListAssociations.PrefixListAssociation, [{ ResourceId: G, ResourceType: 'securitygroup' }]);
      const prlAssociations = await driver.describePortRangeListAssociations({ RegionId: REGION, PortRangeListId: prl.id });
      assert.deepEqual(prlAssociations.PortRangeListAssociations, [{ ResourceId: G, ResourceType: 'securitygroup' }]);

      // Authorizing the same rules again (other descriptions) is a successful no-op.
      const again = await driver.authorizeSecurityGroup({
        ...group, Permissions: [
          { Policy: 'drop', Priority: '5', IpProtocol: 'UDP', PortRange: '53/53', Ipv6SourceCidrIp: '2001:db8::/32', Description: 'changed' },
          { Priority: '10', IpProtocol: 'TCP', PortRange: '3306/3306', SourceGroupId: P },
        ],
      });
      assert.match(again.RequestId, UUID);
      await driver.authorizeSecurityGroupEgress({
        ...group, Permissions: [{ Priority: '4', IpProtocol: 'ICMPv6', PortRange: '-1/-1', DestPrefixListId: pl6.id, Description: 'changed' }],
      });
      await assertRules('after the no-op authorize');
      await assertAcsError(driver.deleteSecurityGroup({ RegionId: REGION, SecurityGroupId: P }), 'DependencyViolation', 403, 'delete P');

      // Modify each rule by its ID.
      const modify = async (direction, key, fields, changes) => {
        const response = await driver[MODIFY[direction]]({ ...group, SecurityGroupRuleId: id[key], ...fields });
        assert.match(response.RequestId, UUID);
        Object.assign(expected[key], changes);
      };
      await modify('ingress', 'in-ipv4', { SourceCidrIp: '10.0.0.0/8', PortRange: '2222/2222', Priority: '2', Description: 'ssh moved' },
        { SourceCidrIp: '10.0.0.0/8', PortRange: '2222/2222', Priority: '2', Description: 'ssh moved' });
      await modify('ingress', 'in-ipv6', { Ipv6SourceCidrIp: '2001:DB8:FFFF::/48', Policy: 'accept' },
        { Ipv6SourceCidrIp: '2001:db8:ffff::/48', Policy: 'Accept' });
      await modify('ingress', 'in-group', { Policy: 'drop', Description: 'mysql denied' }, { Policy: 'Drop', Description: 'mysql denied' });
      await modify('ingress', 'in-prefix', { SourcePrefixListId: pl4b.id }, { SourcePrefixListId: pl4b.id, SourcePrefixListName: pl4b.name });
      await modify('ingress', 'in-ports', { PortRangeListId: prlb.id, Description: 'alt web' },
        { PortRangeListId: prlb.id, PortRangeListName: prlb.name, Description: 'alt web' });
      await modify('egress', 'out-ipv4', { DestCidrIp: '192.0.2.0/24', Policy: 'accept' }, { DestCidrIp: '192.0.2.0/24', Policy: 'Accept' });
      await modify('egress', 'out-ipv6', { Ipv6DestCidrIp: '2001:db8:1::/48', Priority: '12' }, { Ipv6DestCidrIp: '2001:db8:1::/48', Priority: '12' });
      await modify('egress', 'out-group', { PortRange: '124/124' }, { PortRange: '124/124' });
      await modify('egress', 'out-prefix', { Priority: '40', Description: 'ping6 out' }, { Priority: '40', Description: 'ping6 out' });
      await modify('egress', 'out-ports', { IpProtocol: 'TCP' }, { IpProtocol: 'TCP' });
      await assertRules('after modify');
      assert.deepEqual((await driver.describePrefixListAssociations({ RegionId: REGION, PrefixListId: pl4.id }))
        .PrefixListAssociations.PrefixListAssociation, [], 'the ingress rule moved off pl4');
      assert.deepEqual((await driver.describePrefixListAssociations({ RegionId: REGION, PrefixListId: pl4b.id }))
        .PrefixListAssociations.PrefixListAssociation, [{ ResourceId: G, ResourceType: 'securitygroup' }]);
      assert.deepEqual((await driver.describePortRangeListAssociations({ RegionId: REGION, PortRangeListId: prlb.id }))
        .PortRangeListAssociations, [{ ResourceId: G, ResourceType: 'securitygroup' }]);

      // Revoke: by IDs, by Permissions, by the flat fields (by fields, Policy and Priority must match: absent they are accept and 1).
      const revoked = async (label, keys, call) => {
        const response = await call();
        assert.match(response.RequestId, UUID, label);
        for (const key of keys) delete expected[key];
        await assertRules(`after revoking ${label}`);
      };
      await revoked('ingress IPv4 and IPv6 by ID', ['in-ipv4', 'in-ipv6'],
        () => driver.revokeSecurityGroup({ ...group, SecurityGroupRuleId: [id['in-ipv4'], id['in-ipv6']] }));
      await revoked('ingress group rule by Permissions', ['in-group'], () => driver.revokeSecurityGroup({
        ...group, Permissions: [{ IpProtocol: 'TCP', PortRange: '3306/3306', SourceGroupId: P, Policy: 'drop', Priority: '10' }],
      }));
      await revoked('ingress prefix-list rule by the flat fields', ['in-prefix'], () => driver.revokeSecurityGroup({
        ...group, IpProtocol: 'ICMP', PortRange: '-1/-1', SourcePrefixListId: pl4b.id, Policy: 'Drop', Priority: '20',
      }));
      await revoked('ingress port-list rule by Permissions', ['in-ports'], () => driver.revokeSecurityGroup({
        ...group, Permissions: [{ IpProtocol: 'TCP', PortRangeListId: prlb.id, SourceCidrIp: '172.16.0.0/12' }],
      }));
      await revoked('egress IPv4 and port-list rules by ID', ['out-ipv4', 'out-ports'],
        () => driver.revokeSecurityGroupEgress({ ...group, SecurityGroupRuleId: [id['out-ipv4'], id['out-ports']] }));
      await revoked('egress IPv6 and group rules by Permissions', ['out-ipv6', 'out-group'], () => driver.revokeSecurityGroupEgress({
        ...group, Permissions: [
          { IpProtocol: 'ALL', PortRange: '-1/-1', Ipv6DestCidrIp: '2001:db8:1::/48', Priority: '12' },
          { IpProtocol: 'UDP', PortRange: '124/124', DestGroupId: P, Priority: '3' },
        ],
      }));
      await revoked('egress prefix-list rule by the flat fields', ['out-prefix'], () => driver.revokeSecurityGroupEgress({
        ...group, IpProtocol: 'ICMPv6', PortRange: '-1/-1', DestPrefixListId: pl6.id, Priority: '40',
      }));

      const emptied = await groupEntry(driver, G);
      assert.equal(emptied.RuleCount, 0);
      assert.equal(emptied.GroupToGroupRuleCount, 0);
      assert.deepEqual(await references(driver, [P]), { [P]: [] });
      // Nothing uses the peer group or the lists any more.
      await driver.deleteSecurityGroup({ RegionId: REGION, SecurityGroupId: P });
      for (const list of [pl4, pl4b, pl6]) await driver.deletePrefixList({ RegionId: REGION, PrefixListId: list.id });
      for (const list of [prl, prlb]) await driver.deletePortRangeList({ RegionId: REGION, PortRangeListId: list.id });
    });
  }
});

test('rules on the Strict-mode server through every client (signed requests only)', async (t) => {
  const endpoint = strictEndpoint();
  for (const driver of drivers(ACCOUNTS.test, endpoint)) {
    await t.test(driver.name, async (st) => {
      const clean = cleanup(st, driver);
      const VpcId = await newVpc(clean, { driver });
      const G = await newGroup(clean, { VpcId }, driver);
      const P = await newGroup(clean, { VpcId }, driver);
      const pl = await newPrefixList(clean, { AddressFamily: 'IPv4', MaxEntries: 3, Entry: [{ Cidr: '192.0.2.0/24' }] }, driver);
      const prl = await newPortRangeList(clean, { MaxEntries: 3, Entry: [{ PortRange: '80/81' }] }, driver);
      await driver.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: G, Permissions: [
        { IpProtocol: 'TCP', PortRange: '22/22', SourceCidrIp: '10.0.0.0/8', Description: 'cidr' },
        { IpProtocol: 'TCP', PortRange: '22/22', SourceGroupId: P, Description: 'group' },
        { IpProtocol: 'TCP', PortRangeListId: prl.id, SourcePrefixListId: pl.id, Description: 'lists' },
      ] });
      await driver.authorizeSecurityGroupEgress({ RegionId: REGION, SecurityGroupId: G, Permissions: [
        { IpProtocol: 'UDP', PortRange: '53/53', Ipv6DestCidrIp: '::/0', Description: 'ipv6' },
      ] });
      const listed = byDescription(await rulesOf(driver, G));
      assertRule(listed.cidr, rule('ingress', { IpProtocol: 'TCP', PortRange: '22/22', SourceCidrIp: '10.0.0.0/8', Description: 'cidr' }), 'cidr');
      assertRule(listed.group, rule('ingress', { IpProtocol: 'TCP', PortRange: '22/22', SourceGroupId: P,
        SourceGroupName: (await groupEntry(driver, P)).SecurityGroupName, Description: 'group' }), 'group');
      assertRule(listed.lists, rule('ingress', { IpProtocol: 'TCP', PortRangeListId: prl.id, PortRangeListName: prl.name,
        SourcePrefixListId: pl.id, SourcePrefixListName: pl.name, Description: 'lists' }), 'lists');
      assertRule(listed.ipv6, rule('egress', { IpProtocol: 'UDP', PortRange: '53/53', Ipv6DestCidrIp: '::/0', Description: 'ipv6' }), 'ipv6');
      await driver.modifySecurityGroupRule({ RegionId: REGION, SecurityGroupId: G, SecurityGroupRuleId: listed.cidr.SecurityGroupRuleId,
        Priority: '7' });
      assert.equal(byDescription(await rulesOf(driver, G)).cidr.Priority, '7');
      assert.deepEqual(await references(driver, [P]), { [P]: [me(G)] });
      await driver.revokeSecurityGroup({ RegionId: REGION, SecurityGroupId: G,
        SecurityGroupRuleId: [listed.cidr.SecurityGroupRuleId, listed.group.SecurityGroupRuleId, listed.lists.SecurityGroupRuleId] });
      await driver.revokeSecurityGroupEgress({ RegionId: REGION, SecurityGroupId: G, SecurityGroupRuleId: [listed.ipv6.SecurityGroupRuleId] });
      assert.deepEqual(await rulesOf(driver, G), []);
    });
  }
});

// ---------------------------------------------------------------------------------------------------------------

describe('AuthorizeSecurityGroup / AuthorizeSecurityGroupEgress', () => {
  test('the legacy flat fields add one rule; with Permissions as well they are InvalidParam.Permissions', async (t) => {
    const clean = cleanup(t);
    const VpcId = await newVpc(clean);
    const G = await newGroup(clean, { VpcId });
    const expected = [];
    for (const [i, driver] of drivers().entries()) {
      const port = `${8000 + i}/${8000 + i}`;
      const ingress = await driver.authorizeSecurityGroup({
        RegionId: REGION, SecurityGroupId: G, IpProtocol: 'TCP', PortRange: port, SourceCidrIp: '198.51.100.0/24', Policy: 'drop',
        Priority: '100', Description: `flat in ${i}`,
      });
      assert.match(ingress.RequestId, UUID);
      const egress = await driver.authorizeSecurityGroupEgress({
        RegionId: REGION, SecurityGroupId: G, IpProtocol: 'UDP', PortRange: port, DestCidrIp: '203.0.113.7/24', Priority: '99',
        Description: `flat out ${i}`,
      });
      assert.match(egress.RequestId, UUID);
      expected.push(
        rule('ingress', { Policy: 'Drop', Priority: '100', IpProtocol: 'TCP', PortRange: port, SourceCidrIp: '198.51.100.0/24', Description: `flat in ${i}` }),
        rule('egress', { Priority: '99', IpProtocol: 'UDP', PortRange: port, DestCidrIp: '203.0.113.7/24', Description: `flat out ${i}` }),
      );
      for (const [direction, fields] of [['ingress', { SourceCidrIp: '10.0.0.0/8' }], ['egress', { DestCidrIp: '10.0.0.0/8' }]]) {
        await assertAcsError(driver[AUTHORIZE[direction]]({
          RegionId: REGION, SecurityGroupId: G, IpProtocol: 'TCP', PortRange: '9999/9999', ...fields,
          Permissions: [{ IpProtocol: 'TCP', PortRange: '9998/9998', ...fields }],
        }), 'InvalidParam.Permissions', 400, `${driver.name} ${direction}`);
      }
    }
    const listed = byDescription(await rulesOf(sdk, G));
    assert.equal(Object.keys(listed).length, expected.length, 'the refused requests added nothing');
    for (const want of expected) assertRule(listed[want.Description], want, want.Description);
  });

  test('an identical rule is a successful no-op whatever its description; InvalidParam.DuplicatePermissions within one request', async (t) => {
    const clean = cleanup(t);
    const VpcId = await newVpc(clean);
    const G = await newGroup(clean, { VpcId });
    const base = { IpProtocol: 'TCP', PortRange: '22/22', SourceCidrIp: '10.0.0.0/8' };
    await sdk.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: G, Permissions: [{ ...base, Description: 'first' }] });
    await sdk.authorizeSecurityGroupEgress({ RegionId: REGION, SecurityGroupId: G, Permissions: [{ IpProtocol: 'UDP', PortRange: '53/53',
      DestCidrIp: '10.0.0.0/8', Description: 'first out' }] });
    const [original] = await rulesOf(sdk, G, { Direction: 'ingress' });
    const before = await rulesOf(sdk, G);

    for (const driver of drivers()) {
      for (const params of [
        { Permissions: [{ ...base, Description: `again by ${driver.kind}` }] },
        { Permissions: [{ ...base, Policy: 'accept', Priority: '1', NicType: 'intranet' }] },
        { ...base, Description: 'flat again' },
      ]) {
        const response = await driver.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: G, ...params });
        assert.match(response.RequestId, UUID);
      }
      await driver.authorizeSecurityGroupEgress({ RegionId: REGION, SecurityGroupId: G, Permissions: [{ IpProtocol: 'UDP', PortRange: '53/53',
        DestCidrIp: '10.0.0.0/8', Description: 'other' }] });
      assert.deepEqual(await rulesOf(sdk, G), before, `${driver.name}: the no-ops changed nothing, not even the description`);

      // Duplicates within one request (even differing only in the description) add nothing.
      const fresh = { IpProtocol: 'TCP', PortRange: '23/23', SourceCidrIp: '10.0.0.0/8' };
      for (const Permissions of [
        [{ ...fresh, Description: 'a' }, { ...fresh, Description: 'b' }],
        [fresh, { IpProtocol: 'TCP', PortRange: '24/24', SourceCidrIp: '10.0.0.0/8' }, { ...fresh, Policy: 'accept' }],
        [{ ...base, Description: 'x' }, { ...base, Description: 'y' }],
      ]) {
        await assertAcsError(driver.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: G, Permissions }),
          'InvalidParam.DuplicatePermissions', 400, `${driver.name} ingress ${Permissions.length}`);
      }
      const out = { IpProtocol: 'TCP', PortRange: '443/443', Ipv6DestCidrIp: '::/0' };
      await assertAcsError(driver.authorizeSecurityGroupEgress({ RegionId: REGION, SecurityGroupId: G, Permissions: [out, { ...out, Description: 'z' }] }),
        'InvalidParam.DuplicatePermissions', 400, `${driver.name} egress`);
      assert.deepEqual(await rulesOf(sdk, G), before, `${driver.name}: the refused requests added nothing`);
    }

    // A rule differing in policy or priority is another rule; a request mixing an existing and a new rule adds the new one.
    await sdk.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: G, Permissions: [{ ...base, Priority: '2', Description: 'prio 2' }] });
    await sdk.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: G, Permissions: [{ ...base, Policy: 'drop', Description: 'dropped' }] });
    await drivers()[3].authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: G, Permissions: [
      { ...base, Description: 'still first' }, { IpProtocol: 'TCP', PortRange: '25/25', SourceCidrIp: '10.0.0.0/8', Description: 'new' }] });
    const listed = byDescription(await rulesOf(sdk, G, { Direction: 'ingress' }));
    assert.deepEqual(Object.keys(listed).sort(), ['dropped', 'first', 'new', 'prio 2']);
    assert.equal(listed.first.SecurityGroupRuleId, original.SecurityGroupRuleId);
    assertRule(listed['prio 2'], rule('ingress', { ...base, Priority: '2', Description: 'prio 2' }), 'prio 2');
    assertRule(listed.dropped, rule('ingress', { ...base, Policy: 'Drop', Description: 'dropped' }), 'dropped');
    assertRule(listed.new, rule('ingress', { IpProtocol: 'TCP', PortRange: '25/25', SourceCidrIp: '10.0.0.0/8', Description: 'new' }), 'new');
  });

  test('authorization-object precedence: CIDR, then IPv6 CIDR, then group, then prefix list (the rest is dropped)', async (t) => {
    const clean = cleanup(t);
    const VpcId = await newVpc(clean);
    const G = await newGroup(clean, { VpcId });
    const peerName = uniqueName('peer');
    const P = await newGroup(clean, { VpcId, SecurityGroupName: peerName });
    const pl = await newPrefixList(clean, { AddressFamily: 'IPv4', MaxEntries: 2 });
    const pl6 = await newPrefixList(clean, { AddressFamily: 'IPv6', MaxEntries: 2 });
    const expected = [];
    for (const [i, driver] of drivers().entries()) {
      const port = (n) => `${100 * (i + 1) + n}/${100 * (i + 1) + n}`;
      await driver.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: G, Permissions: [
        { IpProtocol: 'TCP', PortRange: port(1), SourceCidrIp: '10.1.0.0/16', SourceGroupId: P, SourcePrefixListId: pl.id, Description: `in cidr ${i}` },
        { IpProtocol: 'TCP', PortRange: port(2), Ipv6SourceCidrIp: '2001:db8::/32', SourceGroupId: P, SourcePrefixListId: pl6.id,
          Description: `in ipv6 ${i}` },
        { IpProtocol: 'TCP', PortRange: port(3), SourceGroupId: P, SourcePrefixListId: pl.id, Description: `in group ${i}` },
      ] });
      await driver.authorizeSecurityGroupEgress({ RegionId: REGION, SecurityGroupId: G, Permissions: [
        { IpProtocol: 'TCP', PortRange: port(1), DestCidrIp: '10.1.0.0/16', DestGroupId: P, DestPrefixListId: pl.id, Description: `out cidr ${i}` },
        { IpProtocol: 'TCP', PortRange: port(2), Ipv6DestCidrIp: '2001:db8::/32', DestGroupId: P, DestPrefixListId: pl6.id, Description: `out ipv6 ${i}` },
        { IpProtocol: 'TCP', PortRange: port(3), DestGroupId: P, DestPrefixListId: pl.id, Description: `out group ${i}` },
      ] });
      expected.push(
        rule('ingress', { IpProtocol: 'TCP', PortRange: port(1), SourceCidrIp: '10.1.0.0/16', Description: `in cidr ${i}` }),
        rule('ingress', { IpProtocol: 'TCP', PortRange: port(2), Ipv6SourceCidrIp: '2001:db8::/32', Description: `in ipv6 ${i}` }),
        rule('ingress', { IpProtocol: 'TCP', PortRange: port(3), SourceGroupId: P, SourceGroupName: peerName, Description: `in group ${i}` }),
        rule('egress', { IpProtocol: 'TCP', PortRange: port(1), DestCidrIp: '10.1.0.0/16', Description: `out cidr ${i}` }),
        rule('egress', { IpProtocol: 'TCP', PortRange: port(2), Ipv6DestCidrIp: '2001:db8::/32', Description: `out ipv6 ${i}` }),
        rule('egress', { IpProtocol: 'TCP', PortRange: port(3), DestGroupId: P, DestGroupName: peerName, Description: `out group ${i}` }),
      );
    }
    const listed = byDescription(await rulesOf(sdk, G));
    assert.equal(Object.keys(listed).length, expected.length);
    for (const want of expected) assertRule(listed[want.Description], want, want.Description);
    const entry = await groupEntry(sdk, G);
    assert.equal(entry.RuleCount, 24);
    assert.equal(entry.GroupToGroupRuleCount, 8);
    for (const list of [pl, pl6]) {
      const associations = await sdk.describePrefixListAssociations({ RegionId: REGION, PrefixListId: list.id });
      assert.deepEqual(associations.PrefixListAssociations.PrefixListAssociation, [], `${list.name}: the dropped prefix lists are unused`);
    }
  });

  test('refuses bad rules with the documented codes and adds nothing', async (t) => {
    const clean = cleanup(t);
    const VpcId = await newVpc(clean, { CidrBlock: '10.91.0.0/16' });
    const otherVpc = await newVpc(clean, { CidrBlock: '10.92.0.0/16' });
    const G = await newGroup(clean, { VpcId });
    const P = await newGroup(clean, { VpcId });
    const O = await newGroup(clean, { VpcId: otherVpc });
    const E = await newGroup(clean, { VpcId, SecurityGroupType: 'enterprise' });
    const E2 = await newGroup(clean, { VpcId, SecurityGroupType: 'enterprise' });
    const theirs = await newGroup(cleanup(t, drivers(ACCOUNTS.test2)[0]), {}, drivers(ACCOUNTS.test2)[0]);
    const prl = await newPortRangeList(clean, { MaxEntries: 2, Entry: [{ PortRange: '80/80' }] });
    const pl4 = await newPrefixList(clean, { AddressFamily: 'IPv4', MaxEntries: 2 });
    const pl6 = await newPrefixList(clean, { AddressFamily: 'IPv6', MaxEntries: 2 });
    const tcp = { IpProtocol: 'TCP', PortRange: '22/22' };

    // [label, direction, target group, permission, code, status]
    const both = (label, fields, code, status = 400) => [
      [`${label} (ingress)`, 'ingress', G, { ...fields, SourceCidrIp: '10.0.0.0/8' }, code, status],
      [`${label} (egress)`, 'egress', G, { ...fields, DestCidrIp: '10.0.0.0/8' }, code, status],
    ];
    const cases = [
      ...both('IpProtocol HTTP', { IpProtocol: 'HTTP', PortRange: '80/80' }, 'InvalidIpProtocol.ValueNotSupported'),
      ...both('IpProtocol TCPX', { IpProtocol: 'TCPX', PortRange: '80/80' }, 'InvalidIpProtocol.ValueNotSupported'),
      ...both('PortRange 22', { IpProtocol: 'TCP', PortRange: '22' }, 'InvalidParam.PortRange'),
      ...both('PortRange 22-23', { IpProtocol: 'TCP', PortRange: '22-23' }, 'InvalidParam.PortRange'),
      ...both('PortRange a/b', { IpProtocol: 'UDP', PortRange: 'a/b' }, 'InvalidParam.PortRange'),
      ...both('TCP -1/-1', { IpProtocol: 'TCP', PortRange: '-1/-1' }, 'OperationDenied'),
      ...both('UDP -1/-1', { IpProtocol: 'UDP', PortRange: '-1/-1' }, 'OperationDenied'),
      ...both('ICMP 22/22', { IpProtocol: 'ICMP', PortRange: '22/22' }, 'OperationDenied'),
      ...both('GRE 1/1', { IpProtocol: 'GRE', PortRange: '1/1' }, 'OperationDenied'),
      ...both('ALL 1/65535', { IpProtocol: 'ALL', PortRange: '1/65535' }, 'OperationDenied'),
      ...both('no PortRange', { IpProtocol: 'TCP' }, 'InvalidPortRange.Malformed'),
      ...both('Priority 0', { ...tcp, Priority: '0' }, 'InvalidPriority.Malformed'),
      ...both('Priority 101', { ...tcp, Priority: '101' }, 'InvalidPriority.Malformed'),
      ...both('Priority abc', { ...tcp, Priority: 'abc' }, 'InvalidPriority.Malformed'),
      ...both('Policy allow', { ...tcp, Policy: 'allow' }, 'InvalidPolicy.Malformed'),
      ...both('unknown port list', { IpProtocol: 'TCP', PortRangeListId: UNKNOWN_PRL }, 'InvalidPortRangeListId.NotFound'),
      ...both('ICMP with a port list', { IpProtocol: 'ICMP', PortRangeListId: prl.id }, 'InvalidParam.ProtocolNotSupportPortRangeList'),
      ...[['10.0.0.0/33'], ['256.0.0.0/8'], ['not-an-ip']].flatMap(([cidr]) => [
        [`SourceCidrIp ${cidr}`, 'ingress', G, { ...tcp, SourceCidrIp: cidr }, 'InvalidSourceCidrIp.Malformed', 400],
        [`DestCidrIp ${cidr}`, 'egress', G, { ...tcp, DestCidrIp: cidr }, 'InvalidDestCidrIp.Malformed', 400],
      ]),
      ['IPv4 and IPv6 source', 'ingress', G, { ...tcp, SourceCidrIp: '10.0.0.0/8', Ipv6SourceCidrIp: '2001:db8::/32' }, 'InvalidParam.SourceIp', 400],
      ['ICMP to IPv6 (ingress)', 'ingress', G, { IpProtocol: 'ICMP', PortRange: '-1/-1', Ipv6SourceCidrIp: '2001:db8::/32' },
        'InvalidParam.Ipv4ProtocolConflictWithIpv6Address', 400],
      ['ICMP to IPv6 (egress)', 'egress', G, { IpProtocol: 'ICMP', PortRange: '-1/-1', Ipv6DestCidrIp: '::/0' },
        'InvalidParam.Ipv4ProtocolConflictWithIpv6Address', 400],
      ['ICMPv6 to IPv4 (ingress)', 'ingress', G, { IpProtocol: 'ICMPv6', PortRange: '-1/-1', SourceCidrIp: '10.0.0.0/8' },
        'InvalidParam.Ipv6ProtocolConflictWithIpv4Address', 400],
      ['ICMPv6 to IPv4 (egress)', 'egress', G, { IpProtocol: 'ICMPv6', PortRange: '-1/-1', DestCidrIp: '0.0.0.0/0' },
        'InvalidParam.Ipv6ProtocolConflictWithIpv4Address', 400],
      ['ICMP to an IPv6 prefix list', 'ingress', G, { IpProtocol: 'ICMP', PortRange: '-1/-1', SourcePrefixListId: pl6.id },
        'InvalidParam.Ipv4ProtocolConflictWithIpv6Address', 400],
      ['ICMPv6 to an IPv4 prefix list', 'egress', G, { IpProtocol: 'ICMPv6', PortRange: '-1/-1', DestPrefixListId: pl4.id },
        'InvalidParam.Ipv6ProtocolConflictWithIpv4Address', 400],
      ['no source', 'ingress', G, tcp, 'MissingParameter.Source', 400],
      ['only a destination (ingress)', 'ingress', G, { ...tcp, DestCidrIp: '10.0.0.0/8' }, 'MissingParameter.Source', 400],
      ['no destination', 'egress', G, tcp, 'MissingParameter.Dest', 400],
      ['only a source (egress)', 'egress', G, { ...tcp, SourceCidrIp: '10.0.0.0/8' }, 'MissingParameter.Dest', 400],
      ['unknown source group', 'ingress', G, { ...tcp, SourceGroupId: UNKNOWN_SG }, 'InvalidSourceGroupId.NotFound', 404],
      ['source group of another account', 'ingress', G, { ...tcp, SourceGroupId: theirs }, 'InvalidSourceGroupId.NotFound', 404],
      ['unknown destination group', 'egress', G, { ...tcp, DestGroupId: UNKNOWN_SG }, 'InvalidDestGroupId.NotFound', 404],
      ['itself as source', 'ingress', G, { ...tcp, SourceGroupId: G }, 'InvalidParamter.Conflict', 400],
      ['itself as destination', 'egress', G, { ...tcp, DestGroupId: G }, 'InvalidSecurityGroup.IsSame', 403],
      ['source group in another VPC', 'ingress', G, { ...tcp, SourceGroupId: O }, 'InvalidSourceGroupId.Mismatch', 400],
      ['destination group in another VPC', 'egress', G, { ...tcp, DestGroupId: O }, 'InvalidDestGroupId.Mismatch', 400],
      ['enterprise source group', 'ingress', G, { ...tcp, SourceGroupId: E }, 'InvalidGroupAuthParameter.OperationDenied', 400],
      ['enterprise destination group', 'egress', G, { ...tcp, DestGroupId: E }, 'InvalidGroupAuthParameter.OperationDenied', 400],
      ['enterprise group referencing a basic group (ingress)', 'ingress', E, { ...tcp, SourceGroupId: P }, 'InvalidGroupParameter.OperationDenied', 400],
      ['enterprise group referencing a basic group (egress)', 'egress', E, { ...tcp, DestGroupId: P }, 'InvalidGroupParameter.OperationDenied', 400],
      ['enterprise group referencing an enterprise group', 'ingress', E, { ...tcp, SourceGroupId: E2 }, 'InvalidGroupParameter.OperationDenied', 400],
      ['unknown source prefix list', 'ingress', G, { ...tcp, SourcePrefixListId: UNKNOWN_PL }, 'InvalidPrefixListId.NotFound', 404],
      ['unknown destination prefix list', 'egress', G, { ...tcp, DestPrefixListId: UNKNOWN_PL }, 'InvalidPrefixListId.NotFound', 404],
      ['unknown group (ingress)', 'ingress', UNKNOWN_SG, { ...tcp, SourceCidrIp: '10.0.0.0/8' }, 'InvalidSecurityGroupId.NotFound', 404],
      ['unknown group (egress)', 'egress', UNKNOWN_SG, { ...tcp, DestCidrIp: '10.0.0.0/8' }, 'InvalidSecurityGroupId.NotFound', 404],
      ['group of another account', 'ingress', theirs, { ...tcp, SourceCidrIp: '10.0.0.0/8' }, 'InvalidSecurityGroupId.NotFound', 404],
    ];
    for (const driver of drivers()) {
      for (const [label, direction, SecurityGroupId, permission, code, status] of cases) {
        await assertAcsError(driver[AUTHORIZE[direction]]({ RegionId: REGION, SecurityGroupId, Permissions: [permission] }), code, status,
          `${driver.name}: ${label}`);
      }
      // One bad permission fails the whole request; the flat form is checked the same way.
      const good = { ...tcp, SourceCidrIp: '10.0.0.0/8' };
      await assertAcsError(driver.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: G,
        Permissions: [good, { ...good, PortRange: '23/23', Priority: '0' }] }), 'InvalidPriority.Malformed', 400, `${driver.name}: mixed`);
      await assertAcsError(driver.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: G, ...tcp, SourceCidrIp: '10.0.0.0/33' }),
        'InvalidSourceCidrIp.Malformed', 400, `${driver.name}: flat`);
      await assertAcsError(driver.authorizeSecurityGroupEgress({ RegionId: REGION, SecurityGroupId: G, ...tcp, DestGroupId: G }),
        'InvalidSecurityGroup.IsSame', 403, `${driver.name}: flat`);
    }
    for (const id of [G, E]) assert.deepEqual(await rulesOf(sdk, id), [], `${id}: nothing was added`);
  });

  test('AuthorizationLimitExceed (403) past 200 rule units; a rule with a prefix or port list counts as its MaxEntries', async (t) => {
    const clean = cleanup(t);
    const VpcId = await newVpc(clean);
    const G = await newGroup(clean, { VpcId });
    const pl199 = await newPrefixList(clean, { AddressFamily: 'IPv4', MaxEntries: 199 });
    const cidr = (port) => ({ IpProtocol: 'TCP', PortRange: `${port}/${port}`, SourceCidrIp: '10.0.0.0/8' });
    const dest = (port) => ({ IpProtocol: 'TCP', PortRange: `${port}/${port}`, DestCidrIp: '10.0.0.0/8' });
    const over = async (label) => {
      for (const driver of drivers()) {
        await assertAcsError(driver.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: G, Permissions: [cidr(60000)] }),
          'AuthorizationLimitExceed', 403, `${driver.name} ${label} ingress`);
        await assertAcsError(driver.authorizeSecurityGroupEgress({ RegionId: REGION, SecurityGroupId: G, Permissions: [dest(60000)] }),
          'AuthorizationLimitExceed', 403, `${driver.name} ${label} egress`);
      }
    };

    // 199 (the prefix list) + 1 = 200: full.
    await sdk.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: G,
      Permissions: [{ IpProtocol: 'TCP', PortRange: '1/1', SourcePrefixListId: pl199.id }] });
    await sdk.authorizeSecurityGroupEgress({ RegionId: REGION, SecurityGroupId: G, Permissions: [dest(1)] });
    await over('199 + 1');
    await sdk.authorizeSecurityGroupEgress({ RegionId: REGION, SecurityGroupId: G, Permissions: [dest(1)] }); // identical: a no-op, no error
    assert.equal((await ruleIds(G)).length, 2);

    // 1 + 100 + 99 = 200 single rules: full.
    await sdk.revokeSecurityGroup({ RegionId: REGION, SecurityGroupId: G, IpProtocol: 'TCP', PortRange: '1/1', SourcePrefixListId: pl199.id });
    await sdk.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: G, Permissions: Array.from({ length: 100 }, (_, i) => cidr(i + 1)) });
    await sdk.authorizeSecurityGroupEgress({ RegionId: REGION, SecurityGroupId: G, Permissions: Array.from({ length: 99 }, (_, i) => dest(i + 2)) });
    assert.equal((await ruleIds(G)).length, 200);
    await over('200 rules');
    // A request that would cross the limit adds none of its rules.
    await sdk.revokeSecurityGroup({ RegionId: REGION, SecurityGroupId: G, SecurityGroupRuleId: (await ruleIds(G, 'ingress')).slice(0, 1) });
    await assertAcsError(sdk.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: G, Permissions: [cidr(60001), cidr(60002)] }),
      'AuthorizationLimitExceed', 403, 'two rules into one free slot');
    assert.equal((await ruleIds(G)).length, 199);
    await sdk.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: G, Permissions: [cidr(60001)] });
    assert.equal((await ruleIds(G)).length, 200);
    // SecurityGroupRuleId.N takes up to 100 IDs.
    const hundred = await ruleIds(G, 'ingress');
    assert.equal(hundred.length, 100);
    await drivers()[3].revokeSecurityGroup({ RegionId: REGION, SecurityGroupId: G, SecurityGroupRuleId: hundred });
    assert.deepEqual(await ruleIds(G, 'ingress'), []);
    assert.equal((await ruleIds(G, 'egress')).length, 100);

    // A port list (150) and a prefix list (50) in another group: full.
    const G2 = await newGroup(clean, { VpcId });
    const prl150 = await newPortRangeList(clean, { MaxEntries: 150 });
    const pl50 = await newPrefixList(clean, { AddressFamily: 'IPv4', MaxEntries: 50 });
    await sdk.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: G2,
      Permissions: [{ IpProtocol: 'TCP', PortRangeListId: prl150.id, SourceCidrIp: '10.0.0.0/8' }] });
    await sdk.authorizeSecurityGroupEgress({ RegionId: REGION, SecurityGroupId: G2,
      Permissions: [{ IpProtocol: 'UDP', PortRange: '53/53', DestPrefixListId: pl50.id }] });
    for (const driver of drivers()) {
      await assertAcsError(driver.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: G2, Permissions: [cidr(22)] }),
        'AuthorizationLimitExceed', 403, `${driver.name} 150 + 50`);
    }
    assert.equal((await ruleIds(G2)).length, 2);
  });

  test('AuthorizedGroupRule.LimitExceed (400) past 20 group-reference rules', async (t) => {
    const clean = cleanup(t);
    const VpcId = await newVpc(clean);
    const G = await newGroup(clean, { VpcId });
    const G2 = await newGroup(clean, { VpcId });
    const P = await newGroup(clean, { VpcId });
    const ports = (from, n) => Array.from({ length: n }, (_, i) => `${from + i}/${from + i}`);
    await sdk.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: G,
      Permissions: ports(1, 20).map((PortRange) => ({ IpProtocol: 'TCP', PortRange, SourceGroupId: P })) });
    await sdk.authorizeSecurityGroupEgress({ RegionId: REGION, SecurityGroupId: G2,
      Permissions: ports(1, 20).map((PortRange) => ({ IpProtocol: 'UDP', PortRange, DestGroupId: P })) });
    for (const driver of drivers()) {
      await assertAcsError(driver.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: G,
        Permissions: [{ IpProtocol: 'TCP', PortRange: '21/21', SourceGroupId: P }] }), 'AuthorizedGroupRule.LimitExceed', 400, `${driver.name} ingress`);
      await assertAcsError(driver.authorizeSecurityGroupEgress({ RegionId: REGION, SecurityGroupId: G2,
        Permissions: [{ IpProtocol: 'UDP', PortRange: '21/21', DestGroupId: P }] }), 'AuthorizedGroupRule.LimitExceed', 400, `${driver.name} egress`);
      // An identical rule is still a no-op, and CIDR rules are not limited by it.
      await driver.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: G, Permissions: [{ IpProtocol: 'TCP', PortRange: '1/1', SourceGroupId: P }] });
    }
    await sdk.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: G, Permissions: [{ IpProtocol: 'TCP', PortRange: '21/21', SourceCidrIp: '10.0.0.0/8' }] });
    const entry = await groupEntry(sdk, G);
    assert.equal(entry.RuleCount, 21);
    assert.equal(entry.GroupToGroupRuleCount, 20);
    assert.equal((await groupEntry(sdk, G2)).GroupToGroupRuleCount, 20);
  });

  test('a group managed by a cloud product refuses rule changes with InvalidOperation.ResourceManagedByCloudProduct (403)', async (t) => {
    const clean = cleanup(t);
    const VpcId = await newVpc(clean);
    const G = await newGroup(clean, { VpcId });
    await sdk.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: G, Permissions: [{ IpProtocol: 'TCP', PortRange: '22/22', SourceCidrIp: '10.0.0.0/8' }] });
    await sdk.authorizeSecurityGroupEgress({ RegionId: REGION, SecurityGroupId: G, Permissions: [{ IpProtocol: 'TCP', PortRange: '22/22', DestCidrIp: '10.0.0.0/8' }] });
    const before = await rulesOf(sdk, G);
    const [inId, outId] = ['ingress', 'egress'].map((d) => before.find((r) => r.Direction === d).SecurityGroupRuleId);
    await setSecurityGroupFlags(G, { ServiceManaged: true, ServiceId: 123 });
    const group = { RegionId: REGION, SecurityGroupId: G };
    for (const driver of drivers()) {
      const calls = {
        authorize: () => driver.authorizeSecurityGroup({ ...group, Permissions: [{ IpProtocol: 'TCP', PortRange: '80/80', SourceCidrIp: '10.0.0.0/8' }] }),
        authorizeEgress: () => driver.authorizeSecurityGroupEgress({ ...group, Permissions: [{ IpProtocol: 'TCP', PortRange: '80/80', DestCidrIp: '10.0.0.0/8' }] }),
        revoke: () => driver.revokeSecurityGroup({ ...group, SecurityGroupRuleId: [inId] }),
        revokeEgress: () => driver.revokeSecurityGroupEgress({ ...group, SecurityGroupRuleId: [outId] }),
        modify: () => driver.modifySecurityGroupRule({ ...group, SecurityGroupRuleId: inId, Priority: '9' }),
        modifyEgress: () => driver.modifySecurityGroupEgressRule({ ...group, SecurityGroupRuleId: outId, Priority: '9' }),
      };
      for (const [label, call] of Object.entries(calls)) {
        await assertAcsError(call, 'InvalidOperation.ResourceManagedByCloudProduct', 403, `${driver.name} ${label}`);
      }
    }
    assert.deepEqual(await rulesOf(sdk, G), before, 'nothing changed');
    await setSecurityGroupFlags(G, { ServiceManaged: false });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('RevokeSecurityGroup / RevokeSecurityGroupEgress', () => {
  test('by SecurityGroupRuleId.N: unknown, repeated, or with Permissions is refused and revokes nothing', async (t) => {
    const clean = cleanup(t);
    const VpcId = await newVpc(clean);
    const G = await newGroup(clean, { VpcId });
    await sdk.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: G, Permissions: ['22/22', '80/80', '443/443'].map((PortRange) =>
      ({ IpProtocol: 'TCP', PortRange, SourceCidrIp: '10.0.0.0/8' })) });
    await sdk.authorizeSecurityGroupEgress({ RegionId: REGION, SecurityGroupId: G, Permissions: [{ IpProtocol: 'TCP', PortRange: '22/22', DestCidrIp: '10.0.0.0/8' }] });
    const [A, B, C] = await ruleIds(G, 'ingress');
    const [X] = await ruleIds(G, 'egress');
    const group = { RegionId: REGION, SecurityGroupId: G };
    for (const driver of drivers()) {
      const cases = [
        ['ingress', { SecurityGroupRuleId: [UNKNOWN_RULE] }, 'InvalidSecurityGroupRuleId.NotFound', 404],
        ['ingress', { SecurityGroupRuleId: [A, UNKNOWN_RULE] }, 'InvalidSecurityGroupRuleId.NotFound', 404],
        ['ingress', { SecurityGroupRuleId: [X] }, 'InvalidSecurityGroupRuleId.NotFound', 404],
        ['egress', { SecurityGroupRuleId: [A] }, 'InvalidSecurityGroupRuleId.NotFound', 404],
        ['ingress', { SecurityGroupRuleId: [A, B, A] }, 'InvalidParam.SecurityGroupRuleIdRepeated', 400],
        ['egress', { SecurityGroupRuleId: [X, X] }, 'InvalidParam.SecurityGroupRuleIdRepeated', 400],
        ['ingress', { SecurityGroupRuleId: [A], Permissions: [{ IpProtocol: 'TCP', PortRange: '80/80', SourceCidrIp: '10.0.0.0/8' }] },
          'InvalidParam.Permissions', 400],
        ['egress', { SecurityGroupRuleId: [X], Permissions: [{ IpProtocol: 'TCP', PortRange: '22/22', DestCidrIp: '10.0.0.0/8' }] },
          'InvalidParam.Permissions', 400],
      ];
      for (const [direction, params, code, status] of cases) {
        await assertAcsError(driver[REVOKE[direction]]({ ...group, ...params }), code, status, `${driver.name} ${direction} ${JSON.stringify(params)}`);
      }
      await assertAcsError(driver.revokeSecurityGroup({ RegionId: REGION, SecurityGroupId: UNKNOWN_SG, SecurityGroupRuleId: [A] }),
        'InvalidSecurityGroupId.NotFound', 404, `${driver.name} unknown group`);
    }
    assert.deepEqual(await ruleIds(G), [A, B, C, X].sort(), 'nothing was revoked');
    await drivers()[2].revokeSecurityGroup({ ...group, SecurityGroupRuleId: [C, A] });
    assert.deepEqual(await ruleIds(G), [B, X].sort());
    await assertAcsError(sdk.revokeSecurityGroup({ ...group, SecurityGroupRuleId: [A] }), 'InvalidSecurityGroupRuleId.NotFound', 404, 'revoked twice');
    await drivers()[1].revokeSecurityGroupEgress({ ...group, SecurityGroupRuleId: [X] });
    assert.deepEqual(await ruleIds(G), [B]);
  });

  test('by fields: no match is InvalidParam.SecurityGroupRuleId (ingress) or InvalidSecurityGroupRule.RuleNotExist (egress)', async (t) => {
    const clean = cleanup(t);
    const VpcId = await newVpc(clean);
    const G = await newGroup(clean, { VpcId });
    const P = await newGroup(clean, { VpcId });
    const pl = await newPrefixList(clean, { AddressFamily: 'IPv4', MaxEntries: 2 });
    const group = { RegionId: REGION, SecurityGroupId: G };
    await sdk.authorizeSecurityGroup({ ...group, Permissions: [
      { IpProtocol: 'TCP', PortRange: '80/80', SourceCidrIp: '10.0.0.0/8', Policy: 'drop', Priority: '5', Description: 'R1' },
      { IpProtocol: 'TCP', PortRange: '80/80', SourceCidrIp: '10.0.0.0/8', Policy: 'accept', Priority: '6', Description: 'R2' },
      { IpProtocol: 'TCP', PortRange: '81/81', SourceGroupId: P, Description: 'R3' },
    ] });
    await sdk.authorizeSecurityGroupEgress({ ...group, Permissions: [
      { IpProtocol: 'UDP', PortRange: '53/53', DestCidrIp: '10.0.0.0/8', Policy: 'drop', Priority: '7', Description: 'E1' },
      { IpProtocol: 'UDP', PortRange: '54/54', DestPrefixListId: pl.id, Description: 'E2' },
    ] });
    const before = await rulesOf(sdk, G);
    const r80 = { IpProtocol: 'TCP', PortRange: '80/80', SourceCidrIp: '10.0.0.0/8' };
    const e53 = { IpProtocol: 'UDP', PortRange: '53/53', DestCidrIp: '10.0.0.0/8' };
    for (const driver of drivers()) {
      const ingressMisses = [
        { ...r80, PortRange: '82/82' },
        { ...r80, SourceCidrIp: '10.0.0.0/16' },
        { ...r80, IpProtocol: 'UDP' },
        r80, // Policy absent is accept, Priority absent is 1: neither R1 (drop, 5) nor R2 (accept, 6)
        { ...r80, Priority: '7' },
        { ...r80, Priority: '5', Policy: 'accept' },
        { ...r80, Policy: 'drop' },
        { IpProtocol: 'TCP', PortRange: '81/81', SourcePrefixListId: pl.id },
        { IpProtocol: 'TCP', PortRange: '80/80', SourceGroupId: P },
      ];
      for (const fields of ingressMisses) {
        await assertAcsError(driver.revokeSecurityGroup({ ...group, Permissions: [fields] }), 'InvalidParam.SecurityGroupRuleId', 400,
          `${driver.name} ingress Permissions ${JSON.stringify(fields)}`);
        await assertAcsError(driver.revokeSecurityGroup({ ...group, ...fields }), 'InvalidParam.SecurityGroupRuleId', 400,
          `${driver.name} ingress flat ${JSON.stringify(fields)}`);
      }
      const egressMisses = [
        { ...e53, PortRange: '55/55' },
        { ...e53, Policy: 'accept' },
        { ...e53, Priority: '1' },
        { IpProtocol: 'UDP', PortRange: '54/54', DestCidrIp: '10.0.0.0/8' },
      ];
      for (const fields of egressMisses) {
        await assertAcsError(driver.revokeSecurityGroupEgress({ ...group, Permissions: [fields] }), 'InvalidSecurityGroupRule.RuleNotExist', 400,
          `${driver.name} egress Permissions ${JSON.stringify(fields)}`);
        await assertAcsError(driver.revokeSecurityGroupEgress({ ...group, ...fields }), 'InvalidSecurityGroupRule.RuleNotExist', 400,
          `${driver.name} egress flat ${JSON.stringify(fields)}`);
      }
      // An unknown port range list is InvalidPortRangeListId.NotFound (400) here too.
      await assertAcsError(driver.revokeSecurityGroup({ ...group, Permissions: [{ IpProtocol: 'TCP', PortRangeListId: UNKNOWN_PRL,
        SourceCidrIp: '10.0.0.0/8' }] }), 'InvalidPortRangeListId.NotFound', 400, `${driver.name} ingress unknown port list`);
      await assertAcsError(driver.revokeSecurityGroupEgress({ ...group, Permissions: [{ IpProtocol: 'UDP', PortRangeListId: UNKNOWN_PRL,
        DestCidrIp: '10.0.0.0/8' }] }), 'InvalidPortRangeListId.NotFound', 400, `${driver.name} egress unknown port list`);
      // An ingress rule is not revoked through the egress Action, nor the other way round.
      await assertAcsError(driver.revokeSecurityGroupEgress({ ...group, Permissions: [{ ...r80, DestCidrIp: '10.0.0.0/8', SourceCidrIp: undefined }] }),
        'InvalidSecurityGroupRule.RuleNotExist', 400, `${driver.name} ingress rule via egress`);
      // One missing rule fails the request: the matching one stays.
      await assertAcsError(driver.revokeSecurityGroup({ ...group, Permissions: [{ ...r80, Priority: '6' }, { ...r80, PortRange: '82/82' }] }),
        'InvalidParam.SecurityGroupRuleId', 400, `${driver.name} one of two missing`);
    }
    assert.deepEqual(await rulesOf(sdk, G), before, 'nothing was revoked');

    const descriptions = async () => (await rulesOf(sdk, G)).map((r) => r.Description).sort();
    // Policy and priority must match; the description does not matter.
    await drivers()[3].revokeSecurityGroup({ ...group, Permissions: [{ ...r80, Policy: 'drop', Priority: '5', Description: 'not R1' }] });
    assert.deepEqual(await descriptions(), ['E1', 'E2', 'R2', 'R3']);
    // Without Policy the rule is an accept rule.
    await drivers()[2].revokeSecurityGroup({ ...group, ...r80, Priority: '6' });
    assert.deepEqual(await descriptions(), ['E1', 'E2', 'R3']);
    await drivers()[1].revokeSecurityGroup({ ...group, Permissions: [{ IpProtocol: 'TCP', PortRange: '81/81', SourceGroupId: P }] });
    await sdk.revokeSecurityGroupEgress({ ...group, ...e53, Policy: 'drop', Priority: '7' });
    await drivers()[3].revokeSecurityGroupEgress({ ...group, Permissions: [{ IpProtocol: 'UDP', PortRange: '54/54', DestPrefixListId: pl.id }] });
    assert.deepEqual(await descriptions(), []);
  });

  test('without Policy/Priority/NicType the reference defaults apply (accept, 1, the group\'s NicType): twins stay', async (t) => {
    const clean = cleanup(t);
    const VpcId = await newVpc(clean);
    const G = await newGroup(clean, { VpcId });
    const C = await newGroup(clean); // classic: rules keep the NicType they are given
    const r22 = { IpProtocol: 'TCP', PortRange: '22/22', SourceCidrIp: '10.0.0.0/8' };
    await sdk.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: G, Permissions: [
      { ...r22, Priority: '1', Description: 'p1' }, { ...r22, Priority: '2', Description: 'p2' }, { ...r22, Policy: 'drop', Description: 'drop' },
      { ...r22, PortRange: '23/23', Description: 'other' }] });
    await sdk.revokeSecurityGroup({ RegionId: REGION, SecurityGroupId: G, Permissions: [r22] });
    assert.deepEqual((await rulesOf(sdk, G)).map((r) => r.Description).sort(), ['drop', 'other', 'p2']);
    await assertAcsError(sdk.revokeSecurityGroup({ RegionId: REGION, SecurityGroupId: G, ...r22 }), 'InvalidParam.SecurityGroupRuleId', 400,
      'the accept rule of priority 1 is gone; its twins do not match');

    await sdk.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: C, Permissions: [
      { ...r22, NicType: 'internet', Description: 'internet' }, { ...r22, NicType: 'intranet', Description: 'intranet' }] });
    const nics = async (params = {}) => (await rulesOf(sdk, C, params)).map((r) => `${r.Description}:${r.NicType}`).sort();
    assert.deepEqual(await nics(), ['internet:internet', 'intranet:intranet']);
    assert.deepEqual(await nics({ NicType: 'internet' }), ['internet:internet'], 'DescribeSecurityGroupAttribute NicType filter');
    assert.deepEqual(await nics({ NicType: 'intranet' }), ['intranet:intranet'], 'DescribeSecurityGroupAttribute NicType filter');
    await drivers()[2].revokeSecurityGroup({ RegionId: REGION, SecurityGroupId: C, ...r22, NicType: 'intranet' });
    assert.deepEqual(await nics(), ['internet:internet']);
    await assertAcsError(sdk.revokeSecurityGroup({ RegionId: REGION, SecurityGroupId: C, ...r22, NicType: 'intranet' }),
      'InvalidParam.SecurityGroupRuleId', 400, 'the intranet rule is gone');
    await drivers()[3].revokeSecurityGroup({ RegionId: REGION, SecurityGroupId: C, Permissions: [r22] });
    assert.deepEqual(await nics(), []);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('ModifySecurityGroupRule / ModifySecurityGroupEgressRule', () => {
  test('refuses changes of the authorization-object kind, NicType, port kind, duplicates and mismatched ports', async (t) => {
    const clean = cleanup(t);
    const VpcId = await newVpc(clean);
    const G = await newGroup(clean, { VpcId });
    const P = await newGroup(clean, { VpcId });
    const pl = await newPrefixList(clean, { AddressFamily: 'IPv4', MaxEntries: 2 });
    const prl = await newPortRangeList(clean, { MaxEntries: 2, Entry: [{ PortRange: '80/80' }] });
    const group = { RegionId: REGION, SecurityGroupId: G };
    await sdk.authorizeSecurityGroup({ ...group, Permissions: [
      { IpProtocol: 'TCP', PortRange: '22/22', SourceCidrIp: '10.0.0.0/8', Description: 'cidr' },
      { IpProtocol: 'TCP', PortRange: '23/23', SourceCidrIp: '10.0.0.0/8', Description: 'cidr2' },
      { IpProtocol: 'UDP', PortRange: '53/53', Ipv6SourceCidrIp: '2001:db8::/32', Description: 'ipv6' },
      { IpProtocol: 'TCP', PortRange: '3306/3306', SourceGroupId: P, Description: 'group' },
      { IpProtocol: 'ICMP', PortRange: '-1/-1', SourcePrefixListId: pl.id, Description: 'prefix' },
      { IpProtocol: 'TCP', PortRangeListId: prl.id, SourceCidrIp: '10.0.0.0/8', Description: 'ports' },
    ] });
    await sdk.authorizeSecurityGroupEgress({ ...group, Permissions: [
      { IpProtocol: 'TCP', PortRange: '443/443', DestCidrIp: '0.0.0.0/0', Description: 'out-cidr' },
      { IpProtocol: 'UDP', PortRange: '123/123', DestGroupId: P, Description: 'out-group' },
      { IpProtocol: 'TCP', PortRange: '444/444', DestPrefixListId: pl.id, Description: 'out-prefix' },
    ] });
    const before = await rulesOf(sdk, G);
    const id = Object.fromEntries(before.map((r) => [r.Description, r.SecurityGroupRuleId]));
    const cases = [
      ['ingress', 'cidr', { SourceGroupId: P }, 'InvalidOperation.ModifySgRuleEntityType', 400],
      ['ingress', 'cidr', { SourcePrefixListId: pl.id }, 'InvalidOperation.ModifySgRuleEntityType', 400],
      ['ingress', 'group', { SourceCidrIp: '10.0.0.0/8' }, 'InvalidOperation.ModifySgRuleEntityType', 400],
      ['ingress', 'group', { SourcePrefixListId: pl.id }, 'InvalidOperation.ModifySgRuleEntityType', 400],
      ['ingress', 'prefix', { SourceCidrIp: '10.0.0.0/8' }, 'InvalidOperation.ModifySgRuleEntityType', 400],
      ['ingress', 'ipv6', { SourceGroupId: P }, 'InvalidOperation.ModifySgRuleEntityType', 400],
      ['egress', 'out-cidr', { DestGroupId: P }, 'InvalidOperation.ModifySgRuleEntityType', 400],
      ['egress', 'out-group', { DestCidrIp: '10.0.0.0/8' }, 'InvalidOperation.ModifySgRuleEntityType', 400],
      ['egress', 'out-prefix', { DestGroupId: P }, 'InvalidOperation.ModifySgRuleEntityType', 400],
      ['ingress', 'cidr', { NicType: 'internet' }, 'InvalidOperation.ModifyNicType', 400],
      ['egress', 'out-cidr', { NicType: 'internet' }, 'InvalidOperation.ModifyNicType', 400],
      ['ingress', 'ports', { PortRange: '80/80' }, 'InvalidOperation.ModifyPortRangeType', 400],
      ['ingress', 'cidr', { PortRangeListId: prl.id }, 'InvalidOperation.ModifyPortRangeType', 400],
      ['egress', 'out-cidr', { PortRangeListId: prl.id }, 'InvalidOperation.ModifyPortRangeType', 400],
      ['ingress', 'cidr2', { PortRange: '22/22' }, 'InvalidOperation.RuleDuplicate', 400],
      ['ingress', 'cidr', { PortRange: '23/23', Description: 'same as cidr2' }, 'InvalidOperation.RuleDuplicate', 400],
      ['ingress', 'cidr', { IpProtocol: 'ICMP' }, 'InvalidParam.ProtocolAndPortRangeMismatch', 400],
      ['ingress', 'cidr', { PortRange: '-1/-1' }, 'InvalidParam.ProtocolAndPortRangeMismatch', 400],
      ['ingress', 'prefix', { IpProtocol: 'UDP' }, 'InvalidParam.ProtocolAndPortRangeMismatch', 400],
      ['egress', 'out-cidr', { IpProtocol: 'GRE' }, 'InvalidParam.ProtocolAndPortRangeMismatch', 400],
      ['ingress', 'ports', { PortRangeListId: UNKNOWN_PRL }, 'InvalidPortRangeListId.NotFound', 400],
      ['ingress', 'group', { SourceGroupId: UNKNOWN_SG }, 'InvalidSourceGroupId.NotFound', 404],
      ['egress', 'out-group', { DestGroupId: UNKNOWN_SG }, 'InvalidDestGroupId.NotFound', 404],
      ['ingress', 'prefix', { SourcePrefixListId: UNKNOWN_PL }, 'InvalidPrefixListId.NotFound', 404],
      ['ingress', UNKNOWN_RULE, { Priority: '2' }, 'InvalidSecurityGroupRuleId.NotFound', 404],
      ['egress', UNKNOWN_RULE, { Priority: '2' }, 'InvalidSecurityGroupRuleId.NotFound', 404],
      ['ingress', 'out-cidr', { Priority: '2' }, 'InvalidSecurityGroupRuleId.NotFound', 404],
      ['egress', 'cidr', { Priority: '2' }, 'InvalidSecurityGroupRuleId.NotFound', 404],
    ];
    for (const driver of drivers()) {
      for (const [direction, key, fields, code, status] of cases) {
        await assertAcsError(driver[MODIFY[direction]]({ ...group, SecurityGroupRuleId: id[key] ?? key, ...fields }), code, status,
          `${driver.name} ${direction} ${key} ${JSON.stringify(fields)}`);
      }
      await assertAcsError(driver.modifySecurityGroupRule({ RegionId: REGION, SecurityGroupId: UNKNOWN_SG, SecurityGroupRuleId: id.cidr, Priority: '2' }),
        'InvalidSecurityGroupId.NotFound', 404, `${driver.name} unknown group`);
    }
    assert.deepEqual(await rulesOf(sdk, G), before, 'no refused modification changed anything');
  });

  test('by SecurityGroupRuleId: keeps the ID and every field not given; the protocol and its ports change together', async (t) => {
    const clean = cleanup(t);
    const VpcId = await newVpc(clean);
    const G = await newGroup(clean, { VpcId });
    const group = { RegionId: REGION, SecurityGroupId: G };
    await sdk.authorizeSecurityGroup({ ...group, Permissions: [{ Policy: 'drop', Priority: '9', IpProtocol: 'TCP', PortRange: '22/22',
      SourceCidrIp: '10.0.0.0/8', DestCidrIp: '192.168.0.0/16', Description: 'original' }] });
    const [original] = await rulesOf(sdk, G);
    const expected = rule('ingress', { Policy: 'Drop', Priority: '9', IpProtocol: 'TCP', PortRange: '22/22',
      SourceCidrIp: '10.0.0.0/8', DestCidrIp: '192.168.0.0/16', Description: 'original' });
    assertRule(original, expected, 'original');
    const steps = [
      [{ Description: 'renamed' }, { Description: 'renamed' }],
      [{ Policy: 'accept' }, { Policy: 'Accept' }],
      [{ Priority: '100' }, { Priority: '100' }],
      [{ SourceCidrIp: '172.16.5.4/12' }, { SourceCidrIp: '172.16.5.4/12' }],
      [{ IpProtocol: 'ICMP', PortRange: '-1/-1' }, { IpProtocol: 'ICMP', PortRange: '-1/-1' }],
      [{ IpProtocol: 'UDP', PortRange: '53/54' }, { IpProtocol: 'UDP', PortRange: '53/54' }],
      [{ DestCidrIp: '192.168.1.0/24' }, { DestCidrIp: '192.168.1.0/24' }],
    ];
    for (const [i, driver] of [...drivers(), ...drivers()].entries()) {
      if (i >= steps.length) break;
      const [fields, changes] = steps[i];
      const response = await driver.modifySecurityGroupRule({ ...group, SecurityGroupRuleId: original.SecurityGroupRuleId, ...fields });
      assert.match(response.RequestId, UUID);
      Object.assign(expected, changes);
      const [now] = await rulesOf(sdk, G);
      assert.equal(now.SecurityGroupRuleId, original.SecurityGroupRuleId, `${driver.name} ${JSON.stringify(fields)}: same ID`);
      assertRule(now, expected, `${driver.name} ${JSON.stringify(fields)}`);
    }
  });

  test('legacy (no SecurityGroupRuleId): the rule is found by protocol, ports and object; policy, priority and description change', async (t) => {
    const clean = cleanup(t);
    const VpcId = await newVpc(clean);
    const G = await newGroup(clean, { VpcId });
    const P = await newGroup(clean, { VpcId });
    const group = { RegionId: REGION, SecurityGroupId: G };
    const inTarget = { IpProtocol: 'TCP', PortRange: '22/22', SourceCidrIp: '10.0.0.0/8' };
    const outTarget = { IpProtocol: 'UDP', PortRange: '53/53', DestGroupId: P };
    await sdk.authorizeSecurityGroup({ ...group, Permissions: [{ ...inTarget, Description: 'old' }] });
    await sdk.authorizeSecurityGroupEgress({ ...group, Permissions: [{ ...outTarget, Description: 'old out' }] });
    const [inRule] = await rulesOf(sdk, G, { Direction: 'ingress' });
    const [outRule] = await rulesOf(sdk, G, { Direction: 'egress' });
    for (const [i, driver] of drivers().entries()) {
      const Policy = i % 2 ? 'accept' : 'drop';
      await driver.modifySecurityGroupRule({ ...group, ...inTarget, Policy, Priority: String(10 + i), Description: `legacy ${i}` });
      const [now] = await rulesOf(sdk, G, { Direction: 'ingress' });
      assert.equal(now.SecurityGroupRuleId, inRule.SecurityGroupRuleId);
      assertRule(now, rule('ingress', { ...inTarget, Policy: i % 2 ? 'Accept' : 'Drop', Priority: String(10 + i), Description: `legacy ${i}` }),
        `${driver.name} ingress`);

      await driver.modifySecurityGroupEgressRule({ ...group, ...outTarget, Priority: String(20 + i), Description: `legacy out ${i}` });
      const [out] = await rulesOf(sdk, G, { Direction: 'egress' });
      assert.equal(out.SecurityGroupRuleId, outRule.SecurityGroupRuleId);
      assertRule(out, rule('egress', { ...outTarget, DestGroupName: outRule.DestGroupName, Priority: String(20 + i), Description: `legacy out ${i}` }),
        `${driver.name} egress`);

      for (const [direction, fields] of [
        ['ingress', { ...inTarget, PortRange: '23/23', Priority: '5' }],
        ['ingress', { ...inTarget, SourceCidrIp: '10.0.0.1/32', Priority: '5' }],
        ['ingress', { ...inTarget, IpProtocol: 'UDP', Priority: '5' }],
        ['ingress', { IpProtocol: 'TCP', PortRange: '22/22', SourceGroupId: P, Priority: '5' }],
        ['egress', { ...outTarget, PortRange: '54/54', Priority: '5' }],
        ['egress', { IpProtocol: 'UDP', PortRange: '53/53', DestCidrIp: '10.0.0.0/8', Priority: '5' }],
      ]) {
        await assertAcsError(driver[MODIFY[direction]]({ ...group, ...fields }), 'SecurityGroupRule.NotFound', 404,
          `${driver.name} ${direction} ${JSON.stringify(fields)}`);
      }
    }
    assert.equal((await ruleIds(G)).length, 2, 'no rule was added');
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('DescribeSecurityGroupAttribute with rules', () => {
  test('filters by Direction and NicType, and pages with MaxResults and NextToken', async (t) => {
    const clean = cleanup(t);
    const VpcId = await newVpc(clean);
    const G = await newGroup(clean, { VpcId });
    const ports = (n) => Array.from({ length: n }, (_, i) => `${i + 1}/${i + 1}`);
    await sdk.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: G,
      Permissions: ports(15).map((PortRange) => ({ IpProtocol: 'TCP', PortRange, SourceCidrIp: '10.0.0.0/8' })) });
    await sdk.authorizeSecurityGroupEgress({ RegionId: REGION, SecurityGroupId: G,
      Permissions: ports(10).map((PortRange) => ({ IpProtocol: 'UDP', PortRange, DestCidrIp: '10.0.0.0/8' })) });
    const ingress = await ruleIds(G, 'ingress');
    const egress = await ruleIds(G, 'egress');
    assert.equal(ingress.length, 15);
    assert.equal(egress.length, 10);

    for (const driver of drivers()) {
      const ids = async (params) => (await rulesOf(driver, G, params)).map((r) => r.SecurityGroupRuleId).sort();
      assert.deepEqual(await ids({ Direction: 'ingress' }), ingress, driver.name);
      assert.deepEqual(await ids({ Direction: 'egress' }), egress, driver.name);
      assert.deepEqual(await ids({ Direction: 'all' }), [...ingress, ...egress].sort(), driver.name);
      assert.deepEqual((await driver.describeSecurityGroupAttribute({ RegionId: REGION, SecurityGroupId: G })).Permissions.Permission
        .map((r) => r.SecurityGroupRuleId).sort(), [...ingress, ...egress].sort(), `${driver.name}: default MaxResults lists all 25`);
      assert.deepEqual(await ids({ NicType: 'intranet' }), [...ingress, ...egress].sort(), driver.name);
      // Alibaba reads NicType=internet on a VPC group as intranet (a VPC group has no internet rules): every rule (issue #18).
      assert.deepEqual(await ids({ NicType: 'internet' }), [...ingress, ...egress].sort(), `${driver.name}: a VPC group's rules are intranet`);
      for (const rule of await rulesOf(driver, G, { Direction: 'egress' })) assert.equal(rule.Direction, 'egress');

      for (const [params, sizes, all] of [[{}, [10, 10, 5], [...ingress, ...egress]], [{ Direction: 'ingress' }, [10, 5], ingress]]) {
        const seen = [];
        let NextToken;
        for (const [page, size] of sizes.entries()) {
          const body = await driver.describeSecurityGroupAttribute({ RegionId: REGION, SecurityGroupId: G, MaxResults: 10, NextToken, ...params });
          assert.equal(body.Permissions.Permission.length, size, `${driver.name} ${JSON.stringify(params)} page ${page + 1}`);
          seen.push(...body.Permissions.Permission.map((r) => r.SecurityGroupRuleId));
          NextToken = body.NextToken;
          if (page < sizes.length - 1) {
            assert.ok(NextToken, `${driver.name}: NextToken on page ${page + 1}`);
          } else {
            assert.ok(!NextToken, `${driver.name}: no NextToken on the last page (${JSON.stringify(NextToken)})`);
          }
        }
        assert.deepEqual([...seen].sort(), [...all].sort(), `${driver.name} ${JSON.stringify(params)}: every rule once`);
        assert.equal(new Set(seen).size, seen.length);
      }
    }
  });

  test('shows IpProtocol in upper case, IPv6 CIDRs compressed in lower case, IPv4 CIDRs as sent, NicType intranet', async (t) => {
    const clean = cleanup(t);
    const VpcId = await newVpc(clean);
    const G = await newGroup(clean, { VpcId });
    const cases = [
      ['ingress', { IpProtocol: 'ICMPv6', PortRange: '-1/-1', Ipv6SourceCidrIp: '2001:0DB8:0000:0000:0000:0000:0000:0001/128' },
        { IpProtocol: 'ICMPV6', PortRange: '-1/-1', Ipv6SourceCidrIp: '2001:db8::1/128' }],
      ['ingress', { IpProtocol: 'GRE', PortRange: '-1/-1', SourceCidrIp: '192.168.7.9/16' }, { IpProtocol: 'GRE', PortRange: '-1/-1', SourceCidrIp: '192.168.7.9/16' }],
      ['ingress', { IpProtocol: 'ALL', PortRange: '-1/-1', SourceCidrIp: '0.0.0.0/0' }, { IpProtocol: 'ALL', PortRange: '-1/-1', SourceCidrIp: '0.0.0.0/0' }],
      ['ingress', { IpProtocol: '132', PortRange: '-1/-1', SourceCidrIp: '10.1.2.3' }, { IpProtocol: '132', PortRange: '-1/-1', SourceCidrIp: '10.1.2.3' }],
      ['ingress', { IpProtocol: 'UDP', PortRange: '1/65535', Ipv6SourceCidrIp: 'FE80:0:0:0:0:0:0:0/10' },
        { IpProtocol: 'UDP', PortRange: '1/65535', Ipv6SourceCidrIp: 'fe80::/10' }],
      ['egress', { IpProtocol: 'TCP', PortRange: '1/1', Ipv6DestCidrIp: '2001:DB8:0:0:1:0:0:0/80' },
        { IpProtocol: 'TCP', PortRange: '1/1', Ipv6DestCidrIp: '2001:db8:0:0:1::/80' }],
      ['egress', { IpProtocol: 'UDP', PortRange: '2/2', DestCidrIp: '10.159.6.18/12' }, { IpProtocol: 'UDP', PortRange: '2/2', DestCidrIp: '10.159.6.18/12' }],
      // A VPC group's rules are intranet whatever NicType says.
      ['ingress', { IpProtocol: 'TCP', PortRange: '3/3', SourceCidrIp: '10.0.0.0/8', NicType: 'internet' },
        { IpProtocol: 'TCP', PortRange: '3/3', SourceCidrIp: '10.0.0.0/8', NicType: 'intranet' }],
    ];
    for (const [i, [direction, sent]] of cases.entries()) {
      await drivers()[i % 4][AUTHORIZE[direction]]({ RegionId: REGION, SecurityGroupId: G, Permissions: [{ ...sent, Description: `case ${i}` }] });
    }
    for (const driver of drivers()) {
      const listed = byDescription(await rulesOf(driver, G));
      for (const [i, [direction, , shown]] of cases.entries()) {
        assertRule(listed[`case ${i}`], rule(direction, { ...shown, Description: `case ${i}` }), `${driver.name} case ${i}`);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('DescribeSecurityGroupReferences and deleting referenced groups', () => {
  test('lists, for each group, the groups whose rules reference it', async (t) => {
    const clean = cleanup(t);
    const VpcId = await newVpc(clean);
    const [A, B, C, D] = [await newGroup(clean, { VpcId }), await newGroup(clean, { VpcId }), await newGroup(clean, { VpcId }),
      await newGroup(clean, { VpcId })];
    await sdk.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: B, Permissions: [{ IpProtocol: 'TCP', PortRange: '1/1', SourceGroupId: A }] });
    await sdk.authorizeSecurityGroupEgress({ RegionId: REGION, SecurityGroupId: C, Permissions: [{ IpProtocol: 'TCP', PortRange: '1/1', DestGroupId: A }] });
    await sdk.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: D, Permissions: [{ IpProtocol: 'TCP', PortRange: '1/1', SourceGroupId: B },
      { IpProtocol: 'TCP', PortRange: '2/2', SourceGroupId: A }] });
    const extra = [];
    for (let i = 0; i < 6; i++) extra.push(await newGroup(clean, { VpcId }));
    for (const driver of drivers()) {
      assert.deepEqual(await references(driver, [A, B, D]), { [A]: [me(B), me(C), me(D)].sort(), [B]: [me(D)], [D]: [] }, driver.name);
      assert.deepEqual(await references(driver, [C]), { [C]: [] }, driver.name);
      const ten = await references(driver, [A, B, C, D, ...extra]);
      assert.equal(Object.keys(ten).length, 10, `${driver.name}: 10 groups are allowed`);
      assert.deepEqual(ten[A], [me(B), me(C), me(D)].sort());
    }
  });

  test('errors: no group or more than 10 InvalidSecurityGroupId.Malformed, unknown InvalidSecurityGroupId.NotFound', async (t) => {
    const clean = cleanup(t);
    const id = await newGroup(clean);
    const other = drivers(ACCOUNTS.test2)[3];
    const theirs = await newGroup(cleanup(t, other), {}, other);
    const eleven = [id, ...Array.from({ length: 10 }, (_, i) => `sg-${String(i).padStart(20, '0')}`)];
    for (const driver of drivers()) {
      const cases = [
        [{}, 'InvalidSecurityGroupId.Malformed', 400],
        [{ SecurityGroupId: [] }, 'InvalidSecurityGroupId.Malformed', 400],
        [{ SecurityGroupId: eleven }, 'InvalidSecurityGroupId.Malformed', 400],
        [{ SecurityGroupId: [UNKNOWN_SG] }, 'InvalidSecurityGroupId.NotFound', 404],
        [{ SecurityGroupId: [id, UNKNOWN_SG] }, 'InvalidSecurityGroupId.NotFound', 404],
        [{ SecurityGroupId: [theirs] }, 'InvalidSecurityGroupId.NotFound', 404],
      ];
      for (const [params, code, status] of cases) {
        await assertAcsError(driver.describeSecurityGroupReferences({ RegionId: REGION, ...params }), code, status,
          `${driver.name} ${JSON.stringify(params).slice(0, 80)}`);
      }
    }
  });

  test('DeleteSecurityGroup of a referenced group is DependencyViolation (403) until the reference goes', async (t) => {
    const clean = cleanup(t);
    const VpcId = await newVpc(clean);
    const A = await newGroup(clean, { VpcId });
    const B = await newGroup(clean, { VpcId });
    const C = await newGroup(clean, { VpcId });
    await sdk.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: B, Permissions: [{ IpProtocol: 'TCP', PortRange: '1/1', SourceGroupId: A }] });
    await sdk.authorizeSecurityGroupEgress({ RegionId: REGION, SecurityGroupId: C, Permissions: [{ IpProtocol: 'TCP', PortRange: '1/1', DestGroupId: A }] });
    for (const driver of drivers()) {
      const error = await assertAcsError(driver.deleteSecurityGroup({ RegionId: REGION, SecurityGroupId: A }), 'DependencyViolation', 403, driver.name);
      assert.equal(error.data.Message, 'The specified security group has been authorized in another one.');
    }
    // Revoking B's rule leaves C's reference: still refused.
    await sdk.revokeSecurityGroup({ RegionId: REGION, SecurityGroupId: B, Permissions: [{ IpProtocol: 'TCP', PortRange: '1/1', SourceGroupId: A }] });
    assert.deepEqual(await references(sdk, [A]), { [A]: [me(C)] });
    await assertAcsError(sdk.deleteSecurityGroup({ RegionId: REGION, SecurityGroupId: A }), 'DependencyViolation', 403, 'C still references A');
    // Deleting the referencing group takes its rules along.
    await drivers()[2].deleteSecurityGroup({ RegionId: REGION, SecurityGroupId: C });
    assert.deepEqual(await references(sdk, [A]), { [A]: [] });
    await drivers()[3].deleteSecurityGroup({ RegionId: REGION, SecurityGroupId: A });
    assert.equal((await sdk.describeSecurityGroups({ RegionId: REGION, SecurityGroupId: A })).TotalCount, 0);
  });

  test('a reference from another account (SourceGroupOwnerId) shows that account as AliUid and blocks the delete', async (t) => {
    const clean = cleanup(t);
    const other = drivers(ACCOUNTS.test2)[1];
    const cleanOther = cleanup(t, other);
    const mine = await newGroup(clean); // classic groups: no VPC to differ
    const theirs = await newGroup(cleanOther, {}, other);
    await other.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: theirs, Permissions: [
      { IpProtocol: 'TCP', PortRange: '22/22', SourceGroupId: mine, SourceGroupOwnerId: Number(ACCOUNTS.test.accountId) }] });
    const [listed] = await rulesOf(other, theirs);
    assert.equal(listed.SourceGroupId, mine);
    for (const driver of drivers()) {
      assert.deepEqual(await references(driver, [mine]), { [mine]: [`${ACCOUNTS.test2.accountId}/${theirs}`] }, driver.name);
    }
    await assertAcsError(sdk.deleteSecurityGroup({ RegionId: REGION, SecurityGroupId: mine }), 'DependencyViolation', 403);
    await other.revokeSecurityGroup({ RegionId: REGION, SecurityGroupId: theirs, SecurityGroupRuleId: [listed.SecurityGroupRuleId] });
    assert.deepEqual(await references(sdk, [mine]), { [mine]: [] });
  });
});
