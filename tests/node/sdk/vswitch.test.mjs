// VPC 2016-04-28: CreateVSwitch, DescribeVSwitches, DeleteVSwitch through the official SDKs.
import { test, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACCOUNTS, REGION, Vpc, assertAcsError, assertRecentTimestamp, cleanup, drivers, resetEmulator, resourceId, sdk,
  uniqueName, vpcClient,
} from './clients.mjs';

before(resetEmulator);

/** Creates a VPC (deleted after the test) and returns its ID. */
async function newVpc(t, { CidrBlock = '10.0.0.0/16', RegionId = REGION, driver = sdk, clean = cleanup(t, driver) } = {}) {
  const created = await driver.createVpc({ RegionId, CidrBlock, VpcName: uniqueName('vsw-parent') });
  clean.vpc(created.VpcId);
  return created.VpcId;
}

describe('create, list and delete a vSwitch with every client', () => {
  for (const driver of drivers()) {
    test(driver.name, async (t) => {
      const clean = cleanup(t, driver);
      const created = await driver.createVpc({ RegionId: REGION, CidrBlock: '10.40.0.0/16', VpcName: uniqueName('vsw-crud') });
      clean.vpc(created.VpcId);
      const VpcId = created.VpcId;
      const name = uniqueName('vsw');
      const vsw = await driver.createVSwitch({
        RegionId: REGION, VpcId, ZoneId: 'cn-hangzhou-h', CidrBlock: '10.40.1.0/24', VSwitchName: name,
        Description: 'switch by ' + driver.kind,
      });
      clean.vSwitch(vsw.VSwitchId);
      assert.match(vsw.VSwitchId, resourceId('vsw'));
      assert.match(vsw.RequestId, /^[0-9A-F-]{36}$/);

      const listed = await driver.describeVSwitches({ VpcId });
      assert.equal(listed.TotalCount, 1);
      assert.equal(listed.PageNumber, 1);
      assert.equal(listed.PageSize, 10);
      assert.equal(listed.VSwitches.VSwitch.length, 1);
      const item = listed.VSwitches.VSwitch[0];
      assert.equal(item.VSwitchId, vsw.VSwitchId);
      assert.equal(item.VpcId, VpcId);
      assert.equal(item.ZoneId, 'cn-hangzhou-h');
      assert.equal(item.CidrBlock, '10.40.1.0/24');
      assert.equal(item.VSwitchName, name);
      assert.equal(item.Description, 'switch by ' + driver.kind);
      assert.equal(item.Status, 'Available');
      assert.equal(item.IsDefault, false);
      assert.equal(Number(item.AvailableIpAddressCount), 252);
      assert.equal(String(item.OwnerId), ACCOUNTS.test.accountId);
      assertRecentTimestamp(item.CreationTime);

      const byRegion = await driver.describeVSwitches({ RegionId: REGION, VSwitchId: vsw.VSwitchId });
      assert.deepEqual(byRegion.VSwitches.VSwitch.map((s) => s.VSwitchId), [vsw.VSwitchId]);

      const vpc = (await driver.describeVpcs({ RegionId: REGION, VpcId })).Vpcs.Vpc[0];
      assert.deepEqual(vpc.VSwitchIds.VSwitchId, [vsw.VSwitchId]);

      await assertAcsError(driver.deleteVpc({ VpcId }), 'DependencyViolation.VSwitch', 400);

      const deleted = await driver.deleteVSwitch({ VSwitchId: vsw.VSwitchId });
      assert.match(deleted.RequestId, /^[0-9A-F-]{36}$/);
      const after = await driver.describeVSwitches({ VpcId });
      assert.equal(after.TotalCount, 0);
      assert.deepEqual(after.VSwitches.VSwitch, []);
      await assertAcsError(driver.deleteVSwitch({ VSwitchId: vsw.VSwitchId }), 'InvalidVSwitchId.NotFound', 404);

      await driver.deleteVpc({ VpcId });
      assert.equal((await driver.describeVpcs({ RegionId: REGION, VpcId })).TotalCount, 0);
    });
  }
});

