// Credentials tell the truth and walks never end short in silence, as a user
// of the binary sees it: against the simulator and a deliberately broken server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness, type SimHarness } from '../helpers/simClient.js';
import { runTalon } from '../helpers/talonBinary.js';
import { tempHome } from '../helpers/tempHome.js';
import { startBrokenServer } from '../helpers/hostile/brokenServer.js';

let h: SimHarness;
beforeAll(async () => {
  h = await startHarness({ hosts: 30, log: () => {} });
});
afterAll(() => h.close());

const noProxy = { HTTP_PROXY: '', HTTPS_PROXY: '', http_proxy: '', https_proxy: '', NO_COLOR: '1' };

describe('credentials', () => {
  it('a wrong secret fails with exit 3 even while the right one has a token cached', async () => {
    const c = h.sim.clients.demo;
    const { env, home } = tempHome({ FALCON_BASE_URL: h.sim.url, FALCON_CLIENT_ID: c.id, FALCON_CLIENT_SECRET: c.secret, ...noProxy });
    const ok = await runTalon(['request', '/devices/queries/devices/v1', '-q', 'limit=1'], { env });
    expect(ok.code).toBe(0);
    const cache = readFileSync(join(home, 'cache', 'tokens.json'), 'utf8');
    expect(cache).not.toContain(c.secret);
    const wrong = { ...env, FALCON_CLIENT_SECRET: 'not-the-secret' };
    const r = await runTalon(['request', '/devices/queries/devices/v1', '-q', 'limit=1'], { env: wrong });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('The API refused the client credentials');
    const contain = await runTalon(['contain', [...h.sim.tenant.hosts.keys()][0]!, '--yes'], { env: wrong });
    expect(contain.code).toBe(3);
  });

  it('logout says so, with a non-zero exit, when the API did not revoke the token (403)', async () => {
    const broken = await startBrokenServer({ revokeStatus: 403 });
    try {
      const { env } = tempHome({ FALCON_BASE_URL: broken.url, FALCON_CLIENT_ID: 'client', FALCON_CLIENT_SECRET: 'secret', ...noProxy });
      expect((await runTalon(['request', '/devices/queries/devices/v1', '-q', 'limit=1'], { env })).code).toBe(0);
      const r = await runTalon(['logout'], { env });
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/^talon: The token was removed from the cache but NOT revoked: the API answered 403 \(check the client secret\)\. It stays valid until \d{4}-/);
      expect(r.stderr).not.toContain('token revoked and removed');
    } finally {
      await broken.close();
    }
  });

  it('logout with a wrong secret does not claim to revoke the token minted by the right one', async () => {
    const c = h.sim.clients.demo;
    const { env } = tempHome({ FALCON_BASE_URL: h.sim.url, FALCON_CLIENT_ID: c.id, FALCON_CLIENT_SECRET: c.secret, ...noProxy });
    expect((await runTalon(['request', '/devices/queries/devices/v1', '-q', 'limit=1'], { env })).code).toBe(0);
    const r = await runTalon(['logout'], { env: { ...env, FALCON_CLIENT_SECRET: 'wrong' } });
    expect(r.stderr).not.toContain('token revoked');
    expect(r.stderr).toContain('no cached token for these credentials');
    const right = await runTalon(['logout'], { env });
    expect(right.code).toBe(0);
    expect(right.stderr).toContain('token revoked');
  });
});

describe('request --all against a broken server', () => {
  it('a broken page partway through: the items so far are written, a sentence says how many, exit 1', async () => {
    const broken = await startBrokenServer({ total: 1000, brokenPage: { page: 4, kind: 'null-resources' } });
    try {
      const { env } = tempHome({ FALCON_BASE_URL: broken.url, FALCON_CLIENT_ID: 'client', FALCON_CLIENT_SECRET: 'secret', ...noProxy });
      const r = await runTalon(['request', '/devices/queries/devices/v1', '-q', 'limit=100', '--all', '-o', 'ndjson'], { env });
      expect(r.code).toBe(1);
      expect(r.stdout.trim().split('\n')).toHaveLength(300);
      expect(r.stderr).toContain('talon: The walk stopped early after 300 of 1,000 items: page 4 (HTTP 200) has null resources.');
    } finally {
      await broken.close();
    }
  });

  it('a server that ignores offset: stops at the repeated page, exit 1', async () => {
    const broken = await startBrokenServer({ total: 1000, ignoreOffset: true });
    try {
      const { env } = tempHome({ FALCON_BASE_URL: broken.url, FALCON_CLIENT_ID: 'client', FALCON_CLIENT_SECRET: 'secret', ...noProxy });
      const r = await runTalon(['request', '/devices/queries/devices/v1', '-q', 'limit=100', '--all', '-o', 'ndjson'], { env });
      expect(r.code).toBe(1);
      expect(r.stdout.trim().split('\n')).toHaveLength(100);
      expect(r.stderr).toContain('page 2 repeats page 1 (the server ignored the paging `offset`)');
    } finally {
      await broken.close();
    }
  });
});
