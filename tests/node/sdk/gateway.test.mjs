// The RPC gateway through the official SDKs: Action/Version routing, signatures, access keys, accounts, Strict mode.
import { test, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import {
  ACCOUNTS, ECS_VERSION, Ecs, OpenApi, REGION, UUID, VPC_VERSION, assertAcsError, canonicalQuery, cleanup, drivers, ecsClient,
  Vpc, popClient, rawFetch, resetEmulator, resourceId, sdk, signRpc, strictEndpoint, uniqueName, vpcClient,
} from './clients.mjs';

before(resetEmulator);

/** Calls any RPC Action through a v7 client's generic callApi (same signing and transport as the typed methods). */
function callApi(client, action, version, query = {}) {
  const params = new OpenApi.$OpenApiUtil.Params({
    action, version, protocol: 'HTTP', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC',
    reqBodyType: 'formData', bodyType: 'json',
  });
  return client.callApi(params, new OpenApi.$OpenApiUtil.OpenApiRequest({ query }), {});
}

const v7Clients = (options = {}) => [
  ['v7 ACS3-HMAC-SHA256', ecsClient(options)],
  ['v7 HMAC-SHA1 (v2)', ecsClient({ signature: 'v2', ...options })],
];
const popMethods = ['GET', 'POST'];

test('self-check: the clients send the signatures and transports this suite claims to cover', async (t) => {
  // A recorder standing in for the server shows what each client puts on the wire.
  const seen = [];
  const recorder = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      seen.push({ method: req.method, url: new URL(req.url, 'http://x'), headers: req.headers, body: new URLSearchParams(body) });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ RequestId: '00000000-0000-0000-0000-000000000000', Regions: { Region: [] } }));
    });
  });
  await new Promise((resolve) => recorder.listen(0, '127.0.0.1', resolve));
  t.after(() => recorder.close());
  const endpoint = `127.0.0.1:${recorder.address().port}`;
  const request = () => new Ecs.DescribeRegionsRequest({ acceptLanguage: 'en-US' });

  await ecsClient({ endpoint }).describeRegions(request());
  await ecsClient({ endpoint, signature: 'v2' }).describeRegions(request());
  const pop = popClient({ endpoint, apiVersion: ECS_VERSION });
  await pop.request('DescribeRegions', { AcceptLanguage: 'en-US' });
  await pop.request('DescribeRegions', { AcceptLanguage: 'en-US' }, { method: 'POST' });
  assert.equal(seen.length, 4);
  const [acs3, v2, popGet, popPost] = seen;

  assert.equal(acs3.method, 'POST');
  assert.match(acs3.headers.authorization, /^ACS3-HMAC-SHA256 Credential=test,/);
  assert.equal(acs3.headers['x-acs-action'], 'DescribeRegions');
  assert.equal(acs3.headers['x-acs-version'], ECS_VERSION);
  assert.equal(acs3.url.searchParams.get('AcceptLanguage'), 'en-US');
  assert.equal(acs3.url.searchParams.get('Signature'), null);

  for (const [name, r, params, method] of [
    ['v7 v2', v2, v2.url.searchParams, 'POST'],
    ['pop-core GET', popGet, popGet.url.searchParams, 'GET'],
    ['pop-core POST', popPost, popPost.body, 'POST'],
  ]) {
    assert.equal(r.method, method, name);
    assert.equal(r.headers.authorization, undefined, name);
    assert.equal(params.get('SignatureMethod'), 'HMAC-SHA1', name);
    assert.equal(params.get('AccessKeyId'), 'test', name);
    assert.ok(params.get('Signature'), name);
    assert.equal(params.get('Action'), 'DescribeRegions', name);
    assert.equal(params.get('AcceptLanguage'), 'en-US', name);
  }
  assert.equal(popPost.url.search, '', 'pop-core POST sends no query');
  assert.match(popPost.headers['content-type'], /^application\/x-www-form-urlencoded/);
});

