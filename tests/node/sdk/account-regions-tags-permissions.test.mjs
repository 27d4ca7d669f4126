// Through the official clients (v7 SDK models, ACS3 and HMAC-SHA1; pop-core GET): ECS DescribeAccountAttributes, VPC
// DescribeRegions and DescribeZones (Version 2016-04-28), the legacy ECS tag Actions AddTags, RemoveTags,
// DescribeTags and DescribeResourceByTags over the tags TagResources writes, and the ENI permission Actions.
import { test, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  ECS_VERSION, Ecs, REGION, VPC_VERSION, Vpc, assertAcsError, ecsClient, popClient, resetEmulator, sdk, vpcClient,
} from './clients.mjs';

before(resetEmulator);

const ecs = { acs3: ecsClient(), v2: ecsClient({ signature: 'v2' }) };
const vpcs = { acs3: vpcClient(), v2: vpcClient({ signature: 'v2' }) };
const popEcs = popClient({ apiVersion: ECS_VERSION });
const popVpc = popClient({ apiVersion: VPC_VERSION });
const plain = (model) => JSON.parse(JSON.stringify(model.body.toMap()));

describe('DescribeAccountAttributes', () => {
  test('the security-group quota, the AttributeName filter and the model shapes, with every client', async () => {
    for (const [name, client] of Object.entries(ecs)) {
      const all = plain(await client.describeAccountAttributes(new Ecs.DescribeAccountAttributesRequest({ regionId: REGION })));
      const items = all.AccountAttributeItems.AccountAttributeItem;
      assert.deepEqual(items.map((i) => i.AttributeName),
        ['max-security-groups', 'instance-network-type', 'real-name-authentication', 'supported-postpaid-instance-types'], name);
      assert.deepEqual(items[0].AttributeValues.ValueItem.map((v) => v.Value), ['100'], `${name}: Quotas:SecurityGroupsPerRegion`);
      assert.equal(typeof items[0].AttributeValues.ValueItem[0].Count, 'number');

      const one = plain(await client.describeAccountAttributes(new Ecs.DescribeAccountAttributesRequest({
        regionId: REGION, attributeName: ['instance-network-type', 'max-dedicated-hosts'],
      })));
      assert.deepEqual(one.AccountAttributeItems.AccountAttributeItem, [{
        AttributeName: 'instance-network-type',
        AttributeValues: { ValueItem: [{ Value: 'vpc', Count: 0, ZoneId: '', InstanceType: '', InstanceChargeType: '', DiskCategory: '', ExpiredTime: '' }] },
      }], name);
    }
    const pop = await popEcs.request('DescribeAccountAttributes', { RegionId: REGION, 'AttributeName.1': 'max-security-groups' }, { method: 'GET' });
    assert.equal(pop.AccountAttributeItems.AccountAttributeItem[0].AttributeValues.ValueItem[0].Value, '100');
  });

  test('refusals: no RegionId (Invalid.Parameter 403), unknown zone (404)', async () => {
    await assertAcsError(ecs.acs3.describeAccountAttributes(new Ecs.DescribeAccountAttributesRequest({})), 'Invalid.Parameter', 403);
    await assertAcsError(ecs.v2.describeAccountAttributes(new Ecs.DescribeAccountAttributesRequest({ regionId: REGION, zoneId: 'cn-hangzhou-zz' })),
      'InvalidZoneId.NotFound', 404);
  });
});

describe('VPC DescribeRegions and DescribeZones (2016-04-28)', () => {
  test('the same regions and zones as ECS, with the VPC endpoints and the VPC model', async () => {
    const ecsRegions = (await sdk.describeRegions({ AcceptLanguage: 'en-US' })).Regions.Region;
    for (const [name, client] of Object.entries(vpcs)) {
      const regions = plain(await client.describeRegions(new Vpc.DescribeRegionsRequest({ acceptLanguage: 'en-US' }))).Regions.Region;
      assert.deepEqual(regions.map((r) => [r.RegionId, r.LocalName]), ecsRegions.map((r) => [r.RegionId, r.LocalName]), name);
      for (const r of regions) {
        assert.deepEqual(Object.keys(r).sort(), ['LocalName', 'RegionEndpoint', 'RegionId'], `${name}: the VPC model's fields only`);
        assert.match(r.RegionEndpoint, /^vpc(\.[a-z0-9-]+)?\.aliyuncs\.com$/);
      }

      const zones = plain(await client.describeZones(new Vpc.DescribeZonesRequest({ regionId: REGION }))).Zones.Zone;
      const ecsZones = (await ecs.acs3.describeZones(new Ecs.DescribeZonesRequest({ regionId: REGION }))).body.zones.zone;
      assert.deepEqual(zones.map((z) => [z.ZoneId, z.LocalName]), ecsZones.map((z) => [z.zoneId, z.localName]), name);
      assert.ok(zones.every((z) => z.ZoneType === 'AvailabilityZone'));
      const edge = plain(await client.describeZones(new Vpc.DescribeZonesRequest({ regionId: REGION, zoneType: 'EdgeZone' })));
      assert.deepEqual(edge.Zones, { Zone: [] });
    }
    const pop = await popVpc.request('DescribeZones', { RegionId: REGION }, { method: 'GET' });
    assert.ok(pop.Zones.Zone.length > 0);
    await assertAcsError(vpcs.acs3.describeZones(new Vpc.DescribeZonesRequest({ regionId: 'xx-nowhere-1' })), 'InvalidRegionId.NotFound', 404);
    await assertAcsError(popVpc.request('DescribeZones', {}, { method: 'GET' }), 'MissingParameter', 400);
  });
});

