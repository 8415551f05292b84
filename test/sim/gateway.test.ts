import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { startHarness, type SimHarness } from '../helpers/simClient.js';

/** Raw response header names as sent on the wire (fetch lowercases them). */
function rawHeaderNames(url: string, token: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { Authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      resolve(res.rawHeaders.filter((_, i) => i % 2 === 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('gateway behaviour', () => {
  let h: SimHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('wraps answers in the standard envelope with trace id in body and header', async () => {
    const r = await h.api('GET', '/devices/queries/devices/v1', { query: { limit: 3 } });
    expect(r.status).toBe(200);
    expect(Object.keys(r.json).sort()).toEqual(['errors', 'meta', 'resources']);
    expect(r.json.meta).toMatchObject({ powered_by: 'device-api', pagination: { offset: 3, limit: 3, total: 500 } });
    expect(typeof r.json.meta.query_time).toBe('number');
    expect(r.headers.get('x-cs-traceid')).toBe(r.json.meta.trace_id);
    expect(r.headers.get('content-type')).toBe('application/json');
  });

  it('spells the headers exactly as the real API does', async () => {
    const names = await rawHeaderNames(`${h.sim.url}/devices/queries/devices/v1`, await h.token());
    expect(names).toEqual(expect.arrayContaining(['X-Cs-Traceid', 'X-Ratelimit-Limit', 'X-Ratelimit-Remaining']));
  });

  it('counts down X-Ratelimit-Remaining from the limit', async () => {
    const a = await h.api('GET', '/devices/queries/devices/v1');
    const b = await h.api('GET', '/devices/queries/devices/v1');
    expect(a.headers.get('x-ratelimit-limit')).toBe('6000');
    expect(Number(b.headers.get('x-ratelimit-remaining'))).toBe(Number(a.headers.get('x-ratelimit-remaining')) - 1);
  });

  it('answers a missing token with 401 and the gateway body', async () => {
    const r = await h.api('GET', '/devices/queries/devices/v1', { token: null });
    expect(r.status).toBe(401);
    expect(r.json.meta.powered_by).toBe('crowdstrike-api-gateway');
    expect(r.json.errors).toEqual([{ code: 401, message: 'access denied, invalid bearer token' }]);
    expect(r.headers.get('x-ratelimit-limit')).toBe('15');
  });

  it('answers a call outside the client scopes with 403', async () => {
    const ro = await h.token('readOnly');
    const r = await h.api('POST', '/devices/entities/devices-actions/v2', {
      token: ro,
      query: { action_name: 'contain' },
      body: { ids: [[...h.sim.tenant.hosts.keys()][0]] },
    });
    expect(r.status).toBe(403);
    expect(r.json.errors).toEqual([{ code: 403, message: 'access denied, authorization failed' }]);
    // The read-only client can still read.
    expect((await h.api('GET', '/devices/queries/devices/v1', { token: ro })).status).toBe(200);
  });

  it('answers unknown paths with 404 and wrong methods with 405, in the envelope', async () => {
    const nf = await h.api('GET', '/devices/queries/nothing/v9');
    expect(nf.status).toBe(404);
    expect(nf.json.errors[0].code).toBe(404);
    expect(nf.json.meta.trace_id).toBeTruthy();
    const na = await h.api('DELETE', '/devices/queries/devices/v1');
    expect(na.status).toBe(405);
    expect(na.headers.get('allow')).toBe('GET');
    expect(na.json.errors[0].code).toBe(405);
  });

  it("answers the automation guide's old POST /devices/actions/devices/v1 with the gateway's 404, like any path that exists nowhere", async () => {
    const old = await h.api('POST', '/devices/actions/devices/v1', { query: { action_name: 'contain' }, body: { ids: [[...h.sim.tenant.hosts.keys()][0]] } });
    const nowhere = await h.api('POST', '/no/such/path/v1', { body: {} });
    for (const r of [old, nowhere]) {
      expect(r.status).toBe(404);
      expect(r.json.meta.powered_by).toBe('crowdstrike-api-gateway');
      expect(r.json.resources).toBeNull();
      expect(r.json.errors).toHaveLength(1);
    }
    // Nothing was contained by the old path.
    expect([...h.sim.tenant.hosts.values()].filter((x) => x.status === 'containment_pending')).toHaveLength(0);
  });

  it('rejects unknown query parameters and limits out of range with 400', async () => {
    const unknown = await h.api('GET', '/devices/queries/devices/v1', { query: { colour: 'red' } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors[0].message).toContain("Unknown query parameter 'colour'");
    const limit = await h.api('GET', '/devices/queries/devices/v1', { query: { limit: 5001 } });
    expect(limit.status).toBe(400);
    expect(limit.json.errors[0].message).toContain('between 1 and 5000');
    const notInt = await h.api('GET', '/devices/queries/devices/v1', { query: { offset: 'ten' } });
    expect(notInt.status).toBe(400);
  });

  it('rejects malformed JSON, a wrong content type and an oversized body', async () => {
    const bad = await h.api('POST', '/devices/entities/devices/v2', { body: '{"ids": [' });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].message).toContain('Malformed JSON');
    const type = await h.api('POST', '/devices/entities/devices/v2', { body: 'ids=a', headers: { 'Content-Type': 'text/plain' } });
    expect(type.status).toBe(415);
    expect(type.json.errors[0].message).toContain('application/json');
    const big = await h.api('POST', '/devices/entities/devices/v2', { body: { ids: ['x'.repeat(6 * 1024 * 1024)] } });
    expect(big.status).toBe(413);
    expect(big.json.errors[0].code).toBe(413);
  });

  it('accepts Content-Type: application/json on a GET without a body', async () => {
    const r = await h.api('GET', '/devices/queries/devices/v1', { headers: { 'Content-Type': 'application/json' } });
    expect(r.status).toBe(200);
  });

  it('answers a malformed filter with 400 and a useful message', async () => {
    const r = await h.api('GET', '/devices/queries/devices/v1', { query: { filter: "hostname:'abc" } });
    expect(r.status).toBe(400);
    expect(r.json.errors[0].message).toMatch(/^Failed to parse filter expression\./);
    const unknown = await h.api('GET', '/devices/queries/devices/v1', { query: { filter: "os:'Windows'" } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors[0].message).toContain("'os' is an unknown property");
  });
});

describe('rate limits', () => {
  it('answers 429 past the per-minute limit, with Retryafter as epoch seconds', async () => {
    const h = await startHarness({ rateLimit: 5 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await h.api('GET', '/devices/queries/devices/v1')).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      const r = await h.api('GET', '/devices/queries/devices/v1');
      expect(r.status).toBe(429);
      expect(r.json.errors[0].code).toBe(429);
      const retry = Number(r.headers.get('x-ratelimit-retryafter'));
      const nowSec = Date.now() / 1000;
      expect(retry).toBeGreaterThan(nowSec);
      expect(retry).toBeLessThanOrEqual(Math.ceil(nowSec) + 61);
      expect(r.headers.get('x-ratelimit-remaining')).toBe('0');
    } finally {
      await h.close();
    }
  });

  it('frees the window after a minute (moving clock)', async () => {
    let now = Date.UTC(2026, 10, 1);
    const h = await startHarness({ rateLimit: 2, now: () => now, tokenTtl: 86_400 });
    try {
      expect((await h.api('GET', '/devices/queries/devices/v1')).status).toBe(200);
      expect((await h.api('GET', '/devices/queries/devices/v1')).status).toBe(200);
      expect((await h.api('GET', '/devices/queries/devices/v1')).status).toBe(429);
      now += 61_000;
      expect((await h.api('GET', '/devices/queries/devices/v1')).status).toBe(200);
    } finally {
      await h.close();
    }
  });

  it('limits failed authentications per source IP', async () => {
    const h = await startHarness({ authFailureLimit: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await h.api('GET', '/devices/queries/devices/v1', { token: 'bogus' })).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await h.close();
    }
  });
});
