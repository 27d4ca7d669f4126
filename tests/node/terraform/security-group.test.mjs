// alicloud_security_group and alicloud_security_group_rule, re-enacted from resource_alicloud_security_group.go,
// resource_alicloud_security_group_rule.go, service_alicloud_ecs(_v2).go: apply, refresh, update, destroy, over HTTP and HTTPS.
// (The rule resource's own client hard-codes HTTPS in the provider; here it runs over each transport.)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ECS_VERSION, VPC_VERSION, applyVpc, asList, asMap, describeSecurityGroup, destroyVpc, isNotFound, retryOn, transports,
} from './network-flows.mjs';

const REGION = 'cn-shanghai';

/** DescribeSecurityGroupRule: DescribeSecurityGroupAttribute with Direction and NicType, then the rule matching the ID's parts. */
async function readRule(c, groupId, direction, protocol, portRange, cidr, policy, priority) {
  const { body } = await c.rpcPost('DescribeSecurityGroupAttribute', ECS_VERSION, {
    RegionId: REGION, SecurityGroupId: groupId, Direction: direction, NicType: 'intranet',
  });
  assert.equal(body.SecurityGroupId, groupId);
  const permissions = asList(asMap(body.Permissions, 'Permissions').Permission, 'Permission');
  return permissions.find((p) => p.IpProtocol.toLowerCase() === protocol && p.PortRange === portRange
    && ((direction === 'ingress' ? p.SourceCidrIp || p.SourceGroupId : p.DestCidrIp || p.DestGroupId) === cidr)
    && p.Policy.toLowerCase() === policy && String(p.Priority) === String(priority));
}

