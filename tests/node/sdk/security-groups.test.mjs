// ECS 2014-05-26: CreateSecurityGroup, DescribeSecurityGroups, DescribeSecurityGroupAttribute,
// ModifySecurityGroupAttribute, ModifySecurityGroupPolicy, DeleteSecurityGroup through the official SDKs.
import { test, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACCOUNTS, ECS_VERSION, Ecs, REGION, UUID, assertAcsError, assertRecentTimestamp, canonicalQuery, cleanup, drivers,
  ecsClient, rawFetch, resetEmulator, resourceId, sdk, setSecurityGroupFlags, signRpc, uniqueName,
} from './clients.mjs';

before(resetEmulator);

const UNKNOWN_SG = 'sg-doesnotexist0000000';
const descending = (ids) => [...ids].sort().reverse();
const idsOf = (body) => body.SecurityGroups.SecurityGroup.map((g) => g.SecurityGroupId);
const sortTags = (tags) => [...tags].sort((a, b) => a.TagKey.localeCompare(b.TagKey));

/** Creates a VPC through `driver` (deleted after the test) and returns its ID. */
async function newVpc(clean, { driver = sdk, RegionId = REGION, CidrBlock = '10.60.0.0/16' } = {}) {
  const created = await driver.createVpc({ RegionId, CidrBlock, VpcName: uniqueName('sg-parent') });
  clean.vpc(created.VpcId);
  return created.VpcId;
}

/** Creates a security group through `driver` (deleted after the test) and returns its ID. */
async function newGroup(clean, params = {}, driver = sdk) {
  const created = await driver.createSecurityGroup({ RegionId: REGION, SecurityGroupName: uniqueName('sg'), ...params });
  assert.match(created.SecurityGroupId, resourceId('sg'));
  clean.securityGroup(created.SecurityGroupId, params.RegionId ?? REGION);
  return created.SecurityGroupId;
}

/** DescribeSecurityGroups for one ID; asserts it is listed exactly once and returns the entry. */
async function describeOne(driver, SecurityGroupId, RegionId = REGION) {
  const body = await driver.describeSecurityGroups({ RegionId, SecurityGroupId });
  assert.equal(body.TotalCount, 1, `DescribeSecurityGroups ${SecurityGroupId}: ${JSON.stringify(body)}`);
  assert.equal(body.SecurityGroups.SecurityGroup.length, 1);
  return body.SecurityGroups.SecurityGroup[0];
}

/** The number of groups named `SecurityGroupName` (exact) in the region. */
async function countNamed(SecurityGroupName, RegionId = REGION) {
  return (await sdk.describeSecurityGroups({ RegionId, SecurityGroupName, PageSize: 50 })).TotalCount;
}