test('v7 SDK maps DescribeVSwitches into its camelCase model', async (t) => {
  const clean = cleanup(t);
  const VpcId = await newVpc(t, { clean });
  const client = vpcClient({ signature: 'v2' });
  const created = await client.createVSwitch(new Vpc.CreateVSwitchRequest({
    vpcId: VpcId, zoneId: 'cn-hangzhou-i', cidrBlock: '10.0.8.0/22', vSwitchName: 'model',
    tag: [new Vpc.CreateVSwitchRequestTag({ key: 'tier', value: 'web' })],
  }));
  assert.equal(created.statusCode, 200);
  assert.ok(created.body instanceof Vpc.CreateVSwitchResponseBody);
  clean.vSwitch(created.body.vSwitchId);
  assert.match(created.body.vSwitchId, resourceId('vsw'));

  const listed = await client.describeVSwitches(new Vpc.DescribeVSwitchesRequest({ regionId: REGION, vSwitchId: created.body.vSwitchId }));
  assert.equal(listed.statusCode, 200);
  assert.equal(listed.body.totalCount, 1);
  const item = listed.body.vSwitches.vSwitch[0];
  assert.equal(item.vSwitchId, created.body.vSwitchId);
  assert.equal(item.vpcId, VpcId);
  assert.equal(item.zoneId, 'cn-hangzhou-i');
  assert.equal(item.cidrBlock, '10.0.8.0/22');
  assert.equal(item.vSwitchName, 'model');
  assert.equal(item.status, 'Available');
  assert.equal(item.availableIpAddressCount, 1020);
  assert.equal(item.ownerId, Number(ACCOUNTS.test.accountId));
  assert.deepEqual(item.tags.tag.map((x) => [x.key, x.value]), [['tier', 'web']]);
});

test('DescribeVSwitches filters by VpcId, ZoneId, VSwitchId and region', async (t) => {
  const clean = cleanup(t);
  const vpcA = await newVpc(t, { clean, CidrBlock: '10.1.0.0/16' });
  const vpcB = await newVpc(t, { clean, CidrBlock: '10.2.0.0/16' });
  const vpcC = await newVpc(t, { clean, CidrBlock: '10.3.0.0/16', RegionId: 'cn-shanghai' });
  const make = async (VpcId, ZoneId, CidrBlock) => {
    const { VSwitchId } = await sdk.createVSwitch({ VpcId, ZoneId, CidrBlock });
    clean.vSwitch(VSwitchId);
    return VSwitchId;
  };
  const a1 = await make(vpcA, 'cn-hangzhou-h', '10.1.1.0/24');
  const a2 = await make(vpcA, 'cn-hangzhou-i', '10.1.2.0/24');
  const b1 = await make(vpcB, 'cn-hangzhou-h', '10.2.1.0/24');
  const c1 = await make(vpcC, 'cn-shanghai-b', '10.3.1.0/24');
  const ids = (body) => body.VSwitches.VSwitch.map((s) => s.VSwitchId).sort();

  assert.deepEqual(ids(await sdk.describeVSwitches({ VpcId: vpcA })), [a1, a2].sort());
  assert.deepEqual(ids(await sdk.describeVSwitches({ VpcId: vpcA, ZoneId: 'cn-hangzhou-i' })), [a2]);
  assert.deepEqual(ids(await sdk.describeVSwitches({ RegionId: REGION, ZoneId: 'cn-hangzhou-h', VpcId: vpcB })), [b1]);
  assert.deepEqual(ids(await sdk.describeVSwitches({ RegionId: REGION, VSwitchId: a2 })), [a2]);
  const inRegion = ids(await sdk.describeVSwitches({ RegionId: REGION, PageSize: 50 }));
  assert.ok([a1, a2, b1].every((id) => inRegion.includes(id)), 'the region lists its vSwitches');
  assert.ok(!inRegion.includes(c1), 'another region\'s vSwitch is not listed');
  const shanghai = await sdk.describeVSwitches({ RegionId: 'cn-shanghai', VpcId: vpcC });
  assert.deepEqual(ids(shanghai), [c1]);
  assert.equal(shanghai.VSwitches.VSwitch[0].ZoneId, 'cn-shanghai-b');
  assert.equal((await sdk.describeVSwitches({ RegionId: REGION, VSwitchId: 'vsw-doesnotexist000000000' })).TotalCount, 0);

  const vpc = (await sdk.describeVpcs({ RegionId: REGION, VpcId: vpcA })).Vpcs.Vpc[0];
  assert.deepEqual([...vpc.VSwitchIds.VSwitchId].sort(), [a1, a2].sort());
});

test('DescribeVSwitches pages with PageNumber and PageSize', async (t) => {
  const clean = cleanup(t);
  const VpcId = await newVpc(t, { clean });
  const created = [];
  for (let i = 0; i < 3; i++) {
    const { VSwitchId } = await sdk.createVSwitch({ VpcId, ZoneId: 'cn-hangzhou-h', CidrBlock: `10.0.${i}.0/24` });
    clean.vSwitch(VSwitchId);
    created.push(VSwitchId);
  }
  const seen = [];
  for (const [PageNumber, expected] of [[1, 2], [2, 1]]) {
    const page = await sdk.describeVSwitches({ VpcId, PageNumber, PageSize: 2 });
    assert.equal(page.TotalCount, 3);
    assert.equal(page.PageNumber, PageNumber);
    assert.equal(page.PageSize, 2);
    assert.equal(page.VSwitches.VSwitch.length, expected);
    seen.push(...page.VSwitches.VSwitch.map((s) => s.VSwitchId));
  }
  assert.deepEqual([...seen].sort(), [...created].sort());
});

