// The send policy over the whole bundled catalog, through the connection's
// door over real HTTP (a local server that counts what reaches it): every
// operation that needs a `:write` scope is a write, asked about with the whole
// request and not sent when declined, and refused by a read-only profile
// without asking or sending; every read is sent, unasked. Also: the calls
// named in issue 10, calls the catalog does not know, and an imported catalog.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledCatalog } from '../../../src/core/catalog/loadCatalog.js';
import { classifyRequest, planSend } from '../../../src/core/request/sendPolicy.js';
import { openConnection, type Connection } from '../../../src/core/connection.js';
import { NotSentError } from '../../../src/core/request/notSent.js';
import type { ConfirmRequest } from '../../../src/core/request/guardedClient.js';
import type { ApiRequest, HttpMethod } from '../../../src/core/http/types.js';
import type { CatalogOperation } from '../../../src/core/catalog/types.js';
import { importSpecFile } from '../../../src/core/catalog/importSpec.js';
import { writeImportedCatalog } from '../../../src/core/catalog/catalogStore.js';
import { startLocalServer, type LocalServer } from '../http/helpers/localServers.js';
import { tempHome } from '../../helpers/tempHome.js';
import { addProfile } from './profiles.js';

const catalog = bundledCatalog();
const ops = catalog.operations.filter((op) => !op.path.startsWith('/oauth2/'));
const needsWrite = (op: CatalogOperation): boolean => op.scopes.some((s) => s.endsWith(':write'));
const readOnlyScopes = (op: CatalogOperation): boolean => op.scopes.length > 0 && op.scopes.every((s) => s.endsWith(':read'));

/** A concrete call of the operation: path parameters filled in, a JSON body when it takes one. */
function callOf(op: CatalogOperation): ApiRequest {
  const path = op.path.replace(/\{[^}]+\}/g, 'id-1');
  return { method: op.method as HttpMethod, path, query: [['limit', '1']], ...(op.body ? { body: { json: { ids: ['id-1'] } } } : {}) };
}

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url.startsWith('/oauth2/token')) {
      res.statusCode = 201;
      res.end(JSON.stringify({ access_token: 'token-1', expires_in: 1799, token_type: 'bearer' }));
      return;
    }
    res.end(JSON.stringify({ meta: {}, resources: [], errors: [] }));
  });
});
afterAll(() => server.close());

/** Requests that reached the server, other than token requests. */
const apiCalls = (): number => server.requests.filter((r) => !r.url.startsWith('/oauth2/')).length;

function connect(readOnly: boolean, asks: ConfirmRequest[], answer = false): Connection {
  const { env } = tempHome();
  addProfile(env, { name: readOnly ? 'careful' : 'open', baseUrl: server.url, readOnly });
  return openConnection({ profile: readOnly ? 'careful' : 'open' }, {}, env, {
    confirm: async (ask) => {
      asks.push(ask);
      return answer;
    },
  });
}

describe('classification from the catalog, never from the path', () => {
  it('every operation that needs a :write scope is a write, whatever its method or path words', () => {
    const writes = ops.filter(needsWrite);
    expect(writes.length).toBeGreaterThan(550);
    for (const op of writes) expect(classifyRequest(op, catalog).writes, `${op.method} ${op.path}`).toBe(true);
    // Paths the old guess called read-only (/combined/, /queries/, /aggregates/) are writes when their scope says so.
    expect(writes.filter((op) => /\/(combined|queries|aggregates)\//.test(op.path)).length).toBeGreaterThan(20);
  });

  it('every operation that needs only :read scopes is a read, POST queries included', () => {
    const reads = ops.filter(readOnlyScopes);
    expect(reads.filter((op) => op.method === 'POST').length).toBeGreaterThan(100);
    for (const op of reads) expect(classifyRequest(op, catalog).writes, `${op.method} ${op.path}`).toBe(false);
  });

  it('a call the catalog does not know is a write unless it is a GET', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const effect = classifyRequest({ method, path: '/made-up/queries/things/v1' }, catalog);
      expect(effect).toMatchObject({ writes: true, because: `${method} /made-up/queries/things/v1 is not in the catalog, so talon treats it as a write` });
    }
    expect(classifyRequest({ method: 'GET', path: '/made-up/entities/things/v1' }, catalog).writes).toBe(false);
  });

  it('a read-only profile is refused with one sentence naming the operation and its scope', () => {
    const req: ApiRequest = { method: 'POST', path: '/real-time-response/combined/batch-admin-command/v1', body: { json: { base_command: 'rm' } } };
    const plan = planSend(req, { name: 'careful', readOnly: true }, catalog);
    expect(plan).toMatchObject({
      action: 'refuse',
      reason: "Refused by the read-only profile 'careful': batchAdminCmd needs real-time-response-admin:write (POST /real-time-response/combined/batch-admin-command/v1); use another profile.",
    });
  });
});

