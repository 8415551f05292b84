import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type SimHarness } from '../helpers/simClient.js';
import { startSimulator } from '../../src/sim/server.js';

async function tokenRequest(url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as any };
}

describe('OAuth2', () => {
  let h: SimHarness;
  beforeAll(async () => {
    h = await startHarness({ tokenTtl: 2 });
  });
  afterAll(() => h.close());

  it('issues a bearer token with 201 and no region header, so FalconPy stays on this base URL', async () => {
    const { demo } = h.sim.clients;
    const r = await tokenRequest(h.sim.url, { client_id: demo.id, client_secret: demo.secret });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ token_type: 'bearer', expires_in: 2 });
    expect(typeof r.json.access_token).toBe('string');
    expect(r.headers.get('x-cs-region')).toBeNull();
    expect(r.headers.get('x-cs-traceid')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('names its region in X-Cs-Region when started as a region, and tokens work there', async () => {
    const eu = await startHarness({ region: 'eu-1' });
    try {
      const { demo } = eu.sim.clients;
      const r = await tokenRequest(eu.sim.url, { client_id: demo.id, client_secret: demo.secret });
      expect(r.status).toBe(201);
      expect(r.headers.get('x-cs-region')).toBe('eu-1');
      const hosts = await eu.api('GET', '/devices/queries/devices/v1', { token: r.json.access_token, query: { limit: 1 } });
      expect(hosts.status).toBe(200);
    } finally {
      await eu.close();
    }
  });

  it('gives every answer its own trace id, also across simulators with one seed', async () => {
    const twin = await startSimulator({ port: 0 });
    try {
      const ids = new Set<string>();
      for (const url of [h.sim.url, twin.url, h.sim.url, twin.url]) {
        const res = await fetch(`${url}/nowhere`);
        const body = (await res.json()) as { meta: { trace_id: string } };
        expect(res.headers.get('x-cs-traceid')).toBe(body.meta.trace_id);
        ids.add(body.meta.trace_id);
      }
      expect(ids.size).toBe(4);
    } finally {
      await twin.close();
    }
  });

  it('accepts credentials in an HTTP Basic header and ignores grant_type', async () => {
    const { demo } = h.sim.clients;
    const basic = Buffer.from(`${demo.id}:${demo.secret}`).toString('base64');
    const r = await tokenRequest(h.sim.url, { grant_type: 'client_credentials' }, { Authorization: `Basic ${basic}` });
    expect(r.status).toBe(201);
  });

  it('refuses a wrong secret with 403 and the meta-only envelope', async () => {
    const r = await tokenRequest(h.sim.url, { client_id: h.sim.clients.demo.id, client_secret: 'nope' });
    expect(r.status).toBe(403);
    expect(r.json.errors[0]).toEqual({ code: 403, message: 'Failed to issue access token - Client authentication failed.' });
    expect(r.json).not.toHaveProperty('resources');
    expect(r.json.meta).toMatchObject({ powered_by: 'csam' });
    expect(typeof r.json.meta.trace_id).toBe('string');
  });

  it('refuses a missing client id with 400', async () => {
    const r = await tokenRequest(h.sim.url, {});
    expect(r.status).toBe(400);
    expect(r.json.errors[0].code).toBe(400);
  });

  it('mints child tokens for a known member_cid and refuses others', async () => {
    const { demo } = h.sim.clients;
    const child = h.sim.childCids[0] as string;
    const good = await tokenRequest(h.sim.url, { client_id: demo.id, client_secret: demo.secret, member_cid: `${child.toUpperCase()}-7A` });
    expect(good.status).toBe(201);
    // The child's tenant is a different one: its hosts are not the parent's.
    const ids = await h.api('GET', '/devices/queries/devices/v1', { token: good.json.access_token, query: { limit: 5 } });
    expect(ids.status).toBe(200);
    expect(ids.json.resources.some((id: string) => h.sim.tenant.hosts.has(id))).toBe(false);
    const bad = await tokenRequest(h.sim.url, { client_id: demo.id, client_secret: demo.secret, member_cid: 'f'.repeat(32) });
    expect(bad.status).toBe(403);
    expect(bad.json.errors[0].message).toContain('Failed to generate access token for customer ID=');
  });

  it('expires tokens after the TTL with 401', async () => {
    const { demo } = h.sim.clients;
    const r = await tokenRequest(h.sim.url, { client_id: demo.id, client_secret: demo.secret });
    const t = r.json.access_token as string;
    expect((await h.api('GET', '/devices/queries/devices/v1', { token: t })).status).toBe(200);
    const deadline = Date.now() + 5000;
    let status = 200;
    while (status === 200 && Date.now() < deadline) {
      await new Promise((res) => setTimeout(res, 100));
      status = (await h.api('GET', '/devices/queries/devices/v1', { token: t })).status;
    }
    expect(status).toBe(401);
  });

  it('revokes a token: 200, then the token gets 401', async () => {
    const { demo } = h.sim.clients;
    const t = (await tokenRequest(h.sim.url, { client_id: demo.id, client_secret: demo.secret })).json.access_token as string;
    const basic = Buffer.from(`${demo.id}:${demo.secret}`).toString('base64');
    const res = await fetch(`${h.sim.url}/oauth2/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `basic ${basic}` },
      body: new URLSearchParams({ token: t, client_id: demo.id }),
    });
    expect(res.status).toBe(200);
    const after = await h.api('GET', '/devices/queries/devices/v1', { token: t });
    expect(after.status).toBe(401);
    expect(after.json.errors[0]).toEqual({ code: 401, message: 'access denied, invalid bearer token' });
  });

  it('answers revoke without a token field with 400', async () => {
    const res = await fetch(`${h.sim.url}/oauth2/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(res.status).toBe(400);
  });
});

describe('region autodiscovery', () => {
  it('redirects a token request to the home region with 308, Location and X-Cs-Region', async () => {
    const home = await startSimulator({ region: 'us-2' });
    const other = await startSimulator({ region: 'us-1', clientRegion: 'us-2', regionUrls: { 'us-2': home.url } });
    try {
      const { demo } = other.clients;
      const r = await tokenRequest(other.url, { client_id: demo.id, client_secret: demo.secret });
      expect(r.status).toBe(308);
      expect(r.headers.get('x-cs-region')).toBe('us-2');
      expect(r.headers.get('location')).toBe(`${home.url}/oauth2/token`);
      const there = await tokenRequest(home.url, { client_id: demo.id, client_secret: demo.secret });
      expect(there.status).toBe(201);
      expect(there.headers.get('x-cs-region')).toBe('us-2');
    } finally {
      await other.close();
      await home.close();
    }
  });

  it('in the 201 form, names the home region and the token fails here with 401', async () => {
    const other = await startSimulator({ region: 'us-1', clientRegion: 'eu-1', regionRedirect: '201' });
    try {
      const { demo } = other.clients;
      const r = await tokenRequest(other.url, { client_id: demo.id, client_secret: demo.secret });
      expect(r.status).toBe(201);
      expect(r.headers.get('x-cs-region')).toBe('eu-1');
      const res = await fetch(`${other.url}/devices/queries/devices/v1`, { headers: { Authorization: `Bearer ${r.json.access_token}` } });
      expect(res.status).toBe(401);
    } finally {
      await other.close();
    }
  });
});
