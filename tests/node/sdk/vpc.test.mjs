// VPC 2016-04-28: CreateVpc, DescribeVpcs, DeleteVpc through the official SDKs.
import { test, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACCOUNTS, REGION, Vpc, assertAcsError, assertRecentTimestamp, cleanup, drivers, resetEmulator, resourceId, sdk, sleep,
  uniqueName, vpcClient,
} from './clients.mjs';

before(resetEmulator);

async function describeOne(driver, VpcId, RegionId = REGION) {
  const body = await driver.describeVpcs({ RegionId, VpcId });
  assert.equal(body.TotalCount, 1, `DescribeVpcs ${VpcId}: ${JSON.stringify(body)}`);
  assert.equal(body.Vpcs.Vpc.length, 1);
  return body.Vpcs.Vpc[0];
}

describe('create, list and delete a VPC with every client', () => {
  for (const driver of drivers()) {
    test(driver.name, async (t) => {
      const clean = cleanup(t);
      const name = uniqueName('vpc-crud');
      const created = await driver.createVpc({
        RegionId: REGION,
        CidrBlock: '10.20.0.0/16',
        VpcName: name,
        Description: 'made by ' + driver.kind,
        Tag: [{ Key: 'env', Value: 'test' }, { Key: 'client', Value: driver.kind }],
      });
      clean.vpc(created.VpcId);
      assert.match(created.VpcId, resourceId('vpc'));
      assert.match(created.VRouterId, resourceId('vrt'));
      assert.match(created.RouteTableId, resourceId('vtb'));
      assert.equal(typeof created.ResourceGroupId, 'string');
      assert.match(created.RequestId, /^[0-9A-F-]{36}$/);

      const listed = await driver.describeVpcs({ RegionId: REGION, VpcName: name });
      assert.equal(listed.TotalCount, 1);
      assert.equal(listed.PageNumber, 1);
      assert.equal(listed.PageSize, 10);
      assert.equal(listed.Vpcs.Vpc.length, 1);
      const vpc = listed.Vpcs.Vpc[0];
      assert.equal(vpc.VpcId, created.VpcId);
      assert.equal(vpc.VpcName, name);
      assert.equal(vpc.Description, 'made by ' + driver.kind);
      assert.equal(vpc.CidrBlock, '10.20.0.0/16');
      assert.equal(vpc.RegionId, REGION);
      assert.equal(vpc.Status, 'Available');
      assert.equal(vpc.IsDefault, false);
      assert.equal(vpc.VRouterId, created.VRouterId);
      // pop-core parses with json-bigint, which turns a 16-digit number into a BigNumber (a string here).
      assert.equal(String(vpc.OwnerId), ACCOUNTS.test.accountId);
      assertRecentTimestamp(vpc.CreationTime);
      assert.deepEqual(vpc.VSwitchIds.VSwitchId, []);
      assert.deepEqual(vpc.RouterTableIds.RouterTableIds, [created.RouteTableId]);
      assert.deepEqual(
        [...vpc.Tags.Tag].sort((a, b) => a.Key.localeCompare(b.Key)),
        [{ Key: 'client', Value: driver.kind }, { Key: 'env', Value: 'test' }],
      );

      const deleted = await driver.deleteVpc({ RegionId: REGION, VpcId: created.VpcId });
      assert.match(deleted.RequestId, /^[0-9A-F-]{36}$/);

      const after = await driver.describeVpcs({ RegionId: REGION, VpcId: created.VpcId });
      assert.equal(after.TotalCount, 0);
      assert.deepEqual(after.Vpcs.Vpc, []);
      await assertAcsError(driver.deleteVpc({ VpcId: created.VpcId }), 'InvalidVpcId.NotFound', 404);
    });
  }
});

