// The web console in Strict mode (SG_STRICT_ENDPOINT), headless Chromium: nothing under /console but sign-in opens
// without a session; a wrong AccessKey pair is refused; signed in, the console acts as that account and no other
// (read back with signed API calls); every POST needs the antiforgery token; sign-out ends the session; signed in,
// every console page passes axe-core.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNTS, signRpc } from '../sdk/clients.mjs';
import { TEST_TIMEOUT, REGION, ECS, baseUrl, launch, openPage, assertAccessible, shoot, go, submit } from './console-helpers.mjs';

const BASE = process.env.SG_STRICT_ENDPOINT ? baseUrl('SG_STRICT_ENDPOINT') : undefined;
const LIST = `/console/${REGION}/security-groups`;

/** A signed (HMAC-SHA1) RPC call as `account`. */
async function signed(account, action, params, version = ECS) {
  const q = new URLSearchParams(signRpc({ Action: action, Version: version, RegionId: REGION, ...params }, { account }));
  const response = await fetch(`${BASE}/?${q}`);
  return { status: response.status, body: await response.json() };
}

/** Like signed(), failing unless the call succeeds. */
async function ok(account, action, params, version = ECS) {
  const { status, body } = await signed(account, action, params, version);
  assert.equal(status, 200, `${action}: ${JSON.stringify(body)}`);
  return body;
}

