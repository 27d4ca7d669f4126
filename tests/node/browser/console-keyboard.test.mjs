// The web console's main flows with the keyboard only (SG_ENDPOINT, Relaxed), headless Chromium: Tab and Shift+Tab to
// move, typing, Enter to follow a link or submit. Each step checks that the focused control shows its focus (a visible
// outline) and every result is read back through the API: edit and delete a rule (with its confirmation), import
// preview then import, clone, an instance joins and leaves a group, a matrix cell opens its trace, and a snapshot is
// taken, diffed and restored (with its confirmation).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  TEST_TIMEOUT, REGION, baseUrl, launch, openPage, call, emulator, reset, world, runInstance, assertAccessible, shoot, go, tabTo, rulesOf,
} from './console-helpers.mjs';

const BASE = baseUrl('SG_ENDPOINT');
const C = `/console/${REGION}`;
const LIST = `${C}/security-groups`;

/** The focused element's id, or its tag and aria-label. */
const focused = (page) => page.evaluate(() => document.activeElement?.id || `${document.activeElement?.tagName}:${document.activeElement?.getAttribute('aria-label') ?? ''}`);

/** The focused element's id once an `autofocus` after a navigation had its chance: Chromium applies autofocus at a rendering
 *  update after `load`, so this waits (up to 5 s) for `expected` before reading; the assertion after it still fails if the
 *  focus never lands there. */
async function focusedAfterAutofocus(page, expected) {
  await page.waitForFunction((id) => document.activeElement?.id === id, expected, { timeout: 5000 }).catch(() => {});
  return focused(page);
}

/** The focused control draws a visible outline (:focus-visible, 3px). */
async function assertFocusVisible(page, what) {
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  assert.ok(outline.style !== 'none' && outline.width >= 2, `${what}: focus not visible (${JSON.stringify(outline)})`);
}

/** Tab to a control, check its focus is visible, press Enter and wait for the navigation it starts. */
async function enter(page, selector, max) {
  await tabTo(page, selector, max);
  await assertFocusVisible(page, selector);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
}

