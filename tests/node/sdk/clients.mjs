// Shared helpers for the official-SDK conformance tests.
//
// The servers under test are given by environment variables (set by CI, or by hand):
//   SG_ENDPOINT         host:port of a server in Relaxed auth mode (required)
//   SG_STRICT_ENDPOINT  host:port of a server in Strict auth mode (required by the Strict-mode tests)
//   SG_THROTTLED_ENDPOINT  host:port of a Relaxed server with Throttling__Enabled=true, RequestsPerMinute=2 (throttling tests)
// Both know the accounts test/test (1234567890123456, the default for unsigned requests in Relaxed mode)
// and test2/secret2 (2222222222222222).

import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import Ecs from '@alicloud/ecs20140526';
import Vpc from '@alicloud/vpc20160428';
import * as OpenApi from '@alicloud/openapi-core';

const require = createRequire(import.meta.url);
const RPC = require('@alicloud/pop-core');

export { Ecs, Vpc, OpenApi, RPC };

function endpointFromEnv(name) {
  const value = process.env[name];
  if (!value || !value.trim()) {
    throw new Error(`${name} is not set: give the host:port of a running SecurityGroups server ` +
      `(e.g. ${name}=127.0.0.1:18181). The SDK conformance tests cannot run without it.`);
  }
  return value.trim().replace(/^https?:\/\//, '').replace(/\/+$/, '');
}

/** host:port of the Relaxed-mode server. Importing this module fails loudly when SG_ENDPOINT is unset. */
export const ENDPOINT = endpointFromEnv('SG_ENDPOINT');

/** host:port of the Strict-mode server; throws (failing the calling test, not skipping it) when unset. */
export function strictEndpoint() {
  return endpointFromEnv('SG_STRICT_ENDPOINT');
}

/** host:port of a Relaxed server with Throttling on at 2 calls per minute per (account, Action, region); throws when unset. */
export function throttledEndpoint() {
  return endpointFromEnv('SG_THROTTLED_ENDPOINT');
}

export const REGION = 'cn-hangzhou';
export const VPC_VERSION = '2016-04-28';
export const ECS_VERSION = '2014-05-26';

export const ACCOUNTS = Object.freeze({
  test: Object.freeze({ accessKeyId: 'test', accessKeySecret: 'test', accountId: '1234567890123456' }),
  test2: Object.freeze({ accessKeyId: 'test2', accessKeySecret: 'secret2', accountId: '2222222222222222' }),
});

// ---------------------------------------------------------------------------------------------------------------
// Client factories
// ---------------------------------------------------------------------------------------------------------------

function config({ account = ACCOUNTS.test, endpoint = ENDPOINT, ...extra } = {}) {
  return new OpenApi.$OpenApiUtil.Config({
    accessKeyId: account.accessKeyId,
    accessKeySecret: account.accessKeySecret,
    endpoint,
    protocol: 'http',
    regionId: REGION,
    ...extra,
  });
}

/** v7 VPC client. signature: 'acs3' (ACS3-HMAC-SHA256, the default) or 'v2' (HMAC-SHA1 Signature parameter). */
export function vpcClient({ signature = 'acs3', ...options } = {}) {
  return new Vpc.default(config(signature === 'v2' ? { signatureAlgorithm: 'v2', ...options } : options));
}

/** v7 ECS client, same options as vpcClient. */
export function ecsClient({ signature = 'acs3', ...options } = {}) {
  return new Ecs.default(config(signature === 'v2' ? { signatureAlgorithm: 'v2', ...options } : options));
}

/** pop-core RPC client (HMAC-SHA1). */
export function popClient({ account = ACCOUNTS.test, endpoint = ENDPOINT, apiVersion = VPC_VERSION } = {}) {
  return new RPC({
    accessKeyId: account.accessKeyId,
    accessKeySecret: account.accessKeySecret,
    endpoint: 'http://' + endpoint,
    apiVersion,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Drivers: one uniform interface over the four client/signature/transport combinations. Each method takes
// PascalCase wire parameters and returns the response body as PascalCase plain JSON (for the v7 SDK, the model's
// toMap(), so a field the SDK model failed to map is missing from the result).
// ---------------------------------------------------------------------------------------------------------------

const camel = (s) => s.charAt(0).toLowerCase() + s.slice(1);

function v7Request(ModelClass, TagClass, params, TagFilterClass = null) {
  const map = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (key === 'Tag') {
      map.tag = value.map((t) => new TagClass({ key: t.Key, value: t.Value }));
    } else if (key === 'TagFilter') {
      map.tagFilter = value.map((f) => new TagFilterClass({ tagKey: f.TagKey, tagValues: f.TagValues }));
    } else {
      map[camel(key)] = value;
    }
  }
  return new ModelClass(map);
}

const plain = (value) => JSON.parse(JSON.stringify(value));

function v7Driver(name, signature, account, endpoint = ENDPOINT) {
  const vpc = () => vpcClient({ signature, account, endpoint });
  const ecs = () => ecsClient({ signature, account, endpoint });
  const unwrap = (response) => {
    assert.equal(response.statusCode, 200, `${name}: HTTP status`);
    assert.ok(response.body, `${name}: response body`);
    return plain(response.body.toMap());
  };
  return {
    name,
    kind: 'v7',
    createVpc: async (p) => unwrap(await vpc().createVpc(v7Request(Vpc.CreateVpcRequest, Vpc.CreateVpcRequestTag, p))),
    describeVpcs: async (p) => unwrap(await vpc().describeVpcs(v7Request(Vpc.DescribeVpcsRequest, Vpc.DescribeVpcsRequestTag, p))),
    deleteVpc: async (p) => unwrap(await vpc().deleteVpc(v7Request(Vpc.DeleteVpcRequest, null, p))),
    createVSwitch: async (p) =>
      unwrap(await vpc().createVSwitch(v7Request(Vpc.CreateVSwitchRequest, Vpc.CreateVSwitchRequestTag, p))),
    describeVSwitches: async (p) =>
      unwrap(await vpc().describeVSwitches(v7Request(Vpc.DescribeVSwitchesRequest, Vpc.DescribeVSwitchesRequestTag, p))),
    deleteVSwitch: async (p) => unwrap(await vpc().deleteVSwitch(v7Request(Vpc.DeleteVSwitchRequest, null, p))),
    describeRegions: async (p) => unwrap(await ecs().describeRegions(v7Request(Ecs.DescribeRegionsRequest, null, p))),
    createSecurityGroup: async (p) => unwrap(await ecs().createSecurityGroup(
      v7Request(Ecs.CreateSecurityGroupRequest, Ecs.CreateSecurityGroupRequestTag, p))),
    describeSecurityGroups: async (p) => unwrap(await ecs().describeSecurityGroups(
      v7Request(Ecs.DescribeSecurityGroupsRequest, Ecs.DescribeSecurityGroupsRequestTag, p))),
    describeSecurityGroupAttribute: async (p) => unwrap(await ecs().describeSecurityGroupAttribute(
      v7Request(Ecs.DescribeSecurityGroupAttributeRequest, null, p))),
    modifySecurityGroupAttribute: async (p) => unwrap(await ecs().modifySecurityGroupAttribute(
      v7Request(Ecs.ModifySecurityGroupAttributeRequest, null, p))),
    modifySecurityGroupPolicy: async (p) => unwrap(await ecs().modifySecurityGroupPolicy(
      v7Request(Ecs.ModifySecurityGroupPolicyRequest, null, p))),
    deleteSecurityGroup: async (p) => unwrap(await ecs().deleteSecurityGroup(v7Request(Ecs.DeleteSecurityGroupRequest, null, p))),
    tagResources: async (p) => unwrap(await ecs().tagResources(v7Request(Ecs.TagResourcesRequest, Ecs.TagResourcesRequestTag, p))),
    untagResources: async (p) => unwrap(await ecs().untagResources(v7Request(Ecs.UntagResourcesRequest, null, p))),
    listTagResources: async (p) => unwrap(await ecs().listTagResources(
      v7Request(Ecs.ListTagResourcesRequest, Ecs.ListTagResourcesRequestTag, p, Ecs.ListTagResourcesRequestTagFilter))),
    // Rules, lists, instances and ENIs: strict requests (a parameter the SDK model cannot send is an error).
    ...Object.fromEntries(Object.entries(V7_STRICT_ACTIONS).map(([method, [Model, nested]]) =>
      [method, async (p) => unwrap(await ecs()[method](v7StrictRequest(name, Model, nested, p)))])),
  };
}

/**
 * The v7 ECS Actions built with v7StrictRequest: driver method → [request model, {array parameter: item model}]. The
 * SDK only sends the fields its models name, so a parameter outside the model fails the call instead of being dropped.
 */
const V7_STRICT_ACTIONS = {
  authorizeSecurityGroup: [Ecs.AuthorizeSecurityGroupRequest, { Permissions: Ecs.AuthorizeSecurityGroupRequestPermissions }],
  authorizeSecurityGroupEgress: [Ecs.AuthorizeSecurityGroupEgressRequest, { Permissions: Ecs.AuthorizeSecurityGroupEgressRequestPermissions }],
  revokeSecurityGroup: [Ecs.RevokeSecurityGroupRequest, { Permissions: Ecs.RevokeSecurityGroupRequestPermissions }],
  revokeSecurityGroupEgress: [Ecs.RevokeSecurityGroupEgressRequest, { Permissions: Ecs.RevokeSecurityGroupEgressRequestPermissions }],
  modifySecurityGroupRule: [Ecs.ModifySecurityGroupRuleRequest, {}],
  modifySecurityGroupEgressRule: [Ecs.ModifySecurityGroupEgressRuleRequest, {}],
  describeSecurityGroupReferences: [Ecs.DescribeSecurityGroupReferencesRequest, {}],
  createPrefixList: [Ecs.CreatePrefixListRequest, { Entry: Ecs.CreatePrefixListRequestEntry, Tag: Ecs.CreatePrefixListRequestTag }],
  describePrefixLists: [Ecs.DescribePrefixListsRequest, { Tag: Ecs.DescribePrefixListsRequestTag }],
  describePrefixListAttributes: [Ecs.DescribePrefixListAttributesRequest, {}],
  modifyPrefixList: [Ecs.ModifyPrefixListRequest, { AddEntry: Ecs.ModifyPrefixListRequestAddEntry, RemoveEntry: Ecs.ModifyPrefixListRequestRemoveEntry }],
  deletePrefixList: [Ecs.DeletePrefixListRequest, {}],
  describePrefixListAssociations: [Ecs.DescribePrefixListAssociationsRequest, {}],
  createPortRangeList: [Ecs.CreatePortRangeListRequest, { Entry: Ecs.CreatePortRangeListRequestEntry, Tag: Ecs.CreatePortRangeListRequestTag }],
  describePortRangeLists: [Ecs.DescribePortRangeListsRequest, { Tag: Ecs.DescribePortRangeListsRequestTag }],
  describePortRangeListEntries: [Ecs.DescribePortRangeListEntriesRequest, {}],
  modifyPortRangeList: [Ecs.ModifyPortRangeListRequest, {
    AddEntry: Ecs.ModifyPortRangeListRequestAddEntry, RemoveEntry: Ecs.ModifyPortRangeListRequestRemoveEntry,
  }],
  deletePortRangeList: [Ecs.DeletePortRangeListRequest, {}],
  describePortRangeListAssociations: [Ecs.DescribePortRangeListAssociationsRequest, {}],
  // Instances, ENIs and group membership.
  runInstances: [Ecs.RunInstancesRequest, { Tag: Ecs.RunInstancesRequestTag }],
  createInstance: [Ecs.CreateInstanceRequest, { Tag: Ecs.CreateInstanceRequestTag }],
  describeInstances: [Ecs.DescribeInstancesRequest, { Tag: Ecs.DescribeInstancesRequestTag }],
  startInstance: [Ecs.StartInstanceRequest, {}],
  stopInstance: [Ecs.StopInstanceRequest, {}],
  deleteInstance: [Ecs.DeleteInstanceRequest, {}],
  deleteInstances: [Ecs.DeleteInstancesRequest, {}],
  modifyInstanceAttribute: [Ecs.ModifyInstanceAttributeRequest, {}],
  joinSecurityGroup: [Ecs.JoinSecurityGroupRequest, {}],
  leaveSecurityGroup: [Ecs.LeaveSecurityGroupRequest, {}],
  createNetworkInterface: [Ecs.CreateNetworkInterfaceRequest, { Tag: Ecs.CreateNetworkInterfaceRequestTag }],
  describeNetworkInterfaces: [Ecs.DescribeNetworkInterfacesRequest, { Tag: Ecs.DescribeNetworkInterfacesRequestTag }],
  attachNetworkInterface: [Ecs.AttachNetworkInterfaceRequest, {}],
  detachNetworkInterface: [Ecs.DetachNetworkInterfaceRequest, {}],
  deleteNetworkInterface: [Ecs.DeleteNetworkInterfaceRequest, {}],
  assignPrivateIpAddresses: [Ecs.AssignPrivateIpAddressesRequest, {}],
  unassignPrivateIpAddresses: [Ecs.UnassignPrivateIpAddressesRequest, {}],
  modifyNetworkInterfaceAttribute: [Ecs.ModifyNetworkInterfaceAttributeRequest, {}],
  // Issue 18: status, VPC attributes, one ENI, IPv6.
  startInstances: [Ecs.StartInstancesRequest, {}],
  stopInstances: [Ecs.StopInstancesRequest, {}],
  rebootInstance: [Ecs.RebootInstanceRequest, {}],
  rebootInstances: [Ecs.RebootInstancesRequest, {}],
  describeInstanceStatus: [Ecs.DescribeInstanceStatusRequest, {}],
  modifyInstanceVpcAttribute: [Ecs.ModifyInstanceVpcAttributeRequest, {}],
  describeNetworkInterfaceAttribute: [Ecs.DescribeNetworkInterfaceAttributeRequest, {}],
  assignIpv6Addresses: [Ecs.AssignIpv6AddressesRequest, {}],
  unassignIpv6Addresses: [Ecs.UnassignIpv6AddressesRequest, {}],
};

/** PascalCase wire parameters → a v7 model; throws when the model has no such field (the SDK would silently drop it). */
function v7StrictModel(label, ModelClass, params) {
  const known = new Set(Object.keys(ModelClass.names()));
  const map = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const field = camel(key);
    if (!known.has(field)) {
      throw new Error(`${label}: the v7 SDK model ${ModelClass.name} has no field ${key}; this client cannot send it`);
    }
    map[field] = value;
  }
  return new ModelClass(map);
}

function v7StrictRequest(label, ModelClass, nested, params) {
  const converted = {};
  for (const [key, value] of Object.entries(params)) {
    converted[key] = nested[key] && Array.isArray(value)
      ? value.map((item) => v7StrictModel(label, nested[key], item))
      : value;
  }
  return v7StrictModel(label, ModelClass, converted);
}

function popDriver(name, method, account, endpoint = ENDPOINT) {
  const vpc = popClient({ account, endpoint, apiVersion: VPC_VERSION });
  const ecs = popClient({ account, endpoint, apiVersion: ECS_VERSION });
  const call = (client, action) => async (p) => plain(await client.request(action, stripUndefined(p), { method }));
  return {
    name,
    kind: 'pop',
    createVpc: call(vpc, 'CreateVpc'),
    describeVpcs: call(vpc, 'DescribeVpcs'),
    deleteVpc: call(vpc, 'DeleteVpc'),
    createVSwitch: call(vpc, 'CreateVSwitch'),
    describeVSwitches: call(vpc, 'DescribeVSwitches'),
    deleteVSwitch: call(vpc, 'DeleteVSwitch'),
    describeRegions: call(ecs, 'DescribeRegions'),
    createSecurityGroup: call(ecs, 'CreateSecurityGroup'),
    describeSecurityGroups: call(ecs, 'DescribeSecurityGroups'),
    describeSecurityGroupAttribute: call(ecs, 'DescribeSecurityGroupAttribute'),
    modifySecurityGroupAttribute: call(ecs, 'ModifySecurityGroupAttribute'),
    modifySecurityGroupPolicy: call(ecs, 'ModifySecurityGroupPolicy'),
    deleteSecurityGroup: call(ecs, 'DeleteSecurityGroup'),
    tagResources: call(ecs, 'TagResources'),
    untagResources: call(ecs, 'UntagResources'),
    listTagResources: call(ecs, 'ListTagResources'),
    ...Object.fromEntries(Object.keys(V7_STRICT_ACTIONS).map((m) => [m, call(ecs, m.charAt(0).toUpperCase() + m.slice(1))])),
  };
}

/** Drops undefined values, also inside arrays of objects (pop-core would send them as the string "undefined"). */
function stripUndefined(params) {
  const strip = (value) => (Array.isArray(value) ? value.map(strip)
    : value && typeof value === 'object' ? stripUndefined(value) : value);
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => [k, strip(v)]));
}

