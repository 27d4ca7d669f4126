// Several replicas on one PostgreSQL database answer as one server (issue 14, ADR-008).
//
//   SG_REPLICA_ENDPOINTS  host:port of each replica, comma-separated (three, Relaxed mode, one database; started with
//                         Quotas__SecurityGroupsPerRegion=16 and Quotas__RulesPerSecurityGroup=24)
//   SG_REPLICA_PIDS       their process ids, same order (the last test kills one with SIGKILL; keep it last)
// tests/postgres-suite.sh starts them. Calls are unsigned RPC requests (Relaxed mode) spread round-robin over the
// replicas, all at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { canonicalQuery, signRpc, ACCOUNTS } from '../sdk/clients.mjs';

const endpoints = (process.env.SG_REPLICA_ENDPOINTS ?? '').split(',').filter(Boolean);
const pids = (process.env.SG_REPLICA_PIDS ?? '').split(',').filter(Boolean).map(Number);
if (endpoints.length < 3) {
  throw new Error('SG_REPLICA_ENDPOINTS must name three replicas on one PostgreSQL database (tests/postgres-suite.sh starts them)');
}

const REGION = 'cn-hangzhou';
const ECS = '2014-05-26';
const VPC = '2016-04-28';

/** One RPC call to replica `i` (modulo their count); {status, json}. */
async function call(i, Action, params = {}, Version = ECS, account = 'test') {
  const query = canonicalQuery({ Action, Version, Format: 'JSON', AccessKeyId: account, RegionId: REGION, ...params });
  const response = await fetch(`http://${endpoints[i % endpoints.length]}/?${query}`);
  const text = await response.text();
  let json;
  try { json = JSON.parse(text); } catch { json = { text }; }
  return { status: response.status, json };
}

const ok = (r, label) => { assert.equal(r.status, 200, `${label}: ${JSON.stringify(r.json)}`); return r.json; };

async function reset() {
  const r = await fetch(`http://${endpoints[0]}/_emulator/reset`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ AllAccounts: true }),
  });
  assert.equal(r.status, 200, await r.text());
}

async function groupCount(i) {
  return ok(await call(i, 'DescribeSecurityGroups', { PageSize: 50 }), 'DescribeSecurityGroups').TotalCount;
}

test('every replica reports the Postgres provider and its own identity', async () => {
  const replicas = new Set();
  for (const endpoint of endpoints) {
    const health = await (await fetch(`http://${endpoint}/_emulator/health`)).json();
    assert.equal(health.Checks.storage.Data.Provider, 'Postgres');
    replicas.add(health.Checks.storage.Data.Replica);
  }
  assert.equal(replicas.size, endpoints.length, 'each replica names itself differently');
});

test('the security-group quota is exact at its edge under 32 concurrent clients across the replicas', async () => {
  await reset();
  const results = await Promise.all(Array.from({ length: 32 }, (_, i) =>
    call(i, 'CreateSecurityGroup', { SecurityGroupName: `edge-${i}` })));
  const created = results.filter((r) => r.status === 200);
  const refused = results.filter((r) => r.status !== 200);
  assert.equal(created.length, 16, 'exactly the quota (16) was created');
  for (const r of refused) {
    assert.deepEqual([r.status, r.json.Code], [403, 'QuotaExceed.SecurityGroup']);
  }
  for (let i = 0; i < endpoints.length; i++) {
    assert.equal(await groupCount(i), 16, `replica ${i} lists 16 groups`);
  }
});

test('the rule quota and duplicate check hold under 32 concurrent authorizes across the replicas', async () => {
  await reset();
  const group = ok(await call(0, 'CreateSecurityGroup', { SecurityGroupName: 'rules' }), 'create').SecurityGroupId;
  // 32 clients, 28 distinct rules (ports 1000-1027) and 4 exact duplicates of rule 1000: the quota is 24.
  const results = await Promise.all(Array.from({ length: 32 }, (_, i) => call(i, 'AuthorizeSecurityGroup', {
    SecurityGroupId: group, IpProtocol: 'tcp', PortRange: `${1000 + (i % 28)}/${1000 + (i % 28)}`, SourceCidrIp: '10.0.0.0/8',
  })));
  const stored = ok(await call(2, 'DescribeSecurityGroupAttribute', { SecurityGroupId: group, Direction: 'ingress' }), 'describe')
    .Permissions.Permission;
  assert.ok(stored.length <= 24, `no more than the quota is stored (${stored.length})`);
  assert.equal(new Set(stored.map((p) => p.PortRange)).size, stored.length, 'no duplicate rule was stored');
  const refused = results.filter((r) => r.status !== 200).map((r) => r.json.Code);
  for (const code of refused) {
    assert.ok(['QuotaExceed.SecurityGroupRule', 'InvalidPermission.Duplicate', 'AuthorizationLimitExceed'].includes(code), code);
  }
  assert.equal(stored.length, 24, 'the quota is reached exactly (28 distinct rules were asked for)');
});