/** Runs `fn` over `items`, `width` at a time (keep-alive connections in parallel: the catalog is large). */
async function eachConcurrently<T>(items: readonly T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await fn(items[next++] as T);
  }));
}

const key = (method: string, url: string): string => `${method} ${url}`;
const isWrite = (op: CatalogOperation): boolean => needsWrite(op) || (!readOnlyScopes(op) && op.method !== 'GET' && op.method !== 'HEAD');

describe('the door over the whole bundled catalog (real HTTP)', () => {
  it('asks before every write, showing the whole request, and sends nothing when declined; sends every read unasked', async () => {
    const asks: ConfirmRequest[] = [];
    const conn = connect(false, asks);
    const seen = server.requests.length;
    const outcomes = new Map<string, unknown>();
    try {
      await eachConcurrently(ops, 16, async (op) => {
        outcomes.set(key(op.method, op.path), await conn.client.request(callOf(op)).then((r) => r.status, (e: unknown) => e));
      });
    } finally {
      await conn.close();
    }
    const reached = server.requests.slice(seen).filter((r) => !r.url.startsWith('/oauth2/')).map((r) => key(r.method, r.url));
    const asked = new Map(asks.map((a) => [key(a.request.method, a.request.path), a]));
    const writes = ops.filter(isWrite);
    expect(writes.length).toBeGreaterThan(550);
    for (const op of ops) {
      const label = key(op.method, op.path);
      const req = callOf(op);
      const url = `${req.path}?limit=1`;
      if (isWrite(op)) {
        expect(outcomes.get(label), label).toMatchObject({ name: 'NotSentError', reason: 'cancelled' });
        const ask = asked.get(key(op.method, req.path));
        expect(ask?.lines[0], label).toBe(`${op.method} ${server.url}${url}`);
        if (op.body) expect(ask?.lines, label).toContain('body:');
        expect(reached, label).not.toContain(key(op.method, url));
      } else {
        expect(outcomes.get(label), label).toBe(200);
        expect(asked.has(key(op.method, req.path)), label).toBe(false);
        expect(reached.filter((r) => r === key(op.method, url)).length, label).toBeGreaterThanOrEqual(1);
      }
    }
    expect(asks.length).toBe(writes.length);
    expect(reached.length).toBe(ops.length - writes.length);
  });

  it('a read-only profile refuses every write without asking or sending, and still sends reads (every POST query)', async () => {
    const asks: ConfirmRequest[] = [];
    const conn = connect(true, asks, true);
    const seen = server.requests.length;
    const outcomes = new Map<string, unknown>();
    // Every write, and the reads that are not GETs (the GETs were sent in the test above).
    const tried = ops.filter((op) => isWrite(op) || op.method !== 'GET');
    try {
      await eachConcurrently(tried, 16, async (op) => {
        outcomes.set(key(op.method, op.path), await conn.client.request(callOf(op)).then((r) => r.status, (e: unknown) => e));
      });
    } finally {
      await conn.close();
    }
    const reached = server.requests.slice(seen).filter((r) => !r.url.startsWith('/oauth2/')).map((r) => key(r.method, r.url));
    for (const op of tried) {
      const label = key(op.method, op.path);
      const url = `${callOf(op).path}?limit=1`;
      if (isWrite(op)) {
        const e = outcomes.get(label);
        expect(e, label).toBeInstanceOf(NotSentError);
        expect((e as NotSentError).message, label).toMatch(/^Refused by the read-only profile 'careful': /);
        expect((e as NotSentError).exitCode, label).toBe(2);
        expect(reached, label).not.toContain(key(op.method, url));
      } else {
        expect(outcomes.get(label), label).toBe(200);
      }
    }
    expect(asks).toEqual([]);
    expect(reached.length).toBe(tried.filter((op) => !isWrite(op)).length);
    expect(reached.filter((r) => r.startsWith('POST ')).length).toBeGreaterThan(100);
  });

  it('the calls named in issue 10 need confirmation; read POSTs do not', async () => {
    const asks: ConfirmRequest[] = [];
    const conn = connect(false, asks, true);
    const writes: ApiRequest[] = [
      { method: 'POST', path: '/real-time-response/combined/batch-admin-command/v1', body: { json: { base_command: 'runscript', batch_id: 'b1' } } },
      { method: 'POST', path: '/real-time-response/combined/batch-active-responder-command/v1', body: { json: { base_command: 'get', batch_id: 'b1' } } },
      { method: 'POST', path: '/real-time-response/combined/batch-get-command/v1', body: { json: { batch_id: 'b1', file_path: 'C:\\x' } } },
      { method: 'POST', path: '/policy/combined/reveal-uninstall-token/v1', body: { json: { device_id: 'd1' } } },
      { method: 'POST', path: '/iocs/entities/indicators/v1', body: { json: { indicators: [] } } },
      { method: 'POST', path: '/api-clients/entities/api-clients/v1', body: { json: { name: 'x' } } },
    ];
    try {
      for (const req of writes) {
        const before = apiCalls();
        await conn.client.request(req);
        expect(asks.map((a) => a.request.path), req.path).toContain(req.path);
        expect(asks[asks.length - 1]?.title).toMatch(/^This call changes the tenant: \w+ needs [\w-]+:write/);
        expect(apiCalls()).toBe(before + 1);
      }
      const asked = asks.length;
      for (const path of ['/alerts/combined/alerts/v1', '/devices/entities/devices/v2', '/real-time-response/combined/batch-command/v1']) {
        await conn.client.request({ method: 'POST', path, body: { json: {} } });
      }
      expect(asks.length).toBe(asked);
    } finally {
      await conn.close();
    }
  });
});