describe('Action and Version routing', () => {
  test('an unknown Action is InvalidAction.NotFound (404) with every client', async () => {
    for (const apiVersion of [VPC_VERSION, ECS_VERSION]) {
      const pop = popClient({ apiVersion });
      for (const method of popMethods) {
        await assertAcsError(pop.request('NoSuchAction', { RegionId: REGION }, { method }), 'InvalidAction.NotFound', 404,
          `pop-core ${method} ${apiVersion}`);
      }
    }
    for (const [name, client] of v7Clients()) {
      await assertAcsError(callApi(client, 'NoSuchAction', ECS_VERSION, { RegionId: REGION }), 'InvalidAction.NotFound', 404, name);
    }
  });

  test('an Action with another API\'s Version is InvalidVersion (400) and does nothing', async () => {
    const name = uniqueName('wrong-version');
    const ecsVersioned = popClient({ apiVersion: ECS_VERSION });
    for (const method of popMethods) {
      const error = await assertAcsError(
        ecsVersioned.request('CreateVpc', { RegionId: REGION, CidrBlock: '10.0.0.0/16', VpcName: name }, { method }),
        'InvalidVersion', 400, `pop-core ${method} CreateVpc@${ECS_VERSION}`);
      assert.match(error.data.Message, /Version/);
    }
    const vpcVersioned = popClient({ apiVersion: VPC_VERSION });
    for (const method of popMethods) {
      await assertAcsError(vpcVersioned.request('DescribeSecurityGroups', { RegionId: REGION }, { method }), 'InvalidVersion', 400,
        `pop-core ${method} DescribeSecurityGroups@${VPC_VERSION}`);
    }
    for (const [clientName, client] of v7Clients()) {
      await assertAcsError(callApi(client, 'CreateVpc', ECS_VERSION, { RegionId: REGION, VpcName: name }), 'InvalidVersion', 400, clientName);
      await assertAcsError(callApi(client, 'DescribeRegions', '2099-01-01'), 'InvalidVersion', 400, clientName);
    }
    assert.equal((await sdk.describeVpcs({ RegionId: REGION, VpcName: name })).TotalCount, 0, 'no VPC was created');
  });

  test('routing is by Action and Version, not by client: the ECS client can call a VPC Action', async () => {
    for (const [name, client] of v7Clients()) {
      const response = await callApi(client, 'DescribeVpcs', VPC_VERSION, { RegionId: REGION, PageSize: 1 });
      assert.equal(response.statusCode, 200, name);
      assert.equal(response.body.PageSize, 1, name);
      assert.equal(typeof response.body.TotalCount, 'number', name);
    }
  });

  test('a request without Action or Version is MissingParameter', async () => {
    const noAction = await rawFetch(`/?Version=${VPC_VERSION}&RegionId=${REGION}`);
    assert.equal(noAction.status, 400);
    assert.equal(noAction.json.Code, 'MissingParameter');
    assert.match(noAction.json.Message, /Action/);
    const noVersion = await rawFetch(`/?Action=DescribeVpcs&RegionId=${REGION}`);
    assert.equal(noVersion.status, 400);
    assert.equal(noVersion.json.Code, 'MissingParameter');
    assert.match(noVersion.json.Message, /Version/);
  });

  test('a missing required parameter is MissingParameter (400) with every client', async () => {
    for (const driver of drivers()) {
      const error = await assertAcsError(driver.describeVpcs({ PageSize: 5 }), 'MissingParameter', 400, driver.name);
      assert.match(error.data.Message, /RegionId/);
    }
  });
});