test('16 concurrent retries of one ClientToken through every replica create one group', async () => {
  await reset();
  const token = randomUUID();
  const results = await Promise.all(Array.from({ length: 16 }, (_, i) =>
    call(i, 'CreateSecurityGroup', { SecurityGroupName: 'once', ClientToken: token })));
  for (const r of results) {
    ok(r, 'retry');
  }
  assert.equal(new Set(results.map((r) => r.json.SecurityGroupId)).size, 1, 'every retry answers the same group');
  assert.equal(await groupCount(1), 1, 'one group exists');
});

test('a write through one replica is read at once through the others (describe and traffic evaluation)', async () => {
  await reset();
  const vpc = ok(await call(0, 'CreateVpc', { CidrBlock: '192.168.0.0/16' }, VPC), 'CreateVpc').VpcId;
  const vsw = ok(await call(1, 'CreateVSwitch', { VpcId: vpc, CidrBlock: '192.168.1.0/24', ZoneId: 'cn-hangzhou-h' }, VPC), 'CreateVSwitch').VSwitchId;
  const group = ok(await call(2, 'CreateSecurityGroup', { VpcId: vpc }), 'CreateSecurityGroup').SecurityGroupId;
  const eni = ok(await call(0, 'CreateNetworkInterface', { VSwitchId: vsw, SecurityGroupId: group }), 'CreateNetworkInterface').NetworkInterfaceId;
  const evaluate = async (i) => {
    const r = await fetch(`http://${endpoints[i % endpoints.length]}/_emulator/traffic/evaluate`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ RegionId: REGION, NetworkInterfaceId: eni, Direction: 'ingress', IpProtocol: 'TCP', SourceIp: '10.1.2.3', DestinationPort: 443 }),
    });
    const json = await r.json();
    assert.equal(r.status, 200, JSON.stringify(json));
    return json.Decision;
  };
  // Warm every replica's caches, then write through one and read through each of the others at once.
  for (let i = 0; i < endpoints.length; i++) {
    assert.equal(await evaluate(i), 'Drop');
    assert.equal(ok(await call(i, 'DescribeSecurityGroupAttribute', { SecurityGroupId: group }), 'describe').Permissions.Permission.length, 0);
  }
  for (let writer = 0; writer < endpoints.length; writer++) {
    const port = 440 + writer;
    ok(await call(writer, 'AuthorizeSecurityGroup', { SecurityGroupId: group, IpProtocol: 'tcp', PortRange: `${port}/${port}`, SourceCidrIp: '10.0.0.0/8' }), 'authorize');
    for (let reader = 0; reader < endpoints.length; reader++) {
      const rules = ok(await call(reader, 'DescribeSecurityGroupAttribute', { SecurityGroupId: group }), 'describe').Permissions.Permission;
      assert.equal(rules.length, writer + 1, `replica ${reader} sees the rule written through replica ${writer}`);
    }
  }
  ok(await call(1, 'AuthorizeSecurityGroup', { SecurityGroupId: group, IpProtocol: 'tcp', PortRange: '443/443', SourceCidrIp: '10.0.0.0/8' }), 'authorize 443');
  for (let i = 0; i < endpoints.length; i++) {
    assert.equal(await evaluate(i), 'Accept', `replica ${i} evaluates with the rule written through replica 1`);
  }
  ok(await call(2, 'RevokeSecurityGroup', { SecurityGroupId: group, IpProtocol: 'tcp', PortRange: '443/443', SourceCidrIp: '10.0.0.0/8' }), 'revoke 443');
  for (let i = 0; i < endpoints.length; i++) {
    assert.equal(await evaluate(i), 'Drop', `replica ${i} evaluates without the rule revoked through replica 2`);
  }
});

/** The sum of `securitygroups_cache_lookups_total` samples of one listing cache and result on replica `i`. */
async function lookups(i, cache, result) {
  const text = await (await fetch(`http://${endpoints[i % endpoints.length]}/metrics`)).text();
  return text.split('\n').filter((l) => l.startsWith('securitygroups_cache_lookups_total{')
    && l.includes(`cache="${cache}"`) && l.includes(`result="${result}"`))
    .reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
}

