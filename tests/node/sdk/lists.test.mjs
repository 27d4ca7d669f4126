// ECS 2014-05-26: prefix lists (CreatePrefixList, DescribePrefixLists, DescribePrefixListAttributes, ModifyPrefixList,
// DeletePrefixList, DescribePrefixListAssociations) and port range lists (CreatePortRangeList, DescribePortRangeLists,
// DescribePortRangeListEntries, ModifyPortRangeList, DeletePortRangeList, DescribePortRangeListAssociations) through
// the official SDKs, with their use in rules and their tags.
import { test, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACCOUNTS, REGION, UUID, assertAcsError, cleanup, drivers, resetEmulator, resourceId, sdk, uniqueName,
} from './clients.mjs';

before(resetEmulator);

const UNKNOWN_PL = 'pl-doesnotexist00000000';
const UNKNOWN_PRL = 'prl-doesnotexist00000000';

/** CreationTime of prefix lists: minutes, e.g. 2021-02-20T07:11Z. */
const MINUTES = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/;
/** CreationTime of port range lists: an ISO 8601 UTC time to the minute or second. */
const MINUTES_OR_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z$/;

/** Asserts a CreationTime of the given format within two minutes of now (minutes are truncated). */
function assertCreationTime(value, format) {
  assert.match(value, format);
  const delta = (Date.now() - Date.parse(value)) / 1000;
  assert.ok(delta >= -5 && delta <= 180, `CreationTime ${value} is ${delta}s before now`);
}

const byCidr = (a, b) => (a.Cidr < b.Cidr ? -1 : a.Cidr > b.Cidr ? 1 : 0);
const byPortRange = (a, b) => (a.PortRange < b.PortRange ? -1 : a.PortRange > b.PortRange ? 1 : 0);

/** Creates a VPC and a VPC security group (both deleted after the test); returns the group ID. */
async function newVpcGroup(clean, driver = sdk) {
  const vpc = await driver.createVpc({ RegionId: REGION, CidrBlock: '10.95.0.0/16', VpcName: uniqueName('lists-vpc') });
  clean.vpc(vpc.VpcId);
  const group = await driver.createSecurityGroup({ RegionId: REGION, VpcId: vpc.VpcId, SecurityGroupName: uniqueName('lists-sg') });
  clean.securityGroup(group.SecurityGroupId);
  return group.SecurityGroupId;
}

/** Creates a prefix list (deleted after the test) and returns its ID. */
async function newPrefixList(clean, params, driver = sdk) {
  const created = await driver.createPrefixList({ RegionId: REGION, PrefixListName: uniqueName('pl'), ...params });
  assert.match(created.PrefixListId, resourceId('pl'));
  clean.prefixList(created.PrefixListId);
  return created.PrefixListId;
}

/** Creates a port range list (deleted after the test) and returns its ID. */
async function newPortRangeList(clean, params, driver = sdk) {
  const created = await driver.createPortRangeList({ RegionId: REGION, PortRangeListName: uniqueName('prl'), ...params });
  assert.match(created.PortRangeListId, resourceId('prl'));
  clean.portRangeList(created.PortRangeListId);
  return created.PortRangeListId;
}

/** DescribePrefixLists for the given IDs, as {id: entry}; asserts the response shape. */
async function prefixLists(driver, PrefixListId, params = {}) {
  const body = await driver.describePrefixLists({ RegionId: REGION, PrefixListId, ...params });
  assert.match(body.RequestId, UUID);
  assert.equal(body.NextToken, '');
  assert.ok(Array.isArray(body.PrefixLists?.PrefixList), `PrefixLists.PrefixList: ${JSON.stringify(body).slice(0, 300)}`);
  return Object.fromEntries(body.PrefixLists.PrefixList.map((l) => [l.PrefixListId, l]));
}

/** DescribePortRangeLists for the given IDs, as {id: entry}; asserts the bare-array response shape. */
async function portRangeLists(driver, PortRangeListId, params = {}) {
  const body = await driver.describePortRangeLists({ RegionId: REGION, PortRangeListId, ...params });
  assert.match(body.RequestId, UUID);
  assert.equal(body.NextToken, '');
  assert.ok(Array.isArray(body.PortRangeLists), `PortRangeLists is a bare array: ${JSON.stringify(body).slice(0, 300)}`);
  return Object.fromEntries(body.PortRangeLists.map((l) => [l.PortRangeListId, l]));
}

/** The entries of a prefix list, sorted by CIDR. */
async function prefixEntries(driver, PrefixListId) {
  const body = await driver.describePrefixListAttributes({ RegionId: REGION, PrefixListId });
  return [...body.Entries.Entry].sort(byCidr);
}

/** The entries of a port range list, sorted by range. */
async function portEntries(driver, PortRangeListId) {
  const body = await driver.describePortRangeListEntries({ RegionId: REGION, PortRangeListId });
  assert.ok(Array.isArray(body.Entries), `Entries is a bare array: ${JSON.stringify(body).slice(0, 300)}`);
  return [...body.Entries].sort(byPortRange);
}

/** The rules of a group keyed by Description. */
async function rulesByDescription(driver, SecurityGroupId) {
  const body = await driver.describeSecurityGroupAttribute({ RegionId: REGION, SecurityGroupId });
  return Object.fromEntries(body.Permissions.Permission.map((r) => [r.Description, r]));
}

/** The total number of prefix lists (or port range lists) of the caller in the region, following NextToken. */
async function countAll(kind) {
  let count = 0;
  let NextToken;
  for (let pages = 0; pages < 50; pages++) {
    const body = kind === 'prefix'
      ? await sdk.describePrefixLists({ RegionId: REGION, MaxResults: 100, NextToken })
      : await sdk.describePortRangeLists({ RegionId: REGION, MaxResults: 100, NextToken });
    count += kind === 'prefix' ? body.PrefixLists.PrefixList.length : body.PortRangeLists.length;
    if (!body.NextToken) return count;
    NextToken = body.NextToken;
  }
  assert.fail('too many pages');
}