/**
 * The four ways the suite talks to the server: v7 ACS3, v7 HMAC-SHA1 (v2), pop-core GET (query), pop-core POST (form).
 * `endpoint` defaults to the Relaxed server (pass strictEndpoint() for the Strict one).
 */
export function drivers(account = ACCOUNTS.test, endpoint = ENDPOINT) {
  return [
    v7Driver('v7 SDK, ACS3-HMAC-SHA256, POST with query parameters', 'acs3', account, endpoint),
    v7Driver('v7 SDK, HMAC-SHA1 (signatureAlgorithm v2), POST with query parameters', 'v2', account, endpoint),
    popDriver('pop-core, HMAC-SHA1, GET with query parameters', 'GET', account, endpoint),
    popDriver('pop-core, HMAC-SHA1, POST with form body', 'POST', account, endpoint),
  ];
}

/** The default driver for set-up and checks (v7 ACS3 as account test). */
export const sdk = drivers()[0];

// ---------------------------------------------------------------------------------------------------------------
// Assertions
// ---------------------------------------------------------------------------------------------------------------

/** Asserts that `promiseOrFn` rejects with the Alibaba error `code` and HTTP `statusCode`, whichever client threw it. */
export async function assertAcsError(promiseOrFn, code, statusCode, label = '') {
  const promise = typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn;
  let error;
  try {
    const value = await promise;
    assert.fail(`${label ? label + ': ' : ''}expected error ${code} (${statusCode}), got success: ${JSON.stringify(value)}`);
  } catch (e) {
    if (e instanceof assert.AssertionError) throw e;
    error = e;
  }
  const context = `${label ? label + ': ' : ''}${error?.name}: ${error?.message}`;
  assert.equal(error.code, code, `error code (${context})`);
  assert.ok(error.data, `error carries the response body (${context})`);
  assert.equal(error.data.Code, code, `body Code (${context})`);
  assert.match(String(error.data.RequestId), UUID, `body RequestId (${context})`);
  assert.equal(typeof error.data.Message, 'string', `body Message (${context})`);
  if (error.entry) {
    // pop-core: no statusCode on the error, but the raw response is in entry.
    assert.equal(error.entry.response.statusCode, statusCode, `HTTP status (${context})`);
  } else {
    assert.equal(error.statusCode, statusCode, `HTTP status (${context})`);
  }
  return error;
}

