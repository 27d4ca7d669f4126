// Strict mode as a security boundary, with requests signed by the official signers: each request is captured on its
// way out (a recorder stands in for the server), then replayed to the Strict server as sent or altered the way an
// attacker who saw it could alter it. What runs must be exactly what was signed (docs/security.md).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { ECS_VERSION, Ecs, ecsClient, popClient, strictEndpoint } from './clients.mjs';

/** Runs `send(endpoint)` against a recorder and returns what the client put on the wire. */
async function capture(t, send) {
  const seen = [];
  const recorder = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: { ...req.headers }, body: Buffer.concat(chunks) });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ RequestId: '00000000-0000-0000-0000-000000000000', Regions: { Region: [] } }));
    });
  });
  await new Promise((resolve) => recorder.listen(0, '127.0.0.1', resolve));
  t.after(() => recorder.close());
  await send(`127.0.0.1:${recorder.address().port}`);
  assert.equal(seen.length, 1, 'one request captured');
  return seen[0];
}

/** Sends a captured request (headers as captured, the signed host included) to the Strict server. */
function replay({ method, url, headers, body }) {
  const [hostname, port] = strictEndpoint().split(':');
  const sent = { ...headers };
  delete sent['transfer-encoding'];
  sent['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port: Number(port), method, path: url, headers: sent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json;
        try { json = JSON.parse(text); } catch { json = undefined; }
        resolve({ status: res.statusCode, text, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

function assertError(reply, code, status, label) {
  assert.equal(reply.status, status, `${label}: ${reply.text}`);
  assert.equal(reply.json?.Code, code, `${label}: ${reply.text}`);
}

const describeRegions = () => new Ecs.DescribeRegionsRequest({ acceptLanguage: 'en-US' });

/** The HMAC-SHA1 signers: the Action is a signed parameter; the x-acs-action header they may also send is not signed. */
const rpcSigners = [
  ['pop-core GET', (endpoint) => popClient({ endpoint, apiVersion: ECS_VERSION }).request('DescribeRegions', { AcceptLanguage: 'en-US' })],
  ['pop-core POST', (endpoint) => popClient({ endpoint, apiVersion: ECS_VERSION }).request('DescribeRegions', { AcceptLanguage: 'en-US' }, { method: 'POST' })],
  ['v7 HMAC-SHA1 (v2)', (endpoint) => ecsClient({ endpoint, signature: 'v2' }).describeRegions(describeRegions())],
];

describe('Strict mode boundary, official signers', () => {
  for (const [name, send] of rpcSigners) {
    test(`${name}: served as signed; the unsigned x-acs-action header cannot name another Action`, async (t) => {
      const honest = await capture(t, send);
      const ok = await replay(honest);
      assert.equal(ok.status, 200, `${name} as signed: ${ok.text}`);
      assert.ok(ok.json.Regions.Region.length > 0, name);

      const steered = await capture(t, send);
      steered.headers['x-acs-action'] = 'DeleteSecurityGroup';
      assertError(await replay(steered), 'InvalidParameter', 400, `${name} steered to DeleteSecurityGroup`);

      const versioned = await capture(t, send);
      versioned.headers['x-acs-version'] = '2016-04-28';
      assertError(await replay(versioned), 'InvalidParameter', 400, `${name} with another x-acs-version`);
    });

    test(`${name}: a replay is SignatureNonceUsed`, async (t) => {
      const captured = await capture(t, send);
      assert.equal((await replay(captured)).status, 200, name);
      assertError(await replay(captured), 'SignatureNonceUsed', 400, `${name} replayed`);
    });
  }

  test('an HMAC-SHA1 signature (path and JSON body not covered) cannot authorise a state change on /_emulator/', async (t) => {
    for (const path of ['/_emulator/reset', '/_Emulator/Reset', '/_emulator/security-groups/sg-x/flags']) {
      // v7 v2 signs query parameters: moved to an emulator path they are read, and refused as the wrong kind of signature.
      const v2 = await capture(t, rpcSigners[2][1]);
      v2.url = path + v2.url.slice(v2.url.indexOf('?'));
      assertError(await replay(v2), 'IncompleteSignature', 400, `v7 v2 moved to ${path}`);
      // pop-core POST signs form parameters, which emulator endpoints do not read: an unsigned request to Strict mode.
      const pop = await capture(t, rpcSigners[1][1]);
      pop.url = path;
      assertError(await replay(pop), 'MissingParameter', 400, `pop-core POST moved to ${path}`);
    }
  });

  test('v7 ACS3-HMAC-SHA256: method, path, Action header and body are covered', async (t) => {
    const send = (endpoint) => ecsClient({ endpoint }).describeRegions(describeRegions());

    const honest = await capture(t, send);
    for (const header of ['host', 'x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256']) {
      assert.match(honest.headers.authorization, new RegExp(`SignedHeaders=[^,]*\\b${header}\\b`), `the SDK signs ${header}`);
    }
    assert.equal((await replay(honest)).status, 200);

    const steered = await capture(t, send);
    steered.headers['x-acs-action'] = 'DeleteSecurityGroup';
    assertError(await replay(steered), 'SignatureDoesNotMatch', 400, 'ACS3 with another x-acs-action');

    const moved = await capture(t, send);
    moved.url = '/_emulator/reset';
    assertError(await replay(moved), 'SignatureDoesNotMatch', 400, 'ACS3 moved to /_emulator/reset');

    const withBody = await capture(t, send);
    withBody.headers['content-type'] = 'application/x-www-form-urlencoded';
    withBody.body = Buffer.from('Action=DeleteSecurityGroup&SecurityGroupId=sg-x');
    const reply = await replay(withBody);
    assert.equal(reply.status, 400, reply.text);
    assert.ok(['IncompleteSignature', 'SignatureDoesNotMatch'].includes(reply.json?.Code), reply.text);

    const methodChanged = await capture(t, send);
    methodChanged.method = 'GET';
    assertError(await replay(methodChanged), 'SignatureDoesNotMatch', 400, 'ACS3 with another method');

    const undated = await capture(t, send);
    delete undated.headers['x-acs-date'];
    assertError(await replay(undated), 'MissingParameter', 400, 'ACS3 without x-acs-date');
  });
});
