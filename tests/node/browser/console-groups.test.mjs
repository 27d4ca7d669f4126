// The web console's Alibaba pages in headless Chromium against a Relaxed server (SG_ENDPOINT): the shell (region and
// account switch, deep links), the security-group list (filters, paging, create, delete), a group's rules (presets,
// add, edit, search, delete), members (join, leave), clone, export and import with preview; refusals show the API's
// own code and message. Every change made in the UI is read back through the API. Keyboard-only flows and an axe-core
// scan of each page. Screenshots go to docs/console/.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  TEST_TIMEOUT, REGION, VPC, baseUrl, launch, openPage, api, call, reset, world, runInstance, assertAccessible, shoot, go, submit, tabTo, rulesOf,
} from './console-helpers.mjs';

const BASE = process.env.SG_ENDPOINT ? baseUrl('SG_ENDPOINT') : undefined;
const LIST = `/console/${REGION}/security-groups`;

describe('Web console: security groups (headless Chromium, Relaxed)', { timeout: 20 * TEST_TIMEOUT }, () => {
  let browser;
  let context;
  let page;
  let errors;
  let net;

  before(async () => {
    assert.ok(BASE, 'SG_ENDPOINT is not set');
    await reset(BASE);
    net = await world(BASE);
    ({ browser, context } = await launch());
    ({ page, errors } = await openPage(context));
  });

  after(async () => {
    await context?.close().catch(() => {});
    await browser?.close();
  });

  it('shell: /console opens the default region, every page is a URL, the region and account switch', { timeout: TEST_TIMEOUT }, async () => {
    await go(page, `${BASE}/console`);
    assert.equal(new URL(page.url()).pathname, LIST);
    assert.equal(await page.locator('h1').textContent(), 'Security groups');
    assert.equal(await page.locator('#region-select').inputValue(), REGION);

    await page.selectOption('#region-select', 'cn-shanghai'); // the small script submits on change
    await page.waitForURL(/\/console\/cn-shanghai\/security-groups$/);
    await page.selectOption('#region-select', REGION);
    await page.waitForURL(new RegExp(`/console/${REGION}/security-groups$`));

    // Relaxed: the account switch; test2's groups are not test's.
    const { SecurityGroupId: other } = await call(BASE, 'CreateSecurityGroup', { SecurityGroupName: 'of-test2', AccessKeyId: 'test2' });
    // The small script submits on change: wait for that navigation itself (a load state already reached would not wait).
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.selectOption('#account-select', 'test2')]);
    await page.locator(`tr[data-group="${other}"]`).waitFor();
    assert.equal(await page.locator('#account-select').inputValue(), 'test2');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.selectOption('#account-select', 'test')]);
    assert.equal(await page.locator('#account-select').inputValue(), 'test');
    assert.equal(await page.locator(`tr[data-group="${other}"]`).count(), 0, "the default account does not see test2's group");

    const unknown = await go(page, `${BASE}/console/xx-nowhere-1/security-groups`);
    assert.equal(unknown.status(), 200);
    assert.equal(await page.locator('.refusal').getAttribute('data-code'), 'InvalidRegionId.NotFound');
    assert.deepEqual(errors, []);
  });

  it('creates a group through the UI and the API reads it back; a refused name shows the API code and message', { timeout: TEST_TIMEOUT }, async () => {
    await go(page, `${BASE}${LIST}?create=1`);
    await page.fill('#create-name', 'http://refused');
    await page.fill('#create-description', 'made in the console');
    await submit(page, '#create-submit');
    const refused = await api(BASE, 'CreateSecurityGroup', { SecurityGroupName: 'http://refused', Description: 'made in the console' });
    assert.equal(refused.status, 400);
    assert.equal(await page.locator('.refusal').getAttribute('data-code'), refused.body.Code);
    assert.equal(await page.locator('.refusal .message').textContent(), refused.body.Message);
    assert.equal(await page.locator('#create-description').inputValue(), 'made in the console', 'the form keeps its values');
    await shoot(page, 'refusal');

    await page.fill('#create-name', 'web-console');
    await page.selectOption('#create-vpc', net.VpcId);
    await page.fill('#create-tag', 'team=web');
    await submit(page, '#create-submit');
    const id = new URL(page.url()).pathname.split('/').pop();
    assert.match(id, /^sg-[a-z0-9]{20}$/);

    const listed = await call(BASE, 'DescribeSecurityGroups', { SecurityGroupId: id });
    assert.equal(listed.TotalCount, 1);
    const g = listed.SecurityGroups.SecurityGroup[0];
    assert.deepEqual([g.SecurityGroupName, g.Description, g.VpcId, g.SecurityGroupType], ['web-console', 'made in the console', net.VpcId, 'normal']);
    assert.deepEqual(g.Tags.Tag, [{ TagKey: 'team', TagValue: 'web' }]);
    assert.equal((await call(BASE, 'DescribeSecurityGroups', { SecurityGroupName: 'http://refused' })).TotalCount, 0);
  });

  it('rules: quick-add preset, add, edit, search and delete, each read back through the API; a refused rule shows its code', { timeout: TEST_TIMEOUT }, async () => {
    const { SecurityGroupId: sg } = await call(BASE, 'CreateSecurityGroup', { VpcId: net.VpcId, SecurityGroupName: 'rules' });
    const page1 = `${BASE}${LIST}/${sg}`;
    await go(page, page1);
    assert.equal(await page.locator('.presets a').count(), 11);
    await page.click('.presets a:has-text("SSH 22")');
    assert.equal(await page.locator('#add-ports').inputValue(), '22/22');
    assert.equal(await page.locator('#add-protocol').inputValue(), 'TCP');
    await page.fill('#add-peer', '10.0.0.0/8');
    await submit(page, '#add-submit');

    let rules = await rulesOf(BASE, sg, 'ingress');
    assert.equal(rules.length, 1);
    assert.deepEqual([rules[0].IpProtocol, rules[0].PortRange, rules[0].SourceCidrIp, rules[0].Policy, rules[0].Priority],
      ['TCP', '22/22', '10.0.0.0/8', 'Accept', '1']);
    await page.locator(`tr[data-rule="${rules[0].SecurityGroupRuleId}"]`).waitFor();

    await page.click('.presets a:has-text("HTTPS 443")');
    await page.fill('#add-peer', '0.0.0.0/0');
    await page.selectOption('#add-policy', 'drop');
    await page.fill('#add-priority', '7');
    await submit(page, '#add-submit');
    rules = await rulesOf(BASE, sg, 'ingress');
    const https = rules.find((r) => r.PortRange === '443/443');
    assert.deepEqual([https?.Policy, https?.Priority, https?.SourceCidrIp], ['Drop', '7', '0.0.0.0/0']);

    // A refused rule: the same code and message as the API answers for the same parameters.
    await page.click('.presets a:has-text("MySQL 3306")');
    await page.fill('#add-peer', '10.0.0.300/8');
    await submit(page, '#add-submit');
    const refused = await api(BASE, 'AuthorizeSecurityGroup', {
      SecurityGroupId: sg, 'Permissions.1.Policy': 'accept', 'Permissions.1.Priority': '1', 'Permissions.1.IpProtocol': 'TCP',
      'Permissions.1.PortRange': '3306/3306', 'Permissions.1.SourceCidrIp': '10.0.0.300/8', 'Permissions.1.Description': 'MySQL 3306',
    });
    assert.equal(refused.status, 400);
    assert.equal(await page.locator('.refusal').first().getAttribute('data-code'), refused.body.Code);
    assert.equal(await page.locator('.refusal .message').first().textContent(), refused.body.Message);
    assert.equal((await rulesOf(BASE, sg, 'ingress')).length, 2, 'nothing written');

    // Edit: priority 1 -> 5.
    const ssh = rules.find((r) => r.PortRange === '22/22');
    await go(page, `${page1}?direction=ingress&edit=${ssh.SecurityGroupRuleId}`);
    await page.fill('#edit-priority', '5');
    await page.fill('#edit-description', 'ssh from the office');
    await submit(page, '#edit-submit');
    const edited = (await rulesOf(BASE, sg, 'ingress')).find((r) => r.SecurityGroupRuleId === ssh.SecurityGroupRuleId);
    assert.deepEqual([edited.Priority, edited.Description], ['5', 'ssh from the office']);

    // Outbound tab.
    await go(page, `${page1}?direction=egress&add=custom`);
    await page.selectOption('#add-protocol', 'UDP');
    await page.fill('#add-ports', '53/53');
    await page.fill('#add-peer', '10.0.0.2/32');
    await submit(page, '#add-submit');
    const egress = await rulesOf(BASE, sg, 'egress');
    assert.deepEqual(egress.map((r) => [r.IpProtocol, r.PortRange, r.DestCidrIp]), [['UDP', '53/53', '10.0.0.2/32']]);
    assert.match(page.url(), /direction=egress/);

    // Search narrows the table.
    await go(page, `${page1}?direction=ingress&q=office`);
    assert.equal(await page.locator('table.rules tbody tr[data-rule]').count(), 1);
    await go(page, `${page1}?direction=ingress`);
    assert.equal(await page.locator('table.rules tbody tr[data-rule]').count(), 2);
    await shoot(page, 'group-rules');
    await assertAccessible(page, 'group rules');

    // Delete.
    await submit(page, `tr[data-rule="${https.SecurityGroupRuleId}"] a[aria-label^="Delete"]`);
    assert.equal((await rulesOf(BASE, sg, 'ingress')).length, 2, 'nothing deleted before the confirmation');
    await submit(page, '#revoke-confirm');
    assert.deepEqual((await rulesOf(BASE, sg, 'ingress')).map((r) => r.SecurityGroupRuleId), [ssh.SecurityGroupRuleId]);
    assert.deepEqual(errors, []);
  });

  it('list: filters by name, ID, VPC and tag, pages, and deletes; a refused delete shows the API code', { timeout: TEST_TIMEOUT }, async () => {
    for (let i = 0; i < 12; i++) {
      await call(BASE, 'CreateSecurityGroup', { SecurityGroupName: `page-${String(i).padStart(2, '0')}`, 'Tag.1.Key': 'batch', 'Tag.1.Value': 'paging' });
    }

    await go(page, `${BASE}${LIST}?tag=batch%3Dpaging`);
    assert.equal(await page.locator('tr[data-group]').count(), 10);
    await submit(page, '.pager a[rel="next"]');
    assert.match(page.url(), /page=2/);
    assert.equal(await page.locator('tr[data-group]').count(), 2);
    assert.match(await page.locator('.pager').textContent(), /12 groups · page 2 of 2/);

    await go(page, `${BASE}${LIST}`);
    await page.fill('input[name="name"]', 'page-03');
    await submit(page, '.filters button[type="submit"]');
    assert.match(page.url(), /name=page-03/);
    assert.equal(await page.locator('tr[data-group]').count(), 1);
    const byName = await page.locator('tr[data-group]').getAttribute('data-group');

    await go(page, `${BASE}${LIST}?id=${byName}`);
    assert.deepEqual(await page.locator('tr[data-group]').evaluateAll((rows) => rows.map((r) => r.dataset.group)), [byName]);

    await go(page, `${BASE}${LIST}?vpc=${net.VpcId}`);
    const inVpc = await call(BASE, 'DescribeSecurityGroups', { VpcId: net.VpcId, PageSize: 50 });
    assert.equal(await page.locator('tr[data-group]').count(), inVpc.TotalCount);
    await shoot(page, 'security-groups');
    await assertAccessible(page, 'security-group list');

    // A group with a member cannot be deleted: the UI shows what the API answers.
    const { SecurityGroupId: busy } = await call(BASE, 'CreateSecurityGroup', { VpcId: net.VpcId, SecurityGroupName: 'busy' });
    await runInstance(BASE, net.VSwitchId, [busy], 'member');
    const refused = await api(BASE, 'DeleteSecurityGroup', { SecurityGroupId: busy });
    assert.notEqual(refused.status, 200);
    await go(page, `${BASE}${LIST}?delete=${busy}`);
    await submit(page, '#delete-confirm');
    assert.equal(await page.locator('.refusal').getAttribute('data-code'), refused.body.Code);
    assert.equal(await page.locator('.refusal .message').textContent(), refused.body.Message);

    await go(page, `${BASE}${LIST}?delete=${byName}`);
    await submit(page, '#delete-confirm');
    assert.equal((await call(BASE, 'DescribeSecurityGroups', { SecurityGroupId: byName })).TotalCount, 0);
    assert.deepEqual(errors, []);
  });

  it('members: an instance joins and leaves the group through the UI', { timeout: TEST_TIMEOUT }, async () => {
    const { SecurityGroupId: home } = await call(BASE, 'CreateSecurityGroup', { VpcId: net.VpcId, SecurityGroupName: 'home' });
    const { SecurityGroupId: extra } = await call(BASE, 'CreateSecurityGroup', { VpcId: net.VpcId, SecurityGroupName: 'extra' });
    const vm = await runInstance(BASE, net.VSwitchId, [home], 'joiner');
    const groupsOf = async () => (await call(BASE, 'DescribeInstances', { InstanceIds: JSON.stringify([vm.id]) })).Instances.Instance[0].SecurityGroupIds.SecurityGroupId;

    await go(page, `${BASE}${LIST}/${extra}?direction=members`);
    const eni = (await call(BASE, 'DescribeNetworkInterfaces', { InstanceId: vm.id })).NetworkInterfaceSets.NetworkInterfaceSet[0].NetworkInterfaceId;
    await submit(page, `table[aria-label="Candidates"] tr[data-eni="${eni}"] button`);
    assert.deepEqual((await groupsOf()).sort(), [home, extra].sort());
    await page.locator(`table[aria-label="Members"] tr[data-eni="${eni}"]`).waitFor();
    await shoot(page, 'members');
    await assertAccessible(page, 'members');
    await submit(page, `table[aria-label="Members"] tr[data-eni="${eni}"] button`);
    assert.deepEqual(await groupsOf(), [home]);
  });

  it('export (the console file names), import with a per-rule preview before anything is written, and clone', { timeout: TEST_TIMEOUT }, async () => {
    const { SecurityGroupId: source } = await call(BASE, 'CreateSecurityGroup', { VpcId: net.VpcId, SecurityGroupName: 'source' });
    await call(BASE, 'AuthorizeSecurityGroup', {
      SecurityGroupId: source, 'Permissions.1.IpProtocol': 'TCP', 'Permissions.1.PortRange': '80/80', 'Permissions.1.SourceCidrIp': '0.0.0.0/0',
      'Permissions.2.IpProtocol': 'TCP', 'Permissions.2.PortRange': '443/443', 'Permissions.2.SourceCidrIp': '0.0.0.0/0',
    });
    const exported = await page.request.get(`${BASE}${LIST}/${source}/export?format=json`);
    assert.equal(exported.status(), 200);
    assert.match(exported.headers()['content-disposition'], new RegExp(`filename=ecs_${REGION}_${source}\\.json`));
    const file = await exported.text();
    const csv = await page.request.get(`${BASE}${LIST}/${source}/export?format=csv`);
    assert.match(csv.headers()['content-disposition'], new RegExp(`filename=ecs_sgRule_${source}_${REGION}_\\d{4}-\\d{2}-\\d{2}\\.csv`));

    const { SecurityGroupId: target } = await call(BASE, 'CreateSecurityGroup', { VpcId: net.VpcId, SecurityGroupName: 'target' });
    await go(page, `${BASE}${LIST}/${target}/import`);
    await page.fill('#import-content', file);
    await submit(page, '#preview-submit');
    assert.equal(await page.locator('table[aria-label="Preview"] tbody tr').count(), 2);
    assert.deepEqual((await page.locator('table[aria-label="Preview"] tbody tr td:nth-child(6)').allTextContents()).sort(), ['443/443', '80/80']);
    assert.equal((await rulesOf(BASE, target)).length, 0, 'the preview wrote nothing');
    await shoot(page, 'import-preview');
    await assertAccessible(page, 'import preview');
    await submit(page, '#import-submit');
    assert.match(await page.locator('#import-result').textContent(), /Imported 2, duplicates 0, ignored 0, failed 0/);
    assert.deepEqual((await rulesOf(BASE, target)).map((r) => r.PortRange).sort(), ['443/443', '80/80']);

    // A malformed file is refused as the API refuses it, nothing written.
    await go(page, `${BASE}${LIST}/${target}/import`);
    await page.fill('#import-content', '{"Permissions": 7}');
    await submit(page, '#preview-submit');
    assert.match(await page.locator('.refusal').getAttribute('data-code'), /^Invalid/);

    // Clone with its rules.
    await go(page, `${BASE}${LIST}/${source}?clone=1`);
    await page.fill('#clone-name', 'source-copy');
    await submit(page, '#clone-submit');
    const copy = new URL(page.url()).pathname.split('/').pop();
    assert.notEqual(copy, source);
    const cloned = await call(BASE, 'DescribeSecurityGroupAttribute', { SecurityGroupId: copy });
    assert.equal(cloned.SecurityGroupName, 'source-copy');
    assert.deepEqual(cloned.Permissions.Permission.map((r) => r.PortRange).sort(), ['443/443', '80/80']);
    assert.deepEqual(errors, []);
  });

  it('prefix and port lists: created through the UI and read back; a refused entry shows the API code', { timeout: TEST_TIMEOUT }, async () => {
    await go(page, `${BASE}/console/${REGION}/lists`);
    await page.fill('#pl-name', 'office');
    await page.fill('#pl-max', '5');
    await page.fill('#pl-entries', '10.1.0.0/16, 192.168.7.0/24');
    await submit(page, '#pl-submit');
    const pl = (await call(BASE, 'DescribePrefixLists', {})).PrefixLists.PrefixList.find((l) => l.PrefixListName === 'office');
    assert.ok(pl, 'prefix list created');
    const attrs = await call(BASE, 'DescribePrefixListAttributes', { PrefixListId: pl.PrefixListId });
    assert.deepEqual(attrs.Entries.Entry.map((e) => e.Cidr).sort(), ['10.1.0.0/16', '192.168.7.0/24']);

    await page.fill('#prl-name', 'web-ports');
    await page.fill('#prl-max', '5');
    await page.fill('#prl-entries', '80/80, 8000/8080');
    await submit(page, '#prl-submit');
    const prl = (await call(BASE, 'DescribePortRangeLists', {})).PortRangeLists.find((l) => l.PortRangeListName === 'web-ports');
    assert.ok(prl, 'port list created');
    await page.locator(`tr[data-list="${prl.PortRangeListId}"]`).waitFor();
    await shoot(page, 'lists');
    await assertAccessible(page, 'lists');

    await page.fill('#pl-name', 'bad');
    await page.fill('#pl-max', '5');
    await page.fill('#pl-entries', '10.0.0.300/8');
    await submit(page, '#pl-submit');
    const refused = await api(BASE, 'CreatePrefixList', { PrefixListName: 'bad', AddressFamily: 'IPv4', MaxEntries: '5', 'Entry.1.Cidr': '10.0.0.300/8' });
    assert.equal(refused.status, 400);
    assert.equal(await page.locator('.refusal').getAttribute('data-code'), refused.body.Code);
  });

  it('prefix and port lists: entries added and removed through the UI (ModifyPrefixList / ModifyPortRangeList); refusals inline in the row', { timeout: TEST_TIMEOUT }, async () => {
    const pl = (await call(BASE, 'DescribePrefixLists', {})).PrefixLists.PrefixList.find((l) => l.PrefixListName === 'office');
    const prl = (await call(BASE, 'DescribePortRangeLists', {})).PortRangeLists.find((l) => l.PortRangeListName === 'web-ports');
    assert.ok(pl && prl, 'the lists of the previous test');
    const cidrs = async () => (await call(BASE, 'DescribePrefixListAttributes', { PrefixListId: pl.PrefixListId })).Entries.Entry.map((e) => e.Cidr).sort();
    const ranges = async () => (await call(BASE, 'DescribePortRangeListEntries', { PortRangeListId: prl.PortRangeListId })).Entries.map((e) => e.PortRange).sort();

    await go(page, `${BASE}/console/${REGION}/lists`);
    await page.fill(`#pl-add-${pl.PrefixListId}`, '172.16.0.0/12');
    await page.fill(`#pl-remove-${pl.PrefixListId}`, '192.168.7.0/24');
    await submit(page, `#pl-modify-${pl.PrefixListId}`);
    assert.deepEqual(await cidrs(), ['10.1.0.0/16', '172.16.0.0/12']);
    assert.match(await page.locator(`tr[data-list="${pl.PrefixListId}"]`).textContent(), /172\.16\.0\.0\/12/);

    await page.fill(`#prl-add-${prl.PortRangeListId}`, '443/443');
    await page.fill(`#prl-remove-${prl.PortRangeListId}`, '80/80');
    await submit(page, `#prl-modify-${prl.PortRangeListId}`);
    assert.deepEqual(await ranges(), ['443/443', '8000/8080']);

    // More entries than MaxEntries (5): refused, the code shown in the list's own row, nothing changed.
    const extra = ['10.2.0.0/16', '10.3.0.0/16', '10.4.0.0/16', '10.5.0.0/16'];
    await page.fill(`#pl-add-${pl.PrefixListId}`, extra.join(', '));
    await submit(page, `#pl-modify-${pl.PrefixListId}`);
    const tooMany = await api(BASE, 'ModifyPrefixList', Object.fromEntries([['PrefixListId', pl.PrefixListId], ...extra.map((c, i) => [`AddEntry.${i + 1}.Cidr`, c])]));
    assert.ok(tooMany.status >= 400 && tooMany.status < 500, `the API refuses too many entries (${tooMany.status})`);
    assert.equal(await page.locator(`tr[data-list="${pl.PrefixListId}"] .refusal`).getAttribute('data-code'), tooMany.body.Code);
    assert.deepEqual(await cidrs(), ['10.1.0.0/16', '172.16.0.0/12']);

    await page.fill(`#prl-add-${prl.PortRangeListId}`, '70000/70000');
    await submit(page, `#prl-modify-${prl.PortRangeListId}`);
    const badPort = await api(BASE, 'ModifyPortRangeList', { PortRangeListId: prl.PortRangeListId, 'AddEntry.1.PortRange': '70000/70000' });
    assert.equal(badPort.status, 400);
    assert.equal(await page.locator(`tr[data-list="${prl.PortRangeListId}"] .refusal`).getAttribute('data-code'), badPort.body.Code);
    assert.equal(await page.locator(`tr[data-list="${pl.PrefixListId}"] .refusal`).count(), 0, 'only the refused list shows it');
    assert.deepEqual(await ranges(), ['443/443', '8000/8080']);
    await shoot(page, 'lists-modify');
    await assertAccessible(page, 'lists-modify');
  });

  it('inner access: ModifySecurityGroupPolicy from the group page, read back; an enterprise group\'s refusal shows the API code', { timeout: TEST_TIMEOUT }, async () => {
    const { SecurityGroupId: basic } = await call(BASE, 'CreateSecurityGroup', { VpcId: net.VpcId, SecurityGroupName: 'policy-basic' });
    const { SecurityGroupId: enterprise } = await call(BASE, 'CreateSecurityGroup', { VpcId: net.VpcId, SecurityGroupName: 'policy-ent', SecurityGroupType: 'enterprise' });
    const policyOf = async (id) => (await call(BASE, 'DescribeSecurityGroupAttribute', { SecurityGroupId: id })).InnerAccessPolicy;
    assert.equal(await policyOf(basic), 'Accept');
    for (const wanted of ['Drop', 'Accept']) {
      await go(page, `${BASE}/console/${REGION}/security-groups/${basic}`);
      await page.selectOption('#policy-select', wanted);
      await submit(page, '#policy-submit');
      assert.equal(await policyOf(basic), wanted);
      assert.equal((await page.locator('#inner-policy').textContent()).trim(), wanted);
    }

    await go(page, `${BASE}/console/${REGION}/security-groups/${enterprise}`);
    await page.selectOption('#policy-select', 'Accept');
    await submit(page, '#policy-submit');
    const refused = await api(BASE, 'ModifySecurityGroupPolicy', { SecurityGroupId: enterprise, InnerAccessPolicy: 'Accept' });
    assert.deepEqual([refused.status, refused.body.Code], [404, 'InvalidParameter.InnerAccessPolicy'], 'the catalog\'s status for this code');
    assert.equal(await page.locator('form[aria-label="Inner access policy"] .refusal').getAttribute('data-code'), refused.body.Code);
    assert.equal(await policyOf(enterprise), 'Drop');
    await assertAccessible(page, 'group-policy');
  });

  it('tags: add, overwrite and remove a group tag from the group page (TagResources / UntagResources), read back; a refused key shows the API code', { timeout: TEST_TIMEOUT }, async () => {
    const { SecurityGroupId: sg } = await call(BASE, 'CreateSecurityGroup', { VpcId: net.VpcId, SecurityGroupName: 'tagged' });
    const tagsOf = async () => (await call(BASE, 'ListTagResources', { ResourceType: 'securitygroup', 'ResourceId.1': sg })).TagResources.TagResource
      .map((t) => [t.TagKey, t.TagValue]).sort();
    const page0 = `${BASE}/console/${REGION}/security-groups/${sg}`;
    await go(page, page0);
    assert.equal(await page.locator('#tags-panel').getAttribute('open'), null, 'no tags: the panel starts folded');
    for (const [key, value, expected] of [['env', 'prod', [['env', 'prod']]], ['team', 'net', [['env', 'prod'], ['team', 'net']]], ['env', 'dev', [['env', 'dev'], ['team', 'net']]]]) {
      await go(page, page0);
      if ((await page.locator('#tags-panel').getAttribute('open')) === null) await page.click('#tags-summary');
      await page.fill('#tag-key', key);
      await page.fill('#tag-value', value);
      await submit(page, '#tag-submit');
      assert.deepEqual(await tagsOf(), expected, `after ${key}=${value}`);
    }
    assert.deepEqual(await page.locator('tr[data-tag]').evaluateAll((rows) => rows.map((r) => r.dataset.tag)), ['env', 'team']);
    await submit(page, 'tr[data-tag="env"] button');
    assert.deepEqual(await tagsOf(), [['team', 'net']]);

    await page.fill('#tag-key', 'aliyun-reserved');
    await page.fill('#tag-value', 'x');
    await submit(page, '#tag-submit');
    const refused = await api(BASE, 'TagResources', { ResourceType: 'securitygroup', 'ResourceId.1': sg, 'Tag.1.Key': 'aliyun-reserved', 'Tag.1.Value': 'x' });
    assert.ok(refused.status >= 400 && refused.status < 500, `the API refuses a reserved key (${refused.status})`);
    assert.equal(await page.locator('#tags-panel .refusal').getAttribute('data-code'), refused.body.Code);
    assert.deepEqual(await tagsOf(), [['team', 'net']]);
    await shoot(page, 'group-tags');
    await assertAccessible(page, 'group-tags');
  });

  it('keyboard only: create a group and add a rule with Tab, typing and Enter', { timeout: TEST_TIMEOUT }, async () => {
    await go(page, `${BASE}${LIST}`);
    await tabTo(page, 'a.skip');
    await tabTo(page, 'main a.button'); // Create security group
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await tabTo(page, '#create-name');
    await page.keyboard.type('by-keyboard');
    await tabTo(page, '#create-description');
    await page.keyboard.type('typed, never clicked');
    await tabTo(page, '#create-submit');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    const sg = new URL(page.url()).pathname.split('/').pop();
    assert.equal((await call(BASE, 'DescribeSecurityGroups', { SecurityGroupId: sg })).SecurityGroups.SecurityGroup[0].SecurityGroupName, 'by-keyboard');

    await tabTo(page, '.presets a[href*="RDP"]');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await tabTo(page, '#add-peer');
    await page.keyboard.type('192.168.0.0/16');
    await tabTo(page, '#add-submit');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    const rules = await rulesOf(BASE, sg, 'ingress');
    assert.deepEqual(rules.map((r) => [r.PortRange, r.SourceCidrIp]), [['3389/3389', '192.168.0.0/16']]);
    assert.deepEqual(errors, []);
  });
});