describe('security group lifecycle with every client', () => {
  for (const driver of drivers()) {
    test(driver.name, async (t) => {
      const clean = cleanup(t, driver);
      const VpcId = await newVpc(clean, { driver, CidrBlock: '10.50.0.0/16' });
      const name = uniqueName('sg-life');

      // Create a basic (classic: no VPC) and an enterprise (VPC) group.
      const basic = await driver.createSecurityGroup({
        RegionId: REGION, SecurityGroupName: name, Description: 'basic by ' + driver.kind,
        Tag: [{ Key: 'env', Value: 'test' }, { Key: 'client', Value: driver.kind }],
      });
      clean.securityGroup(basic.SecurityGroupId);
      assert.match(basic.SecurityGroupId, resourceId('sg'));
      assert.match(basic.RequestId, UUID);
      const enterprise = await driver.createSecurityGroup({
        RegionId: REGION, VpcId, SecurityGroupName: name + '-ent', SecurityGroupType: 'enterprise',
        Description: 'enterprise by ' + driver.kind, ResourceGroupId: 'rg-acfmlife00000001', Tag: [{ Key: 'env', Value: 'test' }],
      });
      clean.securityGroup(enterprise.SecurityGroupId);
      assert.match(enterprise.SecurityGroupId, resourceId('sg'));
      assert.notEqual(enterprise.SecurityGroupId, basic.SecurityGroupId);
      const B = basic.SecurityGroupId;
      const E = enterprise.SecurityGroupId;
      const SecurityGroupIds = JSON.stringify([B, E]);

      // DescribeSecurityGroups by a JSON list of IDs, legacy paging, ordered by SecurityGroupId descending.
      const listed = await driver.describeSecurityGroups({ RegionId: REGION, SecurityGroupIds });
      assert.match(listed.RequestId, UUID);
      assert.equal(listed.RegionId, REGION);
      assert.equal(listed.TotalCount, 2);
      assert.equal(listed.PageNumber, 1);
      assert.equal(listed.PageSize, 10);
      assert.equal(listed.NextToken, undefined);
      assert.deepEqual(idsOf(listed), descending([B, E]));
      const byId = new Map(listed.SecurityGroups.SecurityGroup.map((g) => [g.SecurityGroupId, g]));
      const b = byId.get(B);
      assert.equal(b.SecurityGroupName, name);
      assert.equal(b.Description, 'basic by ' + driver.kind);
      assert.equal(b.SecurityGroupType, 'normal');
      assert.equal(b.VpcId, '');
      assertRecentTimestamp(b.CreationTime);
      assert.equal(b.ResourceGroupId, '');
      assert.equal(b.ServiceManaged, false);
      assert.equal(b.RuleCount, 0);
      assert.equal(b.GroupToGroupRuleCount, 0);
      assert.equal(b.EcsCount, 0);
      assert.equal(b.AvailableInstanceAmount, 6000);
      assert.deepEqual(sortTags(b.Tags.Tag), [{ TagKey: 'client', TagValue: driver.kind }, { TagKey: 'env', TagValue: 'test' }]);
      const e = byId.get(E);
      assert.equal(e.SecurityGroupName, name + '-ent');
      assert.equal(e.Description, 'enterprise by ' + driver.kind);
      assert.equal(e.SecurityGroupType, 'enterprise');
      assert.equal(e.VpcId, VpcId);
      assertRecentTimestamp(e.CreationTime);
      assert.equal(e.ResourceGroupId, 'rg-acfmlife00000001');
      assert.equal(e.ServiceManaged, false);
      assert.equal(e.RuleCount, 0);
      assert.equal(e.GroupToGroupRuleCount, 0);
      assert.equal(e.EcsCount, 0);
      assert.equal(e.AvailableInstanceAmount, 65536);
      assert.deepEqual(e.Tags.Tag, [{ TagKey: 'env', TagValue: 'test' }]);

      // Filters.
      const filtered = async (params) => idsOf(await driver.describeSecurityGroups({ RegionId: REGION, ...params }));
      assert.deepEqual(await filtered({ SecurityGroupId: B }), [B], 'SecurityGroupId');
      assert.deepEqual(await filtered({ VpcId }), [E], 'VpcId');
      assert.deepEqual(await filtered({ SecurityGroupName: name }), [B], 'SecurityGroupName is exact');
      assert.deepEqual(await filtered({ SecurityGroupIds, SecurityGroupType: 'normal' }), [B], 'SecurityGroupType normal');
      assert.deepEqual(await filtered({ SecurityGroupIds, SecurityGroupType: 'enterprise' }), [E], 'SecurityGroupType enterprise');
      assert.deepEqual(await filtered({ SecurityGroupIds, NetworkType: 'vpc' }), [E], 'NetworkType vpc');
      assert.deepEqual(await filtered({ SecurityGroupIds, NetworkType: 'classic' }), [B], 'NetworkType classic');
      assert.deepEqual(await filtered({ SecurityGroupIds, ResourceGroupId: 'rg-acfmlife00000001' }), [E], 'ResourceGroupId');
      assert.deepEqual(await filtered({ SecurityGroupIds, Tag: [{ Key: 'env', Value: 'test' }] }), descending([B, E]), 'one tag');
      assert.deepEqual(await filtered({ SecurityGroupIds, Tag: [{ Key: 'env', Value: 'test' }, { Key: 'client', Value: driver.kind }] }),
        [B], 'two tags (AND)');
      assert.deepEqual(await filtered({ SecurityGroupIds, Tag: [{ Key: 'env', Value: 'prod' }] }), [], 'tag value mismatch');

      // Both paging styles.
      const first = await driver.describeSecurityGroups({ RegionId: REGION, SecurityGroupIds, MaxResults: 1 });
      assert.equal(first.TotalCount, undefined, 'no TotalCount with MaxResults');
      assert.deepEqual(idsOf(first), descending([B, E]).slice(0, 1));
      assert.equal(typeof first.NextToken, 'string');
      assert.ok(first.NextToken.length > 0);
      const second = await driver.describeSecurityGroups({ RegionId: REGION, SecurityGroupIds, MaxResults: 1, NextToken: first.NextToken });
      assert.equal(second.TotalCount, undefined);
      assert.deepEqual(idsOf(second), descending([B, E]).slice(1));
      assert.equal(second.NextToken, undefined, 'no NextToken on the last page');
      const page2 = await driver.describeSecurityGroups({ RegionId: REGION, SecurityGroupIds, PageNumber: 2, PageSize: 1 });
      assert.equal(page2.TotalCount, 2);
      assert.equal(page2.PageNumber, 2);
      assert.equal(page2.PageSize, 1);
      assert.deepEqual(idsOf(page2), descending([B, E]).slice(1));

      // DescribeSecurityGroupAttribute.
      const attrB = await driver.describeSecurityGroupAttribute({ RegionId: REGION, SecurityGroupId: B });
      assert.match(attrB.RequestId, UUID);
      assert.equal(attrB.RegionId, REGION);
      assert.equal(attrB.SecurityGroupId, B);
      assert.equal(attrB.SecurityGroupName, name);
      assert.equal(attrB.Description, 'basic by ' + driver.kind);
      assert.equal(attrB.VpcId, '');
      assert.equal(attrB.InnerAccessPolicy, 'Accept');
      assert.deepEqual(attrB.Permissions, { Permission: [] });
      assert.equal(attrB.SnapshotPolicyIds, undefined, 'SnapshotPolicyIds only when Attribute is given');
      const attrE = await driver.describeSecurityGroupAttribute({ RegionId: REGION, SecurityGroupId: E, Attribute: 'snapshotPolicyIds' });
      assert.equal(attrE.SecurityGroupId, E);
      assert.equal(attrE.VpcId, VpcId);
      assert.equal(attrE.InnerAccessPolicy, 'Drop');
      assert.deepEqual(attrE.Permissions, { Permission: [] });
      assert.deepEqual(attrE.SnapshotPolicyIds, { SnapshotPolicyId: [] });

      // ModifySecurityGroupAttribute and ModifySecurityGroupPolicy.
      const modified = await driver.modifySecurityGroupAttribute({
        RegionId: REGION, SecurityGroupId: B, SecurityGroupName: name + '-renamed', Description: 'renamed by ' + driver.kind,
      });
      assert.match(modified.RequestId, UUID);
      let attr = await driver.describeSecurityGroupAttribute({ RegionId: REGION, SecurityGroupId: B });
      assert.equal(attr.SecurityGroupName, name + '-renamed');
      assert.equal(attr.Description, 'renamed by ' + driver.kind);
      assert.deepEqual(await filtered({ SecurityGroupName: name + '-renamed' }), [B]);
      assert.deepEqual(await filtered({ SecurityGroupName: name }), []);
      const policy = await driver.modifySecurityGroupPolicy({ RegionId: REGION, SecurityGroupId: B, InnerAccessPolicy: 'Drop' });
      assert.match(policy.RequestId, UUID);
      attr = await driver.describeSecurityGroupAttribute({ RegionId: REGION, SecurityGroupId: B });
      assert.equal(attr.InnerAccessPolicy, 'Drop');
      await driver.modifySecurityGroupPolicy({ RegionId: REGION, SecurityGroupId: B, InnerAccessPolicy: 'accept' });
      attr = await driver.describeSecurityGroupAttribute({ RegionId: REGION, SecurityGroupId: B });
      assert.equal(attr.InnerAccessPolicy, 'Accept');
      await assertAcsError(driver.modifySecurityGroupPolicy({ RegionId: REGION, SecurityGroupId: E, InnerAccessPolicy: 'Accept' }),
        'InvalidParameter.InnerAccessPolicy', 404, 'enterprise group');

      // Tag, list tags, untag.
      const tagged = await driver.tagResources({
        RegionId: REGION, ResourceType: 'securitygroup', ResourceId: [B, E], Tag: [{ Key: 'team', Value: driver.kind }],
      });
      assert.match(tagged.RequestId, UUID);
      await driver.tagResources({ RegionId: REGION, ResourceType: 'securitygroup', ResourceId: [B], Tag: [{ Key: 'env', Value: 'prod' }] });
      const row = (ResourceId, TagKey, TagValue) => ({ ResourceId, ResourceType: 'securitygroup', TagKey, TagValue });
      const byResourceThenKey = (x, y) => (x.ResourceId < y.ResourceId ? -1 : x.ResourceId > y.ResourceId ? 1
        : x.TagKey < y.TagKey ? -1 : x.TagKey > y.TagKey ? 1 : 0);
      const expectedRows = [
        row(E, 'team', driver.kind), row(B, 'env', 'prod'), row(E, 'env', 'test'), row(B, 'team', driver.kind), row(B, 'client', driver.kind),
      ].sort(byResourceThenKey);
      const tags = await driver.listTagResources({ RegionId: REGION, ResourceType: 'securitygroup', ResourceId: [B, E] });
      assert.match(tags.RequestId, UUID);
      assert.equal(tags.NextToken, '');
      assert.deepEqual(tags.TagResources.TagResource, expectedRows);
      assert.deepEqual(await filtered({ SecurityGroupIds, Tag: [{ Key: 'team', Value: driver.kind }] }), descending([B, E]));
      assert.deepEqual(await filtered({ SecurityGroupIds, Tag: [{ Key: 'env', Value: 'prod' }] }), [B], 'tag value was replaced');

      const untagged = await driver.untagResources({ RegionId: REGION, ResourceType: 'securitygroup', ResourceId: [B], TagKey: ['team', 'client'] });
      assert.match(untagged.RequestId, UUID);
      await driver.untagResources({ RegionId: REGION, ResourceType: 'securitygroup', ResourceId: [E], All: true });
      const remaining = await driver.listTagResources({ RegionId: REGION, ResourceType: 'securitygroup', ResourceId: [B, E] });
      assert.deepEqual(remaining.TagResources.TagResource, [row(B, 'env', 'prod')]);
      assert.deepEqual((await describeOne(driver, B)).Tags.Tag, [{ TagKey: 'env', TagValue: 'prod' }]);
      assert.deepEqual((await describeOne(driver, E)).Tags.Tag, []);

      // Refused deletes: protected, managed, unknown, and the VPC while it still holds a group.
      const protectedFlags = await setSecurityGroupFlags(E, { DeletionProtection: true });
      assert.equal(protectedFlags.DeletionProtection, true);
      await assertAcsError(driver.deleteSecurityGroup({ RegionId: REGION, SecurityGroupId: E }), 'InvalidOperation.DeletionProtection', 400);
      await setSecurityGroupFlags(B, { ServiceManaged: true, ServiceId: 123 });
      await assertAcsError(driver.deleteSecurityGroup({ RegionId: REGION, SecurityGroupId: B }),
        'InvalidOperation.ResourceManagedByCloudProduct', 403, 'DeleteSecurityGroup');
      await assertAcsError(driver.modifySecurityGroupAttribute({ RegionId: REGION, SecurityGroupId: B, SecurityGroupName: 'managed' }),
        'InvalidOperation.ResourceManagedByCloudProduct', 403, 'ModifySecurityGroupAttribute');
      await assertAcsError(driver.modifySecurityGroupPolicy({ RegionId: REGION, SecurityGroupId: B, InnerAccessPolicy: 'Drop' }),
        'InvalidOperation.ResourceManagedByCloudProduct', 403, 'ModifySecurityGroupPolicy');
      const managed = await describeOne(driver, B);
      assert.equal(managed.ServiceManaged, true);
      assert.equal(managed.ServiceID, 123);
      assert.equal(managed.SecurityGroupName, name + '-renamed', 'the refused modify changed nothing');
      assert.deepEqual(await filtered({ SecurityGroupIds, ServiceManaged: true }), [B], 'ServiceManaged filter');
      await assertAcsError(driver.deleteSecurityGroup({ RegionId: REGION, SecurityGroupId: UNKNOWN_SG }), 'InvalidSecurityGroup.NotFound', 404);
      await assertAcsError(driver.deleteVpc({ VpcId }), 'DependencyViolation.SecurityGroup', 400);
      assert.deepEqual(await filtered({ SecurityGroupIds }), descending([B, E]), 'the refused deletes deleted nothing');

      // Delete.
      await setSecurityGroupFlags(E, { DeletionProtection: false });
      await setSecurityGroupFlags(B, { ServiceManaged: false });
      for (const SecurityGroupId of [B, E]) {
        const deleted = await driver.deleteSecurityGroup({ RegionId: REGION, SecurityGroupId });
        assert.match(deleted.RequestId, UUID);
      }
      const after = await driver.describeSecurityGroups({ RegionId: REGION, SecurityGroupIds });
      assert.equal(after.TotalCount, 0);
      assert.deepEqual(after.SecurityGroups.SecurityGroup, []);
      await assertAcsError(driver.describeSecurityGroupAttribute({ RegionId: REGION, SecurityGroupId: B }), 'InvalidSecurityGroupId.NotFound', 404);
      await assertAcsError(driver.deleteSecurityGroup({ RegionId: REGION, SecurityGroupId: E }), 'InvalidSecurityGroup.NotFound', 404);
      const gone = await driver.listTagResources({ RegionId: REGION, ResourceType: 'securitygroup', ResourceId: [B, E] });
      assert.deepEqual(gone.TagResources.TagResource, [], 'the tags went with the groups');
      await driver.deleteVpc({ VpcId });
    });
  }
});

