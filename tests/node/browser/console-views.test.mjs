// The web console's second views, in headless Chromium against a Relaxed server (SG_ENDPOINT): the group graph's
// outbound edges (dir=egress|both), the reachability matrix by common ports (every cell is the reachability evaluation
// of its source, destination and port), the exposure picture for IPv6 and for egress (the ranges
// /_emulator/traffic/exposure gives), and findings where every kind has a fixing call that makes its finding go away.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  TEST_TIMEOUT, REGION, baseUrl, launch, openPage, call, emulator, reset, world, runInstance, assertAccessible, shoot, go, submit, rulesOf,
} from './console-helpers.mjs';

const BASE = process.env.SG_ENDPOINT ? baseUrl('SG_ENDPOINT') : undefined;
const C = `/console/${REGION}`;
const PORTS = [['TCP', 22], ['TCP', 23], ['TCP', 80], ['TCP', 443], ['TCP', 1433], ['TCP', 1521], ['TCP', 3306], ['TCP', 3389], ['TCP', 5432], ['TCP', 6379], ['ICMP', null]];

/** Builds AuthorizeSecurityGroup[Egress] parameters from a list of rule objects. */
function permissions(rules) {
  const params = {};
  rules.forEach((r, i) => Object.entries(r).forEach(([k, v]) => { params[`Permissions.${i + 1}.${k}`] = String(v); }));
  return params;
}