describe('an imported catalog decides for its profile', () => {
  it('a POST query the imported spec marks :read is sent; under the bundled catalog it is a write', async () => {
    const { env, home } = tempHome();
    const spec = join(home, 'widgets.json');
    writeFileSync(
      spec,
      JSON.stringify({
        swagger: '2.0',
        info: { title: 'widgets', version: '1' },
        securityDefinitions: { oauth2: { type: 'oauth2', flow: 'application', tokenUrl: '/oauth2/token', scopes: {} } },
        paths: {
          '/widgets/queries/widgets/v1': { post: { operationId: 'queryWidgets', security: [{ oauth2: ['widgets:read'] }], responses: { 200: { description: 'ok' } } } },
          '/widgets/entities/widgets-actions/v1': { post: { operationId: 'actOnWidgets', security: [{ oauth2: ['widgets:write'] }], responses: { 200: { description: 'ok' } } } },
        },
      }),
    );
    writeImportedCatalog('imported', await importSpecFile(spec), env);
    addProfile(env, { name: 'imported', baseUrl: server.url, readOnly: true });
    addProfile(env, { name: 'bundled', baseUrl: server.url, readOnly: true });
    const imported = openConnection({ profile: 'imported' }, {}, env);
    const bundled = openConnection({ profile: 'bundled' }, {}, env);
    try {
      const query: ApiRequest = { method: 'POST', path: '/widgets/queries/widgets/v1', body: { json: {} } };
      expect((await imported.client.request(query)).status).toBe(200);
      await expect(imported.client.request({ method: 'POST', path: '/widgets/entities/widgets-actions/v1', body: { json: {} } })).rejects.toThrow(
        "Refused by the read-only profile 'imported': actOnWidgets needs widgets:write",
      );
      await expect(bundled.client.request(query)).rejects.toThrow('is not in the catalog, so talon treats it as a write');
    } finally {
      await imported.close();
      await bundled.close();
    }
  });
});