describe('error envelope', () => {
  test('errors carry RequestId (also in x-acs-request-id), HostId, Code, Message and Recommend', async () => {
    const r = await rawFetch(`/?Action=NoSuchAction&Version=${VPC_VERSION}`);
    assert.equal(r.status, 404);
    assert.match(r.headers.get('content-type'), /^application\/json/);
    assert.match(r.json.RequestId, UUID);
    assert.equal(r.headers.get('x-acs-request-id'), r.json.RequestId);
    assert.equal(r.json.Code, 'InvalidAction.NotFound');
    assert.equal(typeof r.json.HostId, 'string');
    assert.ok(r.json.HostId.length > 0);
    assert.ok(r.json.Message.length > 0);
    assert.match(r.json.Recommend, /^https:\/\/api\.aliyun\.com\/troubleshoot\?q=InvalidAction\.NotFound/);
    assert.ok(r.json.Recommend.includes(r.json.RequestId), 'Recommend names the RequestId');
  });

  test('every response has a fresh RequestId', async () => {
    const a = await sdk.describeRegions({});
    const b = await sdk.describeRegions({});
    assert.match(a.RequestId, UUID);
    assert.match(b.RequestId, UUID);
    assert.notEqual(a.RequestId, b.RequestId);
  });

  test('OwnerId is a JSON number on the wire', async (t) => {
    const created = await sdk.createVpc({ RegionId: REGION, VpcName: uniqueName('wire') });
    cleanup(t).vpc(created.VpcId);
    const r = await rawFetch(`/?Action=DescribeVpcs&Version=${VPC_VERSION}&RegionId=${REGION}&VpcId=${created.VpcId}`);
    assert.equal(r.status, 200);
    assert.match(r.text, new RegExp(`"OwnerId":${ACCOUNTS.test.accountId}[,}]`));
  });
});

describe('signatures and access keys', () => {
  const wrongSecret = { ...ACCOUNTS.test, accessKeySecret: 'wrong-secret' };
  const unknownKey = { ...ACCOUNTS.test, accessKeyId: 'no-such-key', accessKeySecret: 'whatever' };

  test('both signatures work with both accounts', async () => {
    for (const account of [ACCOUNTS.test, ACCOUNTS.test2]) {
      for (const driver of drivers(account)) {
        const body = await driver.describeRegions({ AcceptLanguage: 'en-US' });
        assert.ok(body.Regions.Region.some((r) => r.RegionId === REGION), `${driver.name} as ${account.accessKeyId}`);
      }
    }
  });

  test('a wrong secret is SignatureDoesNotMatch (400) with every client', async () => {
    const name = uniqueName('bad-signature');
    for (const driver of drivers(wrongSecret)) {
      await assertAcsError(driver.describeRegions({}), 'SignatureDoesNotMatch', 400, driver.name);
      await assertAcsError(driver.createVpc({ RegionId: REGION, VpcName: name }), 'SignatureDoesNotMatch', 400, driver.name);
    }
    // Another account's secret does not sign for this key either.
    for (const driver of drivers({ ...ACCOUNTS.test2, accessKeySecret: ACCOUNTS.test.accessKeySecret })) {
      await assertAcsError(driver.describeRegions({}), 'SignatureDoesNotMatch', 400, driver.name);
    }
    assert.equal((await sdk.describeVpcs({ RegionId: REGION, VpcName: name })).TotalCount, 0, 'no VPC was created');
  });

  test('an unknown access key is InvalidAccessKeyId.NotFound (404) with every client', async () => {
    for (const driver of drivers(unknownKey)) {
      await assertAcsError(driver.describeVpcs({ RegionId: REGION }), 'InvalidAccessKeyId.NotFound', 404, driver.name);
    }
  });

  test('a hand-signed HMAC-SHA1 request is accepted, GET and POST', async () => {
    const params = { Action: 'DescribeRegions', Version: ECS_VERSION, AcceptLanguage: 'en-US' };
    const get = await rawFetch('/?' + canonicalQuery(signRpc(params, { method: 'GET' })));
    assert.equal(get.status, 200, get.text);
    assert.ok(get.json.Regions.Region.length > 0);
    const post = await rawFetch('/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: canonicalQuery(signRpc(params, { method: 'POST' })),
    });
    assert.equal(post.status, 200, post.text);
  });

  test('a parameter changed after signing is SignatureDoesNotMatch', async () => {
    const name = uniqueName('tampered');
    const signed = signRpc({ Action: 'CreateVpc', Version: VPC_VERSION, RegionId: REGION, VpcName: name });
    const r = await rawFetch('/?' + canonicalQuery({ ...signed, CidrBlock: '10.0.0.0/16' }));
    assert.equal(r.status, 400, r.text);
    assert.equal(r.json.Code, 'SignatureDoesNotMatch');
    // A request signed for GET is not valid as POST.
    const asPost = await rawFetch('/', {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: canonicalQuery(signed),
    });
    assert.equal(asPost.status, 400, asPost.text);
    assert.equal(asPost.json.Code, 'SignatureDoesNotMatch');
    assert.equal((await sdk.describeVpcs({ RegionId: REGION, VpcName: name })).TotalCount, 0, 'no VPC was created');
  });

  test('a replayed SignatureNonce is SignatureNonceUsed', async () => {
    const query = canonicalQuery(signRpc({ Action: 'DescribeRegions', Version: ECS_VERSION }));
    const first = await rawFetch('/?' + query);
    assert.equal(first.status, 200, first.text);
    const replay = await rawFetch('/?' + query);
    assert.equal(replay.status, 400, replay.text);
    assert.equal(replay.json.Code, 'SignatureNonceUsed');
  });

  test('a timestamp far from the server clock is InvalidTimeStamp.Expired', async () => {
    for (const offsetMinutes of [-60, 60]) {
      const timestamp = new Date(Date.now() + offsetMinutes * 60_000);
      const r = await rawFetch('/?' + canonicalQuery(signRpc({ Action: 'DescribeRegions', Version: ECS_VERSION }, { timestamp })));
      assert.equal(r.status, 400, r.text);
      assert.equal(r.json.Code, 'InvalidTimeStamp.Expired');
    }
  });
});

