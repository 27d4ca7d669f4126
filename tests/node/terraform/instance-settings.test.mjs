// alicloud_instance's in-place settings, re-enacted from resource_alicloud_instance.go: what resourceAliCloudInstanceCreate
// adds to RunInstances for credit_specification, auto_release_time, deployment_set_id, http_tokens, http_endpoint,
// http_put_response_hop_limit and private_pool_options_*; what resourceAliCloudInstanceRead sets from DescribeInstances,
// DescribeInstanceMaintenanceAttribute and DescribeInstanceAttachmentAttribute (service_alicloud_ecs.go); and the update calls
// (modifyInstanceAttribute CreditSpecification, old-SDK ModifyInstanceAutoReleaseTime, RpcPost ModifyInstanceDeployment,
// ModifyInstanceMaintenanceAttributes, ModifyInstanceMetadataOptions, ModifyInstanceAttachmentAttributes), also run right after
// create (IsNewResource) where the provider does so. Apply, refresh (identical state, no diff), update each argument, destroy.
// The shared create / update / read of compute-provider.mjs run as they are; this file adds what they leave out for these
// arguments (a client wrapper puts the provider's RunInstances parameters in, and the state is completed from the answers the
// shared Read already fetched), so the suites of the other arguments stay untouched.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { ECS_VERSION, tfClient } from './tf-client.mjs';
import {
  REGION, createInstance, destroyInstance, instanceNetwork, modifyInstanceAttribute, planDiff, readInstance, recording, updateInstance,
} from './compute-provider.mjs';

const targets = [['http', process.env.SG_ENDPOINT]];
if (process.env.SG_HTTPS_ENDPOINT) targets.push(['https', process.env.SG_HTTPS_ENDPOINT]);

const SETTINGS = ['credit_specification', 'auto_release_time', 'deployment_set_id', 'http_tokens', 'http_endpoint', 'http_put_response_hop_limit',
  'maintenance_time', 'maintenance_action', 'maintenance_notify', 'private_pool_options_match_criteria', 'private_pool_options_id'];

/** d.GetOk: set and not the zero value. */
const getOk = (value) => value !== undefined && value !== '' && value !== 0 && value !== false && !(Array.isArray(value) && value.length === 0);
const hasChange = (prior, plan, key) => plan[key] !== undefined && !isDeepStrictEqual(plan[key], prior[key] ?? (typeof plan[key] === 'boolean' ? false : undefined));
const planned = (prior, plan, key) => (plan[key] !== undefined ? plan[key] : prior[key]);

/** resourceAliCloudInstanceCreate's request["..."] for these arguments, each behind d.GetOk. */
function runParameters(config) {
  const p = {};
  if (getOk(config.credit_specification)) p.CreditSpecification = config.credit_specification;
  if (getOk(config.auto_release_time)) p.AutoReleaseTime = config.auto_release_time;
  if (getOk(config.deployment_set_id)) p.DeploymentSetId = config.deployment_set_id;
  if (getOk(config.http_tokens)) p.HttpTokens = config.http_tokens;
  if (getOk(config.http_endpoint)) p.HttpEndpoint = config.http_endpoint;
  if (getOk(config.http_put_response_hop_limit)) p.HttpPutResponseHopLimit = config.http_put_response_hop_limit;
  if (getOk(config.private_pool_options_match_criteria)) p['PrivatePoolOptions.MatchCriteria'] = config.private_pool_options_match_criteria;
  if (getOk(config.private_pool_options_id)) p['PrivatePoolOptions.Id'] = config.private_pool_options_id;
  return p;
}

/** The client the shared createInstance uses: its RunInstances carries the provider's parameters for these arguments too. */
const withRunParameters = (c, config) => ({
  ...c,
  rpcPost: (action, version, params = {}) => c.rpcPost(action, version, action === 'RunInstances' ? { ...params, ...runParameters(config) } : params),
});

/** A client that keeps the first answer to each Action, so the state can be completed from what the shared Read fetched. */
function answers(c) {
  const seen = {};
  const keep = (fn) => async (action, version, params = {}) => {
    const result = await fn(action, version, params);
    seen[action] ??= result.body;
    return result;
  };
  return { seen, client: { ...c, rpcPost: keep(c.rpcPost), rpcGet: keep(c.rpcGet) } };
}

