// The web console in Strict mode (SG_STRICT_ENDPOINT), headless Chromium: nothing under /console but sign-in opens
// without a session; a wrong AccessKey pair is refused; signed in, the console acts as that account and no other
// (read back with signed API calls); every POST needs the antiforgery token; sign-out ends the session.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNTS, signRpc } from '../sdk/clients.mjs';
import { TEST_TIMEOUT, REGION, ECS, baseUrl, launch, openPage, assertAccessible, shoot, go, submit } from './console-helpers.mjs';

const BASE = process.env.SG_STRICT_ENDPOINT ? baseUrl('SG_STRICT_ENDPOINT') : undefined;
const LIST = `/console/${REGION}/security-groups`;

/** A signed (HMAC-SHA1) RPC call as `account`. */
async function signed(account, action, params) {
  const q = new URLSearchParams(signRpc({ Action: action, Version: ECS, RegionId: REGION, ...params }, { account }));
  const response = await fetch(`${BASE}/?${q}`);
  return { status: response.status, body: await response.json() };
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
});
