// The HTTP client against the real simulator and small local servers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/core/http/httpClient.js';
import { envelopeOf } from '../../../src/core/http/types.js';
import { TALON_VERSION } from '../../../src/core/version.js';
import { startHarness, type SimHarness } from '../../helpers/simClient.js';
import { startLocalServer, type LocalServer } from './helpers/localServers.js';

// Both stacks: node:http (one-shot commands) and undici (the shell, proxies).
describe.each(['node', 'undici'] as const)('%s stack', (stack) => {
  describe('HttpClient against the simulator', () => {
    let h: SimHarness;
    let client: HttpClient;
    let auth: Record<string, string>;

    beforeAll(async () => {
      h = await startHarness();
      client = new HttpClient({ baseUrl: h.sim.url, env: {}, stack });
      auth = { Authorization: `Bearer ${await h.token()}` };
    });
    afterAll(async () => {
      await client.close();
      await h.close();
    });

    it('returns a GET as a value: status, headers, timing, size, trace id, rate limit, parsed body', async () => {
      const res = await client.request({ method: 'GET', path: '/devices/queries/devices/v1', query: [['limit', '5']], headers: auth });
      expect(res.status).toBe(200);
      expect(res.method).toBe('GET');
      expect(res.url).toBe(`${h.sim.url}/devices/queries/devices/v1?limit=5`);
      expect(res.attempts).toBe(1);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.durationMs).toBeGreaterThan(0);
      expect(res.size).toBe(Number(res.headers['content-length']));
      expect(res.body.kind).toBe('json');
      const env = envelopeOf(res);
      expect(env?.resources).toHaveLength(5);
      expect(res.traceId).toBe(env?.meta?.trace_id);
      expect(res.rateLimitLimit).toBe(6000);
      expect(res.rateLimitRemaining).toBeGreaterThan(5000);
    });

    it('returns error statuses as values, not exceptions', async () => {
      const res = await client.request({ method: 'GET', path: '/devices/queries/devices/v1' });
      expect(res.status).toBe(401);
      expect(envelopeOf(res)?.errors?.[0]?.message).toBe('access denied, invalid bearer token');
    });

    it('sends FQL "+" (AND) and spaces intact, and repeated keys in order', async () => {
      const hosts = [...h.sim.tenant.hosts.values()];
      const win = hosts.find((x) => x.platform_name === 'Windows' && x.status === 'normal');
      expect(win).toBeDefined();
      const filter = `platform_name:'Windows'+hostname:'${win?.hostname}'`;
      const res = await client.request({ method: 'GET', path: '/devices/queries/devices/v1', query: [['filter', filter]], headers: auth });
      expect(res.status).toBe(200);
      expect(envelopeOf(res)?.resources).toEqual([win?.device_id]);

      const ids = hosts.slice(0, 3).map((x) => x.device_id);
      const details = await client.request({
        method: 'GET',
        path: '/devices/entities/devices/v2',
        query: ids.map((id) => ['ids', id] as const),
        headers: auth,
      });
      expect(details.status).toBe(200);
      expect((envelopeOf(details)?.resources as { device_id: string }[]).map((r) => r.device_id).sort()).toEqual([...ids].sort());
    });

    it('sends JSON bodies (POST) with a JSON content type', async () => {
      const ids = [...h.sim.tenant.hosts.keys()].slice(0, 2);
      const res = await client.request({ method: 'POST', path: '/devices/entities/devices/v2', body: { json: { ids } }, headers: auth });
      expect(res.status).toBe(200);
      expect(envelopeOf(res)?.resources).toHaveLength(2);
    });

    it('sends form bodies urlencoded (the token call)', async () => {
      const c = h.sim.clients.demo;
      const res = await client.request({ method: 'POST', path: '/oauth2/token', body: { form: { client_id: c.id, client_secret: c.secret } } });
      expect(res.status).toBe(201);
      expect((res.body as { value: { access_token: string } }).value.access_token).toBeTruthy();
    });
  });

  describe('HttpClient against a local server', () => {
    let server: LocalServer;
    let client: HttpClient;

    beforeAll(async () => {
      server = await startLocalServer((req, res) => {
        const send = (type: string, body: string | Buffer) => {
          res.setHeader('Content-Type', type);
          res.end(body);
        };
        if (req.url === '/text') return send('text/plain; charset=utf-8', 'plain words');
        if (req.url === '/bytes') return send('application/octet-stream', Buffer.from([0, 1, 2, 254]));
        if (req.url === '/problem') return send('application/problem+json', '{"title":"nope","meta":{"trace_id":"t-1"}}');
        if (req.url === '/broken-json') return send('application/json', '{"half":');
        if (req.url === '/empty') {
          res.statusCode = 204;
          return res.end();
        }
        send('application/json', JSON.stringify({ path: req.url, headers: req.headers, body: req.body }));
      });
      client = new HttpClient({ baseUrl: `${server.url}/prefix/`, env: {}, stack });
    });
    afterAll(async () => {
      await client.close();
      await server.close();
    });

    it('keeps text as text, other types as bytes, parses +json, and tolerates broken JSON', async () => {
      const base = new HttpClient({ baseUrl: server.url, env: {}, stack });
      try {
        expect((await base.request({ method: 'GET', path: '/text' })).body).toEqual({ kind: 'text', value: 'plain words' });
        const bytes = await base.request({ method: 'GET', path: '/bytes' });
        expect(bytes.body).toEqual({ kind: 'bytes', value: new Uint8Array([0, 1, 2, 254]) });
        expect(bytes.size).toBe(4);
        const problem = await base.request({ method: 'GET', path: '/problem' });
        expect(problem.body).toEqual({ kind: 'json', value: { title: 'nope', meta: { trace_id: 't-1' } } });
        expect(problem.traceId).toBe('t-1');
        expect((await base.request({ method: 'GET', path: '/broken-json' })).body).toEqual({ kind: 'text', value: '{"half":' });
        const empty = await base.request({ method: 'GET', path: '/empty' });
        expect(empty.status).toBe(204);
        expect(empty.body).toEqual({ kind: 'empty' });
      } finally {
        await base.close();
      }
    });

    it('joins a base URL path prefix and encodes the query with %20 and %2B', async () => {
      const res = await client.request({ method: 'GET', path: 'echo', query: [['filter', "a:'x y'+b:'z'"], ['k', 'v&w=1']] });
      const seen = (res.body as { value: { path: string } }).value.path;
      expect(seen).toBe("/prefix/echo?filter=a%3A'x%20y'%2Bb%3A'z'&k=v%26w%3D1");
    });

    it('sends talon/VERSION as user agent, Accept JSON, and caller headers', async () => {
      const res = await client.request({ method: 'POST', path: '/echo', body: { json: { a: 1 } }, headers: { 'X-Extra': 'yes' } });
      const { headers, body } = (res.body as { value: { headers: Record<string, string>; body: string } }).value;
      expect(headers['user-agent']).toBe(`talon/${TALON_VERSION}`);
      expect(TALON_VERSION).toMatch(/^\d+\.\d+\.\d+/);
      expect(headers.accept).toBe('application/json');
      expect(headers['content-type']).toBe('application/json');
      expect(headers['x-extra']).toBe('yes');
      expect(body).toBe('{"a":1}');
    });

    it('reuses one keep-alive connection for sequential requests', async () => {
      const before = server.connections();
      const fresh = new HttpClient({ baseUrl: server.url, env: {}, stack });
      try {
        for (let i = 0; i < 5; i++) expect((await fresh.request({ method: 'GET', path: '/text' })).status).toBe(200);
        expect(server.connections() - before).toBe(1);
      } finally {
        await fresh.close();
      }
    });
  });
});