// ---------------------------------------------------------------------------------------------------------------

describe('prefix list lifecycle with every client', () => {
  for (const driver of drivers()) {
    test(driver.name, async (t) => {
      const clean = cleanup(t, driver);
      const G = await newVpcGroup(clean, driver);
      const name4 = uniqueName('office');
      const name6 = uniqueName('lab6');

      // Create an IPv4 and an IPv6 list.
      const created4 = await driver.createPrefixList({
        RegionId: REGION, AddressFamily: 'IPv4', MaxEntries: 4, PrefixListName: name4, Description: 'office networks',
        Entry: [{ Cidr: '10.0.0.0/8', Description: 'private a' }, { Cidr: '192.168.1.1' }], Tag: [{ Key: 'env', Value: 'test' }],
        ClientToken: uniqueName('token'),
      });
      assert.match(created4.RequestId, UUID);
      assert.match(created4.PrefixListId, resourceId('pl'));
      clean.prefixList(created4.PrefixListId);
      const created6 = await driver.createPrefixList({
        RegionId: REGION, AddressFamily: 'IPv6', MaxEntries: 2, PrefixListName: name6,
        Entry: [{ Cidr: '2001:DB8:0000:0000::/48', Description: 'lab v6' }],
      });
      clean.prefixList(created6.PrefixListId);
      const [pl4, pl6] = [created4.PrefixListId, created6.PrefixListId];
      assert.notEqual(pl4, pl6);

      // DescribePrefixLists.
      const listed = await prefixLists(driver, [pl4, pl6]);
      assert.deepEqual(Object.keys(listed).sort(), [pl4, pl6].sort());
      const { CreationTime: time4, ...rest4 } = listed[pl4];
      assertCreationTime(time4, MINUTES);
      assert.deepEqual(rest4, {
        PrefixListId: pl4, PrefixListName: name4, AddressFamily: 'IPv4', MaxEntries: 4, Description: 'office networks',
        AssociationCount: 0, ResourceGroupId: '', Tags: { Tag: [{ TagKey: 'env', TagValue: 'test' }] },
      });
      const { CreationTime: time6, ...rest6 } = listed[pl6];
      assertCreationTime(time6, MINUTES);
      assert.deepEqual(rest6, {
        PrefixListId: pl6, PrefixListName: name6, AddressFamily: 'IPv6', MaxEntries: 2, Description: '',
        AssociationCount: 0, ResourceGroupId: '', Tags: { Tag: [] },
      });
      assert.deepEqual(Object.keys(await prefixLists(driver, undefined, { PrefixListName: name4 })), [pl4], 'PrefixListName filter');
      assert.deepEqual(Object.keys(await prefixLists(driver, [pl4, pl6], { AddressFamily: 'IPv6' })), [pl6], 'AddressFamily filter');
      assert.deepEqual(Object.keys(await prefixLists(driver, [pl4, pl6], { AddressFamily: 'IPv4' })), [pl4], 'AddressFamily filter');

      // DescribePrefixListAttributes: bare addresses become /32, IPv6 is compressed.
      const attributes = await driver.describePrefixListAttributes({ RegionId: REGION, PrefixListId: pl4 });
      assert.match(attributes.RequestId, UUID);
      const { RequestId: _, Entries: __, ...attributeFields } = attributes;
      assert.deepEqual(attributeFields, {
        PrefixListId: pl4, PrefixListName: name4, AddressFamily: 'IPv4', MaxEntries: 4, Description: 'office networks', CreationTime: time4,
      });
      assert.deepEqual([...attributes.Entries.Entry].sort(byCidr),
        [{ Cidr: '10.0.0.0/8', Description: 'private a' }, { Cidr: '192.168.1.1/32', Description: '' }]);
      assert.deepEqual(await prefixEntries(driver, pl6), [{ Cidr: '2001:db8::/48', Description: 'lab v6' }]);

      // ModifyPrefixList: add, remove, rename, describe.
      const renamed = uniqueName('office-renamed');
      const modified = await driver.modifyPrefixList({
        RegionId: REGION, PrefixListId: pl4, AddEntry: [{ Cidr: '172.16.0.0/12', Description: 'private b' }],
        RemoveEntry: [{ Cidr: '192.168.1.1/32' }], PrefixListName: renamed, Description: 'changed',
      });
      assert.match(modified.RequestId, UUID);
      assert.deepEqual(await prefixEntries(driver, pl4),
        [{ Cidr: '10.0.0.0/8', Description: 'private a' }, { Cidr: '172.16.0.0/12', Description: 'private b' }]);
      const afterModify = (await prefixLists(driver, [pl4]))[pl4];
      assert.equal(afterModify.PrefixListName, renamed);
      assert.equal(afterModify.Description, 'changed');
      assert.equal(afterModify.MaxEntries, 4);

      // Use both in rules: the associations and the names in DescribeSecurityGroupAttribute.
      await driver.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: G, Permissions: [
        { IpProtocol: 'TCP', PortRange: '22/22', SourcePrefixListId: pl4, Description: 'from pl4' }] });
      await driver.authorizeSecurityGroupEgress({ RegionId: REGION, SecurityGroupId: G, Permissions: [
        { IpProtocol: 'TCP', PortRange: '443/443', DestPrefixListId: pl6, Description: 'to pl6' }] });
      const used = await prefixLists(driver, [pl4, pl6]);
      assert.equal(used[pl4].AssociationCount, 1);
      assert.equal(used[pl6].AssociationCount, 1);
      for (const id of [pl4, pl6]) {
        const associations = await driver.describePrefixListAssociations({ RegionId: REGION, PrefixListId: id });
        assert.match(associations.RequestId, UUID);
        assert.equal(associations.NextToken, '');
        assert.deepEqual(associations.PrefixListAssociations.PrefixListAssociation, [{ ResourceId: G, ResourceType: 'securitygroup' }]);
      }
      let rules = await rulesByDescription(driver, G);
      assert.equal(rules['from pl4'].SourcePrefixListId, pl4);
      assert.equal(rules['from pl4'].SourcePrefixListName, renamed);
      assert.equal(rules['to pl6'].DestPrefixListId, pl6);
      assert.equal(rules['to pl6'].DestPrefixListName, name6);
      const renamedAgain = uniqueName('office-again');
      await driver.modifyPrefixList({ RegionId: REGION, PrefixListId: pl4, PrefixListName: renamedAgain });
      await driver.modifyPrefixList({ RegionId: REGION, PrefixListId: pl6, PrefixListName: name6 + '-x' });
      rules = await rulesByDescription(driver, G);
      assert.equal(rules['from pl4'].SourcePrefixListName, renamedAgain, 'a rename shows at once in the rules');
      assert.equal(rules['to pl6'].DestPrefixListName, name6 + '-x');
      for (const id of [pl4, pl6]) {
        await assertAcsError(driver.deletePrefixList({ RegionId: REGION, PrefixListId: id }), 'NotAllowed.AssociationExist', 400, id);
      }

      // Tags on prefix lists.
      await driver.tagResources({ RegionId: REGION, ResourceType: 'prefixlist', ResourceId: [pl4, pl6], Tag: [{ Key: 'team', Value: driver.kind }] });
      const tagRows = await driver.listTagResources({ RegionId: REGION, ResourceType: 'prefixlist', ResourceId: [pl4, pl6] });
      const row = (ResourceId, TagKey, TagValue) => ({ ResourceId, ResourceType: 'prefixlist', TagKey, TagValue });
      const sortRows = (rows) => [...rows].sort((a, b) => `${a.ResourceId}/${a.TagKey}`.localeCompare(`${b.ResourceId}/${b.TagKey}`));
      assert.deepEqual(sortRows(tagRows.TagResources.TagResource),
        sortRows([row(pl4, 'env', 'test'), row(pl4, 'team', driver.kind), row(pl6, 'team', driver.kind)]));
      assert.deepEqual([...(await prefixLists(driver, [pl6]))[pl6].Tags.Tag], [{ TagKey: 'team', TagValue: driver.kind }]);

      // Revoke, then delete.
      await driver.revokeSecurityGroup({ RegionId: REGION, SecurityGroupId: G, Permissions: [
        { IpProtocol: 'TCP', PortRange: '22/22', SourcePrefixListId: pl4 }] });
      await driver.revokeSecurityGroupEgress({ RegionId: REGION, SecurityGroupId: G, Permissions: [
        { IpProtocol: 'TCP', PortRange: '443/443', DestPrefixListId: pl6 }] });
      const unused = await prefixLists(driver, [pl4, pl6]);
      assert.equal(unused[pl4].AssociationCount, 0);
      assert.equal(unused[pl6].AssociationCount, 0);
      assert.deepEqual((await driver.describePrefixListAssociations({ RegionId: REGION, PrefixListId: pl4 }))
        .PrefixListAssociations.PrefixListAssociation, []);
      for (const id of [pl4, pl6]) {
        const deleted = await driver.deletePrefixList({ RegionId: REGION, PrefixListId: id });
        assert.match(deleted.RequestId, UUID);
        await assertAcsError(driver.describePrefixListAttributes({ RegionId: REGION, PrefixListId: id }), 'InvalidPrefixListId.NotFound', 404);
      }
      assert.deepEqual(await prefixLists(driver, [pl4, pl6]), {});
      assert.deepEqual((await driver.listTagResources({ RegionId: REGION, ResourceType: 'prefixlist', ResourceId: [pl4, pl6] }))
        .TagResources.TagResource, [], 'the tags went with the lists');
    });
  }
});