for (const { name, client: c } of transports()) {
  describe(`terraform alicloud_security_group and alicloud_security_group_rule over ${name}`, () => {
    test('apply, refresh, update (name, policy, resource group, tags), rules, and destroy with DependencyViolation retried', async () => {
      const vpcId = await applyVpc(c, REGION, { cidr: '10.0.0.0/8', name: `tf-sg-${name}` });

      // Create: CreateSecurityGroup (ClientToken, Tag.N), then Update's calls for a new resource, then Read.
      const token = `tf-sg-${name}-${Date.now()}`;
      const create = { RegionId: REGION, ClientToken: token, SecurityGroupType: 'normal', VpcId: vpcId, SecurityGroupName: `tf-sg-${name}`,
        Description: 'terraform', ResourceGroupId: 'rg-one', Tag: [{ Key: 'env', Value: 'dev' }] };
      const sgId = (await c.rpcPost('CreateSecurityGroup', ECS_VERSION, create)).body.SecurityGroupId;
      assert.equal((await c.rpcPost('CreateSecurityGroup', ECS_VERSION, create)).body.SecurityGroupId, sgId, 'a retried create is the same group');
      let group = await describeSecurityGroup(c, REGION, sgId);
      assert.equal(group.SecurityGroupName, `tf-sg-${name}`);
      assert.equal(group.SecurityGroupType, 'normal');
      assert.equal(group.VpcId, vpcId);
      assert.equal(group.ResourceGroupId, 'rg-one');
      assert.equal(typeof group.CreationTime, 'string');
      assert.deepEqual(asList(asMap(group.Tags, 'Tags').Tag, 'Tag').map((t) => [t.TagKey, t.TagValue]), [['env', 'dev']]);
      let attribute = (await c.rpcPost('DescribeSecurityGroupAttribute', ECS_VERSION, { SecurityGroupId: sgId, RegionId: REGION })).body;
      assert.equal(attribute.InnerAccessPolicy, 'Accept');

      // Update: ModifySecurityGroupAttribute, ModifySecurityGroupPolicy, JoinResourceGroup, tags (ECS "securitygroup").
      await c.rpcPost('ModifySecurityGroupAttribute', ECS_VERSION, { SecurityGroupId: sgId, RegionId: REGION, SecurityGroupName: 'renamed', Description: 'changed' });
      await c.rpcPost('ModifySecurityGroupPolicy', ECS_VERSION, { SecurityGroupId: sgId, RegionId: REGION, ClientToken: `${token}-p`, InnerAccessPolicy: 'Drop' });
      await c.rpcPost('JoinResourceGroup', ECS_VERSION, { ResourceId: sgId, RegionId: REGION, ResourceType: 'securitygroup', ResourceGroupId: 'rg-two' });
      await c.rpcPost('UntagResources', ECS_VERSION, { 'ResourceId.1': sgId, RegionId: REGION, 'TagKey.1': 'env', ResourceType: 'securitygroup' });
      await c.rpcPost('TagResources', ECS_VERSION, { 'ResourceId.1': sgId, RegionId: REGION, 'Tag.1.Key': 'env', 'Tag.1.Value': 'prod', ResourceType: 'securitygroup' });
      group = await describeSecurityGroup(c, REGION, sgId);
      assert.equal(group.SecurityGroupName, 'renamed');
      assert.equal(group.Description, 'changed');
      assert.equal(group.ResourceGroupId, 'rg-two');
      assert.deepEqual(group.Tags.Tag.map((t) => [t.TagKey, t.TagValue]), [['env', 'prod']]);
      const inGroup = (await c.rpcPost('DescribeSecurityGroups', ECS_VERSION, { RegionId: REGION, ResourceGroupId: 'rg-two' })).body;
      assert.deepEqual(inGroup.SecurityGroups.SecurityGroup.map((g) => g.SecurityGroupId), [sgId]);
      attribute = (await c.rpcPost('DescribeSecurityGroupAttribute', ECS_VERSION, { SecurityGroupId: sgId, RegionId: REGION })).body;
      assert.equal(attribute.InnerAccessPolicy, 'Drop');

      // alicloud_security_group_rule: an ingress CIDR rule and an egress group rule (another group referencing this one).
      const peer = (await c.rpcPost('CreateSecurityGroup', ECS_VERSION, { RegionId: REGION, VpcId: vpcId })).body.SecurityGroupId;
      await c.rpcPost('AuthorizeSecurityGroup', ECS_VERSION, { RegionId: REGION, SecurityGroupId: sgId,
        Permissions: [{ IpProtocol: 'tcp', PortRange: '22/22', NicType: 'intranet', Policy: 'accept', Priority: '1', SourceCidrIp: '10.0.0.0/8', Description: 'ssh' }] });
      await c.rpcPost('AuthorizeSecurityGroupEgress', ECS_VERSION, { RegionId: REGION, SecurityGroupId: peer,
        Permissions: [{ IpProtocol: 'tcp', PortRange: '443/443', NicType: 'intranet', Policy: 'accept', Priority: '5', DestGroupId: sgId }] });
      const rule = await readRule(c, sgId, 'ingress', 'tcp', '22/22', '10.0.0.0/8', 'accept', 1);
      assert.ok(rule, 'the ingress rule is found by its ID parts');
      assert.equal(rule.Description, 'ssh');
      assert.ok(Number.isInteger(Number(rule.Priority)), 'strconv.Atoi(Priority)');
      assert.match(rule.SecurityGroupRuleId, /^sgr-/);
      assert.ok(await readRule(c, peer, 'egress', 'tcp', '443/443', sgId, 'accept', 5));

      // Rule update (ModifySecurityGroupRule, the old SDK's query style) and destroy (RevokeSecurityGroup).
      await c.rpcGet('ModifySecurityGroupRule', ECS_VERSION, { RegionId: REGION, SecurityGroupId: sgId, IpProtocol: 'tcp', PortRange: '22/22',
        NicType: 'intranet', Policy: 'accept', Priority: '1', SourceCidrIp: '10.0.0.0/8', Description: 'ssh from vpc' });
      assert.equal((await readRule(c, sgId, 'ingress', 'tcp', '22/22', '10.0.0.0/8', 'accept', 1)).Description, 'ssh from vpc');
      await c.rpcGet('RevokeSecurityGroup', ECS_VERSION, { RegionId: REGION, SecurityGroupId: sgId, IpProtocol: 'tcp', PortRange: '22/22',
        NicType: 'intranet', Policy: 'accept', Priority: '1', SourceCidrIp: '10.0.0.0/8' });
      assert.equal(await readRule(c, sgId, 'ingress', 'tcp', '22/22', '10.0.0.0/8', 'accept', 1), undefined, 'refresh drops the revoked rule');

      // Destroy: DeleteSecurityGroup while `peer` references it: DependencyViolation (403), retried by the provider until the
      // referencing rule is gone; the VPC likewise waits for its groups (DependencyViolation.SecurityGroup).
      await assert.rejects(c.rpcPost('DeleteSecurityGroup', ECS_VERSION, { SecurityGroupId: sgId, RegionId: REGION }),
        (e) => e.code === 'DependencyViolation' && e.statusCode === 403);
      await assert.rejects(c.rpcPost('DeleteVpc', VPC_VERSION, { VpcId: vpcId, RegionId: REGION }),
        (e) => e.code === 'DependencyViolation.SecurityGroup');
      await c.rpcGet('RevokeSecurityGroupEgress', ECS_VERSION, { RegionId: REGION, SecurityGroupId: peer, IpProtocol: 'tcp', PortRange: '443/443',
        NicType: 'intranet', Policy: 'accept', Priority: '5', DestGroupId: sgId });
      await retryOn(['DependencyViolation'], () => c.rpcPost('DeleteSecurityGroup', ECS_VERSION, { SecurityGroupId: sgId, RegionId: REGION }));
      assert.equal(await describeSecurityGroup(c, REGION, sgId), undefined, 'read after destroy: not found');
      await assert.rejects(c.rpcPost('DescribeSecurityGroupAttribute', ECS_VERSION, { SecurityGroupId: sgId, RegionId: REGION }),
        (e) => e.code === 'InvalidSecurityGroupId.NotFound' && isNotFound(e));
      await assert.rejects(c.rpcPost('JoinResourceGroup', ECS_VERSION, { ResourceId: sgId, RegionId: REGION, ResourceType: 'securitygroup', ResourceGroupId: 'rg-x' }),
        (e) => e.code === 'InvalidResourceId.NotFound' && e.statusCode === 404);
      await c.rpcPost('DeleteSecurityGroup', ECS_VERSION, { SecurityGroupId: peer, RegionId: REGION });
      await destroyVpc(c, REGION, vpcId);
    });
  });
}
