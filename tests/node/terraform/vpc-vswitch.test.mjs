// alicloud_vpc and alicloud_vswitch, re-enacted from resource_alicloud_vpc.go, resource_alicloud_vswitch.go and
// service_alicloud_vpc_v2.go: apply (create, wait Available, update, read), refresh, update, destroy, over HTTP and HTTPS.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  VPC_VERSION, applyVSwitch, applyVpc, asList, asMap, describeSystemRouteTable, describeVSwitch, describeVpc, destroyVSwitch, destroyVpc,
  isNotFound, retryOn, transports, vpcTags,
} from './network-flows.mjs';

const REGION = 'cn-hangzhou';
const VPC_MODIFY_RETRY = ['OperationFailed.LastTokenProcessing', 'LastTokenProcessing', 'OperationFailed.QueryCenIpv6Status', 'IncorrectStatus',
  'OperationConflict', 'SystemBusy', 'ServiceUnavailable', 'IncorrectVpcStatus'];

for (const { name, client: c } of transports()) {
  describe(`terraform alicloud_vpc and alicloud_vswitch over ${name}`, () => {
    test('apply, refresh, update (attributes, tags, resource group, system route table) and destroy', async () => {
      const vpcId = await applyVpc(c, REGION, { cidr: '172.16.0.0/12', name: `tf-vpc-${name}`, tags: { env: 'dev' } });

      // Read: DescribeVpcAttribute, then the System route table from DescribeRouteTableList.
      let vpc = await describeVpc(c, REGION, vpcId);
      assert.equal(vpc.Status, 'Available');
      assert.equal(vpc.CidrBlock, '172.16.0.0/12');
      assert.equal(vpc.VpcName, `tf-vpc-${name}`);
      assert.equal(typeof vpc.IsDefault, 'boolean');
      assert.equal(typeof vpc.EnabledIpv6, 'boolean');
      assert.equal(typeof vpc.ClassicLinkEnabled, 'boolean'); // object["ClassicLinkEnabled"].(bool) in Update
      assert.match(vpc.VRouterId, /^vrt-/);
      assert.deepEqual(vpc.Ipv6CidrBlocks, { Ipv6CidrBlock: [] });
      assert.deepEqual(vpc.SecondaryCidrBlocks, { SecondaryCidrBlock: [] });
      assert.deepEqual(vpc.UserCidrs, { UserCidr: [] });
      assert.deepEqual(vpcTags(vpc), { env: 'dev' });
      let table = await describeSystemRouteTable(c, REGION, vpcId);
      assert.match(table.RouteTableId, /^vtb-/);
      assert.equal(table.RouterId, vpc.VRouterId);
      assert.equal(table.RoutePropagationEnable, true);
      assert.equal(table.RouteTableName, '');
      assert.equal(table.ResourceGroupId, vpc.ResourceGroupId);

      // vSwitch apply and read.
      const vSwitchId = await applyVSwitch(c, REGION, vpcId, `${REGION}-h`, '172.16.1.0/24', `tf-vsw-${name}`);
      let vsw = await describeVSwitch(c, REGION, vSwitchId);
      assert.equal(vsw.CidrBlock, '172.16.1.0/24');
      assert.equal(vsw.ZoneId, `${REGION}-h`);
      assert.equal(vsw.VpcId, vpcId);
      assert.equal(vsw.Ipv6CidrBlock, '', 'enable_ipv6 is read as Ipv6CidrBlock != ""');
      assert.equal(vsw.IsDefault, false);
      assert.deepEqual(vpcTags(vsw), {});
      assert.deepEqual((await describeVpc(c, REGION, vpcId)).VSwitchIds.VSwitchId, [vSwitchId]);
      table = await describeSystemRouteTable(c, REGION, vpcId);
      assert.deepEqual(table.VSwitchIds.VSwitchId, [vSwitchId]);

      // Update the VPC: ModifyVpcAttribute, wait Available; MoveResourceGroup; ModifyRouteTableAttributes; tags (VPC UnTag/TagResources).
      await retryOn(VPC_MODIFY_RETRY, () => c.rpcPost('ModifyVpcAttribute', VPC_VERSION, {
        VpcId: vpcId, RegionId: REGION, Description: 'changed', VpcName: `tf-vpc-${name}-2`,
      }));
      await c.rpcPost('MoveResourceGroup', VPC_VERSION, { ResourceId: vpcId, RegionId: REGION, NewResourceGroupId: 'rg-tf-2', ResourceType: 'VPC' });
      await c.rpcPost('ModifyRouteTableAttributes', VPC_VERSION, {
        RegionId: REGION, RouteTableId: table.RouteTableId, Description: 'system table', RouteTableName: 'main',
      });
      await c.rpcPost('UnTagResources', VPC_VERSION, { 'ResourceId.1': vpcId, RegionId: REGION, 'TagKey.1': 'env', ResourceType: 'VPC' });
      await c.rpcPost('TagResources', VPC_VERSION, { 'ResourceId.1': vpcId, RegionId: REGION, 'Tag.1.Key': 'team', 'Tag.1.Value': 'net', ResourceType: 'VPC' });
      vpc = await describeVpc(c, REGION, vpcId);
      assert.equal(vpc.Description, 'changed');
      assert.equal(vpc.VpcName, `tf-vpc-${name}-2`);
      assert.equal(vpc.ResourceGroupId, 'rg-tf-2');
      assert.deepEqual(vpcTags(vpc), { team: 'net' });
      table = await describeSystemRouteTable(c, REGION, vpcId);
      assert.equal(table.RouteTableName, 'main');
      assert.equal(table.Description, 'system table');
      assert.equal(table.ResourceGroupId, 'rg-tf-2');

      // Update the vSwitch: ModifyVSwitchAttribute (RpcPost without the retry-safe flag), tags "VSWITCH".
      await c.rpcPost('ModifyVSwitchAttribute', VPC_VERSION, { VSwitchId: vSwitchId, RegionId: REGION, VSwitchName: 'vsw-2', Description: 'subnet' });
      await c.rpcPost('TagResources', VPC_VERSION, { 'ResourceId.1': vSwitchId, RegionId: REGION, 'Tag.1.Key': 'tier', 'Tag.1.Value': 'web', ResourceType: 'VSWITCH' });
      vsw = await describeVSwitch(c, REGION, vSwitchId);
      assert.equal(vsw.VSwitchName, 'vsw-2');
      assert.equal(vsw.Description, 'subnet');
      assert.deepEqual(vpcTags(vsw), { tier: 'web' });
      const listed = (await c.rpcPost('ListTagResources', VPC_VERSION, { RegionId: REGION, ResourceType: 'VSWITCH', 'ResourceId.1': vSwitchId })).body;
      assert.deepEqual(asList(asMap(listed.TagResources, 'TagResources').TagResource, 'TagResource').map((t) => [t.ResourceId, t.TagKey, t.TagValue]),
        [[vSwitchId, 'tier', 'web']]);

      // Destroy: the VPC first fails on its vSwitch (DependencyViolation.VSwitch, retried by the provider), then both go.
      await assert.rejects(c.rpcPost('DeleteVpc', VPC_VERSION, { VpcId: vpcId, RegionId: REGION }),
        (e) => e.code === 'DependencyViolation.VSwitch' && e.statusCode === 400);
      await destroyVSwitch(c, REGION, vSwitchId);
      await destroyVpc(c, REGION, vpcId);
      // Refresh after an out-of-band delete: the reads 404, which the provider takes as "gone".
      await assert.rejects(c.rpcPost('DescribeVpcAttribute', VPC_VERSION, { VpcId: vpcId, RegionId: REGION }),
        (e) => e.code === 'InvalidVpcId.NotFound' && isNotFound(e));
      await assert.rejects(c.rpcPost('DescribeVSwitchAttributes', VPC_VERSION, { VSwitchId: vSwitchId, RegionId: REGION }),
        (e) => e.code === 'InvalidVSwitchId.NotFound' && isNotFound(e));
      const empty = (await c.rpcPost('DescribeRouteTableList', VPC_VERSION, { VpcId: vpcId, RegionId: REGION })).body;
      assert.deepEqual(empty.RouterTableList, { RouterTableListType: [] });
    });
  });
}