/** resourceAliCloudInstanceRead for these arguments, from the answers it got (old-SDK DescribeInstances; the two RpcPost reads). */
async function read(c, id, options) {
  const { seen, client } = answers(c);
  const state = await readInstance(client, id, options);
  if (!state) return null;
  const instance = seen.DescribeInstances.Instances.Instance[0];
  // "There is an api bug that it returns non-RFC3339 timestamp, like 2023-07-26T23:50Z": the provider adds the seconds
  const release = instance.AutoReleaseTime;
  assert.equal(typeof release, 'string');
  state.auto_release_time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/.test(release) ? `${release.slice(0, -1)}:00Z` : release;
  Object.assign(state, {
    credit_specification: instance.CreditSpecification, deployment_set_id: instance.DeploymentSetId,
    deployment_set_group_no: instance.DeploymentSetGroupNo, http_tokens: instance.MetadataOptions.HttpTokens,
    http_endpoint: instance.MetadataOptions.HttpEndpoint, http_put_response_hop_limit: instance.MetadataOptions.HttpPutResponseHopLimit,
  });
  assert.ok(Number.isInteger(state.http_put_response_hop_limit), 'MetadataOptions.HttpPutResponseHopLimit is an int in the old SDK struct');
  const maintenance = seen.DescribeInstanceMaintenanceAttributes.MaintenanceAttributes.MaintenanceAttribute[0];
  assert.equal(typeof maintenance.NotifyOnMaintenance, 'boolean');
  state.maintenance_time = maintenance.MaintenanceWindows.MaintenanceWindow.map((w) => ({ start_time: w.StartTime, end_time: w.EndTime }));
  state.maintenance_action = maintenance.ActionOnMaintenance.Value;
  state.maintenance_notify = maintenance.NotifyOnMaintenance;
  const attachment = seen.DescribeInstanceAttachmentAttributes.Instances.Instance[0];
  state.private_pool_options_match_criteria = attachment.PrivatePoolOptionsMatchCriteria;
  state.private_pool_options_id = attachment.PrivatePoolOptionsId;
  return state;
}

/**
 * resourceAliCloudInstanceUpdate for these arguments, in its order. `prior` is the state ({} for a new resource), `plan`
 * the configuration; isNew is d.IsNewResource() (the maintenance and metadata blocks run after create too).
 */
async function updateSettings(c, id, prior, plan, { isNew = false } = {}) {
  // modifyInstanceAttribute (returns at once for a new resource): RpcPost with RegionId and ClientToken
  if (!isNew && hasChange(prior, plan, 'credit_specification')) {
    await modifyInstanceAttribute(c, id, { CreditSpecification: planned(prior, plan, 'credit_specification') });
  }
  // old SDK (query only); an empty string is not sent, which cancels the release
  if (!isNew && hasChange(prior, plan, 'auto_release_time')) {
    const at = planned(prior, plan, 'auto_release_time');
    await c.rpcGet('ModifyInstanceAutoReleaseTime', ECS_VERSION, { InstanceId: id, RegionId: REGION, ...(at ? { AutoReleaseTime: at } : {}) });
  }
  if (!isNew && hasChange(prior, plan, 'deployment_set_id')) {
    const request = { RegionId: REGION, InstanceId: id, ClientToken: `ModifyInstanceDeployment-${Date.now()}` };
    const wanted = planned(prior, plan, 'deployment_set_id');
    if (getOk(wanted)) request.DeploymentSetId = wanted;
    else Object.assign(request, { DeploymentSetId: prior.deployment_set_id, RemoveFromDeploymentSet: true });
    await c.rpcPost('ModifyInstanceDeployment', ECS_VERSION, request);
  }
  if (['maintenance_time', 'maintenance_action', 'maintenance_notify'].some((k) => hasChange(prior, plan, k))) {
    const request = {
      RegionId: REGION, InstanceId: [id],
      MaintenanceWindow: (planned(prior, plan, 'maintenance_time') ?? []).map((w) => ({
        ...(w.start_time ? { StartTime: w.start_time } : {}), ...(w.end_time ? { EndTime: w.end_time } : {}),
      })),
    };
    const action = planned(prior, plan, 'maintenance_action');
    if (getOk(action)) request.ActionOnMaintenance = action;
    const notify = planned(prior, plan, 'maintenance_notify');
    if (notify !== undefined) request.NotifyOnMaintenance = notify; // d.GetOkExists
    await c.rpcPost('ModifyInstanceMaintenanceAttributes', ECS_VERSION, request);
  }
  if (hasChange(prior, plan, 'http_endpoint') || hasChange(prior, plan, 'http_tokens')) {
    const endpoint = planned(prior, plan, 'http_endpoint');
    const tokens = planned(prior, plan, 'http_tokens');
    await c.rpcPost('ModifyInstanceMetadataOptions', ECS_VERSION, {
      RegionId: REGION, InstanceId: id, HttpEndpoint: getOk(endpoint) ? endpoint : 'enabled', ...(getOk(tokens) ? { HttpTokens: tokens } : {}),
    });
  }
  if (!isNew && (hasChange(prior, plan, 'private_pool_options_match_criteria') || hasChange(prior, plan, 'private_pool_options_id'))) {
    const request = { RegionId: REGION, InstanceId: id };
    const match = planned(prior, plan, 'private_pool_options_match_criteria');
    if (getOk(match)) request['PrivatePoolOptions.MatchCriteria'] = match;
    const pool = planned(prior, plan, 'private_pool_options_id');
    if (getOk(pool) && request['PrivatePoolOptions.MatchCriteria'] !== 'None') request['PrivatePoolOptions.Id'] = pool;
    await c.rpcPost('ModifyInstanceAttachmentAttributes', ECS_VERSION, request);
  }
}

