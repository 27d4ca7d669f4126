// ECS 2014-05-26: TagResources, UntagResources, ListTagResources on security groups through the official SDKs.
import { test, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACCOUNTS, Ecs, REGION, UUID, assertAcsError, cleanup, drivers, ecsClient, resetEmulator, resourceId, sdk, uniqueName,
} from './clients.mjs';

before(resetEmulator);

const TYPE = 'securitygroup';
const UNKNOWN_SG = 'sg-doesnotexist0000000';

/** Creates a security group (deleted after the test) and returns its ID. */
async function newGroup(clean, params = {}, driver = sdk) {
  const created = await driver.createSecurityGroup({ RegionId: REGION, SecurityGroupName: uniqueName('tagged'), ...params });
  assert.match(created.SecurityGroupId, resourceId('sg'));
  clean.securityGroup(created.SecurityGroupId, params.RegionId ?? REGION);
  return created.SecurityGroupId;
}

/** `n` distinct tags key00..key{n-1} (two-digit keys sort in creation order). */
const tags = (n, prefix = 'key') => Array.from({ length: n }, (_, i) => ({ Key: `${prefix}${String(i).padStart(2, '0')}`, Value: `v${i}` }));

const row = (ResourceId, TagKey, TagValue) => ({ ResourceId, ResourceType: TYPE, TagKey, TagValue });

/** Ordinal order by ResourceId, then TagKey: the order ListTagResources promises. */
const ordered = (rows) => [...rows].sort((x, y) => (x.ResourceId < y.ResourceId ? -1 : x.ResourceId > y.ResourceId ? 1
  : x.TagKey < y.TagKey ? -1 : x.TagKey > y.TagKey ? 1 : 0));

/** All rows of ListTagResources for `params`, following NextToken; asserts each page is well formed. */
async function listAll(driver, params) {
  const rows = [];
  let NextToken;
  for (let pages = 1; ; pages++) {
    const page = await driver.listTagResources({ RegionId: REGION, ResourceType: TYPE, ...params, NextToken });
    assert.match(page.RequestId, UUID);
    assert.equal(typeof page.NextToken, 'string', `NextToken is always a string: ${JSON.stringify(page).slice(0, 200)}`);
    rows.push(...page.TagResources.TagResource);
    if (page.NextToken === '') return rows;
    assert.equal(page.TagResources.TagResource.length, 50, 'a page that is not the last holds 50 rows');
    assert.ok(pages < 20, 'too many pages');
    NextToken = page.NextToken;
  }
}

/** The tags of one group as DescribeSecurityGroups shows them, sorted by key. */
async function describedTags(SecurityGroupId) {
  const body = await sdk.describeSecurityGroups({ RegionId: REGION, SecurityGroupId });
  assert.equal(body.TotalCount, 1);
  return [...body.SecurityGroups.SecurityGroup[0].Tags.Tag].sort((a, b) => (a.TagKey < b.TagKey ? -1 : 1));
}

