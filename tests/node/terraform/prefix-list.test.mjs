// alicloud_ecs_prefix_list, re-enacted from resource_alicloud_ecs_prefix_list.go and DescribeEcsPrefixList: apply, refresh,
// update (name, description, entries), destroy, over HTTP and HTTPS.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ECS_VERSION, asInt, asList, asMap, isNotFound, transports } from './network-flows.mjs';

const REGION = 'cn-shenzhen';

/** DescribeEcsPrefixList: DescribePrefixListAttributes, `$`; InvalidPrefixListId.NotFound means gone. */
async function read(c, id) {
  const { body } = await c.rpcPost('DescribePrefixListAttributes', ECS_VERSION, { RegionId: REGION, PrefixListId: id });
  const entries = asList(asMap(body.Entries, 'Entries').Entry, 'Entry').map((e) => [e.Cidr, e.Description]);
  asInt(body.MaxEntries, 'MaxEntries');
  return { ...body, entries };
}

for (const { name, client: c } of transports()) {
  describe(`terraform alicloud_ecs_prefix_list over ${name}`, () => {
    test('apply, refresh, update and destroy', async () => {
      const { body } = await c.rpcPost('CreatePrefixList', ECS_VERSION, {
        AddressFamily: 'IPv4', MaxEntries: 10, PrefixListName: `tf-pl-${name}`, RegionId: REGION, ClientToken: `tf-pl-${name}-${Date.now()}`,
        // The provider sends every entry's description, "" when the configuration has none.
        Description: 'terraform', 'Entry.1.Cidr': '10.0.0.0/8', 'Entry.1.Description': 'first', 'Entry.2.Cidr': '192.168.0.0/16', 'Entry.2.Description': '',
      });
      const id = body.PrefixListId;
      let list = await read(c, id);
      assert.equal(list.AddressFamily, 'IPv4');
      assert.equal(list.MaxEntries, 10);
      assert.equal(list.PrefixListName, `tf-pl-${name}`);
      assert.equal(list.Description, 'terraform');
      assert.deepEqual(list.entries.sort(), [['10.0.0.0/8', 'first'], ['192.168.0.0/16', '']]);

      await c.rpcPost('ModifyPrefixList', ECS_VERSION, {
        PrefixListId: id, RegionId: REGION, PrefixListName: `tf-pl-${name}-2`, Description: 'changed',
        'RemoveEntry.1.Cidr': '192.168.0.0/16', 'AddEntry.1.Cidr': '172.16.0.0/12', 'AddEntry.1.Description': 'third',
      });
      list = await read(c, id);
      assert.equal(list.PrefixListName, `tf-pl-${name}-2`);
      assert.equal(list.Description, 'changed');
      assert.deepEqual(list.entries.sort(), [['10.0.0.0/8', 'first'], ['172.16.0.0/12', 'third']]);

      await c.rpcPost('DeletePrefixList', ECS_VERSION, { PrefixListId: id, RegionId: REGION });
      await assert.rejects(read(c, id), (e) => e.code === 'InvalidPrefixListId.NotFound' && isNotFound(e));
    });
  });
}