test('v7 SDK maps DescribeVpcs into its camelCase model', async (t) => {
  const clean = cleanup(t);
  const client = vpcClient();
  const name = uniqueName('vpc-model');
  const created = await client.createVpc(new Vpc.CreateVpcRequest({
    regionId: REGION, cidrBlock: '192.168.0.0/16', vpcName: name,
    tag: [new Vpc.CreateVpcRequestTag({ key: 'team', value: 'net' })],
  }));
  assert.equal(created.statusCode, 200);
  assert.ok(created.body instanceof Vpc.CreateVpcResponseBody);
  clean.vpc(created.body.vpcId);
  assert.match(created.body.vpcId, resourceId('vpc'));
  assert.match(created.body.VRouterId, resourceId('vrt'));
  assert.match(created.body.routeTableId, resourceId('vtb'));

  const listed = await client.describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: REGION, vpcId: created.body.vpcId }));
  assert.equal(listed.statusCode, 200);
  assert.equal(listed.body.totalCount, 1);
  const vpc = listed.body.vpcs.vpc[0];
  assert.equal(vpc.vpcId, created.body.vpcId);
  assert.equal(vpc.vpcName, name);
  assert.equal(vpc.cidrBlock, '192.168.0.0/16');
  assert.equal(vpc.status, 'Available');
  assert.equal(vpc.isDefault, false);
  assert.equal(vpc.ownerId, Number(ACCOUNTS.test.accountId));
  assert.equal(vpc.VRouterId, created.body.VRouterId);
  assert.deepEqual(vpc.routerTableIds.routerTableIds, [created.body.routeTableId]);
  assert.deepEqual(vpc.vSwitchIds.vSwitchId, []);
  assert.equal(vpc.tags.tag.length, 1);
  assert.equal(vpc.tags.tag[0].key, 'team');
  assert.equal(vpc.tags.tag[0].value, 'net');
});

test('CreateVpc without CidrBlock uses 172.16.0.0/12', async (t) => {
  const clean = cleanup(t);
  const created = await sdk.createVpc({ RegionId: REGION, VpcName: uniqueName('vpc-default-cidr') });
  clean.vpc(created.VpcId);
  const vpc = await describeOne(sdk, created.VpcId);
  assert.equal(vpc.CidrBlock, '172.16.0.0/12');
});

test('CreateVpc accepts the /8 and /28 mask boundaries', async (t) => {
  const clean = cleanup(t);
  for (const cidr of ['10.0.0.0/8', '192.168.10.0/28']) {
    const created = await sdk.createVpc({ RegionId: REGION, CidrBlock: cidr });
    clean.vpc(created.VpcId);
    assert.equal((await describeOne(sdk, created.VpcId)).CidrBlock, cidr);
  }
});

describe('CreateVpc rejects a malformed CIDR block with InvalidCidrBlock.Malformed', () => {
  const cases = {
    'host bits set': '10.0.0.1/16',
    'host bits set in the last octet': '192.168.1.1/24',
    'mask shorter than /8': '10.0.0.0/7',
    'mask longer than /28': '10.0.0.0/29',
    'mask over 32': '10.0.0.0/33',
    'no mask': '10.0.0.0',
    'octet over 255': '300.1.0.0/16',
    'not an address': 'not-a-cidr',
    'IPv6': 'fd00::/64',
  };
  for (const [what, CidrBlock] of Object.entries(cases)) {
    test(`${what}: ${CidrBlock}`, async (t) => {
      const clean = cleanup(t);
      const name = uniqueName('vpc-bad-cidr');
      await assertAcsError(
        sdk.createVpc({ RegionId: REGION, CidrBlock, VpcName: name }).then((r) => { clean.vpc(r.VpcId); return r; }),
        'InvalidCidrBlock.Malformed', 400, `CidrBlock=${CidrBlock}`);
      assert.equal((await sdk.describeVpcs({ RegionId: REGION, VpcName: name })).TotalCount, 0, 'nothing was created');
    });
  }
});

test('CreateVpc with an unknown region is InvalidRegionId.NotFound', async () => {
  for (const driver of drivers()) {
    await assertAcsError(driver.createVpc({ RegionId: 'xx-nowhere-1', CidrBlock: '10.0.0.0/16' }),
      'InvalidRegionId.NotFound', 404);
  }
});

test('CreateVpc without RegionId is MissingParameter', async () => {
  for (const driver of drivers()) {
    const error = await assertAcsError(driver.createVpc({ CidrBlock: '10.0.0.0/16' }), 'MissingParameter', 400);
    assert.match(error.data.Message, /RegionId/);
  }
});

