// Walks a raw (PascalCase) JSON response body against the official v7 SDK's response model, for
// response-models.test.mjs. Each SDK model class has static names() (camelCase -> wire name) and types() (camelCase ->
// 'string' | 'number' | 'boolean' | 'any' | a model class | { type: 'array', itemType } | { type: 'map', ... }).
//
// What it checks (the strictness is deliberate; response-models.test.mjs fails on everything reported here except the
// documented absences of response-model-exceptions.mjs):
//   - containers, i.e. fields whose type is an array or a model class with a container inside (the list wrappers
//     such as Tags: {Tag: [...]}, and objects holding them such as VpcAttributes): present, not null, of the right
//     JSON kind (object / array); walked into (each array item when the item type is a model class). A missing
//     container is a problem unless the exceptions file lists it.
//   - "option objects", model classes whose fields are all scalars (SecurityOptions, Placement, DataSource, ...):
//     absent ones are reported in absentOptionObjects; null is a problem; present ones are walked like any object.
//   - scalars: a 'number' field that is present must be a JSON number, a 'boolean' field a JSON boolean, a 'string'
//     field a JSON string. Missing ones are reported in missingScalars.
//   - fields the model does not declare are reported in extraFields.
//   - numbers written as integral floats ("Count": 2.0) are problems: Alibaba sends integers there and Go clients
//     (Terraform) that assert an integer panic on a float.
import http from 'node:http';

const isModel = (type) => typeof type === 'function' && typeof type.names === 'function';
const isArray = (type) => type !== null && typeof type === 'object' && type.type === 'array';
const isMap = (type) => type !== null && typeof type === 'object' && type.type === 'map';
/** A model object whose fields are all scalars (an "options" object such as SecurityOptions or Placement). */
const isLeafObject = (Model) => Object.values(Model.types()).every((t) => !isModel(t) && !isArray(t));
const kindOf = (value) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/**
 * Walks `json` against `Model`. `path` names the place (e.g. 'DescribeInstances' then '.Instances.Instance[].Tags').
 * `isExcepted(path)` tells whether a missing container is a documented exception.
 * Returns { problems: string[], missingScalars: Set<string>, absentOptionObjects: Set<string>, containersSeen: number }.
 */
export function walkResponse(Model, json, path, isExcepted = () => false) {
  const result = { problems: [], missingScalars: new Set(), absentOptionObjects: new Set(), extraFields: new Set(), containersSeen: 0 };
  walkModel(Model, json, path, isExcepted, result);
  return result;
}

function walkModel(Model, json, path, isExcepted, result) {
  if (kindOf(json) !== 'object') {
    result.problems.push(`${path}: expected an object, got ${kindOf(json)}`);
    return;
  }
  const names = Model.names();
  const types = Model.types();
  const declared = new Set();
  for (const [key, type] of Object.entries(types)) {
    const wire = names[key] ?? key;
    declared.add(wire);
    walkValue(type, json[wire], `${path}.${wire}`, isExcepted, result);
  }
  for (const wire of Object.keys(json)) {
    if (!declared.has(wire)) result.extraFields.add(`${path}.${wire}`);
  }
}

function walkValue(type, value, path, isExcepted, result) {
  if (isModel(type) || isArray(type)) {
    if (value === undefined || value === null) {
      if (isModel(type) && isLeafObject(type)) {
        if (value === null) result.problems.push(`${path}: null, expected an object or nothing`);
        else result.absentOptionObjects.add(path);
        return;
      }
      if (!isExcepted(path)) result.problems.push(`${path}: container missing (${kindOf(value)}), expected ${isArray(type) ? 'an array' : 'an object'}`);
      return;
    }
    result.containersSeen++;
    if (isModel(type)) {
      walkModel(type, value, path, isExcepted, result);
      return;
    }
    if (!Array.isArray(value)) {
      result.problems.push(`${path}: expected an array, got ${kindOf(value)}`);
      return;
    }
    value.forEach((item) => walkItem(type.itemType, item, `${path}[]`, isExcepted, result));
    return;
  }
  if (value === undefined) {
    if (type === 'string' || type === 'number' || type === 'boolean') result.missingScalars.add(path);
    return;
  }
  if (isMap(type)) {
    if (kindOf(value) !== 'object') result.problems.push(`${path}: expected an object (map), got ${kindOf(value)}`);
    return;
  }
  if ((type === 'number' || type === 'boolean' || type === 'string') && kindOf(value) !== type) {
    result.problems.push(`${path}: expected a ${type}, got ${kindOf(value)} ${JSON.stringify(value)}`);
  }
}

function walkItem(itemType, item, path, isExcepted, result) {
  if (isModel(itemType)) {
    walkModel(itemType, item, path, isExcepted, result);
  } else if (isArray(itemType)) {
    walkValue(itemType, item, path, isExcepted, result);
  } else if (typeof itemType === 'string' && itemType !== 'any' && kindOf(item) !== itemType) {
    result.problems.push(`${path}: expected a ${itemType} item, got ${kindOf(item)} ${JSON.stringify(item)}`);
  }
}

/** Numbers written with a fractional zero part ("Count": 2.0) in a raw body: Alibaba writes integers there. */
export function integralFloats(rawBody) {
  const found = [];
  for (const m of rawBody.matchAll(/"([A-Za-z0-9]+)"\s*:\s*-?\d+\.0+(?=[,}\]\s])/g)) found.push(m[0]);
  return found;
}

/**
 * Builds an SDK request model from PascalCase wire parameters, recursively (lists of models such as Permissions or
 * Tag), so recipes read like the wire and the SDK's own model is what gets sent.
 */
export function requestFromWire(RequestClass, params) {
  const byWire = new Map(Object.entries(RequestClass.names()).map(([camel, wire]) => [wire, camel]));
  const types = RequestClass.types();
  const map = {};
  for (const [wire, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const camel = byWire.get(wire);
    if (!camel) throw new Error(`${RequestClass.name} has no parameter ${wire}`);
    const type = types[camel];
    if (isModel(type)) map[camel] = requestFromWire(type, value);
    else if (isArray(type) && isModel(type.itemType)) map[camel] = value.map((v) => requestFromWire(type.itemType, v));
    else map[camel] = value;
  }
  return new RequestClass(map);
}

/**
 * A recording pass-through proxy: the SDK client talks to it, it forwards to `target` (host:port) and keeps the
 * last raw response (status and body text), so the walker sees exactly the JSON the SDK parsed.
 */
export async function startRecorder(target) {
  const [host, port] = target.split(':');
  const state = { last: null };
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const upstream = http.request({ host, port: Number(port), method: req.method, path: req.url, headers: req.headers }, (up) => {
        const body = [];
        up.on('data', (c) => body.push(c));
        up.on('end', () => {
          const text = Buffer.concat(body).toString('utf8');
          state.last = { status: up.statusCode, body: text };
          res.writeHead(up.statusCode, up.headers);
          res.end(text);
        });
      });
      upstream.on('error', (err) => { res.writeHead(502); res.end(String(err)); });
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `127.0.0.1:${server.address().port}`,
    take() { const last = state.last; state.last = null; return last; },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