test('v7 SDK maps the security group responses into its camelCase models', async (t) => {
  const clean = cleanup(t);
  const VpcId = await newVpc(clean);
  const client = ecsClient({ signature: 'v2' });
  const name = uniqueName('sg-model');
  const created = await client.createSecurityGroup(new Ecs.CreateSecurityGroupRequest({
    regionId: REGION, vpcId: VpcId, securityGroupName: name, description: 'model test', securityGroupType: 'enterprise',
    tag: [new Ecs.CreateSecurityGroupRequestTag({ key: 'tier', value: 'db' })],
  }));
  assert.equal(created.statusCode, 200);
  assert.ok(created.body instanceof Ecs.CreateSecurityGroupResponseBody);
  const id = created.body.securityGroupId;
  clean.securityGroup(id);
  assert.match(id, resourceId('sg'));
  await setSecurityGroupFlags(id, { ServiceManaged: true, ServiceId: 123 });

  const listed = await client.describeSecurityGroups(new Ecs.DescribeSecurityGroupsRequest({
    regionId: REGION, securityGroupIds: JSON.stringify([id]), serviceManaged: true,
  }));
  assert.equal(listed.statusCode, 200);
  assert.equal(listed.body.totalCount, 1);
  assert.equal(listed.body.regionId, REGION);
  const group = listed.body.securityGroups.securityGroup[0];
  assert.equal(group.securityGroupId, id);
  assert.equal(group.securityGroupName, name);
  assert.equal(group.description, 'model test');
  assert.equal(group.securityGroupType, 'enterprise');
  assert.equal(group.vpcId, VpcId);
  assert.equal(group.availableInstanceAmount, 65536);
  assert.equal(group.serviceManaged, true);
  assert.equal(group.serviceID, 123);
  assert.equal(group.ruleCount, 0);
  assert.equal(group.ecsCount, 0);
  assert.equal(group.tags.tag.length, 1);
  assert.equal(group.tags.tag[0].tagKey, 'tier');
  assert.equal(group.tags.tag[0].tagValue, 'db');

  const attr = await client.describeSecurityGroupAttribute(new Ecs.DescribeSecurityGroupAttributeRequest({
    regionId: REGION, securityGroupId: id, attribute: 'snapshotPolicyIds',
  }));
  assert.equal(attr.statusCode, 200);
  assert.equal(attr.body.securityGroupId, id);
  assert.equal(attr.body.securityGroupName, name);
  assert.equal(attr.body.innerAccessPolicy, 'Drop');
  assert.equal(attr.body.vpcId, VpcId);
  assert.deepEqual(attr.body.permissions.permission, []);
  assert.deepEqual(attr.body.snapshotPolicyIds.snapshotPolicyId, []);
});