describe('tag, list and untag with every client', () => {
  for (const driver of drivers()) {
    test(driver.name, async (t) => {
      const clean = cleanup(t);
      const owner = uniqueName(driver.kind);
      const a = await newGroup(clean);
      const b = await newGroup(clean);
      const c = await newGroup(clean, { Tag: [{ Key: 'env', Value: 'dev' }] });

      const tagged = await driver.tagResources({
        RegionId: REGION, ResourceType: TYPE, ResourceId: [a, b], Tag: [{ Key: 'env', Value: 'test' }, { Key: 'owner', Value: owner }],
      });
      assert.match(tagged.RequestId, UUID);
      // An existing key gets the new value; a new key is added.
      await driver.tagResources({ RegionId: REGION, ResourceType: TYPE, ResourceId: [b], Tag: [{ Key: 'env', Value: 'prod' }, { Key: 'tier', Value: 'web' }] });

      const all = ordered([
        row(a, 'env', 'test'), row(a, 'owner', owner),
        row(b, 'env', 'prod'), row(b, 'owner', owner), row(b, 'tier', 'web'),
        row(c, 'env', 'dev'),
      ]);
      const listed = await driver.listTagResources({ RegionId: REGION, ResourceType: TYPE, ResourceId: [c, b, a] });
      assert.match(listed.RequestId, UUID);
      assert.equal(listed.NextToken, '');
      assert.deepEqual(listed.TagResources.TagResource, all, 'ordered by ResourceId, then TagKey');
      assert.deepEqual(await describedTags(b), [{ TagKey: 'env', TagValue: 'prod' }, { TagKey: 'owner', TagValue: owner }, { TagKey: 'tier', TagValue: 'web' }]);

      const ids = [a, b, c];
      const of = (...wanted) => all.filter((r) => wanted.includes(r.ResourceId));
      const list = async (params) => (await driver.listTagResources({ RegionId: REGION, ResourceType: TYPE, ResourceId: ids, ...params }))
        .TagResources.TagResource;
      // Tag.N: resources having every given tag.
      assert.deepEqual(await list({ Tag: [{ Key: 'owner', Value: owner }] }), of(a, b), 'Tag owner');
      assert.deepEqual(await list({ Tag: [{ Key: 'owner', Value: owner }, { Key: 'env', Value: 'prod' }] }), of(b), 'Tag owner AND env=prod');
      assert.deepEqual(await list({ Tag: [{ Key: 'env', Value: 'staging' }] }), [], 'Tag env=staging');
      // TagFilter.N: a key and any of its values (no values: any value); several filters must all match.
      assert.deepEqual(await list({ TagFilter: [{ TagKey: 'env', TagValues: ['dev', 'prod'] }] }), of(b, c), 'TagFilter env in dev,prod');
      assert.deepEqual(await list({ TagFilter: [{ TagKey: 'tier' }] }), of(b), 'TagFilter tier, any value');
      assert.deepEqual(await list({ TagFilter: [{ TagKey: 'env', TagValues: ['test', 'dev'] }, { TagKey: 'owner' }] }), of(a), 'two TagFilters');
      assert.deepEqual(await list({ TagFilter: [{ TagKey: 'nope' }] }), [], 'TagFilter on an absent key');
      // Without ResourceId, Tag.N alone selects among the account's resources.
      const byTagOnly = await driver.listTagResources({ RegionId: REGION, ResourceType: TYPE, Tag: [{ Key: 'owner', Value: owner }] });
      assert.deepEqual(byTagOnly.TagResources.TagResource, of(a, b), 'Tag.N without ResourceId');

      const untagged = await driver.untagResources({ RegionId: REGION, ResourceType: TYPE, ResourceId: [a, b], TagKey: ['owner', 'absent-key'] });
      assert.match(untagged.RequestId, UUID);
      assert.deepEqual(await listAll(driver, { ResourceId: ids }), ordered([row(a, 'env', 'test'), row(b, 'env', 'prod'), row(b, 'tier', 'web'), row(c, 'env', 'dev')]));
      await driver.untagResources({ RegionId: REGION, ResourceType: TYPE, ResourceId: [b, c], All: true });
      assert.deepEqual(await listAll(driver, { ResourceId: ids }), [row(a, 'env', 'test')]);
      assert.deepEqual(await describedTags(b), []);
      assert.deepEqual(await describedTags(a), [{ TagKey: 'env', TagValue: 'test' }]);
    });
  }
});

test('v7 SDK maps ListTagResources into its camelCase model', async (t) => {
  const clean = cleanup(t);
  const id = await newGroup(clean);
  const client = ecsClient();
  const tagged = await client.tagResources(new Ecs.TagResourcesRequest({
    regionId: REGION, resourceType: TYPE, resourceId: [id], tag: [new Ecs.TagResourcesRequestTag({ key: 'app', value: 'shop' })],
  }));
  assert.equal(tagged.statusCode, 200);
  const listed = await client.listTagResources(new Ecs.ListTagResourcesRequest({
    regionId: REGION, resourceType: TYPE, resourceId: [id],
    tagFilter: [new Ecs.ListTagResourcesRequestTagFilter({ tagKey: 'app', tagValues: ['shop'] })],
  }));
  assert.equal(listed.statusCode, 200);
  assert.ok(listed.body instanceof Ecs.ListTagResourcesResponseBody);
  assert.equal(listed.body.nextToken, '');
  assert.equal(listed.body.tagResources.tagResource.length, 1);
  const item = listed.body.tagResources.tagResource[0];
  assert.equal(item.resourceId, id);
  assert.equal(item.resourceType, TYPE);
  assert.equal(item.tagKey, 'app');
  assert.equal(item.tagValue, 'shop');
  const untagged = await client.untagResources(new Ecs.UntagResourcesRequest({ regionId: REGION, resourceType: TYPE, resourceId: [id], tagKey: ['app'] }));
  assert.equal(untagged.statusCode, 200);
  assert.match(untagged.body.requestId, UUID);
  const after = await client.listTagResources(new Ecs.ListTagResourcesRequest({ regionId: REGION, resourceType: TYPE, resourceId: [id] }));
  assert.deepEqual(after.body.tagResources.tagResource, []);
});

