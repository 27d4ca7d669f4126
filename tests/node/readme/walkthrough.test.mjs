// The README's walkthrough and SDK snippet, run as written against a running server.
//
// The blocks are found by the HTML comments that precede them in README.md (<!-- walkthrough: ... --> and
// <!-- sdk-snippet: ... -->); the only change made to them is the address: http://127.0.0.1:8080 becomes SG_ENDPOINT.
//   SG_ENDPOINT=127.0.0.1:18282 node --test readme/
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const HERE = dirname(fileURLToPath(import.meta.url));
const README = readFileSync(join(HERE, '..', '..', '..', 'README.md'), 'utf8');
const RAW_ENDPOINT = process.env.SG_ENDPOINT;
const HOST = RAW_ENDPOINT?.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
const BASE_URL = HOST ? `http://${HOST}` : undefined;
const TIMEOUT = 60_000;

/** The fenced block right after the HTML comment `<!-- marker: ... -->`. */
function block(marker) {
  const match = new RegExp(`<!-- ${marker}:[^>]*-->\\s*\\n\`\`\`(\\w+)\\n([\\s\\S]*?)\\n\`\`\`\\n`).exec(README);
  assert.ok(match, `README.md has no fenced block after <!-- ${marker}: ... -->`);
  return { language: match[1], code: match[2] };
}

const local = (code) => {
  assert.ok(code.includes('127.0.0.1:8080'), 'the block names the default address');
  return code.replaceAll('127.0.0.1:8080', HOST);
};

async function api(query) {
  const response = await fetch(`${BASE_URL}/?${new URLSearchParams(query)}`, { signal: AbortSignal.timeout(TIMEOUT) });
  const text = await response.text();
  assert.equal(response.status, 200, text);
  return JSON.parse(text);
}

describe('README', { timeout: 4 * TIMEOUT }, () => {
  before(async () => {
    assert.ok(BASE_URL, 'SG_ENDPOINT is not set: start the server and pass its address, e.g. SG_ENDPOINT=127.0.0.1:18282');
    const reset = await fetch(`${BASE_URL}/_emulator/reset`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"AllAccounts":true}', signal: AbortSignal.timeout(TIMEOUT),
    });
    assert.equal(reset.status, 200, await reset.text()); // "from an empty server"
  });

  it('walkthrough: the curl sequence ends with Accept, decided by the rule it created', { timeout: TIMEOUT }, async () => {
    const { language, code } = block('walkthrough');
    assert.equal(language, 'bash');
    // sh, not bash: the README promises any POSIX shell.
    const { stdout } = await run('sh', ['-e', '-c', local(code)], { timeout: TIMEOUT });
    const lines = stdout.trim().split('\n');
    const answer = JSON.parse(lines.at(-1));
    assert.equal(answer.Decision, 'Accept', stdout);
    assert.equal(answer.Reason, 'Rule', stdout);
    const rule = answer.MatchedRule;
    assert.equal(rule.IpProtocol, 'TCP');
    assert.equal(rule.PortRange, '22/22');
    assert.equal(rule.SourceCidrIp, '203.0.113.0/24');
    assert.equal(rule.Description, 'ssh-from-office');
    assert.match(lines.at(-2), new RegExp(`group ${rule.SecurityGroupId}, instance i-`), 'the echoed IDs name the deciding group');

    // The rule is the one the walkthrough created in that group, and the group is the instance's.
    const group = await api({ Action: 'DescribeSecurityGroupAttribute', Version: '2014-05-26', RegionId: 'cn-hangzhou', SecurityGroupId: rule.SecurityGroupId });
    const permissions = group.Permissions.Permission;
    assert.equal(permissions.length, 1);
    assert.equal(permissions[0].SecurityGroupRuleId, rule.SecurityGroupRuleId);
    const instanceId = /instance (i-\S+)/.exec(lines.at(-2))[1];
    const instances = await api({ Action: 'DescribeInstances', Version: '2014-05-26', RegionId: 'cn-hangzhou', InstanceIds: JSON.stringify([instanceId]) });
    assert.deepEqual(instances.Instances.Instance[0].SecurityGroupIds.SecurityGroupId, [rule.SecurityGroupId]);
  });

  it('SDK snippet: runs as saved in vpc.mjs and prints the new VPC ID', { timeout: TIMEOUT }, async () => {
    const { language, code } = block('sdk-snippet');
    assert.equal(language, 'js');
    // Saved inside tests/node, where the packages the README names are installed.
    const file = join(HERE, 'vpc.mjs');
    writeFileSync(file, local(code));
    try {
      const { stdout } = await run(process.execPath, [file], { timeout: TIMEOUT });
      const vpcId = stdout.trim();
      assert.match(vpcId, /^vpc-[0-9a-z]+$/);
      const listed = await api({ Action: 'DescribeVpcs', Version: '2016-04-28', RegionId: 'cn-hangzhou', VpcId: vpcId });
      assert.equal(listed.Vpcs.Vpc[0].CidrBlock, '10.0.0.0/8');
    } finally {
      rmSync(file, { force: true });
    }
  });

  it('the first command names where the database really is', () => {
    const first = /```bash\n(dotnet run --project src\/SecurityGroups.Api[^\n]*)/.exec(README)?.[1];
    assert.ok(first, 'README starts with dotnet run --project src/SecurityGroups.Api');
    // dotnet run starts the server in the project folder, and the default data source is relative to the working directory.
    assert.match(first, /src\/SecurityGroups\.Api\/data\/securitygroups\.db/);
  });
});
