// alicloud_ecs_network_interface and alicloud_ecs_network_interface_attachment, re-enacted from the provider's source
// (resource_alicloud_ecs_network_interface*.go, service_alicloud_ecs.go): apply, refresh, update, destroy, over HTTP and HTTPS.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ECS_VERSION, applyVSwitch, applyVpc, destroyVSwitch, destroyVpc, isNotFound, listEcsTags, readNetworkInterface, retryOn, transports, waitFor,
} from './network-flows.mjs';

const REGION = 'cn-beijing';
const ENI_RETRY = ['InvalidOperation.InvalidEniState', 'InvalidOperation.InvalidEcsState', 'InvalidOperation.InvalidEniType',
  'InvalidOperation.HasMemberEniAttached', 'OperationConflict', 'ServiceUnavailable', 'InternalError']; // NetworkInterfaceInvalidOperations
const GONE = ['InvalidEcsId.NotFound', 'InvalidEniId.NotFound', 'InvalidSecurityGroupId.NotFound', 'InvalidVSwitchId.NotFound'];

for (const { name, client: c } of transports()) {
  describe(`terraform alicloud_ecs_network_interface (+ attachment) over ${name}`, () => {
    test('apply, refresh, update, attach, detach and destroy', async () => {
      const vpcId = await applyVpc(c, REGION, { cidr: '192.168.0.0/16', name: `tf-eni-${name}` });
      const vSwitchId = await applyVSwitch(c, REGION, vpcId, `${REGION}-a`, '192.168.1.0/24', `tf-eni-${name}`);
      const sg = (await c.rpcPost('CreateSecurityGroup', ECS_VERSION, { RegionId: REGION, VpcId: vpcId, ClientToken: `tf-sg-${Date.now()}` })).body.SecurityGroupId;
      const sg2 = (await c.rpcPost('CreateSecurityGroup', ECS_VERSION, { RegionId: REGION, VpcId: vpcId })).body.SecurityGroupId;

      // Create: CreateNetworkInterface with what the schema sends, then the Available wait, then Read (the crash of issue 13).
      const created = await retryOn(['IncorrectVSwitchStatus', 'Throttling'], () => c.rpcPost('CreateNetworkInterface', ECS_VERSION, {
        RegionId: REGION, VSwitchId: vSwitchId, SecurityGroupIds: [sg], NetworkInterfaceName: 'tf-eni', Description: 'made by terraform',
        SecondaryPrivateIpAddressCount: 1, QueueNumber: 2, ResourceGroupId: 'rg-tf', NetworkInterfaceTrafficMode: 'Standard',
        DeleteOnRelease: true, 'Tag.1.Key': 'env', 'Tag.1.Value': 'dev',
      }));
      const id = created.body.NetworkInterfaceId;
      assert.match(id, /^eni-/);
      await waitFor(async () => ({ body: await readNetworkInterface(c, REGION, id) }), (b) => b?.Status, ['Available']);
      let eni = await readNetworkInterface(c, REGION, id);
      assert.equal(eni.NetworkInterfaceName, 'tf-eni');
      assert.equal(eni.Description, 'made by terraform');
      assert.equal(eni.QueueNumber, 2);
      assert.equal(eni.ResourceGroupId, 'rg-tf');
      assert.equal(eni.DeleteOnRelease, true);
      assert.equal(eni.SourceDestCheck, false);
      assert.equal(eni.NetworkInterfaceTrafficMode, 'Standard');
      assert.equal(eni.Type, 'Secondary');
      assert.match(eni.MacAddress, /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
      assert.deepEqual(eni.SecurityGroupIds.SecurityGroupId, [sg]);
      assert.deepEqual(eni.Ipv6Sets, { Ipv6Set: [] });
      assert.deepEqual(eni.Ipv4PrefixSets, { Ipv4PrefixSet: [] });
      assert.equal(eni.PrivateIpSets.PrivateIpSet.filter((p) => !p.Primary).length, 1, 'secondary_private_ip_address_count');
      assert.deepEqual(await listEcsTags(c, REGION, 'eni', id), { env: 'dev' });

      // Update: tags (ECS Untag/TagResources "eni"), then one ModifyNetworkInterfaceAttribute, then AssignPrivateIpAddresses by count.
      await c.rpcPost('UntagResources', ECS_VERSION, { RegionId: REGION, ResourceType: 'eni', 'ResourceId.1': id, 'TagKey.1': 'env' });
      await c.rpcPost('TagResources', ECS_VERSION, { RegionId: REGION, ResourceType: 'eni', 'ResourceId.1': id, 'Tag.1.Key': 'env', 'Tag.1.Value': 'prod' });
      await retryOn([], () => c.rpcPost('ModifyNetworkInterfaceAttribute', ECS_VERSION, {
        NetworkInterfaceId: id, RegionId: REGION, Description: 'changed', NetworkInterfaceName: 'tf-eni-2', QueueNumber: 4,
        SecurityGroupId: [sg, sg2], SourceDestCheck: true, DeleteOnRelease: false,
      }));
      await retryOn(['InternalError', 'InvalidOperation.InvalidEcsState', 'InvalidOperation.InvalidEniState', 'OperationConflict', 'ServiceUnavailable'],
        () => c.rpcPost('AssignPrivateIpAddresses', ECS_VERSION, { NetworkInterfaceId: id, RegionId: REGION, SecondaryPrivateIpAddressCount: 1 }));
      await waitFor(async () => ({ body: await readNetworkInterface(c, REGION, id) }),
        (b) => b.PrivateIpSets.PrivateIpSet.filter((p) => !p.Primary).length, [2]); // WaitForPrivateIpsCountChanged
      eni = await readNetworkInterface(c, REGION, id);
      assert.equal(eni.Description, 'changed');
      assert.equal(eni.NetworkInterfaceName, 'tf-eni-2');
      assert.equal(eni.QueueNumber, 4);
      assert.equal(eni.SourceDestCheck, true);
      assert.equal(eni.DeleteOnRelease, false);
      assert.deepEqual([...eni.SecurityGroupIds.SecurityGroupId].sort(), [sg, sg2].sort());
      assert.deepEqual(await listEcsTags(c, REGION, 'eni', id), { env: 'prod' });

      // alicloud_ecs_network_interface_attachment: AttachNetworkInterface, wait InUse, read by "eni:instance" among the ENI's entries.
      const instanceId = (await c.rpcPost('RunInstances', ECS_VERSION, {
        RegionId: REGION, VSwitchId: vSwitchId, SecurityGroupId: sg, InstanceType: 'ecs.g7.large', ImageId: 'aliyun_3_x64_20G_alibase_20240528.vhd',
      })).body.InstanceIdSets.InstanceIdSet[0];
      await retryOn(ENI_RETRY, () => c.rpcPost('AttachNetworkInterface', ECS_VERSION, { RegionId: REGION, NetworkInterfaceId: id, InstanceId: instanceId }));
      await waitFor(async () => ({ body: await readNetworkInterface(c, REGION, id) }), (b) => b.Status, ['InUse']);
      const { body: listing } = await c.rpcPost('DescribeNetworkInterfaces', ECS_VERSION, { RegionId: REGION, NetworkInterfaceId: [id], MaxResults: 500 });
      const attached = listing.NetworkInterfaceSets.NetworkInterfaceSet.find((v) => v.NetworkInterfaceId === id && v.InstanceId === instanceId);
      assert.ok(attached, 'DescribeEcsNetworkInterfaceAttachment finds eni:instance');
      assert.equal(attached.Attachment.InstanceId, instanceId);
      assert.equal(attached.Attachment.DeviceIndex, 1);
      assert.equal(attached.Attachment.NetworkCardIndex, 0);
      assert.equal(attached.Attachment.TrunkNetworkInterfaceId, '');
      assert.equal(typeof listing.NextToken === 'string' ? listing.NextToken : '', '', 'no further page');

      // Destroying the group the ENI is in: DependencyViolation, retried by the provider until the ENI is gone.
      await assert.rejects(c.rpcPost('DeleteSecurityGroup', ECS_VERSION, { SecurityGroupId: sg2, RegionId: REGION }),
        (e) => e.code === 'DependencyViolation' && e.statusCode === 403);

      // Attachment destroy: DetachNetworkInterface, wait Available.
      await retryOn(ENI_RETRY, () => c.rpcPost('DetachNetworkInterface', ECS_VERSION, { RegionId: REGION, NetworkInterfaceId: id, InstanceId: instanceId }));
      await waitFor(async () => ({ body: await readNetworkInterface(c, REGION, id) }), (b) => b.Status, ['Available']);
      assert.deepEqual((await readNetworkInterface(c, REGION, id)).Attachment.InstanceId, '');
      // A second detach (refresh after an out-of-band detach) is refused; the provider only swallows the NotFound codes.
      await assert.rejects(c.rpcPost('DetachNetworkInterface', ECS_VERSION, { RegionId: REGION, NetworkInterfaceId: id, InstanceId: instanceId }),
        (e) => ENI_RETRY.includes(e.code) || GONE.includes(e.code));

      // ENI destroy: DeleteNetworkInterface, then wait until DescribeNetworkInterfaces has no entry (the read reports "gone").
      await retryOn(['InvalidOperation.Conflict', ...ENI_RETRY], () => c.rpcPost('DeleteNetworkInterface', ECS_VERSION, { RegionId: REGION, NetworkInterfaceId: id }));
      assert.equal(await readNetworkInterface(c, REGION, id), undefined);
      await assert.rejects(c.rpcPost('DeleteNetworkInterface', ECS_VERSION, { RegionId: REGION, NetworkInterfaceId: id }), (e) => GONE.includes(e.code) && isNotFound(e));

      await retryOn(['DependencyViolation'], () => c.rpcPost('DeleteSecurityGroup', ECS_VERSION, { SecurityGroupId: sg2, RegionId: REGION }));
      await c.rpcPost('DeleteInstance', ECS_VERSION, { InstanceId: instanceId, Force: true });
      await retryOn(['DependencyViolation'], () => c.rpcPost('DeleteSecurityGroup', ECS_VERSION, { SecurityGroupId: sg, RegionId: REGION }));
      await destroyVSwitch(c, REGION, vSwitchId);
      await destroyVpc(c, REGION, vpcId);
    });
  });
}