test('listing pages are dropped on every replica by a write to their tables through any, and kept by other writes (ADR-012)', async () => {
  await reset();
  const vpc = ok(await call(0, 'CreateVpc', { CidrBlock: '192.168.0.0/16' }, VPC), 'CreateVpc').VpcId;
  const vsw = ok(await call(0, 'CreateVSwitch', { VpcId: vpc, CidrBlock: '192.168.1.0/24', ZoneId: 'cn-hangzhou-h' }, VPC), 'CreateVSwitch').VSwitchId;
  const group = ok(await call(0, 'CreateSecurityGroup', { VpcId: vpc }), 'CreateSecurityGroup').SecurityGroupId;
  const eni = ok(await call(0, 'CreateNetworkInterface', { VSwitchId: vsw, SecurityGroupId: group }), 'CreateNetworkInterface').NetworkInterfaceId;
  const description = async (i) => ok(await call(i, 'DescribeSecurityGroups', {}), 'DescribeSecurityGroups').SecurityGroups.SecurityGroup[0].Description;
  const eniName = async (i) => ok(await call(i, 'DescribeNetworkInterfaces', {}), 'DescribeNetworkInterfaces').NetworkInterfaceSets.NetworkInterfaceSet[0].NetworkInterfaceName;
  for (let writer = 0; writer < endpoints.length; writer++) {
    for (let i = 0; i < endpoints.length; i++) { // every replica's pages cached
      await description(i); await description(i); await eniName(i); await eniName(i);
    }
    const before = await Promise.all(endpoints.map((_, i) => lookups(i, 'network_interface_listing', 'miss')));
    ok(await call(writer, 'ModifySecurityGroupAttribute', { SecurityGroupId: group, Description: `through ${writer}` }), 'modify group');
    for (let reader = 0; reader < endpoints.length; reader++) {
      assert.equal(await description(reader), `through ${writer}`, `replica ${reader} lists the group as written through replica ${writer}`);
      assert.equal(await eniName(reader), writer === 0 ? '' : `eni ${writer - 1}`, `replica ${reader} lists the ENI unchanged`);
      assert.equal(await lookups(reader, 'network_interface_listing', 'miss'), before[reader],
        `replica ${reader} kept its ENI page: the group write touched no table it reads`);
    }
    ok(await call(writer, 'ModifyNetworkInterfaceAttribute', { NetworkInterfaceId: eni, NetworkInterfaceName: `eni ${writer}` }), 'modify ENI');
    for (let reader = 0; reader < endpoints.length; reader++) {
      assert.equal(await eniName(reader), `eni ${writer}`, `replica ${reader} lists the ENI as renamed through replica ${writer}`);
    }
  }
});

test('a signature nonce used on one replica is refused on every other', async () => {
  const nonce = randomUUID();
  const signed = (i) => fetch(`http://${endpoints[i]}/?${canonicalQuery(signRpc({ Action: 'DescribeRegions', Version: ECS }, { account: ACCOUNTS.test, nonce }))}`);
  const first = await signed(0);
  assert.equal(first.status, 200, await first.text());
  for (let i = 1; i < endpoints.length; i++) {
    const replay = await signed(i);
    const json = await replay.json();
    assert.deepEqual([replay.status, json.Code], [400, 'SignatureNonceUsed'], `replica ${i}`);
  }
});

test('no acknowledged write is lost when a replica is killed with SIGKILL mid-load', async () => {
  assert.equal(pids.length, endpoints.length, 'SG_REPLICA_PIDS names every replica');
  await reset();
  const acknowledged = new Set();
  let stop = false;
  let n = 0;
  const client = async (c) => {
    while (!stop) {
      const name = `k-${c}-${n++}`;
      try {
        // Writes go through every replica; the victim's answers stop when it dies (connection errors are not acknowledgements).
        const r = await call(c, 'CreateVpc', { CidrBlock: '10.0.0.0/8', VpcName: name }, VPC);
        if (r.status === 200) acknowledged.add(r.json.VpcId);
        else if (r.status !== 403) assert.fail(`unexpected ${r.status} ${JSON.stringify(r.json)}`);
      } catch (error) {
        if (c % endpoints.length !== endpoints.length - 1) throw error; // only the victim's clients may lose their connection
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  };
  const running = Array.from({ length: 12 }, (_, c) => client(c));
  // The kill comes after a number of acknowledgements, not after a time (a loaded machine acknowledges few per second),
  // and the load goes on until the surviving replicas have acknowledged as many again.
  const until = async (condition, what) => {
    for (const deadline = Date.now() + 120_000; !condition(); await new Promise((resolve) => setTimeout(resolve, 20))) {
      if (Date.now() > deadline) { stop = true; assert.fail(`no ${what} within 120 s (${acknowledged.size} acknowledged)`); }
    }
  };
  await until(() => acknowledged.size >= 30, '30 acknowledged writes before the kill');
  process.kill(pids[pids.length - 1], 'SIGKILL');
  const atKill = acknowledged.size;
  await until(() => acknowledged.size >= atKill + 30, '30 acknowledged writes after the kill');
  stop = true;
  await Promise.all(running);
  const listed = new Set();
  for (let page = 1; ; page++) {
    const r = ok(await call(0, 'DescribeVpcs', { PageSize: 50, PageNumber: page }, VPC), 'DescribeVpcs');
    for (const v of r.Vpcs.Vpc) listed.add(v.VpcId);
    if (page * 50 >= r.TotalCount) break;
  }
  const lost = [...acknowledged].filter((id) => !listed.has(id));
  assert.deepEqual(lost, [], 'every acknowledged VPC is stored');
});
