// HTTPS: the official v7 SDK (protocol 'https') and pop-core (an https:// endpoint) call Actions over the emulator's
// HTTPS listener with certificate verification ON. The server's certificate chains to the emulator's local CA, which
// the runner (tests/run-all.sh) fetches from GET /_emulator/ca.pem and gives Node through NODE_EXTRA_CA_CERTS.
//   SG_HTTPS_ENDPOINT         host:port of the Relaxed server's HTTPS listener (required)
//   SG_STRICT_HTTPS_ENDPOINT  host:port of the Strict server's HTTPS listener (required by the Strict test)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import tls from 'node:tls';
import {
  ACCOUNTS, ECS_VERSION, Ecs, ENDPOINT, REGION, RPC, VPC_VERSION, Vpc, rawFetch, resetEmulator, strictEndpoint, uniqueName,
  vpcClient, ecsClient,
} from './clients.mjs';

function httpsEndpoint(name) {
  const value = process.env[name];
  if (!value || !value.trim()) {
    throw new Error(`${name} is not set: give the host:port of a SecurityGroups HTTPS listener (its address is in ` +
      `GET /_emulator/health, "Https"), and trust its CA with NODE_EXTRA_CA_CERTS=<file of GET /_emulator/ca.pem>.`);
  }
  return value.trim().replace(/^https?:\/\//, '').replace(/\/+$/, '');
}

const HTTPS = httpsEndpoint('SG_HTTPS_ENDPOINT');
const [HOST, PORT] = [HTTPS.slice(0, HTTPS.lastIndexOf(':')), Number(HTTPS.slice(HTTPS.lastIndexOf(':') + 1))];

function popHttps({ account = ACCOUNTS.test, endpoint = HTTPS, apiVersion } = {}) {
  return new RPC({ accessKeyId: account.accessKeyId, accessKeySecret: account.accessKeySecret, endpoint: `https://${endpoint}`, apiVersion });
}

/** Opens a TLS connection with these options; resolves to the peer certificate or rejects with the TLS error. */
function handshake(options) {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: HOST, port: PORT, ...options }, () => {
      const peer = socket.getPeerCertificate();
      socket.end();
      resolve(peer);
    });
    socket.once('error', reject);
  });
}

test('health names the HTTPS listener it serves', async () => {
  const health = await rawFetch('/_emulator/health');
  assert.equal(health.status, 200);
  assert.equal(new URL(health.json.Https).port, String(PORT), `Https in ${health.text}`);
});

test('the certificate chains to GET /_emulator/ca.pem only, and names 127.0.0.1 and localhost', async () => {
  const ca = (await rawFetch('/_emulator/ca.pem')).text;
  assert.match(ca, /^-----BEGIN CERTIFICATE-----/);

  const peer = await handshake({ ca: [ca], servername: 'localhost' });
  assert.match(peer.subjectaltname, /DNS:localhost/);
  assert.match(peer.subjectaltname, /IP Address:127\.0\.0\.1/);

  // Node's bundled public roots alone do not trust it: verification is real, and only the emulator's CA makes it pass.
  await assert.rejects(handshake({ ca: tls.rootCertificates, servername: 'localhost' }),
    (e) => /UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED/.test(e.code));
});

test('v7 ECS SDK, ACS3, protocol https: DescribeRegions', async () => {
  const ecs = ecsClient({ endpoint: HTTPS, protocol: 'https' });
  const response = await ecs.describeRegions(new Ecs.DescribeRegionsRequest({ acceptLanguage: 'en-US' }));
  assert.equal(response.statusCode, 200);
  assert.equal(response.body.regions.region.find((r) => r.regionId === REGION)?.localName, 'China (Hangzhou)');
});

test('v7 VPC SDK, HMAC-SHA1, protocol https: a VPC made over HTTPS is the one HTTP sees', async (t) => {
  await resetEmulator();
  const overHttps = vpcClient({ signature: 'v2', endpoint: HTTPS, protocol: 'https' });
  const name = uniqueName('https');
  const created = await overHttps.createVpc(new Vpc.CreateVpcRequest({ regionId: REGION, cidrBlock: '10.0.0.0/8', vpcName: name }));
  const vpcId = created.body.vpcId;
  t.after(() => overHttps.deleteVpc(new Vpc.DeleteVpcRequest({ regionId: REGION, vpcId })));

  const overHttp = await vpcClient({ endpoint: ENDPOINT }).describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: REGION, vpcId }));
  assert.equal(overHttp.body.vpcs.vpc[0].vpcName, name);
});

test('pop-core, https:// endpoint: GET and POST', async () => {
  const ecs = popHttps({ apiVersion: ECS_VERSION });
  const regions = await ecs.request('DescribeRegions', { AcceptLanguage: 'en-US' }, { method: 'GET' });
  assert.ok(regions.Regions.Region.some((r) => r.RegionId === REGION));

  const vpc = popHttps({ apiVersion: VPC_VERSION });
  const vpcs = await vpc.request('DescribeVpcs', { RegionId: REGION }, { method: 'POST' });
  assert.ok(Array.isArray(vpcs.Vpcs.Vpc));
});

test('Strict server over HTTPS: a signed v7 call is served, an unsigned one is refused', async () => {
  const strictHttps = httpsEndpoint('SG_STRICT_HTTPS_ENDPOINT');
  strictEndpoint(); // the Strict server is configured
  const ecs = ecsClient({ endpoint: strictHttps, protocol: 'https' });
  const response = await ecs.describeRegions(new Ecs.DescribeRegionsRequest({}));
  assert.equal(response.statusCode, 200);

  const unsigned = await fetch(`https://${strictHttps}/?Action=DescribeRegions&Version=${ECS_VERSION}`);
  assert.equal(unsigned.status, 400);
  assert.equal((await unsigned.json()).Code, 'MissingParameter');
});
