// POST /_emulator/traffic/matrix on the Strict server, signed by the official v7 client (ACS3-HMAC-SHA256 over path and
// JSON body, through the generic callApi): served for the caller's own instances; another account's instance ids are
// InvalidInstanceId.NotFound (nothing of that account shows); unsigned is refused.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNTS, ECS_VERSION, OpenApi, REGION, VPC_VERSION, assertAcsError, ecsClient, strictEndpoint } from './clients.mjs';

function call(client, action, version, query) {
  const params = new OpenApi.$OpenApiUtil.Params({
    action, version, protocol: 'HTTP', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json',
  });
  return client.callApi(params, new OpenApi.$OpenApiUtil.OpenApiRequest({ query }), {});
}

function matrix(client, body) {
  const params = new OpenApi.$OpenApiUtil.Params({
    action: 'Matrix', version: 'emulator', protocol: 'HTTP', pathname: '/_emulator/traffic/matrix', method: 'POST', authType: 'AK',
    style: 'ROA', reqBodyType: 'json', bodyType: 'json',
  });
  return client.callApi(params, new OpenApi.$OpenApiUtil.OpenApiRequest({ body }), {});
}

/** A VPC, vSwitch, group and two instances of the client's account; returns the instance ids. */
async function launch(client, second) {
  const { body: vpc } = await call(client, 'CreateVpc', VPC_VERSION, { RegionId: REGION, CidrBlock: `10.${second}.0.0/16` });
  const { body: vsw } = await call(client, 'CreateVSwitch', VPC_VERSION, { RegionId: REGION, VpcId: vpc.VpcId, ZoneId: 'cn-hangzhou-h', CidrBlock: `10.${second}.1.0/24` });
  const { body: sg } = await call(client, 'CreateSecurityGroup', ECS_VERSION, { RegionId: REGION, VpcId: vpc.VpcId });
  const { body: run } = await call(client, 'RunInstances', ECS_VERSION, { RegionId: REGION, VSwitchId: vsw.VSwitchId, SecurityGroupId: sg.SecurityGroupId, Amount: 2 });
  return run.InstanceIdSets.InstanceIdSet;
}

describe('reachability matrix in Strict mode, official signer', () => {
  test('signed: own instances served, another account\'s not found, unsigned refused', async () => {
    const mine = ecsClient({ endpoint: strictEndpoint(), account: ACCOUNTS.test });
    const other = ecsClient({ endpoint: strictEndpoint(), account: ACCOUNTS.test2 });
    const ours = await launch(mine, 31 + Math.floor(Math.random() * 100));
    const theirs = await launch(other, 141 + Math.floor(Math.random() * 100));
    const ask = (sources, destinations) => ({ RegionId: REGION, Sources: sources, Destinations: destinations, IpProtocol: 'TCP', DestinationPort: 22 });

    const { statusCode, body } = await matrix(mine, ask(ours, ours));
    assert.equal(statusCode, 200);
    assert.deepEqual(body.Sources, ours);
    assert.equal(body.Cells.length, 2);
    assert.equal(body.Cells[0].length, 2);

    await assertAcsError(matrix(mine, ask(theirs, ours)), 'InvalidInstanceId.NotFound', 404, 'another account\'s sources');
    await assertAcsError(matrix(mine, ask(ours, [ours[0], theirs[0]])), 'InvalidInstanceId.NotFound', 404, 'one of another account\'s destinations');
    await assertAcsError(matrix(other, ask(theirs, ours)), 'InvalidInstanceId.NotFound', 404, 'test2 naming test\'s instances');

    const unsigned = await fetch(`http://${strictEndpoint()}/_emulator/traffic/matrix`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ask(ours, ours)),
    });
    assert.equal(unsigned.status, 400);
    assert.equal((await unsigned.json()).Code, 'MissingParameter');
  });
});
