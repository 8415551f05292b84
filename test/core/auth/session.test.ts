import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/server.js';
import { HttpClient } from '../../../src/core/http/httpClient.js';
import type { ApiCaller } from '../../../src/core/http/types.js';
import { Session, type SessionCredentials } from '../../../src/core/auth/session.js';
import { TokenCache } from '../../../src/core/auth/tokenCache.js';
import { FalconClient } from '../../../src/core/auth/falconClient.js';
import { tempHome } from '../../helpers/tempHome.js';

const running: RunningSimulator[] = [];
const clients: HttpClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(running.splice(0).map((s) => s.close()));
});

async function sim(options: Parameters<typeof startSimulator>[0] = {}): Promise<RunningSimulator> {
  const s = await startSimulator({ port: 0, ...options });
  running.push(s);
  return s;
}

function httpFactory(): (baseUrl: string) => ApiCaller {
  const map = new Map<string, HttpClient>();
  return (baseUrl) => {
    let c = map.get(baseUrl);
    if (!c) {
      c = new HttpClient({ baseUrl, retry: { baseMs: 1, capMs: 5 } });
      map.set(baseUrl, c);
      clients.push(c);
    }
    return c;
  };
}

function connect(
  s: RunningSimulator,
  opts: { cacheDir?: string; kind?: 'demo' | 'readOnly'; creds?: Partial<SessionCredentials>; cloudUrls?: Record<string, string>; now?: () => number } = {},
) {
  const c = s.clients[opts.kind ?? 'demo'];
  const http = httpFactory();
  const session = new Session({
    credentials: { clientId: c.id, clientSecret: c.secret, baseUrl: s.url, autodiscover: false, ...opts.creds },
    http,
    cache: new TokenCache(opts.cacheDir),
    cloudUrls: opts.cloudUrls,
    now: opts.now,
  });
  return { session, client: new FalconClient(session, http) };
}