describe('port range list lifecycle with every client', () => {
  for (const driver of drivers()) {
    test(driver.name, async (t) => {
      const clean = cleanup(t, driver);
      const G = await newVpcGroup(clean, driver);
      const name = uniqueName('web-ports');

      const created = await driver.createPortRangeList({
        RegionId: REGION, MaxEntries: 5, PortRangeListName: name, Description: 'web ports',
        Entry: [{ PortRange: '80/80', Description: 'http' }, { PortRange: '8000/8999', Description: 'alt' }],
        Tag: [{ Key: 'env', Value: 'test' }], ClientToken: uniqueName('token'),
      });
      assert.match(created.RequestId, UUID);
      assert.match(created.PortRangeListId, resourceId('prl'));
      clean.portRangeList(created.PortRangeListId);
      const id = created.PortRangeListId;
      const bare = await driver.createPortRangeList({ RegionId: REGION, MaxEntries: 1, PortRangeListName: name + '-bare' });
      clean.portRangeList(bare.PortRangeListId);

      // DescribePortRangeLists: bare arrays, Tags as [{TagKey, TagValue}].
      const listed = await portRangeLists(driver, [id, bare.PortRangeListId]);
      assert.deepEqual(Object.keys(listed).sort(), [id, bare.PortRangeListId].sort());
      const { CreationTime, ...rest } = listed[id];
      assertCreationTime(CreationTime, MINUTES_OR_SECONDS);
      assert.deepEqual(rest, {
        PortRangeListId: id, PortRangeListName: name, MaxEntries: 5, Description: 'web ports', AssociationCount: 0, ResourceGroupId: '',
        Tags: [{ TagKey: 'env', TagValue: 'test' }],
      });
      const { CreationTime: bareTime, ...bareRest } = listed[bare.PortRangeListId];
      assertCreationTime(bareTime, MINUTES_OR_SECONDS);
      assert.deepEqual(bareRest, {
        PortRangeListId: bare.PortRangeListId, PortRangeListName: name + '-bare', MaxEntries: 1, Description: '', AssociationCount: 0,
        ResourceGroupId: '', Tags: [],
      });
      assert.deepEqual(Object.keys(await portRangeLists(driver, undefined, { PortRangeListName: name })), [id], 'PortRangeListName filter');

      // DescribePortRangeListEntries: a bare Entries array.
      const entries = await driver.describePortRangeListEntries({ RegionId: REGION, PortRangeListId: id });
      assert.match(entries.RequestId, UUID);
      assert.deepEqual([...entries.Entries].sort(byPortRange), [{ PortRange: '80/80', Description: 'http' }, { PortRange: '8000/8999', Description: 'alt' }]);
      assert.deepEqual(await portEntries(driver, bare.PortRangeListId), []);

      // ModifyPortRangeList.
      const renamed = uniqueName('web-renamed');
      const modified = await driver.modifyPortRangeList({
        RegionId: REGION, PortRangeListId: id, AddEntry: [{ PortRange: '443/443', Description: 'https' }, { PortRange: '8000/8001' }],
        RemoveEntry: [{ PortRange: '8000/8999' }], PortRangeListName: renamed, Description: 'changed', ClientToken: uniqueName('token'),
      });
      assert.match(modified.RequestId, UUID);
      assert.deepEqual(await portEntries(driver, id), [
        { PortRange: '443/443', Description: 'https' }, { PortRange: '80/80', Description: 'http' }, { PortRange: '8000/8001', Description: '' },
      ].sort(byPortRange));
      const afterModify = (await portRangeLists(driver, [id]))[id];
      assert.equal(afterModify.PortRangeListName, renamed);
      assert.equal(afterModify.Description, 'changed');
      assert.equal(afterModify.MaxEntries, 5);

      // Use in rules (both directions of one group: one association).
      await driver.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: G, Permissions: [
        { IpProtocol: 'TCP', PortRangeListId: id, SourceCidrIp: '10.0.0.0/8', Description: 'in' }] });
      await driver.authorizeSecurityGroupEgress({ RegionId: REGION, SecurityGroupId: G, Permissions: [
        { IpProtocol: 'UDP', PortRangeListId: id, DestCidrIp: '10.0.0.0/8', Description: 'out' }] });
      assert.equal((await portRangeLists(driver, [id]))[id].AssociationCount, 1);
      const associations = await driver.describePortRangeListAssociations({ RegionId: REGION, PortRangeListId: id });
      assert.match(associations.RequestId, UUID);
      assert.equal(associations.NextToken, '');
      assert.ok(Array.isArray(associations.PortRangeListAssociations), 'PortRangeListAssociations is a bare array');
      assert.deepEqual(associations.PortRangeListAssociations, [{ ResourceId: G, ResourceType: 'securitygroup' }]);
      const rules = await rulesByDescription(driver, G);
      for (const key of ['in', 'out']) {
        assert.equal(rules[key].PortRangeListId, id);
        assert.equal(rules[key].PortRangeListName, renamed);
        assert.equal(rules[key].PortRange, '');
      }
      await assertAcsError(driver.deletePortRangeList({ RegionId: REGION, PortRangeListId: id }), 'InvalidPortRangeListId.AssociationExist', 400);

      // Tags on port range lists.
      await driver.tagResources({ RegionId: REGION, ResourceType: 'portrangelist', ResourceId: [id], Tag: [{ Key: 'team', Value: driver.kind }] });
      const tagRows = await driver.listTagResources({ RegionId: REGION, ResourceType: 'portrangelist', ResourceId: [id, bare.PortRangeListId] });
      assert.deepEqual([...tagRows.TagResources.TagResource].sort((a, b) => a.TagKey.localeCompare(b.TagKey)), [
        { ResourceId: id, ResourceType: 'portrangelist', TagKey: 'env', TagValue: 'test' },
        { ResourceId: id, ResourceType: 'portrangelist', TagKey: 'team', TagValue: driver.kind },
      ]);
      assert.deepEqual([...(await portRangeLists(driver, [id]))[id].Tags].sort((a, b) => a.TagKey.localeCompare(b.TagKey)),
        [{ TagKey: 'env', TagValue: 'test' }, { TagKey: 'team', TagValue: driver.kind }]);

      // Revoke, then delete.
      await driver.revokeSecurityGroup({ RegionId: REGION, SecurityGroupId: G, Permissions: [{ IpProtocol: 'TCP', PortRangeListId: id, SourceCidrIp: '10.0.0.0/8' }] });
      assert.equal((await portRangeLists(driver, [id]))[id].AssociationCount, 1, 'the egress rule still uses it');
      await assertAcsError(driver.deletePortRangeList({ RegionId: REGION, PortRangeListId: id }), 'InvalidPortRangeListId.AssociationExist', 400);
      await driver.revokeSecurityGroupEgress({ RegionId: REGION, SecurityGroupId: G, Permissions: [{ IpProtocol: 'UDP', PortRangeListId: id, DestCidrIp: '10.0.0.0/8' }] });
      assert.equal((await portRangeLists(driver, [id]))[id].AssociationCount, 0);
      assert.deepEqual((await driver.describePortRangeListAssociations({ RegionId: REGION, PortRangeListId: id })).PortRangeListAssociations, []);
      for (const listId of [id, bare.PortRangeListId]) {
        const deleted = await driver.deletePortRangeList({ RegionId: REGION, PortRangeListId: listId });
        assert.match(deleted.RequestId, UUID);
        await assertAcsError(driver.describePortRangeListEntries({ RegionId: REGION, PortRangeListId: listId }), 'InvalidPortRangeListId.NotFound', 400);
      }
      assert.deepEqual(await portRangeLists(driver, [id, bare.PortRangeListId]), {});
      assert.deepEqual((await driver.listTagResources({ RegionId: REGION, ResourceType: 'portrangelist', ResourceId: [id] }))
        .TagResources.TagResource, [], 'the tags went with the list');
    });
  }
});