describe('CreateSecurityGroup', () => {
  test('without RegionId is MissingParameter.RegionId; with an unknown one InvalidRegionId.NotFound', async () => {
    for (const driver of drivers()) {
      await assertAcsError(driver.createSecurityGroup({ SecurityGroupName: 'noregion' }), 'MissingParameter.RegionId', 400, driver.name);
      await assertAcsError(driver.createSecurityGroup({ RegionId: 'xx-nowhere-1' }), 'InvalidRegionId.NotFound', 404, driver.name);
    }
  });

  test('a basic group needs no name, description or VPC', async (t) => {
    const clean = cleanup(t);
    const created = await sdk.createSecurityGroup({ RegionId: REGION });
    clean.securityGroup(created.SecurityGroupId);
    assert.match(created.SecurityGroupId, resourceId('sg'));
    const group = await describeOne(sdk, created.SecurityGroupId);
    assert.equal(group.SecurityGroupType, 'normal');
    assert.equal(group.VpcId, '');
    assert.equal(group.AvailableInstanceAmount, 6000);
  });

  test('a basic group can live in a VPC', async (t) => {
    const clean = cleanup(t);
    const VpcId = await newVpc(clean);
    const id = await newGroup(clean, { VpcId, SecurityGroupType: 'normal' });
    const group = await describeOne(sdk, id);
    assert.equal(group.VpcId, VpcId);
    assert.equal(group.SecurityGroupType, 'normal');
    assert.equal(group.AvailableInstanceAmount, 6000);
  });

  test('an unknown SecurityGroupType is InvalidParams.GroupType', async (t) => {
    const clean = cleanup(t);
    const VpcId = await newVpc(clean);
    for (const driver of drivers()) {
      for (const SecurityGroupType of ['premium', 'Enterprise', 'NORMAL']) {
        const SecurityGroupName = uniqueName('sg-type');
        await assertAcsError(driver.createSecurityGroup({ RegionId: REGION, VpcId, SecurityGroupType, SecurityGroupName }),
          'InvalidParams.GroupType', 400, `${driver.name} ${SecurityGroupType}`);
        assert.equal(await countNamed(SecurityGroupName), 0);
      }
    }
  });

  test('an enterprise group without VpcId is InvalidParams.VpcIdGroupType', async () => {
    for (const driver of drivers()) {
      const SecurityGroupName = uniqueName('sg-ent-novpc');
      await assertAcsError(driver.createSecurityGroup({ RegionId: REGION, SecurityGroupType: 'enterprise', SecurityGroupName }),
        'InvalidParams.VpcIdGroupType', 400, driver.name);
      assert.equal(await countNamed(SecurityGroupName), 0);
    }
  });

  test('an unknown VPC, a VPC of another region or of another account is InvalidVpcId.NotFound', async (t) => {
    const clean = cleanup(t);
    const other = drivers(ACCOUNTS.test2)[0];
    const theirs = await newVpc(cleanup(t, other), { driver: other });
    const shanghai = await newVpc(clean, { RegionId: 'cn-shanghai' });
    for (const driver of drivers()) {
      for (const VpcId of ['vpc-doesnotexist000000000', theirs, shanghai]) {
        const SecurityGroupName = uniqueName('sg-badvpc');
        await assertAcsError(driver.createSecurityGroup({ RegionId: REGION, VpcId, SecurityGroupName }),
          'InvalidVpcId.NotFound', 404, `${driver.name} ${VpcId}`);
        assert.equal(await countNamed(SecurityGroupName), 0);
      }
    }
  });

  test('SecurityGroupName: 2-128 characters, starting with a letter, not http(s)://', async (t) => {
    const clean = cleanup(t);
    const bad = ['a', '1abc', '-abc', '_abc', 'http://group', 'https://group', 'a'.repeat(129)];
    for (const driver of drivers()) {
      for (const SecurityGroupName of bad) {
        await assertAcsError(driver.createSecurityGroup({ RegionId: REGION, SecurityGroupName }),
          'InvalidSecurityGroupName.Malformed', 400, `${driver.name} SecurityGroupName=${SecurityGroupName}`);
      }
    }
    for (const SecurityGroupName of bad) {
      assert.equal(await countNamed(SecurityGroupName), 0, `nothing named ${SecurityGroupName} was created`);
    }
    for (const SecurityGroupName of ['ab', 'Z'.repeat(128), 'web_tier-01.prod:a']) {
      const id = await newGroup(clean, { SecurityGroupName });
      assert.equal((await describeOne(sdk, id)).SecurityGroupName, SecurityGroupName);
    }
  });

  test('Description: 2-256 characters (InvalidSecurityGroupDiscription.Malformed)', async (t) => {
    const clean = cleanup(t);
    for (const driver of drivers()) {
      for (const Description of ['x', 'd'.repeat(257)]) {
        const SecurityGroupName = uniqueName('sg-desc');
        await assertAcsError(driver.createSecurityGroup({ RegionId: REGION, SecurityGroupName, Description }),
          'InvalidSecurityGroupDiscription.Malformed', 400, `${driver.name} Description length ${Description.length}`);
        assert.equal(await countNamed(SecurityGroupName), 0);
      }
    }
    for (const Description of ['xy', 'd'.repeat(256)]) {
      const id = await newGroup(clean, { Description });
      assert.equal((await describeOne(sdk, id)).Description, Description);
    }
  });

  test('tags: 20 are accepted, 21 is QuotaExceed.Tags, a repeated key Duplicate.TagKey, aliyun* InvalidTagKey.Malformed', async (t) => {
    const clean = cleanup(t);
    const tags = (n) => Array.from({ length: n }, (_, i) => ({ Key: `key${String(i).padStart(2, '0')}`, Value: `value${i}` }));
    const id = await newGroup(clean, { Tag: tags(20) });
    assert.deepEqual(sortTags((await describeOne(sdk, id)).Tags.Tag), tags(20).map((x) => ({ TagKey: x.Key, TagValue: x.Value })));

    for (const driver of drivers()) {
      const cases = [
        [tags(21), 'QuotaExceed.Tags', 403],
        [[{ Key: 'dup', Value: '1' }, { Key: 'dup', Value: '2' }], 'Duplicate.TagKey', 400],
        [[{ Key: 'aliyun', Value: '1' }], 'InvalidTagKey.Malformed', 400],
        [[{ Key: 'aliyun-owner', Value: '1' }], 'InvalidTagKey.Malformed', 400],
      ];
      for (const [Tag, code, status] of cases) {
        const SecurityGroupName = uniqueName('sg-badtag');
        await assertAcsError(driver.createSecurityGroup({ RegionId: REGION, SecurityGroupName, Tag }), code, status, driver.name);
        assert.equal(await countNamed(SecurityGroupName), 0, `${driver.name} ${code}: nothing was created`);
      }
    }
  });

  test('is idempotent per ClientToken: a replay is the byte-identical response', async (t) => {
    const clean = cleanup(t);
    const VpcId = await newVpc(clean);
    const name = uniqueName('sg-idem');
    const params = {
      RegionId: REGION, VpcId, SecurityGroupName: name, Description: 'idempotent', SecurityGroupType: 'enterprise',
      ClientToken: uniqueName('token'), Tag: [{ Key: 'a', Value: '1' }],
    };
    const first = await sdk.createSecurityGroup(params);
    clean.securityGroup(first.SecurityGroupId);
    assert.match(first.SecurityGroupId, resourceId('sg'));

    // Replays through every client and signature return the same response, RequestId included.
    for (const driver of drivers()) {
      const retry = await driver.createSecurityGroup(params);
      assert.deepEqual(retry, first, driver.name);
    }
    // On the wire: two independently signed replays give the same bytes, which are the first response.
    const { Tag, ...rest } = params;
    const wire = { Action: 'CreateSecurityGroup', Version: ECS_VERSION, ...rest, 'Tag.1.Key': Tag[0].Key, 'Tag.1.Value': Tag[0].Value };
    const raw1 = await rawFetch('/?' + canonicalQuery(signRpc(wire)));
    const raw2 = await rawFetch('/?' + canonicalQuery(signRpc(wire)));
    assert.equal(raw1.status, 200, raw1.text);
    assert.equal(raw2.text, raw1.text);
    assert.deepEqual(raw1.json, first);
    assert.equal(await countNamed(name), 1, 'the replays created nothing');

    for (const changed of [{ SecurityGroupName: name + '-x' }, { Description: 'other' }, { SecurityGroupType: 'normal' },
      { Tag: [{ Key: 'a', Value: '2' }] }]) {
      await assertAcsError(sdk.createSecurityGroup({ ...params, ...changed }), 'IdempotentParameterMismatch', 400, JSON.stringify(changed));
    }
    assert.equal(await countNamed(name + '-x'), 0);
    assert.equal(await countNamed(name), 1);

    // Another token with the same parameters is a new group; the same token in another account too.
    const again = await newGroup(clean, { ...params, ClientToken: params.ClientToken + '-2' });
    assert.notEqual(again, first.SecurityGroupId);
    assert.equal(await countNamed(name), 2);
    const other = drivers(ACCOUNTS.test2)[3];
    const cleanOther = cleanup(t, other);
    const otherVpc = await newVpc(cleanOther, { driver: other });
    const theirs = await newGroup(cleanOther, { ...params, VpcId: otherVpc }, other);
    assert.notEqual(theirs, first.SecurityGroupId);
  });

  test('at most 100 groups per region and account: the 101st is QuotaExceed.SecurityGroup', async (t) => {
    const region = 'us-west-1';
    const clean = cleanup(t);
    assert.equal((await sdk.describeSecurityGroups({ RegionId: region })).TotalCount, 0, 'the region starts empty');
    const ids = [];
    for (let i = 0; i < 100; i++) {
      ids.push(await newGroup(clean, { RegionId: region }));
    }
    for (const driver of drivers()) {
      await assertAcsError(driver.createSecurityGroup({ RegionId: region }), 'QuotaExceed.SecurityGroup', 403, driver.name);
    }
    assert.equal((await sdk.describeSecurityGroups({ RegionId: region, PageSize: 50 })).TotalCount, 100);

    // Per region and per account.
    await newGroup(clean, { RegionId: 'eu-central-1' });
    const other = drivers(ACCOUNTS.test2)[2];
    await newGroup(cleanup(t, other), { RegionId: region }, other);

    // Deleting one frees a slot.
    await sdk.deleteSecurityGroup({ RegionId: region, SecurityGroupId: ids.pop() });
    await newGroup(clean, { RegionId: region });
    await assertAcsError(sdk.createSecurityGroup({ RegionId: region }), 'QuotaExceed.SecurityGroup', 403);
  });
});

