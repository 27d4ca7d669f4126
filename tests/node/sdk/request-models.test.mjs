// Every served Action's Swagger parameters against the official v7 SDK's request model (issue 18 item 4).
//
// The served Actions come from the server's own Swagger document (one path '/?Action=X&Version=V' each); the request
// model is the SDK class '<Action>Request' of that API version, whose static names() maps every field to its wire name
// and types() gives its shape. Every top-level wire name must be declared as a Swagger parameter, in its flattened form:
//   - a scalar 'Foo' as 'Foo';
//   - a list 'Foo' as 'Foo.1' (a list of scalars) or 'Foo.1.Bar' (a list of objects);
//   - an object 'Foo' as 'Foo.Bar'.
// Not required:
//   - COMMON: the owner parameters (OwnerId, OwnerAccount, ResourceOwnerId, ResourceOwnerAccount). Every request type
//     inherits them (Api/Common/CommonParameters.cs: accepted and ignored, the account comes from the AccessKey) and
//     the Swagger generator leaves them out of every Action alike (WireParameters.Ignored) rather than repeat four
//     meaningless parameters on each of 100 operations; docs/actions.md says so once.
//   - KNOWN_EXCEPTIONS below, each with its reason. Keep it short: prefer declaring the parameter.
// A parameter declared but without effect here says so in its Swagger description ("Accepted; no effect here").
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ECS_VERSION, Ecs, ENDPOINT, VPC_VERSION, Vpc } from './clients.mjs';

export const COMMON = new Set(['OwnerId', 'OwnerAccount', 'ResourceOwnerId', 'ResourceOwnerAccount']);

/** '<Action>@<Version>.<WireName>' -> why Swagger does not declare it. */
export const KNOWN_EXCEPTIONS = new Map([
]);

const MODULES = { [ECS_VERSION]: Ecs, [VPC_VERSION]: Vpc };

/** The served Actions and their Swagger parameter names, from the server's own Swagger document. */
async function servedActions() {
  const response = await fetch(`http://${ENDPOINT}/swagger/v1/swagger.json`);
  assert.equal(response.status, 200, 'GET /swagger/v1/swagger.json');
  const doc = await response.json();
  const actions = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    const m = /^\/\?Action=([A-Za-z0-9]+)&Version=(\d{4}-\d{2}-\d{2})$/.exec(path);
    if (!m) continue;
    const names = new Set();
    for (const operation of Object.values(item)) {
      for (const p of operation?.parameters ?? []) names.add(p.name);
    }
    actions.push({ action: m[1], version: m[2], names });
  }
  return actions;
}

/** The shape of one SDK field type: 'list' (array), 'object' (a model class) or 'scalar'. */
function shape(type) {
  if (type && typeof type === 'object' && type.type === 'array') return 'list';
  if (type && typeof type === 'object' && type.type === 'map') return 'object';
  if (typeof type === 'function') return 'object';
  return 'scalar';
}

function declared(wire, kind, names) {
  const all = [...names];
  if (kind === 'list') return all.some((n) => n === `${wire}.1` || n.startsWith(`${wire}.1.`));
  if (kind === 'object') return all.some((n) => n.startsWith(`${wire}.`));
  return names.has(wire);
}

/** The wire names the SDK request model declares that the Swagger operation does not. */
export function missingParameters({ action, version, names }) {
  const model = MODULES[version]?.[`${action}Request`];
  if (!model) return { model: false, missing: [] };
  const wireNames = model.names();
  const types = model.types();
  const missing = [];
  for (const [field, wire] of Object.entries(wireNames)) {
    if (COMMON.has(wire) || KNOWN_EXCEPTIONS.has(`${action}@${version}.${wire}`)) continue;
    if (!declared(wire, shape(types[field]), names)) missing.push(wire);
  }
  return { model: true, missing };
}

let served = [];
before(async () => { served = await servedActions(); });

describe('Swagger declares every parameter of the SDK request model', () => {
  test('the Swagger document lists the served Actions', () => {
    assert.ok(served.length >= 50, `only ${served.length} Actions found in the Swagger document`);
  });

  test('every served Action has an SDK request model', () => {
    const without = served.filter((s) => !missingParameters(s).model).map((s) => `${s.action}@${s.version}`);
    assert.deepEqual(without, []);
  });

  test('every request-model parameter is a Swagger parameter (apart from the common and the listed exceptions)', () => {
    const gaps = {};
    let count = 0;
    for (const s of served) {
      const { missing } = missingParameters(s);
      if (missing.length) { gaps[`${s.action}@${s.version}`] = missing; count += missing.length; }
    }
    assert.deepEqual(gaps, {}, `${count} parameters missing in ${Object.keys(gaps).length} Actions`);
  });

  test('every listed exception is still needed (names a served Action and a parameter its model declares)', () => {
    for (const key of KNOWN_EXCEPTIONS.keys()) {
      const [actionVersion, wire] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
      const s = served.find((x) => `${x.action}@${x.version}` === actionVersion);
      assert.ok(s, `${key}: Action not served`);
      const [action, version] = actionVersion.split('@');
      const model = MODULES[version][`${action}Request`];
      assert.ok(Object.values(model.names()).includes(wire), `${key}: not in the SDK model`);
    }
  });
});

after(() => {});
