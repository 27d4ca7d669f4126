// Data sources alicloud_security_groups and alicloud_security_group_rules, re-enacted from
// data_source_alicloud_security_groups.go and data_source_alicloud_security_group_rules.go, over HTTP and HTTPS.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ECS_VERSION, applyVpc, asInt, asList, asMap, destroyVpc, transports } from './network-flows.mjs';

const REGION = 'cn-hongkong';

for (const { name, client: c } of transports()) {
  describe(`terraform data sources alicloud_security_groups / alicloud_security_group_rules over ${name}`, () => {
    test('filters, paging, tags and rules as the provider reads them', async () => {
      const vpcId = await applyVpc(c, REGION, { cidr: '10.0.0.0/8', name: `tf-ds-${name}` });
      const mk = async (n, tags) => (await c.rpcPost('CreateSecurityGroup', ECS_VERSION, {
        RegionId: REGION, VpcId: vpcId, SecurityGroupName: n, ResourceGroupId: 'rg-ds', Tag: tags,
      })).body.SecurityGroupId;
      const web = await mk(`web-${name}`, [{ Key: 'role', Value: 'web' }]);
      const db = await mk(`db-${name}`, [{ Key: 'role', Value: 'db' }]);
      await c.rpcPost('AuthorizeSecurityGroup', ECS_VERSION, { RegionId: REGION, SecurityGroupId: web,
        Permissions: [{ IpProtocol: 'tcp', PortRange: '80/80', SourceCidrIp: '0.0.0.0/0', Priority: '2' },
          { IpProtocol: 'icmp', PortRange: '-1/-1', SourceCidrIp: '10.0.0.0/8', Policy: 'drop' }] });

      // alicloud_security_groups: DescribeSecurityGroups, PageNumber 1, PageSize 50, VpcId, ResourceGroupId, Tag.N.
      const { body } = await c.rpcPost('DescribeSecurityGroups', ECS_VERSION, {
        RegionId: REGION, PageNumber: 1, PageSize: 50, VpcId: vpcId, ResourceGroupId: 'rg-ds', Tag: [{ Key: 'role', Value: 'web' }],
      });
      asInt(body.TotalCount, 'TotalCount'); // formatInt(response["TotalCount"])
      const groups = asList(asMap(body.SecurityGroups, 'SecurityGroups').SecurityGroup, 'SecurityGroup');
      assert.deepEqual(groups.map((g) => g.SecurityGroupId), [web]);
      const [g] = groups;
      for (const f of ['SecurityGroupName', 'Description', 'VpcId', 'ResourceGroupId', 'SecurityGroupType', 'CreationTime']) assert.equal(typeof g[f], 'string', f);
      for (const t of asList(asMap(g.Tags, 'Tags').Tag, 'Tag')) {
        assert.equal(typeof t.TagKey, 'string'); // t["TagKey"].(string)
        assert.equal(typeof t.TagValue, 'string');
      }
      const all = (await c.rpcPost('DescribeSecurityGroups', ECS_VERSION, { RegionId: REGION, PageNumber: 1, PageSize: 50, VpcId: vpcId })).body;
      assert.deepEqual(all.SecurityGroups.SecurityGroup.map((x) => x.SecurityGroupId).sort(), [web, db].sort());
      assert.ok(all.SecurityGroups.SecurityGroup.length < 50, 'one page: the provider stops when a page is short');
      // details = true: DescribeSecurityGroupAttribute per group, InnerAccessPolicy.
      assert.equal((await c.rpcPost('DescribeSecurityGroupAttribute', ECS_VERSION, { RegionId: REGION, SecurityGroupId: db })).body.InnerAccessPolicy, 'Accept');

      // alicloud_security_group_rules: DescribeSecurityGroupAttribute with NicType and Direction (old SDK, query style).
      const rules = (await c.rpcGet('DescribeSecurityGroupAttribute', ECS_VERSION, {
        RegionId: REGION, SecurityGroupId: web, NicType: 'intranet', Direction: 'ingress',
      })).body;
      assert.equal(rules.SecurityGroupName, `web-${name}`);
      const permissions = asList(asMap(rules.Permissions, 'Permissions').Permission, 'Permission');
      assert.deepEqual(permissions.map((p) => [p.IpProtocol.toLowerCase(), p.PortRange, p.Policy.toLowerCase(), Number(p.Priority)]).sort(),
        [['icmp', '-1/-1', 'drop', 1], ['tcp', '80/80', 'accept', 2]]);
      for (const p of permissions) {
        assert.ok(Number.isInteger(Number(p.Priority)), 'strconv.Atoi(Priority)');
        for (const f of ['SourceCidrIp', 'SourceGroupId', 'SourceGroupOwnerAccount', 'DestCidrIp', 'DestGroupId', 'DestGroupOwnerAccount', 'NicType', 'Direction', 'Description']) {
          assert.equal(typeof p[f], 'string', f);
        }
      }
      const egress = (await c.rpcGet('DescribeSecurityGroupAttribute', ECS_VERSION, {
        RegionId: REGION, SecurityGroupId: web, NicType: 'intranet', Direction: 'egress',
      })).body;
      assert.deepEqual(egress.Permissions, { Permission: [] });

      for (const id of [web, db]) await c.rpcPost('DeleteSecurityGroup', ECS_VERSION, { SecurityGroupId: id, RegionId: REGION });
      await destroyVpc(c, REGION, vpcId);
    });
  });
}