test('ListTagResources pages 50 rows at a time, NextToken empty on the last page', async (t) => {
  const clean = cleanup(t);
  const ids = [];
  for (let i = 0; i < 3; i++) ids.push(await newGroup(clean, { Tag: tags(20, `g${i}k`) }));
  const expected = ordered(ids.flatMap((id, i) => tags(20, `g${i}k`).map((x) => row(id, x.Key, x.Value))));
  assert.equal(expected.length, 60);
  for (const driver of drivers()) {
    const first = await driver.listTagResources({ RegionId: REGION, ResourceType: TYPE, ResourceId: ids });
    assert.equal(first.TagResources.TagResource.length, 50, driver.name);
    assert.ok(first.NextToken, `${driver.name}: NextToken after page 1`);
    assert.deepEqual(first.TagResources.TagResource, expected.slice(0, 50), driver.name);
    const second = await driver.listTagResources({ RegionId: REGION, ResourceType: TYPE, ResourceId: ids, NextToken: first.NextToken });
    assert.equal(second.NextToken, '', `${driver.name}: last page`);
    assert.deepEqual(second.TagResources.TagResource, expected.slice(50), driver.name);
    assert.deepEqual(await listAll(driver, { ResourceId: ids }), expected, driver.name);
  }
  // Exactly 50 rows fit on one page.
  const fifty = ordered(ids.slice(0, 2).flatMap((id, i) => tags(20, `g${i}k`).map((x) => row(id, x.Key, x.Value))).concat(
    tags(10, 'g2k').map((x) => row(ids[2], x.Key, x.Value))));
  await sdk.untagResources({ RegionId: REGION, ResourceType: TYPE, ResourceId: [ids[2]], TagKey: tags(20, 'g2k').slice(10).map((x) => x.Key) });
  const one = await sdk.listTagResources({ RegionId: REGION, ResourceType: TYPE, ResourceId: ids });
  assert.deepEqual(one.TagResources.TagResource, fifty);
  assert.equal(one.NextToken, '');
});

