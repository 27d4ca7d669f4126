// Data sources alicloud_zones, alicloud_instance_types and alicloud_images, as the provider reads them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ECS_VERSION, tfClient } from './tf-client.mjs';
import { REGION, assertInt, assertList, assertObject } from './compute-provider.mjs';

const targets = [['http', process.env.SG_ENDPOINT]];
if (process.env.SG_HTTPS_ENDPOINT) targets.push(['https', process.env.SG_HTTPS_ENDPOINT]);

/** ecsService.DescribeAvailableResources (old SDK): non-SoldOut zones, IoOptimized=optimized. */
async function availableZones(c, destination, extra = {}) {
  const { body } = await c.rpcGet('DescribeAvailableResource', ECS_VERSION, {
    RegionId: REGION, DestinationResource: destination, IoOptimized: 'optimized', ...extra,
  });
  assertList(body.AvailableZones.AvailableZone, 'AvailableZones.AvailableZone');
  assert.ok(body.AvailableZones.AvailableZone.length > 0, 'There are no available zones in the API DescribeAvailableResource response');
  return body.AvailableZones.AvailableZone.filter((z) => z.Status !== 'SoldOut');
}

for (const [protocol, endpoint] of targets) {
  describe(`terraform compute data sources over ${protocol}`, () => {
    const c = tfClient({ endpoint, protocol });

    it('alicloud_zones (available_instance_type, available_disk_category, enable_details)', async () => {
      const valid = await availableZones(c, 'Zone', { InstanceChargeType: 'PostPaid' });
      const { body } = await c.rpcGet('DescribeZones', ECS_VERSION, { RegionId: REGION, InstanceChargeType: 'PostPaid' });
      assert.ok(body.Zones.Zone.length > 0, 'There are no availability zones in the region');
      const ids = body.Zones.Zone.filter((z) => valid.some((v) => v.ZoneId === z.ZoneId)
        && z.AvailableInstanceTypes.InstanceTypes.includes('ecs.g7.large') && z.AvailableDiskCategories.DiskCategories.includes('cloud_essd'))
        .map((z) => z.ZoneId).sort();
      assert.deepEqual(ids, ['cn-hangzhou-b', 'cn-hangzhou-g', 'cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j', 'cn-hangzhou-k']);
      const h = body.Zones.Zone.find((z) => z.ZoneId === 'cn-hangzhou-h');
      assert.equal(typeof h.LocalName, 'string');
      assertList(h.AvailableResourceCreation.ResourceTypes, 'AvailableResourceCreation.ResourceTypes');
    });

    it('alicloud_instance_types (cpu_core_count 2, memory_size 8, availability_zone)', async () => {
      const zones = await availableZones(c, 'InstanceType', { Cores: 2, Memory: 8, ZoneId: 'cn-hangzhou-h' });
      const offered = new Map();
      for (const zone of zones) {
        for (const r of zone.AvailableResources.AvailableResource) {
          for (const t of r.SupportedResources.SupportedResource) {
            if (t.Status !== 'SoldOut') offered.set(t.Value, [...(offered.get(t.Value) ?? []), zone.ZoneId]);
          }
        }
      }
      const objects = [];
      const request = {};
      for (;;) {
        const { body } = await c.rpcPost('DescribeInstanceTypes', ECS_VERSION, request);
        assertList(body.InstanceTypes.InstanceType, 'InstanceTypes.InstanceType');
        objects.push(...body.InstanceTypes.InstanceType);
        if (typeof body.NextToken === 'string' && body.NextToken !== '') request.NextToken = body.NextToken;
        else break;
      }
      for (const t of objects) {
        assert.equal(typeof t.InstanceTypeId, 'string');
        assert.equal(typeof t.InstanceTypeFamily, 'string');
        for (const f of ['CpuCoreCount', 'EniQuantity', 'GPUAmount', 'InitialCredit', 'BaselineCredit', 'LocalStorageAmount']) assertInt(t[f], `${t.InstanceTypeId}.${f}`);
        assert.equal(typeof t.MemorySize, 'number');
        if ('LocalStorageCapacity' in t) assert.equal(typeof t.LocalStorageCapacity, 'number'); // v.(json.Number)
      }
      const chosen = objects.filter((t) => offered.has(t.InstanceTypeId) && t.CpuCoreCount === 2 && t.MemorySize === 8);
      assert.deepEqual(chosen.map((t) => [t.InstanceTypeId, t.InstanceTypeFamily, offered.get(t.InstanceTypeId)]),
        [['ecs.g7.large', 'ecs.g7', ['cn-hangzhou-h']]]);

      // isSupportedNetworkCardIndex: InstanceTypes.1, NetworkCards present
      const { body } = await c.rpcPost('DescribeInstanceTypes', ECS_VERSION, { InstanceTypes: ['ecs.g7.large'] });
      assert.ok('NetworkCards' in body.InstanceTypes.InstanceType[0]);
    });

    it('alicloud_images (owners system, name_regex, most_recent)', async () => {
      const all = [];
      for (let page = 1; ; page++) {
        const { body } = await c.rpcGet('DescribeImages', ECS_VERSION, { RegionId: REGION, PageNumber: page, PageSize: 100, ImageOwnerAlias: 'system' });
        assertObject(body.Images, 'Images');
        if (body.Images.Image.length < 1) break;
        all.push(...body.Images.Image);
        if (body.Images.Image.length < 50) break;
      }
      const ubuntu = all.filter((i) => i.ImageName !== '' && /^ubuntu_22/.test(i.ImageName));
      const mostRecent = ubuntu.sort((a, b) => Date.parse(a.CreationTime) - Date.parse(b.CreationTime)).at(-1);
      assert.equal(mostRecent.ImageId, 'ubuntu_22_04_x64_20G_alibase_20240530.vhd');
      assert.deepEqual([mostRecent.OSType, mostRecent.ImageOwnerAlias, mostRecent.Status, mostRecent.Architecture], ['linux', 'system', 'Available', 'x86_64']);
      assertInt(mostRecent.Size, 'Size');
      assertList(mostRecent.DiskDeviceMappings.DiskDeviceMapping, 'DiskDeviceMappings.DiskDeviceMapping');
      const { body: self } = await c.rpcGet('DescribeImages', ECS_VERSION, { RegionId: REGION, PageNumber: 1, PageSize: 100, ImageOwnerAlias: 'self' });
      assert.deepEqual(self.Images.Image, []);
    });
  });
}