test('AvailableIpAddressCount follows the mask (4 addresses reserved)', async (t) => {
  const clean = cleanup(t);
  const VpcId = await newVpc(t, { clean, CidrBlock: '10.0.0.0/8' });
  for (const [CidrBlock, expected] of [['10.1.0.0/16', 65532], ['10.2.1.0/24', 252], ['10.3.0.0/28', 12], ['10.3.1.0/29', 4]]) {
    const { VSwitchId } = await sdk.createVSwitch({ VpcId, ZoneId: 'cn-hangzhou-h', CidrBlock });
    clean.vSwitch(VSwitchId);
    const item = (await sdk.describeVSwitches({ VpcId, VSwitchId })).VSwitches.VSwitch[0];
    assert.equal(item.AvailableIpAddressCount, expected, CidrBlock);
  }
});

test('CreateVSwitch with an unknown zone, or a zone of another region, is InvalidZoneId.NotFound', async (t) => {
  const VpcId = await newVpc(t);
  for (const driver of drivers()) {
    for (const ZoneId of ['cn-hangzhou-z', 'cn-shanghai-b']) {
      await assertAcsError(driver.createVSwitch({ VpcId, ZoneId, CidrBlock: '10.0.1.0/24' }), 'InvalidZoneId.NotFound', 404,
        `${driver.name}, ZoneId=${ZoneId}`);
    }
  }
  assert.equal((await sdk.describeVSwitches({ VpcId })).TotalCount, 0);
});

test('CreateVSwitch in an unknown VPC is InvalidVpcId.NotFound', async () => {
  for (const driver of drivers()) {
    await assertAcsError(
      driver.createVSwitch({ VpcId: 'vpc-doesnotexist000000000', ZoneId: 'cn-hangzhou-h', CidrBlock: '10.0.1.0/24' }),
      'InvalidVpcId.NotFound', 404, driver.name);
  }
});

test('CreateVSwitch refuses a block overlapping another vSwitch of the VPC with InvalidCidrBlock.Overlapped', async (t) => {
  const clean = cleanup(t);
  const VpcId = await newVpc(t, { clean });
  const other = await newVpc(t, { clean });
  const { VSwitchId } = await sdk.createVSwitch({ VpcId, ZoneId: 'cn-hangzhou-h', CidrBlock: '10.0.1.0/24' });
  clean.vSwitch(VSwitchId);
  for (const CidrBlock of ['10.0.1.0/24', '10.0.1.128/25', '10.0.0.0/20', '10.0.1.248/29']) {
    for (const ZoneId of ['cn-hangzhou-h', 'cn-hangzhou-i']) {
      await assertAcsError(sdk.createVSwitch({ VpcId, ZoneId, CidrBlock }), 'InvalidCidrBlock.Overlapped', 400,
        `CidrBlock=${CidrBlock} ZoneId=${ZoneId}`);
    }
  }
  assert.equal((await sdk.describeVSwitches({ VpcId })).TotalCount, 1);
  // Adjacent blocks and the same block in another VPC are fine.
  for (const CidrBlock of ['10.0.0.0/24', '10.0.2.0/24']) {
    const ok = await sdk.createVSwitch({ VpcId, ZoneId: 'cn-hangzhou-i', CidrBlock });
    clean.vSwitch(ok.VSwitchId);
  }
  const same = await sdk.createVSwitch({ VpcId: other, ZoneId: 'cn-hangzhou-h', CidrBlock: '10.0.1.0/24' });
  clean.vSwitch(same.VSwitchId);
  assert.equal((await sdk.describeVSwitches({ VpcId })).TotalCount, 3);
});

test('CreateVSwitch refuses a block outside the VPC with InvalidParameter', async (t) => {
  const VpcId = await newVpc(t, { CidrBlock: '10.0.0.0/17' });
  // Another range, the upper half of the /16, and a block larger than the VPC's own.
  for (const CidrBlock of ['192.168.1.0/24', '10.0.128.0/24', '10.0.0.0/16']) {
    await assertAcsError(sdk.createVSwitch({ VpcId, ZoneId: 'cn-hangzhou-h', CidrBlock }), 'InvalidParameter', 400,
      `CidrBlock=${CidrBlock}`);
  }
  assert.equal((await sdk.describeVSwitches({ VpcId })).TotalCount, 0);
});