describe('Web console: graph egress, matrix by ports, exposure IPv6 and egress, findings fixes (headless Chromium, Relaxed)', { timeout: 20 * TEST_TIMEOUT }, () => {
  let browser;
  let context;
  let page;
  let errors;
  let net;
  let web;
  let app;
  let db;
  let spare;
  let vmWeb;
  let vmApp;
  let vmDb;
  let bigList;

  before(async () => {
    assert.ok(BASE, 'SG_ENDPOINT is not set');
    await reset(BASE);
    net = await world(BASE);
    ({ SecurityGroupId: web } = await call(BASE, 'CreateSecurityGroup', { VpcId: net.VpcId, SecurityGroupName: 'v-web' }));
    ({ SecurityGroupId: app } = await call(BASE, 'CreateSecurityGroup', { VpcId: net.VpcId, SecurityGroupName: 'v-app' }));
    ({ SecurityGroupId: db } = await call(BASE, 'CreateSecurityGroup', { VpcId: net.VpcId, SecurityGroupName: 'v-db' }));
    ({ SecurityGroupId: spare } = await call(BASE, 'CreateSecurityGroup', { VpcId: net.VpcId, SecurityGroupName: 'v-spare' }));
    for (const g of [web, app, db]) {
      await call(BASE, 'ModifySecurityGroupPolicy', { SecurityGroupId: g, InnerAccessPolicy: 'Drop' });
    }
    ({ PrefixListId: bigList } = await call(BASE, 'CreatePrefixList', {
      AddressFamily: 'IPv4', MaxEntries: '150', PrefixListName: 'big-list', 'Entry.1.Cidr': '192.0.2.0/24',
    }));
    await call(BASE, 'AuthorizeSecurityGroup', {
      SecurityGroupId: web,
      ...permissions([
        { IpProtocol: 'TCP', PortRange: '443/443', SourceCidrIp: '0.0.0.0/0', Priority: 1 },
        { IpProtocol: 'TCP', PortRange: '22/22', SourceCidrIp: '0.0.0.0/0', Description: 'open ssh' },
        { IpProtocol: 'TCP', PortRange: '3306/3306', SourceCidrIp: '198.51.100.0/25' },
        { IpProtocol: 'TCP', PortRange: '80/80', Ipv6SourceCidrIp: '::/0' },
        { IpProtocol: 'TCP', PortRange: '80/80', Ipv6SourceCidrIp: '2001:db8::/32', Policy: 'drop', Priority: 1 },
        { IpProtocol: 'TCP', PortRange: '443/443', SourceCidrIp: '1.2.3.0/24', Priority: 2, Description: 'redundant' },
        { IpProtocol: 'TCP', PortRange: '8443/8443', SourcePrefixListId: bigList },
        { IpProtocol: 'ICMP', PortRange: '-1/-1', SourceCidrIp: '0.0.0.0/0' },
      ]),
    });
    await call(BASE, 'AuthorizeSecurityGroup', {
      SecurityGroupId: app,
      ...permissions([
        { IpProtocol: 'TCP', PortRange: '1/65535', SourceCidrIp: '172.16.0.0/12', Policy: 'drop', Priority: 1 },
        { IpProtocol: 'TCP', PortRange: '8443/8443', SourceCidrIp: '172.16.1.0/24', Priority: 5, Description: 'shadowed' },
        { IpProtocol: 'TCP', PortRange: '5432/5432', SourceGroupId: web },
      ]),
    });
    await call(BASE, 'AuthorizeSecurityGroup', {
      SecurityGroupId: db, ...permissions([{ IpProtocol: 'TCP', PortRange: '5432/5432', SourceGroupId: app }]),
    });
    await call(BASE, 'AuthorizeSecurityGroup', {
      SecurityGroupId: spare, ...permissions([{ IpProtocol: 'ALL', PortRange: '-1/-1', SourceCidrIp: '0.0.0.0/0' }]),
    });
    // The app tier's outbound: a deny first, a group, six CIDRs (two beyond the graph's fold, one of them IPv6).
    await call(BASE, 'AuthorizeSecurityGroupEgress', {
      SecurityGroupId: app,
      ...permissions([
        { IpProtocol: 'TCP', PortRange: '6379/6379', DestCidrIp: '10.0.0.0/8', Policy: 'drop', Priority: 1 },
        { IpProtocol: 'TCP', PortRange: '5432/5432', DestGroupId: db },
        { IpProtocol: 'TCP', PortRange: '443/443', DestCidrIp: '0.0.0.0/0', Priority: 2 },
        ...['203.0.113.0/28', '203.0.113.16/28', '203.0.113.32/28'].map((c) => ({
          IpProtocol: 'UDP', PortRange: '53/53', DestCidrIp: c, Priority: 3,
        })),
        { IpProtocol: 'UDP', PortRange: '53/53', Ipv6DestCidrIp: '2001:db8:53::/48', Priority: 3 },
      ]),
    });
    await call(BASE, 'AuthorizeSecurityGroupEgress', {
      SecurityGroupId: app, ...permissions([{ IpProtocol: 'ALL', PortRange: '-1/-1', DestCidrIp: '0.0.0.0/0', Policy: 'drop', Priority: 100 }]),
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

  /** The graph's edge table as "dir from>to" strings. */
  async function edgesShown() {
    return page.locator('table[aria-label="Graph edges"] tbody tr').evaluateAll((rows) => rows.map((r) => `${r.dataset.dir} ${r.dataset.from}>${r.dataset.to}`));
  }

  it('group graph: the outbound edges of every group, folded past 4 CIDRs, drawn apart from the inbound ones; the direction is in the URL', { timeout: TEST_TIMEOUT }, async () => {
    await go(page, `${BASE}${C}/graph?vpc=${net.VpcId}`);
    await page.selectOption('#graph-dir', 'egress');
    await submit(page, '#graph-submit');
    assert.match(page.url(), /[?&]dir=egress(&|$)/);
    assert.equal(await page.locator('#graph-dir').inputValue(), 'egress');

    const expected = new Set();
    for (const g of [web, app, db, spare]) {
      const egress = await rulesOf(BASE, g, 'egress');
      // The CIDRs a group keeps drawn: by their rules' best priority, then by text.
      const best = new Map();
      for (const r of egress.filter((x) => x.DestCidrIp || x.Ipv6DestCidrIp)) {
        const c = r.DestCidrIp || r.Ipv6DestCidrIp;
        best.set(c, Math.min(best.get(c) ?? 100, Number(r.Priority)));
      }
      const cidrs = [...best.keys()].sort((a, b) => best.get(a) - best.get(b) || (a < b ? -1 : a > b ? 1 : 0));
      for (const r of egress) {
        const peer = r.DestCidrIp || r.Ipv6DestCidrIp || r.DestGroupId || r.DestPrefixListId;
        const folded = (r.DestCidrIp || r.Ipv6DestCidrIp) && cidrs.length > 4 && cidrs.indexOf(peer) >= 4;
        expected.add(`egress ${g}>${folded ? `+${cidrs.length - 4} CIDRs (${g})` : peer}`);
      }
    }
    const drawn = await edgesShown();
    assert.deepEqual([...new Set(drawn)].sort(), [...expected].sort());
    assert.equal(drawn.length, expected.size, 'one edge per group and destination');
    assert.equal(await page.locator(`svg.graph g.edge.egress[data-from="${app}"][data-to="${db}"] text`).textContent(), 'TCP 5432');
    assert.equal(await page.locator(`svg.graph g.edge.egress[data-from="${app}"][data-to="10.0.0.0/8"] text`).textContent(), 'deny TCP 6379');
    assert.equal(await page.locator(`svg.graph g.edge.egress[data-from="${app}"][data-to="+2 CIDRs (${app})"] text`).textContent(), '2 rules');
    assert.equal(await page.locator('svg.graph g.edge.ingress').count(), 0);
    assert.equal(await page.locator('svg.graph g.node.peer.source').count(), 0);
    // Outbound (accept) edges are blue, inbound grey, denies dashed red.
    assert.equal(await page.locator(`svg.graph g.edge.egress[data-from="${app}"][data-to="${db}"] path`).getAttribute('stroke'), '#0550ae');
    assert.equal(await page.locator(`svg.graph g.edge.egress[data-from="${app}"][data-to="10.0.0.0/8"] path`).getAttribute('stroke-dasharray'), '4 3');
    // The destinations column is to the right of the groups.
    const groupX = Number(await page.locator(`svg.graph g.node.group[data-node="${app}"] rect`).getAttribute('x'));
    const destX = Number(await page.locator(`svg.graph g.node.peer.destination[data-node="${db}"] rect`).getAttribute('x'));
    assert.ok(destX > groupX, `destinations (${destX}) right of groups (${groupX})`);
    await assertAccessible(page, 'graph egress');

    await go(page, `${BASE}${C}/graph?vpc=${net.VpcId}&dir=both`);
    const both = await edgesShown();
    const ingress = both.filter((e) => e.startsWith('ingress '));
    assert.deepEqual(both.filter((e) => e.startsWith('egress ')).sort(), [...drawn].sort(), 'both: the same outbound edges');
    assert.ok(ingress.includes(`ingress ${web}>${app}`) && ingress.includes(`ingress ${bigList}>${web}`), 'both: the inbound edges too');
    assert.equal(await page.locator(`svg.graph g.edge.ingress[data-from="${web}"][data-to="${app}"] path`).getAttribute('stroke'), '#57606a');
    const sourceX = Number(await page.locator(`svg.graph g.node.peer.source[data-node="${web}"] rect`).getAttribute('x'));
    const middleX = Number(await page.locator(`svg.graph g.node.group[data-node="${web}"] rect`).getAttribute('x'));
    assert.ok(sourceX < middleX, 'sources left of groups');
    await shoot(page, 'graph-egress');
    await assertAccessible(page, 'graph both');
    assert.deepEqual(errors, []);
  });

  /** The ports matrix cells as [to, proto, port, state]. */
  async function portCells() {
    return page.locator('table.ports td[data-to]').evaluateAll((tds) => tds.map((td) => [td.dataset.to, td.dataset.proto, td.dataset.port ? Number(td.dataset.port) : null, td.dataset.state]));
  }

  async function reachable(Source, to, proto, port) {
    const r = await emulator(BASE, '/_emulator/traffic/reachability', {
      RegionId: REGION, Source, Destination: { InstanceId: to }, IpProtocol: proto, ...(port === null ? {} : { DestinationPort: port }),
    });
    return r.Reachable;
  }

  it('matrix by common ports, from an instance: every cell is the reachability of that pair and port; a click opens its trace', { timeout: TEST_TIMEOUT }, async () => {
    await go(page, `${BASE}${C}/matrix?vpc=${net.VpcId}`);
    await submit(page, '#matrix-view-ports');
    await page.fill('#ports-src', vmWeb.id);
    await submit(page, '#ports-submit');
    assert.match(page.url(), new RegExp(`by=ports.*src=${vmWeb.id}`));
    const cells = await portCells();
    assert.equal(cells.length, 2 * PORTS.length, 'two destinations (the source is not one) by 11 ports');
    assert.deepEqual([...new Set(cells.map((c) => `${c[1]} ${c[2]}`))], PORTS.map(([p, n]) => `${p} ${n}`));
    for (const [to, proto, port, state] of cells) {
      assert.ok(state === 'accept' || state === 'drop', state);
      assert.equal(state === 'accept', await reachable({ InstanceId: vmWeb.id }, to, proto, port), `${vmWeb.id} -> ${to} ${proto} ${port}`);
    }
    assert.deepEqual(cells.filter((c) => c[3] === 'accept').map((c) => `${c[0]} ${c[2]}`), [`${vmApp.id} 5432`], 'web reaches only app on 5432');
    await assertAccessible(page, 'matrix by ports (instance)');
    await submit(page, `table.ports td[data-to="${vmApp.id}"][data-port="5432"] a`);
    assert.match(page.url(), new RegExp(`/why\\?src=${vmWeb.id}&dst=${vmApp.id}&proto=TCP&port=5432`));
    assert.equal(await page.locator('#why-verdict [data-reachable]').getAttribute('data-reachable'), 'true');
  });

  it('matrix by common ports, from a CIDR: accept when every address gets in, drop when none, some when part does, as reachability says', { timeout: TEST_TIMEOUT }, async () => {
    for (const cidr of ['0.0.0.0/0', '198.51.100.0/24', '203.0.113.7']) {
      await go(page, `${BASE}${C}/matrix?by=ports&vpc=${net.VpcId}&src=${encodeURIComponent(cidr)}`);
      const cells = await portCells();
      assert.equal(cells.length, 3 * PORTS.length, `${cidr}: three destinations by 11 ports`);
      const [base, bits] = cidr.includes('/') ? cidr.split('/') : [cidr, '32'];
      const first = base;
      const last = Number(bits) === 0 ? '255.255.255.255' : Number(bits) === 24 ? base.replace(/\.0$/, '.255') : base;
      for (const [to, proto, port, state] of cells) {
        const [a, b] = [await reachable({ Ip: first }, to, proto, port), await reachable({ Ip: last }, to, proto, port)];
        if (state === 'some') {
          assert.notEqual(a && b, true, `${cidr} -> ${to} ${proto} ${port}: some, yet both ends accepted`);
        } else {
          assert.equal(a, state === 'accept', `${cidr} -> ${to} ${proto} ${port} (first address)`);
          assert.equal(b, state === 'accept', `${cidr} -> ${to} ${proto} ${port} (last address)`);
        }
      }
      const open = cells.filter((c) => c[3] !== 'drop').map((c) => `${c[0]} ${c[1]} ${c[2]} ${c[3]}`).sort();
      const expected = {
        // 0.0.0.0/0 holds the web and app instances' addresses, which the app and db groups admit on 5432.
        '0.0.0.0/0': [`${vmApp.id} TCP 5432 some`, `${vmDb.id} TCP 5432 some`, `${vmWeb.id} ICMP null accept`, `${vmWeb.id} TCP 22 accept`,
          `${vmWeb.id} TCP 3306 some`, `${vmWeb.id} TCP 443 accept`],
        '198.51.100.0/24': [`${vmWeb.id} ICMP null accept`, `${vmWeb.id} TCP 22 accept`, `${vmWeb.id} TCP 3306 some`, `${vmWeb.id} TCP 443 accept`],
        '203.0.113.7': [`${vmWeb.id} ICMP null accept`, `${vmWeb.id} TCP 22 accept`, `${vmWeb.id} TCP 443 accept`],
      }[cidr];
      assert.deepEqual(open, expected.sort(), cidr);
    }
    // The partly open cell: the first half of 198.51.100.0/24 gets in, the second does not; its link opens the exposure.
    await go(page, `${BASE}${C}/matrix?by=ports&vpc=${net.VpcId}&src=198.51.100.0%2F24`);
    assert.equal(await reachable({ Ip: '198.51.100.0' }, vmWeb.id, 'TCP', 3306), true);
    assert.equal(await reachable({ Ip: '198.51.100.255' }, vmWeb.id, 'TCP', 3306), false);
    await shoot(page, 'matrix-ports');
    await assertAccessible(page, 'matrix by ports (CIDR)');
    await submit(page, `table.ports td[data-to="${vmWeb.id}"][data-port="3306"] a`);
    assert.match(page.url(), new RegExp(`/exposure\\?instance=${vmWeb.id}&proto=TCP&port=3306`));
    assert.deepEqual(await page.locator('li[data-cidr]').evaluateAll((li) => li.map((l) => l.dataset.cidr)), ['198.51.100.0/25']);
    // An accepted cell opens Why from the CIDR's first address.
    await go(page, `${BASE}${C}/matrix?by=ports&vpc=${net.VpcId}&src=198.51.100.0%2F24`);
    await submit(page, `table.ports td[data-to="${vmWeb.id}"][data-port="443"] a`);
    assert.match(page.url(), new RegExp(`/why\\?src=198\\.51\\.100\\.0&dst=${vmWeb.id}&proto=TCP&port=443`));
    assert.equal(await page.locator('#why-verdict [data-reachable]').getAttribute('data-reachable'), 'true');
    // An IPv6 CIDR asks the IPv6 exposure: ::/0 reaches web's port 80 but for the 2001:db8::/32 deny, and nothing else
    // (the other rules are IPv4). Reachability cannot check it here (the instances have no IPv6 address): the exposure does.
    await go(page, `${BASE}${C}/matrix?by=ports&vpc=${net.VpcId}&src=${encodeURIComponent('::/0')}`);
    const v6cells = await portCells();
    assert.equal(v6cells.length, 3 * PORTS.length);
    assert.deepEqual(v6cells.filter((c) => c[3] !== 'drop').map((c) => `${c[0]} ${c[2]} ${c[3]}`), [`${vmWeb.id} 80 some`]);
    const web80 = await emulator(BASE, '/_emulator/traffic/exposure', {
      RegionId: REGION, InstanceId: vmWeb.id, Direction: 'ingress', IpProtocol: 'TCP', Port: 80, AddressFamily: 'IPv6',
    });
    assert.ok(web80.AcceptedCidrs.length > 0 && web80.DroppedCidrs.includes('2001:db8::/32'));
    // A source that is neither is refused inline.
    await go(page, `${BASE}${C}/matrix?by=ports&vpc=${net.VpcId}&src=not-a-source`);
    assert.equal(await page.locator('.refusal').getAttribute('data-code'), 'InvalidParameter');
    assert.deepEqual(errors, []);
  });

  it('exposure: IPv6 ranges on the IPv6 line, and egress destinations, are those /_emulator/traffic/exposure gives; the form keeps direction and family in the URL', { timeout: TEST_TIMEOUT }, async () => {
    await go(page, `${BASE}${C}/exposure?instance=${vmWeb.id}&proto=TCP&port=80`);
    await page.selectOption('#exposure-family', 'IPv6');
    await submit(page, '#exposure-submit');
    assert.match(page.url(), /family=IPv6/);
    const v6 = await emulator(BASE, '/_emulator/traffic/exposure', {
      RegionId: REGION, InstanceId: vmWeb.id, Direction: 'ingress', IpProtocol: 'TCP', Port: 80, AddressFamily: 'IPv6',
    });
    assert.ok(v6.AcceptedCidrs.length > 1, 'the ::/0 rule minus the 2001:db8::/32 deny');
    assert.ok(!v6.AcceptedCidrs.some((c) => c.startsWith('2001:db8::/')));
    assert.deepEqual(await page.locator('li[data-cidr]').evaluateAll((li) => li.map((l) => l.dataset.cidr)), v6.AcceptedCidrs.slice(0, 200));
    assert.equal(await page.locator('svg.exposure rect.open').count(), v6.AcceptedCidrs.length);
    // The /32 cut out of ::/0 is far narrower than a drawing unit: it is marked as a hole at 2001:db8:: on the line.
    const holes = await page.locator('svg.exposure rect.hole').evaluateAll((r) => r.map((x) => Number(x.getAttribute('x'))));
    assert.equal(holes.length, 1);
    assert.ok(Math.abs(holes[0] - (20 + (0x20010db8 / 2 ** 32) * 1000)) < 0.01, `hole at ${holes[0]}`);
    assert.deepEqual(await page.locator('svg.exposure g.tick text').allTextContents(), ['::', '2000::', '4000::', '8000::', 'c000::', 'fc00::']);
    const rules = (await rulesOf(BASE, web, 'ingress')).filter((r) => r.PortRange === '80/80');
    assert.equal(rules.length, 2);
    for (const r of rules) {
      assert.equal(await page.locator(`table[aria-label="Covering rules"] tr[data-rule="${r.SecurityGroupRuleId}"]`).count(), 1);
    }
    assert.equal(await page.locator('table[aria-label="Covering rules"] tbody tr').count(), 2, 'only the IPv6 rules cover port 80 over IPv6');
    await shoot(page, 'exposure-ipv6');
    await assertAccessible(page, 'exposure ipv6');

    for (const [family, port, proto] of [['IPv4', 443, 'TCP'], ['IPv4', 53, 'UDP'], ['IPv6', 53, 'UDP']]) {
      await go(page, `${BASE}${C}/exposure?instance=${vmApp.id}&dir=egress&family=${family}&proto=${proto}&port=${port}`);
      const out = await emulator(BASE, '/_emulator/traffic/exposure', {
        RegionId: REGION, InstanceId: vmApp.id, Direction: 'egress', IpProtocol: proto, Port: port, AddressFamily: family,
      });
      assert.ok(out.AcceptedCidrs.length > 0, `${family} ${proto} ${port}`);
      assert.deepEqual(await page.locator('li[data-cidr]').evaluateAll((li) => li.map((l) => l.dataset.cidr)), out.AcceptedCidrs.slice(0, 200), `${family} ${proto} ${port}`);
      assert.equal(await page.locator('svg.exposure').getAttribute('data-dir'), 'egress');
      assert.equal(await page.locator('#exposure-dir').inputValue(), 'egress');
      const covering = (await rulesOf(BASE, app, 'egress')).filter((r) => r.IpProtocol.toUpperCase() === proto || r.IpProtocol.toUpperCase() === 'ALL')
        .filter((r) => r.PortRange === '-1/-1' || Number(r.PortRange.split('/')[0]) <= port && port <= Number(r.PortRange.split('/')[1]))
        .filter((r) => (family === 'IPv6') === Boolean(r.Ipv6DestCidrIp) || Boolean(r.DestGroupId || r.DestPrefixListId));
      assert.deepEqual((await page.locator('table[aria-label="Covering rules"] tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.rule))).sort(),
        covering.map((r) => r.SecurityGroupRuleId).sort(), `covering rules ${family} ${proto} ${port}`);
    }
    await go(page, `${BASE}${C}/exposure?instance=${vmApp.id}&dir=egress&family=IPv4&proto=TCP&port=443`);
    await shoot(page, 'exposure-egress');
    await assertAccessible(page, 'exposure egress');
    assert.deepEqual(errors, []);
  });

  it('findings: every kind is found and shows a fixing call; making each call through the API makes its finding disappear', { timeout: 2 * TEST_TIMEOUT }, async () => {
    await go(page, `${BASE}${C}/findings`);
    const listed = (await emulator(BASE, `/_emulator/findings?RegionId=${REGION}`)).Findings;
    assert.deepEqual([...new Set(listed.map((f) => f.Code))].sort(),
      ['AllPortsOpenToInternet', 'EmptyGroup', 'ListEatsEniRuleQuota', 'ManagementPortOpenToInternet', 'RedundantRule', 'ShadowedRule']);
    const rows = await page.locator('table.findings tbody tr[data-code]').evaluateAll((trs) => trs.map((tr) => ({
      code: tr.dataset.code, group: tr.dataset.group, rule: tr.dataset.rule || '', call: tr.querySelector('pre.call')?.textContent ?? null,
    })));
    assert.equal(rows.length, listed.length);
    for (const row of rows) {
      assert.ok(row.call, `${row.code} ${row.group} ${row.rule} has a fixing call`);
    }
    const quota = rows.find((r) => r.code === 'ListEatsEniRuleQuota');
    const quotaRule = (await rulesOf(BASE, web, 'ingress')).find((r) => r.SourcePrefixListId === bigList);
    assert.equal(quota.call, `GET /?Action=RevokeSecurityGroup&Version=2014-05-26&RegionId=${REGION}&SecurityGroupId=${web}&SecurityGroupRuleId.1=${quotaRule.SecurityGroupRuleId}`);
    assert.match(await page.locator('tr[data-code="ListEatsEniRuleQuota"] .fix-note').textContent(), /CreatePrefixList/);
    await shoot(page, 'findings-fixes');
    await assertAccessible(page, 'findings');

    // The quota finding by its button, the rest by their calls made through the API (unsigned, Relaxed).
    await submit(page, 'tr[data-code="ListEatsEniRuleQuota"] button');
    const key = (f) => `${f.code ?? f.Code} ${f.group ?? f.SecurityGroupId} ${f.rule ?? f.SecurityGroupRuleId}`;
    const now = async () => new Set((await emulator(BASE, `/_emulator/findings?RegionId=${REGION}`)).Findings.map(key));
    assert.equal((await now()).has(key(quota)), false, 'the button made the quota finding disappear');
    for (const row of rows.filter((r) => r !== quota)) {
      if (!(await now()).has(key(row))) {
        continue; // an earlier fix took it away (the group was deleted, or the covering rule revoked)
      }
      const response = await fetch(`${BASE}${row.call.replace(/^GET /, '')}`, { signal: AbortSignal.timeout(30_000) });
      assert.equal(response.status, 200, `${row.call}: ${await response.text()}`);
      assert.equal((await now()).has(key(row)), false, `${key(row)} is gone after ${row.call}`);
    }
    await page.reload({ waitUntil: 'load' });
    assert.equal(await page.locator('table.findings tbody tr[data-code]').count(), (await now()).size);
    assert.deepEqual(errors, []);
  });
});