// ---------------------------------------------------------------------------------------------------------------

describe('CreatePrefixList', () => {
  test('refuses bad families, names, CIDRs, duplicates, too many entries and bad MaxEntries; creates nothing', async () => {
    const before = await countAll('prefix');
    const ok = { RegionId: REGION, AddressFamily: 'IPv4', MaxEntries: 5 };
    const cases = [
      [{ AddressFamily: 'IPv5' }, 'InvalidParameter.AddressFamily'],
      [{ AddressFamily: 'inet' }, 'InvalidParameter.AddressFamily'],
      ...['a', '1abc', '-abc', '_abc', 'bad name', 'com.aliyun.list', 'http://list', 'https://list', 'n'.repeat(129)]
        .map((PrefixListName) => [{ PrefixListName }, 'InvalidParameter.PrefixListName']),
      [{ Entry: [{ Cidr: '10.0.0.1/8' }] }, 'InvalidParameter.CidrMalformed'],
      [{ Entry: [{ Cidr: '192.168.1.0/16' }] }, 'InvalidParameter.CidrMalformed'],
      [{ Entry: [{ Cidr: '10.0.0.0/33' }] }, 'InvalidParameter.CidrMalformed'],
      [{ Entry: [{ Cidr: 'not-a-cidr' }] }, 'InvalidParameter.CidrMalformed'],
      [{ Entry: [{ Cidr: '2001:db8::/32' }] }, 'InvalidParameter.CidrMalformed'],
      [{ AddressFamily: 'IPv6', Entry: [{ Cidr: '10.0.0.0/8' }] }, 'InvalidParameter.CidrMalformed'],
      [{ AddressFamily: 'IPv6', Entry: [{ Cidr: '2001:db8::1/32' }] }, 'InvalidParameter.CidrMalformed'],
      [{ Entry: [{ Cidr: '10.0.0.0/8' }, { Cidr: '10.0.0.0/8', Description: 'again' }] }, 'InvalidParameter.CidrDuplicated'],
      [{ Entry: [{ Cidr: '10.0.0.5' }, { Cidr: '10.0.0.5/32' }] }, 'InvalidParameter.CidrDuplicated'],
      [{ AddressFamily: 'IPv6', Entry: [{ Cidr: '2001:db8::/32' }, { Cidr: '2001:DB8:0::/32' }] }, 'InvalidParameter.CidrDuplicated'],
      [{ MaxEntries: 1, Entry: [{ Cidr: '10.0.0.0/8' }, { Cidr: '172.16.0.0/12' }] }, 'LimitExceed.MaxEntries'],
      [{ MaxEntries: 0 }, 'InvalidParameter.MaxEntries'],
      [{ MaxEntries: 201 }, 'InvalidParameter.MaxEntries'],
    ];
    for (const driver of drivers()) {
      for (const [params, code] of cases) {
        await assertAcsError(driver.createPrefixList({ ...ok, PrefixListName: uniqueName('bad'), ...params }), code, 400,
          `${driver.name} ${JSON.stringify(params).slice(0, 100)}`);
      }
      for (const missing of ['AddressFamily', 'MaxEntries', 'PrefixListName']) {
        const params = { ...ok, PrefixListName: uniqueName('bad') };
        delete params[missing];
        await assertAcsError(driver.createPrefixList(params), 'MissingParameter', 400, `${driver.name} without ${missing}`);
      }
    }
    assert.equal(await countAll('prefix'), before, 'nothing was created');
  });

  test('accepts the boundaries: MaxEntries 1 and 200, names of 2 and 128 characters, entry descriptions of 2 and 32', async (t) => {
    const clean = cleanup(t);
    for (const [params, check] of [
      [{ AddressFamily: 'IPv4', MaxEntries: 1, PrefixListName: 'ab', Entry: [{ Cidr: '0.0.0.0/0', Description: 'xy' }] },
        { MaxEntries: 1, PrefixListName: 'ab', entries: [{ Cidr: '0.0.0.0/0', Description: 'xy' }] }],
      [{ AddressFamily: 'IPv6', MaxEntries: 200, PrefixListName: 'Z'.repeat(128), Entry: [{ Cidr: '::/0', Description: 'd'.repeat(32) }] },
        { MaxEntries: 200, PrefixListName: 'Z'.repeat(128), entries: [{ Cidr: '::/0', Description: 'd'.repeat(32) }] }],
      [{ AddressFamily: 'IPv4', MaxEntries: 3, PrefixListName: 'a:b_c.d-e9' }, { MaxEntries: 3, PrefixListName: 'a:b_c.d-e9', entries: [] }],
    ]) {
      const id = await newPrefixList(clean, params);
      const attributes = await sdk.describePrefixListAttributes({ RegionId: REGION, PrefixListId: id });
      assert.equal(attributes.MaxEntries, check.MaxEntries);
      assert.equal(attributes.PrefixListName, check.PrefixListName);
      assert.equal(attributes.AddressFamily, params.AddressFamily);
      assert.deepEqual(attributes.Entries.Entry, check.entries);
    }
  });

  test('DescribePrefixLists pages with MaxResults and NextToken ("" on the last page)', async (t) => {
    const clean = cleanup(t);
    const name = uniqueName('paged');
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await newPrefixList(clean, { AddressFamily: 'IPv4', MaxEntries: 1, PrefixListName: name }));
    for (const driver of drivers()) {
      const seen = [];
      let NextToken;
      for (let page = 1; page <= 3; page++) {
        const body = await driver.describePrefixLists({ RegionId: REGION, PrefixListName: name, MaxResults: 1, NextToken });
        assert.equal(body.PrefixLists.PrefixList.length, 1, `${driver.name} page ${page}`);
        seen.push(body.PrefixLists.PrefixList[0].PrefixListId);
        NextToken = body.NextToken;
        if (page < 3) assert.ok(NextToken, `${driver.name}: NextToken on page ${page}`);
      }
      assert.equal(NextToken, '', `${driver.name}: NextToken is "" on the last page`);
      assert.deepEqual([...seen].sort(), [...ids].sort(), `${driver.name}: every list once`);
      const all = await driver.describePrefixLists({ RegionId: REGION, PrefixListName: name, MaxResults: 100 });
      assert.deepEqual(all.PrefixLists.PrefixList.map((l) => l.PrefixListId).sort(), [...ids].sort());
      assert.equal(all.NextToken, '');
    }
  });
});