test('CreateVSwitch accepts the VPC\'s whole block, and masks /16 to /29 only (InvalidCirdrBlock.MaskLength)', async (t) => {
  const clean = cleanup(t);
  const VpcId = await newVpc(t, { clean, CidrBlock: '10.0.0.0/8' });
  for (const CidrBlock of ['10.0.0.0/15', '10.8.0.0/30', '10.8.0.0/32']) {
    await assertAcsError(sdk.createVSwitch({ VpcId, ZoneId: 'cn-hangzhou-h', CidrBlock }), 'InvalidCirdrBlock.MaskLength', 400,
      `CidrBlock=${CidrBlock}`);
  }
  for (const CidrBlock of ['10.2.0.0/16', '10.9.0.0/29']) {
    const { VSwitchId } = await sdk.createVSwitch({ VpcId, ZoneId: 'cn-hangzhou-h', CidrBlock });
    clean.vSwitch(VSwitchId);
  }
  const whole = await newVpc(t, { clean, CidrBlock: '192.168.0.0/16' });
  const { VSwitchId } = await sdk.createVSwitch({ VpcId: whole, ZoneId: 'cn-hangzhou-h', CidrBlock: '192.168.0.0/16' });
  clean.vSwitch(VSwitchId);
});

describe('CreateVSwitch refuses a malformed block with InvalidCidrBlock.Malformed', () => {
  const cases = {
    'not an address': 'garbage',
    'no mask': '10.0.1.0',
    'octet over 255': '10.0.300.0/24',
    'host bits set': '10.0.1.1/24',
  };
  for (const [what, CidrBlock] of Object.entries(cases)) {
    test(`${what}: ${CidrBlock}`, async (t) => {
      const clean = cleanup(t);
      const VpcId = await newVpc(t, { clean });
      await assertAcsError(
        sdk.createVSwitch({ VpcId, ZoneId: 'cn-hangzhou-h', CidrBlock }).then((r) => { clean.vSwitch(r.VSwitchId); return r; }),
        'InvalidCidrBlock.Malformed', 400, `CidrBlock=${CidrBlock}`);
      assert.equal((await sdk.describeVSwitches({ VpcId })).TotalCount, 0, 'nothing was created');
    });
  }
});

test('CreateVSwitch without VpcId, ZoneId or CidrBlock is MissingParameter', async (t) => {
  const VpcId = await newVpc(t);
  const full = { VpcId, ZoneId: 'cn-hangzhou-h', CidrBlock: '10.0.1.0/24' };
  for (const driver of drivers()) {
    for (const missing of Object.keys(full)) {
      const params = { ...full, [missing]: undefined };
      const error = await assertAcsError(driver.createVSwitch(params), 'MissingParameter', 400, `${driver.name} without ${missing}`);
      assert.match(error.data.Message, new RegExp(missing));
    }
  }
  assert.equal((await sdk.describeVSwitches({ VpcId })).TotalCount, 0);
});

test('DescribeVSwitches needs RegionId or VpcId', async () => {
  for (const driver of drivers()) {
    await assertAcsError(driver.describeVSwitches({}), 'MissingParameter', 400, driver.name);
    await assertAcsError(driver.describeVSwitches({ RegionId: 'xx-nowhere-1' }), 'InvalidRegionId.NotFound', 404, driver.name);
  }
});

test('DeleteVSwitch of an unknown vSwitch is InvalidVSwitchId.NotFound; without VSwitchId MissingParameter', async () => {
  for (const driver of drivers()) {
    await assertAcsError(driver.deleteVSwitch({ VSwitchId: 'vsw-doesnotexist000000000' }), 'InvalidVSwitchId.NotFound', 404, driver.name);
    await assertAcsError(driver.deleteVSwitch({ RegionId: REGION }), 'MissingParameter', 400, driver.name);
  }
});

test('a VPC can be deleted once its last vSwitch is gone', async (t) => {
  const clean = cleanup(t);
  const created = await sdk.createVpc({ RegionId: REGION, CidrBlock: '10.0.0.0/16' });
  clean.vpc(created.VpcId);
  const VpcId = created.VpcId;
  const a = await sdk.createVSwitch({ VpcId, ZoneId: 'cn-hangzhou-h', CidrBlock: '10.0.1.0/24' });
  clean.vSwitch(a.VSwitchId);
  const b = await sdk.createVSwitch({ VpcId, ZoneId: 'cn-hangzhou-i', CidrBlock: '10.0.2.0/24' });
  clean.vSwitch(b.VSwitchId);
  await assertAcsError(sdk.deleteVpc({ VpcId }), 'DependencyViolation.VSwitch', 400);
  await sdk.deleteVSwitch({ VSwitchId: a.VSwitchId });
  await assertAcsError(sdk.deleteVpc({ VpcId }), 'DependencyViolation.VSwitch', 400);
  assert.equal((await sdk.describeVpcs({ RegionId: REGION, VpcId })).TotalCount, 1, 'the refused delete changed nothing');
  await sdk.deleteVSwitch({ VSwitchId: b.VSwitchId });
  await sdk.deleteVpc({ VpcId });
  assert.equal((await sdk.describeVpcs({ RegionId: REGION, VpcId })).TotalCount, 0);
});