describe('Web console: keyboard only (headless Chromium)', { timeout: 12 * TEST_TIMEOUT }, () => {
  let browser;
  let context;
  let page;
  let errors;
  let net;

  before(async () => {
    await reset(BASE);
    net = await world(BASE);
    ({ browser, context } = await launch());
    ({ page, errors } = await openPage(context));
  });

  after(async () => {
    await context?.close().catch(() => {});
    await browser?.close();
  });

  it('edit a rule, then delete one through its confirmation (focus moves to it; Shift+Tab and Tab reach Cancel and Delete)', { timeout: TEST_TIMEOUT }, async () => {
    const { SecurityGroupId: sg } = await call(BASE, 'CreateSecurityGroup', { VpcId: net.VpcId, SecurityGroupName: 'kbd-rules' });
    await call(BASE, 'AuthorizeSecurityGroup', {
      SecurityGroupId: sg, 'Permissions.1.IpProtocol': 'TCP', 'Permissions.1.PortRange': '22/22', 'Permissions.1.SourceCidrIp': '10.0.0.0/8',
      'Permissions.2.IpProtocol': 'TCP', 'Permissions.2.PortRange': '443/443', 'Permissions.2.SourceCidrIp': '0.0.0.0/0',
    });
    const rules = await rulesOf(BASE, sg, 'ingress');
    const ssh = rules.find((r) => r.PortRange === '22/22');
    const https = rules.find((r) => r.PortRange === '443/443');

    await go(page, `${BASE}${LIST}/${sg}?direction=ingress`);
    await enter(page, `a[aria-label="Edit ${ssh.SecurityGroupRuleId}"]`);
    assert.equal(await focused(page), 'edit-panel', 'the edit panel takes the focus');
    await tabTo(page, '#edit-priority', 20);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('7');
    await enter(page, '#edit-submit', 20);
    assert.equal((await rulesOf(BASE, sg, 'ingress')).find((r) => r.SecurityGroupRuleId === ssh.SecurityGroupRuleId).Priority, '7');

    await enter(page, `a[aria-label="Delete ${https.SecurityGroupRuleId}"]`);
    assert.equal(await focused(page), 'revoke-panel', 'the confirmation takes the focus');
    assert.equal((await rulesOf(BASE, sg, 'ingress')).length, 2, 'nothing deleted before the confirmation');
    await assertAccessible(page, 'delete confirmation');
    await tabTo(page, '#revoke-cancel', 5);
    await assertFocusVisible(page, 'cancel');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focused(page), 'revoke-confirm');
    await assertFocusVisible(page, 'delete');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    assert.deepEqual((await rulesOf(BASE, sg, 'ingress')).map((r) => r.SecurityGroupRuleId), [ssh.SecurityGroupRuleId]);
    assert.deepEqual(errors, []);
  });

  it('import: a preview of every rule, then the import; and clone', { timeout: TEST_TIMEOUT }, async () => {
    const { SecurityGroupId: target } = await call(BASE, 'CreateSecurityGroup', { VpcId: net.VpcId, SecurityGroupName: 'kbd-import' });
    const file = JSON.stringify({ Permissions: [
      { Direction: 'ingress', IpProtocol: 'TCP', PortRange: '80/80', SourceCidrIp: '0.0.0.0/0', Priority: '1', Policy: 'Accept' },
      { Direction: 'ingress', IpProtocol: 'TCP', PortRange: '8443/8443', SourceCidrIp: '10.0.0.0/8', Priority: '2', Policy: 'Accept' },
    ] });

    await go(page, `${BASE}${LIST}/${target}?direction=ingress`);
    await enter(page, `a[href*="/security-groups/${target}/import"]`);
    await tabTo(page, '#import-content');
    await assertFocusVisible(page, 'import text box');
    await page.keyboard.insertText(file);
    await enter(page, '#preview-submit');
    assert.equal(await page.locator('table[aria-label="Preview"] tbody tr').count(), 2);
    assert.equal((await rulesOf(BASE, target)).length, 0, 'the preview wrote nothing');
    await enter(page, '#import-submit');
    assert.deepEqual((await rulesOf(BASE, target)).map((r) => r.PortRange).sort(), ['80/80', '8443/8443']);

    await go(page, `${BASE}${LIST}/${target}?direction=ingress`);
    await enter(page, 'a.button[href*="clone=1"]');
    assert.equal(await focused(page), 'clone-panel', 'the clone dialog takes the focus');
    await tabTo(page, '#clone-name', 5);
    await page.keyboard.type('kbd-copy');
    await enter(page, '#clone-submit');
    const copy = new URL(page.url()).pathname.split('/').pop();
    assert.notEqual(copy, target);
    const cloned = await call(BASE, 'DescribeSecurityGroupAttribute', { SecurityGroupId: copy });
    assert.equal(cloned.SecurityGroupName, 'kbd-copy');
    assert.deepEqual(cloned.Permissions.Permission.map((r) => r.PortRange).sort(), ['80/80', '8443/8443']);
    assert.deepEqual(errors, []);
  });

  it('members: an instance joins and leaves a group', { timeout: TEST_TIMEOUT }, async () => {
    const { SecurityGroupId: home } = await call(BASE, 'CreateSecurityGroup', { VpcId: net.VpcId, SecurityGroupName: 'kbd-home' });
    const { SecurityGroupId: extra } = await call(BASE, 'CreateSecurityGroup', { VpcId: net.VpcId, SecurityGroupName: 'kbd-extra' });
    const vm = await runInstance(BASE, net.VSwitchId, [home], 'kbd-joiner');
    const eni = (await call(BASE, 'DescribeNetworkInterfaces', { InstanceId: vm.id })).NetworkInterfaceSets.NetworkInterfaceSet[0].NetworkInterfaceId;
    const groupsOf = async () => (await call(BASE, 'DescribeInstances', { InstanceIds: JSON.stringify([vm.id]) })).Instances.Instance[0].SecurityGroupIds.SecurityGroupId;

    await go(page, `${BASE}${LIST}/${extra}`);
    await enter(page, 'a[href*="direction=members"]');
    await enter(page, `table[aria-label="Candidates"] tr[data-eni="${eni}"] button`, 200);
    assert.deepEqual((await groupsOf()).sort(), [home, extra].sort());
    await enter(page, `table[aria-label="Members"] tr[data-eni="${eni}"] button`, 200);
    assert.deepEqual(await groupsOf(), [home]);
    assert.deepEqual(errors, []);
  });

  it('matrix: a cell opens its trace, which agrees with the reachability evaluation', { timeout: TEST_TIMEOUT }, async () => {
    const { SecurityGroupId: web } = await call(BASE, 'CreateSecurityGroup', { VpcId: net.VpcId, SecurityGroupName: 'kbd-web' });
    const { SecurityGroupId: db } = await call(BASE, 'CreateSecurityGroup', { VpcId: net.VpcId, SecurityGroupName: 'kbd-db' });
    await call(BASE, 'AuthorizeSecurityGroup', {
      SecurityGroupId: db, 'Permissions.1.IpProtocol': 'TCP', 'Permissions.1.PortRange': '5432/5432', 'Permissions.1.SourceGroupId': web,
    });
    const from = await runInstance(BASE, net.VSwitchId, [web], 'kbd-from');
    const to = await runInstance(BASE, net.VSwitchId, [db], 'kbd-to');

    await go(page, `${BASE}${C}/matrix?vpc=${net.VpcId}&proto=TCP&port=5432`);
    await enter(page, `td[data-from="${from.id}"][data-to="${to.id}"] a`, 200);
    assert.equal(new URL(page.url()).pathname, `${C}/why`);
    const r = await emulator(BASE, '/_emulator/traffic/reachability', {
      RegionId: REGION, Source: { InstanceId: from.id }, Destination: { InstanceId: to.id }, IpProtocol: 'TCP', DestinationPort: 5432,
    });
    assert.equal(r.Reachable, true);
    assert.equal(await page.locator('#why-verdict .decision').getAttribute('data-reachable'), 'true');
    assert.deepEqual(errors, []);
  });

  it('snapshot: take (named), see the diff, restore through its confirmation; the API reads the state back', { timeout: TEST_TIMEOUT }, async () => {
    const { SecurityGroupId: sg } = await call(BASE, 'CreateSecurityGroup', { VpcId: net.VpcId, SecurityGroupName: 'kbd-snap' });
    await go(page, `${BASE}${C}/snapshots`);
    await tabTo(page, '#snapshot-name');
    await assertFocusVisible(page, 'snapshot name');
    await page.keyboard.type('by-keyboard');
    await enter(page, '#snapshot-take');
    assert.match(page.url(), /snapshot=\d+/);
    assert.equal(await page.locator('#snapshot-same').count(), 1);
    const id = new URL(page.url()).searchParams.get('snapshot');
    const listed = await emulator(BASE, `/_emulator/snapshots?RegionId=${REGION}`);
    assert.equal(listed.Snapshots.find((s) => String(s.SnapshotId) === id)?.Name, 'by-keyboard');

    // The test run: a rule added, the group renamed, a group created.
    await call(BASE, 'AuthorizeSecurityGroup', { SecurityGroupId: sg, 'Permissions.1.IpProtocol': 'TCP', 'Permissions.1.PortRange': '9000/9000', 'Permissions.1.SourceCidrIp': '10.0.0.0/8' });
    await call(BASE, 'ModifySecurityGroupAttribute', { SecurityGroupId: sg, SecurityGroupName: 'kbd-snap-renamed' });
    const { SecurityGroupId: created } = await call(BASE, 'CreateSecurityGroup', { VpcId: net.VpcId, SecurityGroupName: 'kbd-created' });
    const added = (await rulesOf(BASE, sg, 'ingress'))[0];

    await go(page, `${BASE}${C}/snapshots?snapshot=${id}`);
    const section = page.locator(`section[data-group="${sg}"]`);
    assert.equal(await section.locator(`tr[data-rule="${added.SecurityGroupRuleId}"]`).getAttribute('data-change'), 'added');
    assert.equal(await section.locator('li[data-field="SecurityGroupName"]').count(), 1);
    assert.equal(await page.locator(`section[data-group="${created}"]`).getAttribute('data-change'), 'added');

    await enter(page, '#snapshot-restore');
    assert.equal(await focusedAfterAutofocus(page, 'snapshot-restore-confirm'), 'snapshot-restore-confirm', 'the confirmation button takes the focus');
    await assertFocusVisible(page, 'restore');
    await shoot(page, 'snapshot-restore');
    await assertAccessible(page, 'restore confirmation');
    assert.equal((await rulesOf(BASE, sg, 'ingress')).length, 1, 'nothing restored before the confirmation');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);

    assert.equal(await page.locator('#snapshot-restored').count(), 1);
    assert.equal(await page.locator('#snapshot-same').count(), 1, 'the diff is empty after the restore');
    assert.equal((await rulesOf(BASE, sg, 'ingress')).length, 0);
    assert.equal((await call(BASE, 'DescribeSecurityGroups', { SecurityGroupId: sg })).SecurityGroups.SecurityGroup[0].SecurityGroupName, 'kbd-snap');
    assert.equal((await call(BASE, 'DescribeSecurityGroups', { SecurityGroupId: created })).TotalCount, 0);
    assert.deepEqual((await emulator(BASE, `/_emulator/snapshots/${id}/diff`)).Groups, []);
    assert.deepEqual(errors, []);
  });
});