describe('AddTags, RemoveTags, DescribeTags, DescribeResourceByTags', () => {
  test('share the tags of TagResources and ListTagResources', async () => {
    const vpcId = (await sdk.createVpc({ RegionId: REGION, CidrBlock: '10.0.0.0/16' })).VpcId;
    const a = (await sdk.createSecurityGroup({ RegionId: REGION, VpcId: vpcId })).SecurityGroupId;
    const b = (await sdk.createSecurityGroup({ RegionId: REGION, VpcId: vpcId })).SecurityGroupId;
    const listed = async (id) => (await sdk.listTagResources({ RegionId: REGION, ResourceType: 'securitygroup', ResourceId: [id] }))
      .TagResources.TagResource.map((t) => `${t.TagKey}=${t.TagValue}`);

    await ecs.acs3.addTags(new Ecs.AddTagsRequest({ regionId: REGION, resourceType: 'securitygroup', resourceId: a,
      tag: [new Ecs.AddTagsRequestTag({ key: 'env', value: 'prod' }), new Ecs.AddTagsRequestTag({ key: 'app', value: 'web' })] }));
    await popEcs.request('AddTags', { RegionId: REGION, ResourceType: 'securitygroup', ResourceId: b, 'Tag.1.Key': 'env', 'Tag.1.Value': 'prod' },
      { method: 'GET' });
    assert.deepEqual(await listed(a), ['app=web', 'env=prod']);
    await sdk.tagResources({ RegionId: REGION, ResourceType: 'securitygroup', ResourceId: [b], Tag: [{ Key: 'team', Value: 'net' }] });

    const tags = plain(await ecs.v2.describeTags(new Ecs.DescribeTagsRequest({ regionId: REGION, resourceType: 'securitygroup' })));
    assert.deepEqual(tags.Tags.Tag.map((t) => [t.TagKey, t.TagValue, t.ResourceTypeCount.Securitygroup]),
      [['app', 'web', 1], ['env', 'prod', 2], ['team', 'net', 1]]);
    assert.deepEqual([tags.PageNumber, tags.PageSize, tags.TotalCount], [1, 50, 3]);

    const byTags = plain(await ecs.acs3.describeResourceByTags(new Ecs.DescribeResourceByTagsRequest({
      regionId: REGION, tag: [new Ecs.DescribeResourceByTagsRequestTag({ key: 'env', value: 'prod' })],
    })));
    assert.deepEqual(byTags.Resources.Resource.map((r) => r.ResourceId), [a, b].sort());
    assert.ok(byTags.Resources.Resource.every((r) => r.ResourceType === 'securitygroup' && r.RegionId === REGION));
    assert.equal(byTags.TotalCount, 2);

    await ecs.v2.removeTags(new Ecs.RemoveTagsRequest({ regionId: REGION, resourceType: 'securitygroup', resourceId: a,
      tag: [new Ecs.RemoveTagsRequestTag({ key: 'env' })] }));
    assert.deepEqual(await listed(a), ['app=web']);
    const left = plain(await ecs.acs3.describeResourceByTags(new Ecs.DescribeResourceByTagsRequest({
      regionId: REGION, tag: [new Ecs.DescribeResourceByTagsRequestTag({ key: 'env' })],
    })));
    assert.deepEqual(left.Resources.Resource.map((r) => r.ResourceId), [b]);

    await assertAcsError(ecs.acs3.addTags(new Ecs.AddTagsRequest({ regionId: REGION, resourceType: 'securitygroup', resourceId: 'sg-nope',
      tag: [new Ecs.AddTagsRequestTag({ key: 'k', value: 'v' })] })), 'InvalidResourceId.NotFound', 404);
    await assertAcsError(popEcs.request('DescribeTags', { RegionId: REGION, ResourceType: 'router' }, { method: 'GET' }), 'InvalidResourceType.NotFound', 404);
    await assertAcsError(ecs.v2.describeTags(new Ecs.DescribeTagsRequest({ regionId: REGION, pageSize: 101 })), 'InvalidPageSize.Malformed', 400);
  });
});