describe('accounts', () => {
  test('a VPC and vSwitch of test2 are invisible to test', async (t) => {
    const [owner] = drivers(ACCOUNTS.test2);
    const clean = cleanup(t, owner);
    const vpc = await owner.createVpc({ RegionId: REGION, CidrBlock: '10.0.0.0/16', VpcName: uniqueName('test2-vpc') });
    clean.vpc(vpc.VpcId);
    const vsw = await owner.createVSwitch({ VpcId: vpc.VpcId, ZoneId: 'cn-hangzhou-h', CidrBlock: '10.0.1.0/24' });
    clean.vSwitch(vsw.VSwitchId);

    const own = (await owner.describeVpcs({ RegionId: REGION, VpcId: vpc.VpcId })).Vpcs.Vpc;
    assert.equal(own.length, 1);
    assert.equal(String(own[0].OwnerId), ACCOUNTS.test2.accountId);

    for (const other of drivers(ACCOUNTS.test)) {
      const vpcs = await other.describeVpcs({ RegionId: REGION, VpcId: vpc.VpcId });
      assert.equal(vpcs.TotalCount, 0, other.name);
      assert.deepEqual(vpcs.Vpcs.Vpc, [], other.name);
      const all = await other.describeVpcs({ RegionId: REGION, PageSize: 50 });
      assert.ok(!all.Vpcs.Vpc.some((v) => v.VpcId === vpc.VpcId), other.name);
      assert.equal((await other.describeVSwitches({ VpcId: vpc.VpcId })).TotalCount, 0, other.name);
      assert.equal((await other.describeVSwitches({ RegionId: REGION, VSwitchId: vsw.VSwitchId })).TotalCount, 0, other.name);
      await assertAcsError(other.deleteVSwitch({ VSwitchId: vsw.VSwitchId }), 'InvalidVSwitchId.NotFound', 404, other.name);
      await assertAcsError(other.deleteVpc({ VpcId: vpc.VpcId }), 'InvalidVpcId.NotFound', 404, other.name);
      await assertAcsError(other.createVSwitch({ VpcId: vpc.VpcId, ZoneId: 'cn-hangzhou-i', CidrBlock: '10.0.2.0/24' }),
        'InvalidVpcId.NotFound', 404, other.name);
    }
    // Still there for its owner.
    const after = (await owner.describeVpcs({ RegionId: REGION, VpcId: vpc.VpcId })).Vpcs.Vpc;
    assert.deepEqual(after.map((v) => v.VSwitchIds.VSwitchId), [[vsw.VSwitchId]]);
  });

  test('a VPC of test is invisible to test2', async (t) => {
    const owner = drivers(ACCOUNTS.test)[3];
    const clean = cleanup(t, owner);
    const vpc = await owner.createVpc({ RegionId: REGION, VpcName: uniqueName('test-vpc') });
    clean.vpc(vpc.VpcId);
    for (const other of drivers(ACCOUNTS.test2)) {
      assert.equal((await other.describeVpcs({ RegionId: REGION, VpcId: vpc.VpcId })).TotalCount, 0, other.name);
      await assertAcsError(other.deleteVpc({ VpcId: vpc.VpcId }), 'InvalidVpcId.NotFound', 404, other.name);
    }
    const own = (await owner.describeVpcs({ RegionId: REGION, VpcId: vpc.VpcId })).Vpcs.Vpc;
    assert.equal(own.length, 1);
    assert.equal(String(own[0].OwnerId), ACCOUNTS.test.accountId);
  });

  test('in Relaxed mode an unsigned request acts as the default account test', async (t) => {
    const clean = cleanup(t);
    const [other] = drivers(ACCOUNTS.test2);
    const clean2 = cleanup(t, other);
    const mine = await sdk.createVpc({ RegionId: REGION, VpcName: uniqueName('signed-test') });
    clean.vpc(mine.VpcId);
    const theirs = await other.createVpc({ RegionId: REGION, VpcName: uniqueName('signed-test2') });
    clean2.vpc(theirs.VpcId);

    const listed = await rawFetch(`/?Action=DescribeVpcs&Version=${VPC_VERSION}&RegionId=${REGION}&VpcId=${mine.VpcId},${theirs.VpcId}`);
    assert.equal(listed.status, 200, listed.text);
    assert.deepEqual(listed.json.Vpcs.Vpc.map((v) => v.VpcId), [mine.VpcId]);

    const created = await rawFetch('/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: canonicalQuery({ Action: 'CreateVpc', Version: VPC_VERSION, RegionId: REGION, VpcName: uniqueName('unsigned') }),
    });
    assert.equal(created.status, 200, created.text);
    assert.match(created.json.VpcId, resourceId('vpc'));
    clean.vpc(created.json.VpcId);
    const seen = (await sdk.describeVpcs({ RegionId: REGION, VpcId: created.json.VpcId })).Vpcs.Vpc;
    assert.equal(seen.length, 1, 'account test sees the VPC made by the unsigned request');
    assert.equal(String(seen[0].OwnerId), ACCOUNTS.test.accountId);
    assert.equal((await other.describeVpcs({ RegionId: REGION, VpcId: created.json.VpcId })).TotalCount, 0);
  });
});

