// ECS 2014-05-26: DescribeRegions through the official SDKs.
import { test, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Ecs, assertAcsError, drivers, ecsClient, resetEmulator, sdk } from './clients.mjs';

before(resetEmulator);

const EXPECTED = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'ap-southeast-1', 'us-west-1', 'eu-central-1'];

function byId(body) {
  assert.ok(Array.isArray(body.Regions?.Region), `Regions.Region is a list: ${JSON.stringify(body)}`);
  return new Map(body.Regions.Region.map((r) => [r.RegionId, r]));
}

function assertWellFormed(body) {
  const regions = byId(body);
  assert.equal(regions.size, body.Regions.Region.length, 'RegionIds are unique');
  for (const id of EXPECTED) {
    assert.ok(regions.has(id), `${id} is listed`);
  }
  for (const region of body.Regions.Region) {
    assert.match(region.RegionId, /^[a-z]{2}-[a-z]+(-\d+)?$/, region.RegionId);
    assert.equal(region.Status, 'available', region.RegionId);
    assert.equal(typeof region.LocalName, 'string', region.RegionId);
    assert.ok(region.LocalName.length > 0, `${region.RegionId} has a LocalName`);
    assert.match(region.RegionEndpoint, /^ecs(\.[a-z0-9-]+)?\.aliyuncs\.com$/, region.RegionId);
  }
  return regions;
}

describe('DescribeRegions with every client', () => {
  for (const driver of drivers()) {
    test(driver.name, async () => {
      const en = await driver.describeRegions({ AcceptLanguage: 'en-US' });
      assert.match(en.RequestId, /^[0-9A-F-]{36}$/);
      const regions = assertWellFormed(en);
      assert.equal(regions.get('cn-hangzhou').LocalName, 'China (Hangzhou)');
      assert.equal(regions.get('cn-shanghai').LocalName, 'China (Shanghai)');
      assert.equal(regions.get('ap-southeast-1').LocalName, 'Singapore');

      const zh = assertWellFormed(await driver.describeRegions({ AcceptLanguage: 'zh-CN' }));
      assert.match(zh.get('cn-hangzhou').LocalName, /杭州/);
      assert.deepEqual([...zh.keys()], [...regions.keys()], 'the same regions in the same order in every language');
    });
  }
});

test('v7 ECS SDK maps DescribeRegions into its camelCase model', async () => {
  const response = await ecsClient().describeRegions(new Ecs.DescribeRegionsRequest({ acceptLanguage: 'en-US' }));
  assert.equal(response.statusCode, 200);
  assert.ok(response.body instanceof Ecs.DescribeRegionsResponseBody);
  const hangzhou = response.body.regions.region.find((r) => r.regionId === 'cn-hangzhou');
  assert.ok(hangzhou, 'cn-hangzhou is listed');
  assert.equal(hangzhou.localName, 'China (Hangzhou)');
  assert.equal(hangzhou.status, 'available');
  assert.match(hangzhou.regionEndpoint, /aliyuncs\.com$/);
});

test('the default AcceptLanguage is zh-CN', async () => {
  const byDefault = byId(await sdk.describeRegions({}));
  const zh = byId(await sdk.describeRegions({ AcceptLanguage: 'zh-CN' }));
  const en = byId(await sdk.describeRegions({ AcceptLanguage: 'en-US' }));
  for (const id of EXPECTED) {
    assert.equal(byDefault.get(id).LocalName, zh.get(id).LocalName, id);
    assert.notEqual(zh.get(id).LocalName, en.get(id).LocalName, `${id} has a Chinese name distinct from the English one`);
  }
  assert.match(byDefault.get('cn-beijing').LocalName, /北京/);
});

test('AcceptLanguage ja gives Japanese names', async () => {
  const ja = assertWellFormed(await sdk.describeRegions({ AcceptLanguage: 'ja' }));
  const en = byId(await sdk.describeRegions({ AcceptLanguage: 'en-US' }));
  assert.match(ja.get('ap-southeast-1').LocalName, /シンガポール/);
  assert.match(ja.get('cn-hangzhou').LocalName, /杭州/);
  for (const id of EXPECTED) {
    assert.notEqual(ja.get(id).LocalName, en.get(id).LocalName, `${id} is not in English`);
  }
});

test('an unsupported AcceptLanguage is InvalidAcceptLanguage.NotFound', async () => {
  for (const driver of drivers()) {
    await assertAcsError(driver.describeRegions({ AcceptLanguage: 'fr-FR' }), 'InvalidAcceptLanguage.NotFound', 404, driver.name);
  }
});

test('the listed regions are the ones the VPC API accepts', async () => {
  const regions = byId(await sdk.describeRegions({ AcceptLanguage: 'en-US' }));
  for (const RegionId of regions.keys()) {
    const body = await sdk.describeVpcs({ RegionId });
    assert.equal(typeof body.TotalCount, 'number', RegionId);
  }
  assert.ok(!regions.has('xx-nowhere-1'));
  await assertAcsError(sdk.describeVpcs({ RegionId: 'xx-nowhere-1' }), 'InvalidRegionId.NotFound', 404);
});