export const UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/i;
export const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** Matches an Alibaba resource ID: the prefix, a dash and 20 lower-case letters or digits. */
export const resourceId = (prefix) => new RegExp(`^${prefix}-[a-z0-9]{20}$`);

/** Asserts that a CreationTime string is well formed and within `slackSeconds` of now. */
export function assertRecentTimestamp(value, slackSeconds = 120) {
  assert.match(value, TIMESTAMP);
  const delta = Math.abs(Date.parse(value) - Date.now()) / 1000;
  assert.ok(delta <= slackSeconds, `timestamp ${value} is ${delta}s away from now`);
}

// ---------------------------------------------------------------------------------------------------------------
// Plain HTTP, names, clean-up
// ---------------------------------------------------------------------------------------------------------------

/** Plain unsigned HTTP call to a server, e.g. rawFetch('/?Action=DescribeRegions&Version=2014-05-26'). */
export async function rawFetch(path, { endpoint = ENDPOINT, ...init } = {}) {
  const response = await fetch(`http://${endpoint}${path}`, init);
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** POST /_emulator/reset on the Relaxed server with {"AllAccounts": true}: empties the state of every account. */
export async function resetEmulator() {
  const r = await rawFetch('/_emulator/reset', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ AllAccounts: true }),
  });
  assert.equal(r.status, 200, `reset failed: ${r.text}`);
  assert.equal(r.json?.Status, 'Reset');
}

