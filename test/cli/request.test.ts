import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness, type SimHarness } from '../helpers/simClient.js';
import { runTalon } from '../helpers/talonBinary.js';
import { tempHome } from '../helpers/tempHome.js';
import { startLocalProxy, type LocalProxy } from '../core/http/helpers/localServers.js';

let h: SimHarness;
let proxy: LocalProxy;

beforeAll(async () => {
  h = await startHarness({ tokenTtl: 1799 });
  proxy = await startLocalProxy();
});
afterAll(async () => {
  await proxy.close();
  await h.close();
});

/** An environment that points talon at the simulator with the demo client, in a fresh TALON_HOME. */
function simEnv(kind: 'demo' | 'readOnly' = 'demo'): { home: string; env: NodeJS.ProcessEnv } {
  return h.home(kind);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('talon request', () => {
  it('prints the response JSON and exits 0; one token serves two processes', async () => {
    const { env } = simEnv();
    const before = h.sim.tokensIssued();
    const a = await runTalon(['request', '/devices/queries/devices/v1', '-q', 'limit=2'], { env });
    expect(a.code).toBe(0);
    const body = JSON.parse(a.stdout);
    expect(body.resources).toHaveLength(2);
    expect(body.meta.pagination.total).toBe(500);
    const b = await runTalon(['request', '/devices/queries/devices/v1', '-q', 'limit=1'], { env });
    expect(b.code).toBe(0);
    expect(h.sim.tokensIssued() - before).toBe(1);
  });

  it('sends repeated -q keys, --query-json arrays, and a full URL on the same host', async () => {
    const { env } = simEnv();
    const ids = [...h.sim.tenant.hosts.keys()].slice(0, 3);
    const r = await runTalon(['request', '/devices/entities/devices/v2', '-q', `ids=${ids[0]}`, '-q', `ids=${ids[1]}`, '--query-json', JSON.stringify({ ids: [ids[2]] })], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).resources.map((d: { device_id: string }) => d.device_id).sort()).toEqual([...ids].sort());
    const url = await runTalon(['request', `${h.sim.url}/devices/queries/devices/v1?limit=1`], { env });
    expect(JSON.parse(url.stdout).resources).toHaveLength(1);
  });

  it('streams every page as ndjson with --all, and stops at --max-items', async () => {
    const { env } = simEnv();
    const all = await runTalon(['request', '/devices/queries/devices/v1', '-q', 'limit=100', '--all', '-o', 'ndjson'], { env });
    expect(all.code).toBe(0);
    const lines = all.stdout.trim().split('\n');
    expect(lines).toHaveLength(500);
    expect(new Set(lines).size).toBe(500);
    const some = await runTalon(['request', '/devices/queries/devices/v1', '-q', 'limit=100', '--max-items', '120', '-o', 'ndjson'], { env });
    expect(some.stdout.trim().split('\n')).toHaveLength(120);
    const json = await runTalon(['request', '/devices/queries/devices/v1', '-q', 'limit=100', '--max-items', '3'], { env });
    expect(JSON.parse(json.stdout)).toEqual({ resources: expect.any(Array), meta: { items: 3 }, errors: [] });
  });

  it('prints the context shape CrowdStrike.<endpoint> and raw bodies', async () => {
    const { env } = simEnv();
    const ctx = await runTalon(['request', '/devices/queries/devices/v1', '-q', 'limit=1', '-o', 'context'], { env });
    const parsed = JSON.parse(ctx.stdout);
    expect(parsed.CrowdStrike['/devices/queries/devices/v1']).toHaveLength(1);
    const raw = await runTalon(['request', '/devices/queries/devices/v1', '-q', 'limit=1', '-o', 'raw'], { env });
    expect(JSON.parse(raw.stdout).meta.pagination.limit).toBe(1);
  });

  it('reads the body from -d, -d @file and -d -', async () => {
    const { env, home } = simEnv();
    const id = [...h.sim.tenant.hosts.keys()][5] as string;
    const inline = await runTalon(['request', '/devices/entities/devices/v2', '-X', 'post', '-d', JSON.stringify({ ids: [id] })], { env });
    expect(JSON.parse(inline.stdout).resources[0].device_id).toBe(id);
    const file = join(home, 'body.json');
    writeFileSync(file, JSON.stringify({ ids: [id] }));
    const fromFile = await runTalon(['request', '/devices/entities/devices/v2', '-X', 'POST', '-d', `@${file}`], { env });
    expect(JSON.parse(fromFile.stdout).resources[0].device_id).toBe(id);
    const fromStdin = await runTalon(['request', '/devices/entities/devices/v2', '-X', 'POST', '-d', '-'], { env, input: JSON.stringify({ ids: [id] }) });
    expect(JSON.parse(fromStdin.stdout).resources[0].device_id).toBe(id);
  });

  it('exit 1: an API error on stderr with its message and trace id', async () => {
    const { env } = simEnv();
    const r = await runTalon(['request', '/devices/queries/devices/v1', '-q', "filter=hostname:'x"], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^talon: The API rejected the request as invalid \(400\)/);
    expect(r.stderr).toContain('Failed to parse filter expression');
    expect(r.stderr).toMatch(/trace id: [0-9a-f-]{36}/);
    expect(r.stderr).not.toContain('    at ');
    const missing = await runTalon(['request', '/nothing/here/v1'], { env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('(404)');
  });

  it('exit 1 with 403: a read-only client is told it lacks a scope', async () => {
    const { env } = simEnv('readOnly');
    const id = [...h.sim.tenant.hosts.keys()][0] as string;
    const r = await runTalon(['request', '/devices/entities/devices-actions/v2', '-X', 'POST', '-q', 'action_name=contain', '-d', JSON.stringify({ ids: [id] }), '--yes'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('(403)');
    expect(r.stderr).toContain('lacks the scope devices:write');
    expect(r.stderr).toContain('access denied, authorization failed');
  });

  it('exit 2: bad input gets one clear sentence', async () => {
    const { env, home } = simEnv();
    const cases: [string[], RegExp][] = [
      [['request', '/devices/queries/devices/v1', '-d', '{"ids": [1,}'], /^talon: Invalid JSON in -d at line 1, column 12: a value expected\.$/],
      [['request', '/devices/queries/devices/v1', '--query-json', '{"limit": }'], /^talon: Invalid JSON in --query-json at line 1, column 11/],
      [['request', '/devices/queries/devices/v1', '-X', 'FETCH'], /^talon: Unknown HTTP method 'FETCH': use one of GET, POST/],
      [['request', '/devices/queries/devices/v1', '-X', 'POST', '-d', `@${join(home, 'nope.json')}`], /^talon: The body file '.*nope\.json' does not exist\.$/],
      [['request', '/devices/queries/devices/v1', '-q', 'limit'], /^talon: Invalid query parameter 'limit': write it as key=value/],
      [['request', 'https://evil.example.com/devices/queries/devices/v1'], /is not the API host of this profile/],
      [['request', 'https://exa mple/x'], /^talon: The endpoint 'https:\/\/exa mple\/x' is not a valid URL/],
    ];
    for (const [args, expected] of cases) {
      const r = await runTalon(args, { env });
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(expected);
    }
  });

  it('exit 2: missing credentials name the flags and variables that supply them', async () => {
    const { env } = tempHome({ FALCON_BASE_URL: h.sim.url });
    const r = await runTalon(['request', '/devices/queries/devices/v1'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--client-id');
    expect(r.stderr).toContain('FALCON_CLIENT_SECRET');
  });

  it('exit 2: an action without a terminal and without --yes is refused; --yes sends it', async () => {
    const { env } = simEnv();
    const id = [...h.sim.tenant.hosts.values()].find((x) => x.status === 'normal')?.device_id as string;
    const args = ['request', '/devices/entities/devices-actions/v2', '-X', 'POST', '-q', 'action_name=hide_host', '-d', JSON.stringify({ ids: [id] })];
    const refused = await runTalon(args, { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('pass --yes');
    expect(h.sim.tenant.hosts.get(id)?.host_hidden_status).toBe('visible');
    const sent = await runTalon([...args, '--yes'], { env });
    expect(sent.code).toBe(0);
    expect(h.sim.tenant.hosts.get(id)?.host_hidden_status).toBe('hidden');
    await runTalon(['request', '/devices/entities/devices-actions/v2', '-X', 'POST', '-q', 'action_name=unhide_host', '-d', JSON.stringify({ ids: [id] }), '--yes'], { env });
  });

  it('exit 3: credentials the API refuses', async () => {
    const { env } = simEnv();
    const r = await runTalon(['request', '/devices/queries/devices/v1'], { env: { ...env, FALCON_CLIENT_SECRET: 'wrong' } });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('refused the client credentials');
    expect(r.stderr).toContain('Client authentication failed');
  });

  it('exit 4: the network is down', async () => {
    const { env } = simEnv();
    const r = await runTalon(['request', '/devices/queries/devices/v1', '--timeout', '2'], { env: { ...env, FALCON_BASE_URL: 'http://127.0.0.1:9' } });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('Cannot reach 127.0.0.1:9');
  });

  it('goes through a real proxy given by --proxy or HTTP_PROXY', async () => {
    const { env } = simEnv();
    proxy.forwarded.length = 0;
    const viaFlag = await runTalon(['request', '/devices/queries/devices/v1', '-q', 'limit=1', '--proxy', proxy.url], { env });
    expect(viaFlag.code).toBe(0);
    expect(proxy.forwarded).toContain(`${h.sim.url}/devices/queries/devices/v1?limit=1`);
    proxy.forwarded.length = 0;
    const viaEnv = await runTalon(['request', '/devices/queries/devices/v1', '-q', 'limit=2'], { env: { ...env, HTTP_PROXY: proxy.url } });
    expect(viaEnv.code).toBe(0);
    expect(proxy.forwarded).toContain(`${h.sim.url}/devices/queries/devices/v1?limit=2`);
  });

  it('warns on stderr with --insecure', async () => {
    const { env } = simEnv();
    const r = await runTalon(['request', '/devices/queries/devices/v1', '-q', 'limit=1', '--insecure'], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('--insecure trusts any TLS certificate');
  });

  it('works from a profile with a stored secret, and logout revokes the token', async () => {
    const { env } = tempHome({ HTTP_PROXY: '', http_proxy: '' });
    const c = h.sim.clients.demo;
    const add = await runTalon(['profile', 'add', 'sim', '--base-url', h.sim.url, '--client-id', c.id, '--store-secret'], { env: { ...env, FALCON_CLIENT_SECRET: c.secret } });
    expect(add.code).toBe(0);
    const r = await runTalon(['request', '/devices/queries/devices/v1', '-q', 'limit=1'], { env });
    expect(r.code).toBe(0);
    const out = await runTalon(['logout'], { env });
    expect(out.code).toBe(0);
    expect(out.stderr).toContain('token revoked');
  });

  it('never prints or stores the client secret or a token', async () => {
    const { env, home } = simEnv();
    const secret = env.FALCON_CLIENT_SECRET as string;
    const outputs: string[] = [];
    for (const args of [
      ['request', '/devices/queries/devices/v1', '-q', 'limit=2'],
      ['request', '/devices/queries/devices/v1', '--all', '-o', 'ndjson'],
      ['request', '/devices/queries/devices/v1', '-q', "filter=bad'"],
      ['request', '/devices/entities/devices-actions/v2', '-X', 'POST', '-q', 'action_name=contain', '-d', '{"ids":["x"]}'],
    ]) {
      const r = await runTalon(args, { env });
      outputs.push(r.stdout, r.stderr);
    }
    const cache = JSON.parse(readFileSync(join(home, 'cache', 'tokens.json'), 'utf8')) as Record<string, { accessToken: string }>;
    const token = Object.values(cache)[0]?.accessToken as string;
    expect(token).toBeTruthy();
    expect(statSync(join(home, 'cache', 'tokens.json')).mode & 0o777).toBe(0o600);
    for (const text of outputs) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(token);
    }
    for (const file of filesUnder(home)) {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toContain(secret);
      // Only the 0600 token cache may hold the token.
      if (!file.endsWith('tokens.json')) expect(text).not.toContain(token);
    }
  });
});
