// The web console's answers no console has, in headless Chromium against a Relaxed server (SG_ENDPOINT): Why (the
// trace matches POST /_emulator/traffic/evaluate and /reachability), the reachability matrix (each cell matches the
// reachability evaluation; a click opens its trace), findings with the fixing call and its button, snapshot and diff.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  TEST_TIMEOUT, REGION, VPC, baseUrl, launch, openPage, call, emulator, reset, world, runInstance, assertAccessible, shoot, go, submit, tabTo, rulesOf,
} from './console-helpers.mjs';

const BASE = process.env.SG_ENDPOINT ? baseUrl('SG_ENDPOINT') : undefined;
const C = `/console/${REGION}`;

describe('Web console: traffic answers (headless Chromium, Relaxed)', { timeout: 20 * TEST_TIMEOUT }, () => {
  let browser;
  let context;
  let page;
  let errors;
  let net;
  let web;
  let db;
  let app;
  let vmWeb;
  let vmApp;
  let vmDb;

  before(async () => {
    assert.ok(BASE, 'SG_ENDPOINT is not set');
    await reset(BASE);
    net = await world(BASE);
    ({ SecurityGroupId: web } = await call(BASE, 'CreateSecurityGroup', { VpcId: net.VpcId, SecurityGroupName: 'web' }));
    ({ SecurityGroupId: app } = await call(BASE, 'CreateSecurityGroup', { VpcId: net.VpcId, SecurityGroupName: 'app' }));
    ({ SecurityGroupId: db } = await call(BASE, 'CreateSecurityGroup', { VpcId: net.VpcId, SecurityGroupName: 'db', InnerAccessPolicy: 'Drop' }));
    await call(BASE, 'ModifySecurityGroupPolicy', { SecurityGroupId: db, InnerAccessPolicy: 'Drop' });
    await call(BASE, 'AuthorizeSecurityGroup', {
      SecurityGroupId: web, 'Permissions.1.IpProtocol': 'TCP', 'Permissions.1.PortRange': '443/443', 'Permissions.1.SourceCidrIp': '0.0.0.0/0',
      'Permissions.2.IpProtocol': 'TCP', 'Permissions.2.PortRange': '22/22', 'Permissions.2.SourceCidrIp': '0.0.0.0/0', 'Permissions.2.Description': 'open ssh',
      'Permissions.3.IpProtocol': 'TCP', 'Permissions.3.PortRange': '5432/5432', 'Permissions.3.SourceCidrIp': '10.9.0.0/16', 'Permissions.3.Priority': '2',
      'Permissions.3.Policy': 'drop',
    });
    await call(BASE, 'AuthorizeSecurityGroup', {
      SecurityGroupId: app, 'Permissions.1.IpProtocol': 'TCP', 'Permissions.1.PortRange': '8080/8080', 'Permissions.1.SourceGroupId': web,
    });
    await call(BASE, 'AuthorizeSecurityGroup', {
      SecurityGroupId: db, 'Permissions.1.IpProtocol': 'TCP', 'Permissions.1.PortRange': '5432/5432', 'Permissions.1.SourceGroupId': app,
    });
    vmWeb = await runInstance(BASE, net.VSwitchId, [web], 'a-web');
    vmApp = await runInstance(BASE, net.VSwitchId, [app], 'b-app');
    vmDb = await runInstance(BASE, net.VSwitchId, [db], 'c-db');
    ({ browser, context } = await launch());
    ({ page, errors } = await openPage(context));
  });

  after(async () => {
    await context?.close().catch(() => {});
    await browser?.close();
  });

  /** The trace rows of a verdict panel as [group, rule, priority, policy, matched]. */
  async function traceOf(side) {
    return page.locator(`section[data-side="${side}"] table.trace tbody tr[data-trace-rule]`).evaluateAll((rows) => rows.map((r) => {
      const c = [...r.querySelectorAll('td')].map((td) => td.textContent.trim());
      return [c[1], c[2], Number(c[3]), c[4], c[5] === 'yes'];
    }));
  }

  it('Why: an outside IP to an instance; decision, deciding rule and ordered trace are those of /_emulator/traffic/evaluate', { timeout: TEST_TIMEOUT }, async () => {
    for (const [src, port] of [['203.0.113.7', 22], ['10.9.1.1', 5432], ['203.0.113.7', 80]]) {
      await go(page, `${BASE}${C}/why?src=${src}&dst=${vmWeb.id}&proto=TCP&port=${port}`);
      const expected = await emulator(BASE, '/_emulator/traffic/evaluate', {
        RegionId: REGION, InstanceId: vmWeb.id, Direction: 'ingress', IpProtocol: 'TCP', SourceIp: src, DestinationPort: port,
      });
      const ingress = page.locator('section[data-side="ingress"]');
      assert.equal(await ingress.locator('[data-decision]').getAttribute('data-decision'), expected.Decision, `${src}:${port}`);
      assert.equal(await page.locator('#why-verdict [data-reachable]').getAttribute('data-reachable'), String(expected.Decision === 'Accept'));
      if (expected.MatchedRule) {
        assert.equal(await ingress.locator('.deciding').getAttribute('data-rule'), expected.MatchedRule.SecurityGroupRuleId);
      } else {
        assert.equal(await ingress.locator('.deciding').getAttribute('data-rule'), null);
      }
      assert.deepEqual(await traceOf('ingress'),
        expected.Trace.map((t) => [t.SecurityGroupId, t.SecurityGroupRuleId, t.Priority, t.Policy, t.Matched]), `trace of ${src}:${port}`);
      assert.equal(await page.locator('section[data-side="egress"]').count(), 0, 'an outside source has no egress verdict');
    }
    await go(page, `${BASE}${C}/why?src=203.0.113.7&dst=${vmWeb.id}&proto=TCP&port=22`);
    await shoot(page, 'why');
    await assertAccessible(page, 'why');
    assert.deepEqual(errors, []);
  });

  it('Why: instance to instance shows both ends as /_emulator/traffic/reachability does; a what-if group set; a refusal', { timeout: TEST_TIMEOUT }, async () => {
    await go(page, `${BASE}${C}/why?src=${vmApp.id}&dst=${vmDb.id}&proto=TCP&port=5432`);
    const expected = await emulator(BASE, '/_emulator/traffic/reachability', {
      RegionId: REGION, Source: { InstanceId: vmApp.id }, Destination: { InstanceId: vmDb.id }, IpProtocol: 'TCP', DestinationPort: 5432,
    });
    assert.equal(expected.Reachable, true);
    assert.equal(await page.locator('#why-verdict [data-reachable]').getAttribute('data-reachable'), 'true');
    assert.equal(await page.locator('section[data-side="egress"] [data-decision]').getAttribute('data-decision'), expected.Egress.Decision);
    assert.deepEqual(await traceOf('egress'), expected.Egress.Trace.map((t) => [t.SecurityGroupId, t.SecurityGroupRuleId, t.Priority, t.Policy, t.Matched]));
    assert.deepEqual(await traceOf('ingress'), expected.Ingress.Trace.map((t) => [t.SecurityGroupId, t.SecurityGroupRuleId, t.Priority, t.Policy, t.Matched]));

    // The web tier may not reach the database.
    await go(page, `${BASE}${C}/why?src=${vmWeb.id}&dst=${vmDb.id}&proto=TCP&port=5432`);
    assert.equal(await page.locator('#why-verdict [data-reachable]').getAttribute('data-reachable'), 'false');

    // What-if: the web group set, as evaluate with SecurityGroupIds.
    await go(page, `${BASE}${C}/why?src=198.51.100.1&dst=${web}&proto=TCP&port=443&dstip=10.0.1.99`);
    const whatIf = await emulator(BASE, '/_emulator/traffic/evaluate', {
      RegionId: REGION, SecurityGroupIds: [web], Direction: 'ingress', IpProtocol: 'TCP', SourceIp: '198.51.100.1', DestinationIp: '10.0.1.99', DestinationPort: 443,
    });
    assert.equal(await page.locator('section[data-side="ingress"] [data-decision]').getAttribute('data-decision'), whatIf.Decision);
    assert.deepEqual(await traceOf('ingress'), whatIf.Trace.map((t) => [t.SecurityGroupId, t.SecurityGroupRuleId, t.Priority, t.Policy, t.Matched]));

    // A question the API refuses shows the API's code.
    await go(page, `${BASE}${C}/why?src=203.0.113.7&dst=i-doesnotexist0000000000&proto=TCP&port=22`);
    const refused = await fetch(`${BASE}/_emulator/traffic/reachability`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ RegionId: REGION, Source: { Ip: '203.0.113.7' }, Destination: { InstanceId: 'i-doesnotexist0000000000' }, IpProtocol: 'TCP', DestinationPort: 22 }),
    }).then((r) => r.json());
    assert.equal(await page.locator('.refusal').getAttribute('data-code'), refused.Code);
  });

  it('Why by keyboard: fill the question with Tab and typing, submit with Enter', { timeout: TEST_TIMEOUT }, async () => {
    await go(page, `${BASE}${C}/why`);
    await tabTo(page, '#why-src');
    await page.keyboard.type('203.0.113.9');
    await tabTo(page, '#why-dst');
    await page.keyboard.type(vmWeb.id);
    await tabTo(page, '#why-port');
    await page.keyboard.type('443');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.match(page.url(), /src=203\.0\.113\.9/);
    assert.equal(await page.locator('#why-verdict [data-reachable]').getAttribute('data-reachable'), 'true');
  });

  it('matrix: every cell is the reachability evaluation of its pair, and a click opens its trace', { timeout: TEST_TIMEOUT }, async () => {
    for (const port of [5432, 8080]) {
      await go(page, `${BASE}${C}/matrix?vpc=${net.VpcId}&proto=TCP&port=${port}`);
      const cells = await page.locator('td[data-from]').evaluateAll((tds) => tds.map((td) => [td.dataset.from, td.dataset.to, td.dataset.reachable === 'true']));
      assert.equal(cells.length, 6, '3 instances: 6 ordered pairs');
      for (const [from, to, shown] of cells) {
        const r = await emulator(BASE, '/_emulator/traffic/reachability', {
          RegionId: REGION, Source: { InstanceId: from }, Destination: { InstanceId: to }, IpProtocol: 'TCP', DestinationPort: port,
        });
        assert.equal(shown, r.Reachable, `${from} -> ${to} port ${port}`);
      }
      const open = cells.filter((c) => c[2]).map((c) => `${c[0]}>${c[1]}`);
      assert.deepEqual(open, port === 5432 ? [`${vmApp.id}>${vmDb.id}`] : [`${vmWeb.id}>${vmApp.id}`]);
    }
    await shoot(page, 'matrix');
    await assertAccessible(page, 'matrix');
    await submit(page, `td[data-from="${vmWeb.id}"][data-to="${vmApp.id}"] a`);
    assert.match(page.url(), new RegExp(`/why\\?src=${vmWeb.id}&dst=${vmApp.id}&proto=TCP&port=8080`));
    assert.equal(await page.locator('#why-verdict [data-reachable]').getAttribute('data-reachable'), 'true');
  });

  it('group graph: one edge per admitted peer and group, as the rules say; exposure: the ranges /_emulator/traffic/exposure gives', { timeout: TEST_TIMEOUT }, async () => {
    await go(page, `${BASE}${C}/graph?vpc=${net.VpcId}`);
    const expected = [];
    for (const g of [web, app, db]) {
      for (const r of await rulesOf(BASE, g, 'ingress')) {
        expected.push(`${r.SourceCidrIp || r.SourceGroupId || r.SourcePrefixListId}>${g}`);
      }
    }
    const drawn = await page.locator('table[aria-label="Graph edges"] tbody tr').evaluateAll((rows) => rows.map((r) => `${r.dataset.from}>${r.dataset.to}`));
    assert.deepEqual([...new Set(drawn)].sort(), [...new Set(expected)].sort());
    assert.equal(await page.locator(`svg.graph g.edge[data-from="${web}"][data-to="${app}"] text`).textContent(), 'TCP 8080');
    assert.equal(await page.locator(`svg.graph g.edge[data-from="10.9.0.0/16"][data-to="${web}"] text`).textContent(), 'deny TCP 5432');
    assert.equal(await page.locator('svg.graph g.node.group').count(), 3);
    await shoot(page, 'graph');
    await assertAccessible(page, 'graph');

    await go(page, `${BASE}${C}/exposure?instance=${vmWeb.id}&proto=TCP&port=443`);
    const exposure = await emulator(BASE, '/_emulator/traffic/exposure', { RegionId: REGION, InstanceId: vmWeb.id, Direction: 'ingress', IpProtocol: 'TCP', Port: 443 });
    assert.deepEqual(await page.locator('li[data-cidr]').evaluateAll((li) => li.map((l) => l.dataset.cidr)), exposure.AcceptedCidrs.slice(0, 200));
    assert.equal(await page.locator('svg.exposure rect.open').count(), exposure.AcceptedCidrs.length);
    const https = (await rulesOf(BASE, web, 'ingress')).find((r) => r.PortRange === '443/443');
    assert.equal(await page.locator(`table[aria-label="Covering rules"] tr[data-rule="${https.SecurityGroupRuleId}"]`).count(), 1);
    await shoot(page, 'exposure');
    await assertAccessible(page, 'exposure');
  });

  it('findings: each shows the exact fixing call, and its button makes it', { timeout: TEST_TIMEOUT }, async () => {
    await go(page, `${BASE}${C}/findings`);
    const expected = await emulator(BASE, `/_emulator/findings?RegionId=${REGION}`);
    assert.equal(await page.locator('table.findings tbody tr[data-code]').count(), expected.Findings.length);
    const ssh = (await rulesOf(BASE, web, 'ingress')).find((r) => r.PortRange === '22/22');
    const row = page.locator(`tr[data-code="ManagementPortOpenToInternet"][data-rule="${ssh.SecurityGroupRuleId}"]`);
    assert.equal(await row.locator('pre.call').textContent(),
      `GET /?Action=RevokeSecurityGroup&Version=2014-05-26&RegionId=${REGION}&SecurityGroupId=${web}&SecurityGroupRuleId.1=${ssh.SecurityGroupRuleId}`);
    await shoot(page, 'findings');
    await assertAccessible(page, 'findings');
    await submit(page, `tr[data-code="ManagementPortOpenToInternet"][data-rule="${ssh.SecurityGroupRuleId}"] button`);
    assert.equal((await rulesOf(BASE, web, 'ingress')).some((r) => r.SecurityGroupRuleId === ssh.SecurityGroupRuleId), false, 'the rule was revoked');
    assert.equal(await page.locator(`tr[data-rule="${ssh.SecurityGroupRuleId}"]`).count(), 0);
  });

  it('snapshot and diff: added rules green, removed red; reset empties the account', { timeout: TEST_TIMEOUT }, async () => {
    await go(page, `${BASE}${C}/snapshots`);
    await submit(page, '#snapshot-take');
    assert.match(page.url(), /snapshot=\d+/);
    assert.equal(await page.locator('#snapshot-same').count(), 1);

    const https = (await rulesOf(BASE, web, 'ingress')).find((r) => r.PortRange === '443/443');
    await call(BASE, 'RevokeSecurityGroup', { SecurityGroupId: web, 'SecurityGroupRuleId.1': https.SecurityGroupRuleId });
    await call(BASE, 'AuthorizeSecurityGroup', { SecurityGroupId: web, 'Permissions.1.IpProtocol': 'TCP', 'Permissions.1.PortRange': '8443/8443', 'Permissions.1.SourceCidrIp': '10.0.0.0/8' });
    const added = (await rulesOf(BASE, web, 'ingress')).find((r) => r.PortRange === '8443/8443');

    await page.reload({ waitUntil: 'load' });
    const section = page.locator(`section[data-group="${web}"]`);
    assert.equal(await section.locator(`tr[data-rule="${added.SecurityGroupRuleId}"]`).getAttribute('data-change'), 'added');
    assert.equal(await section.locator(`tr[data-rule="${https.SecurityGroupRuleId}"]`).getAttribute('data-change'), 'removed');
    assert.equal(await section.locator('tr[data-rule]').count(), 2);
    const green = await section.locator('tr.added td').first().evaluate((td) => getComputedStyle(td).backgroundColor);
    const red = await section.locator('tr.removed td').first().evaluate((td) => getComputedStyle(td).backgroundColor);
    assert.equal(green, 'rgb(218, 251, 225)');
    assert.equal(red, 'rgb(255, 235, 233)');
    await shoot(page, 'snapshot-diff');
    await assertAccessible(page, 'snapshot diff');

    await submit(page, '#snapshot-reset');
    assert.equal((await call(BASE, 'DescribeSecurityGroups', {})).TotalCount, 0);
    assert.equal(await page.locator('section[data-change="removed"]').count(), 3, 'the three groups are shown removed');
    assert.deepEqual(errors, []);
  });

  it('matrix of a whole VPC beyond one window, after the reset (55 instances, 4 group sets): every cell of every window is the pairwise reachability', { timeout: 3 * TEST_TIMEOUT }, async () => {
    const { VpcId } = await call(BASE, 'CreateVpc', { CidrBlock: '10.1.0.0/16', VpcName: 'matrix-vpc' }, VPC);
    const { VSwitchId } = await call(BASE, 'CreateVSwitch', { VpcId, CidrBlock: '10.1.1.0/24', ZoneId: `${REGION}-h`, VSwitchName: 'matrix-vsw' }, VPC);
    const groups = [];
    for (const [name, policy] of [['m-open', 'Accept'], ['m-closed', 'Drop'], ['m-cidr', 'Accept']]) {
      const { SecurityGroupId } = await call(BASE, 'CreateSecurityGroup', { VpcId, SecurityGroupName: name });
      await call(BASE, 'ModifySecurityGroupPolicy', { SecurityGroupId, InnerAccessPolicy: policy });
      groups.push(SecurityGroupId);
    }
    await call(BASE, 'AuthorizeSecurityGroup', {
      SecurityGroupId: groups[1], 'Permissions.1.IpProtocol': 'TCP', 'Permissions.1.PortRange': '80/80', 'Permissions.1.SourceGroupId': groups[0],
    });
    await call(BASE, 'AuthorizeSecurityGroup', {
      SecurityGroupId: groups[2], 'Permissions.1.IpProtocol': 'TCP', 'Permissions.1.PortRange': '80/80', 'Permissions.1.SourceCidrIp': '10.1.1.0/26',
    });
    await call(BASE, 'AuthorizeSecurityGroupEgress', {
      SecurityGroupId: groups[0], 'Permissions.1.IpProtocol': 'TCP', 'Permissions.1.PortRange': '80/80', 'Permissions.1.DestCidrIp': '10.1.1.0/27',
      'Permissions.1.Policy': 'drop', 'Permissions.1.Priority': '1',
    });
    const sets = [[groups[0]], [groups[1]], [groups[0], groups[2]], [groups[2]]];
    const total = 55;
    for (let i = 0; i < total; i++) {
      await runInstance(BASE, VSwitchId, sets[i % sets.length], `m-${String(i).padStart(2, '0')}`);
    }

    const seen = new Map();
    for (const [rows, cols] of [[1, 1], [1, 2], [2, 1], [2, 2]]) {
      await go(page, `${BASE}${C}/matrix?vpc=${VpcId}&proto=TCP&port=80&rows=${rows}&cols=${cols}`);
      assert.equal(await page.locator('#matrix-summary').getAttribute('data-total'), String(total));
      const cells = await page.locator('td[data-from]').evaluateAll((tds) => tds.map((td) => [td.dataset.from, td.dataset.to, td.dataset.reachable === 'true']));
      const side = (p) => (p === 1 ? 50 : total - 50);
      assert.equal(cells.length, side(rows) * side(cols) - (rows === cols ? side(rows) : 0), `window ${rows},${cols}`);
      for (const [from, to, shown] of cells) {
        assert.ok(!seen.has(`${from}>${to}`), `${from}>${to} shown twice`);
        seen.set(`${from}>${to}`, shown);
      }
    }
    assert.equal(seen.size, total * (total - 1), 'the windows together show every ordered pair once');
    const pairs = [...seen.entries()];
    let open = 0;
    for (let i = 0; i < pairs.length; i += 32) {
      await Promise.all(pairs.slice(i, i + 32).map(async ([key, shown]) => {
        const [from, to] = key.split('>');
        const r = await emulator(BASE, '/_emulator/traffic/reachability', {
          RegionId: REGION, Source: { InstanceId: from }, Destination: { InstanceId: to }, IpProtocol: 'TCP', DestinationPort: 80,
        });
        assert.equal(shown, r.Reachable, `${from} -> ${to}`);
        if (r.Reachable) open++;
      }));
    }
    assert.ok(open > 0 && open < pairs.length, `a mixed matrix (${open} of ${pairs.length} open)`);
    assert.equal(await page.locator('#matrix-summary').getAttribute('data-open'), String(open));
    await go(page, `${BASE}${C}/matrix?vpc=${VpcId}&proto=TCP&port=80&rows=2&cols=1`);
    await shoot(page, 'matrix-windows');
    await assertAccessible(page, 'matrix-windows');
    const cell = page.locator('td[data-from] a').first();
    const [from, to] = [await page.locator('td[data-from]').first().getAttribute('data-from'), await page.locator('td[data-from]').first().getAttribute('data-to')];
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), cell.click()]);
    assert.match(page.url(), new RegExp(`/why\\?src=${from}&dst=${to}&proto=TCP&port=80`));
    assert.equal(await page.locator('#why-verdict [data-reachable]').getAttribute('data-reachable'), String(seen.get(`${from}>${to}`)));
    assert.deepEqual(errors, []);
  });
});