let counter = 0;
/** A name unique within this run, valid as VpcName/VSwitchName. */
export function uniqueName(prefix) {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

/** Clean-up errors worth a retry once the other resources are gone (a group still referenced, a list still in use). */
const RETRY_LATER = /^DependencyViolation|AssociationExist$/;

/**
 * Registers clean-up of created resources on test `t` (run after the test, even when it failed), in reverse
 * order, ignoring resources the test already deleted. A deletion refused because another resource still depends on
 * it (a referenced group, a VPC with groups, a list used by a rule) is retried after the others.
 */
export function cleanup(t, driver = sdk) {
  const tasks = [];
  t.after(async () => {
    let pending = tasks.reverse();
    while (pending.length > 0) {
      const retry = [];
      let lastError;
      for (const task of pending) {
        try {
          await task();
        } catch (e) {
          if (/NotFound$/.test(String(e.code))) continue;
          if (!RETRY_LATER.test(String(e.code))) throw e;
          retry.push(task);
          lastError = e;
        }
      }
      if (retry.length === pending.length) throw lastError;
      pending = retry;
    }
  });
  return {
    vpc: (VpcId) => tasks.push(() => driver.deleteVpc({ VpcId })),
    vSwitch: (VSwitchId) => tasks.push(() => driver.deleteVSwitch({ VSwitchId })),
    prefixList: (PrefixListId, RegionId = REGION) => tasks.push(() => driver.deletePrefixList({ RegionId, PrefixListId })),
    portRangeList: (PortRangeListId, RegionId = REGION) => tasks.push(() => driver.deletePortRangeList({ RegionId, PortRangeListId })),
    /** An instance, deleted with Force (whatever its state). */
    instance: (InstanceId) => tasks.push(() => driver.deleteInstance({ InstanceId, Force: true })),
    /** A secondary ENI, detached first when it is attached to an instance. */
    networkInterface: (NetworkInterfaceId, RegionId = REGION) => tasks.push(async () => {
      const listed = await driver.describeNetworkInterfaces({ RegionId, NetworkInterfaceId: [NetworkInterfaceId] });
      const eni = listed.NetworkInterfaceSets?.NetworkInterfaceSet?.[0];
      if (!eni) return;
      if (eni.InstanceId) await driver.detachNetworkInterface({ RegionId, NetworkInterfaceId, InstanceId: eni.InstanceId });
      await driver.deleteNetworkInterface({ RegionId, NetworkInterfaceId });
    }),
    /** A security group; a protected or managed one (account test only) has its flags cleared first. */
    securityGroup: (SecurityGroupId, RegionId = REGION) => tasks.push(async () => {
      try {
        await driver.deleteSecurityGroup({ RegionId, SecurityGroupId });
      } catch (e) {
        if (e.code !== 'InvalidOperation.DeletionProtection' && e.code !== 'InvalidOperation.ResourceManagedByCloudProduct') throw e;
        await setSecurityGroupFlags(SecurityGroupId, { ServiceManaged: false, DeletionProtection: false });
        await driver.deleteSecurityGroup({ RegionId, SecurityGroupId });
      }
    }),
  };
}

/**
 * POST /_emulator/security-groups/{id}/flags on the Relaxed server (acting as account test): sets ServiceManaged,
 * ServiceId and/or DeletionProtection (absent fields are unchanged). Returns the parsed 200 response.
 */
export async function setSecurityGroupFlags(SecurityGroupId, flags) {
  const r = await rawFetch(`/_emulator/security-groups/${encodeURIComponent(SecurityGroupId)}/flags`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(flags),
  });
  assert.equal(r.status, 200, `setting flags ${JSON.stringify(flags)} on ${SecurityGroupId} failed: ${r.status} ${r.text}`);
  return r.json;
}

