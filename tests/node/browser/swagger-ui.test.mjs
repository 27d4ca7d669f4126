// Real-browser test of the emulator's Swagger UI ("Try it out" against the live server), including the README's walkthrough
// done in Swagger UI alone: every pre-filled value kept, only the IDs each step returned pasted in.
//
// Needs a running server whose address (host:port) is passed in SG_ENDPOINT, e.g.
//   SG_ENDPOINT=127.0.0.1:18282 node --test browser/
// Chromium comes from CHROMIUM_PATH or /usr/bin/chromium; nothing is downloaded.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const STEP_TIMEOUT = 30_000; // every Playwright wait/action and every fetch
const TEST_TIMEOUT = 120_000; // whole test, as an outer bound

const RAW_ENDPOINT = process.env.SG_ENDPOINT;
const BASE_URL = RAW_ENDPOINT
  ? (/^https?:\/\//i.test(RAW_ENDPOINT) ? RAW_ENDPOINT : `http://${RAW_ENDPOINT}`).replace(/\/+$/, '')
  : undefined;

// Operation blocks as Swagger UI renders them: id = "operations-<tag>-<operationId>".
const OPERATIONS = {
  DescribeRegions: { id: 'operations-Regions-DescribeRegions', method: 'get', path: '/?Action=DescribeRegions&Version=2014-05-26' },
  CreateVpc: { id: 'operations-VPCs-CreateVpc', method: 'post', path: '/?Action=CreateVpc&Version=2016-04-28' },
  DescribeVpcs: { id: 'operations-VPCs-DescribeVpcs', method: 'get', path: '/?Action=DescribeVpcs&Version=2016-04-28' },
  CreateVSwitch: { id: 'operations-vSwitches-CreateVSwitch', method: 'post', path: '/?Action=CreateVSwitch&Version=2016-04-28' },
};

// Swagger UI's groups, in the order of a workflow.
const WORKFLOW_TAGS = ['Regions', 'VPCs', 'vSwitches', 'Security groups', 'Rules', 'Lists', 'Instances', 'ENIs', 'Tags', 'Traffic', 'Emulator'];

// Selectors (all scoped to one operation block).
const SEL = {
  summaryButton: '.opblock-summary-control',
  summaryPath: '.opblock-summary-path',
  summaryOperationId: '.opblock-summary-operation-id',
  body: '.opblock-body',
  param: (name) => `tr[data-param-name="${name}"][data-param-in="query"] input`,
  execute: 'button.execute',
  bodyText: 'textarea.body-param__text',
  requestUrl: '.request-url pre',
  liveTable: '.live-responses-table',
  liveStatus: '.live-responses-table tbody tr.response td.response-col_status',
  liveBody: '.live-responses-table tbody tr.response td.response-col_description .highlight-code pre',
};

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function fetchWithTimeout(url, init = {}) {
  return fetch(url, { ...init, signal: AbortSignal.timeout(STEP_TIMEOUT) });
}

describe('Swagger UI (headless Chromium)', { timeout: 10 * TEST_TIMEOUT }, () => {
  let browser;
  let context;

  before(async () => {
    assert.ok(
      BASE_URL,
      'SG_ENDPOINT is not set: start the SecurityGroups server and pass its address, e.g. SG_ENDPOINT=127.0.0.1:18282',
    );
    const reset = await fetchWithTimeout(`${BASE_URL}/_emulator/reset`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ AllAccounts: true }),
    });
    assert.equal(reset.status, 200, `POST /_emulator/reset failed: ${reset.status} ${await reset.text()}`);

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: true,
      args: LAUNCH_ARGS,
      timeout: STEP_TIMEOUT,
    });
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    context.setDefaultTimeout(STEP_TIMEOUT);
    context.setDefaultNavigationTimeout(STEP_TIMEOUT);
  });

  after(async () => {
    await context?.close().catch(() => {});
    await browser?.close();
  });

  /** A fresh page with Swagger UI loaded and its operations rendered; collects uncaught page errors. */
  async function openSwagger() {
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(err));
    await page.goto(`${BASE_URL}/swagger`, { waitUntil: 'load' });
    await page.locator('.opblock').first().waitFor({ state: 'visible' });
    return { page, pageErrors };
  }

  /** Expands an operation block (if needed) and returns its locator; "Try it out" is on by default. */
  async function expand(page, op) {
    const block = page.locator(`#${op.id}`);
    await block.waitFor({ state: 'visible' });
    if ((await block.locator(SEL.body).count()) === 0) {
      await block.locator(SEL.summaryButton).click();
    }
    await block.locator(SEL.body).waitFor({ state: 'visible' });
    // tryItOutEnabled: the Execute button is there without pressing "Try it out".
    await block.locator(SEL.execute).waitFor({ state: 'visible' });
    return block;
  }

  async function fill(block, values) {
    for (const [name, value] of Object.entries(values)) {
      const input = block.locator(SEL.param(name));
      await input.fill(value);
      assert.equal(await input.inputValue(), value, `parameter input ${name}`);
    }
  }

  /**
   * Clicks Execute and waits for the browser's request to the Action and for the live response
   * to be rendered. Returns what the UI shows plus the request the browser actually sent.
   */
  async function execute(page, block, op, action) {
    const responsePromise = page.waitForResponse(
      (r) => r.request().method() === op.method.toUpperCase() && new URL(r.url()).searchParams.get('Action') === action,
      { timeout: STEP_TIMEOUT },
    );
    await block.locator(SEL.execute).click();
    const networkResponse = await responsePromise;

    await block.locator(SEL.liveTable).waitFor({ state: 'visible' });
    const statusCell = block.locator(SEL.liveStatus);
    await statusCell.waitFor({ state: 'visible' });
    const bodyPre = block.locator(SEL.liveBody);
    await bodyPre.waitFor({ state: 'visible' });

    const statusText = (await statusCell.textContent()) ?? '';
    const statusMatch = /^\s*(\d{3})/.exec(statusText);
    assert.ok(statusMatch, `no HTTP status in the UI's response cell: ${JSON.stringify(statusText)}`);
    return {
      status: Number(statusMatch[1]),
      bodyText: (await bodyPre.textContent()) ?? '',
      requestUrl: ((await block.locator(SEL.requestUrl).textContent()) ?? '').trim(),
      networkStatus: networkResponse.status(),
      networkUrl: networkResponse.url(),
    };
  }

  function parseJson(text, what) {
    try {
      return JSON.parse(text);
    } catch (err) {
      assert.fail(`${what}: response body shown in the UI is not JSON (${err.message}): ${text.slice(0, 500)}`);
    }
  }

  it('lists the DescribeRegions, CreateVpc, DescribeVpcs and CreateVSwitch operations', { timeout: TEST_TIMEOUT }, async () => {
    const { page, pageErrors } = await openSwagger();
    try {
      for (const [operationId, op] of Object.entries(OPERATIONS)) {
        const block = page.locator(`#${op.id}`);
        await block.waitFor({ state: 'visible' });
        assert.match((await block.getAttribute('class')) ?? '', new RegExp(`\\bopblock-${op.method}\\b`), `${operationId} method`);
        assert.equal(((await block.locator(SEL.summaryOperationId).textContent()) ?? '').trim(), operationId);
        assert.equal(await block.locator(SEL.summaryPath).getAttribute('data-path'), op.path, `${operationId} path`);
      }
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });

  it('GET Action: DescribeRegions with AcceptLanguage=en-US via "Try it out"', { timeout: TEST_TIMEOUT }, async () => {
    const { page, pageErrors } = await openSwagger();
    try {
      const op = OPERATIONS.DescribeRegions;
      const block = await expand(page, op);
      await fill(block, { AcceptLanguage: 'en-US' });
      const res = await execute(page, block, op, 'DescribeRegions');

      assert.equal(res.networkStatus, 200, `browser got ${res.networkStatus} from ${res.networkUrl}`);
      assert.equal(res.status, 200, `UI status; body: ${res.bodyText}`);
      assert.ok(res.bodyText.includes('"RegionId": "cn-hangzhou"'), `body lacks cn-hangzhou: ${res.bodyText}`);
      assert.ok(res.bodyText.includes('China (Hangzhou)'), `body lacks the en-US LocalName: ${res.bodyText}`);

      const body = parseJson(res.bodyText, 'DescribeRegions');
      assert.ok(Array.isArray(body?.Regions?.Region), 'Regions.Region is an array');
      const hz = body.Regions.Region.find((r) => r.RegionId === 'cn-hangzhou');
      assert.equal(hz?.LocalName, 'China (Hangzhou)');

      assert.ok(res.requestUrl.includes('Action=DescribeRegions'), `request URL: ${res.requestUrl}`);
      assert.ok(res.requestUrl.includes('AcceptLanguage=en-US'), `request URL: ${res.requestUrl}`);
      const shown = new URL(res.requestUrl);
      assert.equal(shown.pathname, '/');
      assert.deepEqual(shown.searchParams.getAll('Action'), ['DescribeRegions']);
      assert.deepEqual(shown.searchParams.getAll('Version'), ['2014-05-26']);
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });

  it('POST Action: CreateVpc via "Try it out", then the VPC is listed by DescribeVpcs', { timeout: TEST_TIMEOUT }, async () => {
    const { page, pageErrors } = await openSwagger();
    try {
      const vpcName = `swagger-ui-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
      const op = OPERATIONS.CreateVpc;
      const block = await expand(page, op);
      await fill(block, { RegionId: 'cn-hangzhou', CidrBlock: '192.168.0.0/16', VpcName: vpcName });
      const res = await execute(page, block, op, 'CreateVpc');

      assert.equal(res.networkStatus, 200, `browser got ${res.networkStatus} from ${res.networkUrl}`);
      assert.equal(res.status, 200, `UI status; body: ${res.bodyText}`);
      const body = parseJson(res.bodyText, 'CreateVpc');
      assert.equal(typeof body.VpcId, 'string', `no VpcId in ${res.bodyText}`);
      assert.match(body.VpcId, /^vpc-/);

      const shown = new URL(res.requestUrl);
      assert.deepEqual(shown.searchParams.getAll('Action'), ['CreateVpc']);
      assert.equal(shown.searchParams.get('RegionId'), 'cn-hangzhou');
      assert.equal(shown.searchParams.get('CidrBlock'), '192.168.0.0/16');
      assert.equal(shown.searchParams.get('VpcName'), vpcName);

      await block.locator(SEL.liveTable).scrollIntoViewIfNeeded();
      await page.screenshot({ path: '/tmp/swagger-ui.png', fullPage: true, timeout: STEP_TIMEOUT });

      const q = new URLSearchParams({ Action: 'DescribeVpcs', Version: '2016-04-28', RegionId: 'cn-hangzhou', VpcName: vpcName });
      const check = await fetchWithTimeout(`${BASE_URL}/?${q}`);
      const checkText = await check.text();
      assert.equal(check.status, 200, `DescribeVpcs: ${checkText}`);
      const listed = JSON.parse(checkText);
      assert.equal(listed.TotalCount, 1, `DescribeVpcs: ${checkText}`);
      assert.equal(listed.Vpcs?.Vpc?.[0]?.VpcId, body.VpcId);
      assert.equal(listed.Vpcs.Vpc[0].VpcName, vpcName);
      assert.equal(listed.Vpcs.Vpc[0].CidrBlock, '192.168.0.0/16');
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });

  it('a required parameter left empty: Swagger UI marks it and sends nothing', { timeout: TEST_TIMEOUT }, async () => {
    const { page, pageErrors } = await openSwagger();
    try {
      const op = OPERATIONS.CreateVpc;
      const block = await expand(page, op);
      const sent = [];
      page.on('request', (r) => { if (new URL(r.url()).searchParams.get('Action') === 'CreateVpc') sent.push(r.url()); });
      await fill(block, { RegionId: '' });
      await block.locator(SEL.execute).click();
      await block.locator(`${SEL.param('RegionId')}.invalid`).waitFor({ state: 'visible' });
      assert.deepEqual(sent, []);
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });

  it('error through the UI: CreateVpc with a bad CIDR block shows 400 and the Alibaba envelope', { timeout: TEST_TIMEOUT }, async () => {
    const { page, pageErrors } = await openSwagger();
    try {
      const vpcName = `swagger-ui-err-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
      const op = OPERATIONS.CreateVpc;
      const block = await expand(page, op);
      await fill(block, { RegionId: 'cn-hangzhou', CidrBlock: '192.168.0.0/33', VpcName: vpcName });
      const res = await execute(page, block, op, 'CreateVpc');

      assert.equal(res.networkStatus, 400, `browser got ${res.networkStatus} from ${res.networkUrl}`);
      assert.equal(res.status, 400, `UI status; body: ${res.bodyText}`);
      const body = parseJson(res.bodyText, 'CreateVpc error');
      assert.equal(body.Code, 'InvalidCidrBlock.Malformed');
      assert.equal(typeof body.RequestId, 'string');
      assert.match(body.Recommend, /InvalidCidrBlock\.Malformed/);
      assert.equal(new URL(res.requestUrl).searchParams.get('CidrBlock'), '192.168.0.0/33', `request URL: ${res.requestUrl}`);

      // Nothing was created.
      const q = new URLSearchParams({ Action: 'DescribeVpcs', Version: '2016-04-28', RegionId: 'cn-hangzhou', VpcName: vpcName });
      const check = await fetchWithTimeout(`${BASE_URL}/?${q}`);
      assert.equal(check.status, 200);
      assert.equal((await check.json()).TotalCount, 0);
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });

  /** The block of an operation, found by its operationId (whatever its group). */
  function block(page, operationId) {
    return page.locator('.opblock').filter({ has: page.locator(SEL.summaryOperationId, { hasText: new RegExp(`^${operationId}$`) }) });
  }

  /** Expands an operation found by its operationId; "Try it out" is on by default. */
  async function expandById(page, operationId) {
    const op = block(page, operationId);
    await op.waitFor({ state: 'visible' });
    if ((await op.locator(SEL.body).count()) === 0) {
      await op.locator(SEL.summaryButton).click();
    }
    await op.locator(SEL.execute).waitFor({ state: 'visible' });
    return op;
  }

  /** Fills only the given ID parameters, each of which Swagger UI must have left empty (IDs are never pre-filled). */
  async function fillIds(op, ids) {
    for (const [name, value] of Object.entries(ids)) {
      const input = op.locator(SEL.param(name));
      assert.equal(await input.inputValue(), '', `${name} is pre-filled`);
      await input.fill(value);
    }
  }

  /** Executes with what is in the form and returns the JSON the UI shows (asserting HTTP 200). */
  async function executeOk(page, op, method, matches) {
    const responsePromise = page.waitForResponse((r) => r.request().method() === method && matches(new URL(r.url())), { timeout: STEP_TIMEOUT });
    await op.locator(SEL.execute).click();
    const response = await responsePromise;
    const pre = op.locator(SEL.liveBody);
    await pre.waitFor({ state: 'visible' });
    const text = (await pre.textContent()) ?? '';
    assert.equal(response.status(), 200, `${response.url()}: ${text}`);
    return parseJson(text, response.url());
  }

  const action = (name) => (url) => url.searchParams.get('Action') === name;

  it('shows the groups in workflow order', { timeout: TEST_TIMEOUT }, async () => {
    const { page, pageErrors } = await openSwagger();
    try {
      const tags = await page.locator('.opblock-tag-section h3.opblock-tag').evaluateAll((hs) => hs.map((h) => h.getAttribute('data-tag')));
      assert.deepEqual(tags, WORKFLOW_TAGS);
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });

  it('walkthrough: VPC, vSwitch, group, rule, instance, evaluate -> Accept, pasting only the IDs it created', { timeout: 2 * TEST_TIMEOUT }, async () => {
    const { page, pageErrors } = await openSwagger();
    try {
      const vpc = await executeOk(page, await expandById(page, 'CreateVpc'), 'POST', action('CreateVpc'));
      assert.match(vpc.VpcId, /^vpc-/);

      let op = await expandById(page, 'CreateVSwitch');
      await fillIds(op, { VpcId: vpc.VpcId });
      const vsw = await executeOk(page, op, 'POST', action('CreateVSwitch'));
      assert.match(vsw.VSwitchId, /^vsw-/);

      op = await expandById(page, 'CreateSecurityGroup');
      await fillIds(op, { VpcId: vpc.VpcId });
      const group = await executeOk(page, op, 'POST', action('CreateSecurityGroup'));
      assert.match(group.SecurityGroupId, /^sg-/);

      op = await expandById(page, 'AuthorizeSecurityGroup');
      await fillIds(op, { SecurityGroupId: group.SecurityGroupId });
      await executeOk(page, op, 'POST', action('AuthorizeSecurityGroup'));

      op = await expandById(page, 'RunInstances');
      await fillIds(op, { VSwitchId: vsw.VSwitchId, SecurityGroupId: group.SecurityGroupId });
      const run = await executeOk(page, op, 'POST', action('RunInstances'));
      const instanceId = run.InstanceIdSets.InstanceIdSet[0];
      assert.match(instanceId, /^i-/);

      // The request body is pre-filled; its only empty value is the instance to ask about.
      op = await expandById(page, 'Evaluate');
      const body = op.locator(SEL.bodyText);
      const prefilled = JSON.parse(await body.inputValue());
      assert.equal(prefilled.InstanceId, '', 'the example leaves InstanceId for the caller');
      await body.fill(JSON.stringify({ ...prefilled, InstanceId: instanceId }, null, 2));
      const verdict = await executeOk(page, op, 'POST', (url) => url.pathname === '/_emulator/traffic/evaluate');
      assert.equal(verdict.Decision, 'Accept', JSON.stringify(verdict));
      assert.equal(verdict.Reason, 'Rule');
      assert.equal(verdict.MatchedRule.SecurityGroupId, group.SecurityGroupId);
      assert.equal(verdict.MatchedRule.PortRange, '22/22');
      assert.equal(verdict.MatchedRule.SourceCidrIp, '10.0.0.0/8');
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });
});