test('CreatePrefixList and CreatePortRangeList are idempotent per ClientToken: a replay is the first response', async (t) => {
  const clean = cleanup(t);
  const ClientToken = uniqueName('token');
  const prefix = { RegionId: REGION, AddressFamily: 'IPv4', MaxEntries: 3, PrefixListName: uniqueName('idem'), ClientToken,
    Entry: [{ Cidr: '10.0.0.0/8' }] };
  const ports = { RegionId: REGION, MaxEntries: 3, PortRangeListName: uniqueName('idem'), ClientToken, Entry: [{ PortRange: '22/22' }] };
  const firstPrefix = await sdk.createPrefixList(prefix);
  clean.prefixList(firstPrefix.PrefixListId);
  const firstPorts = await sdk.createPortRangeList(ports);
  clean.portRangeList(firstPorts.PortRangeListId);
  const [prefixCount, portCount] = [await countAll('prefix'), await countAll('port')];
  for (const driver of drivers()) {
    assert.deepEqual(await driver.createPrefixList(prefix), firstPrefix, driver.name);
    assert.deepEqual(await driver.createPortRangeList(ports), firstPorts, driver.name);
  }
  assert.equal(await countAll('prefix'), prefixCount, 'the replays created no prefix list');
  assert.equal(await countAll('port'), portCount, 'the replays created no port range list');
});