describe('CreateNetworkInterfacePermission, DescribeNetworkInterfacePermissions, DeleteNetworkInterfacePermission', () => {
  test('grant, list (by ENI, by ID, paged), delete, with every client', async () => {
    const vpcId = (await sdk.createVpc({ RegionId: REGION, CidrBlock: '10.1.0.0/16' })).VpcId;
    const zone = (await ecs.acs3.describeZones(new Ecs.DescribeZonesRequest({ regionId: REGION }))).body.zones.zone[0].zoneId;
    const vsw = (await sdk.createVSwitch({ RegionId: REGION, VpcId: vpcId, ZoneId: zone, CidrBlock: '10.1.1.0/24' })).VSwitchId;
    const group = (await sdk.createSecurityGroup({ RegionId: REGION, VpcId: vpcId })).SecurityGroupId;
    const eni = (await sdk.createNetworkInterface({ RegionId: REGION, VSwitchId: vsw, SecurityGroupId: group })).NetworkInterfaceId;

    const created = plain(await ecs.acs3.createNetworkInterfacePermission(new Ecs.CreateNetworkInterfacePermissionRequest({
      regionId: REGION, networkInterfaceId: eni, accountId: 1111111111, permission: 'InstanceAttach',
    }))).NetworkInterfacePermission;
    assert.match(created.NetworkInterfacePermissionId, /^eni-perm-[a-z0-9]+$/);
    assert.deepEqual({ ...created, NetworkInterfacePermissionId: undefined }, {
      AccountId: 1111111111, NetworkInterfaceId: eni, NetworkInterfacePermissionId: undefined, Permission: 'InstanceAttach',
      PermissionState: 'Granted', ServiceName: '',
    });
    const second = (await popEcs.request('CreateNetworkInterfacePermission', {
      RegionId: REGION, NetworkInterfaceId: eni, AccountId: 2222222222, Permission: 'InstanceAttach',
    }, { method: 'GET' })).NetworkInterfacePermission.NetworkInterfacePermissionId;

    const listed = plain(await ecs.v2.describeNetworkInterfacePermissions(new Ecs.DescribeNetworkInterfacePermissionsRequest({
      regionId: REGION, networkInterfaceId: eni,
    })));
    assert.deepEqual(listed.NetworkInterfacePermissions.NetworkInterfacePermission.map((p) => p.NetworkInterfacePermissionId),
      [created.NetworkInterfacePermissionId, second]);
    assert.deepEqual([listed.PageNumber, listed.PageSize, listed.TotalCount], [1, 10, 2]);
    const byId = plain(await ecs.acs3.describeNetworkInterfacePermissions(new Ecs.DescribeNetworkInterfacePermissionsRequest({
      regionId: REGION, networkInterfacePermissionId: [second],
    })));
    assert.deepEqual(byId.NetworkInterfacePermissions.NetworkInterfacePermission.map((p) => p.AccountId), [2222222222]);

    await ecs.v2.deleteNetworkInterfacePermission(new Ecs.DeleteNetworkInterfacePermissionRequest({
      regionId: REGION, networkInterfacePermissionId: second, force: true,
    }));
    await assertAcsError(ecs.acs3.deleteNetworkInterfacePermission(new Ecs.DeleteNetworkInterfacePermissionRequest({
      regionId: REGION, networkInterfacePermissionId: second,
    })), 'InvalidNetworkInterfacePermissionId.NotFound', 404);
    await assertAcsError(ecs.acs3.createNetworkInterfacePermission(new Ecs.CreateNetworkInterfacePermissionRequest({
      regionId: REGION, networkInterfaceId: 'eni-nope', accountId: 1111111111, permission: 'InstanceAttach',
    })), 'InvalidEniId.NotFound', 404);
    await assertAcsError(popEcs.request('CreateNetworkInterfacePermission', {
      RegionId: REGION, NetworkInterfaceId: eni, AccountId: 1111111111, Permission: 'InstanceDetach',
    }, { method: 'GET' }), 'InvalidPermission.ValueNotSupported', 400);
    const left = plain(await ecs.acs3.describeNetworkInterfacePermissions(new Ecs.DescribeNetworkInterfacePermissionsRequest({ regionId: REGION })));
    assert.deepEqual(left.NetworkInterfacePermissions.NetworkInterfacePermission.map((p) => p.NetworkInterfacePermissionId),
      [created.NetworkInterfacePermissionId]);
  });
});