// ---------------------------------------------------------------------------------------------------------------
// A minimal HMAC-SHA1 (signature version 1.0) signer, the algorithm pop-core uses, for requests the SDKs cannot
// be made to send (replayed nonce, stale timestamp, tampered parameter).
// ---------------------------------------------------------------------------------------------------------------

const rfc3986 = (value) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

/** Canonical query string (sorted, RFC 3986-encoded) of `params`. */
export function canonicalQuery(params) {
  return Object.keys(params).sort().map((k) => `${rfc3986(k)}=${rfc3986(String(params[k]))}`).join('&');
}

/** Alibaba's timestamp format, e.g. 2024-01-02T03:04:05Z. */
export const rpcTimestamp = (date = new Date()) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Returns `params` plus the common signed parameters (Format, Version, AccessKeyId, SignatureMethod,
 * SignatureVersion, SignatureNonce, Timestamp) and Signature, as a plain object.
 */
export function signRpc(params, { account = ACCOUNTS.test, method = 'GET', timestamp = new Date(), nonce = randomUUID() } = {}) {
  const all = {
    Format: 'JSON',
    AccessKeyId: account.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: nonce,
    Timestamp: rpcTimestamp(timestamp),
    ...params,
  };
  const stringToSign = `${method}&${rfc3986('/')}&${rfc3986(canonicalQuery(all))}`;
  const Signature = createHmac('sha1', account.accessKeySecret + '&').update(stringToSign).digest('base64');
  return { ...all, Signature };
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
