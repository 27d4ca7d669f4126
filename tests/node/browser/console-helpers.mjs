// Shared helpers of the web console's browser tests (console-*.test.mjs): one headless Chromium per test file, the
// same launch flags as swagger-ui.test.mjs, plain API calls to read back what the UI did, the axe-core scan and the
// screenshots that docs/console.md shows.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const STEP_TIMEOUT = 30_000;
export const TEST_TIMEOUT = 120_000;
export const REGION = 'cn-hangzhou';
export const ECS = '2014-05-26';
export const VPC = '2016-04-28';

export const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
const SHOTS = fileURLToPath(new URL('../../../docs/console/', import.meta.url));

/** http://host:port of a server named by an environment variable (SG_ENDPOINT, SG_STRICT_ENDPOINT). */
export function baseUrl(variable) {
  const raw = process.env[variable];
  assert.ok(raw, `${variable} is not set: start the SecurityGroups server and pass its address, e.g. ${variable}=127.0.0.1:18282`);
  return (/^https?:\/\//i.test(raw) ? raw : `http://${raw}`).replace(/\/+$/, '');
}

export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: LAUNCH_ARGS,
    timeout: STEP_TIMEOUT,
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  context.setDefaultTimeout(STEP_TIMEOUT);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT);
  return { browser, context };
}

/** One page for a whole file; uncaught page errors are collected for the tests to assert on. */
export async function openPage(context) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(err));
  return { page, errors };
}

/** An unsigned RPC call (Relaxed mode, default account); returns the parsed body and the status. */
export async function api(base, action, params = {}, version = ECS) {
  const q = new URLSearchParams({ Action: action, Version: version, RegionId: REGION, ...params });
  const response = await fetch(`${base}/?${q}`, { signal: AbortSignal.timeout(STEP_TIMEOUT) });
  const body = await response.json();
  return { status: response.status, body };
}

/** Like api(), but failing the test unless the call succeeds. */
export async function call(base, action, params = {}, version = ECS) {
  const { status, body } = await api(base, action, params, version);
  assert.equal(status, 200, `${action}: ${JSON.stringify(body)}`);
  return body;
}

export async function emulator(base, path, body) {
  const response = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(STEP_TIMEOUT),
  });
  const json = await response.json();
  assert.equal(response.status, 200, `${path}: ${JSON.stringify(json)}`);
  return json;
}

export async function reset(base) {
  await emulator(base, '/_emulator/reset', { AllAccounts: true });
}

/** A VPC with one vSwitch and `count` instances in `groupIds` (each instance's groups: a list per instance). */
export async function world(base, groupsPerInstance) {
  const { VpcId } = await call(base, 'CreateVpc', { CidrBlock: '10.0.0.0/16', VpcName: 'console-vpc' }, VPC);
  const { VSwitchId } = await call(base, 'CreateVSwitch', { VpcId, CidrBlock: '10.0.1.0/24', ZoneId: `${REGION}-h`, VSwitchName: 'console-vsw' }, VPC);
  return { VpcId, VSwitchId };
}

export async function runInstance(base, VSwitchId, SecurityGroupIds, name) {
  const params = { VSwitchId, InstanceType: 'ecs.g7.large', ImageId: 'ubuntu_22_04_x64_20G_alibase_20240101.vhd', InstanceName: name };
  SecurityGroupIds.forEach((id, i) => { params[`SecurityGroupIds.${i + 1}`] = id; });
  const body = await call(base, 'RunInstances', params);
  const id = body.InstanceIdSets.InstanceIdSet[0];
  const described = await call(base, 'DescribeInstances', { InstanceIds: JSON.stringify([id]) });
  return { id, ip: described.Instances.Instance[0].VpcAttributes.PrivateIpAddress.IpAddress[0] };
}

/** axe-core (the npm package) injected into the page; fails on any serious or critical violation. */
export async function assertAccessible(page, label) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.addScriptTag({ path: AXE_PATH });
  }
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), [],
    `axe-core: serious or critical violations on ${label}`);
}

/** A screenshot for docs/console.md (docs/console/<name>.png). */
export async function shoot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: false, timeout: STEP_TIMEOUT });
}

/** Navigates and waits for the page to be loaded (every console page is server-rendered). */
export async function go(page, url) {
  const response = await page.goto(url, { waitUntil: 'load' });
  assert.ok(response, `no response for ${url}`);
  return response;
}

/** Submits by clicking and waits for the resulting navigation (a form post, then its redirect). */
export async function submit(page, selector) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
}

/** Presses Tab (keyboard only) until the focused element matches `selector`; fails after `max` presses. */
export async function tabTo(page, selector, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) {
      return;
    }
  }
  assert.fail(`Tab never reached ${selector}`);
}

/** The rows of a rule table as the API names their fields. */
export async function rulesOf(base, SecurityGroupId, Direction = 'all') {
  const body = await call(base, 'DescribeSecurityGroupAttribute', { SecurityGroupId, Direction });
  return body.Permissions.Permission;
}