describe('DescribeSecurityGroups', () => {
  test('lists by SecurityGroupId descending, in both paging styles', async (t) => {
    const clean = cleanup(t);
    const name = uniqueName('sg-order');
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await newGroup(clean, { SecurityGroupName: name }));
    const expected = descending(ids);

    for (const driver of drivers()) {
      const all = await driver.describeSecurityGroups({ RegionId: REGION, SecurityGroupName: name });
      assert.deepEqual(idsOf(all), expected, driver.name);
      assert.equal(all.TotalCount, 5);

      // MaxResults + NextToken.
      const seen = [];
      let NextToken;
      let pages = 0;
      do {
        const page = await driver.describeSecurityGroups({ RegionId: REGION, SecurityGroupName: name, MaxResults: 2, NextToken });
        pages += 1;
        assert.equal(page.TotalCount, undefined, `${driver.name}: no TotalCount in NextToken mode`);
        assert.equal(page.SecurityGroups.SecurityGroup.length, pages < 3 ? 2 : 1, `${driver.name} page ${pages}`);
        seen.push(...idsOf(page));
        NextToken = page.NextToken;
        if (pages < 3) assert.ok(NextToken, `${driver.name}: NextToken on page ${pages}`);
      } while (NextToken && pages < 10);
      assert.equal(pages, 3, driver.name);
      assert.deepEqual(seen, expected, `${driver.name}: the NextToken pages list every group once, in order`);

      // PageNumber + PageSize.
      const legacy = [];
      for (const [PageNumber, count] of [[1, 2], [2, 2], [3, 1], [4, 0]]) {
        const page = await driver.describeSecurityGroups({ RegionId: REGION, SecurityGroupName: name, PageNumber, PageSize: 2 });
        assert.equal(page.TotalCount, 5);
        assert.equal(page.PageNumber, PageNumber);
        assert.equal(page.PageSize, 2);
        assert.equal(page.NextToken, undefined);
        assert.equal(page.SecurityGroups.SecurityGroup.length, count, `${driver.name} page ${PageNumber}`);
        legacy.push(...idsOf(page));
      }
      assert.deepEqual(legacy, expected, `${driver.name}: the numbered pages list every group once, in order`);
    }

    const big = await sdk.describeSecurityGroups({ RegionId: REGION, SecurityGroupName: name, PageSize: 50 });
    assert.equal(big.PageSize, 50);
    assert.equal(big.SecurityGroups.SecurityGroup.length, 5);
    const maxed = await sdk.describeSecurityGroups({ RegionId: REGION, SecurityGroupName: name, MaxResults: 100 });
    assert.deepEqual(idsOf(maxed), expected);
    assert.equal(maxed.NextToken, undefined);
  });

  test('lists only the region and the account of the caller', async (t) => {
    const clean = cleanup(t);
    const name = uniqueName('sg-scope');
    const mine = await newGroup(clean, { SecurityGroupName: name });
    const shanghai = await newGroup(clean, { RegionId: 'cn-shanghai', SecurityGroupName: name });
    const other = drivers(ACCOUNTS.test2)[1];
    const theirs = await newGroup(cleanup(t, other), { SecurityGroupName: name }, other);

    const SecurityGroupIds = JSON.stringify([mine, shanghai, theirs]);
    assert.deepEqual(idsOf(await sdk.describeSecurityGroups({ RegionId: REGION, SecurityGroupIds })), [mine]);
    assert.deepEqual(idsOf(await sdk.describeSecurityGroups({ RegionId: 'cn-shanghai', SecurityGroupIds })), [shanghai]);
    assert.deepEqual(idsOf(await other.describeSecurityGroups({ RegionId: REGION, SecurityGroupIds })), [theirs]);
    const byName = await sdk.describeSecurityGroups({ RegionId: REGION, SecurityGroupName: name });
    assert.deepEqual(idsOf(byName), [mine]);
    assert.equal(byName.TotalCount, 1);
    assert.deepEqual(idsOf(await sdk.describeSecurityGroups({ RegionId: REGION, SecurityGroupId: theirs })), []);
  });

  test('unknown IDs are an empty list', async () => {
    for (const driver of drivers()) {
      for (const params of [{ SecurityGroupId: UNKNOWN_SG }, { SecurityGroupIds: JSON.stringify([UNKNOWN_SG, 'sg-doesnotexist0000001']) }]) {
        const body = await driver.describeSecurityGroups({ RegionId: REGION, ...params });
        assert.equal(body.TotalCount, 0, `${driver.name} ${JSON.stringify(params)}`);
        assert.deepEqual(body.SecurityGroups.SecurityGroup, []);
      }
    }
  });

  test('SecurityGroupIds takes a JSON array of up to 100 strings; anything else is InvalidSecurityGroupId.Malformed', async (t) => {
    const clean = cleanup(t);
    const id = await newGroup(clean);
    const hundred = [id, ...Array.from({ length: 99 }, (_, i) => `sg-${String(i).padStart(20, '0')}`)];
    assert.deepEqual(idsOf(await sdk.describeSecurityGroups({ RegionId: REGION, SecurityGroupIds: JSON.stringify(hundred) })), [id]);
    const bad = [
      JSON.stringify([...hundred, 'sg-00000000000000000100']),
      `${id},${UNKNOWN_SG}`,
      id,
      '[1,2]',
      JSON.stringify([id, 7]),
      '{"id":"sg-x"}',
      '["sg-unterminated"',
    ];
    for (const driver of drivers()) {
      for (const SecurityGroupIds of bad) {
        await assertAcsError(driver.describeSecurityGroups({ RegionId: REGION, SecurityGroupIds }), 'InvalidSecurityGroupId.Malformed', 400,
          `${driver.name} SecurityGroupIds=${SecurityGroupIds.slice(0, 60)}`);
      }
    }
  });

  test('refuses malformed filters and paging parameters', async () => {
    const cases = [
      [{}, 'MissingParameter.RegionId', 400],
      [{ RegionId: REGION, SecurityGroupType: 'premium' }, 'InvalidParameter.SecurityGroupType', 400],
      [{ RegionId: REGION, NetworkType: 'internet' }, 'InvalidNetworkType.Malformed', 400],
      [{ RegionId: REGION, MaxResults: 0 }, 'InvalidParameter.MaxResults', 400],
      [{ RegionId: REGION, MaxResults: 101 }, 'InvalidParameter.MaxResults', 400],
      [{ RegionId: REGION, PageSize: 51 }, 'InvalidPageSize.Malformed', 400],
      [{ RegionId: REGION, MaxResults: 10, PageSize: 10 }, 'NotSupported.PageNumberAndPageSize', 400],
      [{ RegionId: REGION, MaxResults: 10, NextToken: 'not-a-token' }, 'InValidParameter.NextToken', 400],
      [{ RegionId: REGION, DryRun: true }, 'DryRunOperation', 400],
    ];
    for (const driver of drivers()) {
      for (const [params, code, status] of cases) {
        await assertAcsError(driver.describeSecurityGroups(params), code, status, `${driver.name} ${JSON.stringify(params)}`);
      }
    }
  });

  test('accepts the paging boundaries MaxResults 1 and 100, PageSize 1 and 50, and DryRun=false', async (t) => {
    const clean = cleanup(t);
    const name = uniqueName('sg-bounds');
    const ids = descending([await newGroup(clean, { SecurityGroupName: name }), await newGroup(clean, { SecurityGroupName: name })]);
    for (const driver of drivers()) {
      const list = (params) => driver.describeSecurityGroups({ RegionId: REGION, SecurityGroupName: name, ...params });
      const one = await list({ MaxResults: 1 });
      assert.deepEqual(idsOf(one), ids.slice(0, 1), driver.name);
      assert.ok(one.NextToken, driver.name);
      const hundred = await list({ MaxResults: 100 });
      assert.deepEqual(idsOf(hundred), ids, driver.name);
      assert.equal(hundred.NextToken, undefined, driver.name);
      const size1 = await list({ PageSize: 1 });
      assert.deepEqual(idsOf(size1), ids.slice(0, 1), driver.name);
      assert.equal(size1.PageSize, 1);
      assert.equal(size1.TotalCount, 2);
      const size50 = await list({ PageSize: 50 });
      assert.deepEqual(idsOf(size50), ids, driver.name);
      assert.equal(size50.PageSize, 50);
      assert.deepEqual(idsOf(await list({ DryRun: false })), ids, `${driver.name} DryRun=false`);
    }
  });

  test('ServiceManaged=true lists only managed groups', async (t) => {
    const clean = cleanup(t);
    const name = uniqueName('sg-managed');
    const managed = await newGroup(clean, { SecurityGroupName: name });
    const plain = await newGroup(clean, { SecurityGroupName: name });
    const flags = await setSecurityGroupFlags(managed, { ServiceManaged: true, ServiceId: 123 });
    assert.match(flags.RequestId, UUID);
    assert.equal(flags.SecurityGroupId, managed);
    assert.equal(flags.ServiceManaged, true);
    assert.equal(flags.ServiceId, 123);
    assert.equal(flags.DeletionProtection, false);
    for (const driver of drivers()) {
      const body = await driver.describeSecurityGroups({ RegionId: REGION, SecurityGroupName: name, ServiceManaged: true });
      assert.deepEqual(idsOf(body), [managed], driver.name);
      assert.equal(body.SecurityGroups.SecurityGroup[0].ServiceManaged, true);
      assert.equal(body.SecurityGroups.SecurityGroup[0].ServiceID, 123);
      const unfiltered = await driver.describeSecurityGroups({ RegionId: REGION, SecurityGroupName: name });
      assert.deepEqual(idsOf(unfiltered), descending([managed, plain]), driver.name);
      assert.equal(unfiltered.SecurityGroups.SecurityGroup.find((g) => g.SecurityGroupId === plain).ServiceManaged, false);
    }
  });
});