describe('TagResources', () => {
  test('missing parameters are 404s: RegionId, ResourceType, ResourceIds, Tags', async (t) => {
    const clean = cleanup(t);
    const id = await newGroup(clean);
    const full = { RegionId: REGION, ResourceType: TYPE, ResourceId: [id], Tag: [{ Key: 'k', Value: 'v' }] };
    const without = (name) => Object.fromEntries(Object.entries(full).filter(([k]) => k !== name));
    for (const driver of drivers()) {
      await assertAcsError(driver.tagResources(without('RegionId')), 'MissingParameter.RegionId', 404, driver.name);
      await assertAcsError(driver.tagResources(without('ResourceType')), 'MissingParameter.ResourceType', 404, driver.name);
      await assertAcsError(driver.tagResources(without('ResourceId')), 'MissingParameter.ResourceIds', 404, driver.name);
      await assertAcsError(driver.tagResources(without('Tag')), 'MissingParameter.Tags', 404, driver.name);
    }
    assert.deepEqual(await describedTags(id), [], 'nothing was tagged');
  });

  test('an unknown ResourceType is InvalidResourceType.NotFound', async (t) => {
    const clean = cleanup(t);
    const id = await newGroup(clean);
    for (const driver of drivers()) {
      for (const ResourceType of ['nosuchtype', 'SecurityGroup_']) {
        await assertAcsError(driver.tagResources({ RegionId: REGION, ResourceType, ResourceId: [id], Tag: [{ Key: 'k', Value: 'v' }] }),
          'InvalidResourceType.NotFound', 404, `${driver.name} ${ResourceType}`);
      }
    }
    assert.deepEqual(await describedTags(id), []);
  });

  test('an unknown resource, or one of another region or account, is InvalidResourceId.NotFound and tags nothing', async (t) => {
    const clean = cleanup(t);
    const id = await newGroup(clean);
    const shanghai = await newGroup(clean, { RegionId: 'cn-shanghai' });
    const other = drivers(ACCOUNTS.test2)[1];
    const theirs = await newGroup(cleanup(t, other), {}, other);
    for (const driver of drivers()) {
      for (const ResourceId of [[UNKNOWN_SG], [id, UNKNOWN_SG], [shanghai], [id, theirs]]) {
        await assertAcsError(driver.tagResources({ RegionId: REGION, ResourceType: TYPE, ResourceId, Tag: [{ Key: 'k', Value: 'v' }] }),
          'InvalidResourceId.NotFound', 404, `${driver.name} ${ResourceId}`);
      }
    }
    assert.deepEqual(await describedTags(id), [], 'the known group of a refused request was not tagged');
    const theirTags = await other.listTagResources({ RegionId: REGION, ResourceType: TYPE, ResourceId: [theirs] });
    assert.deepEqual(theirTags.TagResources.TagResource, []);
  });

  test('more than 20 Tag.N is NumberExceed.Tags; more than 50 ResourceId is NumberExceed.ResourceIds', async (t) => {
    const clean = cleanup(t);
    const id = await newGroup(clean);
    const fiftyOne = [id, ...Array.from({ length: 50 }, (_, i) => `sg-${String(i).padStart(20, '0')}`)];
    for (const driver of drivers()) {
      await assertAcsError(driver.tagResources({ RegionId: REGION, ResourceType: TYPE, ResourceId: [id], Tag: tags(21) }),
        'NumberExceed.Tags', 400, driver.name);
      await assertAcsError(driver.tagResources({ RegionId: REGION, ResourceType: TYPE, ResourceId: fiftyOne, Tag: tags(1) }),
        'NumberExceed.ResourceIds', 400, driver.name);
    }
    assert.deepEqual(await describedTags(id), []);
    // 20 tags at once are fine.
    await sdk.tagResources({ RegionId: REGION, ResourceType: TYPE, ResourceId: [id], Tag: tags(20) });
    assert.equal((await describedTags(id)).length, 20);
  });

  test('at most 20 tags per resource in total: OperationDenied.QuotaExceed', async (t) => {
    const clean = cleanup(t);
    const full = await newGroup(clean, { Tag: tags(15) });
    for (const driver of drivers()) {
      await assertAcsError(driver.tagResources({ RegionId: REGION, ResourceType: TYPE, ResourceId: [full], Tag: tags(6, 'new') }),
        'OperationDenied.QuotaExceed', 400, driver.name);
    }
    assert.equal((await describedTags(full)).length, 15, 'a refused request adds nothing');
    await sdk.tagResources({ RegionId: REGION, ResourceType: TYPE, ResourceId: [full], Tag: tags(5, 'new') });
    assert.equal((await describedTags(full)).length, 20);
    // Replacing values of existing keys does not count against the quota.
    await sdk.tagResources({ RegionId: REGION, ResourceType: TYPE, ResourceId: [full], Tag: [{ Key: 'key00', Value: 'replaced' }, { Key: 'new04', Value: 'x' }] });
    const now = await describedTags(full);
    assert.equal(now.length, 20);
    assert.equal(now.find((x) => x.TagKey === 'key00').TagValue, 'replaced');
    await assertAcsError(sdk.tagResources({ RegionId: REGION, ResourceType: TYPE, ResourceId: [full], Tag: [{ Key: 'key00', Value: 'again' }, { Key: 'one-more', Value: 'x' }] }),
      'OperationDenied.QuotaExceed', 400);
    assert.equal((await describedTags(full)).find((x) => x.TagKey === 'key00').TagValue, 'replaced', 'the refused request replaced nothing');

    // A request over the quota on one of its resources changes none of them.
    const empty = await newGroup(clean);
    await assertAcsError(sdk.tagResources({ RegionId: REGION, ResourceType: TYPE, ResourceId: [empty, full], Tag: [{ Key: 'fresh', Value: '1' }] }),
      'OperationDenied.QuotaExceed', 400);
    assert.deepEqual(await describedTags(empty), [], 'the other resource of a refused request was not tagged');
  });
});