async function apply(c, config) {
  const id = await createInstance(withRunParameters(c, config), config);
  await updateInstance(c, id, {}, config, { isNew: true });
  await updateSettings(c, id, {}, config, { isNew: true });
  return { id, state: await read(c, id, { isNew: true }) };
}

async function applyUpdate(c, id, prior, plan) {
  await updateInstance(c, id, prior, plan);
  await updateSettings(c, id, prior, plan);
  return read(c, id);
}

/** strings.Trim(old, ":00Z"): the cut set ':', '0', 'Z' off both ends. */
const trimCutset = (s) => s.replace(/^[:0Z]+|[:0Z]+$/g, '');

/** planDiff with auto_release_time's DiffSuppressFunc: a new value starting with the old one trimmed is no diff. */
function diff(state, config) {
  const d = planDiff(state, config);
  const [old, now] = [state.auto_release_time, config.auto_release_time];
  if ('auto_release_time' in d && old && now && now.startsWith(trimCutset(old))) delete d.auto_release_time;
  return d;
}

/** The settings of a state, for comparing what a refresh gives. */
const settingsOf = (state) => Object.fromEntries(SETTINGS.map((k) => [k, state[k]]));

/** Refresh: a second Read gives the same state, and the configuration shows no diff. */
async function assertSteady(c, id, state, config) {
  const refreshed = await read(c, id);
  assert.deepEqual({ ...refreshed, role_name: undefined }, { ...state, role_name: undefined });
  assert.deepEqual(diff(refreshed, config), {});
  return refreshed;
}

/** A whole-minute UTC time `hours` ahead, as a configuration writes it (yyyy-MM-ddTHH:mm:ssZ). */
const releaseIn = (hours) => {
  const at = new Date(Date.now() + hours * 3600_000);
  at.setUTCSeconds(0, 0);
  return at.toISOString().replace('.000Z', 'Z');
};

/** The writes of an apply, without the reads. */
const writes = (calls) => calls.filter(([a]) => !/^Describe/.test(a)).map(([a]) => a);