describe('ModifyPrefixList, DeletePrefixList and the other prefix-list Actions', () => {
  test('refuses adding and removing one CIDR, removing a missing one, exceeding MaxEntries; changes nothing', async (t) => {
    const clean = cleanup(t);
    const name = uniqueName('modify');
    const id = await newPrefixList(clean, { AddressFamily: 'IPv4', MaxEntries: 2, PrefixListName: name, Description: 'keep',
      Entry: [{ Cidr: '10.0.0.0/8', Description: 'aa' }] });
    const list = { RegionId: REGION, PrefixListId: id };
    const cases = [
      [{ AddEntry: [{ Cidr: '172.16.0.0/12' }], RemoveEntry: [{ Cidr: '172.16.0.0/12' }] }, 'InvalidParameter.Conflict'],
      [{ AddEntry: [{ Cidr: '10.0.0.0/8' }], RemoveEntry: [{ Cidr: '10.0.0.0/8' }] }, 'InvalidParameter.Conflict'],
      [{ RemoveEntry: [{ Cidr: '192.0.2.0/24' }] }, 'InvalidParameter.EntryNotFound'],
      [{ RemoveEntry: [{ Cidr: '10.0.0.0/8' }, { Cidr: '192.0.2.0/24' }] }, 'InvalidParameter.EntryNotFound'],
      [{ AddEntry: [{ Cidr: '172.16.0.0/12' }, { Cidr: '192.168.0.0/16' }] }, 'LimitExceed.MaxEntries'],
      [{ AddEntry: [{ Cidr: '172.16.0.0/12' }, { Cidr: '192.168.0.0/16' }], PrefixListName: 'renamed' }, 'LimitExceed.MaxEntries'],
    ];
    for (const driver of drivers()) {
      for (const [params, code] of cases) {
        await assertAcsError(driver.modifyPrefixList({ ...list, ...params }), code, 400, `${driver.name} ${JSON.stringify(params)}`);
      }
    }
    assert.deepEqual(await prefixEntries(sdk, id), [{ Cidr: '10.0.0.0/8', Description: 'aa' }]);
    const attributes = await sdk.describePrefixListAttributes(list);
    assert.equal(attributes.PrefixListName, name);
    assert.equal(attributes.Description, 'keep');

    // Up to MaxEntries is fine, also replacing an entry in one call.
    await drivers()[1].modifyPrefixList({ ...list, AddEntry: [{ Cidr: '172.16.0.0/12', Description: 'bb' }] });
    await drivers()[2].modifyPrefixList({ ...list, AddEntry: [{ Cidr: '192.168.0.0/16' }], RemoveEntry: [{ Cidr: '10.0.0.0/8' }] });
    assert.deepEqual(await prefixEntries(sdk, id), [{ Cidr: '172.16.0.0/12', Description: 'bb' }, { Cidr: '192.168.0.0/16', Description: '' }]);
    await assertAcsError(sdk.modifyPrefixList({ ...list, AddEntry: [{ Cidr: '10.0.0.0/8' }] }), 'LimitExceed.MaxEntries', 400, 'full');
  });

  test('an unknown prefix list, or one of another account, is InvalidPrefixListId.NotFound (404)', async (t) => {
    const other = drivers(ACCOUNTS.test2)[0];
    const theirs = await newPrefixList(cleanup(t, other), { AddressFamily: 'IPv4', MaxEntries: 1 }, other);
    for (const driver of drivers()) {
      for (const PrefixListId of [UNKNOWN_PL, theirs]) {
        const list = { RegionId: REGION, PrefixListId };
        const calls = {
          DescribePrefixListAttributes: () => driver.describePrefixListAttributes(list),
          ModifyPrefixList: () => driver.modifyPrefixList({ ...list, Description: 'stolen' }),
          DeletePrefixList: () => driver.deletePrefixList(list),
          DescribePrefixListAssociations: () => driver.describePrefixListAssociations(list),
        };
        for (const [label, call] of Object.entries(calls)) {
          await assertAcsError(call, 'InvalidPrefixListId.NotFound', 404, `${driver.name} ${label} ${PrefixListId}`);
        }
      }
      assert.deepEqual((await driver.describePrefixLists({ RegionId: REGION, PrefixListId: [theirs] })).PrefixLists.PrefixList, [],
        `${driver.name}: another account's list is not listed`);
    }
    const attributes = await other.describePrefixListAttributes({ RegionId: REGION, PrefixListId: theirs });
    assert.equal(attributes.Description, '', 'the refused modify changed nothing');
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('CreatePortRangeList', () => {
  test('refuses overlaps, bad ranges, bad MaxEntries, too many entries and missing fields; creates nothing', async () => {
    const before = await countAll('port');
    const cases = [
      [{ Entry: [{ PortRange: '80/90' }, { PortRange: '85/95' }] }, 'InvalidParameter.PortRangeOverlapped'],
      [{ Entry: [{ PortRange: '80/80' }, { PortRange: '80/80' }] }, 'InvalidParameter.PortRangeDuplicated'],
      [{ Entry: [{ PortRange: '1/65535' }, { PortRange: '443/443' }] }, 'InvalidParameter.PortRangeOverlapped'],
      ...['80', '80-90', 'a/b', '0/10', '1/65536', '90/80'].map((PortRange) => [{ Entry: [{ PortRange }] }, 'InvalidParameter.PortRange']),
      [{ MaxEntries: 0 }, 'InvalidOperation.MaxEntriesCountExceed'],
      [{ MaxEntries: 2001 }, 'InvalidOperation.MaxEntriesCountExceed'],
      [{ MaxEntries: 1, Entry: [{ PortRange: '80/80' }, { PortRange: '443/443' }] }, 'InvalidOperation.EntryCountExceedMaxEntries'],
    ];
    for (const driver of drivers()) {
      for (const [params, code] of cases) {
        await assertAcsError(driver.createPortRangeList({ RegionId: REGION, MaxEntries: 5, PortRangeListName: uniqueName('bad'), ...params }),
          code, 400, `${driver.name} ${JSON.stringify(params)}`);
      }
      await assertAcsError(driver.createPortRangeList({ RegionId: REGION, PortRangeListName: uniqueName('bad') }), 'MissingParameter', 400,
        `${driver.name} without MaxEntries`);
      await assertAcsError(driver.createPortRangeList({ RegionId: REGION, MaxEntries: 5 }), 'MissingParameter', 400,
        `${driver.name} without PortRangeListName`);
    }
    assert.equal(await countAll('port'), before, 'nothing was created');
  });

  test('accepts MaxEntries 1 and 2000 and adjacent ranges', async (t) => {
    const clean = cleanup(t);
    const one = await newPortRangeList(clean, { MaxEntries: 1, Entry: [{ PortRange: '1/65535', Description: 'all' }] });
    const big = await newPortRangeList(clean, { MaxEntries: 2000, Entry: [{ PortRange: '80/80' }, { PortRange: '81/81' }, { PortRange: '79/79' }] });
    const listed = await portRangeLists(sdk, [one, big]);
    assert.equal(listed[one].MaxEntries, 1);
    assert.equal(listed[big].MaxEntries, 2000);
    assert.deepEqual(await portEntries(sdk, one), [{ PortRange: '1/65535', Description: 'all' }]);
    assert.deepEqual((await portEntries(sdk, big)).map((e) => e.PortRange), ['79/79', '80/80', '81/81']);
  });

  test('DescribePortRangeLists pages with MaxResults and NextToken ("" on the last page)', async (t) => {
    const clean = cleanup(t);
    const name = uniqueName('paged');
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await newPortRangeList(clean, { MaxEntries: 1, PortRangeListName: name }));
    for (const driver of drivers()) {
      const seen = [];
      let NextToken;
      for (let page = 1; page <= 2; page++) {
        const body = await driver.describePortRangeLists({ RegionId: REGION, PortRangeListName: name, MaxResults: 2, NextToken });
        assert.equal(body.PortRangeLists.length, page === 1 ? 2 : 1, `${driver.name} page ${page}`);
        seen.push(...body.PortRangeLists.map((l) => l.PortRangeListId));
        NextToken = body.NextToken;
        if (page === 1) assert.ok(NextToken, `${driver.name}: NextToken on page 1`);
      }
      assert.equal(NextToken, '', `${driver.name}: NextToken is "" on the last page`);
      assert.deepEqual([...seen].sort(), [...ids].sort(), `${driver.name}: every list once`);
    }
  });
});

describe('ModifyPortRangeList, DeletePortRangeList and the other port-list Actions', () => {
  test('refuses overlaps, bad ranges and too many entries; changes nothing', async (t) => {
    const clean = cleanup(t);
    const name = uniqueName('ports');
    const id = await newPortRangeList(clean, { MaxEntries: 2, PortRangeListName: name, Description: 'keep', Entry: [{ PortRange: '80/80', Description: 'http' }] });
    const list = { RegionId: REGION, PortRangeListId: id };
    const cases = [
      [{ AddEntry: [{ PortRange: '79/81' }] }, 'InvalidParameter.PortRangeOverlapped'],
      [{ AddEntry: [{ PortRange: '80/80' }], RemoveEntry: [{ PortRange: '80/80' }] }, 'InvalidParameter.Conflict'],
      [{ AddEntry: [{ PortRange: '443/443' }, { PortRange: '443/443' }] }, 'InvalidParameter.PortRangeDuplicated'],
      [{ AddEntry: [{ PortRange: '100/200' }, { PortRange: '150/250' }] }, 'InvalidParameter.PortRangeOverlapped'],
      [{ AddEntry: [{ PortRange: '100' }] }, 'InvalidParameter.PortRange'],
      [{ AddEntry: [{ PortRange: '0/1' }] }, 'InvalidParameter.PortRange'],
      [{ AddEntry: [{ PortRange: '443/443' }, { PortRange: '8080/8080' }] }, 'InvalidOperation.EntryCountExceedMaxEntries'],
      [{ AddEntry: [{ PortRange: '443/443' }, { PortRange: '8080/8080' }], PortRangeListName: 'renamed' }, 'InvalidOperation.EntryCountExceedMaxEntries'],
    ];
    for (const driver of drivers()) {
      for (const [params, code] of cases) {
        await assertAcsError(driver.modifyPortRangeList({ ...list, ...params }), code, 400, `${driver.name} ${JSON.stringify(params)}`);
      }
    }
    assert.deepEqual(await portEntries(sdk, id), [{ PortRange: '80/80', Description: 'http' }]);
    const listed = (await portRangeLists(sdk, [id]))[id];
    assert.equal(listed.PortRangeListName, name);
    assert.equal(listed.Description, 'keep');

    await drivers()[3].modifyPortRangeList({ ...list, AddEntry: [{ PortRange: '443/443' }] });
    await drivers()[2].modifyPortRangeList({ ...list, AddEntry: [{ PortRange: '79/81' }], RemoveEntry: [{ PortRange: '80/80' }] });
    assert.deepEqual((await portEntries(sdk, id)).map((e) => e.PortRange), ['443/443', '79/81']);
  });

  test('an unknown port range list, or one of another account, is InvalidPortRangeListId.NotFound (400) everywhere', async (t) => {
    const other = drivers(ACCOUNTS.test2)[2];
    const theirs = await newPortRangeList(cleanup(t, other), { MaxEntries: 1 }, other);
    const clean = cleanup(t);
    const G = await newVpcGroup(clean);
    for (const driver of drivers()) {
      for (const PortRangeListId of [UNKNOWN_PRL, theirs]) {
        const list = { RegionId: REGION, PortRangeListId };
        const calls = {
          DescribePortRangeListEntries: () => driver.describePortRangeListEntries(list),
          ModifyPortRangeList: () => driver.modifyPortRangeList({ ...list, Description: 'stolen' }),
          DeletePortRangeList: () => driver.deletePortRangeList(list),
          DescribePortRangeListAssociations: () => driver.describePortRangeListAssociations(list),
          AuthorizeSecurityGroup: () => driver.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: G,
            Permissions: [{ IpProtocol: 'TCP', PortRangeListId, SourceCidrIp: '10.0.0.0/8' }] }),
          AuthorizeSecurityGroupEgress: () => driver.authorizeSecurityGroupEgress({ RegionId: REGION, SecurityGroupId: G,
            Permissions: [{ IpProtocol: 'UDP', PortRangeListId, DestCidrIp: '10.0.0.0/8' }] }),
        };
        for (const [label, call] of Object.entries(calls)) {
          await assertAcsError(call, 'InvalidPortRangeListId.NotFound', 400, `${driver.name} ${label} ${PortRangeListId}`);
        }
      }
      assert.deepEqual((await driver.describePortRangeLists({ RegionId: REGION, PortRangeListId: [theirs] })).PortRangeLists, [],
        `${driver.name}: another account's list is not listed`);
    }
    const listed = await other.describePortRangeLists({ RegionId: REGION, PortRangeListId: [theirs] });
    assert.equal(listed.PortRangeLists[0].Description, '', 'the refused modify changed nothing');
  });
});

test('a list rule counts once per group in AssociationCount and the associations, and pages', async (t) => {
  const clean = cleanup(t);
  const pl = await newPrefixList(clean, { AddressFamily: 'IPv4', MaxEntries: 1 });
  const prl = await newPortRangeList(clean, { MaxEntries: 1 });
  const groups = [];
  for (let i = 0; i < 3; i++) {
    const G = await newVpcGroup(clean);
    groups.push(G);
    await sdk.authorizeSecurityGroup({ RegionId: REGION, SecurityGroupId: G, Permissions: [
      { IpProtocol: 'TCP', PortRange: '22/22', SourcePrefixListId: pl }, { IpProtocol: 'TCP', PortRange: '23/23', SourcePrefixListId: pl },
      { IpProtocol: 'TCP', PortRangeListId: prl, SourceCidrIp: '10.0.0.0/8' }, { IpProtocol: 'UDP', PortRangeListId: prl, SourceCidrIp: '10.0.0.0/8' }] });
  }
  groups.sort();
  for (const driver of drivers()) {
    assert.equal((await prefixLists(driver, [pl]))[pl].AssociationCount, 3, driver.name);
    assert.equal((await portRangeLists(driver, [prl]))[prl].AssociationCount, 3, driver.name);
    const all = await driver.describePrefixListAssociations({ RegionId: REGION, PrefixListId: pl });
    assert.deepEqual(all.PrefixListAssociations.PrefixListAssociation.map((a) => a.ResourceId).sort(), groups);
    assert.equal(all.NextToken, '');
    const allPorts = await driver.describePortRangeListAssociations({ RegionId: REGION, PortRangeListId: prl });
    assert.deepEqual(allPorts.PortRangeListAssociations.map((a) => a.ResourceId).sort(), groups);

    const seen = [];
    const seenPorts = [];
    let NextToken;
    let PortToken;
    for (let page = 1; page <= 2; page++) {
      const body = await driver.describePrefixListAssociations({ RegionId: REGION, PrefixListId: pl, MaxResults: 2, NextToken });
      const ports = await driver.describePortRangeListAssociations({ RegionId: REGION, PortRangeListId: prl, MaxResults: 2, NextToken: PortToken });
      assert.equal(body.PrefixListAssociations.PrefixListAssociation.length, page === 1 ? 2 : 1, `${driver.name} page ${page}`);
      assert.equal(ports.PortRangeListAssociations.length, page === 1 ? 2 : 1, `${driver.name} page ${page}`);
      seen.push(...body.PrefixListAssociations.PrefixListAssociation.map((a) => a.ResourceId));
      seenPorts.push(...ports.PortRangeListAssociations.map((a) => a.ResourceId));
      ({ NextToken } = body);
      PortToken = ports.NextToken;
      if (page === 1) {
        assert.ok(NextToken && PortToken, `${driver.name}: NextToken on page 1`);
      }
    }
    assert.equal(NextToken, '');
    assert.equal(PortToken, '');
    assert.deepEqual(seen.sort(), groups, driver.name);
    assert.deepEqual(seenPorts.sort(), groups, driver.name);
  }
});