describe('UntagResources', () => {
  test('removes only the given keys, or everything with All', async (t) => {
    const clean = cleanup(t);
    const a = await newGroup(clean, { Tag: tags(4) });
    const b = await newGroup(clean, { Tag: tags(4) });
    for (const driver of drivers()) {
      await driver.tagResources({ RegionId: REGION, ResourceType: TYPE, ResourceId: [a, b], Tag: [{ Key: driver.kind + '-x', Value: '1' }] });
      await driver.untagResources({ RegionId: REGION, ResourceType: TYPE, ResourceId: [a, b], TagKey: [driver.kind + '-x'] });
    }
    await sdk.untagResources({ RegionId: REGION, ResourceType: TYPE, ResourceId: [a], TagKey: ['key00', 'key02'] });
    assert.deepEqual((await describedTags(a)).map((x) => x.TagKey), ['key01', 'key03']);
    assert.deepEqual((await describedTags(b)).map((x) => x.TagKey), ['key00', 'key01', 'key02', 'key03'], 'the other group kept its tags');
    await sdk.untagResources({ RegionId: REGION, ResourceType: TYPE, ResourceId: [b], All: true });
    assert.deepEqual(await describedTags(b), []);
    assert.deepEqual((await describedTags(a)).map((x) => x.TagKey), ['key01', 'key03']);
  });

  test('an unknown resource or ResourceType is refused and untags nothing', async (t) => {
    const clean = cleanup(t);
    const id = await newGroup(clean, { Tag: tags(2) });
    for (const driver of drivers()) {
      await assertAcsError(driver.untagResources({ RegionId: REGION, ResourceType: TYPE, ResourceId: [id, UNKNOWN_SG], All: true }),
        'InvalidResourceId.NotFound', 404, driver.name);
      await assertAcsError(driver.untagResources({ RegionId: REGION, ResourceType: 'nosuchtype', ResourceId: [id], All: true }),
        'InvalidResourceType.NotFound', 404, driver.name);
    }
    assert.equal((await describedTags(id)).length, 2);
  });
});

describe('ListTagResources', () => {
  test('lists only the caller account and region', async (t) => {
    const clean = cleanup(t);
    const marker = [{ Key: 'scope', Value: uniqueName('scope') }];
    const mine = await newGroup(clean, { Tag: marker });
    await newGroup(clean, { RegionId: 'cn-shanghai', Tag: marker });
    const other = drivers(ACCOUNTS.test2)[2];
    const theirs = await newGroup(cleanup(t, other), { Tag: marker }, other);
    for (const driver of drivers()) {
      const body = await driver.listTagResources({ RegionId: REGION, ResourceType: TYPE, Tag: marker });
      assert.deepEqual(body.TagResources.TagResource, [row(mine, 'scope', marker[0].Value)], driver.name);
    }
    const theirView = await other.listTagResources({ RegionId: REGION, ResourceType: TYPE, Tag: marker });
    assert.deepEqual(theirView.TagResources.TagResource, [row(theirs, 'scope', marker[0].Value)]);
  });

  test('a garbage NextToken is refused; an unknown ResourceType is InvalidResourceType.NotFound', async () => {
    for (const driver of drivers()) {
      const error = await assertAcsError(
        driver.listTagResources({ RegionId: REGION, ResourceType: TYPE, ResourceId: [UNKNOWN_SG], NextToken: 'garbage!' }),
        'InValidParameter.NextToken', 400, driver.name);
      assert.match(error.data.Message, /NextToken/);
      await assertAcsError(driver.listTagResources({ RegionId: REGION, ResourceType: 'nosuchtype', ResourceId: [UNKNOWN_SG] }),
        'InvalidResourceType.NotFound', 404, driver.name);
    }
  });
});