test('CreateVpc is idempotent per ClientToken', async (t) => {
  const clean = cleanup(t);
  const name = uniqueName('vpc-idem');
  const token = uniqueName('token');
  const params = { RegionId: REGION, CidrBlock: '10.30.0.0/16', VpcName: name, ClientToken: token };
  const first = await sdk.createVpc(params);
  clean.vpc(first.VpcId);

  // A retry (through another client and signature) returns the same VPC and creates nothing.
  for (const driver of drivers()) {
    const retry = await driver.createVpc(params);
    assert.equal(retry.VpcId, first.VpcId, driver.name);
    assert.equal(retry.VRouterId, first.VRouterId, driver.name);
    assert.equal(retry.RouteTableId, first.RouteTableId, driver.name);
  }
  const listed = await sdk.describeVpcs({ RegionId: REGION, VpcName: name });
  assert.equal(listed.TotalCount, 1);

  await assertAcsError(sdk.createVpc({ ...params, CidrBlock: '10.31.0.0/16' }), 'IdempotentParameterMismatch', 400);
  await assertAcsError(sdk.createVpc({ ...params, VpcName: name + '-x' }), 'IdempotentParameterMismatch', 400);
  assert.equal((await sdk.describeVpcs({ RegionId: REGION, VpcName: name + '-x' })).TotalCount, 0);

  // Another token with the same parameters is a new VPC.
  const other = await sdk.createVpc({ ...params, ClientToken: token + '-2' });
  clean.vpc(other.VpcId);
  assert.notEqual(other.VpcId, first.VpcId);
  assert.equal((await sdk.describeVpcs({ RegionId: REGION, VpcName: name })).TotalCount, 2);
});

test('ClientTokens are per account', async (t) => {
  const clean = cleanup(t);
  const other = drivers(ACCOUNTS.test2)[0];
  const clean2 = cleanup(t, other);
  const token = uniqueName('shared-token');
  const params = { RegionId: REGION, CidrBlock: '10.32.0.0/16', ClientToken: token };
  const mine = await sdk.createVpc(params);
  clean.vpc(mine.VpcId);
  const theirs = await other.createVpc(params);
  clean2.vpc(theirs.VpcId);
  assert.notEqual(theirs.VpcId, mine.VpcId);
});

test('at most 10 VPCs per region and account: the 11th is QuotaExceeded.Vpc', async (t) => {
  const region = 'eu-central-1';
  const clean = cleanup(t);
  const existing = await sdk.describeVpcs({ RegionId: region, PageSize: 50 });
  assert.equal(existing.TotalCount, 0, 'the region starts empty');
  const ids = [];
  for (let i = 0; i < 10; i++) {
    const created = await sdk.createVpc({ RegionId: region, CidrBlock: `10.${i}.0.0/16` });
    clean.vpc(created.VpcId);
    ids.push(created.VpcId);
  }
  await assertAcsError(sdk.createVpc({ RegionId: region, CidrBlock: '10.99.0.0/16' }), 'QuotaExceeded.Vpc', 400);
  assert.equal((await sdk.describeVpcs({ RegionId: region, PageSize: 50 })).TotalCount, 10);

  // The quota is per region: another region still accepts a VPC.
  const elsewhere = await sdk.createVpc({ RegionId: 'us-west-1', CidrBlock: '10.99.0.0/16' });
  clean.vpc(elsewhere.VpcId);
  // ...and per account: test2 still has its full quota in the same region.
  const other = drivers(ACCOUNTS.test2)[2];
  const theirs = await other.createVpc({ RegionId: region, CidrBlock: '10.99.0.0/16' });
  cleanup(t, other).vpc(theirs.VpcId);

  // Deleting one frees a slot.
  await sdk.deleteVpc({ VpcId: ids.pop() });
  const again = await sdk.createVpc({ RegionId: region, CidrBlock: '10.98.0.0/16' });
  clean.vpc(again.VpcId);
});