describe('session', () => {
  it('uses one token call for many requests, and shares it with another process through the cache', async () => {
    const s = await sim();
    const { home } = tempHome();
    const a = connect(s, { cacheDir: home });
    for (let i = 0; i < 5; i++) expect((await a.client.request({ method: 'GET', path: '/devices/queries/devices/v1' })).status).toBe(200);
    expect(s.tokensIssued()).toBe(1);
    // A second session (as another process would) reads the 0600 cache file.
    const b = connect(s, { cacheDir: home });
    expect((await b.client.request({ method: 'GET', path: '/devices/queries/devices/v1' })).status).toBe(200);
    expect(s.tokensIssued()).toBe(1);
  });

  it('merges concurrent token requests into one', async () => {
    const s = await sim();
    const { client } = connect(s);
    const results = await Promise.all(Array.from({ length: 8 }, () => client.request({ method: 'GET', path: '/devices/queries/devices/v1' })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(s.tokensIssued()).toBe(1);
  });

  it('renews a short-lived token shortly before it expires', async () => {
    const s = await sim({ tokenTtl: 3 });
    const { session, client } = connect(s);
    await client.request({ method: 'GET', path: '/devices/queries/devices/v1' });
    const first = session.state;
    expect(first).toBeDefined();
    // Margin for a 3 s token is 1 s: renewal happens once 2 s have passed, never a 401.
    const deadline = Date.now() + 6000;
    while (s.tokensIssued() < 2 && Date.now() < deadline) {
      expect((await client.request({ method: 'GET', path: '/devices/queries/devices/v1' })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(s.tokensIssued()).toBe(2);
    expect(session.state?.issuedAt).toBeGreaterThan(first?.issuedAt ?? 0);
  });

  it('renews once and retries once on a 401 (token revoked behind its back)', async () => {
    const s = await sim();
    const { home } = tempHome();
    const a = connect(s, { cacheDir: home });
    await a.client.request({ method: 'GET', path: '/devices/queries/devices/v1' });
    // Another process logs out: the token is revoked but this session still holds it in memory.
    const b = connect(s, { cacheDir: home });
    expect(await b.session.logout()).toBe(true);
    const res = await a.client.request({ method: 'GET', path: '/devices/queries/devices/v1' });
    expect(res.status).toBe(200);
    expect(s.tokensIssued()).toBe(2);
  });

  it('fails with exit code 3 and the API message for bad credentials', async () => {
    const s = await sim();
    const { client } = connect(s, { creds: { clientSecret: 'wrong' } });
    await expect(client.request({ method: 'GET', path: '/devices/queries/devices/v1' })).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringContaining('refused the client credentials'),
      details: expect.arrayContaining([expect.stringContaining('Client authentication failed'), expect.stringMatching(/^trace id: /)]),
    });
  });

  it('tells a stale token (minted before a scope was granted) from a missing scope', async () => {
    const s = await sim();
    let skew = 0;
    const { client } = connect(s, { kind: 'readOnly', now: () => Date.now() + skew });
    const id = [...s.tenant.hosts.keys()][0] as string;
    const contain = { method: 'POST' as const, path: '/devices/entities/devices-actions/v2', query: [['action_name', 'contain']] as const, body: { json: { ids: [id] } } };
    const denied = await client.request(contain);
    expect(denied.status).toBe(403);
    expect(denied.missingScope).toBe(true);
    // The admin grants devices:write; the cached token still carries the old scopes.
    s.grantScope(s.clients.readOnly.id, 'devices:write');
    skew += 60_000; // a minute later
    const allowed = await client.request({ ...contain, path: '/devices/entities/devices-actions/v2' });
    expect(allowed.status).toBe(202);
    expect(allowed.renewedStaleToken).toBe(true);
  });

  it('logout revokes the token and clears the cache file', async () => {
    const s = await sim();
    const { home } = tempHome();
    const a = connect(s, { cacheDir: home });
    await a.client.request({ method: 'GET', path: '/devices/queries/devices/v1' });
    expect(await a.session.logout()).toBe(true);
    expect(await a.session.logout()).toBe(false);
    const b = connect(s, { cacheDir: home });
    await b.client.request({ method: 'GET', path: '/devices/queries/devices/v1' });
    expect(s.tokensIssued()).toBe(2);
  });
});

describe('the token cache tells the truth', () => {
  it('is bound to the secret: a wrong secret misses the cached token and gets the API refusal (exit 3)', async () => {
    const s = await sim();
    const { home } = tempHome();
    const a = connect(s, { cacheDir: home });
    await a.client.request({ method: 'GET', path: '/devices/queries/devices/v1' });
    const b = connect(s, { cacheDir: home, creds: { clientSecret: 'wrong' } });
    await expect(b.session.token()).rejects.toMatchObject({ exitCode: 3 });
  });

  it('keys entries as earlier versions did (HMAC-SHA256 keyed by the secret), so an upgrade keeps the cached tokens', () => {
    const key = { origin: 'https://api.us-2.crowdstrike.com', clientId: 'id-1', clientSecret: 's3crét', memberCid: 'cid-9' };
    const expected = (k: typeof key | Omit<typeof key, 'memberCid'>): string =>
      createHmac('sha256', k.clientSecret).update(`talon-token-cache-v2\n${k.origin}\n${k.clientId}\n${'memberCid' in k ? k.memberCid : ''}`).digest('hex');
    expect(TokenCache.keyOf(key)).toBe(expected(key));
    const { memberCid: _omitted, ...noMember } = key;
    expect(TokenCache.keyOf(noMember)).toBe(expected(noMember));
    expect(TokenCache.keyOf({ ...key, clientSecret: 'other' })).not.toBe(expected(key));
  });

  it('a cached entry never moves calls away from the configured base URL', async () => {
    const s = await sim();
    const { home } = tempHome();
    const c = s.clients.demo;
    const now = Date.now();
    new TokenCache(home).set({ origin: s.url, clientId: c.id, clientSecret: c.secret }, { accessToken: 'planted', issuedAt: now, expiresAt: now + 1_800_000, baseUrl: 'http://127.0.0.1:9' });
    const a = connect(s, { cacheDir: home });
    expect(a.session.baseUrl).toBe(s.url);
    const t = await a.session.token();
    expect(t.accessToken).not.toBe('planted');
    expect(t.baseUrl).toBe(s.url);
  });
});

describe('region autodiscovery', () => {
  it('follows a 308 from us-1 to the client region and calls the API there', async () => {
    const home = await sim({ region: 'us-2' });
    const us1 = await sim({ region: 'us-1', clientRegion: 'us-2', regionUrls: { 'us-2': home.url } });
    const { session, client } = connect(us1, { creds: { autodiscover: true, baseUrl: us1.url }, cloudUrls: { 'us-1': us1.url, 'us-2': home.url } });
    const res = await client.request({ method: 'GET', path: '/devices/queries/devices/v1' });
    expect(res.status).toBe(200);
    expect(session.baseUrl).toBe(home.url);
    expect(res.url.startsWith(home.url)).toBe(true);
  });

  it('moves to the region named by X-Cs-Region on a 201', async () => {
    const home = await sim({ region: 'eu-1' });
    const us1 = await sim({ region: 'us-1', clientRegion: 'eu-1', regionRedirect: '201' });
    const { session, client } = connect(us1, { creds: { autodiscover: true, baseUrl: us1.url }, cloudUrls: { 'us-1': us1.url, 'eu-1': home.url } });
    const res = await client.request({ method: 'GET', path: '/devices/queries/devices/v1' });
    expect(res.status).toBe(200);
    expect(session.baseUrl).toBe(home.url);
    expect(home.tokensIssued()).toBe(1);
  });

  it('refuses a redirect to a host that is no known cloud, without sending the secret there', async () => {
    const us1 = await sim({ region: 'us-1', clientRegion: 'us-2', regionUrls: { 'us-2': 'http://127.0.0.1:1' } });
    const { client } = connect(us1, { creds: { autodiscover: true, baseUrl: us1.url }, cloudUrls: { 'us-1': us1.url } });
    await expect(client.request({ method: 'GET', path: '/devices/queries/devices/v1' })).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringContaining('not a known Falcon cloud'),
    });
  });
});
