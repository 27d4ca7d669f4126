// The wire styles of Terraform's alicloud provider, re-enacted (no Terraform binary here): its tea-rpc client
// (`client.RpcPost`: common parameters and the HMAC-SHA1 Signature in the query, business parameters in a form body)
// and the older query-only GET style (`client.RpcGet`). The provider's own retry, wait and "404 means gone" logic lives
// in each flow test, next to the calls it wraps.
import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import { ACCOUNTS, ECS_VERSION, VPC_VERSION, canonicalQuery, rpcTimestamp } from '../sdk/clients.mjs';

export { ECS_VERSION, VPC_VERSION };

const rfc3986 = (value) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

/** Flattens `{Tag: [{Key, Value}], SecurityGroupIds: ['a']}` into `Tag.1.Key=…`, `SecurityGroupIds.1=…` (the provider's convertListToCommaSeparate / flattening). */
export function flatten(params, prefix = '', into = {}) {
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    const name = prefix ? `${prefix}.${key}` : key;
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (item !== null && typeof item === 'object') flatten(item, `${name}.${i + 1}`, into);
        else into[`${name}.${i + 1}`] = String(item);
      });
    } else if (typeof value === 'object') {
      flatten(value, name, into);
    } else {
      into[name] = String(value);
    }
  }
  return into;
}

/**
 * A client in the provider's style. `endpoint` is `host:port`; `protocol` `http` or `https` (the provider's rule
 * resources hard-code HTTPS). Every call resolves to `{ status, body }`; an Alibaba error rejects with an Error that
 * carries `code`, `statusCode` and `data`, as the provider's `IsExpectedErrors` sees them.
 */
export function tfClient({ endpoint, protocol = 'http', account = ACCOUNTS.test } = {}) {
  const base = `${protocol}://${endpoint}`;

  function common(action, version) {
    return {
      Action: action,
      Version: version,
      Format: 'json',
      Timestamp: rpcTimestamp(),
      SignatureNonce: randomUUID().replace(/-/g, ''),
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      AccessKeyId: account.accessKeyId,
    };
  }

  function sign(method, all) {
    const stringToSign = `${method}&${rfc3986('/')}&${rfc3986(canonicalQuery(all))}`;
    return createHmac('sha1', account.accessKeySecret + '&').update(stringToSign).digest('base64');
  }

  async function send(url, init) {
    const response = await fetch(url, init);
    const text = await response.text();
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      assert.fail(`not JSON (${response.status}): ${text}`);
    }
    if (response.status >= 400 || (body.Code && body.Message)) {
      const error = new Error(`${body.Code}: ${body.Message}`);
      Object.assign(error, { code: body.Code, statusCode: response.status, data: body });
      throw error;
    }
    return { status: response.status, body };
  }

  return {
    /** tea-rpc `RpcPost`: common parameters and Signature in the query, business parameters in a form body. */
    async rpcPost(action, version, params = {}) {
      const query = common(action, version);
      const form = flatten(params);
      const Signature = sign('POST', { ...query, ...form });
      return send(`${base}/?${canonicalQuery({ ...query, Signature })}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: canonicalQuery(form),
      });
    },
    /** The older query-only style (`RpcGet`): everything in the query of a GET. */
    async rpcGet(action, version, params = {}) {
      const all = { ...common(action, version), ...flatten(params) };
      const Signature = sign('GET', all);
      return send(`${base}/?${canonicalQuery({ ...all, Signature })}`, { method: 'GET' });
    },
  };
}

/** The provider's `resource.Retry` around a call: retries while the error code is one of `codes`, up to `attempts`. */
export async function retryOn(codes, fn, { attempts = 5, delayMs = 50 } = {}) {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (error) {
      if (i >= attempts || !codes.includes(error.code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

/** The provider's `StateRefreshFunc` wait: polls `read` until `field(body)` is one of `targets`. */
export async function waitFor(read, field, targets, { attempts = 20, delayMs = 50 } = {}) {
  let last;
  for (let i = 0; i < attempts; i++) {
    last = field((await read()).body);
    if (targets.includes(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
  assert.fail(`waited for ${targets.join('|')}, last saw ${last}`);
}
