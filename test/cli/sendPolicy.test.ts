// The send policy from the command line (the built binary): a read-only
// profile, whose API client could do anything, refuses every write through
// `talon request` (with and without --all), `replay` and `contain`, sending
// nothing and recording nothing; and a write POST answered 500 under --all is
// sent exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness, type SimHarness } from '../helpers/simClient.js';
import { runTalon } from '../helpers/talonBinary.js';
import { tempHome } from '../helpers/tempHome.js';
import { addProfile } from '../core/request/profiles.js';
import { historyFile } from '../../src/core/history/historyStore.js';
import { auditLogPath } from '../../src/core/audit/auditLog.js';
import { startLocalServer } from '../core/http/helpers/localServers.js';

const NO_PROXY = { HTTP_PROXY: '', HTTPS_PROXY: '', http_proxy: '', https_proxy: '', NO_COLOR: '1' };

let h: SimHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** A TALON_HOME whose default profile is read-only but holds the simulator's full-access client. */
function careful(): { env: NodeJS.ProcessEnv; home: string } {
  const { env, home } = tempHome(NO_PROXY);
  const c = h.sim.clients.demo;
  addProfile(env, { name: 'careful', baseUrl: h.sim.url, clientId: c.id, clientSecret: c.secret, readOnly: true });
  return { env, home };
}

const normalHost = (n = 0) => [...h.sim.tenant.hosts.values()].filter((x) => x.status === 'normal' && x.host_hidden_status === 'visible')[n] as { device_id: string; hostname: string };

const REFUSAL = /^talon: Refused by the read-only profile 'careful': performActionV2 needs devices:write \(POST \/devices\/entities\/devices-actions\/v2\); use another profile\.\n$/;

describe('a read-only profile on the command line', () => {
  it('talon request refuses a write, even with --yes and --all, sends and records nothing', async () => {
    const { env } = careful();
    const host = normalHost();
    const args = ['request', '/devices/entities/devices-actions/v2', '-X', 'POST', '-q', 'action_name=contain', '-d', JSON.stringify({ ids: [host.device_id] }), '--profile', 'careful', '--yes'];
    for (const extra of [[], ['--all']]) {
      const r = await runTalon([...args, ...extra], { env });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(REFUSAL);
      expect(r.stdout).toBe('');
    }
    expect(h.sim.tenant.hosts.get(host.device_id)?.status).toBe('normal');
    expect(existsSync(historyFile(env))).toBe(false);
    // Reads still work.
    const read = await runTalon(['request', '/devices/queries/devices/v1', '-q', 'limit=1', '--profile', 'careful'], { env });
    expect(read.code).toBe(0);
  });

  it('talon replay refuses a saved write', async () => {
    const { env, home } = careful();
    const dir = join(home, 'c');
    mkdirSync(dir);
    writeFileSync(join(dir, 'hide.json'), JSON.stringify({ method: 'POST', path: '/devices/entities/devices-actions/v2', query: { action_name: 'hide_host' }, body: { ids: '{{ids}}' }, variables: { ids: { type: 'list' } } }));
    const host = normalHost(1);
    const r = await runTalon(['replay', 'hide', '--collection', dir, '--var', `ids=${host.device_id}`, '--profile', 'careful', '--yes'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(REFUSAL);
    expect(h.sim.tenant.hosts.get(host.device_id)?.host_hidden_status).toBe('visible');
  });

  it('talon contain refuses before the review, sends nothing and audits nothing', async () => {
    const { env } = careful();
    const host = normalHost(2);
    for (const extra of [[], ['--lift']]) {
      const r = await runTalon(['contain', host.hostname, '--profile', 'careful', '--yes', '--wait', ...extra], { env });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^talon: Refused by the read-only profile 'careful': performActionV2 needs devices:write/);
      expect(r.stdout).toBe('');
    }
    expect(h.sim.tenant.hosts.get(host.device_id)?.status).toBe('normal');
    expect(existsSync(auditLogPath(env))).toBe(false);
  });
});

describe('a write answered 500 with --all', () => {
  it('is sent once: no retry after it may have reached the server', async () => {
    const server = await startLocalServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url.startsWith('/oauth2/token')) {
        res.statusCode = 201;
        res.end(JSON.stringify({ access_token: 'token-1', expires_in: 1799 }));
        return;
      }
      res.statusCode = 500;
      res.end(JSON.stringify({ meta: { trace_id: 'trace-500' }, resources: [], errors: [{ code: 500, message: 'internal error' }] }));
    });
    try {
      const { env } = tempHome({ ...NO_PROXY, FALCON_BASE_URL: server.url, FALCON_CLIENT_ID: 'client-1', FALCON_CLIENT_SECRET: 'secret-1' });
      const path = '/real-time-response/combined/batch-admin-command/v1';
      const r = await runTalon(['request', path, '-X', 'POST', '-d', JSON.stringify({ base_command: 'runscript', batch_id: 'b1' }), '--all', '--yes'], { env });
      expect(r.code).toBe(1);
      expect(r.stderr).not.toContain('retrying');
      expect(server.requests.filter((x) => x.url.startsWith(path))).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
