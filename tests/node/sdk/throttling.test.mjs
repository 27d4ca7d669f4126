// API flow control (Throttling section, off by default) as the official SDKs see it: past the limit of calls per
// (account, Action, region) and minute, Throttling.User with HTTP 400 and x-acs-retry-after in milliseconds, which the
// v7 SDK surfaces as a ThrottlingError with retryAfter (its retry policy waits that long). The server under test allows
// 2 calls per clock minute.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNTS, Ecs, Vpc, assertAcsError, ecsClient, popClient, throttledEndpoint, vpcClient, ECS_VERSION } from './clients.mjs';

// Windows are clock minutes: a test whose calls straddled a minute would start a fresh window halfway, so each test
// starts at least 10 s before the next minute.
async function awayFromAMinuteBoundary() {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 10_000) await new Promise((resolve) => setTimeout(resolve, left + 100));
}

test('v7 SDK: the third DescribeRegions in a minute is a ThrottlingError with retryAfter', async () => {
  await awayFromAMinuteBoundary();
  const ecs = ecsClient({ endpoint: throttledEndpoint() });
  for (let i = 0; i < 2; i++) {
    const response = await ecs.describeRegions(new Ecs.DescribeRegionsRequest({}));
    assert.equal(response.statusCode, 200);
  }
  const error = await assertAcsError(() => ecs.describeRegions(new Ecs.DescribeRegionsRequest({})), 'Throttling.User', 400);
  assert.equal(error.name, 'ThrottlingError');
  assert.equal(typeof error.retryAfter, 'number', 'retryAfter comes from x-acs-retry-after');
  assert.ok(error.retryAfter > 0 && error.retryAfter <= 60_000, `retryAfter ${error.retryAfter} ms is within the minute`);
});

test('v7 SDK: another account, Action or region has its own window', async () => {
  await awayFromAMinuteBoundary();
  const endpoint = throttledEndpoint();
  const other = ecsClient({ endpoint, account: ACCOUNTS.test2 });
  assert.equal((await other.describeRegions(new Ecs.DescribeRegionsRequest({}))).statusCode, 200);
  const vpc = vpcClient({ endpoint });
  for (let i = 0; i < 2; i++) {
    assert.equal((await vpc.describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'cn-shanghai' }))).statusCode, 200);
  }
  // cn-shanghai has used its 2 calls of this minute; cn-beijing has its own window.
  assert.equal((await vpc.describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'cn-beijing' }))).statusCode, 200);
});

test('pop-core: the throttled call rejects with code Throttling.User', async () => {
  await awayFromAMinuteBoundary();
  const pop = popClient({ endpoint: throttledEndpoint(), apiVersion: ECS_VERSION });
  const params = { RegionId: 'ap-southeast-1' };
  await pop.request('DescribeSecurityGroups', params, { method: 'POST' });
  await pop.request('DescribeSecurityGroups', params, { method: 'POST' });
  await assertAcsError(() => pop.request('DescribeSecurityGroups', params, { method: 'POST' }), 'Throttling.User', 400);
});