for (const [protocol, endpoint] of targets) {
  describe(`terraform alicloud_instance settings over ${protocol}`, () => {
    const c = tfClient({ endpoint, protocol });

    it('create with every setting, refresh, update each one in place, destroy', async () => {
      const net = await instanceNetwork(c, { name: 'tf-settings' });
      const base = {
        instance_type: 'ecs.g7.large', image_id: 'aliyun_3_x64_20G_alibase_20240528.vhd', system_disk_category: 'cloud_essd',
        instance_name: 'tf-settings', vswitch_id: net.vsw1, security_groups: [net.sg],
      };
      let config = {
        ...base, credit_specification: 'Standard', auto_release_time: releaseIn(10), deployment_set_id: 'ds-tfsettings1',
        http_tokens: 'required', http_endpoint: 'enabled', http_put_response_hop_limit: 2,
        maintenance_time: [{ start_time: '01:00:00', end_time: '02:00:00' }], maintenance_action: 'Stop', maintenance_notify: true,
        private_pool_options_match_criteria: 'Target', private_pool_options_id: 'eap-tfsettings1',
      };
      let r = recording(c);
      const { id, state: created } = await apply(r.client, config);
      // RunInstances carries them; the maintenance and metadata blocks run for the new resource too
      assert.deepEqual(writes(r.calls), ['RunInstances', 'ModifyInstanceMaintenanceAttributes', 'ModifyInstanceMetadataOptions']);
      const run = r.calls.find(([a]) => a === 'RunInstances')[1];
      assert.deepEqual([run.HttpTokens, run.HttpPutResponseHopLimit, run['PrivatePoolOptions.MatchCriteria'], run.AutoReleaseTime],
        ['required', 2, 'Target', config.auto_release_time]);
      assert.deepEqual(settingsOf(created), {
        credit_specification: 'Standard', auto_release_time: config.auto_release_time, deployment_set_id: 'ds-tfsettings1', http_tokens: 'required',
        http_endpoint: 'enabled', http_put_response_hop_limit: 2, maintenance_time: [{ start_time: '01:00:00', end_time: '02:00:00' }],
        maintenance_action: 'Stop', maintenance_notify: true, private_pool_options_match_criteria: 'Target', private_pool_options_id: 'eap-tfsettings1',
      });
      let state = await assertSteady(c, id, created, config);

      // every in-place argument changed at once: one call each, in the provider's order
      config = {
        ...config, credit_specification: 'Unlimited', auto_release_time: releaseIn(20), deployment_set_id: 'ds-tfsettings2', http_tokens: 'optional',
        http_endpoint: 'disabled', maintenance_time: [{ start_time: '22:00:00', end_time: '03:00:00' }], maintenance_action: 'AutoRedeploy',
        maintenance_notify: false, private_pool_options_match_criteria: 'Open',
      };
      delete config.private_pool_options_id; // removed from the configuration: Computed, so the plan keeps the state's value
      r = recording(c);
      state = await applyUpdate(r.client, id, state, config);
      assert.deepEqual(writes(r.calls), ['ModifyInstanceAttribute', 'ModifyInstanceAutoReleaseTime', 'ModifyInstanceDeployment',
        'ModifyInstanceMaintenanceAttributes', 'ModifyInstanceMetadataOptions', 'ModifyInstanceAttachmentAttributes']);
      // the provider sends the kept pool ID with Open; the server drops it (it only means something for Target)
      assert.equal(r.calls.find(([a]) => a === 'ModifyInstanceAttachmentAttributes')[1]['PrivatePoolOptions.Id'], 'eap-tfsettings1');
      assert.deepEqual(settingsOf(state), {
        credit_specification: 'Unlimited', auto_release_time: config.auto_release_time, deployment_set_id: 'ds-tfsettings2', http_tokens: 'optional',
        http_endpoint: 'disabled', http_put_response_hop_limit: 2, maintenance_time: [{ start_time: '22:00:00', end_time: '03:00:00' }],
        maintenance_action: 'AutoRedeploy', maintenance_notify: false, private_pool_options_match_criteria: 'Open', private_pool_options_id: '',
      });
      state = await assertSteady(c, id, state, config);

      // auto_release_time and deployment_set_id set to "": the release is cancelled, the instance leaves its deployment set
      // (RemoveFromDeploymentSet with the old ID); http_tokens back to required with the endpoint enabled
      config = { ...config, auto_release_time: '', deployment_set_id: '', http_tokens: 'required', http_endpoint: 'enabled' };
      r = recording(c);
      state = await applyUpdate(r.client, id, state, config);
      assert.deepEqual(writes(r.calls), ['ModifyInstanceAutoReleaseTime', 'ModifyInstanceDeployment', 'ModifyInstanceMetadataOptions']);
      assert.deepEqual(r.calls.find(([a]) => a === 'ModifyInstanceDeployment')[1].RemoveFromDeploymentSet, true);
      assert.deepEqual([state.auto_release_time, state.deployment_set_id, state.http_tokens, state.http_endpoint], ['', '', 'required', 'enabled']);
      state = await assertSteady(c, id, state, config);

      // a release time with seconds: Alibaba keeps the minute; the DiffSuppressFunc hides the difference
      const withSeconds = releaseIn(30).replace(':00Z', ':42Z');
      config = { ...config, auto_release_time: withSeconds, private_pool_options_match_criteria: 'None' };
      state = await applyUpdate(c, id, state, config);
      assert.equal(state.auto_release_time, withSeconds.replace(':42Z', ':00Z'));
      assert.equal(state.private_pool_options_match_criteria, 'None');
      await assertSteady(c, id, state, config);

      await destroyInstance(c, id);
      assert.equal(await read(c, id), null);
      await net.destroy();
    });

    it('an instance without these arguments reads Alibaba\'s defaults and shows no diff', async () => {
      const net = await instanceNetwork(c, { name: 'tf-settings-defaults' });
      const config = {
        instance_type: 'ecs.g7.large', image_id: 'aliyun_3_x64_20G_alibase_20240528.vhd', system_disk_category: 'cloud_essd',
        instance_name: 'tf-settings-defaults', vswitch_id: net.vsw1, security_groups: [net.sg],
      };
      const r = recording(c);
      const { id, state } = await apply(r.client, config);
      assert.deepEqual(writes(r.calls), ['RunInstances']);
      assert.deepEqual(settingsOf(state), {
        credit_specification: '', auto_release_time: '', deployment_set_id: '', http_tokens: 'optional', http_endpoint: 'enabled',
        http_put_response_hop_limit: 1, maintenance_time: [], maintenance_action: 'AutoRecover', maintenance_notify: false,
        private_pool_options_match_criteria: 'Open', private_pool_options_id: '',
      });
      await assertSteady(c, id, state, config);
      await destroyInstance(c, id);
      await net.destroy();
    });
  });
}