describe('DescribeSecurityGroupAttribute', () => {
  test('accepts every Direction, NicType, and MaxResults 10-1000', async (t) => {
    const clean = cleanup(t);
    const id = await newGroup(clean, { SecurityGroupName: 'attrs', Description: 'attributes' });
    for (const params of [{ Direction: 'ingress' }, { Direction: 'egress' }, { Direction: 'all' }, { NicType: 'intranet' },
      { NicType: 'internet' }, { MaxResults: 10 }, { MaxResults: 1000 }]) {
      const body = await sdk.describeSecurityGroupAttribute({ RegionId: REGION, SecurityGroupId: id, ...params });
      assert.equal(body.SecurityGroupId, id, JSON.stringify(params));
      assert.equal(body.SecurityGroupName, 'attrs');
      assert.equal(body.Description, 'attributes');
      assert.deepEqual(body.Permissions.Permission, [], JSON.stringify(params));
    }
  });

  test('errors: unknown group, missing RegionId, unsupported Attribute or NicType', async (t) => {
    const clean = cleanup(t);
    const id = await newGroup(clean);
    for (const driver of drivers()) {
      const cases = [
        [{ RegionId: REGION, SecurityGroupId: UNKNOWN_SG }, 'InvalidSecurityGroupId.NotFound', 404],
        [{ RegionId: 'cn-shanghai', SecurityGroupId: id }, 'InvalidSecurityGroupId.NotFound', 404],
        [{ SecurityGroupId: id }, 'MissingParameter.RegionId', 400],
        [{ RegionId: REGION, SecurityGroupId: id, Attribute: 'rules' }, 'InvalidParameter.AttributeNotSupported', 400],
        [{ RegionId: REGION, SecurityGroupId: id, NicType: 'wan' }, 'InvalidNicType.ValueNotSupported', 400],
      ];
      for (const [params, code, status] of cases) {
        await assertAcsError(driver.describeSecurityGroupAttribute(params), code, status, `${driver.name} ${JSON.stringify(params)}`);
      }
    }
    const theirs = drivers(ACCOUNTS.test2)[0];
    await assertAcsError(theirs.describeSecurityGroupAttribute({ RegionId: REGION, SecurityGroupId: id }),
      'InvalidSecurityGroupId.NotFound', 404, 'another account');
  });
});