test('DescribeVpcs lists newest first', async (t) => {
  const clean = cleanup(t);
  const older = await sdk.createVpc({ RegionId: REGION, VpcName: uniqueName('vpc-older') });
  clean.vpc(older.VpcId);
  await sleep(1100); // CreationTime has one-second resolution
  const newer = await sdk.createVpc({ RegionId: REGION, VpcName: uniqueName('vpc-newer') });
  clean.vpc(newer.VpcId);
  for (const VpcId of [`${older.VpcId},${newer.VpcId}`, `${newer.VpcId},${older.VpcId}`]) {
    const listed = await sdk.describeVpcs({ RegionId: REGION, VpcId });
    assert.deepEqual(listed.Vpcs.Vpc.map((v) => v.VpcId), [newer.VpcId, older.VpcId]);
    assert.ok(listed.Vpcs.Vpc[0].CreationTime > listed.Vpcs.Vpc[1].CreationTime);
  }
});

test('DescribeVpcs filters by VpcId list, VpcName and region', async (t) => {
  const clean = cleanup(t);
  const name = uniqueName('vpc-filter');
  const a = await sdk.createVpc({ RegionId: REGION, VpcName: name });
  const b = await sdk.createVpc({ RegionId: REGION, VpcName: name + '-b' });
  const c = await sdk.createVpc({ RegionId: 'cn-shanghai', VpcName: name });
  [a, b, c].forEach((v) => clean.vpc(v.VpcId));

  const byIds = await sdk.describeVpcs({ RegionId: REGION, VpcId: `${a.VpcId},${b.VpcId}` });
  assert.equal(byIds.TotalCount, 2);
  assert.deepEqual(byIds.Vpcs.Vpc.map((v) => v.VpcId).sort(), [a.VpcId, b.VpcId].sort());

  const byName = await sdk.describeVpcs({ RegionId: REGION, VpcName: name });
  assert.deepEqual(byName.Vpcs.Vpc.map((v) => v.VpcId), [a.VpcId]);

  // A VPC of another region is not listed in this one, even by ID.
  const crossRegion = await sdk.describeVpcs({ RegionId: REGION, VpcId: c.VpcId });
  assert.equal(crossRegion.TotalCount, 0);
  const shanghai = await sdk.describeVpcs({ RegionId: 'cn-shanghai', VpcName: name });
  assert.deepEqual(shanghai.Vpcs.Vpc.map((v) => v.VpcId), [c.VpcId]);
  assert.equal(shanghai.Vpcs.Vpc[0].RegionId, 'cn-shanghai');
});

test('DescribeVpcs with an unknown VpcId is an empty list', async () => {
  for (const driver of drivers()) {
    const body = await driver.describeVpcs({ RegionId: REGION, VpcId: 'vpc-doesnotexist000000000' });
    assert.equal(body.TotalCount, 0, driver.name);
    assert.deepEqual(body.Vpcs.Vpc, [], driver.name);
  }
});

test('DescribeVpcs pages with PageNumber and PageSize', async (t) => {
  const clean = cleanup(t);
  const name = uniqueName('vpc-page');
  const ids = [];
  for (let i = 0; i < 3; i++) {
    const created = await sdk.createVpc({ RegionId: REGION, VpcName: name });
    clean.vpc(created.VpcId);
    ids.push(created.VpcId);
  }
  const seen = [];
  for (const [PageNumber, expected] of [[1, 2], [2, 1], [3, 0]]) {
    for (const driver of drivers()) {
      const page = await driver.describeVpcs({ RegionId: REGION, VpcName: name, PageNumber, PageSize: 2 });
      assert.equal(page.TotalCount, 3, driver.name);
      assert.equal(page.PageNumber, PageNumber, driver.name);
      assert.equal(page.PageSize, 2, driver.name);
      assert.equal(page.Vpcs.Vpc.length, expected, `${driver.name} page ${PageNumber}`);
    }
    seen.push(...(await sdk.describeVpcs({ RegionId: REGION, VpcName: name, PageNumber, PageSize: 2 })).Vpcs.Vpc.map((v) => v.VpcId));
  }
  assert.deepEqual([...seen].sort(), [...ids].sort(), 'the pages together list every VPC once');
  const max = await sdk.describeVpcs({ RegionId: REGION, VpcName: name, PageSize: 50 });
  assert.equal(max.PageSize, 50);
  assert.equal(max.Vpcs.Vpc.length, 3);
});