describe('Web console: Strict sign-in (headless Chromium)', { timeout: 10 * TEST_TIMEOUT }, () => {
  let browser;
  let context;
  let page;
  let errors;

  before(async () => {
    assert.ok(BASE, 'SG_STRICT_ENDPOINT is not set');
    ({ browser, context } = await launch());
    ({ page, errors } = await openPage(context));
  });

  after(async () => {
    await context?.close().catch(() => {});
    await browser?.close();
  });

  it('without a session every console page redirects to sign-in; a wrong pair is refused and sets no session', { timeout: TEST_TIMEOUT }, async () => {
    for (const path of ['/console', `${LIST}`, `/console/${REGION}/why?src=1.2.3.4&dst=i-x`, `/CONSOLE/${REGION}/findings`]) {
      const response = await fetch(`${BASE}${path}`, { redirect: 'manual' });
      assert.equal(response.status, 302, path);
      assert.match(response.headers.get('location'), /^\/console\/signin\?ReturnUrl=/, path);
    }
    await go(page, `${BASE}${LIST}?name=x`);
    assert.equal(new URL(page.url()).pathname, '/console/signin');
    await assertAccessible(page, 'sign-in');
    await shoot(page, 'signin');

    await page.fill('#signin-key', 'test2');
    await page.fill('#signin-secret', 'not-the-secret');
    await submit(page, '#signin-submit');
    assert.equal(await page.locator('.refusal').getAttribute('data-code'), 'InvalidAccessKeyId.NotFound');
    assert.equal(await page.locator('#signin-secret').inputValue(), '', 'the secret is not echoed back');
    assert.equal((await context.cookies()).some((c) => c.name === 'sg-console'), false);
    const still = await page.request.get(`${BASE}${LIST}`, { maxRedirects: 0 });
    assert.equal(still.status(), 302);
  });

  it('signed in as test2, the console acts as that account only; POSTs need the antiforgery token; sign-out ends it', { timeout: TEST_TIMEOUT }, async () => {
    await go(page, `${BASE}${LIST}?create=1`);
    await page.fill('#signin-key', 'test2');
    await page.fill('#signin-secret', 'secret2');
    await submit(page, '#signin-submit');
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, `${LIST}?create=1`, 'back where the redirect started');
    assert.match(await page.locator('#account').textContent(), /Signed in as test2 \(account 2222222222222222\)/);
    const cookie = (await context.cookies()).find((c) => c.name === 'sg-console');
    assert.ok(cookie, 'session cookie');
    assert.deepEqual([cookie.httpOnly, cookie.sameSite, cookie.path], [true, 'Strict', '/console']);

    const name = `strict-${Date.now()}`;
    await page.fill('#create-name', name);
    await submit(page, '#create-submit');
    const id = new URL(page.url()).pathname.split('/').pop();
    const mine = await signed(ACCOUNTS.test2, 'DescribeSecurityGroups', { SecurityGroupId: id });
    assert.equal(mine.status, 200);
    assert.equal(mine.body.SecurityGroups.SecurityGroup[0]?.SecurityGroupName, name);
    const theirs = await signed(ACCOUNTS.test, 'DescribeSecurityGroups', { SecurityGroupId: id });
    assert.equal(theirs.body.TotalCount, 0, "the group is test2's, not test's");

    // test's group is not reachable through test2's console.
    const { body: created } = await signed(ACCOUNTS.test, 'CreateSecurityGroup', { SecurityGroupName: `other-${Date.now()}` });
    await go(page, `${BASE}${LIST}/${created.SecurityGroupId}`);
    assert.equal(await page.locator('.refusal').getAttribute('data-code'), 'InvalidSecurityGroupId.NotFound');

    // A POST without the antiforgery token is refused before any handler runs.
    const forged = await page.request.post(`${BASE}${LIST}?create=1`, {
      form: { _handler: 'create-group', 'Create.Name': 'forged', 'Create.Type': 'normal' }, maxRedirects: 0,
    });
    assert.equal(forged.status(), 400);
    assert.equal((await signed(ACCOUNTS.test2, 'DescribeSecurityGroups', { SecurityGroupName: 'forged' })).body.TotalCount, 0);

    await shoot(page, 'strict-signed-in');
    await submit(page, '#account button');
    assert.equal(new URL(page.url()).pathname, '/console/signin');
    const after = await page.request.get(`${BASE}${LIST}`, { maxRedirects: 0 });
    assert.equal(after.status(), 302, 'signed out');
    assert.deepEqual(errors, []);
  });

  it('signed in, every console page passes axe-core (no serious or critical violation)', { timeout: 3 * TEST_TIMEOUT }, async () => {
    const me = ACCOUNTS.test;
    const { VpcId } = await ok(me, 'CreateVpc', { CidrBlock: '10.8.0.0/16', VpcName: 'axe-vpc' }, '2016-04-28');
    const { VSwitchId } = await ok(me, 'CreateVSwitch', { VpcId, CidrBlock: '10.8.1.0/24', ZoneId: `${REGION}-h` }, '2016-04-28');
    const { SecurityGroupId: sg } = await ok(me, 'CreateSecurityGroup', { VpcId, SecurityGroupName: `axe-${Date.now()}` });
    await ok(me, 'AuthorizeSecurityGroup', { SecurityGroupId: sg, 'Permissions.1.IpProtocol': 'TCP', 'Permissions.1.PortRange': '22/22', 'Permissions.1.SourceCidrIp': '0.0.0.0/0' });
    const rule = (await ok(me, 'DescribeSecurityGroupAttribute', { SecurityGroupId: sg })).Permissions.Permission[0].SecurityGroupRuleId;
    const run = await ok(me, 'RunInstances', { VSwitchId, SecurityGroupId: sg, Amount: '2', InstanceType: 'ecs.g7.large', ImageId: 'ubuntu_22_04_x64_20G_alibase_20240101.vhd' });
    const [a, b] = run.InstanceIdSets.InstanceIdSet;

    await go(page, `${BASE}/console/${REGION}/snapshots`);
    await page.fill('#signin-key', me.accessKeyId);
    await page.fill('#signin-secret', me.accessKeySecret);
    await submit(page, '#signin-submit');
    assert.equal(new URL(page.url()).pathname, `/console/${REGION}/snapshots`);
    await submit(page, '#snapshot-take');
    const snapshot = new URL(page.url()).searchParams.get('snapshot');
    assert.ok(snapshot, 'a snapshot taken as the signed-in account');

    const C = `/console/${REGION}`;
    const pages = [
      `${LIST}`, `${LIST}?create=1`, `${LIST}?delete=${sg}`, `${LIST}/${sg}`, `${LIST}/${sg}?direction=egress`, `${LIST}/${sg}?direction=members`,
      `${LIST}/${sg}?direction=ingress&add=SSH`, `${LIST}/${sg}?direction=ingress&edit=${rule}`, `${LIST}/${sg}?direction=ingress&revoke=${rule}`,
      `${LIST}/${sg}?clone=1`, `${LIST}/${sg}/import`, `${C}/lists`, `${C}/why?src=${a}&dst=${b}&proto=TCP&port=22`,
      `${C}/matrix?vpc=${VpcId}&proto=TCP&port=22`, `${C}/exposure?instance=${b}&proto=TCP&port=22`, `${C}/graph?vpc=${VpcId}`, `${C}/findings`,
      `${C}/snapshots?snapshot=${snapshot}`, `${C}/snapshots?snapshot=${snapshot}&restore=1`,
    ];
    for (const path of pages) {
      await go(page, `${BASE}${path}`);
      assert.equal(new URL(page.url()).pathname, path.split('?')[0], `${path}: still signed in`);
      assert.match(await page.locator('#account').textContent(), /Signed in as test \(account 1234567890123456\)/, path);
      await assertAccessible(page, `${path} (Strict, signed in)`);
    }
    assert.deepEqual(errors, []);
  });
});