describe('ModifySecurityGroupAttribute', () => {
  test('changes only the given fields', async (t) => {
    const clean = cleanup(t);
    const id = await newGroup(clean, { SecurityGroupName: 'original', Description: 'original description' });
    await sdk.modifySecurityGroupAttribute({ RegionId: REGION, SecurityGroupId: id, Description: 'new description' });
    let attr = await sdk.describeSecurityGroupAttribute({ RegionId: REGION, SecurityGroupId: id });
    assert.equal(attr.SecurityGroupName, 'original');
    assert.equal(attr.Description, 'new description');
    await sdk.modifySecurityGroupAttribute({ RegionId: REGION, SecurityGroupId: id, SecurityGroupName: 'renamed' });
    attr = await sdk.describeSecurityGroupAttribute({ RegionId: REGION, SecurityGroupId: id });
    assert.equal(attr.SecurityGroupName, 'renamed');
    assert.equal(attr.Description, 'new description');
    assert.equal((await describeOne(sdk, id)).SecurityGroupName, 'renamed');
  });

  test('errors: unknown group InvalidSecurityGroupId.NotFound, bad name InvalidSecurityGroupName.Malformed', async (t) => {
    const clean = cleanup(t);
    const id = await newGroup(clean, { SecurityGroupName: 'keepme' });
    for (const driver of drivers()) {
      await assertAcsError(driver.modifySecurityGroupAttribute({ RegionId: REGION, SecurityGroupId: UNKNOWN_SG, SecurityGroupName: 'abc' }),
        'InvalidSecurityGroupId.NotFound', 404, driver.name);
      for (const SecurityGroupName of ['a', '9lives', 'http://x', 'https://x', 'n'.repeat(129)]) {
        await assertAcsError(driver.modifySecurityGroupAttribute({ RegionId: REGION, SecurityGroupId: id, SecurityGroupName }),
          'InvalidSecurityGroupName.Malformed', 400, `${driver.name} ${SecurityGroupName}`);
      }
    }
    await assertAcsError(drivers(ACCOUNTS.test2)[2].modifySecurityGroupAttribute({ RegionId: REGION, SecurityGroupId: id, SecurityGroupName: 'stolen' }),
      'InvalidSecurityGroupId.NotFound', 404, 'another account');
    assert.equal((await describeOne(sdk, id)).SecurityGroupName, 'keepme');
  });
});