test('DescribeVpcs refuses PageSize outside 1-50 and PageNumber below 1', async () => {
  await assertAcsError(sdk.describeVpcs({ RegionId: REGION, PageSize: 51 }), 'InvalidPageSize.Malformed', 400);
  await assertAcsError(sdk.describeVpcs({ RegionId: REGION, PageSize: 0 }), 'InvalidPageSize.Malformed', 400);
  await assertAcsError(sdk.describeVpcs({ RegionId: REGION, PageNumber: 0 }), 'InvalidPageNumber.Malformed', 400);
});

test('DescribeVpcs accepts 20 VpcIds and refuses 21', async () => {
  const ids = Array.from({ length: 21 }, (_, i) => `vpc-${String(i).padStart(20, '0')}`);
  const twenty = await sdk.describeVpcs({ RegionId: REGION, VpcId: ids.slice(0, 20).join(',') });
  assert.equal(twenty.TotalCount, 0);
  await assertAcsError(sdk.describeVpcs({ RegionId: REGION, VpcId: ids.join(',') }), 'InvalidParameter', 400);
});

test('DescribeVpcs without RegionId is MissingParameter; with an unknown one InvalidRegionId.NotFound', async () => {
  for (const driver of drivers()) {
    await assertAcsError(driver.describeVpcs({}), 'MissingParameter', 400);
    await assertAcsError(driver.describeVpcs({ RegionId: 'xx-nowhere-1' }), 'InvalidRegionId.NotFound', 404);
  }
});

test('DeleteVpc works without RegionId and refuses another region', async (t) => {
  const clean = cleanup(t);
  const created = await sdk.createVpc({ RegionId: 'cn-beijing', VpcName: uniqueName('vpc-delete') });
  clean.vpc(created.VpcId);
  await assertAcsError(sdk.deleteVpc({ RegionId: REGION, VpcId: created.VpcId }), 'InvalidVpcId.NotFound', 404);
  assert.equal((await describeOne(sdk, created.VpcId, 'cn-beijing')).VpcId, created.VpcId);
  await sdk.deleteVpc({ VpcId: created.VpcId });
  assert.equal((await sdk.describeVpcs({ RegionId: 'cn-beijing', VpcId: created.VpcId })).TotalCount, 0);
});

test('DeleteVpc of an unknown VPC is InvalidVpcId.NotFound; without VpcId MissingParameter', async () => {
  for (const driver of drivers()) {
    await assertAcsError(driver.deleteVpc({ VpcId: 'vpc-doesnotexist000000000' }), 'InvalidVpcId.NotFound', 404);
    await assertAcsError(driver.deleteVpc({ RegionId: REGION }), 'MissingParameter', 400);
  }
});

test('CreateVpc refuses a VpcName starting with http:// or longer than 128 characters', async () => {
  for (const VpcName of ['http://my-vpc', 'https://my-vpc', 'a'.repeat(129)]) {
    await assertAcsError(sdk.createVpc({ RegionId: REGION, VpcName }), 'InvalidVpcName.Malformed', 400, `VpcName=${VpcName}`);
    assert.equal((await sdk.describeVpcs({ RegionId: REGION, VpcName })).TotalCount, 0);
  }
});

test('CreateVpc and DeleteVpc with DryRun check only (DryRunOperation)', async (t) => {
  const clean = cleanup(t);
  const name = uniqueName('vpc-dry');
  for (const driver of drivers()) {
    await assertAcsError(driver.createVpc({ RegionId: REGION, VpcName: name, DryRun: true }), 'DryRunOperation', 400, driver.name);
  }
  assert.equal((await sdk.describeVpcs({ RegionId: REGION, VpcName: name })).TotalCount, 0, 'a dry run creates nothing');
  const created = await sdk.createVpc({ RegionId: REGION, VpcName: name });
  clean.vpc(created.VpcId);
  await assertAcsError(sdk.deleteVpc({ VpcId: created.VpcId, DryRun: true }), 'DryRunOperation', 400);
  assert.equal((await sdk.describeVpcs({ RegionId: REGION, VpcName: name })).TotalCount, 1, 'a dry run deletes nothing');
});