describe('Strict mode', () => {
  const strictDrivers = () => {
    const endpoint = strictEndpoint();
    return [
      ['v7 ACS3-HMAC-SHA256', (o) => ecsClient({ endpoint, ...o }), (o) => vpcClient({ endpoint, ...o })],
      ['v7 HMAC-SHA1 (v2)', (o) => ecsClient({ endpoint, signature: 'v2', ...o }), (o) => vpcClient({ endpoint, signature: 'v2', ...o })],
    ].map(([name, ecs, vpc]) => ({ name, ecs, vpc }));
  };

  test('signed SDK calls work', async () => {
    const endpoint = strictEndpoint();
    for (const { name, ecs } of strictDrivers()) {
      const response = await ecs().describeRegions(new Ecs.DescribeRegionsRequest({ acceptLanguage: 'en-US' }));
      assert.equal(response.statusCode, 200, name);
      assert.ok(response.body.regions.region.some((r) => r.regionId === REGION), name);
    }
    for (const method of popMethods) {
      const pop = popClient({ endpoint, apiVersion: ECS_VERSION, account: ACCOUNTS.test2 });
      const body = await pop.request('DescribeRegions', { AcceptLanguage: 'en-US' }, { method });
      assert.ok(body.Regions.Region.length > 0, `pop-core ${method}`);
    }
  });

  test('a signed SDK client can create, list and delete a VPC', async () => {
    for (const { name, vpc } of strictDrivers()) {
      for (const account of [ACCOUNTS.test, ACCOUNTS.test2]) {
        const client = vpc({ account });
        const vpcName = uniqueName('strict');
        const created = await client.createVpc(new Vpc.CreateVpcRequest({
          regionId: REGION, cidrBlock: '10.0.0.0/16', vpcName,
        }));
        try {
          assert.match(created.body.vpcId, resourceId('vpc'), name);
          const listed = await client.describeVpcs(new Vpc.DescribeVpcsRequest({
            regionId: REGION, vpcName,
          }));
          assert.deepEqual(listed.body.vpcs.vpc.map((v) => v.vpcId), [created.body.vpcId], name);
          assert.equal(String(listed.body.vpcs.vpc[0].ownerId), account.accountId, name);
        } finally {
          await client.deleteVpc(new Vpc.DeleteVpcRequest({ vpcId: created.body.vpcId }));
        }
      }
    }
  });

  test('an unsigned request is refused with MissingParameter (400)', async () => {
    const endpoint = strictEndpoint();
    const get = await rawFetch(`/?Action=DescribeRegions&Version=${ECS_VERSION}`, { endpoint });
    assert.equal(get.status, 400, get.text);
    assert.equal(get.json.Code, 'MissingParameter');
    assert.match(get.json.RequestId, UUID);

    const post = await rawFetch('/', {
      endpoint,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: canonicalQuery({ Action: 'CreateVpc', Version: VPC_VERSION, RegionId: REGION }),
    });
    assert.equal(post.status, 400, post.text);
    assert.equal(post.json.Code, 'MissingParameter');

    // The same unsigned request is fine on the Relaxed server.
    const relaxed = await rawFetch(`/?Action=DescribeRegions&Version=${ECS_VERSION}`);
    assert.equal(relaxed.status, 200, relaxed.text);
  });

  test('wrong secrets and unknown keys are still refused', async () => {
    for (const { name, ecs } of strictDrivers()) {
      await assertAcsError(ecs({ account: { ...ACCOUNTS.test, accessKeySecret: 'wrong' } })
        .describeRegions(new Ecs.DescribeRegionsRequest({})), 'SignatureDoesNotMatch', 400, name);
      await assertAcsError(ecs({ account: { ...ACCOUNTS.test, accessKeyId: 'no-such-key' } })
        .describeRegions(new Ecs.DescribeRegionsRequest({})), 'InvalidAccessKeyId.NotFound', 404, name);
    }
  });

  test('GET /_emulator/health works unsigned; POST /_emulator/reset does not', async () => {
    const endpoint = strictEndpoint();
    const health = await rawFetch('/_emulator/health', { endpoint });
    assert.equal(health.status, 200, health.text);
    assert.equal(health.json.Status, 'Healthy');
    const reset = await rawFetch('/_emulator/reset', { endpoint, method: 'POST' });
    assert.equal(reset.status, 400, reset.text);
    assert.equal(reset.json.Code, 'MissingParameter');
  });
});