describe('ModifySecurityGroupPolicy', () => {
  test('takes Accept or Drop in any case, with or without ClientToken', async (t) => {
    const clean = cleanup(t);
    const id = await newGroup(clean);
    const policy = async () => (await sdk.describeSecurityGroupAttribute({ RegionId: REGION, SecurityGroupId: id })).InnerAccessPolicy;
    assert.equal(await policy(), 'Accept', 'a basic group starts with Accept');
    for (const driver of drivers()) {
      for (const [value, expected] of [['drop', 'Drop'], ['ACCEPT', 'Accept'], ['DrOp', 'Drop'], ['Accept', 'Accept']]) {
        await driver.modifySecurityGroupPolicy({ RegionId: REGION, SecurityGroupId: id, InnerAccessPolicy: value, ClientToken: uniqueName('tok') });
        assert.equal(await policy(), expected, `${driver.name} ${value}`);
      }
    }
  });

  test('errors: bad value, missing RegionId (sic), enterprise group (404)', async (t) => {
    const clean = cleanup(t);
    const VpcId = await newVpc(clean);
    const basic = await newGroup(clean);
    const enterprise = await newGroup(clean, { VpcId, SecurityGroupType: 'enterprise' });
    for (const driver of drivers()) {
      for (const InnerAccessPolicy of ['Allow', 'Deny', 'true']) {
        await assertAcsError(driver.modifySecurityGroupPolicy({ RegionId: REGION, SecurityGroupId: basic, InnerAccessPolicy }),
          'InvalidPolicy.Malformed', 400, `${driver.name} ${InnerAccessPolicy}`);
      }
      await assertAcsError(driver.modifySecurityGroupPolicy({ SecurityGroupId: basic, InnerAccessPolicy: 'Drop' }),
        'MissingParamter.RegionId', 400, driver.name);
      for (const InnerAccessPolicy of ['Accept', 'Drop']) {
        await assertAcsError(driver.modifySecurityGroupPolicy({ RegionId: REGION, SecurityGroupId: enterprise, InnerAccessPolicy }),
          'InvalidParameter.InnerAccessPolicy', 404, `${driver.name} ${InnerAccessPolicy}`);
      }
    }
    const attr = await sdk.describeSecurityGroupAttribute({ RegionId: REGION, SecurityGroupId: basic });
    assert.equal(attr.InnerAccessPolicy, 'Accept', 'no refused call changed the policy');
    assert.equal((await sdk.describeSecurityGroupAttribute({ RegionId: REGION, SecurityGroupId: enterprise })).InnerAccessPolicy, 'Drop');
  });
});

describe('DeleteSecurityGroup', () => {
  test('an unknown group, or one of another region or account, is InvalidSecurityGroup.NotFound', async (t) => {
    const clean = cleanup(t);
    const id = await newGroup(clean);
    for (const driver of drivers()) {
      await assertAcsError(driver.deleteSecurityGroup({ RegionId: REGION, SecurityGroupId: UNKNOWN_SG }), 'InvalidSecurityGroup.NotFound', 404, driver.name);
      await assertAcsError(driver.deleteSecurityGroup({ RegionId: 'cn-shanghai', SecurityGroupId: id }), 'InvalidSecurityGroup.NotFound', 404, driver.name);
    }
    await assertAcsError(drivers(ACCOUNTS.test2)[3].deleteSecurityGroup({ RegionId: REGION, SecurityGroupId: id }),
      'InvalidSecurityGroup.NotFound', 404, 'another account');
    assert.equal((await describeOne(sdk, id)).SecurityGroupId, id, 'still there');
  });

  test('deletion protection refuses with InvalidOperation.DeletionProtection until lifted', async (t) => {
    const clean = cleanup(t);
    const id = await newGroup(clean);
    const flags = await setSecurityGroupFlags(id, { DeletionProtection: true });
    assert.equal(flags.DeletionProtection, true);
    assert.equal(flags.ServiceManaged, false);
    for (const driver of drivers()) {
      await assertAcsError(driver.deleteSecurityGroup({ RegionId: REGION, SecurityGroupId: id }), 'InvalidOperation.DeletionProtection', 400, driver.name);
    }
    // Protection does not block modification.
    await sdk.modifySecurityGroupAttribute({ RegionId: REGION, SecurityGroupId: id, Description: 'protected' });
    // Absent flags are unchanged.
    const managedToo = await setSecurityGroupFlags(id, { ServiceManaged: true, ServiceId: 123 });
    assert.equal(managedToo.DeletionProtection, true);
    const lifted = await setSecurityGroupFlags(id, { ServiceManaged: false, DeletionProtection: false });
    assert.equal(lifted.DeletionProtection, false);
    assert.equal(lifted.ServiceManaged, false);
    await sdk.deleteSecurityGroup({ RegionId: REGION, SecurityGroupId: id });
    assert.equal((await sdk.describeSecurityGroups({ RegionId: REGION, SecurityGroupId: id })).TotalCount, 0);
  });

  test('a group managed by a cloud product is InvalidOperation.ResourceManagedByCloudProduct for delete and modify', async (t) => {
    const clean = cleanup(t);
    const id = await newGroup(clean, { SecurityGroupName: 'managed', Description: 'managed group' });
    await setSecurityGroupFlags(id, { ServiceManaged: true, ServiceId: 123 });
    for (const driver of drivers()) {
      await assertAcsError(driver.deleteSecurityGroup({ RegionId: REGION, SecurityGroupId: id }),
        'InvalidOperation.ResourceManagedByCloudProduct', 403, `${driver.name} delete`);
      await assertAcsError(driver.modifySecurityGroupAttribute({ RegionId: REGION, SecurityGroupId: id, Description: 'changed' }),
        'InvalidOperation.ResourceManagedByCloudProduct', 403, `${driver.name} modify attribute`);
      await assertAcsError(driver.modifySecurityGroupPolicy({ RegionId: REGION, SecurityGroupId: id, InnerAccessPolicy: 'Drop' }),
        'InvalidOperation.ResourceManagedByCloudProduct', 403, `${driver.name} modify policy`);
    }
    const attr = await sdk.describeSecurityGroupAttribute({ RegionId: REGION, SecurityGroupId: id });
    assert.equal(attr.Description, 'managed group');
    assert.equal(attr.InnerAccessPolicy, 'Accept');
    await setSecurityGroupFlags(id, { ServiceManaged: false });
    await sdk.deleteSecurityGroup({ RegionId: REGION, SecurityGroupId: id });
  });

  test('DeleteVpc is DependencyViolation.SecurityGroup while the VPC holds a group', async (t) => {
    const clean = cleanup(t);
    const VpcId = await newVpc(clean);
    const id = await newGroup(clean, { VpcId });
    for (const driver of drivers()) {
      await assertAcsError(driver.deleteVpc({ RegionId: REGION, VpcId }), 'DependencyViolation.SecurityGroup', 400, driver.name);
    }
    assert.equal((await sdk.describeVpcs({ RegionId: REGION, VpcId })).TotalCount, 1);
    await sdk.deleteSecurityGroup({ RegionId: REGION, SecurityGroupId: id });
    await sdk.deleteVpc({ RegionId: REGION, VpcId });
    assert.equal((await sdk.describeVpcs({ RegionId: REGION, VpcId })).TotalCount, 0);
  });
});
